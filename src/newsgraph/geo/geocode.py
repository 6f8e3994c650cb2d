"""Where a place name points, ranked by the article it is read in.

A name is looked up in the hand table (`data/places_extra.tsv`: facilities, territories,
regions), then among GeoNames' countries, US states and cities of 5000 people or more
(`geo.places`). When several places share the name, each candidate is scored by

1. the event's own countries (where the text says it happened, its actors' countries),
2. the article's countries: the countries it names, its people's affiliations, and the
   countries of its other places (a second pass once those are resolved), with the US state
   of a US city counted when the article names that state,
3. prominence: population (log scale), the name being the place's own GeoNames name rather
   than an alternate spelling ("Islamabad" is an alternate name of Chattogram, Bangladesh),
   and being its country's capital.

A country, region or sea is never given a point; a name followed by "region", "province",
"oblast" or "state" is resolved to that first-level division (admin1), not to its city.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsgraph.geo import countries, extra, places
from newsgraph.geo.places import GeoPlace
from newsgraph.record import Geo

# Score weights (see the module docstring for what each stands for).
W_EVENT = 2.0
W_ARTICLE = 1.0
# Prominence: POP_SCALE per tenfold population above POP_BASE people (10,000).
POP_SCALE = 0.5
POP_BASE = 4.0
W_STATE = 0.8
W_OWN_NAME = 0.4
W_CAPITAL = 0.4
COUNTRY_PRIOR = 1.2
STATE_PRIOR = 1.15

ADMIN1_WORDS = ("region", "oblast", "province", "governorate", "state", "prefecture")
_ADMIN1_AFTER = re.compile(r"^\s+(" + "|".join(ADMIN1_WORDS) + r")\b", re.IGNORECASE)
_ADMIN1_IN_NAME = re.compile(r"^(.*\S)\s+(" + "|".join(ADMIN1_WORDS) + r")$", re.IGNORECASE)
# "Casper, Wyo.", "Sydney, Australia": the state or country written after a town.
_WITHIN = re.compile(r"^,\s*([A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)")


@dataclass
class Context:
    """What the article says about where it is: weights of countries (ISO codes) and the
    US states it names."""

    countries: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    us_states: set[str] = field(default_factory=set)

    def weight(self, iso: str | None) -> float:
        if not iso or not self.countries:
            return 0.0
        top = max(self.countries.values())
        return self.countries.get(iso, 0.0) / top if top > 0 else 0.0


def fold(text: str) -> str:
    """Lower case without accents: "Rafaḩ" and "Rafah" compare equal."""
    norm = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in norm if not unicodedata.combining(ch)).lower()


def clean(name: str) -> str:
    t = name.strip().strip(".,;:")
    for suffix in ("'s", "\u2019s"):
        if t.endswith(suffix):
            t = t[: -len(suffix)]
    if t[:4].lower() == "the ":
        t = t[4:]
    return t.strip()


def _city_score(p: GeoPlace, name: str, ctx: Context, event: frozenset[str]) -> float:
    s = POP_SCALE * (math.log10(p.population + 1) - POP_BASE)
    if fold(p.name) == fold(name):
        s += W_OWN_NAME
    country = countries.by_iso().get(p.country_code)
    if country is not None and fold(country.capital) == fold(p.name):
        s += W_CAPITAL
    if p.country_code == "US" and ctx.us_states and p.geonames_id is not None:
        if countries.us_admin1().get(p.geonames_id) in ctx.us_states:
            s += W_STATE
    return s


def score(p: GeoPlace, name: str, ctx: Context, event: frozenset[str]) -> float:
    s = W_EVENT * (p.country_code in event) + W_ARTICLE * ctx.weight(p.country_code)
    if p.kind == "country":
        return s + COUNTRY_PRIOR
    if p.kind == "us_state":
        return s + STATE_PRIOR
    return s + _city_score(p, name, ctx, event)


def _geo(p: GeoPlace) -> Geo:
    if p.kind == "country":
        return Geo("country", None, None, p.geonames_id, p.country_code, p.name)
    if p.kind == "us_state":
        return Geo("admin1", None, None, p.geonames_id, "US", p.name)
    return Geo("city", p.lat, p.lon, p.geonames_id, p.country_code, p.name)


def _extra_geo(e: extra.ExtraPlace) -> Geo:
    return Geo(e.precision, e.lat, e.lon, None, e.country, e.name)  # type: ignore[arg-type]


def _country_geo(iso: str) -> Geo:
    c = countries.by_iso()[iso]
    return Geo("country", None, None, c.geonames_id, iso, c.name)


def candidates(name: str) -> list[GeoPlace]:
    return places.lookup(name)


def best(name: str, ctx: Context, event: frozenset[str] = frozenset(),
         found: list[GeoPlace] | None = None) -> GeoPlace | None:
    found = candidates(name) if found is None else found
    if not found:
        return None
    return max(found, key=lambda p: score(p, name, ctx, event))


def _within(after: str) -> tuple[str, str | None] | None:
    """The country (ISO code) and US state code a town is placed in by the words after
    it ("Mansfield, MA" -> US, MA; "Sydney, Australia" -> AU), or None."""
    m = _WITHIN.match(after)
    if m is None:
        return None
    words = m[1].split()
    for phrase in (m[1], words[0]):
        state = countries.us_state(phrase)
        if state is not None:
            return "US", countries.us_state_codes().get(state)
        iso = countries.iso_of(phrase.rstrip("."))
        if iso is not None:
            return iso, None
    return None


def _in_place(name: str, within: tuple[str, str | None], ctx: Context,
              event: frozenset[str]) -> Geo | None:
    """A town in the state or country the text puts it in; that state or country alone
    when the gazetteer has no such town there."""
    iso, state = within
    found = [p for p in candidates(name) if p.country_code == iso and p.kind == "city"]
    if state is not None:
        admin1 = countries.us_admin1()
        found = [p for p in found if admin1.get(p.geonames_id or 0) == state]
    p = best(name, ctx, event, found)
    if p is not None:
        return _geo(p)
    if state is not None:
        return resolve(next(n for n, c in countries.us_state_codes().items() if c == state))
    return _country_geo(iso) if iso in countries.by_iso() else None


def _admin1(base: str, ctx: Context, event: frozenset[str], label: str) -> Geo | None:
    """ "Donetsk region": the division named after the place, in the place's country."""
    hit = extra.lookup(base)
    if hit is not None and hit.precision == "admin1":
        return _extra_geo(hit)
    p = best(base, ctx, event)
    if p is None:
        return None
    if p.kind == "country":
        return _geo(p)
    return Geo("admin1", None, None, None, p.country_code, f"{base} {label.lower()}")


