"""quotes: not yet implemented; the component sets an empty list."""

from __future__ import annotations

from spacy.tokens import Doc


class QuoteComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.ng_quotes = []
        return doc
