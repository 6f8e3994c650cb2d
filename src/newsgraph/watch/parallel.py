"""The pages of a round on worker processes (`newsgraph watch --workers N`).

The same steps as `pages.py`, spread out: the parent fetches page after page and hands them to
the local pool (`run.pool.run`, as `newsgraph ingest` does), whose workers extract, leave out
what the store already holds (same clean text) and annotate; results come back in order, one
chunk at a time, and the parent stores each with its URLs' statuses in one transaction.
Fetching overlaps with annotation. The time shares are "fetch" and "analyse" (extract and
annotate together, in the workers) and "store".
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterator

from newsgraph.read import RawInput
from newsgraph.record import Article
from newsgraph.run.pool import ChunkResult, PoolOptions, run
from newsgraph.store import Store
from newsgraph.store import watch as rows
from newsgraph.watch.fetch import Fetcher
from newsgraph.watch.pages import (
    Batch,
    PageCounts,
    PageOptions,
    count_outcomes,
    failed_outcome,
    fetch_page,
    store_batch,
)


def run_pages_pool(store: Store, fetcher: Fetcher, opts: PageOptions, now: float,
                   counts: PageCounts, workers: int) -> None:
    todo = rows.pending_urls(store.conn, now, opts.max_pages)
    if not todo:
        return
    batch = Batch(pending={p.url: p for p in todo}, now=now)
    sent: deque[str] = deque()

    def inputs() -> Iterator[RawInput]:
        for p in todo:
            t0 = time.perf_counter()
            fetch_page(fetcher, p, opts, batch, counts)
            counts.took("fetch", time.perf_counter() - t0)
            if batch.raws:
                raw = batch.raws.pop()
                sent.append(raw.source)
                yield raw

    pool = PoolOptions(workers=workers, chunk_size=opts.batch,
                       known_db=None if store.path == ":memory:" else store.path,
                       process=opts.process)
    done: set[str] = set()
    before = dict(counts.seconds)
    t0 = time.perf_counter()
    for result in run(inputs(), pool):
        sources = [sent.popleft() for _ in range(result.done + len(result.errors))]
        done.update(sources)
        _chunk(store, result, sources, batch, opts, counts)
    spent = sum(counts.seconds.get(k, 0.0) - before.get(k, 0.0) for k in ("fetch", "store"))
    # what the parent waited for the workers (model loads included)
    counts.took("analyse", time.perf_counter() - t0 - spent)
    rest = Batch(outcomes={u: o for u, o in batch.outcomes.items() if u not in done},
                  now=now)
    _stored(store, [], rest, counts)


def _chunk(store: Store, result: ChunkResult, sources: list[str], batch: Batch,
           opts: PageOptions, counts: PageCounts) -> None:
    part = Batch(outcomes={s: batch.outcomes[s] for s in sources}, now=batch.now)
    for art in result.articles:
        out = part.outcomes[art.source or ""]
        out.status, out.article_id = "stored", art.id
    for k in result.known:
        out = part.outcomes[k.source or ""]
        out.status, out.article_id = "duplicate", k.article_id
    for line in result.errors:
        source = next((s for s in sources if line.startswith(s + ": ")), None)
        if source is None:
            continue
        old = part.outcomes[source]
        new = failed_outcome(batch.pending[source], line[len(source) + 2:], opts, batch.now,
                      old.http_status)
        new.final_url, new.size = old.final_url, old.size
        part.outcomes[source] = new
    _stored(store, result.articles, part, counts)


def _stored(store: Store, articles: list[Article], part: Batch, counts: PageCounts) -> None:
    t0 = time.perf_counter()
    written = store_batch(store, articles, part)
    counts.took("store", time.perf_counter() - t0)
    count_outcomes(part, written, counts)
