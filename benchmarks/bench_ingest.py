"""Ingest throughput with 1 and 2 worker processes, and the ratio between them.

    .venv/bin/python benchmarks/bench_ingest.py [--n 200] [--input data/corpus] [--workers 1 2]

Each run ingests the same first N inputs (written to a temporary .jsonl) into a fresh
database with `newsgraph.run.ingest.ingest`, as `newsgraph ingest` does: extraction and
annotation in the workers, writes in the parent. Reported: articles per second of wall time,
for the storing phase (workers start, load the model, annotate, parent writes) and for the
whole run including cross-article resolution, and steady (from the first stored chunk on,
without model loading). The ratio is rate(2 workers) / rate(1 worker);
on a machine with 2 idle cores it can approach 2; on a shared machine it says how much the
pool gains there.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from newsgraph.read import InputError, iter_inputs


def sample(src: Path, n: int, out: Path) -> int:
    """The first N readable inputs of `src` as one .jsonl file."""
    count = 0
    with open(out, "w", encoding="utf-8") as fh:
        for item in iter_inputs([src]):
            if isinstance(item, InputError):
                continue
            data = item.data if isinstance(item.data, str) else item.data.decode("utf-8",
                                                                                 "replace")
            rec = {"url": item.url, "date": item.published, "title": item.title,
                   ("html" if item.hint == "html" else "text"): data}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            count += 1
            if count >= n:
                break
    return count


def run_once(path: Path, workers: int, tmp: Path) -> dict[str, float]:
    from newsgraph.run.ingest import IngestOptions, ingest

    db = tmp / f"bench-{workers}.db"
    marks: list[tuple[float, int]] = []   # (time, articles so far) at each stored chunk
    t0 = time.perf_counter()

    def progress(done: int) -> None:
        marks.append((time.perf_counter(), (marks[-1][1] if marks else 0) + done))

    report = ingest([str(path)], str(db), IngestOptions(workers=workers, chunk_size=8),
                    progress=progress)
    total = time.perf_counter() - t0
    n = report.added + report.already_stored
    # steady state: from the first stored chunk on, so model loading is left out
    steady = 0.0
    if len(marks) > 1 and marks[-1][0] > marks[0][0]:
        steady = (marks[-1][1] - marks[0][1]) / (marks[-1][0] - marks[0][0])
    return {"workers": workers, "articles": n, "errors": len(report.errors),
            "store_s": round(report.seconds, 2), "total_s": round(total, 2),
            "rate_store": round(n / report.seconds, 3) if report.seconds else 0.0,
            "rate_total": round(n / total, 3) if total else 0.0,
            "rate_steady": round(steady, 3)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200, help="inputs to ingest (default 200)")
    ap.add_argument("--input", type=Path, default=Path("data/corpus"),
                    help="folder or file of inputs (default: the bundled demo corpus)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        path = tmp / "sample.jsonl"
        n = sample(args.input, args.n, path)
        if n == 0:
            sys.exit(f"{args.input}: no inputs")
        results = []
        for w in args.workers:
            r = run_once(path, w, tmp)
            results.append(r)
            print(json.dumps(r), flush=True)
    base = next((r for r in results if r["workers"] == 1), None)
    for r in results:
        if base and r is not base and base["rate_store"]:
            steady = (r["rate_steady"] / base["rate_steady"]) if base["rate_steady"] else 0.0
            print(f"{r['workers']} workers / 1 worker: store rate x"
                  f"{r['rate_store'] / base['rate_store']:.2f}, total rate x"
                  f"{r['rate_total'] / base['rate_total']:.2f}, steady rate x{steady:.2f}")


if __name__ == "__main__":
    main()
