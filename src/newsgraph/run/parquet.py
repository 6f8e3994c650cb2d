"""Article records as Parquet: one explicit pyarrow schema per table (see docs/spark.md).

Five tables, one file per shard each (`<table>/<shard>.parquet`): `articles`, `entities`,
`quotes`, `events`, `agreements`. Every row carries `shard` and `seq` (the article's position
in its shard), which together name one article even when two inputs have the same text (and so
the same `article_id`). Spans are `*_start`/`*_end` columns (character offsets into the
article's `text`); lists of values stay lists; nested records (removed debris, entity
mentions, event actors) are lists of structs, so Spark SQL can `explode` them.

The schema is written out by hand on purpose: a field added to the Article record must be
added here too (a test fails until it is), so the files never change shape by accident.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsgraph.record import Agreement, Article, Entity, Event, Geo, Quote, day_text

# 2: articles gained `language` and `language_confidence`.
# 3: articles gained `annotated` and `annotation_skipped`.
# 4: quotes gained `speaker_kind`, `source_text` and `speaker_for` (and the kind `belief`).
# 4: entities gained `affiliation_source`, `organisation` and `party`.
# 4: entities and events gained `geo` (where a place or event is; null when not geocoded).
# 5: quotes gained `in_title` (an attribution in the headline, offsets into the title).
SCHEMA_VERSION = 5
TABLES = ("articles", "entities", "quotes", "events", "agreements")

_s = pa.string()
_i32 = pa.int32()
_GEO = pa.struct([("precision", _s), ("lat", pa.float64()), ("lon", pa.float64()),
                  ("geonames_id", pa.int64()), ("country", _s), ("name", _s)])
_KEY = [pa.field("shard", _s, nullable=False), pa.field("seq", _i32, nullable=False),
        pa.field("article_id", _s, nullable=False)]

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(_KEY + [
        pa.field("source", _s), pa.field("title", _s),
        pa.field("published", _s),  # YYYY-MM-DD as the record has it (kept as text: lossless)
        pa.field("authors", pa.list_(_s)), pa.field("url", _s), pa.field("site", _s),
        pa.field("text", _s, nullable=False),
        pa.field("removed", pa.list_(pa.struct([("reason", _s), ("text", _s)]))),
        pa.field("language", _s), pa.field("language_confidence", pa.float64()),
        pa.field("annotated", pa.bool_()), pa.field("annotation_skipped", _s),
    ]),
    "entities": pa.schema(_KEY + [
        pa.field("entity_id", _s, nullable=False), pa.field("name", _s), pa.field("type", _s),
        pa.field("roles", pa.list_(_s)), pa.field("role_texts", pa.list_(_s)),
        pa.field("affiliation", _s),
        pa.field("mentions", pa.list_(pa.struct([("start", _i32), ("end", _i32)]))),
        pa.field("affiliation_source", _s), pa.field("organisation", _s), pa.field("party", _s),
        pa.field("geo", _GEO),
    ]),
    "quotes": pa.schema(_KEY + [
        pa.field("quote_id", _s, nullable=False), pa.field("text", _s), pa.field("kind", _s),
        pa.field("span_start", _i32), pa.field("span_end", _i32),
        pa.field("speaker", _s), pa.field("speaker_id", _s),
        pa.field("speaker_start", _i32), pa.field("speaker_end", _i32),
        pa.field("cue", _s), pa.field("is_question", pa.bool_()),
        pa.field("speaker_kind", _s), pa.field("source_text", _s), pa.field("speaker_for", _s),
        pa.field("in_title", pa.bool_()),
    ]),
    "events": pa.schema(_KEY + [
        pa.field("event_id", _s, nullable=False), pa.field("category", _s),
        pa.field("mode", _s),
        pa.field("actors", pa.list_(pa.struct([("id", _s), ("name", _s), ("role", _s),
                                               ("affiliation", _s)]))),
        pa.field("location", _s), pa.field("location_country", _s),
        pa.field("date", _s), pa.field("date_text", _s), pa.field("period", _s),
        pa.field("modality", _s),
        pa.field("sentence", _s), pa.field("span_start", _i32), pa.field("span_end", _i32),
        pa.field("trigger", _s), pa.field("confidence", pa.float64()), pa.field("geo", _GEO),
    ]),
    "agreements": pa.schema(_KEY + [
        # Agreements have no id in the record; their position in the article orders them.
        pa.field("agreement_index", _i32, nullable=False),
        pa.field("name", _s), pa.field("kind", _s), pa.field("parties", pa.list_(_s)),
        pa.field("status", _s), pa.field("span_start", _i32), pa.field("span_end", _i32),
        pa.field("system", _s), pa.field("quantity", pa.int64()), pa.field("value", _s),
        pa.field("supplier", _s), pa.field("recipient", _s),
    ]),
}

# Record field -> column(s), for the fields whose column name differs from the field name.
# Used by the test that keeps this schema in step with the Article record.
RENAMED = {
    "Article": {"id": "article_id"},
    "Entity": {"id": "entity_id"},
    "Quote": {"id": "quote_id", "span": "span_start", "speaker_span": "speaker_start"},
    "Event": {"id": "event_id", "span": "span_start"},
    "Agreement": {"span": "span_start"},
}


def _start(span: list[int] | None) -> int | None:
    return span[0] if span else None


def _end(span: list[int] | None) -> int | None:
    return span[1] if span else None


def _span(start: int | None, end: int | None) -> list[int] | None:
    return None if start is None or end is None else [start, end]


def article_rows(article: Article, shard: str, seq: int) -> dict[str, list[dict[str, Any]]]:
    """The rows one article contributes to each table."""
    key = {"shard": shard, "seq": seq, "article_id": article.id}
    return {
        "articles": [{
            **key, "source": article.source, "title": article.title,
            "published": day_text(article.published), "authors": list(article.authors),
            "url": article.url, "site": article.site, "text": article.text,
            "removed": [{"reason": r.reason, "text": r.text} for r in article.removed],
            "language": article.language, "language_confidence": article.language_confidence,
            "annotated": article.annotated, "annotation_skipped": article.annotation_skipped,
        }],
        "entities": [_entity_row(key, e) for e in article.entities],
        "quotes": [_quote_row(key, q) for q in article.quotes],
        "events": [_event_row(key, v) for v in article.events],
        "agreements": [_agreement_row(key, i, g) for i, g in enumerate(article.agreements)],
    }


def _entity_row(key: dict[str, Any], e: Entity) -> dict[str, Any]:
    return {**key, "entity_id": e.id, "name": e.name, "type": e.type, "roles": list(e.roles),
            "role_texts": list(e.role_texts), "affiliation": e.affiliation,
            "mentions": [{"start": s, "end": t} for s, t in e.mentions],
            "affiliation_source": e.affiliation_source, "organisation": e.organisation,
            "party": e.party, "geo": _geo_row(e.geo)}


def _geo_row(geo: Geo | None) -> dict[str, Any] | None:
    return None if geo is None else dataclasses.asdict(geo)


def _quote_row(key: dict[str, Any], q: Quote) -> dict[str, Any]:
    return {**key, "quote_id": q.id, "text": q.text, "kind": q.kind,
            "span_start": _start(q.span), "span_end": _end(q.span), "speaker": q.speaker,
            "speaker_id": q.speaker_id, "speaker_start": _start(q.speaker_span),
            "speaker_end": _end(q.speaker_span), "cue": q.cue, "is_question": q.is_question,
            "speaker_kind": q.speaker_kind, "source_text": q.source_text,
            "speaker_for": q.speaker_for, "in_title": q.in_title}


def _event_row(key: dict[str, Any], v: Event) -> dict[str, Any]:
    return {**key, "event_id": v.id, "category": v.category, "mode": v.mode,
            "actors": [{"id": a.id, "name": a.name, "role": a.role,
                        "affiliation": a.affiliation} for a in v.actors],
            "location": v.location, "location_country": v.location_country, "date": v.date,
            "date_text": v.date_text, "period": v.period, "modality": v.modality,
            "sentence": v.sentence,
            "span_start": _start(v.span), "span_end": _end(v.span), "trigger": v.trigger,
            "confidence": v.confidence, "geo": _geo_row(v.geo)}


def _agreement_row(key: dict[str, Any], i: int, g: Agreement) -> dict[str, Any]:
    return {**key, "agreement_index": i, "name": g.name, "kind": g.kind,
            "parties": list(g.parties), "status": g.status, "span_start": _start(g.span),
            "span_end": _end(g.span), "system": g.system, "quantity": g.quantity,
            "value": g.value, "supplier": g.supplier, "recipient": g.recipient}


def article_from_rows(rows: dict[str, list[dict[str, Any]]]) -> Article:
    """Rebuild one Article from its rows (the inverse of `article_rows`)."""
    (a,) = rows["articles"]
    d: dict[str, Any] = {
        "id": a["article_id"], "text": a["text"], "title": a["title"],
        "published": a["published"], "authors": a["authors"] or [], "url": a["url"],
        "site": a["site"], "source": a["source"], "removed": a["removed"] or [],
        # shards of schema version 1 have no language columns
        "language": a.get("language"), "language_confidence": a.get("language_confidence"),
        # and shards before version 3 only hold annotated articles
        "annotated": a.get("annotated") is not False,
        "annotation_skipped": a.get("annotation_skipped"),
        "entities": [{
            "id": r["entity_id"], "name": r["name"], "type": r["type"],
            "roles": r["roles"] or [], "role_texts": r["role_texts"] or [],
            "affiliation": r["affiliation"],
            "mentions": [[m["start"], m["end"]] for m in r["mentions"] or []],
            # shards before version 4 have no affiliation source, organisation or party
            "affiliation_source": r.get("affiliation_source"),
            "organisation": r.get("organisation"), "party": r.get("party"),
            "geo": r.get("geo"),  # shards before version 4 have no geo
        } for r in rows["entities"]],
        "quotes": [{
            "id": r["quote_id"], "text": r["text"], "kind": r["kind"],
            "span": _span(r["span_start"], r["span_end"]), "speaker": r["speaker"],
            "speaker_id": r["speaker_id"],
            "speaker_span": _span(r["speaker_start"], r["speaker_end"]), "cue": r["cue"],
            "is_question": bool(r["is_question"]),
            "speaker_kind": r.get("speaker_kind"), "source_text": r.get("source_text"),
            "speaker_for": r.get("speaker_for"),
            "in_title": bool(r.get("in_title")),  # shards before version 5 have none
        } for r in rows["quotes"]],
        "events": [{
            "id": r["event_id"], "category": r["category"], "mode": r["mode"],
            "actors": r["actors"] or [], "location": r["location"],
            "location_country": r["location_country"], "date": r["date"],
            "date_text": r["date_text"], "period": r.get("period"),
            "modality": r["modality"], "sentence": r["sentence"],
            "span": _span(r["span_start"], r["span_end"]), "trigger": r["trigger"],
            "confidence": r.get("confidence"),
            "geo": r.get("geo"),
        } for r in rows["events"]],
        "agreements": [{
            "name": r["name"], "kind": r["kind"], "parties": r["parties"] or [],
            "status": r["status"], "span": _span(r["span_start"], r["span_end"]),
            "system": r["system"], "quantity": r["quantity"], "value": r["value"],
            "supplier": r["supplier"], "recipient": r["recipient"],
        } for r in sorted(rows["agreements"], key=lambda r: r["agreement_index"])],
    }
    return Article.from_dict(d)


def table_path(out_dir: Path, table: str, shard: str) -> Path:
    return out_dir / table / f"{shard}.parquet"


@dataclass
class ShardWriter:
    """Writes one shard's five Parquet files, a row group every `flush_rows` articles.

    Files are written under a temporary name and renamed by `commit`, so a crash leaves no
    half-written file under the final name; a shard is only done once its marker exists.
    """

    out_dir: Path
    shard: str
    flush_rows: int = 256
    articles: int = 0
    _buffer: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    _writers: dict[str, pq.ParquetWriter] = field(default_factory=dict)

    def add(self, article: Article) -> None:
        for table, rows in article_rows(article, self.shard, self.articles).items():
            self._buffer.setdefault(table, []).extend(rows)
        self.articles += 1
        if len(self._buffer.get("articles", [])) >= self.flush_rows:
            self.flush()

    def flush(self) -> None:
        for table in TABLES:
            rows = self._buffer.get(table, [])
            writer = self._writers.get(table)
            if writer is None:
                path = self._tmp(table)
                path.parent.mkdir(parents=True, exist_ok=True)
                writer = pq.ParquetWriter(path, SCHEMAS[table], compression="zstd")
                self._writers[table] = writer
            if rows:
                writer.write_table(pa.Table.from_pylist(rows, schema=SCHEMAS[table]))
        self._buffer = {}

    def commit(self) -> None:
        self.flush()  # also creates empty files, so every finished shard has all five
        for table, writer in self._writers.items():
            writer.close()
            self._tmp(table).replace(table_path(self.out_dir, table, self.shard))
        self._writers = {}

    def abort(self) -> None:
        for table, writer in self._writers.items():
            writer.close()
            self._tmp(table).unlink(missing_ok=True)
        self._writers = {}

    def _tmp(self, table: str) -> Path:
        return self.out_dir / table / f".{self.shard}.parquet.tmp"


def read_shard_articles(out_dir: Path, shard: str) -> Iterator[Article]:
    """The articles of one finished shard, in shard order."""
    tables = {t: pq.read_table(table_path(out_dir, t, shard), schema=SCHEMAS[t]).to_pylist()
              for t in TABLES}
    by_seq: dict[int, dict[str, list[dict[str, Any]]]] = {}
    for table, rows in tables.items():
        for r in rows:
            by_seq.setdefault(r["seq"], {t: [] for t in TABLES})[table].append(r)
    for seq in sorted(by_seq):
        yield article_from_rows(by_seq[seq])
