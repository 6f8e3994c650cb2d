"""Entities: spaCy NER grouped into one canonical entity per name (first version)."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.record import Entity

TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}


class EntityComponent:
    def __call__(self, doc: Doc) -> Doc:
        by_name: dict[tuple[str, str], Entity] = {}
        for ent in doc.ents:
            if ent.label_ not in TYPES:
                continue
            key = (ent.label_, ent.text)
            e = by_name.get(key)
            if e is None:
                e = Entity(id=f"e{len(by_name) + 1}", name=ent.text, type=ent.label_)
                by_name[key] = e
            e.mentions.append([ent.start_char, ent.end_char])
        doc._.ng_entities = list(by_name.values())
        return doc
