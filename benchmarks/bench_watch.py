"""A watch round over N new pages from a news site on 127.0.0.1: items per second and the
share of the round's time in each step.

    .venv/bin/python benchmarks/bench_watch.py [--n 200] [--input data/corpus] [--batch 16]
        [--workers 0]

The site (tests/watch_server.py) serves one RSS feed naming N article pages built from the
first N corpus records, with no pause between requests (`--host-delay` 0: the politeness
pause would measure the pause). The spaCy model is loaded before the round (its load time
is printed apart), so the round measures steady work: fetch, extract, annotate, store,
resolve (a full rebuild of the resolved tables, as `newsgraph ingest` does), alerts. With
`--workers N` extraction and annotation run on N processes (their model loads inside the
round) and are reported together as "analyse".
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

STEPS = ("feeds", "fetch", "extract", "annotate", "analyse", "store", "resolve", "alerts")


def records(src: Path, n: int) -> list[dict[str, str]]:
    from watch_server import corpus_texts

    files = sorted(src.glob("*/articles.jsonl.gz")) if src.is_dir() else [src]
    out: list[dict[str, str]] = []
    for f in files:
        out += [r for r in corpus_texts(f) if r.get("text")]
        if len(out) >= n:
            break
    return out[:n]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--input", type=Path, default=ROOT / "data" / "corpus")
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--workers", type=int, default=0)
    args = ap.parse_args()

    from newsgraph.annotate.pipeline import get_nlp
    from newsgraph.store import Store
    from newsgraph.watch.fetch import Fetcher, FetchPolicy
    from newsgraph.watch.loop import add_feeds
    from newsgraph.watch.pages import PageOptions
    from newsgraph.watch.round import WatchOptions, run_round
    from watch_server import NewsSite, Reply

    recs = records(args.input, args.n)
    site = NewsSite().start()
    site.set("/robots.txt", Reply(body=b"User-agent: *\nAllow: /\n", ctype="text/plain"))
    for i, r in enumerate(recs):
        site.add_article(f"/news/{i}", r.get("title") or f"page {i}", r["text"], r.get("date"))
    site.set_feed("/feed.xml", [f"/news/{i}" for i in range(len(recs))])
    t0 = time.perf_counter()
    get_nlp()
    load_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as st, \
            Fetcher(FetchPolicy(host_interval_s=0.0)) as fetcher:
        add_feeds(st, [site.url("/feed.xml")])
        t1 = time.perf_counter()
        report = run_round(st, fetcher, WatchOptions(pages=PageOptions(batch=args.batch,
                                                                     workers=args.workers)))
        wall = time.perf_counter() - t1
    site.stop()
    print(f"model load {load_s:.1f} s (not in the round)")
    print(f"round: {report.line()}")
    print(f"{report.stored} stored in {wall:.1f} s: {report.stored / wall:.2f} items/s "
          f"({report.requests} requests)")
    for step in STEPS:
        if step not in report.seconds:
            continue
        s = report.seconds[step]
        print(f"  {step:<9} {s:7.2f} s  {100 * s / wall:5.1f} %")


if __name__ == "__main__":
    main()
