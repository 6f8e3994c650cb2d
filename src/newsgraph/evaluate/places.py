"""Score geocoding against hand-labelled place mentions (`tests/gold/places`).

The gold folder holds `mentions.jsonl` (one place mention per line: article, character span,
and the answer a reader chose) and `articles/<article>.txt` (the texts). Each article is
annotated and geocoded as `newsgraph analyze` does; a mention is read from the place entity
whose mention covers it, or, where the entities component did not keep it as a place (a
missed or mistyped name), from the geocoder asked about the mention's text in the same
article context. Answers:

- `point` (lat, lon; the GeoNames id where the reader chose a GeoNames place): right when a
  point is given within `MAX_KM` (25 km);
- `country` (only a country): right when the answer is that country at country precision,
  with no point; any point given is counted (`points_for_country`: must be 0);
- `admin1` (a state or province of `country`): right at admin1 precision in that country;
- `region` (a sea, continent, region of several countries): right when no point is given.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.record import Article, Geo

MAX_KM = 25.0
KINDS = ("point", "country", "admin1", "region")


@dataclass
class Mention:
    id: str
    split: str
    article: str
    start: int
    end: int
    text: str
    kind: str
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    geonames_id: int | None = None


@dataclass
class Scored:
    mention: Mention
    geo: Geo | None
    right: bool
    from_entity: bool


@dataclass
class PlacesReport:
    scored: list[Scored] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.scored)

    @property
    def accuracy(self) -> float:
        return sum(s.right for s in self.scored) / (self.total or 1)

    def by_kind(self) -> dict[str, tuple[int, int]]:
        right: Counter[str] = Counter(s.mention.kind for s in self.scored if s.right)
        total: Counter[str] = Counter(s.mention.kind for s in self.scored)
        return {k: (right[k], total[k]) for k in KINDS if total[k]}

    @property
    def points_for_country(self) -> int:
        return sum(1 for s in self.scored if s.mention.kind == "country" and _has_point(s.geo))

    @property
    def from_entities(self) -> int:
        return sum(s.from_entity for s in self.scored)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def _has_point(geo: Geo | None) -> bool:
    return geo is not None and geo.lat is not None and geo.lon is not None


def judge(m: Mention, geo: Geo | None) -> bool:
    if m.kind == "point":
        return (_has_point(geo) and m.lat is not None and m.lon is not None
                and km(m.lat, m.lon, geo.lat, geo.lon) <= MAX_KM)  # type: ignore[union-attr,arg-type]
    if m.kind == "region":
        return not _has_point(geo)
    if geo is None or geo.country != m.country:
        return False
    if m.kind == "country":
        return geo.precision == "country" and not _has_point(geo)
    return geo.precision == "admin1"


def load(folder: str | Path, split: str = "all") -> tuple[list[Mention], dict[str, str]]:
    root = Path(folder)
    path = root / "mentions.jsonl"
    if not path.is_file():
        raise ValueError(f"{root}: no mentions.jsonl (a gold folder like tests/gold/places)")
    mentions = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        d: dict[str, Any] = json.loads(line)
        if d.get("kind") not in KINDS:
            raise ValueError(f"{path}:{n}: kind must be one of {', '.join(KINDS)}")
        d.pop("name", None)
        mentions.append(Mention(**d))
    if split != "all":
        mentions = [m for m in mentions if m.split == split]
    texts = {a: (root / "articles" / f"{a}.txt").read_text(encoding="utf-8")
             for a in sorted({m.article for m in mentions})}
    return mentions, texts


def _entity_geo(art: Article, m: Mention) -> tuple[bool, Geo | None]:
    from newsgraph.geo.article import PLACE_TYPES

    for ent in art.entities:
        if ent.type in PLACE_TYPES and any(s < m.end and m.start < e for s, e in ent.mentions):
            return True, ent.geo
    return False, None


def score_articles(mentions: list[Mention], articles: dict[str, Article]) -> PlacesReport:
    """Score mentions against annotated, geocoded articles (by article name)."""
    from newsgraph.geo.article import article_context
    from newsgraph.geo.geocode import resolve

    rep = PlacesReport()
    contexts = {name: article_context(a) for name, a in articles.items()}
    for m in mentions:
        art = articles[m.article]
        found, geo = _entity_geo(art, m)
        if not found:
            geo = resolve(m.text, contexts[m.article], after=art.text[m.end:m.end + 20])
        rep.scored.append(Scored(m, geo, judge(m, geo), found))
    return rep


def evaluate(folder: str | Path, split: str = "all") -> PlacesReport:
    """Annotate and geocode the gold articles, then score their mentions."""
    from newsgraph.annotate import annotate
    from newsgraph.geo.article import geocode_article

    mentions, texts = load(folder, split)
    names = list(texts)
    done = annotate([Article.new(texts[n]) for n in names])
    articles = {n: geocode_article(a) for n, a in zip(names, done, strict=True)}
    return score_articles(mentions, articles)
