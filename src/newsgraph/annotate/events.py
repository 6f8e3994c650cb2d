"""events: not yet implemented; the component sets an empty list."""

from __future__ import annotations

from spacy.tokens import Doc


class EventComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.ng_events = []
        return doc
