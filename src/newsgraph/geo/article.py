"""Geocoding one annotated Article: its places (GPE, LOC and FAC entities) and its events.

Run after annotation (`run/process.py` calls `geocode_article` on every annotated article),
so the annotators stay free of the gazetteer's ranking and a stored record can be geocoded
again when the ranking changes. It writes only `Entity.geo` and `Event.geo`.

Two passes: the countries the article names (and its people's and actors' countries) rank
the first reading of every place; the countries and US states of those readings are then
added to the context and every place is read again, so that "Arlington" in an article naming
Virginia is the one in Virginia.
"""

from __future__ import annotations

import re
from collections import defaultdict

from newsgraph.geo import countries
from newsgraph.geo.geocode import Context, clean, resolve
from newsgraph.record import Article, Entity, Event, Geo

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# Weights of what puts a country in the article's context.
NAMED_COUNTRY = 1.0
AFFILIATION = 0.5
RESOLVED_PLACE = 1.0


def _after(article: Article, ent: Entity) -> str:
    if not ent.mentions:
        return ""
    end = ent.mentions[0][1]
    return article.text[end:end + 40]


def base_context(article: Article) -> Context:
    """The countries the article names, and those its people and actors belong to."""
    ctx = Context()
    for ent in article.entities:
        iso = countries.iso_of(ent.name) if ent.type in PLACE_TYPES else None
        if iso is not None and countries.us_state_codes().get(clean(ent.name)) is None:
            ctx.countries[iso] += NAMED_COUNTRY * max(1, min(len(ent.mentions), 3))
        aff = countries.iso_of(ent.affiliation)
        if aff is not None:
            ctx.countries[aff] += AFFILIATION
    for ev in article.events:
        for name in [ev.location_country] + [a.affiliation for a in ev.actors]:
            iso = countries.iso_of(name)
            if iso is not None:
                ctx.countries[iso] += AFFILIATION
    return ctx


# "the Ryman Auditorium in Nashville", "Bridgestone Arena, Nashville": the town after a
# building or venue the gazetteers do not know.
_TOWN_AFTER = re.compile(r"^\s*(?:,|in|at)\s+([A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){0,2})")


def _place(article: Article, ent: Entity, ctx: Context) -> Geo | None:
    after = _after(article, ent)
    geo = resolve(ent.name, ctx, after=after)
    if geo is not None:
        return geo
    m = _TOWN_AFTER.match(after)
    if m is None:
        return None
    end = m.end(1)
    town = resolve(m[1], ctx, after=after[end:])
    if town is None or town.precision not in ("city", "facility"):
        return None
    return Geo("city", town.lat, town.lon, town.geonames_id, town.country, town.name)


def _places(article: Article, ctx: Context) -> dict[str, Geo | None]:
    return {ent.id: _place(article, ent, ctx)
            for ent in article.entities if ent.type in PLACE_TYPES}


def article_context(article: Article) -> Context:
    """The context after the first pass: the base one plus the article's resolved places."""
    ctx = base_context(article)
    first = _places(article, ctx)
    counts: defaultdict[str, float] = defaultdict(float)
    for geo in first.values():
        if geo is None or geo.country is None:
            continue
        if geo.precision != "country":  # a named country is counted already
            counts[geo.country] += RESOLVED_PLACE
        if geo.precision == "admin1" and geo.country == "US" and geo.name:
            code = countries.us_state_codes().get(geo.name)
            if code:
                ctx.us_states.add(code)
    for iso, n in counts.items():
        ctx.countries[iso] += n
    return ctx


def _event_countries(ev: Event) -> set[str]:
    names = [ev.location_country] + [a.affiliation for a in ev.actors]
    return {iso for iso in map(countries.iso_of, names) if iso is not None}


def event_geo(ev: Event, ctx: Context, by_name: dict[str, Geo | None]) -> Geo | None:
    """Where the event happened: its location read with the event's own countries first;
    only its country when that is all the text gives (never a point then)."""
    if ev.location:
        geo = resolve(ev.location, ctx, event=_event_countries(ev))
        if geo is None:
            geo = by_name.get(clean(ev.location))
        if geo is not None:
            return geo
    iso = countries.iso_of(ev.location_country)
    if iso is not None and iso in countries.by_iso():
        c = countries.by_iso()[iso]
        return Geo("country", None, None, c.geonames_id, iso, c.name)
    return None


def geocode_article(article: Article) -> Article:
    """Set `geo` on the article's places and events (in place); returns the article."""
    if not article.entities and not article.events:
        return article
    ctx = article_context(article)
    final = _places(article, ctx)
    by_name: dict[str, Geo | None] = {}
    for ent in article.entities:
        if ent.id in final:
            ent.geo = final[ent.id]
            by_name.setdefault(clean(ent.name), ent.geo)
    for ev in article.events:
        ev.geo = event_geo(ev, ctx, by_name)
    return article
