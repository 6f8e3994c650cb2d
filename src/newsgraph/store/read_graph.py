"""The typed read API over resolved rows: events, dyads, agreements, commitments."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from newsgraph.resolve.countries import canonical_country
from newsgraph.store.models import (
    AgreementDetail,
    AgreementSummary,
    CommitmentRow,
    Dyad,
    DyadCount,
    DyadPair,
    EventActorRow,
    EventDetail,
    EventReportRow,
    EventSummary,
    StatusSignal,
)
from newsgraph.store.sql import like, marks, page

_EVENT_COLS = ("ev.id, ev.category, ev.mode, ev.date, ev.location, ev.modality, ev.n_reports, "
               "ev.n_articles, ev.n_independent, ev.sentence")
HAPPENED = ("occurred", "ongoing")
_AGREEMENT_COLS = ("g.id, g.name, g.kind, g.parties, g.status, g.first_date, g.last_date, "
                   "g.n_mentions, g.n_articles")
_COMMITMENT_COLS = ("c.id, c.date, c.speaker, c.speaker_entity_id, c.text, c.cue, c.action, "
                    "c.deadline_text, c.deadline_date, c.agreement_id, c.outcome, c.article_id, "
                    "c.outcome_article_id, c.outcome_date, c.outcome_evidence")


class ReadGraph:
    conn: sqlite3.Connection

    def entity_ids(self, key: str) -> list[str]:  # implemented in ReadAPI
        raise NotImplementedError

    # --------------------------------------------------------------- events

    def _side(self, key: str, alias: str) -> tuple[str, list[Any]]:
        """SQL condition: an actor of event `ev` is `key` (an entity) or belongs to it."""
        ids = self.entity_ids(key)
        country = canonical_country(key) or key
        cond = (f"EXISTS (SELECT 1 FROM event_actors {alias} WHERE {alias}.event_id = ev.id "
                f"AND ({alias}.entity_id IN ({marks(len(ids))}) OR {alias}.affiliation = ?))")
        return cond, [*ids, country]

    def _actors(self, event_id: str) -> list[EventActorRow]:
        return [EventActorRow(*r) for r in self.conn.execute(
            "SELECT entity_id, name, role, affiliation FROM event_actors WHERE event_id = ? "
            "ORDER BY n_reports DESC, role, name", (event_id,))]

    def _events(self, where: str, args: list[Any], order: str, lim: int, off: int
                ) -> list[EventSummary]:
        rows = self.conn.execute(
            f"SELECT {_EVENT_COLS} FROM events ev WHERE {where} ORDER BY {order} "
            "LIMIT ? OFFSET ?", [*args, lim, off]).fetchall()
        return [EventSummary(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9],
                             self._actors(r[0])) for r in rows]

    def events(self, *, category: str | None = None, actor: str | None = None,
               date_from: str | None = None, date_to: str | None = None,
               modality: str | None = None, order: str = "date", limit: int = 50,
               offset: int = 0) -> list[EventSummary]:
        """Events (clusters of reports). `actor` is an entity name/id or a country that
        actors belong to; `order` is "date" (newest first) or "reports" (most reported)."""
        lim, off = page(limit, offset)
        where, args = "1=1", []
        if category:
            where += " AND ev.category = ?"
            args.append(category.upper())
        if modality:
            where += " AND ev.modality = ?"
            args.append(modality)
        if date_from:
            where += " AND ev.date >= ?"
            args.append(date_from)
        if date_to:
            where += " AND ev.date <= ?"
            args.append(date_to)
        if actor:
            cond, extra = self._side(actor, "x")
            where += " AND " + cond
            args += extra
        sort = ("ev.n_independent DESC, ev.n_reports DESC, ev.date DESC, ev.id"
                if order == "reports" else "ev.date DESC, ev.n_reports DESC, ev.id")
        return self._events(where, args, sort, lim, off)

    def event(self, event_id: str) -> EventDetail | None:
        found = self._events("ev.id = ?", [event_id], "ev.id", 1, 0)
        if not found:
            return None
        reports = [EventReportRow(*r) for r in self.conn.execute(
            "SELECT r.pk, r.article_id, a.title, a.published, r.date, r.date_text, r.modality, "
            "r.sentence, d.duplicate_of FROM event_links l "
            "JOIN event_reports r ON r.pk = l.report_pk JOIN articles a ON a.id = r.article_id "
            "LEFT JOIN duplicates d ON d.article_id = r.article_id "
            "WHERE l.event_id = ? ORDER BY a.published, r.pk", (event_id,))]
        return EventDetail(found[0], reports)

    def dyad(self, a: str, b: str, *, date_from: str | None = None,
             date_to: str | None = None, modalities: tuple[str, ...] = HAPPENED,
             limit: int = 50, offset: int = 0) -> Dyad:
        """Events with one actor from side `a` and one from side `b` (entities or countries):
        counts per category and the events themselves, newest first. By default only events
        that happened count, not planned, hoped-for, hypothetical or denied ones."""
        lim, off = page(limit, offset)
        ca, args_a = self._side(a, "xa")
        cb, args_b = self._side(b, "xb")
        where = (f"{ca} AND {cb} AND (? IS NULL OR ev.date >= ?) AND (? IS NULL OR ev.date <= ?)"
                 f" AND ev.modality IN ({marks(len(modalities))})")
        args = [*args_a, *args_b, date_from, date_from, date_to, date_to, *modalities]
        counts = [DyadCount(*r) for r in self.conn.execute(
            f"SELECT ev.category, count(*) FROM events ev WHERE {where} GROUP BY ev.category "
            "ORDER BY count(*) DESC, ev.category", args)]
        events = self._events(where, args, "ev.date DESC, ev.id", lim, off)
        return Dyad(a, b, counts, events)

    def dyads(self, *, date_from: str | None = None, date_to: str | None = None,
              limit: int = 20, offset: int = 0) -> list[DyadPair]:
        """Pairs of countries by the number of events (that happened) between their actors."""
        lim, off = page(limit, offset)
        rows = self.conn.execute(
            "SELECT x.affiliation, y.affiliation, count(DISTINCT ev.id) FROM events ev "
            "JOIN event_actors x ON x.event_id = ev.id JOIN event_actors y ON "
            "y.event_id = ev.id AND x.affiliation < y.affiliation "
            f"WHERE ev.modality IN ({marks(len(HAPPENED))}) "
            "AND (? IS NULL OR ev.date >= ?) AND (? IS NULL OR ev.date <= ?) "
            "GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ? OFFSET ?",
            (*HAPPENED, date_from, date_from, date_to, date_to, lim, off)).fetchall()
        return [DyadPair(*r) for r in rows]

    # ----------------------------------------------------------- agreements

    @staticmethod
    def _agreement(r: tuple[Any, ...]) -> AgreementSummary:
        return AgreementSummary(r[0], r[1], r[2], json.loads(r[3]), *r[4:])

    def agreements(self, *, q: str | None = None, kind: str | None = None,
                   status: str | None = None, party: str | None = None, limit: int = 50,
                   offset: int = 0) -> list[AgreementSummary]:
        """Agreements, most reported first; `q` matches the name or any variant of it."""
        lim, off = page(limit, offset)
        sql = f"SELECT {_AGREEMENT_COLS} FROM agreements g WHERE 1=1"
        args: list[Any] = []
        if q:
            sql += (" AND (g.name LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM agreement_aliases"
                    " x WHERE x.agreement_id = g.id AND x.alias LIKE ? ESCAPE '\\'))")
            args += [like(q), like(q)]
        if kind:
            sql += " AND g.kind = ?"
            args.append(kind)
        if status:
            sql += " AND g.status = ?"
            args.append(status)
        if party:
            sql += " AND EXISTS (SELECT 1 FROM json_each(g.parties) p WHERE p.value = ?)"
            args.append(canonical_country(party) or party)
        sql += " ORDER BY g.n_articles DESC, g.n_mentions DESC, g.id LIMIT ? OFFSET ?"
        return [self._agreement(r) for r in self.conn.execute(sql, [*args, lim, off])]

    def agreement(self, key: str) -> AgreementDetail | None:
        """One agreement by id, name or name variant, with its timeline and commitments."""
        row = self.conn.execute(
            f"SELECT {_AGREEMENT_COLS} FROM agreements g WHERE g.id = ? OR g.name = ? "
            "COLLATE NOCASE OR g.id IN (SELECT agreement_id FROM agreement_aliases WHERE "
            "alias = ? COLLATE NOCASE) ORDER BY g.n_articles DESC, g.id LIMIT 1",
            (key, key, key)).fetchone()
        if row is None:
            return None
        ag = self._agreement(row)
        aliases = [a for (a,) in self.conn.execute(
            "SELECT alias FROM agreement_aliases WHERE agreement_id = ? "
            "ORDER BY n_mentions DESC, alias", (ag.id,))]
        timeline = [StatusSignal(*r) for r in self.conn.execute(
            "SELECT s.date, s.status, s.article_id, a.title, s.evidence FROM agreement_status s "
            "JOIN articles a ON a.id = s.article_id WHERE s.agreement_id = ? "
            "ORDER BY s.date, s.article_id, s.status", (ag.id,))]
        return AgreementDetail(ag, aliases, timeline, self.commitments(agreement_id=ag.id))

    # ---------------------------------------------------------- commitments

    def commitments(self, *, speaker: str | None = None, outcome: str | None = None,
                    agreement_id: str | None = None, limit: int = 50, offset: int = 0
                    ) -> list[CommitmentRow]:
        """Statements of intent by named people, oldest first, with their outcome."""
        lim, off = page(limit, offset)
        sql = f"SELECT {_COMMITMENT_COLS} FROM commitments c WHERE 1=1"
        args: list[Any] = []
        if speaker:
            ids = self.entity_ids(speaker)
            sql += (f" AND (c.speaker LIKE ? ESCAPE '\\' OR c.speaker_entity_id IN "
                    f"({marks(len(ids))}))")
            args += [like(speaker), *ids]
        if outcome:
            sql += " AND c.outcome = ?"
            args.append(outcome)
        if agreement_id:
            sql += " AND c.agreement_id = ?"
            args.append(agreement_id)
        sql += " ORDER BY c.date, c.id LIMIT ? OFFSET ?"
        return [CommitmentRow(*r) for r in self.conn.execute(sql, [*args, lim, off])]
