"""What the annotation components make of a short text, for tests that compose their own."""

from __future__ import annotations

from spacy.language import Language

from newsgraph.record import Article, Entity, Quote


def _doc(nlp: Language, text: str, title: str | None = None):  # type: ignore[no-untyped-def]
    from newsgraph.annotate.pipeline import make_doc

    return nlp(make_doc(nlp, Article.new(text, title=title)))


def quotes_of(nlp: Language, text: str, title: str | None = None) -> list[Quote]:
    return list(_doc(nlp, text, title)._.ng_quotes)


def people(nlp: Language, text: str) -> dict[str, Entity]:
    return {e.name: e for e in _doc(nlp, text)._.ng_entities if e.type == "PERSON"}
