"""Two stores built from the same inputs: the same tables, the same answers?

    python benchmarks/compare_stores.py tables A.db B.db
    python benchmarks/compare_stores.py reads DB OUT.json      # run once under each code
    python benchmarks/compare_stores.py diff A.json B.json

`tables` compares every table of the two files row for row (as sorted lists, all columns but
the ingest time), and, with --order, also in rowid order. `reads` answers a fixed set of
`newsgraph query` commands, API endpoints and web pages from DB with the code on the path and
writes them to OUT.json; `diff` compares two such files. Each prints `N differences` per
table or read, and exits 1 when there are any.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

IGNORED_COLUMNS = {"ingested_at"}
# FTS5 keeps its index in shadow tables; the text they index is compared in its own table.
SHADOW = ("_fts", "_fts_data", "_fts_idx", "_fts_docsize", "_fts_config", "_fts_content")


def _tables(conn: sqlite3.Connection) -> list[str]:
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return [n for n in names if not n.endswith(SHADOW) and not n.startswith("sqlite_")]


def _rows(conn: sqlite3.Connection, table: str, ordered: bool) -> list[tuple[Any, ...]]:
    cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")
            if r[1] not in IGNORED_COLUMNS]
    sql = f"SELECT {', '.join(cols)} FROM {table}"
    if ordered and table != "migrations":
        sql += " ORDER BY rowid"
    rows = conn.execute(sql).fetchall()
    return rows if ordered else sorted(rows, key=repr)


def compare_tables(a: str, b: str, ordered: bool) -> int:
    ca, cb = sqlite3.connect(a), sqlite3.connect(b)
    ta, tb = _tables(ca), _tables(cb)
    total = 0
    for t in sorted(set(ta) | set(tb)):
        if t not in ta or t not in tb:
            print(f"{t}: only in {'A' if t in ta else 'B'}")
            total += 1
            continue
        ra, rb = _rows(ca, t, ordered), _rows(cb, t, ordered)
        diff = sum(1 for x, y in zip(ra, rb, strict=False) if x != y) + abs(len(ra) - len(rb))
        if t == "migrations":  # applied_at differs between two files by nature
            diff = int([r[0] for r in ra] != [r[0] for r in rb])
        print(f"{t}: {len(ra)} rows, {diff} differences")
        total += diff
    return total


# ------------------------------------------------------------------- reads

CLI = [
    ["summary"], ["entities"], ["entities", "--q", "Blinken"], ["entities", "--type", "GPE"],
    ["entity", "Jaishankar"], ["quotes", "--speaker", "Blinken"], ["quotes", "--q", "defense"],
    ["events"], ["events", "--actor", "India"], ["events", "--order", "reports"],
    ["agreements"], ["agreements", "--party", "India"], ["commitments"],
    ["dyad", "India", "United States"], ["dyad", "India", "United States", "--from", "2022-01-01"],
    ["search", "Indo-Pacific"], ["agreements", "Framework"], ["quotes", "--from", "2022-01-01"],
    ["events", "--from", "2022-01-01", "--to", "2023-12-31", "--category", "CONSULT"],
    ["commitments", "--speaker", "Blinken"],
]
API = [
    "/api/stats", "/api/search?q=defense", "/api/search?q=Indo-Pacific&type=entities",
    "/api/articles", "/api/articles?date_from=2022-01-01&limit=50", "/api/entities?q=an",
    "/api/entities?type=PERSON&limit=100", "/api/entities/Jaishankar", "/api/entities/India",
    "/api/quotes?speaker=Blinken", "/api/quotes?q=partnership&questions=true",
    "/api/events?limit=100", "/api/events?actor=India&order=reports",
    "/api/events?a=India&b=United%20States", "/api/events?category=CONSULT&modality=occurred",
    "/api/dyads?limit=100", "/api/dyads/India/United%20States",
    "/api/dyads/India/United%20States?category=CONSULT&date_from=2021-01-01",
    "/api/agreements?limit=100", "/api/agreements?q=framework", "/api/commitments",
]
PAGES = ["/", "/search?q=defense", "/entities?name=sh", "/entity/Blinken", "/dyads",
         "/dyad?a=India&b=United%20States", "/agreements", "/search?q=India&type=entities"]


def _details(client: Any) -> list[str]:
    """One article, event and agreement page each, chosen from the store itself."""
    out = []
    for path, key in (("/api/articles?limit=3", "id"), ("/api/events?limit=3", "id"),
                      ("/api/agreements?limit=3", "id")):
        items = client.get(path).json()["items"]
        out += [f"{path.split('?')[0]}/{it[key]}" for it in items]
    return out


def dump_reads(db: str, out: str) -> None:
    from click.testing import CliRunner
    from fastapi.testclient import TestClient

    from newsgraph.cli import main
    from newsgraph.serve.app import ServeOptions, create_app

    answers: dict[str, Any] = {}
    runner = CliRunner()
    for args in CLI:
        res = runner.invoke(main, ["query", *args, "--db", db, "--format", "json"])
        answers["query " + " ".join(args)] = [res.exit_code, res.output]
    with TestClient(create_app(ServeOptions(db=Path(db), cache=False))) as client:
        for path in API + _details(client):
            r = client.get(path)
            answers[path] = [r.status_code, r.json()]
        for path in PAGES:
            r = client.get(path)
            # pages name the database file in their footer
            answers[path] = [r.status_code, r.text.replace(Path(db).name, "DB")]
    Path(out).write_text(json.dumps(answers, ensure_ascii=False, indent=1, sort_keys=True))
    print(f"{len(answers)} reads written to {out}")


def diff_reads(a: str, b: str) -> int:
    ra, rb = json.loads(Path(a).read_text()), json.loads(Path(b).read_text())
    total = 0
    for key in sorted(set(ra) | set(rb)):
        same = ra.get(key) == rb.get(key)
        size = len(json.dumps(ra.get(key)))
        print(f"{key}: {size} chars, {0 if same else 1} differences")
        total += 0 if same else 1
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("tables")
    t.add_argument("a")
    t.add_argument("b")
    t.add_argument("--order", action="store_true", help="also compare rows in rowid order")
    r = sub.add_parser("reads")
    r.add_argument("db")
    r.add_argument("out")
    d = sub.add_parser("diff")
    d.add_argument("a")
    d.add_argument("b")
    args = ap.parse_args()
    if args.cmd == "reads":
        dump_reads(args.db, args.out)
        return
    if args.cmd == "tables":
        n = compare_tables(args.a, args.b, args.order)
    else:
        n = diff_reads(args.a, args.b)
    print(f"{n} differences")
    sys.exit(1 if n else 0)


if __name__ == "__main__":
    main()
