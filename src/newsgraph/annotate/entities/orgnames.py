"""Personal names the statistical model typed as organisations or products.

The small English model tags some full names ORG or PRODUCT ("Carly Fiorina", "Kimberly
Morris", "Leo DiCaprio"). Such a span is read as a person's name when it is two or three
capitalised words (a possessive cut off), the first a given name of one gender in the
gender-guesser table that `annotate/quotes/gender` reads (names of either gender, such as
"Morgan", do not count), none a word that names a thing ("Foundation", "Hotel":
`data/not_people.tsv`, use "thing") or an organisation's suffix, and no word of it is a
gazetteer entry (a country, an office, an international organisation); a span that opens
with the main name of a city of `CITY_MIN` people or more ("Cleveland Browns") or is a
place itself, or holds a US state's name after its first word ("Sierra Nevada"), is no
person either, nor one that modifies a noun after it ("the Kerem Shalom crossing") or follows a
preposition of place ("through Kerem Shalom").
"""

from __future__ import annotations

from spacy.tokens import Span

from newsgraph.annotate.entities import names
from newsgraph.annotate.entities.names import Scan
from newsgraph.annotate.quotes import gender
from newsgraph.geo import places

LABELS = frozenset({"ORG", "PRODUCT", "NORP", "WORK_OF_ART"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
CITY_MIN = 100_000
# Prepositions whose object is a place, not a person ("through Kerem Shalom").
PLACE_PREPS = frozenset({"in", "into", "near", "through", "inside", "outside", "across", "via",
                         "toward", "towards", "throughout", "within"})


def person_span(ctx: Scan, ent: Span) -> tuple[int, int] | None:
    """The tokens [start, end) of a personal name the model typed `ent.label_`, or None."""
    if ent.label_ not in LABELS:
        return None
    start, end = ent.start, ent.end
    while end > start and ctx.doc[end - 1].text in POSSESSIVES:
        end -= 1
    toks = ctx.doc[start:end]
    if not 2 <= len(toks) <= 3 or any(
            not (t.is_alpha or "-" in t.text or "'" in t.text) or not t.text[:1].isupper()
            or t.is_upper or t.i in ctx.hit_at or t.lower_ in names.THING_WORDS for t in toks):
        return None
    if end < len(ctx.doc) and ctx.doc[end].text[:1].isupper() and ctx.doc[end].is_alpha:
        return None  # the span is cut from a longer capitalised name
    root = toks.root
    if root.dep_ == "compound" and root.head.i >= end and root.head.pos_ == "NOUN":
        return None  # "the Kerem Shalom crossing": the name of a thing
    if root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS:
        return None  # "aid through Kerem Shalom": a place
    if gender.of_given_name(toks.text, frozenset()) is None or places.lookup(toks.text) \
            or _city(toks[0].text) or any(_state(t.text) for t in toks[1:]):
        return None
    return start, end


def _city(word: str) -> bool:
    return places.is_main_name(word) and any(p.population >= CITY_MIN or p.kind == "us_state"
                                             for p in places.lookup(word))


def _state(word: str) -> bool:
    return any(p.kind == "us_state" for p in places.lookup(word))
