"""Resolved tables computed elsewhere (by `newsgraph spark`) stored as they are.

`save_resolved(conn, tables)` replaces every resolved table, and the state incremental
resolution keeps (`sketch_values`, `resolved_articles`), with the given rows, then derives
the rest of that state from them (`DERIVED`: the blocking keys of non-person entities and
the people's name forms, written by the functions a rebuild writes them with),
leaving the store as `resolved.resolve_all` leaves it for the same articles: a later ingest
resolves incrementally from there. Reports, agreement mentions and quotes come named by their
article and local id (or position), and get the store's row numbers here; an event's
confidence and trigger are taken from its reports as a rebuild takes them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from newsgraph.store import incremental, person_forms, resolved
from newsgraph.store.migrations import RESOLVED_TABLES, STATE_TABLES
from newsgraph.store.resolved import _judged

Row = dict[str, Any]
Tables = Mapping[str, Callable[[], Iterable[list[Row]]]]   # table -> batches of rows

_INSERT = {
    "entities": ("INSERT INTO entities(id, name, type, affiliation, n_articles, n_mentions, "
                 "first_date, last_date) VALUES (:id, :name, :type, :affiliation, "
                 ":n_articles, :n_mentions, :first_date, :last_date)"),
    "entity_links": ("INSERT INTO entity_links(article_id, local_id, entity_id) "
                     "VALUES (:article_id, :local_id, :entity_id)"),
    "entity_aliases": ("INSERT INTO entity_aliases(entity_id, alias, n_articles) "
                       "VALUES (:entity_id, :alias, :n_articles)"),
    "entity_roles": ("INSERT INTO entity_roles(entity_id, title, first_date, last_date, "
                     "n_articles) VALUES (:entity_id, :title, :first_date, :last_date, "
                     ":n_articles)"),
    "sketch_values": ("INSERT OR IGNORE INTO sketch_values(value, article_id) "
                      "VALUES (:value, :article_id)"),
    "resolved_articles": ("INSERT OR IGNORE INTO resolved_articles(article_id) "
                          "VALUES (:article_id)"),
    "duplicates": ("INSERT INTO duplicates(article_id, duplicate_of, similarity) "
                   "VALUES (:article_id, :duplicate_of, :similarity)"),
    "events": ("INSERT INTO events(id, category, mode, date, first_date, last_date, location, "
               "location_country, modality, n_reports, n_articles, n_independent, sentence) "
               "VALUES (:id, :category, :mode, :date, :first_date, :last_date, :location, "
               ":location_country, :modality, :n_reports, :n_articles, :n_independent, "
               ":sentence)"),
    "event_links": ("INSERT INTO event_links(report_pk, event_id) SELECT pk, :event_id "
                    "FROM event_reports WHERE article_id = :article_id "
                    "AND local_id = :local_id"),
    "event_actors": ("INSERT INTO event_actors(event_id, entity_id, name, role, affiliation, "
                     "n_reports) VALUES (:event_id, :entity_id, :name, :role, :affiliation, "
                     ":n_reports)"),
    "agreements": ("INSERT INTO agreements(id, name, kind, parties, status, first_date, "
                   "last_date, n_mentions, n_articles) VALUES (:id, :name, :kind, :parties, "
                   ":status, :first_date, :last_date, :n_mentions, :n_articles)"),
    "agreement_aliases": ("INSERT INTO agreement_aliases(agreement_id, alias, n_mentions) "
                          "VALUES (:agreement_id, :alias, :n_mentions)"),
    "agreement_links": ("INSERT INTO agreement_links(mention_pk, agreement_id) "
                        "SELECT pk, :agreement_id FROM agreement_mentions "
                        "WHERE article_id = :article_id AND ord = :ord"),
    "agreement_status": ("INSERT INTO agreement_status(agreement_id, article_id, status, "
                         "date, evidence) VALUES (:agreement_id, :article_id, :status, "
                         ":date, :evidence)"),
    "commitments": (
        "INSERT INTO commitments(id, quote_pk, article_id, date, speaker, speaker_entity_id, "
        "text, cue, action, deadline_text, deadline_date, agreement_id, outcome, "
        "outcome_article_id, outcome_date, outcome_evidence) SELECT :id, pk, :article_id, "
        ":date, :speaker, :speaker_entity_id, :text, :cue, :action, :deadline_text, "
        ":deadline_date, :agreement_id, :outcome, :outcome_article_id, :outcome_date, "
        ":outcome_evidence FROM quotes WHERE article_id = :article_id "
        "AND local_id = :local_id"),
}
# Every table `save_resolved` needs, in the order it stores them.
TABLES = tuple(_INSERT)
# State written here from the stored tables, as a rebuild writes it (not read from the run).
DERIVED = ("entity_keys", "person_forms", "person_form_keys", "person_form_rows",
           "entity_variants", "entity_name_ids")


def missing_tables() -> list[str]:
    """Tables resolution keeps that `save_resolved` would leave empty (none while the two
    agree; a table added to resolution must be added here and to the Spark steps)."""
    return [t for t in RESOLVED_TABLES + STATE_TABLES if t not in TABLES + DERIVED]


def stored_article_ids(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT id FROM articles")}


def save_resolved(conn: sqlite3.Connection, tables: Tables) -> dict[str, int]:
    """Replace the resolved tables and the resolution state with `tables` (inside the
    caller's transaction); returns the rows stored per table."""
    missing = [t for t in TABLES if t not in tables]
    if missing:
        raise ValueError(f"resolved tables missing: {', '.join(missing)}")
    for table in RESOLVED_TABLES + STATE_TABLES:
        conn.execute(f"DELETE FROM {table}")
    counts: dict[str, int] = {}
    for table in TABLES:
        before = conn.total_changes
        for batch in tables[table]():
            conn.executemany(_INSERT[table], batch)
        counts[table] = conn.total_changes - before
    _judged(conn, [r[0] for r in conn.execute("SELECT id FROM events")])
    found = person_forms.fill_state(conn)
    incremental.save_keys(conn, resolved.load_entity_rows(conn))
    incremental.save_name_keys(conn, found)
    return counts
