"""Surnames typed as places or organisations that the article uses as people.

"Jordan said", "Sen. Austin told reporters", "Lena Jordan": a one-word place or organisation
name is a person's surname when one of its mentions
- follows a personal title or honorific ("Sen. Jordan", "Mr. Austin"; data/titles.tsv), or
- directly follows a given name the article has as a person ("Lena" + "Jordan").
Such an entity becomes a PERSON; one that follows a given name takes the full name and the
given name's mentions, and the given name's own entity goes when all its mentions were so
absorbed. (The quotes component links a bare surname speaker, "Jordan said", to the person.)
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph import lexicon
from newsgraph.record import Entity

_TITLES = {w.rstrip(".") for w in lexicon.titles().words("honorific")
           | lexicon.titles().words("head")}
_RETYPED = ("GPE", "ORG")


def people_from_places(doc: Doc, entities: list[Entity]) -> list[Entity]:
    """`entities` with the surnames among the places and organisations made people."""
    text = doc.text
    given = {(m[1], e.id): e for e in entities if e.type == "PERSON" and " " not in e.name
             for m in e.mentions}
    dropped: set[str] = set()
    changed = False
    for ent in entities:
        if ent.type not in _RETYPED or " " in ent.name or not ent.name[:1].isupper():
            continue
        before = [_word_before(text, m[0]) for m in ent.mentions]
        first = next((g for m in ent.mentions for (end, gid), g in given.items()
                      if end + 1 == m[0] and text[end:m[0]] == " "), None)
        titled = any(w[:1].isupper() and w.rstrip(".").lower() in _TITLES for w in before)
        if first is None and not titled:
            continue
        ent.type = "PERSON"
        changed = True
        # A place's country is no person's ("Steve Israel"): the person keeps only what
        # the first name's entity had.
        ent.affiliation = ent.affiliation_source = None
        if first is not None:
            ent.name = f"{first.name} {ent.name}"
            ent.roles, ent.role_texts = list(first.roles), list(first.role_texts)
            ent.affiliation, ent.affiliation_source = first.affiliation, first.affiliation_source
            ent.organisation, ent.party = first.organisation, first.party
            spans = {(m[0], m[1]) for m in ent.mentions}
            absorbed = 0
            for m in first.mentions:
                follow = [x for x in spans if x[0] == m[1] + 1]
                if follow:
                    spans.discard(follow[0])
                    spans.add((m[0], follow[0][1]))
                    absorbed += 1
            ent.mentions = sorted([list(x) for x in spans])
            if absorbed == len(first.mentions):
                dropped.add(first.id)
    if not changed:
        return entities
    return [e for e in entities if e.id not in dropped]


def _word_before(text: str, start: int) -> str:
    words = text[max(0, start - 20):start].split()
    return words[-1] if words else ""
