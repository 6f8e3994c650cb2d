"""Body-extraction quality with the metric of the article-extraction benchmark (Zyte).

Both texts are split into `\\w+` tokens; overlapping 4-token shingles are counted with their
repeats (a duplicated paragraph costs precision); TP/FP/FN are counted per page, precision and
recall are averaged over pages, and F1 is the harmonic mean of the two averages.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

SHINGLE = 4
_TOKEN = re.compile(r"\w+", re.UNICODE)
HTML_SUFFIXES = (".html.gz", ".htm.gz", ".html", ".htm")


@dataclass
class PageScore:
    id: str
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    error: str | None = None

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)


@dataclass
class Report:
    pages: list[PageScore] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return sum(p.precision for p in self.pages) / len(self.pages) if self.pages else 0.0

    @property
    def recall(self) -> float:
        return sum(p.recall for p in self.pages) / len(self.pages) if self.pages else 0.0

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    def worst(self, n: int = 10) -> list[PageScore]:
        return sorted(self.pages, key=lambda p: (p.f1, p.id))[:n]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """Overlapping n-token shingles with their counts; a text shorter than n is one shingle."""
    toks = _TOKEN.findall(text or "")
    if not toks:
        return Counter()
    if len(toks) < n:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def score_page(page_id: str, gold: str, predicted: str, error: str | None = None) -> PageScore:
    g, p = shingles(gold), shingles(predicted)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    if fp == 0 and fn == 0:
        # Both empty or identical: a perfect page.
        prec = rec = 1.0
    elif tp == 0:
        prec = rec = 0.0
    else:
        prec, rec = tp / (tp + fp), tp / (tp + fn)
    return PageScore(page_id, tp, fp, fn, prec, rec, error)


def load_gold(path: str | os.PathLike[str]) -> dict[str, str]:
    """`{id: {"articleBody": str, ...}}` (the benchmark's ground-truth.json) -> {id: body}."""
    data = _load_json(path)
    out: dict[str, str] = {}
    for k, v in data.items():
        body = v.get("articleBody") if isinstance(v, dict) else v
        if not isinstance(body, str):
            raise ValueError(f"{path}: entry {k!r} has no 'articleBody' string")
        out[str(k)] = body
    return out


def load_page_text(path: str | os.PathLike[str]) -> dict[str, str]:
    """`{id: {"text": str}}` (the benchmark's page-text.json) -> {id: text}."""
    data = _load_json(path)
    out: dict[str, str] = {}
    for k, v in data.items():
        text = v.get("text") if isinstance(v, dict) else v
        if not isinstance(text, str):
            raise ValueError(f"{path}: entry {k!r} has no 'text' string")
        out[str(k)] = text
    return out


def _load_json(path: str | os.PathLike[str]) -> dict[str, object]:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as e:
        raise ValueError(f"{path}: cannot read ({e.strerror or e})") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise ValueError(f"{path}: not JSON ({e})") from None
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a JSON object keyed by page id")
    return data


def page_id(path: Path) -> str | None:
    name = path.name
    for suffix in HTML_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return None


def html_pages(html_dir: str | os.PathLike[str]) -> dict[str, Path]:
    """{page id: path} for every `<id>.html[.gz]` in the folder."""
    d = Path(html_dir)
    if not d.is_dir():
        raise ValueError(f"{html_dir}: not a folder")
    out = {}
    for f in sorted(d.iterdir()):
        pid = page_id(f)
        if pid is not None and f.is_file():
            out[pid] = f
    return out


def read_html(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.name.lower().endswith(".gz") else data


@dataclass
class Prediction:
    id: str
    text: str
    error: str | None = None


def _extract_html_file(args: tuple[str, str]) -> Prediction:
    pid, path = args
    from newsgraph.errors import BadInput
    from newsgraph.extract import extract

    try:
        return Prediction(pid, extract(read_html(Path(path)), hint="html").text)
    except BadInput as e:
        return Prediction(pid, "", str(e))
    except Exception as e:  # noqa: BLE001 - a crash on one page scores 0 for that page only
        return Prediction(pid, "", f"internal error ({e.__class__.__name__}: {e})")


def _extract_page_text(args: tuple[str, str]) -> Prediction:
    pid, text = args
    from newsgraph.errors import BadInput
    from newsgraph.extract import extract

    try:
        return Prediction(pid, extract(text, hint="text").text)
    except BadInput as e:
        return Prediction(pid, "", str(e))
    except Exception as e:  # noqa: BLE001
        return Prediction(pid, "", f"internal error ({e.__class__.__name__}: {e})")


def _run(jobs: list[tuple[str, str]], fn: Callable[[tuple[str, str]], Prediction],
         workers: int, progress: bool) -> dict[str, Prediction]:
    out: dict[str, Prediction] = {}
    results: Iterable[Prediction]
    if workers <= 1:
        results = map(fn, jobs)
    else:
        pool = ProcessPoolExecutor(max_workers=workers)
        results = pool.map(fn, jobs, chunksize=4)
    try:
        for i, r in enumerate(results, start=1):
            out[r.id] = r
            if progress:
                print(f"\r{i}/{len(jobs)} pages", end="", file=sys.stderr, flush=True)
    finally:
        if workers > 1:
            pool.shutdown()
        if progress:
            print(file=sys.stderr)
    return out


def evaluate(gold: dict[str, str], predictions: dict[str, Prediction]) -> Report:
    """Score every gold page; a page without a prediction scores 0."""
    report = Report()
    for pid in sorted(gold):
        pred = predictions.get(pid)
        if pred is None:
            report.pages.append(score_page(pid, gold[pid], "", "no input page"))
        else:
            report.pages.append(score_page(pid, gold[pid], pred.text, pred.error))
    return report


def evaluate_html(gold: dict[str, str], html_dir: str | os.PathLike[str], *,
                  workers: int = 1, progress: bool = False) -> Report:
    pages = html_pages(html_dir)
    jobs = [(pid, str(pages[pid])) for pid in sorted(gold) if pid in pages]
    return evaluate(gold, _run(jobs, _extract_html_file, workers, progress))


def evaluate_text(gold: dict[str, str], page_text: dict[str, str], *,
                  workers: int = 1, progress: bool = False) -> Report:
    jobs = [(pid, page_text[pid]) for pid in sorted(gold) if pid in page_text]
    return evaluate(gold, _run(jobs, _extract_page_text, workers, progress))
