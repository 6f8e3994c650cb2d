"""Parquet results of a Spark run -> the SQLite store, then cross-article resolution.

Articles go through the store's own write API, so loading is idempotent by content hash
exactly as `ingest` is: loading the same folder twice, or a folder whose articles were already
ingested, adds nothing. Only shards with a finished-shard marker are read; files a crashed
task left behind are ignored until a rerun finishes (and marks) their shard.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.errors import NewsgraphError
from newsgraph.run.parquet import read_shard_articles
from newsgraph.run.steps import DONE_DIR

MANIFEST = "_manifest.json"


@dataclass
class LoadReport:
    shards: int = 0
    articles: int = 0       # read from Parquet
    added: int = 0          # new in the store
    already: int = 0        # same text already stored (only its source is recorded)
    # Shards that could not be read (one line each); the others are still loaded.
    errors: list[str] = field(default_factory=list)
    resolved: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def finished_shards(out_dir: Path) -> list[str]:
    """Ids of the shards marked done, in a stable order."""
    if not (out_dir / MANIFEST).is_file() and not (out_dir / DONE_DIR).is_dir():
        raise NewsgraphError(f"{out_dir}: not the output of `newsgraph spark` "
                             f"(no {MANIFEST})")
    return sorted(p.stem for p in (out_dir / DONE_DIR).glob("*.json"))


def load_results(out_dir: Path, db_path: str | Path, *, resolve: bool = True) -> LoadReport:
    """Store every finished shard's articles in `db_path`; then resolve across articles."""
    from newsgraph.store import Store

    start = time.perf_counter()
    if not out_dir.is_dir():
        raise NewsgraphError(f"{out_dir}: no such folder")
    shards = finished_shards(out_dir)
    report = LoadReport(shards=len(shards))
    with Store(db_path) as store:
        for shard in shards:
            try:
                articles = list(read_shard_articles(out_dir, shard))
            except Exception as e:  # noqa: BLE001 - one unreadable shard never stops a load
                report.errors.append(f"{out_dir}/{shard}: cannot read its Parquet files "
                                     f"({e.__class__.__name__}: {e})"[:300])
                continue
            # One transaction per shard: a shard is stored whole or not at all.
            for r in store.write_articles(articles):
                report.added += r.added
                report.already += not r.added
            report.articles += len(articles)
        if resolve:
            counts = getattr(store.resolve(), "counts", None)
            report.resolved = dict(counts) if isinstance(counts, dict) else {}
    report.seconds = round(time.perf_counter() - start, 2)
    return report
