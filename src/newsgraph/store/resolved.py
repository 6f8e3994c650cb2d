"""The resolved tables: rows loaded for `newsgraph.resolve`, and its results saved.

`resolve_all(conn)` rebuilds every resolved table (entities, duplicates, events, agreements,
commitments) inside the caller's transaction; `resolve_new(conn)` brings them up to date
with the articles stored since (`store.incremental`), ending with the same tables. Each
step reads what the steps before it saved (events read the entities, commitments the
agreements). Rows are read in a fixed order
(publication date, then id), so the result depends only on which articles are stored, not on
the order or the number of runs that stored them.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from newsgraph.resolve import agreements, commitments, dedup, entities, events
from newsgraph.resolve.blocks import is_person
from newsgraph.resolve.people import Row as EntityRow
from newsgraph.store import (
    agreement_growth,
    entity_growth,
    entity_stream,
    event_scope,
    event_stream,
    incremental,
    person_forms,
)
from newsgraph.store.incremental import _in_chunks
from newsgraph.store.migrations import RESOLVED_TABLES, STATE_TABLES

QUOTE_SLICE = 20_000   # quotes whose commitments a full rebuild finds at a time


@dataclass
class ResolveReport:
    counts: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)   # by step

    def lap(self, step: str, since: float) -> float:
        now = time.perf_counter()
        self.seconds[step] = round(now - since, 3)
        return now


def resolve_all(conn: sqlite3.Connection) -> ResolveReport:
    start = time.perf_counter()
    for table in RESOLVED_TABLES + STATE_TABLES:
        conn.execute(f"DELETE FROM {table}")
    entity_stream.rebuild_entities(conn)
    incremental.mark_resolved(conn, (r[0] for r in conn.execute("SELECT id FROM articles")))
    report = ResolveReport()
    report.lap("entities", start)
    return _after_entities(conn, report)


def resolve_new(conn: sqlite3.Connection) -> ResolveReport:
    """Resolve the articles stored since the last resolution; see `store.incremental`."""
    if incremental.needs_full(conn):
        return resolve_all(conn)
    start = time.perf_counter()
    new = incremental.new_articles(conn)
    if not new:
        return ResolveReport(_counts(conn))
    changes = event_scope.Changes()
    _entities_incremental(conn, new, changes)
    incremental.mark_resolved(conn, new)
    report = ResolveReport()
    report.lap("entities", start)
    return _after_entities(conn, report, (new, changes))


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {k: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for k, t in (
        ("entities", "entities"), ("duplicates", "duplicates"), ("events", "events"),
        ("agreements", "agreements"), ("commitments", "commitments"))}


def _entities_incremental(conn: sqlite3.Connection, new: list[str],
                          changes: event_scope.Changes) -> None:
    """Add the new rows that only grow a stored entity to it (`store.entity_growth`);
    re-cluster the component of blocking keys the others reach (and the clusters whose ids
    come from the same names), and replace those clusters; note in
    `changes` what event actors may now resolve to differently."""
    added = incremental.load_new_entity_rows(conn, new)
    incremental.save_keys(conn, added)
    left = entity_growth.grow_others(conn, added, changes)
    person_forms.resolve_people_new(conn, [r for r in left if is_person(r.type, r.name)],
                                    changes)
    left = [r for r in left if not is_person(r.type, r.name)]
    if not left:
        return
    scope = incremental.component(conn, {(r.article_id, r.local_id) for r in left})
    while True:
        found = entities.resolve_entities(incremental.load_scope_rows(conn))
        extra = incremental.same_name_entities(conn, found, scope)
        if not extra:
            break
        scope = incremental.component(conn, scope | extra)
    before = event_scope.stored_state(conn)
    incremental.drop_scope_entities(conn)
    save_entities(conn, found)
    incremental.save_name_keys(conn, found)
    event_scope.entity_changes(before, event_scope.found_state(found), changes)


def _after_entities(conn: sqlite3.Connection, report: ResolveReport,
                    since: tuple[list[str], event_scope.Changes] | None = None
                    ) -> ResolveReport:
    """The steps after the entities, for the new articles and what their entities changed
    (None: all of them afresh). Copies are found incrementally, events in the windows the
    changes reach; agreements, which read nothing but agreement mentions, are kept when no
    new article mentions one, and grow when new mentions only join them or add new ones
    (`store.agreement_growth`); commitments for the quotes that can have changed."""
    start = time.perf_counter()
    new, changes = since if since else (None, event_scope.Changes())
    report.counts["entities"] = conn.execute("SELECT count(*) FROM entities").fetchone()[0]
    if new is None:
        sketches = load_sketches(conn)
        incremental.save_sketch_values(conn, sketches)
        save_duplicates(conn, dedup.find_copies(sketches))
        del sketches
    else:
        changes.copies |= incremental.copies_incremental(conn, new)
    report.counts["duplicates"] = conn.execute("SELECT count(*) FROM duplicates").fetchone()[0]
    start = report.lap("duplicates", start)
    if new is None:
        event_stream.rebuild_events(conn)
    else:
        event_scope.resolve_events_new(conn, new, changes)
    report.counts["events"] = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    start = report.lap("events", start)
    touched = _agreements_step(conn, new)
    report.counts["agreements"] = conn.execute("SELECT count(*) FROM agreements").fetchone()[0]
    start = report.lap("agreements", start)
    if new is None:   # a quote makes a commitment by its own words: a slice at a time
        _clear(conn, "commitments")
        for inputs in commitment_slices(conn):
            save_commitments(conn, commitments.resolve_commitments(inputs))
    else:   # ... and only these can change
        incremental.commitment_scope(conn, set(new) | {a for a, _ in changes.refs}, touched)
        save_commitments(conn, commitments.resolve_commitments(
            load_commitment_inputs(conn, scoped=True)))
    report.counts["commitments"] = conn.execute("SELECT count(*) FROM commitments").fetchone()[0]
    report.lap("commitments", start)
    return report


def _agreements_step(conn: sqlite3.Connection, new: list[str] | None) -> set[str] | None:
    """Bring the agreements up to date; returns the agreements whose status timelines may
    have changed, or None when any agreement or the names commitments look for may have."""
    if new is not None and not incremental.mention_agreements(conn, new):
        return set()
    grown = agreement_growth.grow(conn, new) if new is not None else None
    if grown is None:
        _clear(conn, "agreement_status", "agreement_links", "agreement_aliases", "agreements")
        save_agreements(conn, agreements.resolve_agreements(agreement_mentions(conn),
                                                            ArticleTexts(conn)))
        return None
    written, renamed = grown
    return None if renamed else written


def _clear(conn: sqlite3.Connection, *tables: str) -> None:
    for table in tables:
        conn.execute(f"DELETE FROM {table}")


# ---------------------------------------------------------------- entities


def load_entity_rows(conn: sqlite3.Connection) -> list[EntityRow]:
    rows = conn.execute(
        "SELECT e.article_id, e.local_id, e.name, e.type, e.affiliation, e.roles, e.n_mentions, "
        "a.published FROM article_entities e JOIN articles a ON a.id = e.article_id "
        "ORDER BY a.published, e.article_id, e.local_id").fetchall()
    return [EntityRow(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), r[6], r[7]) for r in rows]


def save_entities(conn: sqlite3.Connection, found: list[entities.ResolvedEntity]) -> None:
    """Insert entities with their links, aliases and roles, and what an entity that only
    grows is updated from (`entity_variants`, `entity_name_ids`)."""
    for e in found:
        conn.execute("INSERT INTO entities(id, name, type, affiliation, n_articles, n_mentions, "
                     "first_date, last_date) VALUES (?,?,?,?,?,?,?,?)",
                     (e.id, e.name, e.type, e.affiliation, e.n_articles, e.n_mentions,
                      e.first_date, e.last_date))
        conn.executemany("INSERT INTO entity_links(article_id, local_id, entity_id) "
                         "VALUES (?,?,?)", [(r.article_id, r.local_id, e.id) for r in e.links])
        conn.executemany("INSERT INTO entity_aliases(entity_id, alias, n_articles) "
                         "VALUES (?,?,?)", [(e.id, a.alias, a.n_articles) for a in e.aliases])
        conn.executemany("INSERT INTO entity_roles(entity_id, title, first_date, last_date, "
                         "n_articles) VALUES (?,?,?,?,?)",
                         [(e.id, r.title, r.first_date, r.last_date, r.n_articles)
                          for r in e.roles])
    conn.executemany("INSERT INTO entity_name_ids(entity_id, name_id) VALUES (?,?)",
                     [(e.id, e.name_id) for e in found])
    _in_chunks(conn, "INSERT INTO entity_variants(entity_id, name, affiliation, roles, n) "
                     "SELECT l.entity_id, e.name, COALESCE(e.affiliation, ''), e.roles, "
                     "count(*) FROM entity_links l JOIN article_entities e ON e.article_id = "
                     "l.article_id AND e.local_id = l.local_id WHERE l.entity_id IN ({}) "
                     "GROUP BY 1, 2, 3, 4", [e.id for e in found])


# -------------------------------------------------------------- duplicates


def load_sketches(conn: sqlite3.Connection) -> list[tuple[str, bytes | None]]:
    """(article id, sketch) in the order that decides which copy is the original."""
    return [(r[0], r[1]) for r in
            conn.execute("SELECT id, sketch FROM articles ORDER BY published, id")]


def save_duplicates(conn: sqlite3.Connection, copies: list[dedup.Copy]) -> None:
    conn.executemany("INSERT INTO duplicates(article_id, duplicate_of, similarity) "
                     "VALUES (?,?,?)", [(c.article_id, c.duplicate_of, c.similarity)
                                        for c in copies])


def load_originals(conn: sqlite3.Connection) -> dict[str, str]:
    """Wire copy -> the article it copies."""
    return dict(conn.execute("SELECT article_id, duplicate_of FROM duplicates"))


# ------------------------------------------------------------------ events


def load_event_inputs(conn: sqlite3.Connection) -> events.EventInputs:
    return events.EventInputs(
        reports=[events.ReportRow(*r) for r in conn.execute(
            "SELECT r.pk, r.article_id, r.local_id, r.category, r.mode, r.location, "
            "r.location_country, r.date, r.modality, r.sentence, a.published "
            "FROM event_reports r JOIN articles a ON a.id = r.article_id")],
        actors=[events.ActorRow(*r) for r in conn.execute(
            "SELECT report_pk, local_entity_id, name, role, affiliation "
            "FROM event_report_actors ORDER BY report_pk, ord")],
        links={(a, lid): e for a, lid, e in conn.execute(
            "SELECT article_id, local_id, entity_id FROM entity_links")},
        entities={i: events.EntityInfo(n, t, aff) for i, n, t, aff in conn.execute(
            "SELECT id, name, type, affiliation FROM entities")},
        aliases=[(e, a) for e, a in conn.execute(
            "SELECT entity_id, alias FROM entity_aliases")],
        local_names=[(a, lid, n) for a, lid, n in conn.execute(
            "SELECT article_id, local_id, name FROM article_entities")])


def save_events(conn: sqlite3.Connection, found: list[events.ResolvedEvent]) -> None:
    for ev in found:
        conn.execute(
            "INSERT INTO events(id, category, mode, date, first_date, last_date, location, "
            "location_country, modality, n_reports, n_articles, n_independent, sentence) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (ev.id, ev.category, ev.mode, ev.date, ev.first_date, ev.last_date, ev.location,
             ev.location_country, ev.modality, ev.n_reports, ev.n_articles, ev.n_independent,
             ev.sentence))
        conn.executemany("INSERT INTO event_links(report_pk, event_id) VALUES (?,?)",
                         [(pk, ev.id) for pk in ev.report_pks])
        conn.executemany(
            "INSERT INTO event_actors(event_id, entity_id, name, role, affiliation, n_reports) "
            "VALUES (?,?,?,?,?,?)",
            [(ev.id, a.entity_id, a.name, a.role, a.affiliation, a.n_reports)
             for a in ev.actors])
    _judged(conn, [ev.id for ev in found])


def _judged(conn: sqlite3.Connection, ids: list[str]) -> None:
    """A resolved event's confidence: the highest of its reports'; its trigger: that
    report's."""
    conn.executemany(
        "UPDATE events SET (confidence, trigger) = (SELECT r.confidence, r.trigger "
        "FROM event_links l JOIN event_reports r ON r.pk = l.report_pk "
        "WHERE l.event_id = events.id ORDER BY r.confidence DESC, r.pk LIMIT 1) "
        "WHERE id = ?", [(i,) for i in ids])


