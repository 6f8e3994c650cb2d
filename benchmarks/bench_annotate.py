"""Annotation throughput: our pipeline against bare `nlp.pipe` of the full en_core_web_sm.

    .venv/bin/python benchmarks/bench_annotate.py [--n 500] [--corpus PATH] [--batch-size 32]

Both run in this process on the same N texts (the first N articles of the corpus file with a
text), after a short warm-up each, bare model first. "Ours" is `newsgraph.annotate.annotate`:
en_core_web_sm without the lemmatizer plus the newsgraph components (entities, quotes,
events, agreements) and copying the results into the Article records. Rates are given in
CPU seconds of this process (steadier than wall time on a shared machine) and in wall time;
the ratio ours / bare uses CPU time. Target: ratio >= 0.8 (later >= 1.0).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

DEFAULT_CORPUS = Path("/work/shared/corpus/whitehouse-briefings/articles.jsonl")
WARMUP = 5


@dataclass
class Timing:
    name: str
    articles: int
    cpu_s: float
    wall_s: float

    @property
    def rate_cpu(self) -> float:
        return self.articles / self.cpu_s if self.cpu_s else 0.0

    @property
    def rate_wall(self) -> float:
        return self.articles / self.wall_s if self.wall_s else 0.0


def read_texts(path: Path, n: int) -> list[str]:
    texts: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, 1):
            if len(texts) >= n:
                break
            try:
                text = json.loads(line).get("text") or ""
            except ValueError:
                print(f"{path}:{line_no}: not JSON, skipped", file=sys.stderr)
                continue
            if text.strip():
                texts.append(text)
    return texts


def timed(name: str, run: Callable[[list[str]], None], texts: list[str]) -> Timing:
    run(texts[:WARMUP])
    cpu, wall = time.process_time(), time.perf_counter()
    run(texts)
    return Timing(name, len(texts), time.process_time() - cpu, time.perf_counter() - wall)


def bare_runner(batch_size: int) -> Callable[[list[str]], None]:
    import spacy
    import spacy.util

    from newsgraph.annotate.pipeline import MODEL, MODEL_FALLBACK

    name = next((m for m in (MODEL, MODEL_FALLBACK) if spacy.util.is_package(m)), MODEL)
    nlp = spacy.load(name)  # every component, the lemmatizer included

    def run(texts: list[str]) -> None:
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass

    return run


def ours_runner(batch_size: int) -> Callable[[list[str]], None]:
    from newsgraph.annotate.pipeline import PipelineOptions, annotate, get_nlp
    from newsgraph.record import Article

    get_nlp()
    opts = PipelineOptions(batch_size=batch_size)

    def run(texts: list[str]) -> None:
        for _ in annotate((Article.new(t) for t in texts), opts):
            pass

    return run


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=500, help="articles to annotate (default 500)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                    help=f"JSON-lines file with a 'text' per line (default {DEFAULT_CORPUS})")
    ap.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch size")
    args = ap.parse_args(argv)
    if not args.corpus.is_file():
        print(f"error: {args.corpus}: no such corpus file", file=sys.stderr)
        return 1
    texts = read_texts(args.corpus, args.n)
    if not texts:
        print(f"error: {args.corpus}: no article with a text", file=sys.stderr)
        return 1
    chars = sum(len(t) for t in texts)
    print(f"{len(texts)} articles, {chars:,} characters, from {args.corpus}")
    bare = timed("bare en_core_web_sm nlp.pipe", bare_runner(args.batch_size), texts)
    ours = timed("newsgraph annotate", ours_runner(args.batch_size), texts)
    for t in (bare, ours):
        print(f"{t.name:30} {t.rate_cpu:7.2f} articles/s CPU ({t.cpu_s:6.1f} s)  "
              f"{t.rate_wall:7.2f} articles/s wall ({t.wall_s:6.1f} s)")
    ratio = ours.rate_cpu / bare.rate_cpu if bare.rate_cpu else 0.0
    print(f"ratio ours/bare (CPU) {ratio:.2f}   (wall {ours.rate_wall / bare.rate_wall:.2f})  "
          "target >= 0.8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
