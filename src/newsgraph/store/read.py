"""The typed read API over a store: articles, entities, quotes, events, dyads, agreements.

Every list method takes `limit` and `offset`; all SQL is parameterised and filters are built
with `sql.Where`. The last part holds the aggregates the web server shows (co-actors, country
pairs, timelines, a name index), which it caches; their Python half is `read_views.py`.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from typing import Any

from newsgraph.resolve.countries import canonical_country
from newsgraph.store.geo import MapFilters, MapPoint, map_countries, map_points
from newsgraph.store.models import (
    AffiliationEvidence,
    AgreementDetail,
    AgreementSummary,
    ArticleHit,
    ArticleView,
    CoActors,
    CommitmentRow,
    Dyad,
    DyadCount,
    DyadFilters,
    DyadPair,
    DyadSummary,
    DyadView,
    EntityDetail,
    EntitySummary,
    EventActorRow,
    EventDetail,
    EventReportRow,
    EventSummary,
    LanguageCount,
    QuoteRow,
    RoleSpan,
    StatusSignal,
    TimelinePoint,
)
from newsgraph.store.read_article import read_article
from newsgraph.store.read_views import NameIndex, SharedEvent, co_actors, is_country
from newsgraph.store.sql import LIKE, PAGE, Where, alias_exists, fts_query, like, marks, page

ENTITY_COLS = ("e.id, e.name, e.type, e.affiliation, e.n_articles, e.n_mentions, "
               "e.first_date, e.last_date")
EVENT_COLS = ("ev.id, ev.category, ev.mode, ev.date, ev.location, ev.modality, ev.n_reports, "
              "ev.n_articles, ev.n_independent, ev.sentence, ev.confidence, ev.trigger")
HAPPENED = ("occurred", "ongoing")
_AGREEMENT_COLS = ("g.id, g.name, g.kind, g.parties, g.status, g.first_date, g.last_date, "
                   "g.n_mentions, g.n_articles")
_COMMITMENT_COLS = ("c.id, c.date, c.speaker, c.speaker_entity_id, c.text, c.cue, c.action, "
                    "c.deadline_text, c.deadline_date, c.agreement_id, c.outcome, c.article_id, "
                    "c.outcome_article_id, c.outcome_date, c.outcome_evidence")
# Points drawn on one timeline; beyond this the page says so rather than slowing down.
MAX_TIMELINE_POINTS = 3000
# Tables the overview counts.
COUNTED = ("articles", "entities", "quotes", "events", "agreements")
# Affiliation of each actor of each event; a country that is itself an actor counts as its
# own side.
_SIDES = """
SELECT DISTINCT x.event_id AS event_id,
       COALESCE(x.affiliation, CASE WHEN e.type = 'GPE' THEN e.name END) AS country
