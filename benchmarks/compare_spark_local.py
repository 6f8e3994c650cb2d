"""The whole demo corpus through Spark (+ load) and through ingest: the same store?

    .venv/bin/python benchmarks/compare_spark_local.py [--workers 2] [--master local[2]]
                                                       [--shard-size 200] [--keep DIR]
    .venv/bin/python benchmarks/compare_spark_local.py --shards DIR [--master local[2]]

Runs `ingest` (local process pool) and `spark --resolve` + `load` on
data/corpus/*/articles.jsonl.gz into two SQLite files, then compares the articles (ids),
every quote (text, kind, span, speaker, cue) and every event report (category, mode, date,
modality, span, actors), and the row count of every table, resolved tables included. Prints
the times of both runs. Then it checks the resolution on Spark itself: the Spark output
loaded with its resolved tables, and the same shards loaded and rebuilt here, must have every
table identical, row for row and id for id (`compare_stores.compare_tables`).

With `--shards DIR` (finished shards of a Spark run, or of `store_shards.py`), only that
second check runs: resolution on Spark of DIR (timed), then the comparison.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from compare_stores import compare_tables  # noqa: E402
from corpus import DEFAULT_INPUTS  # noqa: E402

QUERIES = {
    "articles": "SELECT id FROM articles",
    "quotes": "SELECT article_id, local_id, text, kind, start, end, speaker, speaker_local_id, "
              "cue, is_question FROM quotes",
    "events": "SELECT r.article_id, r.local_id, r.category, r.mode, r.location, r.date, "
              "r.date_text, r.modality, r.start, r.end, r.trigger, "
              "(SELECT group_concat(x, ';') FROM (SELECT a.name || '/' || a.role AS x "
              " FROM event_report_actors a WHERE a.report_pk = r.pk ORDER BY a.ord)) "
              "FROM event_reports r",
    "entities": "SELECT article_id, local_id, name, type, affiliation, roles FROM "
                "article_entities",
    "agreements": "SELECT article_id, ord, name, kind, status, parties FROM agreement_mentions",
}


def rows(db: Path) -> dict[str, Any]:
    from newsgraph.store import Store

    with Store(db) as st:
        out: dict[str, Any] = {k: set(st.conn.execute(q).fetchall()) for k, q in QUERIES.items()}
        out["tables"] = st.stats().tables
    return out


def check_resolution(out: Path, work: Path, master: str | None) -> bool:
    """Resolve `out` on Spark (unless `master` is None: already done), then compare the
    store loaded with those tables with the same shards rebuilt here."""
    from newsgraph.run.load import load_results
    from newsgraph.run.spark import SparkOptions, resolve_spark
    from newsgraph.store import Store

    if master is not None:
        t = time.perf_counter()
        res = resolve_spark(out, SparkOptions(master=master))
        steps = ", ".join(f"{k} {v:g} s" for k, v in res.seconds.items())
        print(f"resolution on Spark ({master}): {res.articles} articles, "
              f"{time.perf_counter() - t:.0f} s ({steps})", flush=True)
    a, b = work / "spark-resolved.db", work / "local-resolved.db"
    for p in (a, b):
        p.unlink(missing_ok=True)
    t = time.perf_counter()
    loaded = load_results(out, a)
    print(f"load with the Spark tables ({loaded.resolved_by}): {time.perf_counter() - t:.0f} s",
          flush=True)
    t = time.perf_counter()
    load_results(out, b, resolve=False)
    with Store(b) as st:
        st.resolve(full=True)
    print(f"load + full rebuild here: {time.perf_counter() - t:.0f} s", flush=True)
    n = compare_tables(str(a), str(b), ordered=False)
    print(f"resolved on Spark == rebuilt here, every table: {n == 0} ({n} differences)")
    return n == 0 and loaded.resolved_by == "spark"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--shard-size", type=int, default=200)
    ap.add_argument("--keep", type=Path, default=None, help="keep both stores in this folder")
    ap.add_argument("--shards", type=Path, default=None,
                    help="only resolve these finished shards on Spark and compare")
    args = ap.parse_args()
    if args.shards is not None:
        work = args.keep or Path(tempfile.mkdtemp(prefix="ng-compare-"))
        work.mkdir(parents=True, exist_ok=True)
        sys.exit(0 if check_resolution(args.shards, work, args.master) else 1)
    from newsgraph.run.ingest import IngestOptions, ingest
    from newsgraph.run.load import load_results
    from newsgraph.run.spark import SparkOptions, run_spark

    paths = [str(p) for p in DEFAULT_INPUTS]
    tmp = Path(tempfile.mkdtemp(prefix="ng-compare-"))
    work = args.keep or tmp
    work.mkdir(parents=True, exist_ok=True)
    try:
        t = time.perf_counter()
        local = ingest(paths, str(work / "local.db"), IngestOptions(workers=args.workers))
        local_s = time.perf_counter() - t
        print(f"ingest ({args.workers} workers): {local.added} articles, {len(local.errors)} "
              f"errors, {local_s:.0f} s", flush=True)
        t = time.perf_counter()
        report = run_spark(paths, work / "spark-out",
                           SparkOptions(master=args.master, shard_size=args.shard_size,
                                        resolve=True))
        spark_s = time.perf_counter() - t
        if report.resolution is not None:
            print(f"of which resolution on Spark: {report.resolution.seconds}", flush=True)
        loaded = load_results(work / "spark-out", work / "spark.db")
        print(f"spark ({args.master}): {report.articles} articles in {report.shards} shards, "
              f"{len(report.errors)} errors, {report.model_loads} model loads, {spark_s:.0f} s; "
              f"load {loaded.added} articles + resolution {loaded.seconds:.0f} s", flush=True)
        a, b = rows(work / "spark.db"), rows(work / "local.db")
        for key in QUERIES:
            only_a, only_b = len(a[key] - b[key]), len(b[key] - a[key])
            print(f"{key:<11} spark {len(a[key]):6d}  local {len(b[key]):6d}  "
                  f"only in spark {only_a}  only in local {only_b}")
        diff = {k: (a["tables"][k], b["tables"][k]) for k in a["tables"]
                if a["tables"][k] != b["tables"][k]}
        print("every table has the same row count" if not diff else f"tables differ: {diff}")
        same = all(a[k] == b[k] for k in QUERIES) and not diff
        print(f"same store: {same}")
        same_resolution = check_resolution(work / "spark-out", work, None)
        if not (same and same_resolution):
            sys.exit(1)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
