"""The hand table of places GeoNames' populated-place files lack (`data/places_extra.tsv`):
facilities, bases, plants, territories and regions, each with its point (or none), its
precision and the source of its coordinates."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from newsgraph import lexicon

PRECISIONS = ("facility", "city", "admin1", "country", "region")


@dataclass(frozen=True)
class ExtraPlace:
    name: str
    lat: float | None
    lon: float | None
    precision: str
    country: str | None  # ISO 3166-1 alpha-2
    source: str


def _number(text: str) -> float | None:
    return None if text == "-" else float(text)


@cache
def table(name: str = "places_extra.tsv") -> dict[str, ExtraPlace]:
    """Every spelling of every row, by its lower-cased spelling."""
    out: dict[str, ExtraPlace] = {}
    for number, row in lexicon.tsv_lines(name):
        if len(row) != 6 or row[3] not in PRECISIONS:
            raise ValueError(f"{name}:{number}: expected names, lat, lon, precision "
                             f"({' | '.join(PRECISIONS)}), country, source")
        names = row[0].split("|")
        place = ExtraPlace(names[0], _number(row[1]), _number(row[2]), row[3],
                           None if row[4] == "-" else row[4], row[5])
        for n in names:
            out.setdefault(n.lower(), place)
    return out


def lookup(name: str) -> ExtraPlace | None:
    key = name.strip().lower()
    if key.startswith("the "):
        key = key[4:]
    return table().get(key)
