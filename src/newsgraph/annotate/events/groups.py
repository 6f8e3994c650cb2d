"""Group phrases as actors: "the two leaders", "both sides", "the two countries".

Readouts name the two sides of a meeting once and then speak of them as a pair ("President
Biden spoke with Prime Minister Modi. The two leaders discussed ..."). A pair phrase stands
for its members only where the text makes them plain: exactly two people (for leaders,
ministers, ...) or two countries (for sides, countries, ...) named before it in the same
sentence, or else in the previous sentence of the same paragraph. More or fewer, and the
phrase stays unresolved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph import lexicon
from newsgraph.record import Entity

# Heads of pair phrases standing for two people or two countries, and the words that make
# the pair (data/groups.tsv).
GROUP_PEOPLE = lexicon.groups().tagged("pair_people")
GROUP_SIDES = lexicon.groups().tagged("pair_sides")
PAIR_WORDS = lexicon.groups().tagged("pair_word")


@dataclass
class Members:
    """Who a pair phrase stands for: entities of the article, or country names."""

    entities: list[Entity] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)


def _stem(tok: Token) -> str:
    low = tok.lower_
    return low[:-3] + "y" if low.endswith("ies") else low.rstrip("s")


def is_pair_phrase(tok: Token) -> bool:
    """'the two leaders', 'both sides', 'the two countries' (plural head counted as two)."""
    if tok.tag_ not in ("NNS", "NNPS") or _stem(tok) not in GROUP_PEOPLE | GROUP_SIDES:
        return False
    return any(c.lower_ in PAIR_WORDS for c in tok.children
               if c.dep_ in ("nummod", "det", "predet", "amod", "quantmod", "preconj"))


def _distinct(span: Span, entity_of: Callable[[Token], Entity | None], kind: str
              ) -> list[Entity]:
    out: list[Entity] = []
    for t in span:
        e = entity_of(t)
        if e is not None and e.type == kind and all(e.id != o.id for o in out):
            out.append(e)
    return out


def _spans(doc: Doc, tok: Token) -> list[Span]:
    """Where the pair may be named: earlier in this sentence, then the sentence before (in
    the same paragraph: a blank line or line break starts a new topic)."""
    sent = tok.sent
    spans = [doc[sent.start:tok.i]]
    if sent.start > 0:
        prev = doc[sent.start - 1].sent
        if "\n" not in doc[prev.end - 1:sent.start + 1].text_with_ws:
            spans.append(prev)
    return spans


def pair_members(doc: Doc, tok: Token, entity_of: Callable[[Token], Entity | None]
                 ) -> Members:
    """The two actors a pair phrase stands for, or nothing when the text leaves it open."""
    people = _stem(tok) in GROUP_PEOPLE
    for span in _spans(doc, tok):
        persons = _distinct(span, entity_of, "PERSON")
        if people:
            if len(persons) == 2:
                return Members(entities=persons)
            if len(persons) > 2:
                return Members()
            continue
        countries = _distinct(span, entity_of, "GPE")
        if len(countries) == 2:
            return Members(entities=countries)
        if len(countries) > 2:
            return Members()
        sides = {p.affiliation for p in persons if p.affiliation}
        if len(persons) == 2 and len(sides) == 2:  # "Sullivan met Wang Yi. The two sides"
            return Members(countries=sorted(sides))
    return Members()
