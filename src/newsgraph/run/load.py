"""Parquet results of a Spark run -> the SQLite store, then cross-article resolution.

When the run also resolved across articles (`newsgraph spark --resolve`, DIR/resolved/),
and those tables cover exactly the articles the store then holds, they are stored as they
are (`store.resolved_import`), with no rebuild here; otherwise the store resolves itself.

Articles go through the store's own write API, so loading is idempotent by content hash
exactly as `ingest` is: loading the same folder twice, or a folder whose articles were already
ingested, adds nothing. Only shards with a finished-shard marker are read; files a crashed
task left behind are ignored until a rerun finishes (and marks) their shard.
"""

from __future__ import annotations

import functools
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow.dataset as ds

from newsgraph.errors import NewsgraphError
from newsgraph.run.parquet import read_shard_articles
from newsgraph.run.steps import DONE_DIR
from newsgraph.store.resolved_import import (
    TABLES,
    missing_tables,
    save_resolved,
    stored_article_ids,
)

if TYPE_CHECKING:
    from newsgraph.store import Store

RESOLVED_DIR = "resolved"          # written by run.spark.resolve_on_spark
RESOLVED_MARKER = "_done.json"

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
    # How the resolved tables were made: "spark" (stored from DIR/resolved, no rebuild
    # here), "here" (resolution in this process), or "" (not resolved).
    resolved_by: str = ""
    note: str = ""          # why the tables resolved on Spark could not be used
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
            _resolve(store, out_dir, shards, report)
    report.seconds = round(time.perf_counter() - start, 2)
    return report


def _resolve(store: Store, out_dir: Path, shards: list[str], report: LoadReport) -> None:
    """Store the tables resolved on Spark when they cover exactly the stored articles;
    otherwise resolve here."""
    usable, report.note = spark_resolved(store, out_dir, shards)
    if usable:
        with store.transaction() as conn:
            stored = save_resolved(conn, parquet_tables(out_dir / RESOLVED_DIR))
        report.resolved_by = "spark"
        report.resolved = {k: stored[k] for k in ("entities", "duplicates", "events",
                                                  "agreements", "commitments")}
        return
    counts = getattr(store.resolve(), "counts", None)
    report.resolved = dict(counts) if isinstance(counts, dict) else {}
    report.resolved_by = "here"


def spark_resolved(store: Store, out_dir: Path, shards: list[str]) -> tuple[bool, str]:
    """Whether DIR/resolved holds the resolution of exactly the articles stored, and if
    not, why (empty when there is no resolution on Spark at all)."""
    marker = out_dir / RESOLVED_DIR / RESOLVED_MARKER
    if not marker.is_file():
        return False, ""
    missing = missing_tables()
    if missing:
        return False, f"the Spark run does not write {', '.join(missing)}"
    done = json.loads(marker.read_text(encoding="utf-8"))
    if done.get("shards") != shards:
        return False, "resolved on Spark before the last shards were finished"
    ids = set(ds.dataset(out_dir / RESOLVED_DIR / "resolved_articles", format="parquet")
              .to_table(columns=["article_id"]).column("article_id").to_pylist())
    if ids != stored_article_ids(store.conn):
        return False, "the store holds other articles than those resolved on Spark"
    return True, ""


def parquet_tables(folder: Path) -> dict[str, Callable[[], Iterator[list[dict[str, Any]]]]]:
    """Each resolved table as batches of rows, read when stored."""
    def batches(table: str) -> Iterator[list[dict[str, Any]]]:
        for batch in ds.dataset(folder / table, format="parquet").to_batches(
                batch_size=20_000):
            yield batch.to_pylist()

    return {t: functools.partial(batches, t) for t in TABLES}
