"""Write `src/newsgraph/data/event_idf.tsv`: the reference frequencies event clustering
weighs words and actors by.

    python scripts/event_idf.py --db STORE.db [--out src/newsgraph/data/event_idf.tsv]

STORE.db is a resolved store of the demo corpus (`newsgraph ingest data/corpus/*/articles.jsonl.gz
--db STORE.db`). For every event report the script takes the distinctive words of its sentence
and place (`resolve.terms.terms`) and the folded names of its actors, as clustering sees them,
and counts in how many reports each occurs. Words and actors found in one report only are left
out (clustering weighs every word the table lacks as one found once). The output is sorted, so
the same store always gives the same file.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from newsgraph.resolve import events
from newsgraph.resolve.names import fold
from newsgraph.store import Store
from newsgraph.store.resolved import load_event_inputs

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "src/newsgraph/data/event_idf.tsv"
HEADER = """\
# In how many event reports of the demo corpus each word and each actor occurs: the inverse
# document frequencies that event clustering (resolve/events.py, resolve/terms.py) weighs shared
# words and shared actors by. A fixed table, not one counted over the store, so that a new
# report changes no other report's weights. Written by scripts/event_idf.py from a resolved
# store of the demo corpus; words and actors of a single report are left out.
# columns: kind (docs: the number of reports; word; actor: a folded name), key, reports
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, type=Path)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    with Store(args.db) as store:
        reports = events.build_reports(load_event_inputs(store.conn))
    words: Counter[str] = Counter()
    actors: Counter[str] = Counter()
    for r in reports:
        words.update(r.terms)
        actors.update({fold(a.name) for a in r.actors})
    lines = [HEADER, f"docs\t-\t{len(reports)}\n"]
    for kind, counts in (("word", words), ("actor", actors)):
        lines += [f"{kind}\t{key}\t{n}\n" for key, n in sorted(counts.items())
                  if n >= 2 and key and "\t" not in key and not key.startswith("#")]
    args.out.write_text("".join(lines), encoding="utf-8")
    print(f"{args.out}: {len(reports)} reports, {sum(n >= 2 for n in words.values())} words, "
          f"{sum(n >= 2 for n in actors.values())} actors")


if __name__ == "__main__":
    main()
