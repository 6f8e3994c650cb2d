"""The rows cross-article resolution reads, taken from finished Parquet shards.

Resolution on Spark (`run.spark.resolve_on_spark`) reads the same rows a full rebuild reads
from SQLite (`store.resolved`), but from the shards `newsgraph spark` wrote: each shard's
Article records (`run.parquet.read_shard_articles`) become the rows below, with the values
the store would hold for them (`store.write`): the publication day as text, the sketch, the
number of mentions, the first row of a local id repeated inside one article. Every row
carries its article's `shard` and `seq`, so that of two inputs with the same text only the
first in load order (shard id, then position) counts, as `newsgraph load` keeps it.

Reports, quotes and agreement mentions get a `pk` here, a 63-bit hash of what names them in
their article, since the store's row numbers do not exist yet; `newsgraph load` maps the
resolved rows back through (article id, local id or position).

Engine-free: plain dicts with the columns of `SCHEMAS`, JSON text for nested lists.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsgraph.record import Article, day_text
from newsgraph.resolve import events
from newsgraph.resolve.dedup import sketch, unpack
from newsgraph.resolve.names import fold
from newsgraph.run.parquet import read_shard_articles

_KEY = (("shard", "string"), ("seq", "int"), ("article_id", "string"))
# The columns of each table of rows (Spark type names); `shard_rows` fills them.
SCHEMAS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (*_KEY, ("published", "string"), ("sketch", "binary"), ("text", "string")),
    "sketch": (*_KEY, ("value", "long")),
    "entities": (*_KEY, ("local_id", "string"), ("ord", "int"), ("name", "string"),
                 ("type", "string"),
                 ("affiliation", "string"), ("roles", "string"), ("n_mentions", "int"),
                 ("published", "string")),
    "reports": (*_KEY, ("pk", "long"), ("local_id", "string"), ("category", "string"),
                ("mode", "string"), ("location", "string"), ("location_country", "string"),
                ("date", "string"), ("modality", "string"), ("sentence", "string"),
                ("published", "string"), ("cat", "string"), ("day", "date"),
                ("actors", "string"), ("actor_names", "array<string>")),
    "quotes": (*_KEY, ("pk", "long"), ("local_id", "string"), ("published", "string"),
               ("speaker", "string"), ("speaker_local_id", "string"), ("text", "string"),
               ("start", "int"), ("end", "int")),
    "mentions": (*_KEY, ("pk", "long"), ("ord", "int"), ("name", "string"), ("kind", "string"),
                 ("parties", "string"), ("status", "string"), ("start", "int"),
                 ("end", "int"), ("published", "string"), ("system", "string"),
                 ("recipient", "string")),
}
ROWS_DIR = "_rows"
_ARROW = {"string": pa.string(), "int": pa.int32(), "long": pa.int64(),
          "binary": pa.binary(), "date": pa.date32(), "array<string>": pa.list_(pa.string())}


def ddl(table: str) -> str:
    """The Spark DDL of a table of rows."""
    return ", ".join(f"`{name}` {typ}" for name, typ in SCHEMAS[table])


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(name, _ARROW[typ]) for name, typ in SCHEMAS[table]])


def write_rows(out_dir: Path, shard: str) -> int:
    """Write the rows of one finished shard under `out_dir/_rows/<table>/<shard>.parquet`
    (under a temporary name, then renamed); returns the number of articles."""
    rows = shard_rows(out_dir, shard)
    for table, items in rows.items():
        path = out_dir / ROWS_DIR / table / f"{shard}.parquet"
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{shard}.parquet.tmp")
        pq.write_table(pa.Table.from_pylist(items, schema=arrow_schema(table)), tmp,
                       compression="zstd")
        tmp.replace(path)
    return len(rows["articles"])


def row_pk(*parts: object) -> int:
    """A stable 63-bit number for a row of one article (a report, quote or mention)."""
    digest = hashlib.blake2b("|".join(map(str, parts)).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little") >> 1


def signed(value: int) -> int:
    """A sketch value as SQLite and Spark hold it (signed 64 bits)."""
    return value - (1 << 64) if value >= 1 << 63 else value


def shard_rows(out_dir: Path, shard: str) -> dict[str, list[dict[str, Any]]]:
    """Every row resolution reads, of one finished shard."""
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in SCHEMAS}
    for seq, art in enumerate(read_shard_articles(out_dir, shard)):
        for table, rows in article_rows(art, shard, seq).items():
            out[table].extend(rows)
    return out


def article_rows(art: Article, shard: str, seq: int) -> dict[str, list[dict[str, Any]]]:
    key = {"shard": shard, "seq": seq, "article_id": art.id}
    published = day_text(art.published)
    blob = sketch(art.text)
    return {
        "articles": [{**key, "published": published, "sketch": blob,
                      # only the articles naming an agreement: its status evidence
                      "text": art.text if art.agreements else None}],
        "sketch": [{**key, "value": signed(v)} for v in dict.fromkeys(unpack(blob))],
        "entities": list(_entities(key, art, published)),
        "reports": list(_reports(key, art, published)),
        "quotes": list(_quotes(key, art, published)),
        "mentions": [_mention(key, i, g, published) for i, g in enumerate(art.agreements)],
    }


def _entities(key: dict[str, Any], art: Article, published: str | None
              ) -> Iterator[dict[str, Any]]:
    seen: set[str] = set()
    for i, e in enumerate(art.entities):
        if e.id in seen:   # a repeated local id keeps its first row, as the store does
            continue
        seen.add(e.id)
        # ord: the order the store writes them in, which its reads without ORDER BY keep
        yield {**key, "local_id": e.id, "ord": i, "name": e.name, "type": e.type,
               "affiliation": e.affiliation, "roles": json.dumps(e.roles, ensure_ascii=False),
               "n_mentions": len(e.mentions), "published": published}


def _reports(key: dict[str, Any], art: Article, published: str | None
             ) -> Iterator[dict[str, Any]]:
    seen: set[str] = set()
    for v in art.events:
        if v.id in seen:
            continue
        seen.add(v.id)
        actors = [[a.id, a.name, a.role, a.affiliation] for a in v.actors]
        yield {**key, "pk": row_pk(art.id, "r", v.id), "local_id": v.id,
               "category": v.category, "mode": v.mode, "location": v.location,
               "location_country": v.location_country, "date": v.date,
               "modality": v.modality, "sentence": v.sentence, "published": published,
               "cat": v.category.upper(), "day": events._parse_day(v.date or published),
               "actors": json.dumps(actors, ensure_ascii=False),
               "actor_names": sorted({fold(a.name) for a in v.actors})}


def _quotes(key: dict[str, Any], art: Article, published: str | None
            ) -> Iterator[dict[str, Any]]:
    seen: set[str] = set()
    for q in art.quotes:
        if q.id in seen:
            continue
        seen.add(q.id)
        if q.is_question or q.speaker is None:   # what commitments are found from
            continue
        # a headline quote's offsets are into the title, not the text
        span = q.span if q.span and len(q.span) == 2 and not q.in_title else [None, None]
        yield {**key, "pk": row_pk(art.id, "q", q.id), "local_id": q.id,
               "published": published, "speaker": q.speaker,
               "speaker_local_id": q.speaker_id, "text": q.text, "start": span[0],
               "end": span[1]}


def _mention(key: dict[str, Any], i: int, g: Any, published: str | None) -> dict[str, Any]:
    span = g.span if g.span and len(g.span) == 2 else [None, None]
    return {**key, "pk": row_pk(key["article_id"], "m", i), "ord": i, "name": g.name,
            "kind": g.kind, "parties": json.dumps(g.parties, ensure_ascii=False),
            "status": g.status, "start": span[0], "end": span[1], "published": published,
            "system": g.system, "recipient": g.recipient}
