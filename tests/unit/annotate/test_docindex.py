"""docindex: the doc._.ng_* attributes and the per-Doc look-ups."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsgraph.annotate import docindex
from newsgraph.record import Entity

_nlp = spacy.blank("en")


def test_every_attribute_is_registered() -> None:
    for name in docindex.INPUTS + docindex.OUTPUTS:
        assert Doc.has_extension(name), name


def test_entity_of_a_token_is_entity_at_its_characters() -> None:
    doc = _nlp("Joe Biden met Narendra Modi in Washington .")
    biden = Entity("e1", "Joe Biden", "PERSON", mentions=[[0, 9]])
    org = Entity("e2", "Biden met", "ORG", mentions=[[4, 13]])
    place = Entity("e3", "Washington", "GPE", mentions=[[31, 41]])
    doc._.ng_entities = [biden, org, place]
    for tok in doc:
        assert docindex.entity_of(tok) is docindex.entity_at(doc, tok.idx,
                                                             tok.idx + len(tok.text))
    assert docindex.entity_of(doc[1]) is biden  # overlap 5 each: the PERSON wins
    assert docindex.entity_of(doc[2]) is org
    assert docindex.entity_of(doc[3]) is None


def test_the_index_follows_a_new_entity_list() -> None:
    doc = _nlp("Joe Biden spoke .")
    doc._.ng_entities = [Entity("e1", "Joe Biden", "PERSON", mentions=[[0, 9]])]
    assert docindex.entity_of(doc[0]).id == "e1"
    doc._.ng_entities = [Entity("e7", "Biden", "PERSON", mentions=[[4, 9]])]
    assert docindex.entity_of(doc[0]) is None
    assert docindex.entity_of(doc[1]).id == "e7"


def test_token_at_a_character() -> None:
    doc = _nlp("Hello world")
    assert docindex.token_at(doc, 0).text == "Hello"
    assert docindex.token_at(doc, 4).text == "Hello"
    assert docindex.token_at(doc, 5) is None  # the space after "Hello"
    assert docindex.token_at(doc, 6).text == "world"
    assert docindex.token_at(doc, 99) is None


def test_release_drops_the_cache() -> None:
    doc = _nlp("Hello world")
    assert docindex.text_of(doc) == "Hello world"
    assert docindex.KEY in doc.user_data
    docindex.release(doc)
    assert docindex.KEY not in doc.user_data


def test_components_leave_no_cache_on_the_doc(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.annotate.pipeline import make_doc
    from newsgraph.record import Article

    doc = nlp(make_doc(nlp, Article.new('"We will sign," Hegseth said on Tuesday.',
                                        published="2025-07-02")))
    assert doc._.ng_quotes and docindex.KEY not in doc.user_data
