"""Resolution cost against archive size: full rebuild, and 10 new articles added to it.

    python benchmarks/bench_resolve.py --base BASE.db [--sizes 2000,8000,32000] [--work DIR]

BASE.db is a store of annotated articles (`newsgraph ingest data/corpus/*/articles.jsonl.gz
--db BASE.db --no-resolve`). For each size the benchmark builds an archive by cloning BASE's
per-article rows (the same names, so people recur as in a real archive; each clone's dates
shifted by 2,048 days), rebuilds every resolved table in a fresh process (time, peak RSS),
then stores 10 new articles (clones of BASE articles, pre-annotated: no annotation time)
and resolves incrementally in a fresh process. It prints one line per size and the ratios
the floors are stated in. Archives are cached in --work by size (resolved by the last full
rebuild; --skip-full measures only the 10 new articles on such a cached archive). The copy
of the archive the 10 are added to is written to disk before the resolution is timed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

SHIFT_DAYS = 2048
PK_STEP = 10_000_000
# per-article tables: (table, columns) with the article id column first
ID_COLS = {"articles": "id", "article_sources": "article_id", "article_entities": "article_id",
           "mentions": "article_id", "quotes": "article_id", "event_reports": "article_id",
           "agreement_mentions": "article_id"}
PK_TABLES = ("articles", "quotes", "event_reports", "agreement_mentions")


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA base.table_info({table})")]


def _select(conn: sqlite3.Connection, table: str, k: int, suffix: str) -> str:
    out = []
    for c in _columns(conn, table):
        if c == ID_COLS.get(table):
            out.append(f"{c} || '{suffix}'")
        elif c == "pk" and table in PK_TABLES:
            out.append(f"pk + {k * PK_STEP}")
        elif c in ("published", "date") and table in ("articles", "event_reports"):
            out.append(f"CASE WHEN {c} IS NULL THEN NULL ELSE date({c}, '+{k * SHIFT_DAYS} "
                       f"days') END")
        elif c == "report_pk":
            out.append(f"report_pk + {k * PK_STEP}")
        else:
            out.append(c)
    return ", ".join(out)


def clone(conn: sqlite3.Connection, k: int, suffix: str, where: str) -> None:
    """Copy BASE's articles matching `where` (on base.articles) as clone `k`."""
    for table in (*ID_COLS, "event_report_actors"):
        cols = ", ".join(_columns(conn, table))
        if table == "event_report_actors":
            sel = f"SELECT {_select(conn, table, k, suffix)} FROM base.{table} WHERE report_pk " \
                  f"IN (SELECT pk FROM base.event_reports WHERE article_id IN " \
                  f"(SELECT id FROM base.articles WHERE {where}))"
        else:
            sel = f"SELECT {_select(conn, table, k, suffix)} FROM base.{table} WHERE " \
                  f"{ID_COLS[table]} IN (SELECT id FROM base.articles WHERE {where})"
        conn.execute(f"INSERT INTO {table}({cols}) {sel}")


def build(base: Path, path: Path, n: int) -> None:
    from newsgraph.store import Store

    Store(path).close()   # the schema, with every migration
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TRIGGER IF EXISTS articles_ai")   # full-text index: not measured
    conn.execute("DROP TRIGGER IF EXISTS quotes_ai")
    conn.execute(f"ATTACH '{base}' AS base")
    have = conn.execute("SELECT count(*) FROM base.articles").fetchone()[0]
    conn.execute("BEGIN")
    k = 0
    while k * have < n:
        take = min(have, n - k * have)
        clone(conn, k, f"~{k}" if k else "",
              f"id IN (SELECT id FROM base.articles ORDER BY id LIMIT {take})")
        k += 1
    conn.execute("COMMIT")
    conn.close()


def measure(db: Path, mode: str, profile: Path | None = None) -> dict[str, float]:
    """Run one resolution in a fresh process: seconds and peak RSS (MB); with `profile`,
    under cProfile, its statistics written there."""
    prof = ["-m", "cProfile", "-o", str(profile)] if profile else []
    done = subprocess.run([sys.executable, *prof, __file__, "_resolve", str(db), mode],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _resolve_here(db: str, mode: str) -> None:
    from newsgraph.store import Store

    start, cpu = time.perf_counter(), time.process_time()
    with Store(db) as store:
        report = store.resolve(full=mode == "full")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": time.perf_counter() - start, "rss_mb": rss,
                      "cpu_s": time.process_time() - cpu, "steps": report.seconds}))


