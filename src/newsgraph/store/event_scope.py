"""Incremental event resolution: re-cluster only the part of each category's timeline that
new or changed reports reach.

Event clustering (`resolve.events.cluster_reports`) visits the reports of a category in date
order, each joining the best fitting open cluster; a cluster stays open for a few days after
its anchor date, and the weights it compares with are fixed (`data/event_idf.tsv`). So the
clusters that the reports dated before some day D form are the same whatever comes on or after
D, and a report dated D or later can only join a cluster with a report dated D - 3 or later.
For each category, D is the earliest date of a "dirty" report: one of a new article, of an
article whose copy status changed, or one whose actors may now resolve to other entities (an
entity of its article was re-clustered, or its name is an alias whose entities changed).
The clusters with a report dated D - 3 or later are dropped; their reports dated before D are
put back in them, in the order they were visited, and every report dated D or later is
visited again with the same functions a full rebuild uses. The result is the tables a full
rebuild gives; events outside those windows keep their rows and ids.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field

from newsgraph.resolve import entities, events
from newsgraph.resolve.names import fold
from newsgraph.store.incremental import _in_chunks

Ref = tuple[str, str]
EntityInfo = tuple[str, str, str, "str | None"]   # id, name, type, affiliation
_DAY = "COALESCE(NULLIF(r.date, ''), a.published)"
# an ISO day; partial indexes of migration 0014_scope_indexes hold the rows with other days
_ISO = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'"


@dataclass
class EntityState:
    """What the event actors of a set of per-article entities resolve through."""

    refs: dict[Ref, EntityInfo] = field(default_factory=dict)
    aliases: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # folded


@dataclass
class Changes:
    """What changed since the events were resolved, besides the new articles."""

    refs: set[Ref] = field(default_factory=set)          # links to another entity or info
    aliases: set[str] = field(default_factory=set)       # folded aliases of other entities
    copies: set[str] = field(default_factory=set)        # articles whose original changed


def stored_state(conn: sqlite3.Connection) -> EntityState:
    """The stored clusters of temp.scope_entities (before they are replaced)."""
    state = EntityState()
    for a, lid, eid, name, typ, aff in conn.execute(
            "SELECT l.article_id, l.local_id, e.id, e.name, e.type, e.affiliation "
            "FROM temp.scope_entities s CROSS JOIN entity_links l ON l.article_id = s.article_id "
            "AND l.local_id = s.local_id JOIN entities e ON e.id = l.entity_id"):
        state.refs[(a, lid)] = (eid, name, typ, aff)
    ids = {v[0] for v in state.refs.values()}
    for eid, alias in _in_chunks(conn, "SELECT entity_id, alias FROM entity_aliases "
                                       "WHERE entity_id IN ({})", ids):
        state.aliases[fold(alias)].add(eid)
    return state


def found_state(found: list[entities.ResolvedEntity]) -> EntityState:
    state = EntityState()
    for e in found:
        for r in e.links:
            state.refs[(r.article_id, r.local_id)] = (e.id, e.name, e.type, e.affiliation)
        for a in e.aliases:
            state.aliases[fold(a.alias)].add(e.id)
    return state


def entity_changes(old: EntityState, new: EntityState, into: Changes) -> None:
    into.refs |= {r for r in old.refs.keys() | new.refs.keys()
                  if old.refs.get(r) != new.refs.get(r)}
    into.aliases |= {k for k in old.aliases.keys() | new.aliases.keys()
                     if old.aliases.get(k, set()) != new.aliases.get(k, set())}


def _dirty_since(conn: sqlite3.Connection, new: list[str], changes: Changes
                 ) -> dict[str, dt.date]:
    """Category -> the earliest date of a dirty report (date.min: an undated one)."""
    articles = set(new) | {a for a, _ in changes.refs} | changes.copies
    rows = _in_chunks(conn, f"SELECT upper(r.category), {_DAY} FROM event_reports r "
                            "JOIN articles a ON a.id = r.article_id "
                            "WHERE r.article_id IN ({})", articles)
    if changes.aliases:   # actors that resolve by an alias: no entity of their own
        pks = [pk for pk, name in conn.execute(
            "SELECT x.report_pk, x.name FROM event_report_actors x "
            "JOIN event_reports r ON r.pk = x.report_pk LEFT JOIN entity_links l "
            "ON l.article_id = r.article_id AND l.local_id = x.local_entity_id "
            "WHERE l.entity_id IS NULL") if fold(name) in changes.aliases]
        rows += _in_chunks(conn, f"SELECT upper(r.category), {_DAY} FROM event_reports r "
                                 "JOIN articles a ON a.id = r.article_id WHERE r.pk IN ({})",
                           set(pks))
    since: dict[str, dt.date] = {}
    for category, day_text in rows:
        day = events._parse_day(day_text) or dt.date.min
        since[category] = min(day, since.get(category, dt.date.max))
    return since


def _window_reports(conn: sqlite3.Connection, since: dict[str, dt.date]
                    ) -> tuple[set[int], dict[int, str]]:
    """The reports to load (every report of the categories' windows and of the events they
    reach) and the stored event of each that has one."""
    pks: set[int] = set()
    for category, day in since.items():
        lo = (day - dt.timedelta(days=events.WINDOW_UNDATED)
              if day > dt.date.min + dt.timedelta(days=10) else dt.date.min)
        if lo == dt.date.min:
            pks.update(r[0] for r in conn.execute(
                "SELECT pk FROM event_reports WHERE upper(category) = ?", (category,)))
        else:
            pks |= _reports_from(conn, category, lo.isoformat())
    ids = {r[0] for r in _in_chunks(conn, "SELECT DISTINCT event_id FROM event_links "
                                          "WHERE report_pk IN ({})", pks)}
    event_of = dict(_in_chunks(conn, "SELECT report_pk, event_id FROM event_links "
                                     "WHERE event_id IN ({})", ids))
    return pks | set(event_of), event_of


def _reports_from(conn: sqlite3.Connection, category: str, lo: str) -> set[int]:
    """The reports of `category` whose day (their date, else their article's) is `lo` or
    later or not a date, read through the indexes on dates, not the whole table."""
    args = (category, lo)
    out = {r[0] for r in conn.execute(   # dated on or after lo
        "SELECT pk FROM event_reports WHERE date >= ? AND upper(category) = ?", args[::-1])}
    out.update(r[0] for r in conn.execute(   # dated before lo, by no date
        "SELECT pk FROM event_reports WHERE date != '' AND date < ? AND upper(category) = ? "
        f"AND NOT (date GLOB {_ISO})", args[::-1]))
    for cond in ("a.published >= ?", f"a.published < ? AND NOT (a.published GLOB {_ISO})"):
        # undated: their article's day (CROSS JOIN: read the articles by date first)
        out.update(r[0] for r in conn.execute(
            "SELECT r.pk FROM articles a CROSS JOIN event_reports r ON r.article_id = a.id "
            f"WHERE {cond} AND (r.date IS NULL OR r.date = '') AND upper(r.category) = ?",
            args[::-1]))
    return out


@dataclass
class ReportParts:
    """What event inputs hold per report: the reports, their actors, the entity links and
    local names of their articles."""
    reports: list[events.ReportRow]
    actors: list[events.ActorRow]
    links: dict[tuple[str, str], str]
    local_names: list[tuple[str, str, str]]


def report_parts(conn: sqlite3.Connection, pks: Collection[int]) -> ReportParts:
    """The per-report event inputs of the reports `pks` (actors in report and actor order)."""
    reports = [events.ReportRow(*r) for r in _in_chunks(
        conn, "SELECT r.pk, r.article_id, r.local_id, r.category, r.mode, r.location, "
              "r.location_country, r.date, r.modality, r.sentence, a.published "
              "FROM event_reports r JOIN articles a ON a.id = r.article_id "
              "WHERE r.pk IN ({})", pks)]
    articles = {r.article_id for r in reports}
    actors = sorted(_in_chunks(conn, "SELECT report_pk, ord, local_entity_id, name, role, "
                                     "affiliation FROM event_report_actors "
                                     "WHERE report_pk IN ({})", pks), key=lambda r: r[:2])
    return ReportParts(
        reports=reports,
        actors=[events.ActorRow(pk, lid, name, role, aff)
                for pk, _, lid, name, role, aff in actors],
        links={(a, lid): e for a, lid, e in _in_chunks(
            conn, "SELECT article_id, local_id, entity_id FROM entity_links "
                  "WHERE article_id IN ({})", articles)},
        local_names=[(a, lid, n) for a, lid, n in _in_chunks(
            conn, "SELECT article_id, local_id, name FROM article_entities "
                  "WHERE article_id IN ({})", articles)])


def _inputs(conn: sqlite3.Connection, pks: set[int]) -> events.EventInputs:
    """The event inputs of the reports `pks`: their actors, the entities of their articles
    and every alias (an actor's alias must name one entity in the whole store)."""
    parts = report_parts(conn, pks)
    names = {fold(x.name) for x in parts.actors}   # only these are looked up by alias
    aliases = [(e, a) for e, a in conn.execute("SELECT entity_id, alias FROM entity_aliases")
               if fold(a) in names]
    ids = set(parts.links.values()) | {e for e, _ in aliases}
    return events.EventInputs(
        reports=parts.reports, actors=parts.actors, links=parts.links,
        entities={i: events.EntityInfo(n, t, aff) for i, n, t, aff in _in_chunks(
            conn, "SELECT id, name, type, affiliation FROM entities WHERE id IN ({})", ids)},
        aliases=aliases, local_names=parts.local_names)


def resolve_events_new(conn: sqlite3.Connection, new: list[str], changes: Changes
                       ) -> list[events.ResolvedEvent]:
    """Re-cluster the windows the dirty reports reach and replace their events; returns
    the events saved."""
    from newsgraph.store import resolved  # saving is shared with the full rebuild

    since = _dirty_since(conn, new, changes)
    if not since:
        return []
    pks, event_of = _window_reports(conn, since)
    clusters = events.recluster(events.build_reports(_inputs(conn, pks)), event_of, since)
    articles = {r.article_id for c in clusters for r in c.reports}
    originals = dict(_in_chunks(conn, "SELECT article_id, duplicate_of FROM duplicates "
                                      "WHERE article_id IN ({})", articles))
    found = [events._event(c, originals) for c in clusters]
    old = set(event_of.values())
    for table, col in (("event_actors", "event_id"), ("event_links", "event_id"),
                       ("events", "id")):
        _in_chunks(conn, f"DELETE FROM {table} WHERE {col} IN ({{}})", old)
    resolved.save_events(conn, found)
    return found
