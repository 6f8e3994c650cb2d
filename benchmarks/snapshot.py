"""Snapshot of every Article record the pipeline gives for a fixed set of inputs.

A refactoring that must not change behaviour is checked by taking a snapshot before and
after it and comparing the two:

    python benchmarks/snapshot.py --out /tmp/before.jsonl
    ... change the code ...
    python benchmarks/snapshot.py --out /tmp/after.jsonl --compare /tmp/before.jsonl

The inputs are the seed article (published 2025-07-02, as in `make demo`), the demo corpus
(`data/corpus/*/articles.jsonl.gz`) and the AEB pages (`--aeb DIR`, default
`../shared/eval/aeb-dev/html`; skipped with a note when absent). `--sample N` takes only the
first N corpus articles, for a quick check. The records come from `newsgraph analyze
--format jsonl` run as a separate process, so the snapshot does not depend on any internal
API; each record is written with sorted keys and the lines are sorted, so the file is the same
whatever order the pipeline yields them in. A record's `source` is written relative to the
checkout (or `sample.jsonl:N` for the sample), so snapshots of two checkouts compare.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "seed" / "hegseth-jaishankar-pentagon.txt"
CORPUS = sorted((ROOT / "data" / "corpus").glob("*/articles.jsonl.gz"))
AEB = ROOT.parent / "shared" / "eval" / "aeb-dev" / "html"


# Where a checkout or a temporary file lies differs from run to run; what was read does not.
SOURCE_PREFIX = re.compile(r"^.*?/(?=tests/fixtures/|data/corpus/|shared/eval/)")
SAMPLE_FILE = re.compile(r"^.*/sample\.jsonl(?=:)")


def canonical(line: str) -> str:
    """The record with sorted keys and `source` made independent of where files lie."""
    rec = json.loads(line)
    if isinstance(rec.get("source"), str):
        rec["source"] = SAMPLE_FILE.sub("sample.jsonl", SOURCE_PREFIX.sub("", rec["source"]))
    return json.dumps(rec, sort_keys=True, ensure_ascii=False)


def analyze(paths: list[str], published: str | None = None) -> list[str]:
    """Sorted-key JSON lines for every record `newsgraph analyze` prints for `paths`."""
    exe = Path(sys.executable).with_name("newsgraph")
    cmd = [str(exe), "analyze", *paths, "--format", "jsonl"]
    if published:
        cmd += ["--published", published]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        sys.exit(f"newsgraph analyze failed ({done.returncode}): {done.stderr[-2000:]}")
    for line in done.stderr.splitlines():
        print(f"  {line}", file=sys.stderr)
    return [canonical(x) for x in done.stdout.splitlines() if x.strip()]


def corpus_inputs(sample: int | None, tmp: Path) -> list[str]:
    if sample is None:
        return [str(p) for p in CORPUS]
    out = tmp / "sample.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for p in CORPUS:
            with gzip.open(p, "rt", encoding="utf-8") as g:
                for i, line in enumerate(g):
                    if i >= sample:
                        break
                    f.write(line)
    return [str(out)]


def compare(lines: list[str], other: Path) -> int:
    """Records in one snapshot and not the other (counted on both sides)."""
    before = Counter(canonical(x) for x in other.read_text(encoding="utf-8").splitlines())
    after = Counter(lines)
    gone, added = before - after, after - before
    for line in list(gone)[:3]:
        print(f"only before: {json.loads(line)['id']}", file=sys.stderr)
    for line in list(added)[:3]:
        print(f"only after: {json.loads(line)['id']}", file=sys.stderr)
    return sum(gone.values()) + sum(added.values())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, required=True, help="where to write the snapshot")
    ap.add_argument("--compare", type=Path, help="an earlier snapshot to compare with")
    ap.add_argument("--aeb", type=Path, default=AEB, help="folder of AEB .html.gz pages")
    ap.add_argument("--sample", type=int, help="only the first N articles of each corpus file")
    args = ap.parse_args()
    lines = analyze([str(SEED)], published="2025-07-02")
    with tempfile.TemporaryDirectory() as tmp:
        lines += analyze(corpus_inputs(args.sample, Path(tmp)))
    if args.aeb.is_dir():
        lines += analyze([str(args.aeb)])
    else:
        print(f"note: {args.aeb} not found; AEB pages left out", file=sys.stderr)
    lines.sort()
    args.out.write_text("".join(x + "\n" for x in lines), encoding="utf-8")
    print(f"{len(lines)} records written to {args.out}")
    if args.compare:
        print(f"{compare(lines, args.compare)} differences against {args.compare}")


if __name__ == "__main__":
    main()
