"""Ingest: inputs -> annotated articles (process pool) -> store -> cross-article resolution.

Idempotent and safe to kill at any moment:
- an article is stored with all its rows in one transaction (per chunk), keyed by its id (a
  hash of the clean text), so it is either fully stored or not at all, and stored once;
- resolution rebuilds the cross-article tables from the stored rows in one transaction at
  the end, so a rerun after a kill ends with exactly what one clean run stores.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from newsgraph.read import iter_inputs
from newsgraph.record import Article
from newsgraph.run.pool import ChunkResult, PoolOptions, run
from newsgraph.run.process import ProcessOptions
from newsgraph.store import Store, StoreError
from newsgraph.store.migrations import ARTICLE_TABLES
from newsgraph.store.write import Source, WriteResult


@dataclass
class IngestOptions:
    workers: int = 2
    chunk_size: int = 16
    batch_size: int = 32
    resolve: bool = True
    # For inputs that do not carry their own (a plain text file has no date).
    published: dt.date | None = None
    url: str | None = None
    # For every input, whatever date it carries.
    force_published: dt.date | None = None


@dataclass
class IngestReport:
    inputs: int = 0            # inputs read (articles extracted + inputs that failed)
    added: int = 0             # articles stored by this run
    already_stored: int = 0    # articles found stored (same clean text)
    new_sources: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    rows_added: int = 0        # per-article rows this run added, all tables together
    rows: dict[str, int] = field(default_factory=dict)   # every table's row count at the end
    resolved: dict[str, int] = field(default_factory=dict)
    # Articles this run stored without annotation (not in English), per language, most first.
    not_annotated: dict[str, int] = field(default_factory=dict)

    @property
    def articles_per_s(self) -> float:
        done = self.added + self.already_stored
        return done / self.seconds if self.seconds > 0 else 0.0


Progress = Callable[[int], None]


def default_workers() -> int:
    return max(1, min(4, (os.cpu_count() or 1)))


def ingest(paths: Iterable[str], db: str, options: IngestOptions | None = None,
           progress: Progress | None = None) -> IngestReport:
    """Store every article under `paths` in the database `db`; see the module docstring."""
    opts = options or IngestOptions()
    report = IngestReport()
    start = time.perf_counter()
    with Store(db) as store:
        before = _article_rows(store)
        steps = ProcessOptions(url=opts.url, published=opts.published,
                               force_published=opts.force_published,
                               batch_size=opts.batch_size)
        pool = PoolOptions(workers=opts.workers, chunk_size=opts.chunk_size,
                           known_db=None if db == ":memory:" else db, process=steps)
        for result in run(iter_inputs(paths), pool):
            _write(store, result, report)
            report.inputs += result.done + len(result.errors)
            if progress is not None:
                progress(result.done)
        report.seconds = time.perf_counter() - start
        if opts.resolve:
            report.resolved = dict(store.resolve().counts)
        report.rows = store.stats().tables
        report.rows_added = sum(report.rows[t] for t in ARTICLE_TABLES) - before
    return report


def _article_rows(store: Store) -> int:
    return sum(store.stats().tables[t] for t in ARTICLE_TABLES)


def _write(store: Store, result: ChunkResult, report: IngestReport) -> None:
    """One transaction per chunk; if it fails, retry article by article so that only the
    record that breaks a constraint is lost (and reported)."""
    sources = [Source(k.article_id, k.source, k.url) for k in result.known]
    try:
        written = store.write_batch(result.articles, sources)
    except StoreError:
        written = []
        for art in result.articles:
            try:
                written += store.write_batch([art])
            except StoreError as e:
                report.errors.append(f"{art.source or art.id}: cannot store ({e})"[:300])
        written += store.write_batch([], sources)
    _count(written, report)
    _count_not_annotated(result.articles, written, report)
    report.errors.extend(result.errors)


def _count(written: list[WriteResult], report: IngestReport) -> None:
    for w in written:
        report.added += int(w.added)
        report.already_stored += int(not w.added)
        report.new_sources += int(w.new_source)


def _count_not_annotated(articles: list[Article], written: list[WriteResult],
                         report: IngestReport) -> None:
    added = {w.article_id for w in written if w.added}
    counts = Counter(report.not_annotated)
    for a in articles:
        if not a.annotated and a.id in added:
            added.discard(a.id)  # a text twice in one chunk is stored once
            counts[a.language or "unknown"] += 1
    report.not_annotated = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
