"""A local news site for trying `newsgraph watch`: an RSS feed of corpus articles on
127.0.0.1, one more article published every --grow seconds.

    .venv/bin/python scripts/demo_site.py [--port 8765] [--n 20] [--grow 60] [--input FILE]

The pages are built from the bundled corpus (data/corpus/*/articles.jsonl.gz, US government
releases in the public domain) by the same site the watch tests use (tests/watch_server.py).
Ctrl-C stops it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def main() -> None:
    from watch_server import NewsSite, Reply, corpus_texts

    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--n", type=int, default=20, help="articles in the feed at the start")
    ap.add_argument("--grow", type=float, default=60.0, help="seconds between new articles")
    ap.add_argument("--input", type=Path,
                    default=ROOT / "data" / "corpus" / "state-department-press"
                    / "articles.jsonl.gz")
    args = ap.parse_args()
    recs = [r for r in corpus_texts(args.input) if r.get("text")]
    site = NewsSite().start(port=args.port)
    site.set("/robots.txt", Reply(body=b"User-agent: *\nAllow: /\n", ctype="text/plain"))
    shown = 0

    def publish(upto: int) -> None:
        for i in range(upto):
            r = recs[i]
            site.add_article(f"/news/{i}", r.get("title") or f"article {i}", r["text"],
                             r.get("date"))
        site.set_feed("/feed.xml", [f"/news/{i}" for i in reversed(range(upto))])

    shown = min(args.n, len(recs))
    publish(shown)
    print(f"serving {site.url('/feed.xml')} ({shown} articles, one more every {args.grow:g} s)",
          flush=True)
    try:
        while shown < len(recs):
            time.sleep(args.grow)
            shown += 1
            publish(shown)
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        site.stop()


if __name__ == "__main__":
    main()
