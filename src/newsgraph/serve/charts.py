"""Server-side drawings: the dyad timeline and the "who they met" network, as SVG models.

They are computed here and drawn by templates, so both read without JavaScript; the network
is relaxed and made draggable in the browser by `static/graph.js` when scripts run.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from newsgraph import lexicon
from newsgraph.store.models import TimelinePoint

# PLOVER's quad classes, and the categories class by class, cooperation to conflict
# (data/plover_scheme.json; REQUEST is verbal cooperation in PLOVER's own grouping).
_SCHEME = lexicon.plover_scheme()
PLOVER_CLASS: dict[str, str] = {c: _SCHEME.class_of[c] for c in _SCHEME.by_class()}
CLASS_LABEL = dict(_SCHEME.class_label)

CATEGORIES: tuple[str, ...] = tuple(PLOVER_CLASS)
MODALITIES = _SCHEME.modalities
# Drawn solid: things reported as having happened or happening.
SOLID = {"occurred", "ongoing"}


def plover_class(category: str) -> str:
    return PLOVER_CLASS.get((category or "").upper(), "other")


def is_cooperation(category: str) -> bool:
    return plover_class(category).startswith("coop")


# ------------------------------------------------------------------ timeline


@dataclass
class Dot:
    id: str
    x: float
    y: float
    r: float
    cls: str
    hollow: bool
    title: str


@dataclass
class Lane:
    label: str
    y: float


@dataclass
class Tick:
    x: float
    label: str


@dataclass
class Timeline:
    width: int = 900
    height: int = 0
    left: int = 96
    lanes: list[Lane] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    dots: list[Dot] = field(default_factory=list)
    undated: int = 0


def _day(s: str | None) -> dt.date | None:
    if not s:
        return None
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        return None


def _ticks(lo: dt.date, hi: dt.date) -> list[dt.date]:
    """Year starts for long spans, month starts for short ones."""
    out: list[dt.date] = []
    if (hi - lo).days > 540:
        for y in range(lo.year + (lo.month > 1 or lo.day > 1), hi.year + 1):
            out.append(dt.date(y, 1, 1))
        return out
    y, m = lo.year, lo.month
    while True:
        m += 1
        if m > 12:
            y, m = y + 1, 1
        d = dt.date(y, m, 1)
        if d > hi:
            return out
        out.append(d)


def timeline(points: list[TimelinePoint], width: int = 900) -> Timeline:
    """One lane per category (in PLOVER order, cooperation to conflict), x by date."""
    tl = Timeline(width=width)
    dated = [(p, d) for p in points if (d := _day(p.date)) is not None]
    tl.undated = len(points) - len(dated)
    if not dated:
        return tl
    cats = [c for c in CATEGORIES if any(p.category == c for p, _ in dated)]
    cats += sorted({p.category for p, _ in dated} - set(cats))
    lane_y = {c: 24 + 22 * i for i, c in enumerate(cats)}
    tl.lanes = [Lane(c, lane_y[c]) for c in cats]
    tl.height = 24 + 22 * len(cats) + 24
    lo = min(d for _, d in dated) - dt.timedelta(days=15)
    hi = max(d for _, d in dated) + dt.timedelta(days=15)
    span = max((hi - lo).days, 1)
    x0, x1 = tl.left + 8, width - 16

    def x(d: dt.date) -> float:
        return round(x0 + (x1 - x0) * (d - lo).days / span, 1)

    for t in _ticks(lo, hi):
        tl.ticks.append(Tick(x(t), str(t.year) if t.month == 1 else t.strftime("%b %Y")))
    # Several events on the same day and lane are stacked slightly so each stays clickable.
    seen: dict[tuple[str, float], int] = {}
    for p, d in sorted(dated, key=lambda pd: (pd[1], pd[0].id)):
        key = (p.category, x(d))
        k = seen.get(key, 0)
        seen[key] = k + 1
        tl.dots.append(Dot(p.id, x(d) + 3 * k, lane_y[p.category], 5.5, plover_class(p.category),
                           p.modality not in SOLID, f"{d.isoformat()} {p.category} "
                           f"({p.modality}): {p.title[:160]}"))
    return tl


# ------------------------------------------------------------------ network


@dataclass
class Node:
    id: str
    name: str
    type: str
    weight: int
    x: float = 0.0
    y: float = 0.0
    r: float = 6.0
    centre: bool = False


@dataclass
class Link:
    source: str
    target: str
    weight: int
    x1: float = 0.0
    y1: float = 0.0
    x2: float = 0.0
    y2: float = 0.0
    width: float = 1.0


@dataclass
class Network:
    width: int = 340
    height: int = 300
    nodes: list[Node] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


def network(centre: Node, neighbours: list[Node], pairs: dict[tuple[str, str], int],
            width: int = 340, height: int = 300) -> Network:
    """A radial layout: the entity in the middle, the actors it shares events with around it
    (heaviest first, clockwise from the top), links between neighbours that met each other."""
    net = Network(width, height)
    cx, cy = width / 2 - 20, height / 2
    radius = min(width, height) / 2 - 34
    centre.x, centre.y, centre.r, centre.centre = cx, cy, 10.0, True
    top = max((n.weight for n in neighbours), default=1)
    for i, n in enumerate(neighbours):
        angle = -math.pi / 2 + 2 * math.pi * i / max(len(neighbours), 1)
        n.x = round(cx + radius * math.cos(angle), 1)
        n.y = round(cy + radius * math.sin(angle), 1)
        n.r = round(4 + 5 * math.sqrt(n.weight / top), 1)
    net.nodes = [centre, *neighbours]
    pos = {n.id: n for n in net.nodes}
    for n in neighbours:
        net.links.append(Link(centre.id, n.id, n.weight))
    for (a, b), w in sorted(pairs.items()):
        if a in pos and b in pos and centre.id not in (a, b):
            net.links.append(Link(a, b, w))
    for ln in net.links:
        s, t = pos[ln.source], pos[ln.target]
        ln.x1, ln.y1, ln.x2, ln.y2 = s.x, s.y, t.x, t.y
        ln.width = round(min(1 + math.log2(ln.weight), 5), 1)
    return net
