"""agreements: not yet implemented; the component sets an empty list."""

from __future__ import annotations

from spacy.tokens import Doc


class AgreementComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.ng_agreements = []
        return doc