# -------------------------------------------------------------- agreements


def load_agreement_mentions(conn: sqlite3.Connection
                            ) -> tuple[list[agreements.Mention], dict[str, str]]:
    """Every agreement mention in publication order, and the texts of their articles."""
    texts = dict(conn.execute("SELECT id, text FROM articles WHERE id IN "
                              "(SELECT article_id FROM agreement_mentions)"))
    return agreement_mentions(conn), texts


def agreement_mentions(conn: sqlite3.Connection) -> list[agreements.Mention]:
    """Every agreement mention in publication order."""
    return [agreements.Mention(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5], r[6], r[7],
                               r[8], r[9], r[10])
            for r in conn.execute(
        "SELECT m.pk, m.article_id, m.name, m.kind, m.parties, m.status, m.start, m.end, "
        "a.published, m.system, m.recipient FROM agreement_mentions m "
        "JOIN articles a ON a.id = m.article_id ORDER BY a.published, m.article_id, m.ord")]


class ArticleTexts(dict[str, str]):
    """Article texts read when asked for and not kept: the agreements step reads one
    sentence of each mention, and all their articles' texts grow with the archive."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        super().__init__()
        self.conn = conn

    def __missing__(self, article_id: str) -> str:
        row = self.conn.execute("SELECT text FROM articles WHERE id = ?",
                                (article_id,)).fetchone()
        if row is None:
            raise KeyError(article_id)
        return str(row[0] or "")


def save_agreements(conn: sqlite3.Connection, found: list[agreements.ResolvedAgreement]
                    ) -> None:
    for g in found:
        conn.execute(
            "INSERT INTO agreements(id, name, kind, parties, status, first_date, last_date, "
            "n_mentions, n_articles) VALUES (?,?,?,?,?,?,?,?,?)",
            (g.id, g.name, g.kind, json.dumps(g.parties), g.status, g.first_date, g.last_date,
             g.n_mentions, g.n_articles))
        conn.executemany("INSERT INTO agreement_aliases(agreement_id, alias, n_mentions) "
                         "VALUES (?,?,?)", [(g.id, n, c) for n, c in g.aliases.items()])
        conn.executemany("INSERT INTO agreement_links(mention_pk, agreement_id) VALUES (?,?)",
                         [(pk, g.id) for pk in g.mention_pks])
        conn.executemany("INSERT INTO agreement_status(agreement_id, article_id, status, date, "
                         "evidence) VALUES (?,?,?,?,?)",
                         [(g.id, s.article_id, s.status, s.date, s.evidence)
                          for s in g.timeline])


# ------------------------------------------------------------- commitments


def load_commitment_inputs(conn: sqlite3.Connection, scoped: bool = False
                           ) -> commitments.CommitmentInputs:
    """What commitments are found from: every quote, or (`scoped`) those of
    temp.scope_quotes; the agreements; the latest publication date."""
    quotes = [commitments.QuoteRow(*r) for r in _quote_rows(conn, scoped)]
    return _with_quotes(conn, quotes, scoped)


def commitment_slices(conn: sqlite3.Connection) -> Iterator[commitments.CommitmentInputs]:
    """What every quote's commitments are found from, QUOTE_SLICE quotes at a time (the
    agreements, read once, are shared)."""
    cursor = _quote_rows(conn, False)
    shared = _with_quotes(conn, [], False)
    while batch := cursor.fetchmany(QUOTE_SLICE):
        yield dataclasses.replace(shared, quotes=[commitments.QuoteRow(*r) for r in batch])


def _quote_rows(conn: sqlite3.Connection, scoped: bool) -> sqlite3.Cursor:
    scope = " AND q.pk IN (SELECT pk FROM temp.scope_quotes)" if scoped else ""
    return conn.execute(
        "SELECT q.pk, q.article_id, q.local_id, a.published, COALESCE(e.name, q.speaker), "
        # a headline quote's offsets are into the title: no place in the text
        "e.id, q.text, CASE WHEN q.in_title THEN NULL ELSE q.start END, "
        "CASE WHEN q.in_title THEN NULL ELSE q.end END, e.type "
        "FROM quotes q "
        "JOIN articles a ON a.id = q.article_id "
        "LEFT JOIN entity_links l ON l.article_id = q.article_id AND l.local_id = "
        "q.speaker_local_id LEFT JOIN entities e ON e.id = l.entity_id "
        "WHERE q.is_question = 0 AND q.speaker IS NOT NULL" + scope +
        " ORDER BY a.published, q.article_id, q.local_id")


def _with_quotes(conn: sqlite3.Connection, quotes: list[commitments.QuoteRow], scoped: bool
                 ) -> commitments.CommitmentInputs:
    """The inputs of `quotes`: the agreements' places (of the scoped quotes' articles, or
    all), aliases and timelines, and the latest date."""
    places: dict[str, list[commitments.AgreementPlace]] = defaultdict(list)
    for article_id, agreement_id, start, end in conn.execute(   # of the quotes' articles
            "SELECT m.article_id, l.agreement_id, m.start, m.end FROM agreement_mentions m "
            "JOIN agreement_links l ON l.mention_pk = m.pk" + (
                " WHERE m.article_id IN (SELECT article_id FROM quotes WHERE pk IN "
                "(SELECT pk FROM temp.scope_quotes))" if scoped else "") +
            " ORDER BY m.article_id, m.start"):
        places[article_id].append(commitments.AgreementPlace(agreement_id, start, end))
    statuses = _Timelines(conn) if scoped else _timelines(conn, None)
    return commitments.CommitmentInputs(
        quotes=quotes,
        aliases=[(a, n) for a, n in conn.execute(
            "SELECT agreement_id, alias FROM agreement_aliases")],
        places=dict(places), statuses=statuses,
        latest=conn.execute("SELECT max(published) FROM articles").fetchone()[0])


def _timelines(conn: sqlite3.Connection, agreement_id: str | None
               ) -> dict[str, list[commitments.StatusRow]]:
    """The status timeline of every agreement (or of one)."""
    out: dict[str, list[commitments.StatusRow]] = defaultdict(list)
    for a, *rest in conn.execute(
            "SELECT agreement_id, status, article_id, date, evidence FROM agreement_status" + (
                " WHERE agreement_id = ?" if agreement_id else "") +
            " ORDER BY agreement_id, date, article_id, status",
            (agreement_id,) if agreement_id else ()):
        out[a].append(commitments.StatusRow(*rest))
    return dict(out)


class _Timelines(dict[str, list[commitments.StatusRow]]):
    """Timelines read when asked for: a few quotes need the timelines of few agreements."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        super().__init__()
        self.conn = conn

    def get(self, key: str | None, default: object = None  # type: ignore[override]
            ) -> list[commitments.StatusRow]:
        if key is None:
            return []
        if key not in self:
            self[key] = _timelines(self.conn, key).get(key, [])
        return self[key]


def save_commitments(conn: sqlite3.Connection, found: list[commitments.Commitment]) -> None:
    conn.executemany(
        "INSERT INTO commitments(id, quote_pk, article_id, date, speaker, speaker_entity_id, "
        "text, cue, action, deadline_text, deadline_date, agreement_id, outcome, "
        "outcome_article_id, outcome_date, outcome_evidence) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(c.id, c.quote_pk, c.article_id, c.date, c.speaker, c.speaker_entity_id, c.text,
          c.cue, c.action, c.deadline_text, c.deadline_date, c.agreement_id, c.outcome,
          c.outcome_article_id, c.outcome_date, c.outcome_evidence) for c in found])
