"""Entities: spaCy NER grouped into one canonical entity per name (first version).

`entity_at(doc, start, end)` is the lookup other components (quotes, events) use to bind a
span of text to the canonical entity that has a mention there.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.record import Entity

TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}


def entity_at(doc: Doc, start_char: int, end_char: int) -> Entity | None:
    """The entity with a mention overlapping [start_char, end_char), or None.

    When several overlap, the one with the largest overlap wins; ties go to a PERSON, since
    callers mostly ask "who is this" (a quote speaker, an event actor).
    """
    best: Entity | None = None
    best_key = (0, False)
    for ent in doc._.ng_entities or []:
        for s, e in ent.mentions:
            overlap = min(e, end_char) - max(s, start_char)
            if overlap <= 0 and not (s == e == start_char == end_char):
                continue
            key = (max(overlap, 0), ent.type == "PERSON")
            if best is None or key > best_key:
                best, best_key = ent, key
    return best


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
