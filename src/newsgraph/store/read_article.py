"""One stored article back as its Article record: the inverse of `write.py`."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from newsgraph.record import Agreement, Article, Entity, Event, EventActor, Quote, Removed
from newsgraph.store.geo import read_geo
from newsgraph.store.models import ArticleView


def _spans(start: Any, end: Any) -> list[int] | None:
    return [start, end] if start is not None and end is not None else None


def read_article(conn: sqlite3.Connection, article_id: str) -> ArticleView | None:
    """The stored Article record, with each local entity's corpus entity id."""
    row = conn.execute(
        "SELECT id, text, title, published, authors, url, site, removed, language, "
        "language_confidence, annotated, annotation_skipped FROM articles "
        "WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    aid = row[0]
    art = Article(id=aid, text=row[1], title=row[2], published=row[3],
                  authors=json.loads(row[4]), url=row[5], site=row[6],
                  removed=[Removed(**r) for r in json.loads(row[7])], language=row[8],
                  language_confidence=row[9], annotated=bool(row[10]),
                  annotation_skipped=row[11])
    art.entities = _entities(conn, aid)
    art.quotes = _quotes(conn, aid)
    art.events = _events(conn, aid)
    art.agreements = _agreements(conn, aid)
    read_geo(conn, aid, art.entities, art.events)
    links = dict(conn.execute(
        "SELECT local_id, entity_id FROM entity_links WHERE article_id = ?", (aid,)))
    dup = conn.execute("SELECT duplicate_of FROM duplicates WHERE article_id = ?",
                       (aid,)).fetchone()
    sources = [s for (s,) in conn.execute(
        "SELECT source FROM article_sources WHERE article_id = ? ORDER BY source", (aid,))]
    art.source = sources[0] if sources else None
    return ArticleView(art, links, dup[0] if dup else None, sources)


def _entities(conn: sqlite3.Connection, aid: str) -> list[Entity]:
    mentions: dict[str, list[list[int]]] = {}
    for lid, s, e in conn.execute(
            "SELECT local_id, start, end FROM mentions WHERE article_id = ? "
            "ORDER BY start, end", (aid,)):
        mentions.setdefault(lid, []).append([s, e])
    # keyword arguments throughout: a field added to the record must not shift others
    return [Entity(id=lid, name=name, type=typ, roles=json.loads(roles), affiliation=aff,
                   mentions=mentions.get(lid, []), role_texts=json.loads(role_texts),
                   affiliation_source=source, organisation=org, party=party)
            for lid, name, typ, aff, roles, role_texts, source, org, party in conn.execute(
                "SELECT local_id, name, type, affiliation, roles, role_texts, "
                "affiliation_source, organisation, party FROM "
                "article_entities WHERE article_id = ? ORDER BY rowid", (aid,))]


def _quotes(conn: sqlite3.Connection, aid: str) -> list[Quote]:
    return [Quote(id=r[0], text=r[1], kind=r[2], span=_spans(r[3], r[4]) or [0, 0],
                  speaker=r[5], speaker_id=r[6], speaker_span=_spans(r[7], r[8]), cue=r[9],
                  is_question=bool(r[10]), speaker_kind=r[11], source_text=r[12],
                  speaker_for=r[13], in_title=bool(r[14]))
            for r in conn.execute(
                "SELECT local_id, text, kind, start, end, speaker, speaker_local_id, "
                "speaker_start, speaker_end, cue, is_question, speaker_kind, source_text, "
                "speaker_for, in_title FROM quotes WHERE article_id = ? ORDER BY pk", (aid,))]


def _events(conn: sqlite3.Connection, aid: str) -> list[Event]:
    out = []
    for r in conn.execute(
            "SELECT pk, local_id, category, mode, location, location_country, date, "
            "date_text, period, modality, sentence, start, end, trigger, confidence "
            "FROM event_reports "
            "WHERE article_id = ? ORDER BY pk", (aid,)).fetchall():
        actors = [EventActor(id=a[0], name=a[1], role=a[2], affiliation=a[3])
                  for a in conn.execute(
                      "SELECT local_entity_id, name, role, affiliation FROM "
                      "event_report_actors WHERE report_pk = ? ORDER BY ord", (r[0],))]
        out.append(Event(id=r[1], category=r[2], mode=r[3], actors=actors, location=r[4],
                         location_country=r[5], date=r[6], date_text=r[7], period=r[8],
                         modality=r[9], sentence=r[10], span=_spans(r[11], r[12]) or [0, 0],
                         trigger=r[13], confidence=r[14]))
    return out


def _agreements(conn: sqlite3.Connection, aid: str) -> list[Agreement]:
    return [Agreement(name=r[0], kind=r[1], parties=json.loads(r[2]), status=r[3],
                      span=_spans(r[4], r[5]) or [0, 0], system=r[6], quantity=r[7],
                      value=r[8], supplier=r[9], recipient=r[10])
            for r in conn.execute(
                "SELECT name, kind, parties, status, start, end, system, quantity, value, "
                "supplier, recipient FROM agreement_mentions WHERE article_id = ? ORDER BY ord",
                (aid,))]
