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

from newsgraph import lexicon
from newsgraph.annotate.entities import roles
from newsgraph.annotate.entities.coref import Person

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
