"""List the batch-2 candidates for the real-news people gold (tests/gold/entities_news), in order.

Rule (tests/gold/entities_news/README.md, "Batch 2"):

1. Pools: aeb-dev article bodies (`articleBody` of ground-truth.json), fundus-dev pages (text
   as the README builds it: the `summary` paragraphs, then each section's `headline` and
   `paragraphs`, joined by blank lines, from the expected entry that pairs with the page) and
   polnear-train texts (the file without its first line). A text is a candidate when it is
   English (at least 12% of its `\\w+` tokens are one of the ten stop words), 800 to 10,000
   characters long, and has at least two distinct topic words of the README's list (token
   match, case-insensitive; sanction/sanctions, missile/missiles, attack/attacks and
   defence/defense each count once, every token starting with "diplomat" counts as one).
2. Dropped: the ids of the first batch's gold files (those without `"batch": 2`) and the ids
   the README's first "Skipped on reading" paragraph lists.
3. Order: the aeb-dev and fundus-dev candidates (each pool sorted by id, aeb-dev first) are
   shuffled together with random.Random(1402); the polnear-train candidates (sorted by id) are
   then shuffled with the same generator and follow them.
4. Split: dev when int(sha1(id).hexdigest(), 16) is even, else test. Ids: aeb-<first 12 hex
   of the benchmark key>, fd-<page file stem, lower case>, pn-<first 60 characters of the
   file stem>.

Prints one line per candidate: position, split, id, source path.

    python scripts/entities_news_candidates.py ../shared/eval/aeb-dev \\
        ../shared/eval/fundus-dev ../shared/eval/polnear-train tests/gold/entities_news
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

STOPWORDS = frozenset("the and of to in is that was for with".split())
TOPICS = ("president minister government election senator senate parliament congress military "
          "army troops war ambassador talks ceasefire governor party campaign nato security "
          "police prime").split()
# each group counts once
GROUPS = {"sanction": "sanction", "sanctions": "sanction", "missile": "missile",
          "missiles": "missile", "attack": "attack", "attacks": "attack",
          "defence": "defence", "defense": "defence"}
SEED = 1402


def topic_words(text: str) -> set[str]:
    """The distinct topic words of `text` (tokens, case-insensitive)."""
    found = set()
    for w in set(re.findall(r"\w+", text.casefold())):
        if w in TOPICS:
            found.add(w)
        elif w in GROUPS:
            found.add(GROUPS[w])
        elif w.startswith("diplomat"):
            found.add("diplomat")
    return found


def is_candidate(text: str) -> bool:
    tokens = re.findall(r"\w+", text.casefold())
    if not tokens or not 800 <= len(text) <= 10_000:
        return False
    english = sum(t in STOPWORDS for t in tokens) / len(tokens) >= 0.12
    return english and len(topic_words(text)) >= 2


def split_of(ident: str) -> str:
    return "dev" if int(hashlib.sha1(ident.encode()).hexdigest(), 16) % 2 == 0 else "test"


def aeb_texts(folder: Path) -> Iterator[tuple[str, str, str]]:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    for key, entry in truth.items():
        yield f"aeb-{key[:12]}", f"{folder.name}/ground-truth.json#{key}", entry["articleBody"]


def fundus_body(entry: dict) -> str:
    body = entry["body"]
    parts = list(body.get("summary") or [])
    for section in body.get("sections") or []:
        parts += list(section.get("headline") or []) + list(section.get("paragraphs") or [])
    return "\n\n".join(parts)


def fundus_texts(folder: Path) -> Iterator[tuple[str, str, str]]:
    for expected in sorted(folder.glob("*/*.json")):
        entries = json.loads(expected.read_text(encoding="utf-8"))
        pages = sorted(expected.parent.glob(expected.stem + "_*.html.gz"))
        for page, version in zip(pages, sorted(entries), strict=False):
            stem = page.name.removesuffix(".html.gz")
            rel = f"{folder.name}/{page.relative_to(folder)}"
            yield f"fd-{stem.lower()}", rel, fundus_body(entries[version])


def polnear_texts(folder: Path) -> Iterator[tuple[str, str, str]]:
    for path in sorted((folder / "text").glob("*.txt")):
        text = path.read_text(encoding="utf-8").split("\n", 1)[-1].strip()
        yield f"pn-{path.stem[:60]}", f"{folder.name}/text/{path.name}", text


def excluded(gold: Path) -> set[str]:
    """Ids of the first batch's files and of the first batch's skipped articles."""
    out = set()
    for f in gold.glob("*.json"):
        if json.loads(f.read_text(encoding="utf-8")).get("batch", 1) != 2:
            out.add(f.stem)
    readme = (gold / "README.md").read_text(encoding="utf-8")
    para = readme.split("Skipped on reading", 1)[1].split("\n\n", 1)[0]
    out |= set(re.findall(r"\b(?:aeb-[0-9a-f]{12}|fd-\w+|pn-[\w-]+)", para))
    return out


def pool(texts: Iterator[tuple[str, str, str]], drop: set[str]) -> list[tuple[str, str]]:
    return sorted((i, src) for i, src, t in texts if i not in drop and is_candidate(t))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("aeb", type=Path, help="the aeb-dev folder")
    parser.add_argument("fundus", type=Path, help="the fundus-dev folder")
    parser.add_argument("polnear", type=Path, help="the polnear-train folder")
    parser.add_argument("gold", type=Path, help="the entities_news gold folder")
    args = parser.parse_args()
    drop = excluded(args.gold)
    first = pool(aeb_texts(args.aeb), drop) + pool(fundus_texts(args.fundus), drop)
    second = pool(polnear_texts(args.polnear), drop)
    rng = random.Random(SEED)
    rng.shuffle(first)
    rng.shuffle(second)
    for pos, (ident, src) in enumerate(first + second):
        print(pos, split_of(ident), ident, src)


if __name__ == "__main__":
    main()
