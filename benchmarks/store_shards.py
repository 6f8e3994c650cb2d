"""A store's articles as the Parquet shards `newsgraph spark` writes, without annotating.

    python benchmarks/store_shards.py DB OUT [--shard-size 200] [--limit N]

Reads every stored Article record (in publication order, then id) and writes them as
finished shards of OUT (the five tables, markers, manifest), so that Spark's resolution and
`newsgraph load` can be run on an archive (e.g. one of `bench_resolve.py`'s cloned stores)
without running the pipeline again.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--shard-size", type=int, default=200)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    from newsgraph.run.parquet import SCHEMA_VERSION, TABLES, ShardWriter
    from newsgraph.run.steps import ShardResult, marker_path
    from newsgraph.store import Store

    ids = [r[0] for r in sqlite3.connect(args.db).execute(
        "SELECT id FROM articles ORDER BY published, id")][:args.limit]
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "_manifest.json").write_text(json.dumps(
        {"schema_version": SCHEMA_VERSION, "shard_size": args.shard_size,
         "tables": list(TABLES)}, indent=2), encoding="utf-8")
    with Store(args.db, readonly=True) as st:
        for n, lo in enumerate(range(0, len(ids), args.shard_size)):
            shard = f"store-{n:05d}"
            writer = ShardWriter(args.out, shard)
            for article_id in ids[lo:lo + args.shard_size]:
                view = st.article(article_id)
                assert view is not None
                writer.add(view.article)
            writer.commit()
            marker = marker_path(args.out, shard)
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.write_text(ShardResult(shard=shard, articles=writer.articles).to_json(),
                              encoding="utf-8")
    print(f"{len(ids)} articles in {n + 1 if ids else 0} shards under {args.out}")


if __name__ == "__main__":
    main()
