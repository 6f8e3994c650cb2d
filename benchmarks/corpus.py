"""Benchmark inputs: the demo corpus (data/corpus), read once, interleaved across its files.

Shared by the benchmark scripts so that every number is measured on the same texts.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUTS = sorted((ROOT / "data" / "corpus").glob("*/articles.jsonl*"))


def read_records(paths: list[Path], n: int | None = None) -> list[dict[str, object]]:
    """Up to `n` records, taking from each file in turn (so both sources are represented)."""
    per_file = []
    for p in paths:
        opener = gzip.open if p.name.endswith(".gz") else open
        with opener(p, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
            per_file.append([json.loads(line) for line in fh if line.strip()])
    out: list[dict[str, object]] = []
    for i in range(max((len(f) for f in per_file), default=0)):
        for f in per_file:
            if i < len(f):
                out.append(f[i])
    return out[:n] if n else out


_NUMBER = re.compile(r"\b\d+\b")


def variations(records: list[dict[str, object]], total: int) -> Iterator[dict[str, object]]:
    """`total` records: the corpus over and over, each pass changed so that no text repeats
    (new content hashes) and new words keep arriving (numbers shifted, a line with a new
    reference code and a new name per article), as a long-running feed looks to the pipeline."""
    for k in range(total):
        rec = dict(records[k % len(records)])
        rnd = k // len(records)
        if rnd:
            text = _NUMBER.sub(lambda m, s=rnd * 7: str(int(m.group()) + s),
                               str(rec.get("text") or ""))
            code = f"NG{k:06d}X{rnd}"
            text += (f"\n\nReference {code}: statement circulated by Ambassador "
                     f"Velkar{k % 997}ian of the Republic of Ostravia{rnd}.")
            rec["text"] = text
            rec.pop("html", None)  # the changed text must be what is read
            rec["id"] = f"{rec.get('id')}-v{rnd}"
        yield rec


def write_jsonl(records: list[dict[str, object]] | Iterator[dict[str, object]],
                path: Path) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path
