"""The seat after a title, taken off the name that follows it.

"Labour MP for Tottenham David Lammy": the tagger reads "Tottenham David Lammy" as one name.
After a title that takes its seat with "for" (`data/constituency_titles.tsv`: MP, MLA,
Member of Parliament, candidate), the words that open the name and name a known place
(GeoNames) or a compass point ("Islington North") are the constituency's, so the name is
what follows them ("David Lammy"); at least two words of the name are kept.
"""

from __future__ import annotations

import re

from newsgraph import lexicon
from newsgraph.annotate.entities.coref import Person, _full
from newsgraph.geo import places

TITLES = frozenset(row[0] for row in lexicon.tsv_rows("constituency_titles.tsv"))
COMPASS = frozenset({"north", "south", "east", "west", "central", "northeast", "northwest",
                     "southeast", "southwest", "and", "st", "st."})
FOR_RE = re.compile(r"(\w+)\s+for\s+$", re.IGNORECASE)
# Names shorter than this are left whole.
MIN_WORDS = 3


def _seat_words(words: list[str]) -> int:
    """How many leading words of a name are its seat's."""
    n = 0
    while len(words) - n > 2:
        w = words[n]
        if w.lower() in COMPASS and n > 0 or any(p.kind == "city" for p in places.lookup(w)):
            n += 1
            continue
        break
    return n


def split_seats(text: str, people: list[Person]) -> None:
    """Take the seat off names that follow "MP for" and the like."""
    for p in people:
        changed = False
        for n in p.names:
            if len(n.words) < MIN_WORDS or n.end <= n.start:
                continue
            m = FOR_RE.search(text[max(0, n.start - 40):n.start])
            if m is None or m.group(1).lower() not in TITLES:
                continue
            cut = _seat_words(n.words)
            if not cut:
                continue
            rest = n.words[cut:]
            at = text.find(rest[0], n.start, n.end)
            if at < 0:
                continue
            n.words, n.start, changed = rest, at, True
        if changed:
            p._words = {w for n in p.names for w in _full(n.words)}
