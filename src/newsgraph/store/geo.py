"""Where places and events are: the geo columns of `article_entities` and `event_reports`
(migration 0012_geo), the map's query and the GeoJSON export.

A row's `geo_precision` is facility | city | admin1 | country | region; `lat` and `lon` are
null for a country or a region (such an event is shaded by its country on the map, never
drawn at a point).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.record import Article, Entity, Event, Geo
from newsgraph.store.sql import Where

GEO_COLS = "geo_precision, lat, lon, geonames_id, geo_country, geo_name"
MAX_MAP_POINTS = 5000


def _values(geo: Geo | None) -> tuple[Any, ...]:
    if geo is None:
        return (None,) * 6
    return (geo.precision, geo.lat, geo.lon, geo.geonames_id, geo.country, geo.name)


def _geo(row: tuple[Any, ...]) -> Geo | None:
    if row[0] is None:
        return None
    return Geo(precision=row[0], lat=row[1], lon=row[2], geonames_id=row[3], country=row[4],
               name=row[5])


def write_geo(conn: sqlite3.Connection, art: Article) -> None:
    """The geo columns of an article's places and events, just inserted."""
    sets = ", ".join(f"{c.strip()} = ?" for c in GEO_COLS.split(","))
    conn.executemany(
        f"UPDATE article_entities SET {sets} WHERE article_id = ? AND local_id = ?",
        [(*_values(e.geo), art.id, e.id) for e in art.entities if e.geo is not None])
    conn.executemany(
        f"UPDATE event_reports SET {sets} WHERE article_id = ? AND local_id = ?",
        [(*_values(e.geo), art.id, e.id) for e in art.events if e.geo is not None])


def read_geo(conn: sqlite3.Connection, aid: str, entities: list[Entity],
             events: list[Event]) -> None:
    """Fill `geo` of a stored article's entities and events."""
    ents = {r[0]: _geo(r[1:]) for r in conn.execute(
        f"SELECT local_id, {GEO_COLS} FROM article_entities WHERE article_id = ?", (aid,))}
    evs = {r[0]: _geo(r[1:]) for r in conn.execute(
        f"SELECT local_id, {GEO_COLS} FROM event_reports WHERE article_id = ?", (aid,))}
    for e in entities:
        e.geo = ents.get(e.id)
    for v in events:
        v.geo = evs.get(v.id)


@dataclass
class MapFilters:
    """The map page's filters (those of the dyad page, and countries)."""

    countries: list[str] = field(default_factory=list)  # ISO codes
    categories: list[str] = field(default_factory=list)
    modalities: list[str] = field(default_factory=list)
    date_from: str | None = None
    date_to: str | None = None
    # Only reports the event judge gave at least this confidence (reports stored before the
    # judge, with none, are kept, as in the other views of events).
    min_confidence: float | None = None


@dataclass
class MapPoint:
    """One event report with its place: an event of an article."""

    event_id: str | None
    article_id: str
    article_title: str | None
    category: str
    modality: str
    date: str | None
    precision: str
    lat: float | None
    lon: float | None
    geonames_id: int | None
    country: str | None
    place: str | None
    location: str | None
    sentence: str


def _where(f: MapFilters, country_names: list[str]) -> Where:
    w = (Where().add("r.geo_precision IS NOT NULL")
         .in_("r.category", f.categories or None).in_("r.modality", f.modalities or None)
         .gte("r.date", f.date_from or None).lte("r.date", f.date_to or None))
    if f.min_confidence is not None:
        w.add("(r.confidence IS NULL OR r.confidence >= ?)", f.min_confidence)
    if f.countries:
        marks = ",".join("?" * len(f.countries))
        names = ",".join("?" * len(country_names)) or "NULL"
        w.add(f"(r.geo_country IN ({marks}) OR EXISTS (SELECT 1 FROM event_report_actors x "
              f"WHERE x.report_pk = r.pk AND x.affiliation IN ({names})))",
              *f.countries, *country_names)
    return w


def map_points(conn: sqlite3.Connection, f: MapFilters,
               country_names: list[str] | None = None) -> list[MapPoint]:
    """Located event reports passing `f`, newest first (at most MAX_MAP_POINTS);
    `country_names` are the names of `f.countries` as actors' affiliations spell them."""
    w = _where(f, country_names or [])
    rows = conn.execute(
        "SELECT l.event_id, r.article_id, a.title, r.category, r.modality, r.date, "
        "r.geo_precision, r.lat, r.lon, r.geonames_id, r.geo_country, r.geo_name, r.location, "
        "r.sentence FROM event_reports r JOIN articles a ON a.id = r.article_id "
        "LEFT JOIN event_links l ON l.report_pk = r.pk "
        f"WHERE {w.sql()} ORDER BY r.date DESC, r.pk LIMIT ?",
        [*w.params, MAX_MAP_POINTS]).fetchall()
    return [MapPoint(*r) for r in rows]


def map_countries(conn: sqlite3.Connection) -> list[str]:
    """ISO codes of the countries located events are in."""
    return [r[0] for r in conn.execute(
        "SELECT DISTINCT geo_country FROM event_reports WHERE geo_country IS NOT NULL "
        "ORDER BY geo_country")]


def feature(p: MapPoint) -> dict[str, Any]:
    """A GeoJSON Feature; a country- or region-level event has no geometry (null)."""
    geometry = None
    if p.lat is not None and p.lon is not None:
        geometry = {"type": "Point", "coordinates": [p.lon, p.lat]}
    props = {k: v for k, v in vars(p).items() if k not in ("lat", "lon")}
    return {"type": "Feature", "geometry": geometry, "properties": props}


def features(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    for r in conn.execute(
            "SELECT l.event_id, r.article_id, a.title, r.category, r.modality, r.date, "
            "r.geo_precision, r.lat, r.lon, r.geonames_id, r.geo_country, r.geo_name, "
            "r.location, r.sentence FROM event_reports r JOIN articles a ON a.id = r.article_id "
            "LEFT JOIN event_links l ON l.report_pk = r.pk "
            "WHERE r.geo_precision IS NOT NULL ORDER BY r.date, r.pk"):
        yield feature(MapPoint(*r))


def export_geojson(conn: sqlite3.Connection, out: Path) -> dict[str, int]:
    """Every located event report as one GeoJSON FeatureCollection."""
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        fh.write('{"type": "FeatureCollection", "features": [\n')
        for f in features(conn):
            fh.write((",\n" if n else "") + json.dumps(f, ensure_ascii=False))
            n += 1
        fh.write("\n]}\n")
    return {"events": n}