FROM event_actors x LEFT JOIN entities e ON e.id = x.entity_id
"""
_QUOTE_JOINS = ("FROM quotes q JOIN articles a ON a.id = q.article_id "
                "LEFT JOIN entity_links l ON l.article_id = q.article_id "
                "AND l.local_id = q.speaker_local_id "
                "LEFT JOIN entities e ON e.id = l.entity_id ")


def _code(language: str | None) -> str | None:
    """A language filter as stored (lower case); None or blank sets no filter."""
    code = (language or "").strip().lower()
    return code or None


def _agreement(r: tuple[Any, ...]) -> AgreementSummary:
    return AgreementSummary(r[0], r[1], r[2], json.loads(r[3]), *r[4:])


class Reader:
    """Reads over one connection (a `Store`); see the module docstring."""

    conn: sqlite3.Connection

    # ------------------------------------------------------------- articles

    def search(self, q: str, *, limit: int = 20, offset: int = 0,
               hit: tuple[str, str] = ("[", "]"), words: int = 16,
               language: str | None = None) -> list[ArticleHit]:
        """Articles whose title or text holds every word of `q`, best match first, with a
        snippet of about `words` words whose hits are wrapped in `hit`; with `language` (ISO
        639-1), only articles in that language."""
        if not q.strip():
            return []
        w = Where().add("articles_fts MATCH ?", fts_query(q)).eq("a.language", _code(language))
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.published, a.url, "
            "snippet(articles_fts, 1, ?, ?, '…', ?), a.language "
            "FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid "
            f"WHERE {w.sql()} ORDER BY rank {PAGE}",
            (*hit, words, *w.paged(limit, offset))).fetchall()
        return [ArticleHit(*r) for r in rows]

    def articles(self, *, date_from: str | None = None, date_to: str | None = None,
                 language: str | None = None, limit: int = 50, offset: int = 0
                 ) -> list[ArticleHit]:
        """Articles newest first, optionally within a date range and in one language."""
        w = (Where().gte("published", date_from).lte("published", date_to)
             .eq("language", _code(language)))
        rows = self.conn.execute(
            f"SELECT id, title, published, url, '', language FROM articles WHERE {w.sql()} "
            f"ORDER BY published DESC, id {PAGE}", w.paged(limit, offset)).fetchall()
        return [ArticleHit(*r) for r in rows]

    def languages(self) -> list[LanguageCount]:
        """The languages of the stored articles, most articles first (unknown ones left out)."""
        return [LanguageCount(*r) for r in self.conn.execute(
            "SELECT language, count(*) FROM articles WHERE language IS NOT NULL "
            "GROUP BY language ORDER BY count(*) DESC, language")]

    def article(self, article_id: str) -> ArticleView | None:
        """The stored Article record, with each local entity's corpus entity id."""
        return read_article(self.conn, article_id)

    # ------------------------------------------------------------- entities

    def entities(self, *, q: str | None = None, type: str | None = None,
                 affiliation: str | None = None, limit: int = 50, offset: int = 0
                 ) -> list[EntitySummary]:
        """Corpus entities, most articles first; `q` matches the name or any alias."""
        w = (Where().like(q or None, "e.name", alias_exists("entity_aliases", "entity_id", "e.id"))
             .eq("e.type", type.upper() if type else None).eq("e.affiliation", affiliation or None))
        return [EntitySummary(*r) for r in self.conn.execute(
            f"SELECT {ENTITY_COLS} FROM entities e WHERE {w.sql()} "
            f"ORDER BY e.n_articles DESC, e.n_mentions DESC, e.id {PAGE}",
            w.paged(limit, offset))]

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
        row = self.conn.execute(
            f"SELECT {ENTITY_COLS} FROM entities e WHERE e.id IN ({marks(len(ids))}) "
            "ORDER BY e.n_articles DESC, e.id LIMIT 1", ids).fetchone()
        ent = EntitySummary(*row)
        aliases = [a for (a,) in self.conn.execute(
            "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY n_articles DESC, "
            "alias", (ent.id,))]
        roles = [RoleSpan(*r) for r in self.conn.execute(
            "SELECT title, first_date, last_date, n_articles FROM entity_roles "
            "WHERE entity_id = ? ORDER BY first_date, title", (ent.id,))]
        # The page of articles is chosen on keys alone, then titles and URLs read for it.
        arts = [ArticleHit(*r) for r in self.conn.execute(
            "SELECT a.id, a.title, a.published, a.url, '', a.language FROM articles a "
            "WHERE a.pk IN ("
            "SELECT a.pk FROM articles a WHERE a.id IN (SELECT article_id FROM entity_links "
            "WHERE entity_id = ?) ORDER BY a.published DESC, a.id LIMIT ?) "
            "ORDER BY a.published DESC, a.id", (ent.id, page(articles, 0)[0]))]
        detail = EntityDetail(ent, aliases, roles, arts)
        self._affiliation_evidence(detail)
        return detail

    def _affiliation_evidence(self, detail: EntityDetail) -> None:
        """Countries, organisations and parties the linked article mentions give."""
        rows = self.conn.execute(
            "SELECT ae.affiliation, ae.affiliation_source, ae.organisation, ae.party "
            "FROM entity_links l JOIN article_entities ae ON ae.article_id = l.article_id "
            "AND ae.local_id = l.local_id WHERE l.entity_id = ?", (detail.entity.id,)
        ).fetchall()
        by_source: Counter[tuple[str, str | None]] = Counter()
        orgs: Counter[str] = Counter()
        parties: Counter[str] = Counter()
        for aff, source, org, party in rows:
            if aff:
                by_source[(aff, source)] += 1
            if org:
                orgs[org] += 1
            if party:
                parties[party] += 1
        detail.affiliations = [AffiliationEvidence(a, s, n) for (a, s), n in sorted(
            by_source.items(), key=lambda kv: (-kv[1], kv[0][0], kv[0][1] or ""))]
        detail.organisations = [o for o, _ in orgs.most_common()]
        detail.parties = [p for p, _ in parties.most_common()]

    # --------------------------------------------------------------- quotes

    def quotes(self, *, speaker: str | None = None, q: str | None = None,
               entity_id: str | None = None, article_id: str | None = None,
               date_from: str | None = None, date_to: str | None = None,
               questions: bool = False, language: str | None = None,
               speaker_kind: str | None = None, limit: int = 50,
               offset: int = 0) -> list[QuoteRow]:
        """Quotes newest first. `speaker` matches the resolved speaker's name or any alias,
        the speaker as the article wrote it, or the source phrase of an unnamed source
        ("officials familiar with"); `q` is full-text search in the quote; `language` is the
        language of the quote's article; `speaker_kind` is person, organisation, anonymous,
        descriptor or document."""
        w, fts = Where(), ""
        if q and q.strip():
            fts = "JOIN quotes_fts ON quotes_fts.rowid = q.pk "
            w.add("quotes_fts MATCH ?", fts_query(q))
        if not questions:
            w.add("q.is_question = 0")
        w.like(speaker or None, "q.speaker", "q.source_text", "e.name",
               alias_exists("entity_aliases", "entity_id", "l.entity_id"))
        w.eq("q.speaker_kind", speaker_kind or None)
        w.eq("l.entity_id", entity_id or None).eq("q.article_id", article_id or None)
        w.gte("a.published", date_from or None).lte("a.published", date_to or None)
        w.eq("a.language", _code(language))
        # The page is chosen on keys alone; the wide columns (quote text, title) are read
        # for its rows only, not carried through the sort of every match.
        order = " ORDER BY a.published DESC, q.pk"
        keys = f"SELECT q.pk {_QUOTE_JOINS}{fts}WHERE {w.sql()}{order} {PAGE}"
        rows = self.conn.execute(
            "SELECT q.pk, q.article_id, a.published, q.text, q.kind, "
            "COALESCE(e.name, q.speaker), l.entity_id, q.cue, q.is_question, a.title, "
            "q.speaker_kind, q.source_text, q.speaker_for "
            f"{_QUOTE_JOINS}WHERE q.pk IN ({keys}){order}", w.paged(limit, offset)).fetchall()
        return [QuoteRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], bool(r[8]), r[9],
                         r[10], r[11], r[12]) for r in rows]

    # --------------------------------------------------------------- events

    def _side(self, w: Where, key: str, alias: str) -> Where:
        """An actor of event `ev` is `key` (an entity) or belongs to it (a country)."""
        ids = self.entity_ids(key)
        return w.add(f"EXISTS (SELECT 1 FROM event_actors {alias} WHERE {alias}.event_id = "
                     f"ev.id AND ({alias}.entity_id IN ({marks(len(ids))}) OR "
                     f"{alias}.affiliation = ?))", *ids, canonical_country(key) or key)

    def _actors(self, event_id: str) -> list[EventActorRow]:
        return [EventActorRow(*r) for r in self.conn.execute(
            "SELECT entity_id, name, role, affiliation FROM event_actors WHERE event_id = ? "
            "ORDER BY n_reports DESC, role, name", (event_id,))]

    def _events(self, w: Where, order: str, limit: int, offset: int) -> list[EventSummary]:
        rows = self.conn.execute(
            f"SELECT {EVENT_COLS} FROM events ev WHERE {w.sql()} ORDER BY {order} {PAGE}",
            w.paged(limit, offset)).fetchall()
        return [EventSummary(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9],
                             r[10], r[11], self._actors(r[0])) for r in rows]

    def events(self, *, category: str | None = None, actor: str | None = None,
               date_from: str | None = None, date_to: str | None = None,
               modality: str | None = None, order: str = "date", limit: int = 50,
               offset: int = 0, min_confidence: float | None = None) -> list[EventSummary]:
        """Events (clusters of reports). `actor` is an entity name/id or a country that
        actors belong to; `order` is "date" (newest first) or "reports" (most reported);
        `min_confidence`: only events the judge gave at least this confidence (events stored
        before the judge, with none, are kept)."""
        w = (Where().eq("ev.category", category.upper() if category else None)
             .eq("ev.modality", modality or None)
             .gte("ev.date", date_from or None).lte("ev.date", date_to or None))
        _confident(w, min_confidence)
        if actor:
            self._side(w, actor, "x")
        sort = ("ev.n_independent DESC, ev.n_reports DESC, ev.date DESC, ev.id"
                if order == "reports" else "ev.date DESC, ev.n_reports DESC, ev.id")
        return self._events(w, sort, limit, offset)

    def event(self, event_id: str) -> EventDetail | None:
        found = self._events(Where().eq("ev.id", event_id), "ev.id", 1, 0)
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
        w = self._side(self._side(Where(), a, "xa"), b, "xb")
        w.gte("ev.date", date_from).lte("ev.date", date_to).in_("ev.modality", modalities)
        counts = [DyadCount(*r) for r in self.conn.execute(
            f"SELECT ev.category, count(*) FROM events ev WHERE {w.sql()} "
            "GROUP BY ev.category ORDER BY count(*) DESC, ev.category", w.params)]
        return Dyad(a, b, counts, self._events(w, "ev.date DESC, ev.id", limit, offset))

    def dyads(self, *, date_from: str | None = None, date_to: str | None = None,
              limit: int = 20, offset: int = 0) -> list[DyadPair]:
        """Pairs of countries by the number of events (that happened) between their actors."""
        w = Where().in_("ev.modality", HAPPENED).gte("ev.date", date_from).lte("ev.date", date_to)
        rows = self.conn.execute(
            "SELECT x.affiliation, y.affiliation, count(DISTINCT ev.id) FROM events ev "
            "JOIN event_actors x ON x.event_id = ev.id JOIN event_actors y ON "
            f"y.event_id = ev.id AND x.affiliation < y.affiliation WHERE {w.sql()} "
            f"GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 {PAGE}", w.paged(limit, offset)).fetchall()
        return [DyadPair(*r) for r in rows]

    # ----------------------------------------------------------- agreements

    def agreements(self, *, q: str | None = None, kind: str | None = None,
                   status: str | None = None, party: str | None = None, limit: int = 50,
                   offset: int = 0) -> list[AgreementSummary]:
        """Agreements, most reported first; `q` matches the name or any variant of it."""
        w = (Where().like(q or None, "g.name",
                          alias_exists("agreement_aliases", "agreement_id", "g.id"))
             .eq("g.kind", kind or None).eq("g.status", status or None))
        if party:
            w.add("EXISTS (SELECT 1 FROM json_each(g.parties) p WHERE p.value = ?)",
                  canonical_country(party) or party)
        return [_agreement(r) for r in self.conn.execute(
            f"SELECT {_AGREEMENT_COLS} FROM agreements g WHERE {w.sql()} "
            f"ORDER BY g.n_articles DESC, g.n_mentions DESC, g.id {PAGE}",
            w.paged(limit, offset))]

    def agreement(self, key: str) -> AgreementDetail | None:
        """One agreement by id, name or name variant, with its timeline and commitments."""
        row = self.conn.execute(
            f"SELECT {_AGREEMENT_COLS} FROM agreements g WHERE g.id = ? OR g.name = ? "
            "COLLATE NOCASE OR g.id IN (SELECT agreement_id FROM agreement_aliases WHERE "
            "alias = ? COLLATE NOCASE) ORDER BY g.n_articles DESC, g.id LIMIT 1",
            (key, key, key)).fetchone()
        if row is None:
            return None
        ag = _agreement(row)
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
        w = Where()
        if speaker:
            ids = self.entity_ids(speaker)
            w.add(f"(c.speaker {LIKE} OR c.speaker_entity_id IN ({marks(len(ids))}))",
                  like(speaker), *ids)
        w.eq("c.outcome", outcome or None).eq("c.agreement_id", agreement_id or None)
        return [CommitmentRow(*r) for r in self.conn.execute(
            f"SELECT {_COMMITMENT_COLS} FROM commitments c WHERE {w.sql()} "
            f"ORDER BY c.date, c.id {PAGE}", w.paged(limit, offset))]

    # ------------------------------------------------- the web server's views

    def counts(self) -> dict[str, int]:
        """Rows in each of the `COUNTED` tables."""
        return {t: int(self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
                for t in COUNTED}

    def map_points(self, filters: MapFilters, country_names: list[str] | None = None
                   ) -> list[MapPoint]:
        """Located event reports for the map (`store/geo.py`)."""
        return map_points(self.conn, filters, country_names)

    def map_countries(self) -> list[str]:
        return map_countries(self.conn)

    def countries(self) -> list[str]:
        """Countries that are a side of some event, by name."""
        rows = self.conn.execute(
            f"SELECT country, count(*) n FROM ({_SIDES}) WHERE country IS NOT NULL "
            "GROUP BY country ORDER BY country").fetchall()
        return [r[0] for r in rows if is_country(r[0])]

    def name_index(self) -> NameIndex:
        aliases: dict[str, list[str]] = {}
        for eid, alias in self.conn.execute("SELECT entity_id, alias FROM entity_aliases"):
            aliases.setdefault(eid, []).append(alias)
        rows = self.conn.execute(
            f"SELECT {ENTITY_COLS} FROM entities e "
            "ORDER BY e.n_articles DESC, e.n_mentions DESC, e.id")
        return NameIndex.build([EntitySummary(*r) for r in rows], aliases)

    def co_actors(self, entity_id: str, limit: int = 12) -> CoActors:
        """Actors that share events with `entity_id`, most shared first."""
        rows = self.conn.execute(
            "SELECT o.event_id, o.entity_id, o.name, COALESCE(e.type, ''), ev.date "
            "FROM event_actors s JOIN event_actors o ON o.event_id = s.event_id "
            "JOIN events ev ON ev.id = s.event_id LEFT JOIN entities e ON e.id = o.entity_id "
            "WHERE s.entity_id = ? AND o.entity_id != s.entity_id "
            "ORDER BY ev.date DESC LIMIT 20000", (entity_id,)).fetchall()
        return co_actors([SharedEvent(*r) for r in rows], limit)

    def dyad_summaries(self, cooperation: tuple[str, ...]) -> list[DyadSummary]:
        """Country pairs whose actors share events, most events first, with the events of a
        `cooperation` category and the others counted apart."""
        # The pairs are few (hundreds), and only names that are countries count (an actor's
        # "affiliation" may be a city).
        coop = marks(len(cooperation))
        rows = self.conn.execute(
            f"WITH s AS ({_SIDES}) "
            "SELECT x.country, y.country, count(*), "
            f"sum(ev.category IN ({coop})), sum(ev.category NOT IN ({coop})), max(ev.date) "
            "FROM s x JOIN s y ON y.event_id = x.event_id AND x.country < y.country "
            "JOIN events ev ON ev.id = x.event_id "
            "GROUP BY x.country, y.country ORDER BY count(*) DESC, x.country, y.country "
            "LIMIT 20000", (*cooperation, *cooperation)).fetchall()
        return [DyadSummary(r[0], r[1], r[2], r[3] or 0, r[4] or 0, r[5]) for r in rows
                if is_country(r[0]) and is_country(r[1])]

    def side_events(self, key: str) -> frozenset[str]:
        """Ids of events with an actor that is `key` or belongs to country `key`."""
        ids = self.entity_ids(key)
        country = canonical_country(key) or key
        rows = self.conn.execute(
            f"SELECT event_id FROM event_actors WHERE entity_id IN ({marks(len(ids))}) "
            "UNION SELECT event_id FROM event_actors WHERE affiliation = ? "
            "UNION SELECT x.event_id FROM entities e JOIN event_actors x "
            "ON x.entity_id = e.id WHERE e.name = ? AND e.type = 'GPE'",
            [*ids, country, country]).fetchall()
        return frozenset(r[0] for r in rows)

    def events_between(self, a: str, b: str, event_ids: list[str], filters: DyadFilters,
                       limit: int, offset: int) -> DyadView:
        """The events of `event_ids` (those between sides `a` and `b`) that pass `filters`:
        counts per category, timeline points and one page, newest first."""
        w = (Where().in_json("ev.id", event_ids).in_("ev.category", filters.categories or None)
             .in_("ev.modality", filters.modalities or None)
             .gte("ev.date", filters.date_from or None).lte("ev.date", filters.date_to or None))
        _confident(w, filters.min_confidence)
        counts = [DyadCount(*r) for r in self.conn.execute(
            f"SELECT ev.category, count(*) FROM events ev WHERE {w.sql()} "
            "GROUP BY ev.category ORDER BY count(*) DESC, ev.category", w.params)]
        rows = self.conn.execute(
            f"SELECT ev.id, ev.category, ev.date, ev.modality, ev.sentence FROM events ev "
            f"WHERE {w.sql()} ORDER BY ev.date DESC, ev.id LIMIT ?",
            [*w.params, MAX_TIMELINE_POINTS]).fetchall()
        points = [TimelinePoint(r[0], r[1], r[2], r[3], r[4] or "") for r in rows]
        return DyadView(a, b, sum(c.n_events for c in counts), counts,
                        self._event_page(w, limit, offset), points)

    def event_page(self, event_ids: list[str], limit: int, offset: int,
                   min_confidence: float | None = None) -> list[EventSummary]:
        """The events of `event_ids`, newest first (at least `min_confidence`)."""
        w = _confident(Where().in_json("ev.id", event_ids), min_confidence)
        return self._event_page(w, limit, offset)

    def _event_page(self, w: Where, limit: int, offset: int) -> list[EventSummary]:
        # Like `_events`, with the actors of the whole page read in one query.
        rows = self.conn.execute(
            f"SELECT {EVENT_COLS} FROM events ev WHERE {w.sql()} ORDER BY ev.date DESC, ev.id "
            f"{PAGE}", w.paged(limit, offset)).fetchall()
        out = [EventSummary(*r) for r in rows]
        by_id = {e.id: e for e in out}
        if by_id:
            for r in self.conn.execute(
                    "SELECT event_id, entity_id, name, role, affiliation FROM event_actors "
                    f"WHERE event_id IN ({marks(len(by_id))}) ORDER BY n_reports DESC, role, "
                    "name", list(by_id)):
                by_id[r[0]].actors.append(EventActorRow(*r[1:]))
        return out


def _confident(w: Where, min_confidence: float | None) -> Where:
    """Events the judge gave at least `min_confidence`; events stored before the judge (no
    confidence) are kept."""
    if min_confidence is None:
        return w
    return w.add("(ev.confidence IS NULL OR ev.confidence >= ?)", min_confidence)
