"""The typed read API over a store: articles, search, entities, quotes.

Every list method takes `limit` and `offset`; all SQL is parameterised. Graph queries
(events, dyads, agreements, commitments) are in `read_graph.py`.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from newsgraph.record import Agreement, Article, Entity, Event, EventActor, Quote, Removed
from newsgraph.store.models import (
    ArticleHit,
    ArticleView,
    EntityDetail,
    EntitySummary,
    QuoteRow,
    RoleSpan,
)
from newsgraph.store.read_graph import ReadGraph
from newsgraph.store.sql import fts_query, like, page


def _spans(start: Any, end: Any) -> list[int] | None:
    return [start, end] if start is not None and end is not None else None


class ReadAPI(ReadGraph):
    conn: sqlite3.Connection

    # ------------------------------------------------------------- articles

    def search(self, q: str, *, limit: int = 20, offset: int = 0) -> list[ArticleHit]:
        """Articles whose title or text holds every word of `q`, best match first."""
        if not q.strip():
            return []
        lim, off = page(limit, offset)
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.published, a.url, "
            "snippet(articles_fts, 1, '[', ']', '…', 16) "
            "FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
            (fts_query(q), lim, off)).fetchall()
        return [ArticleHit(*r) for r in rows]

    def articles(self, *, date_from: str | None = None, date_to: str | None = None,
                 limit: int = 50, offset: int = 0) -> list[ArticleHit]:
        """Articles newest first, optionally within a date range."""
        lim, off = page(limit, offset)
        rows = self.conn.execute(
            "SELECT id, title, published, url, '' FROM articles "
            "WHERE (? IS NULL OR published >= ?) AND (? IS NULL OR published <= ?) "
            "ORDER BY published DESC, id LIMIT ? OFFSET ?",
            (date_from, date_from, date_to, date_to, lim, off)).fetchall()
        return [ArticleHit(*r) for r in rows]

    def article(self, article_id: str) -> ArticleView | None:
        """The stored Article record, with each local entity's corpus entity id."""
        row = self.conn.execute(
            "SELECT id, text, title, published, authors, url, site, removed FROM articles "
            "WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        aid = row[0]
        art = Article(id=aid, text=row[1], title=row[2], published=row[3],
                      authors=json.loads(row[4]), url=row[5], site=row[6],
                      removed=[Removed(**r) for r in json.loads(row[7])])
        mentions: dict[str, list[list[int]]] = {}
        for lid, s, e in self.conn.execute(
                "SELECT local_id, start, end FROM mentions WHERE article_id = ? "
                "ORDER BY start, end", (aid,)):
            mentions.setdefault(lid, []).append([s, e])
        # keyword arguments throughout: a field added to the record must not shift others
        for lid, name, typ, aff, roles, role_texts in self.conn.execute(
                "SELECT local_id, name, type, affiliation, roles, role_texts FROM "
                "article_entities WHERE article_id = ? ORDER BY rowid", (aid,)):
            art.entities.append(Entity(id=lid, name=name, type=typ, roles=json.loads(roles),
                                       affiliation=aff, mentions=mentions.get(lid, []),
                                       role_texts=json.loads(role_texts)))
        for r in self.conn.execute(
                "SELECT local_id, text, kind, start, end, speaker, speaker_local_id, "
                "speaker_start, speaker_end, cue, is_question FROM quotes WHERE article_id = ? "
                "ORDER BY pk", (aid,)):
            art.quotes.append(Quote(id=r[0], text=r[1], kind=r[2],
                                    span=_spans(r[3], r[4]) or [0, 0], speaker=r[5],
                                    speaker_id=r[6], speaker_span=_spans(r[7], r[8]),
                                    cue=r[9], is_question=bool(r[10])))
        for r in self.conn.execute(
                "SELECT pk, local_id, category, mode, location, location_country, date, "
                "date_text, period, modality, sentence, start, end, trigger FROM event_reports "
                "WHERE article_id = ? ORDER BY pk", (aid,)):
            actors = [EventActor(id=a[0], name=a[1], role=a[2], affiliation=a[3])
                      for a in self.conn.execute(
                          "SELECT local_entity_id, name, role, affiliation FROM "
                          "event_report_actors WHERE report_pk = ? ORDER BY ord", (r[0],))]
            art.events.append(Event(id=r[1], category=r[2], mode=r[3], actors=actors,
                                    location=r[4], location_country=r[5], date=r[6],
                                    date_text=r[7], period=r[8], modality=r[9],
                                    sentence=r[10], span=_spans(r[11], r[12]) or [0, 0],
                                    trigger=r[13]))
        for r in self.conn.execute(
                "SELECT name, kind, parties, status, start, end, system, quantity, value, "
                "supplier, recipient FROM agreement_mentions WHERE article_id = ? ORDER BY ord",
                (aid,)):
            art.agreements.append(Agreement(
                name=r[0], kind=r[1], parties=json.loads(r[2]), status=r[3],
                span=_spans(r[4], r[5]) or [0, 0], system=r[6], quantity=r[7], value=r[8],
                supplier=r[9], recipient=r[10]))
        links = dict(self.conn.execute(
            "SELECT local_id, entity_id FROM entity_links WHERE article_id = ?", (aid,)))
        dup = self.conn.execute("SELECT duplicate_of FROM duplicates WHERE article_id = ?",
                                (aid,)).fetchone()
        sources = [s for (s,) in self.conn.execute(
            "SELECT source FROM article_sources WHERE article_id = ? ORDER BY source", (aid,))]
        art.source = sources[0] if sources else None
        return ArticleView(art, links, dup[0] if dup else None, sources)

    # ------------------------------------------------------------- entities

    def _entity_summary(self, r: tuple[Any, ...]) -> EntitySummary:
        return EntitySummary(*r)

    _ENTITY_COLS = ("e.id, e.name, e.type, e.affiliation, e.n_articles, e.n_mentions, "
                    "e.first_date, e.last_date")

    def entities(self, *, q: str | None = None, type: str | None = None,
                 affiliation: str | None = None, limit: int = 50, offset: int = 0
                 ) -> list[EntitySummary]:
        """Corpus entities, most articles first; `q` matches the name or any alias."""
        lim, off = page(limit, offset)
        sql = f"SELECT {self._ENTITY_COLS} FROM entities e WHERE 1=1"
        args: list[Any] = []
        if q:
            sql += (" AND (e.name LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM entity_aliases x "
                    "WHERE x.entity_id = e.id AND x.alias LIKE ? ESCAPE '\\'))")
            args += [like(q), like(q)]
        if type:
            sql += " AND e.type = ?"
            args.append(type.upper())
        if affiliation:
            sql += " AND e.affiliation = ?"
            args.append(affiliation)
        sql += " ORDER BY e.n_articles DESC, e.n_mentions DESC, e.id LIMIT ? OFFSET ?"
        return [self._entity_summary(r) for r in self.conn.execute(sql, [*args, lim, off])]

    def entity_ids(self, key: str) -> list[str]:
        """Entity ids a user string means: an id, an exact name or alias (any case)."""
        # An id is looked up by primary key; names need a scan (no NOCASE index).
        if self.conn.execute("SELECT 1 FROM entities WHERE id = ?", (key,)).fetchone():
            return [key]
        rows = self.conn.execute(
            "SELECT id FROM entities WHERE id = ? OR name = ? COLLATE NOCASE UNION "
            "SELECT entity_id FROM entity_aliases WHERE alias = ? COLLATE NOCASE",
            (key, key, key)).fetchall()
        return [r[0] for r in rows]

    def entity(self, key: str, *, articles: int = 20) -> EntityDetail | None:
        """One entity by id or name/alias (the one with most articles when several match)."""
        ids = self.entity_ids(key)
        if not ids:
            return None
        marks = ",".join("?" * len(ids))
        row = self.conn.execute(
            f"SELECT {self._ENTITY_COLS} FROM entities e WHERE e.id IN ({marks}) "
            "ORDER BY e.n_articles DESC, e.id LIMIT 1", ids).fetchone()
        ent = self._entity_summary(row)
        aliases = [a for (a,) in self.conn.execute(
            "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY n_articles DESC, "
            "alias", (ent.id,))]
        roles = [RoleSpan(*r) for r in self.conn.execute(
            "SELECT title, first_date, last_date, n_articles FROM entity_roles "
            "WHERE entity_id = ? ORDER BY first_date, title", (ent.id,))]
        # The page of articles is chosen on keys alone, then titles and URLs read for it.
        arts = [ArticleHit(*r) for r in self.conn.execute(
            "SELECT a.id, a.title, a.published, a.url, '' FROM articles a WHERE a.pk IN ("
            "SELECT a.pk FROM articles a WHERE a.id IN (SELECT article_id FROM entity_links "
            "WHERE entity_id = ?) ORDER BY a.published DESC, a.id LIMIT ?) "
            "ORDER BY a.published DESC, a.id", (ent.id, page(articles, 0)[0]))]
        return EntityDetail(ent, aliases, roles, arts)

    # --------------------------------------------------------------- quotes

    def quotes(self, *, speaker: str | None = None, q: str | None = None,
               entity_id: str | None = None, article_id: str | None = None,
               date_from: str | None = None, date_to: str | None = None,
               questions: bool = False, limit: int = 50, offset: int = 0) -> list[QuoteRow]:
        """Quotes newest first. `speaker` matches the resolved speaker's name or any alias,
        or the speaker as the article wrote it; `q` is full-text search in the quote."""
        lim, off = page(limit, offset)
        joins = ("FROM quotes q JOIN articles a ON a.id = q.article_id "
                 "LEFT JOIN entity_links l ON l.article_id = q.article_id "
                 "AND l.local_id = q.speaker_local_id "
                 "LEFT JOIN entities e ON e.id = l.entity_id ")
        # The page is chosen on keys alone; the wide columns (quote text, title) are read
        # for its rows only, not carried through the sort of every match.
        sql = "SELECT q.pk " + joins
        args: list[Any] = []
        if q and q.strip():
            sql += "JOIN quotes_fts ON quotes_fts.rowid = q.pk WHERE quotes_fts MATCH ?"
            args.append(fts_query(q))
        else:
            sql += "WHERE 1=1"
        if not questions:
            sql += " AND q.is_question = 0"
        if speaker:
            sql += (" AND (q.speaker LIKE ? ESCAPE '\\' OR e.name LIKE ? ESCAPE '\\' OR "
                    "EXISTS (SELECT 1 FROM entity_aliases x WHERE x.entity_id = l.entity_id "
                    "AND x.alias LIKE ? ESCAPE '\\'))")
            args += [like(speaker)] * 3
        if entity_id:
            sql += " AND l.entity_id = ?"
            args.append(entity_id)
        if article_id:
            sql += " AND q.article_id = ?"
            args.append(article_id)
        if date_from:
            sql += " AND a.published >= ?"
            args.append(date_from)
        if date_to:
            sql += " AND a.published <= ?"
            args.append(date_to)
        order = " ORDER BY a.published DESC, q.pk"
        sql = ("SELECT q.pk, q.article_id, a.published, q.text, q.kind, "
               "COALESCE(e.name, q.speaker), l.entity_id, q.cue, q.is_question, a.title "
               f"{joins}WHERE q.pk IN ({sql}{order} LIMIT ? OFFSET ?){order}")
        rows = self.conn.execute(sql, [*args, lim, off]).fetchall()
        return [QuoteRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], bool(r[8]), r[9])
                for r in rows]
