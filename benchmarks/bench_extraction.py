"""HTML extraction speed: newsgraph.extract against bare trafilatura.extract on the same pages.

    .venv/bin/python benchmarks/bench_extraction.py [PAGES_DIR] [--rounds N]

PAGES_DIR holds `<id>.html` / `<id>.html.gz` files, directly or in an `html/` subfolder
(default: tests/fixtures/aeb). Both sides get the same bytes, one page at a time in one
process, after a warm-up pass, timed by CPU time (`--wall` for the wall clock). The sides
take turns for `--rounds` rounds and each side's best round counts, so that a busy machine
disturbs the comparison less. The target is a ratio of at least 0.9.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import time
from collections.abc import Callable
from pathlib import Path

DEFAULT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "aeb"


def load_pages(folder: Path) -> list[bytes]:
    if (folder / "html").is_dir():
        folder = folder / "html"
    pages = []
    for f in sorted(folder.iterdir()):
        name = f.name.lower()
        if name.endswith((".html.gz", ".htm.gz")):
            pages.append(gzip.decompress(f.read_bytes()))
        elif name.endswith((".html", ".htm")):
            pages.append(f.read_bytes())
    return pages


def best_rates(sides: dict[str, Callable[[bytes], object]], pages: list[bytes],
               rounds: int, clock: Callable[[], float]) -> dict[str, float]:
    """Pages per second of each side's fastest round. Rounds alternate between the sides, so
    that load from other processes falls on all of them alike."""
    best = dict.fromkeys(sides, float("inf"))
    for _ in range(rounds):
        for name, fn in sides.items():
            start = clock()
            for page in pages:
                fn(page)
            best[name] = min(best[name], clock() - start)
    return {name: len(pages) / t for name, t in best.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pages", nargs="?", type=Path, default=DEFAULT,
                    help="folder of .html / .html.gz pages (default: tests/fixtures/aeb)")
    ap.add_argument("--rounds", type=int, default=3, help="rounds per side (best counts)")
    ap.add_argument("--wall", action="store_true",
                    help="time by the wall clock instead of this process's CPU time (CPU time "
                         "is the default: other processes on the machine do not count in it)")
    args = ap.parse_args()
    if not args.pages.is_dir():
        print(f"error: {args.pages}: not a folder", file=sys.stderr)
        return 1
    pages = load_pages(args.pages)
    if not pages:
        print(f"error: {args.pages}: no .html or .html.gz pages", file=sys.stderr)
        return 1

    import trafilatura

    from newsgraph.errors import BadInput
    from newsgraph.extract import extract
    from newsgraph.extract.html import TRAFILATURA_OPTIONS

    def ours(page: bytes) -> object:
        try:
            return extract(page, hint="html")
        except BadInput:
            return None

    def bare(page: bytes) -> object:
        return trafilatura.extract(page)

    def same_options(page: bytes) -> object:
        return trafilatura.bare_extraction(page, with_metadata=True, **TRAFILATURA_OPTIONS)

    sides = {"ours": ours, "bare": bare, "same": same_options}
    # a warm-up pass each: imports, lxml, htmldate and dateparser caches
    for fn in sides.values():
        for page in pages:
            fn(page)
    clock = time.perf_counter if args.wall else time.process_time
    rates = best_rates(sides, pages, args.rounds, clock)
    r_ours, r_bare, r_same = rates["ours"], rates["bare"], rates["same"]
    unit = "pages/s" if args.wall else "pages per CPU second"
    print(f"pages                                   {len(pages)}")
    print(f"newsgraph.extract                       {r_ours:8.1f} {unit}")
    print(f"trafilatura.extract (defaults)          {r_bare:8.1f} {unit}")
    print(f"ratio newsgraph / trafilatura.extract   {r_ours / r_bare:8.2f}  (target >= 0.9)")
    print(f"trafilatura with newsgraph's options    {r_same:8.1f} {unit} "
          f"(our rules cost {100 * (1 - r_ours / r_same):.0f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
