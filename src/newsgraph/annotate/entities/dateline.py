"""The dateline of a news story: the place it was filed from, written before the first
sentence ("NEW DELHI:", "ABUJA —", "KYIV, Ukraine (AP) —", "Taipei, Jan. 5 (CNA) --").

A story filed from a country reports that country's affairs more often than not, so the
dateline's country counts as one piece of evidence for the country whose officials the
article names without a country (`stated.domestic`); alone it decides nothing.
"""

from __future__ import annotations

import re

from newsgraph.annotate import gazetteer
from newsgraph.geo import places

# A place in capitals (or capitalised words), perhaps its country, perhaps a date, perhaps
# an agency in brackets, then a colon or a dash.
DATELINE_RE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z.'’ -]{1,30}?)"
    r"(?:,\s*(?P<country>[A-Z][A-Za-z. ]{1,30}?))?"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\([A-Za-z .]{1,30}\))?\s*(?::|—|–|--|-)\s")
# A city that is not a capital must be this large to stand for its country.
CITY_MIN = 100_000


def country(text: str) -> str | None:
    """The country of the story's dateline, None when the story has none."""
    m = DATELINE_RE.match(text[:80])
    if m is None:
        return None
    place = m["place"].strip()
    if not (place.isupper() or m["country"] or "(" in m.group(0)):
        return None  # "Former area councillor - ..." is no dateline
    for name in (m["country"], place):
        if not name:
            continue
        found = gazetteer.lookup_country(name.strip().title()) \
            or gazetteer.lookup_country(name.strip())
        if found:
            return found
    cities = [p for p in places.lookup(place.title()) if p.kind == "city"
              and p.population >= CITY_MIN]
    if len(cities) != 1:
        return None
    name = places.country_name(cities[0].country_code)
    return gazetteer.lookup_country(name) if name else None
