"""Incremental resolution == full rebuild on a whole store, batched at random.

    python benchmarks/check_incremental.py --base BASE.db --out DIR [--batches 5] [--seed 1]

Copies BASE's articles (a store of annotated articles, e.g. the demo corpus ingested with
--no-resolve) into DIR/incremental.db in random batches of random sizes, in random order,
resolving incrementally after each; then copies that store to DIR/full.db, rebuilds it with
a full resolution, and compares every table (`compare_stores.py tables`). Exits 1 on any
difference.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_resolve import clone  # noqa: E402
from compare_stores import compare_tables  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", required=True, type=Path)
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--batches", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    from newsgraph.store import Store

    args.out.mkdir(parents=True, exist_ok=True)
    inc, full = args.out / "incremental.db", args.out / "full.db"
    for p in (inc, full):
        p.unlink(missing_ok=True)
    ids = [r[0] for r in sqlite3.connect(args.base).execute("SELECT id FROM articles")]
    rng = random.Random(args.seed)
    rng.shuffle(ids)
    cuts = sorted(rng.sample(range(1, len(ids)), args.batches - 1))
    Store(inc).close()
    for lo, hi in zip([0, *cuts], [*cuts, len(ids)], strict=True):
        conn = sqlite3.connect(inc, isolation_level=None)
        conn.execute(f"ATTACH '{args.base.resolve()}' AS base")
        conn.execute("CREATE TEMP TABLE batch (id TEXT PRIMARY KEY)")
        conn.executemany("INSERT INTO batch VALUES (?)", ((i,) for i in ids[lo:hi]))
        conn.execute("BEGIN")
        clone(conn, 0, "", "id IN (SELECT id FROM temp.batch)")
        conn.execute("COMMIT")
        conn.close()
        start = time.perf_counter()
        with Store(inc) as st:
            counts = st.resolve().counts
        print(f"+{hi - lo} articles: incremental {time.perf_counter() - start:.1f} s {counts}",
              flush=True)
    shutil.copy(inc, full)
    start = time.perf_counter()
    with Store(full) as st:
        st.resolve(full=True)
    print(f"full rebuild {time.perf_counter() - start:.1f} s", flush=True)
    sys.exit(1 if compare_tables(str(inc), str(full), ordered=False) else 0)


if __name__ == "__main__":
    main()
