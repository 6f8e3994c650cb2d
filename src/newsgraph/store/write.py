"""Per-article rows: one Article record becomes rows in the per-article tables.

`write_article` runs inside the caller's transaction. An article already stored (same id,
i.e. same clean text) adds nothing but, at most, the new source it was read from. A repeated
local id inside one record keeps its first row (ON CONFLICT DO NOTHING, which unlike INSERT
OR IGNORE still refuses a missing required value).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from dataclasses import dataclass

from newsgraph.record import Article, day_text
from newsgraph.resolve.dedup import sketch
from newsgraph.store.geo import write_geo


@dataclass
class Source:
    """Where an already stored article was read (again)."""

    article_id: str
    source: str | None
    url: str | None


@dataclass
class WriteResult:
    article_id: str
    added: bool          # False: the article was already stored
    new_source: bool     # the input it came from was not yet recorded


def _js(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _span(span: list[int] | None, i: int) -> int | None:
    return span[i] if span and len(span) == 2 else None


def has_article(conn: sqlite3.Connection, article_id: str) -> bool:
    return conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None


def add_source(conn: sqlite3.Connection, article_id: str, source: str | None,
               url: str | None) -> bool:
    if not source:
        return False
    cur = conn.execute("INSERT INTO article_sources(article_id, source, url) VALUES (?, ?, ?) "
                       "ON CONFLICT DO NOTHING", (article_id, source, url))
    return cur.rowcount > 0


def write_article(conn: sqlite3.Connection, art: Article) -> WriteResult:
    """Insert one annotated article (no commit: the caller owns the transaction)."""
    if has_article(conn, art.id):
        return WriteResult(art.id, False, add_source(conn, art.id, art.source, art.url))
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    conn.execute(
        "INSERT INTO articles(id, content_hash, title, published, url, site, authors, text, "
        "removed, sketch, ingested_at, language, language_confidence, annotated, "
        "annotation_skipped) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (art.id, hashlib.sha256(art.text.encode("utf-8")).hexdigest(), art.title,
         day_text(art.published), art.url, art.site, _js(art.authors), art.text,
         _js([{"reason": r.reason, "text": r.text} for r in art.removed]), sketch(art.text), now,
         art.language, art.language_confidence, int(art.annotated), art.annotation_skipped))
    add_source(conn, art.id, art.source, art.url)
    for ent in art.entities:
        conn.execute(
            "INSERT INTO article_entities(article_id, local_id, name, type, affiliation, roles, "
            "role_texts, n_mentions, affiliation_source, organisation, party) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
            (art.id, ent.id, ent.name, ent.type, ent.affiliation, _js(ent.roles),
             _js(ent.role_texts), len(ent.mentions), ent.affiliation_source, ent.organisation,
             ent.party))
        conn.executemany(
            "INSERT INTO mentions(article_id, local_id, start, end) VALUES (?,?,?,?) "
            "ON CONFLICT DO NOTHING",
            [(art.id, ent.id, m[0], m[1]) for m in ent.mentions if len(m) == 2])
    for q in art.quotes:
        conn.execute(
            "INSERT INTO quotes(article_id, local_id, text, kind, start, end, speaker, "
            "speaker_local_id, speaker_start, speaker_end, cue, is_question, speaker_kind, "
            "source_text, speaker_for, in_title) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
            (art.id, q.id, q.text, q.kind, _span(q.span, 0), _span(q.span, 1), q.speaker,
             q.speaker_id, _span(q.speaker_span, 0), _span(q.speaker_span, 1), q.cue,
             int(bool(q.is_question)), q.speaker_kind, q.source_text, q.speaker_for,
             int(bool(q.in_title))))
    for ev in art.events:
        cur = conn.execute(
            "INSERT INTO event_reports(article_id, local_id, category, mode, location, "
            "location_country, date, date_text, period, modality, sentence, start, end, "
            "trigger, confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT DO NOTHING",
            (art.id, ev.id, ev.category, ev.mode, ev.location, ev.location_country, ev.date,
             ev.date_text, ev.period, ev.modality, ev.sentence, _span(ev.span, 0),
             _span(ev.span, 1), ev.trigger, ev.confidence))
        if cur.rowcount == 0:  # a repeated event id inside one article: keep the first
            continue
        conn.executemany(
            "INSERT INTO event_report_actors(report_pk, ord, local_entity_id, name, role, "
            "affiliation) VALUES (?,?,?,?,?,?)",
            [(cur.lastrowid, i, a.id, a.name, a.role, a.affiliation)
             for i, a in enumerate(ev.actors)])
    for i, ag in enumerate(art.agreements):
        conn.execute(
            "INSERT INTO agreement_mentions(article_id, ord, name, kind, parties, status, start, "
            "end, system, quantity, value, supplier, recipient) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (art.id, i, ag.name, ag.kind, _js(ag.parties), ag.status, _span(ag.span, 0),
             _span(ag.span, 1), ag.system, ag.quantity, ag.value, ag.supplier, ag.recipient))
    write_geo(conn, art)
    return WriteResult(art.id, True, bool(art.source))
