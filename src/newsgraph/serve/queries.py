"""Reads the server needs beyond the store's read API: co-actors, country pairs with filters,
search snippets with unambiguous markers, cached counts.

Everything else is `newsgraph.store` (`Store.search`, `.entity`, `.quotes`, `.events`, ...),
called on the calling thread's own read-only Store. All SQL here is parameterised.
"""

from __future__ import annotations

import json
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from newsgraph.resolve.countries import canonical_country
from newsgraph.serve.charts import CATEGORIES, PLOVER_CLASS, TimelinePoint
from newsgraph.serve.pool import ReadPool
from newsgraph.store.db import Store
from newsgraph.store.models import (
    ArticleHit,
    DyadCount,
    EntitySummary,
    EventActorRow,
    EventSummary,
)
from newsgraph.store.sql import fts_query, marks

# Search snippets mark hits with control characters no article contains, so the web page can
# escape the text first and only then turn the markers into <mark>.
HIT_OPEN, HIT_CLOSE = "\x02", "\x03"
# Points drawn on one timeline; beyond this the page says so rather than slowing down.
MAX_TIMELINE_POINTS = 3000
CACHE_ENTRIES = 1024
# Another process (an ingest, another server worker) may write the store; cached aggregates
# are recomputed after this long even without a write through this server.
CACHE_SECONDS = 30.0
_EVENT_COLS = ("ev.id, ev.category, ev.mode, ev.date, ev.location, ev.modality, ev.n_reports, "
               "ev.n_articles, ev.n_independent, ev.sentence")
# SQLite's LIKE folds the case of ASCII letters only.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_COOP = tuple(c for c, k in PLOVER_CLASS.items() if k.startswith("coop"))


@dataclass
class CoActor:
    id: str
    name: str
    type: str
    n_events: int
    last_date: str | None


@dataclass
class CoActors:
    actors: list[CoActor] = field(default_factory=list)
    # How often two of the actors took part in the same event with the entity.
    pairs: dict[tuple[str, str], int] = field(default_factory=dict)


@dataclass
class DyadSummary:
    a: str
    b: str
    n_events: int
    n_coop: int
    n_conflict: int
    last_date: str | None


@dataclass
class DyadFilters:
    categories: list[str] = field(default_factory=list)
    modalities: list[str] = field(default_factory=list)
    date_from: str | None = None
    date_to: str | None = None


@dataclass
class DyadView:
    a: str
    b: str
    total: int
    counts: list[DyadCount]
    events: list[EventSummary]
    points: list[TimelinePoint]


# Affiliation of each actor of each event; a country that is itself an actor counts as its
# own side.
_SIDES = """
SELECT DISTINCT x.event_id AS event_id,
       COALESCE(x.affiliation, CASE WHEN e.type = 'GPE' THEN e.name END) AS country
FROM event_actors x LEFT JOIN entities e ON e.id = x.entity_id
"""


