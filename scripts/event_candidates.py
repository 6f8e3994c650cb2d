"""Event candidates from real news, for labelling by reading and for training the judge.

    python scripts/event_candidates.py draw SHARED_EVAL CORPUS OUT.jsonl [--seed 15]
    python scripts/event_candidates.py dump ARTICLES.jsonl OUT.jsonl

`draw` takes a seeded shuffle of the real-news sets (polnear-train texts, aeb-dev gold bodies,
fundus-dev English bodies) and of the press-release corpus, and writes one article a line
({id, source, title, text}; the id is a hash of the text). `dump` runs the pipeline over
those articles and writes every event candidate with its features (see
`newsgraph.annotate.events.judge`), keyed by article, sentence start and trigger, so labels
made by reading survive a re-dump with changed rules.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from collections.abc import Iterator
from pathlib import Path

ENGLISH_FUNDUS = ("us", "uk", "au", "ca", "ind", "na", "za", "my", "il", "ls", "tz", "lb")


def _id(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def polnear(root: Path) -> Iterator[dict[str, str]]:
    for p in sorted((root / "polnear-train" / "text").glob("*.txt")):
        lines = p.read_text(encoding="utf-8").split("\n", 1)
        yield {"source": "polnear", "title": lines[0].strip(),
               "text": lines[1].strip() if len(lines) > 1 else ""}


def aeb(root: Path) -> Iterator[dict[str, str]]:
    gold = json.loads((root / "aeb-dev" / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(gold):
        yield {"source": "aeb", "title": "", "text": gold[key].get("articleBody") or ""}


def fundus(root: Path) -> Iterator[dict[str, str]]:
    for country in ENGLISH_FUNDUS:
        for p in sorted((root / "fundus-dev" / country).glob("*.json")):
            for _, v in sorted(json.loads(p.read_text(encoding="utf-8")).items()):
                paras = [x for s in v["body"]["sections"] for x in s["paragraphs"]]
                yield {"source": "fundus", "title": v.get("title") or "",
                       "text": "\n\n".join(paras)}


def corpus(root: Path) -> Iterator[dict[str, str]]:
    for p in sorted(root.glob("*/articles.jsonl")):
        with p.open(encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                yield {"source": "corpus", "title": d.get("title") or "", "text": d["text"]}


def draw(shared: Path, corpus_root: Path, seed: int, counts: dict[str, int]
         ) -> list[dict[str, str]]:
    rng = random.Random(seed)
    out: list[dict[str, str]] = []
    sources = {"polnear": polnear(shared), "aeb": aeb(shared), "fundus": fundus(shared),
               "corpus": corpus(corpus_root)}
    for name, it in sources.items():
        arts = [a for a in it if 400 <= len(a["text"]) <= 12000]
        rng.shuffle(arts)
        for a in arts[:counts[name]]:
            out.append({"id": _id(a["text"]), **a})
    return out


def dump(articles: Path, out: Path) -> int:
    from newsgraph.annotate.events.events import find_scored
    from newsgraph.annotate.pipeline import get_nlp, make_doc
    from newsgraph.record import Article

    nlp = get_nlp()
    rules = nlp.get_pipe("newsgraph_events").rules
    n = 0
    with articles.open(encoding="utf-8") as f, out.open("w", encoding="utf-8") as w:
        for line in f:
            a = json.loads(line)
            art = Article(id=a["id"], text=a["text"], title=a["title"] or None)
            doc = nlp(make_doc(nlp, art))
            seen: dict[str, int] = {}
            for ev, feats in find_scored(doc, rules):
                key = f"{a['id']}:{ev.span[0]}:{ev.trigger}"
                seen[key] = seen.get(key, 0) + 1
                if seen[key] > 1:  # the same trigger word twice in one sentence
                    key = f"{key}#{seen[key]}"
                rec = {"key": key, "article": a["id"],
                       "source": a["source"], "sentence": ev.sentence, "trigger": ev.trigger,
                       "category": ev.category, "mode": ev.mode, "modality": ev.modality,
                       "actors": [[x.name, x.role, x.id is not None or bool(x.affiliation)]
                                  for x in ev.actors],
                       "confidence": ev.confidence, "features": feats}
                w.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw")
    d.add_argument("shared", type=Path)
    d.add_argument("corpus", type=Path)
    d.add_argument("out", type=Path)
    d.add_argument("--seed", type=int, default=15)
    d.add_argument("--counts", default="polnear=70,aeb=25,fundus=15,corpus=15")
    u = sub.add_parser("dump")
    u.add_argument("articles", type=Path)
    u.add_argument("out", type=Path)
    args = ap.parse_args()
    if args.cmd == "draw":
        counts = {k: int(v) for k, v in (x.split("=") for x in args.counts.split(","))}
        arts = draw(args.shared, args.corpus, args.seed, counts)
        with args.out.open("w", encoding="utf-8") as w:
            for a in arts:
                w.write(json.dumps(a, ensure_ascii=False) + "\n")
        print(f"{len(arts)} articles -> {args.out}")
    else:
        print(f"{dump(args.articles, args.out)} candidates -> {args.out}")


if __name__ == "__main__":
    main()
