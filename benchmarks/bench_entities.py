"""Cost of the entities component against the statistical parse it reads.

    .venv/bin/python benchmarks/bench_entities.py [--n 80] [--corpus PATH] [--rounds 3]

The first N corpus releases are parsed once with en_core_web_sm (without the lemmatizer, as
the pipeline runs it); the entities component then runs over the parsed Docs `rounds` times.
Both are CPU seconds of this process. Prints the parse time, the best entities round, the
cost per release and the entities share of the parse.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

DEFAULT_CORPUS = Path("/work/shared/corpus/whitehouse-briefings/articles.jsonl")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=80, help="releases to use")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="a corpus .jsonl")
    ap.add_argument("--rounds", type=int, default=3, help="entities runs (the best counts)")
    args = ap.parse_args()

    from newsgraph.annotate.docindex import register_extensions
    from newsgraph.annotate.entities import entities
    from newsgraph.annotate.pipeline import load_model

    register_extensions()
    records = []
    with open(args.corpus, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if (rec.get("text") or "").strip():
                records.append(rec)
            if len(records) >= args.n:
                break
    nlp = load_model()
    nlp("Warm-up: Secretary of State Antony Blinken met Foreign Minister Jaishankar.")
    t0 = time.process_time()
    docs = list(nlp.pipe([r["text"] for r in records], batch_size=32))
    parse = time.process_time() - t0
    for doc, rec in zip(docs, records, strict=True):
        doc._.ng_title = rec.get("title")
    best = float("inf")
    for _ in range(args.rounds):
        t0 = time.process_time()
        for doc in docs:
            entities.extract(doc)
        best = min(best, time.process_time() - t0)
    chars = sum(len(r["text"]) for r in records)
    print(f"{len(docs)} releases, {chars:,} characters")
    print(f"parse    {parse:7.2f} s CPU")
    print(f"entities {best:7.2f} s CPU (best of {args.rounds}), "
          f"{1000 * best / len(docs):.1f} ms per release, {100 * best / parse:.1f}% of the parse")


if __name__ == "__main__":
    main()
