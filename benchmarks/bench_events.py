"""Cost of the events and agreements components on parsed documents.

    .venv/bin/python benchmarks/bench_events.py [--n 120] [--corpus PATH]

Parses the first N corpus articles once with the rest of the pipeline (events and
agreements switched off), then times each of the two components alone on those documents,
in CPU seconds of this process (steadier than wall time on a shared machine).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

DEFAULT_CORPUS = Path("/work/shared/corpus/whitehouse-briefings/articles.jsonl")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=120, help="number of articles")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help=".jsonl corpus")
    args = ap.parse_args()

    from newsgraph.annotate.agreements.component import AgreementComponent
    from newsgraph.annotate.events.component import EventComponent
    from newsgraph.annotate.pipeline import get_nlp, make_doc
    from newsgraph.record import Article

    arts = []
    with args.corpus.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("text"):
                arts.append(Article.new(row["text"], published=row.get("date")))
            if len(arts) >= args.n:
                break
    nlp = get_nlp()
    t = time.process_time()
    with nlp.select_pipes(disable=["newsgraph_events", "newsgraph_agreements"]):
        docs = list(nlp.pipe((make_doc(nlp, a) for a in arts), batch_size=32))
    rest = time.process_time() - t
    timings = {}
    for name, comp in (("events", EventComponent()), ("agreements", AgreementComponent())):
        t = time.process_time()
        for d in docs:
            comp(d)
        timings[name] = time.process_time() - t
    chars = sum(len(a.text) for a in arts)
    print(f"{len(docs)} articles, {chars} characters")
    print(f"rest of the pipeline  {rest:7.2f} s CPU")
    for name, sec in timings.items():
        print(f"{name:<21} {sec:7.2f} s CPU  ({sec / len(docs) * 1000:.1f} ms per article)")
    print(f"events found {sum(len(d._.ng_events) for d in docs)}, agreements found "
          f"{sum(len(d._.ng_agreements) for d in docs)}")


if __name__ == "__main__":
    main()
