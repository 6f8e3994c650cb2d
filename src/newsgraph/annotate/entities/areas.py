"""States and provinces that tell a title holder's country.

"Ontario Premier Doug Ford", "Lagos State Governor Babajide Sanwo-Olu", "the premier of
Gauteng", "Maharashtra Chief Minister": a first-level division named as the jurisdiction of
a title (`data/admin_areas.tsv`) belongs to one country, so the holder is that country's,
as a US state before "Sen." makes a US senator. The division names the jurisdiction and is
no part of the role ("Premier"). Each division the article names also counts as evidence
of its country for the article-wide rules (`evidence`), as US states do.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from spacy.tokens import Doc

from newsgraph import lexicon
from newsgraph.annotate.entities import roles
from newsgraph.annotate.entities.coref import Person
from newsgraph.annotate.gazetteer import US_STATES_WITH_COUNTRY_NAMES, Hit, Place
from newsgraph.geo import countries

# Words between a division and the name that may still be the title ("Chief Minister").
TITLE_REACH = 5
# How far before a name the title may begin, in characters.
WINDOW = 90


@cache
def table() -> dict[str, str]:
    """Division name -> country."""
    return {row[0]: row[1] for row in lexicon.tsv_rows("admin_areas.tsv")}


@cache
def _area_re() -> re.Pattern[str]:
    names = sorted(table(), key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names)
    return re.compile(rf"\b({alt})(?:\s+(?:State|Province))?(?:['’]s)?\b")


def _before(text: str, start: int) -> str | None:
    """The country of a division opening the title right before a name at `start`."""
    pre = text[max(0, start - WINDOW):start]
    for m in _area_re().finditer(pre):
        between = pre[m.end():].split()
        if not between or len(between) > TITLE_REACH:
            continue
        if all(roles.is_title_word(w.rstrip(".,")) or w.lower() in roles.CONNECTORS
               for w in between):
            return table()[m.group(1)]
    return None


def _in_role(texts: list[str]) -> str | None:
    """The country of a division inside a role's wording ("premier of Alberta")."""
    found = {table()[m.group(1)] for t in texts for m in _area_re().finditer(t)}
    return found.pop() if len(found) == 1 else None


def apply(text: str, people: list[Person]) -> None:
    """Fill the country of titled people whose title names a division of one country."""
    for p in people:
        if not p.roles or p.affiliation_kind in ("country", "role", "office", "org"):
            continue
        found = {c for n in p.names if (c := _before(text, n.start))}
        country = found.pop() if len(found) == 1 else _in_role(p.role_texts)
        if country is not None:
            p.affiliation, p.affiliation_kind = country, "country"


def evidence(text: str) -> Counter[str]:
    """How often the article names a division of each country."""
    return Counter(table()[m.group(1)] for m in _area_re().finditer(text))


# What names the country Georgia rather than the US state: its capital, its people.
GEORGIA_COUNTRY = frozenset({"Tbilisi", "Georgian", "Georgians"})


def us_georgia(doc: Doc, hits: list[Hit]) -> list[Hit]:
    """ "Georgia" is the US state in an article that names other US states and nothing of
    the country (its capital, its demonym): "his Georgia chairman" in a story on the
    Republican delegates is no Georgian's."""
    if not any(h.place.country == "Georgia" for h in hits) \
            or any(t.text in GEORGIA_COUNTRY for t in doc):
        return hits
    states = {h.place.name for h in hits if h.place.name in US_STATES_WITH_COUNTRY_NAMES} \
        | {e.text for e in doc.ents if e.label_ == "GPE" and e.text != "Georgia"
           and countries.us_state(e.text) is not None}
    if not states:
        return hits
    state = Place("region", "Georgia", "GPE")
    return [Hit(h.start, h.end, state) if h.place.country == "Georgia" else h for h in hits]
