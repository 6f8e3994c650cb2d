"""Exports of a store: Article records (JSONL), tables (CSV, Parquet), PLOVER-style events.

- `jsonl`: one Article record per line, exactly what `newsgraph analyze` prints, so an export
  can be read back by anything that reads Article records.
- `csv` / `parquet`: a folder with one file per table (per-article and resolved tables; the
  full-text indexes and near-duplicate sketches are left out). JSON columns stay JSON text.
- `plover`: one JSON object per resolved event (a cluster of reports), PLOVER-style: event
  type, mode, modality, source/target actors with their countries, place, date, and how many
  reports and independent sources carry it.
- `geojson`: one FeatureCollection of located event reports (`store/geo.py`): a Point at the
  place for facility, city and admin1 precision, a null geometry with the country for an
  event the text places only in a country or region.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.store.migrations import ARTICLE_TABLES, RESOLVED_TABLES

FORMATS = ("jsonl", "csv", "parquet", "plover", "geojson")
# Columns that are indexes for the store itself, not data.
SKIP_COLUMNS = {"articles": {"sketch"}}


@dataclass
class ExportReport:
    format: str
    path: str
    rows: dict[str, int]


def tables() -> list[str]:
    return list(ARTICLE_TABLES) + list(reversed(RESOLVED_TABLES))


def _columns(conn: sqlite3.Connection, table: str) -> list[tuple[str, str]]:
    skip = SKIP_COLUMNS.get(table, set())
    return [(r[1], (r[2] or "").upper()) for r in conn.execute(f"PRAGMA table_info({table})")
            if r[1] not in skip]


def _rows(conn: sqlite3.Connection, table: str, cols: list[str]) -> Iterator[tuple[Any, ...]]:
    # table and column names come from the schema, never from the user
    yield from conn.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY rowid")


def export_csv(conn: sqlite3.Connection, out: Path) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for t in tables():
        cols = [c for c, _ in _columns(conn, t)]
        with open(out / f"{t}.csv", "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(cols)
            n = 0
            for row in _rows(conn, t, cols):
                w.writerow(row)
                n += 1
        counts[t] = n
    return counts


def _arrow_type(decl: str) -> Any:
    import pyarrow as pa

    if "INT" in decl:
        return pa.int64()
    if "REAL" in decl or "FLOA" in decl or "DOUB" in decl:
        return pa.float64()
    if "BLOB" in decl:
        return pa.binary()
    return pa.string()


def export_parquet(conn: sqlite3.Connection, out: Path) -> dict[str, int]:
    """One Parquet file per table, typed from the declared SQLite column types."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for t in tables():
        cols = _columns(conn, t)
        schema = pa.schema([(c, _arrow_type(d)) for c, d in cols])
        names = [c for c, _ in cols]
        with pq.ParquetWriter(out / f"{t}.parquet", schema) as writer:
            n = 0
            batch: list[tuple[Any, ...]] = []
            for row in _rows(conn, t, names):
                batch.append(row)
                if len(batch) >= 10_000:
                    writer.write_table(_table(batch, names, schema))
                    n += len(batch)
                    batch = []
            if batch or n == 0:
                writer.write_table(_table(batch, names, schema))
                n += len(batch)
        counts[t] = n
    return counts


def _table(batch: list[tuple[Any, ...]], names: list[str], schema: Any) -> Any:
    import pyarrow as pa

    columns = list(zip(*batch, strict=True)) if batch else [() for _ in names]
    return pa.table({n: list(c) for n, c in zip(names, columns, strict=True)}, schema=schema)


def export_jsonl(store: Any, out: Path) -> dict[str, int]:
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        for (aid,) in store.conn.execute("SELECT id FROM articles ORDER BY published, id"):
            view = store.article(aid)
            fh.write(view.article.to_json() + "\n")
            n += 1
    return {"articles": n}


def plover_events(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    actors: dict[str, list[dict[str, Any]]] = {}
    for eid, ent, name, role, aff, n in conn.execute(
            "SELECT event_id, entity_id, name, role, affiliation, n_reports FROM event_actors "
            "ORDER BY event_id, n_reports DESC, name"):
        actors.setdefault(eid, []).append({"id": ent, "name": name, "role": role,
                                           "country": aff, "reports": n})
    articles: dict[str, list[str]] = {}
    for eid, aid in conn.execute(
            "SELECT DISTINCT l.event_id, r.article_id FROM event_links l JOIN event_reports r "
            "ON r.pk = l.report_pk ORDER BY l.event_id, r.article_id"):
        articles.setdefault(eid, []).append(aid)
    for r in conn.execute(
            "SELECT id, date, category, mode, modality, location, location_country, n_reports, "
            "n_articles, n_independent, sentence FROM events ORDER BY date, id"):
        acts = actors.get(r[0], [])
        yield {
            "id": r[0], "date": r[1], "event_type": r[2], "mode": r[3], "modality": r[4],
            "source": [a for a in acts if a["role"] == "source"],
            "target": [a for a in acts if a["role"] == "target"],
            "participants": [a for a in acts if a["role"] not in ("source", "target")],
            "location": {"name": r[5], "country": r[6]},
            "reports": r[7], "articles": r[8], "independent_sources": r[9],
            "article_ids": articles.get(r[0], []), "text": r[10],
        }


def export_plover(conn: sqlite3.Connection, out: Path) -> dict[str, int]:
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        for ev in plover_events(conn):
            fh.write(json.dumps(ev, ensure_ascii=False) + "\n")
            n += 1
    return {"events": n}


def export(store: Any, fmt: str, out: str | Path) -> ExportReport:
    """Write the store in `fmt` (one of FORMATS) to `out` (a file, or a folder for csv and
    parquet)."""
    path = Path(out)
    if fmt == "jsonl":
        rows = export_jsonl(store, path)
    elif fmt == "csv":
        rows = export_csv(store.conn, path)
    elif fmt == "parquet":
        rows = export_parquet(store.conn, path)
    elif fmt == "plover":
        rows = export_plover(store.conn, path)
    elif fmt == "geojson":
        from newsgraph.store.geo import export_geojson

        rows = export_geojson(store.conn, path)
    else:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return ExportReport(fmt, str(path), rows)
