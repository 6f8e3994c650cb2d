"""What the annotators produce on text that is not English, and what the language gate skips.

    .venv/bin/python benchmarks/non_english.py [FUNDUS_DIR] [--skipped PATH ...]

FUNDUS_DIR (default `../shared/eval/fundus-dev`) is read with `evaluate/fundus.py`; each page
goes through the one route (`run/process.py`, extraction and annotation) and counts per
expected language (the page's `<html lang>` or the checked table): pages, pages annotated,
PERSON entities. The goal: 0 PERSONs on pages that are not English, every English page still
annotated. It runs on older checkouts as well (a record without `annotated` counts as
annotated), so the same command measures the code before the gate.

`--skipped PATH ...` extracts the inputs under each PATH only (no annotation) and prints how
many the gate would leave unannotated, per detected language, with the lowest confidence of
the English ones and of the others (the margin of `MIN_LANGUAGE_CONFIDENCE`).
"""

from __future__ import annotations

import argparse
import gzip
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.evaluate.fundus import load_fundus
from newsgraph.read import RawInput, iter_inputs
from newsgraph.record import Article
from newsgraph.run.process import ProcessOptions, process

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "fundus-dev"


@dataclass
class Slice:
    pages: int = 0
    annotated: int = 0
    persons: int = 0
    failed: int = 0


@dataclass
class Census:
    by_language: dict[str, Slice] = field(default_factory=dict)

    def slice(self, language: str) -> Slice:
        return self.by_language.setdefault(language, Slice())


def fundus_census(folder: Path) -> Census:
    pages = load_fundus(folder)
    inputs = [RawInput(source=p.id, data=gzip.decompress(p.path.read_bytes()), url=p.url,
                       hint="html") for p in pages]
    expected = {p.id: p.language or "unknown" for p in pages}
    census = Census()
    for out in process(inputs, ProcessOptions()):
        s = census.slice(expected[out.source or ""])
        s.pages += 1
        if not isinstance(out, Article):
            s.failed += 1
            continue
        s.annotated += int(getattr(out, "annotated", True))
        s.persons += len(out.people())
    return census


def print_census(census: Census) -> None:
    print(f"{'language':<10}{'pages':>6}{'annotated':>10}{'PERSON':>8}{'failed':>8}")
    for lang, s in sorted(census.by_language.items(), key=lambda kv: (-kv[1].pages, kv[0])):
        print(f"{lang:<10}{s.pages:>6}{s.annotated:>10}{s.persons:>8}{s.failed:>8}")
    en = census.by_language.get("en", Slice())
    other = [s for k, s in census.by_language.items() if k != "en"]
    print(f"English: {en.annotated} of {en.pages} page(s) annotated, {en.persons} PERSON")
    print(f"not English: {sum(s.annotated for s in other)} of {sum(s.pages for s in other)} "
          f"page(s) annotated, {sum(s.persons for s in other)} PERSON")


def print_skipped(path: str) -> None:
    from newsgraph.run.process import skip_reason

    opts = ProcessOptions(annotate=False)
    arts = [o for o in process(iter_inputs([path]), opts) if isinstance(o, Article)]
    skipped = Counter(a.language for a in arts if skip_reason(a) is not None)
    en = [a.language_confidence or 0.0 for a in arts if a.language == "en"]
    other = [a.language_confidence or 0.0 for a in arts if a.language not in ("en", None)]
    print(f"{path}: {len(arts)} article(s), {len(en)} detected English (lowest confidence "
          f"{min(en, default=1.0):.4f}), {len(other)} other (lowest {min(other, default=1.0):.4f}),"
          f" {sum(a.language is None for a in arts)} undetected; skipped {sum(skipped.values())}"
          + (": " + ", ".join(f"{k} {v}" for k, v in skipped.most_common()) if skipped else ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--skipped", nargs="+", metavar="PATH", default=None,
                    help="count what the gate skips under each PATH instead")
    args = ap.parse_args()
    if args.skipped:
        for path in args.skipped:
            print_skipped(path)
        return
    print_census(fundus_census(args.folder))


if __name__ == "__main__":
    main()
