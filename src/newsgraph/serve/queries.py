"""The server's reads: the calling thread's own read-only Store, and cached aggregates.

Every read is `newsgraph.store` (`Store.search`, `.entity`, `.quotes`, `.events`, ...,
`.co_actors`, `.dyad_summaries`); this module only chooses the thread's store, caches the
aggregates every page asks for, and sets how search hits are marked for the web page.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Any

from newsgraph.serve.charts import CATEGORIES, PLOVER_CLASS
from newsgraph.store.db import Store
from newsgraph.store.models import (
    ArticleHit,
    CoActors,
    DyadFilters,
    DyadSummary,
    DyadView,
    EntitySummary,
    EventSummary,
    LanguageCount,
)
from newsgraph.store.pool import ReadPool
from newsgraph.store.read_views import NameIndex

# Search snippets mark hits with control characters no article contains, so the web page can
# escape the text first and only then turn the markers into <mark>.
HIT_OPEN, HIT_CLOSE = "\x02", "\x03"
CACHE_ENTRIES = 1024
# Another process (an ingest, another server worker) may write the store; cached aggregates
# are recomputed after this long even without a write through this server.
CACHE_SECONDS = 30.0
_COOP = tuple(c for c, k in PLOVER_CLASS.items() if k.startswith("coop"))
# What the overview calls the rows of each table it counts.
_COUNT_LABELS = {"articles": "articles", "entities": "people and organisations",
                 "quotes": "quotes", "events": "events", "agreements": "agreements"}


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
        rows = self._cached("counts", lambda: self.st().counts())
        return {_COUNT_LABELS[t]: n for t, n in rows.items()}

    def countries(self) -> list[str]:
        return list(self._cached("countries", lambda: self.st().countries()))

    def languages(self) -> list[LanguageCount]:
        """The stored articles' languages, for the search page's choice and the API."""
        return list(self._cached("languages", lambda: self.st().languages()))

    # -------------------------------------------------------------- search

    def search(self, q: str, limit: int, offset: int, language: str | None = None
               ) -> list[ArticleHit]:
        """Like `Store.search`, with snippet markers that cannot occur in text."""
        return self.st().search(q, limit=limit, offset=offset, hit=(HIT_OPEN, HIT_CLOSE),
                                words=24, language=language)

    def find_entities(self, q: str, limit: int, offset: int) -> list[EntitySummary]:
        """Entities whose name or any alias contains `q`, most articles first: the answer of
        `Store.entities(q=...)`, read from a cached index. Callers must not modify them."""
        index: NameIndex = self._cached("names", lambda: self.st().name_index())
        return index.find(q, limit, offset)

    # -------------------------------------------------------------- entity

    def co_actors(self, entity_id: str, limit: int = 12) -> CoActors:
        """Actors that share events with `entity_id`, most shared first (cached like the other
        aggregates: a well-known actor shares thousands of event rows, and every view of its
        page would otherwise walk them all again). Callers must not modify the result."""
        return self._cached(f"co:{limit}:{entity_id}",  # type: ignore[no-any-return]
                            lambda: self.st().co_actors(entity_id, limit))

    # --------------------------------------------------------------- dyads

    def dyads(self, limit: int, offset: int) -> list[DyadSummary]:
        """Country pairs whose actors share events, most events first."""
        # Computed once per store state and sliced for pages.
        every = self._cached("dyads", lambda: self.st().dyad_summaries(_COOP))
        return list(every[offset:offset + limit])

    def side_events(self, key: str) -> frozenset[str]:
        """Ids of events with an actor that is `key` or belongs to country `key` (cached:
        pages ask for the same sides)."""
        return frozenset(self._cached("side:" + key, lambda: self.st().side_events(key)))

    def dyad(self, a: str, b: str, filters: DyadFilters, limit: int, offset: int) -> DyadView:
        """Events between two sides (countries or entities), filtered, newest first."""
        both = sorted(self.side_events(a) & self.side_events(b))
        return self.st().events_between(a, b, both, filters, limit, offset)

    def actor_events(self, key: str, limit: int, offset: int,
                     min_confidence: float | None = None) -> list[EventSummary]:
        """Events of an actor (entity id or name) or of a country's actors, newest first."""
        return self.st().event_page(sorted(self.side_events(key)), limit, offset,
                                    min_confidence)


def known_category(value: str) -> str | None:
    v = value.strip().upper()
    return v if v in CATEGORIES else None