def add_new(base: Path, db: Path, k: int) -> float:
    """Store 10 new articles (clones of BASE articles in a later period); seconds."""
    start = time.perf_counter()
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute(f"ATTACH '{base}' AS base")
    conn.execute("BEGIN")
    clone(conn, k, "~new", "id IN (SELECT id FROM base.articles ORDER BY id DESC LIMIT 10)")
    conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - start


def _resolved(db: Path) -> bool:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT 1 FROM resolved_articles LIMIT 1").fetchone() is not None
    finally:
        conn.close()


def run_size(base: Path, work: Path, n: int, skip_full: bool = False,
             profile: Path | None = None) -> dict[str, float]:
    archive = work / f"archive-{n}.db"
    if not archive.exists():
        build(base, work / "building.db", n)
        (work / "building.db").rename(archive)
    nan = float("nan")
    from newsgraph.store import Store

    Store(archive).close()   # a cached archive gets the migrations added since, once
    full = ({"seconds": nan, "cpu_s": nan, "rss_mb": nan} if skip_full and _resolved(archive)
            else measure(archive, "full"))
    target = work / f"grown-{n}.db"
    shutil.copy(archive, target)
    have = sqlite3.connect(base).execute("SELECT count(*) FROM articles").fetchone()[0]
    ingest_s = add_new(base, target, -(-n // have) + 1)
    os.sync()   # the copy's write-back is the benchmark's, not the resolution's
    inc = measure(target, "incremental", profile / f"incremental-{n}.prof" if profile else None)
    target.unlink()
    return {"n": n, "full_s": full["seconds"], "full_cpu_s": full["cpu_s"],
            "resolve_10_cpu_s": inc["cpu_s"], "full_rss_mb": full["rss_mb"],
            "ms_per_article": 1000 * full["seconds"] / n, "ingest_10_s": ingest_s,
            "resolve_10_s": inc["seconds"], "resolve_10_rss_mb": inc["rss_mb"],
            "full_steps": full.get("steps", {}), "resolve_10_steps": inc.get("steps", {})}


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "_resolve":
        _resolve_here(sys.argv[2], sys.argv[3])
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", required=True, type=Path)
    ap.add_argument("--sizes", default="2000,8000")
    ap.add_argument("--work", type=Path, default=Path("/tmp/bench_resolve"))
    ap.add_argument("--skip-full", action="store_true",
                    help="no full rebuild where the cached archive is resolved already "
                         "(its resolved tables must come from the current code)")
    ap.add_argument("--profile", type=Path, help="a folder: profile the 10 new articles' "
                    "resolution with cProfile, to incremental-N.prof there")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    results = []
    for n in (int(s) for s in args.sizes.split(",")):
        r = run_size(args.base.resolve(), args.work, n, args.skip_full, args.profile)
        results.append(r)
        print(f"{n:>6} articles: full {r['full_s']:.1f} s, cpu {r['full_cpu_s']:.1f} s "
              f"({r['ms_per_article']:.2f} ms/article, peak {r['full_rss_mb']:.0f} MB); 10 new: "
              f"store {r['ingest_10_s']:.2f} s, resolve {r['resolve_10_s']:.2f} s, cpu "
              f"{r['resolve_10_cpu_s']:.2f} s (peak {r['resolve_10_rss_mb']:.0f} MB)\n"
              f"        steps of the full rebuild {r['full_steps']}\n"
              f"        steps of the 10 new {r['resolve_10_steps']}", flush=True)
    small, big = results[0], results[-1]
    if big is not small:
        print(f"ratio {big['n']}/{small['n']}: incremental "
              f"{big['resolve_10_s'] / small['resolve_10_s']:.2f}x (floor 1.5x), full "
              f"{big['full_s'] / small['full_s']:.2f}x, peak RSS "
              f"{big['full_rss_mb'] / small['full_rss_mb']:.2f}x")


if __name__ == "__main__":
    main()
