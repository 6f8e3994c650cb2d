"""The server-drawn world map: Natural Earth country shapes from the vendored world-atlas
TopoJSON (`static/world-countries-110m.json`, decoded here), drawn in the Natural Earth I
projection, with events as points by precision and countries shaded by their country-level
events.

The projection is the polynomial of Šavrič, Jenny, Patterson, Petrovič and Hurni (2015),
"A polynomial equation for the Natural Earth projection"; the same one d3-geo's
`geoNaturalEarth1` uses, so the page's JavaScript can invert the server's coordinates.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newsgraph.serve.charts import SOLID, plover_class
from newsgraph.store.geo import MapPoint

TOPOLOGY = Path(__file__).parent / "static" / "world-countries-110m.json"
WIDTH = 960
MARGIN = 8
# Radius of a point by precision; admin1 is drawn hollow and larger (a province's centre).
RADIUS = {"facility": 3.5, "city": 4.0, "admin1": 7.0}
SHADES = 4

Ring = list[tuple[float, float]]


def natural_earth(lon: float, lat: float) -> tuple[float, float]:
    """Natural Earth I, (lon, lat) in degrees to projection units (y up)."""
    lam, phi = math.radians(lon), math.radians(lat)
    p2 = phi * phi
    p4 = p2 * p2
    x = lam * (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4)))
    y = phi * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4)))
    return x, y


_X_MAX = natural_earth(180.0, 0.0)[0]
_Y_MAX = natural_earth(0.0, 90.0)[1]
SCALE = (WIDTH - 2 * MARGIN) / (2 * _X_MAX)
HEIGHT = round(2 * _Y_MAX * SCALE + 2 * MARGIN)


def to_svg(lon: float, lat: float) -> tuple[float, float]:
    x, y = natural_earth(lon, lat)
    return round(WIDTH / 2 + SCALE * x, 1), round(HEIGHT / 2 - SCALE * y, 1)


def _arcs(topology: dict[str, object]) -> list[Ring]:
    """The topology's arcs in degrees (quantized, delta-encoded positions undone)."""
    transform = topology["transform"]
    assert isinstance(transform, dict)
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    out = []
    for arc in topology["arcs"]:  # type: ignore[attr-defined]
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * sx + tx, y * sy + ty))
        out.append(pts)
    return out


def _ring(arcs: list[Ring], indexes: list[int]) -> Ring:
    ring: Ring = []
    for i in indexes:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(pts[1:] if ring else pts)
    return ring


def _path(rings: list[Ring]) -> str:
    """SVG path data; a ring is broken where it jumps across the antimeridian."""
    parts = []
    for ring in rings:
        prev: float | None = None
        for lon, lat in ring:
            x, y = to_svg(lon, lat)
            cmd = "M" if prev is None or abs(lon - prev) > 180 else "L"
            parts.append(f"{cmd}{x},{y}")
            prev = lon
        parts.append("Z")
    return "".join(parts)


@dataclass(frozen=True)
class Shape:
    id: str  # ISO 3166-1 numeric, as world-atlas names its countries
    name: str
    d: str


@cache
def shapes() -> tuple[Shape, ...]:
    """Every country's outline as SVG path data, decoded and projected once per process."""
    topology = json.loads(TOPOLOGY.read_text(encoding="utf-8"))
    arcs = _arcs(topology)
    out = []
    for g in topology["objects"]["countries"]["geometries"]:
        polys = [g["arcs"]] if g["type"] == "Polygon" else g.get("arcs", [])
        rings = [_ring(arcs, r) for poly in polys for r in poly]
        out.append(Shape(str(g.get("id", "")), g["properties"].get("name", ""), _path(rings)))
    return tuple(out)


@dataclass
class Pin:
    x: float
    y: float
    r: float
    cls: str
    precision: str
    hollow: bool
    href: str
    title: str


@dataclass
class Country:
    shape: Shape
    shade: int  # 0 (none) .. SHADES
    events: int


@dataclass
class WorldMap:
    width: int
    height: int
    countries: list[Country]
    pins: list[Pin]
    located: int  # events drawn at a point
    country_level: int  # events shaded by their country only
    unplaced: int  # region-level events: neither


def _pin(p: MapPoint) -> Pin:
    x, y = to_svg(p.lon or 0.0, p.lat or 0.0)
    href = f"/event/{p.event_id}" if p.event_id else f"/article/{p.article_id}"
    where = p.place or p.location or ""
    title = f"{p.category} ({p.precision}) {where}, {p.date or 'undated'}: {p.sentence[:120]}"
    return Pin(x, y, RADIUS.get(p.precision, 4.0), plover_class(p.category), p.precision,
               p.precision == "admin1" or p.modality not in SOLID, href, title)


def draw(points: list[MapPoint], numeric: dict[str, int]) -> WorldMap:
    """The map of `points`; `numeric` maps ISO alpha-2 codes to the numeric codes of the
    shapes. A country- or region-level event is never drawn at a point."""
    pins = [_pin(p) for p in points if p.lat is not None and p.lon is not None]
    per_country: Counter[str] = Counter(
        f"{numeric[p.country]:03d}" for p in points
        if p.lat is None and p.precision == "country" and p.country in numeric)
    top = max(per_country.values(), default=0)
    countries = []
    for shape in shapes():
        n = per_country.get(shape.id, 0)
        shade = 0 if n == 0 else 1 + round((SHADES - 1) * math.log1p(n) / math.log1p(top))
        countries.append(Country(shape, shade, n))
    country_level = sum(per_country.values())
    return WorldMap(WIDTH, HEIGHT, countries, pins, len(pins), country_level,
                    len(points) - len(pins) - country_level)
