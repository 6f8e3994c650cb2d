"""Where the time goes on the local path: stages, spaCy components, and a cProfile by module.

    .venv/bin/python benchmarks/profile_pipeline.py [-n 200] [--top 25] [--prof FILE]

Times are CPU seconds of this process (`time.process_time`), which other processes on a
shared machine disturb less than wall-clock time. Stages: reading + extraction, each pipeline
component run over all documents in turn, copying results out of the Doc, storing (SQLite in
memory). Then the same work under cProfile: the functions with the most own time, and own
time summed per source file, which points at the component module to look at.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import DEFAULT_INPUTS, read_records, write_jsonl  # noqa: E402


def stage_times(path: Path) -> None:
    from newsgraph.annotate import pipeline
    from newsgraph.read import InputError, iter_inputs
    from newsgraph.record import Article
    from newsgraph.run.process import ProcessOptions, process
    from newsgraph.store import Store

    nlp = pipeline.get_nlp()
    t = time.process_time()
    out = list(process(iter_inputs([str(path)]), ProcessOptions(annotate=False)))
    articles = [a for a in out if isinstance(a, Article)]
    failed = [e for e in out if isinstance(e, InputError)]
    rows = [("read + extract", time.process_time() - t)]
    t = time.process_time()
    docs = [pipeline.make_doc(nlp, a) for a in articles]
    rows.append(("tokenizer", time.process_time() - t))
    for name, proc in nlp.pipeline:
        t = time.process_time()
        docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        rows.append((name, time.process_time() - t))
    t = time.process_time()
    for a, d in zip(articles, docs, strict=True):
        pipeline.fill_article(a, d)
    rows.append(("fill_article", time.process_time() - t))
    t = time.process_time()
    with Store(":memory:") as st:
        st.write_articles(articles)
    rows.append(("store (write)", time.process_time() - t))
    total = sum(s for _, s in rows)
    chars = sum(len(a.text) for a in articles)
    print(f"\n{len(articles)} articles, {chars:,} characters of clean text "
          f"({len(failed)} inputs failed)")
    print(f"{'stage':<28}{'cpu s':>9}{'share':>8}")
    for name, s in rows:
        print(f"{name:<28}{s:9.2f}{s / total:8.1%}")
    print(f"{'total':<28}{total:9.2f}")


def profile(path: Path, top: int, prof_out: str | None) -> None:
    from newsgraph.read import iter_inputs
    from newsgraph.record import Article
    from newsgraph.run.process import process
    from newsgraph.store import Store

    prof = cProfile.Profile()
    prof.enable()
    out = list(process(iter_inputs([str(path)])))
    with Store(":memory:") as st:
        st.write_articles([a for a in out if isinstance(a, Article)])
    prof.disable()
    if prof_out:
        prof.dump_stats(prof_out)
    stats = pstats.Stats(prof, stream=io.StringIO())
    by_file: dict[str, float] = defaultdict(float)
    entries = stats.stats  # type: ignore[attr-defined]
    for (filename, _line, _func), (_cc, _nc, tt, _ct, _callers) in entries.items():
        by_file[_short(filename)] += tt
    total = sum(by_file.values())
    print(f"\nown time per source file (top {top}; total {total:.1f} s under the profiler)")
    for f, tt in sorted(by_file.items(), key=lambda kv: -kv[1])[:top]:
        print(f"{tt:8.2f} s {tt / total:6.1%}  {f}")
    print(f"\nfunctions with the most own time (top {top})")
    rows = sorted(entries.items(), key=lambda kv: -kv[1][2])[:top]
    for (filename, line, func), (_cc, nc, tt, ct, _callers) in rows:
        print(f"{tt:8.2f} s own {ct:8.2f} s cum {nc:9d} calls  {_short(filename)}:{line} {func}")


def _short(filename: str) -> str:
    for marker in ("site-packages/", "src/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=200, help="articles (default 200)")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--prof", default=None, help="also write the raw profile here")
    args = ap.parse_args()
    recs = read_records(DEFAULT_INPUTS, args.n)
    with tempfile.TemporaryDirectory() as tmp:
        path = write_jsonl(recs, Path(tmp) / "bench.jsonl")
        from newsgraph.annotate import annotate
        from newsgraph.record import Article

        list(annotate([Article.new("Warm up the pipeline. He said so on Tuesday.")]))
        stage_times(path)
        profile(path, args.top, args.prof)


if __name__ == "__main__":
    main()
