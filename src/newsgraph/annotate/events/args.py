"""Where and when an event took place: the place phrase ("at the Pentagon", "in New Delhi")
and the date expression attached to its clause, resolved against the publication date."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.annotate import gazetteer
from newsgraph.annotate.dates import Direction, resolve_date
from newsgraph.annotate.docindex import entity_at, index_of
from newsgraph.annotate.events.rules import Candidate
from newsgraph.annotate.grammar import ent_span
from newsgraph.annotate.plover import lemma

PLACE_PREPS = {"in", "at", "inside", "near"}
PLACE_LABELS = {"GPE", "FAC", "LOC"}


def _country(text: str) -> str | None:
    return gazetteer.lookup_country(text)


# ------------------------------------------------------------------ where and when

def _clause_tokens(cand: Candidate) -> list[Token]:
    """The words whose modifiers describe this event: anchor, governor and their heads."""
    toks = [cand.anchor, cand.governor]
    cur = cand.governor
    for _ in range(3):
        if cur.dep_ in ("xcomp", "conj", "pcomp", "prep", "advcl") and cur.head != cur:
            cur = cur.head
            toks.append(cur)
        else:
            break
    return toks


def location_of(doc: Doc, cand: Candidate) -> tuple[str | None, str | None]:
    toks = _clause_tokens(cand)
    # "hosted Prime Minister Modi in Nairobi": the place may hang from the guest
    toks += [o for o in cand.anchor.children if o.dep_ == "dobj"]
    for tok in toks:
        place = _prep_place(cand, tok)
        if place is None:
            place = _visited_place(tok)
        if place is not None:
            return _place(doc, place)
    return None, None


def _place_prep(cand: Candidate, p: Token) -> bool:
    """Whether preposition `p` can introduce the event's place."""
    if p.dep_ != "prep" or p.lower_ not in PLACE_PREPS | {"to"}:
        return False
    # "advanced its forces to Amhara" is a place, "talked to X" is not
    return p.lower_ != "to" or lemma(cand.anchor) in ("travel", "visit", "trip") or \
        cand.sense.category == "MOBILIZE"


def _prep_place(cand: Candidate, tok: Token) -> Token | None:
    """The place named by a preposition of `tok` ("in New Delhi", "at a market in Kabul")."""
    for p in tok.children:
        if not _place_prep(cand, p):
            continue
        for o in p.children:
            if o.dep_ == "pobj" and o.ent_type_ in PLACE_LABELS:
                return o
            for q in o.children:  # "at a market in Kabul"
                if q.dep_ == "prep" and q.lower_ in PLACE_PREPS:
                    for o2 in q.children:
                        if o2.dep_ == "pobj" and o2.ent_type_ in PLACE_LABELS:
                            return o2
    return None


def _visited_place(tok: Token) -> Token | None:
    """The place visited: "visited New Delhi"."""
    if lemma(tok) == "visit":
        for o in tok.children:
            if o.dep_ == "dobj" and o.ent_type_ in PLACE_LABELS:
                return o
    return None


def _place(doc: Doc, tok: Token) -> tuple[str, str | None]:
    span = ent_span(tok)
    name = span.text if span is not None else tok.text
    if name.lower().startswith("the "):
        name = name[4:]
    country = _country(name)
    for c in tok.children:  # "Geneva, Switzerland", "Hiroshima, Japan"
        if c.dep_ in ("appos", "npadvmod", "conj") and country is None:
            country = _country(c.text)
    if country is None:
        ent = entity_at(doc, tok.idx, tok.idx + len(tok.text))
        country = ent.affiliation if ent is not None else None
    return name, country


CLIMB = {"prep", "pobj", "npadvmod", "appos", "compound", "nmod", "pcomp", "advcl", "conj",
         "dobj", "acl", "relcl", "advmod"}


def _attachment(root: Token, clause: list[int]) -> int | None:
    """How far up from a date expression's head the event's clause is (None: not at all).
    "on Tuesday" -> met (1); "Starting on July 11" -> took (2); "Malabo, Equatorial Guinea,
    February 14-15" -> visit (3)."""
    cur = root
    for level in range(1, 5):
        if cur.dep_ not in CLIMB | {"pobj"} or cur.head == cur:
            return None
        cur = cur.head
        if cur.i in clause:
            return level + clause.index(cur.i)
    return None


def date_of(doc: Doc, cand: Candidate, direction: Direction
            ) -> tuple[str | None, str | None]:
    """The date expression attached nearest to the event's clause, resolved; among equally
    near ones, the first that resolves."""
    published = doc._.ng_published
    clause = [t.i for t in _clause_tokens(cand)]
    sent = cand.anchor.sent
    found: list[tuple[int, int, Span]] = []
    for ent in index_of(doc).dates:
        if sent.start <= ent.start < sent.end:
            level = _attachment(ent.root, clause)
            if level is not None:
                found.append((level, ent.start, ent))
    found.sort(key=lambda f: (f[0], f[1]))
    first = None
    for _, _, ent in found:
        resolved = resolve_date(ent.text, published, direction)
        if resolved.value is not None:
            return ent.text, resolved.value
        first = first or ent.text
    return first, None