class Queries:
    def __init__(self, pool: ReadPool, max_limit: int = 200) -> None:
        self.pool = pool
        self.max_limit = max_limit
        # Bounded: keys include user-chosen sides, which must not grow memory without end.
        self._cache: OrderedDict[str, Any] = OrderedDict()
        self._cache_lock = threading.Lock()

    def st(self) -> Store:
        return self.pool.store()

    def check(self) -> None:
        self.st()

    def invalidate(self) -> None:
        """Forget cached aggregates (after a write)."""
        with self._cache_lock:
            self._cache.clear()

    def _cached(self, key: str, compute: Any) -> Any:
        now = time.monotonic()
        with self._cache_lock:
            hit = self._cache.get(key)
            if hit is not None and now - hit[0] < CACHE_SECONDS:
                self._cache.move_to_end(key)
                return hit[1]
        value = compute()
        with self._cache_lock:
            self._cache[key] = (now, value)
            self._cache.move_to_end(key)
            while len(self._cache) > CACHE_ENTRIES:
                self._cache.popitem(last=False)
        return value

    # ------------------------------------------------------------ overview

    def counts(self) -> dict[str, int]:
        def compute() -> dict[str, int]:
            c = self.st().conn
            out = {}
            for label, table in (("articles", "articles"), ("people and organisations",
                                 "entities"), ("quotes", "quotes"), ("events", "events"),
                                 ("agreements", "agreements")):
                out[label] = int(c.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            return out

        return dict(self._cached("counts", compute))

    def countries(self) -> list[str]:
        def compute() -> list[str]:
            rows = self.st().conn.execute(
                f"SELECT country, count(*) n FROM ({_SIDES}) WHERE country IS NOT NULL "
                "GROUP BY country ORDER BY country").fetchall()
            return [r[0] for r in rows if _is_country(r[0])]

        return list(self._cached("countries", compute))

    # -------------------------------------------------------------- search

    def search(self, q: str, limit: int, offset: int) -> list[ArticleHit]:
        """Like `Store.search`, with snippet markers that cannot occur in text."""
        if not q.strip():
            return []
        rows = self.st().conn.execute(
            "SELECT a.id, a.title, a.published, a.url, "
            "snippet(articles_fts, 1, ?, ?, '…', 24) "
            "FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
            (HIT_OPEN, HIT_CLOSE, fts_query(q), limit, offset)).fetchall()
        return [ArticleHit(*r) for r in rows]

    def find_entities(self, q: str, limit: int, offset: int) -> list[EntitySummary]:
        """Entities whose name or any alias contains `q`, most articles first. Same answer as
        `Store.entities(q=...)` (SQLite's LIKE: ASCII letters fold case, nothing else does),
        read from a cached list already in that order, so a common word stops after one page
        instead of testing every name and alias in SQL. Callers must not modify the items."""
        if not q or "\x00" in q:
            return []
        needle = q.translate(_ASCII_LOWER)
        out: list[EntitySummary] = []
        skip = offset
        for hay, summary in self._name_index():
            if needle in hay:
                if skip:
                    skip -= 1
                    continue
                out.append(summary)
                if len(out) >= limit:
                    break
        return out

    def _name_index(self) -> list[tuple[str, EntitySummary]]:
        """(name and aliases joined by NUL and ASCII-lowercased, entity) in answer order."""

        def compute() -> list[tuple[str, EntitySummary]]:
            conn = self.st().conn
            aliases: dict[str, list[str]] = {}
            for eid, alias in conn.execute("SELECT entity_id, alias FROM entity_aliases"):
                aliases.setdefault(eid, []).append(alias)
            rows = conn.execute(
                "SELECT id, name, type, affiliation, n_articles, n_mentions, first_date, "
                "last_date FROM entities ORDER BY n_articles DESC, n_mentions DESC, id")
            # NUL joins the names so that no match spans two of them (queries hold no NUL).
            return [("\x00".join([r[1], *aliases.get(r[0], [])]).translate(_ASCII_LOWER),
                     EntitySummary(*r)) for r in rows]

        return self._cached("names", compute)  # type: ignore[no-any-return]

    # -------------------------------------------------------------- entity

    def co_actors(self, entity_id: str, limit: int = 12) -> CoActors:
        """Actors that share events with `entity_id`, most shared first (cached like the other
        aggregates: a well-known actor shares thousands of event rows, and every view of its
        page would otherwise walk them all again). Callers must not modify the result."""
        return self._cached(f"co:{limit}:{entity_id}", lambda: self._co_actors(entity_id, limit))

    def _co_actors(self, entity_id: str, limit: int) -> CoActors:
        rows = self.st().conn.execute(
            "SELECT o.event_id, o.entity_id, o.name, COALESCE(e.type, ''), ev.date "
            "FROM event_actors s JOIN event_actors o ON o.event_id = s.event_id "
            "JOIN events ev ON ev.id = s.event_id LEFT JOIN entities e ON e.id = o.entity_id "
            "WHERE s.entity_id = ? AND o.entity_id != s.entity_id "
            "ORDER BY ev.date DESC LIMIT 20000", (entity_id,)).fetchall()
        by_actor: dict[str, CoActor] = {}
        by_event: dict[str, set[str]] = {}
        for event_id, oid, name, typ, date in rows:
            by_event.setdefault(event_id, set()).add(oid)
            ca = by_actor.get(oid)
            if ca is None:
                by_actor[oid] = CoActor(oid, name, typ, 0, date)
            ca = by_actor[oid]
            if date and (ca.last_date is None or date > ca.last_date):
                ca.last_date = date
        for members in by_event.values():
            for oid in members:
                by_actor[oid].n_events += 1
        top = sorted(by_actor.values(), key=lambda c: (-c.n_events, c.name))[:limit]
        keep = {c.id for c in top}
        pairs: dict[tuple[str, str], int] = {}
        for members in by_event.values():
            ms = sorted(members & keep)
            for i, a in enumerate(ms):
                for b in ms[i + 1:]:
                    pairs[(a, b)] = pairs.get((a, b), 0) + 1
        return CoActors(top, pairs)

    # --------------------------------------------------------------- dyads

    def dyads(self, limit: int, offset: int) -> list[DyadSummary]:
        """Country pairs whose actors share events, most events first."""
        return list(self._cached("dyads", self._all_dyads)[offset:offset + limit])

    def _all_dyads(self) -> list[DyadSummary]:
        # Computed once per store state and sliced for pages: the pairs are few (hundreds),
        # and only names that are countries count (an actor's "affiliation" may be a city).
        rows = self.st().conn.execute(
            f"WITH s AS ({_SIDES}) "
            "SELECT x.country, y.country, count(*), "
            f"sum(ev.category IN ({marks(len(_COOP))})), "
            f"sum(ev.category NOT IN ({marks(len(_COOP))})), max(ev.date) "
            "FROM s x JOIN s y ON y.event_id = x.event_id AND x.country < y.country "
            "JOIN events ev ON ev.id = x.event_id "
            "GROUP BY x.country, y.country ORDER BY count(*) DESC, x.country, y.country "
            "LIMIT 20000", (*_COOP, *_COOP)).fetchall()
        return [DyadSummary(r[0], r[1], r[2], r[3] or 0, r[4] or 0, r[5]) for r in rows
                if _is_country(r[0]) and _is_country(r[1])]

    def side_events(self, key: str) -> frozenset[str]:
        """Ids of events with an actor that is `key` or belongs to country `key` (cached:
        each lookup below is indexed or a single pass, and pages ask for the same sides)."""

        def compute() -> frozenset[str]:
            ids = self.st().entity_ids(key)
            country = canonical_country(key) or key
            rows = self.st().conn.execute(
                f"SELECT event_id FROM event_actors WHERE entity_id IN ({marks(len(ids))}) "
                "UNION SELECT event_id FROM event_actors WHERE affiliation = ? "
                "UNION SELECT x.event_id FROM entities e JOIN event_actors x "
                "ON x.entity_id = e.id WHERE e.name = ? AND e.type = 'GPE'",
                [*ids, country, country]).fetchall()
            return frozenset(r[0] for r in rows)

        return frozenset(self._cached("side:" + key, compute))

    def dyad(self, a: str, b: str, filters: DyadFilters, limit: int, offset: int) -> DyadView:
        """Events between two sides (countries or entities), filtered, newest first."""
        both = sorted(self.side_events(a) & self.side_events(b))
        # One JSON parameter instead of one placeholder per id: no limit on the pair's size.
        where = "ev.id IN (SELECT value FROM json_each(?))"
        args: list[Any] = [json.dumps(both)]
        if filters.categories:
            where += f" AND ev.category IN ({marks(len(filters.categories))})"
            args += filters.categories
        if filters.modalities:
            where += f" AND ev.modality IN ({marks(len(filters.modalities))})"
            args += filters.modalities
        if filters.date_from:
            where += " AND ev.date >= ?"
            args.append(filters.date_from)
        if filters.date_to:
            where += " AND ev.date <= ?"
            args.append(filters.date_to)
        conn = self.st().conn
        counts = [DyadCount(*r) for r in conn.execute(
            f"SELECT ev.category, count(*) FROM events ev WHERE {where} GROUP BY ev.category "
            "ORDER BY count(*) DESC, ev.category", args)]
        total = sum(c.n_events for c in counts)
        rows = conn.execute(
            f"SELECT ev.id, ev.category, ev.date, ev.modality, ev.sentence FROM events ev "
            f"WHERE {where} ORDER BY ev.date DESC, ev.id LIMIT ?",
            [*args, MAX_TIMELINE_POINTS]).fetchall()
        points = [TimelinePoint(r[0], r[1], r[2], r[3], r[4] or "") for r in rows]
        events = self._event_page(where, args, limit, offset)
        return DyadView(a, b, total, counts, events, points)

    def actor_events(self, key: str, limit: int, offset: int) -> list[EventSummary]:
        """Events of an actor (entity id or name) or of a country's actors, newest first."""
        ids = sorted(self.side_events(key))
        return self._event_page("ev.id IN (SELECT value FROM json_each(?))",
                                [json.dumps(ids)], limit, offset)

    def _event_page(self, where: str, args: list[Any], limit: int, offset: int
                    ) -> list[EventSummary]:
        conn = self.st().conn
        rows = conn.execute(
            f"SELECT {_EVENT_COLS} FROM events ev WHERE {where} ORDER BY ev.date DESC, ev.id "
            "LIMIT ? OFFSET ?", [*args, limit, offset]).fetchall()
        out = [EventSummary(*r) for r in rows]
        if out:
            by_id = {e.id: e for e in out}
            for r in conn.execute(
                    "SELECT event_id, entity_id, name, role, affiliation FROM event_actors "
                    f"WHERE event_id IN ({marks(len(by_id))}) ORDER BY n_reports DESC, role, "
                    "name", list(by_id)):
                by_id[r[0]].actors.append(EventActorRow(*r[1:]))
        return out


def _is_country(name: str | None) -> bool:
    return bool(name) and canonical_country(name) == name


def known_category(value: str) -> str | None:
    v = value.strip().upper()
    return v if v in CATEGORIES else None