def resolve(name: str, ctx: Context | None = None, event: Iterable[str] = (),
            after: str = "") -> Geo | None:
    """The place `name` names in this context; `after` is the text that follows the name
    ("region" in "the Donetsk region"). None: a name the gazetteers do not know."""
    ctx = ctx or Context()
    ev = frozenset(event)
    t = clean(name)
    if not t:
        return None
    if t.isupper() and len(t) > 3:  # a dateline: "SCRANTON, Pa."
        t = t.title()
    state = countries.us_state(t) if t not in countries.us_state_codes() else None
    if state is not None:
        return _geo(next(p for p in candidates(state) if p.kind == "us_state"))
    m = _ADMIN1_IN_NAME.match(t)
    if m and extra.lookup(t) is None:
        return _admin1(m[1], ctx, ev, m[2])
    m = _ADMIN1_AFTER.match(after)
    if m and extra.lookup(t) is None:
        return _admin1(t, ctx, ev, m[1])
    hit = extra.lookup(t)
    if hit is not None:
        return _extra_geo(hit)
    within = _within(after)
    if within is not None and countries.iso_of(t) is None:
        return _in_place(t, within, ctx, ev)
    iso = countries.iso_of(t)
    if iso in countries.by_iso() and not any(p.kind == "us_state" for p in candidates(t)):
        return _country_geo(iso)
    p = best(t, ctx, ev)
    return None if p is None else _geo(p)
