"""Saved alert queries and the matches each watch round found for them.

A match is keyed by what matched (an event id, a quote's row, a commitment with its outcome,
an agreement's status signal), ids that stay the same when the resolved tables are rebuilt,
so a match is recorded once, in the round that first found it. Matches present when the
alert was added have no round (`round_id` NULL): they are not news.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any


@dataclass
class AlertRow:
    name: str
    kind: str
    query: dict[str, Any]
    webhook: str | None = None
    created_at: float = 0.0


@dataclass
class MatchRow:
    key: str
    title: str
    summary: str = ""
    link: str | None = None
    article_ids: list[str] = field(default_factory=list)
    round_id: int | None = None
    found_at: float = 0.0


def _has_tables(conn: sqlite3.Connection) -> bool:
    """A store from before watching existed has no alert tables (read-only servers do not
    migrate): it simply has no alerts."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                        "name = 'alerts'").fetchone() is not None


def add_alert(conn: sqlite3.Connection, alert: AlertRow) -> bool:
    cur = conn.execute(
        "INSERT INTO alerts(name, kind, query, webhook, created_at) VALUES (?,?,?,?,?) "
        "ON CONFLICT DO NOTHING",
        (alert.name, alert.kind, json.dumps(alert.query, sort_keys=True), alert.webhook,
         alert.created_at))
    return cur.rowcount > 0


def remove_alert(conn: sqlite3.Connection, name: str) -> bool:
    conn.execute("DELETE FROM alert_matches WHERE alert = ?", (name,))
    return conn.execute("DELETE FROM alerts WHERE name = ?", (name,)).rowcount > 0


def alerts(conn: sqlite3.Connection) -> list[AlertRow]:
    if not _has_tables(conn):
        return []
    return [AlertRow(r[0], r[1], json.loads(r[2]), r[3], r[4]) for r in conn.execute(
        "SELECT name, kind, query, webhook, created_at FROM alerts ORDER BY name")]


def alert(conn: sqlite3.Connection, name: str) -> AlertRow | None:
    return next((a for a in alerts(conn) if a.name == name), None)


def known_keys(conn: sqlite3.Connection, name: str) -> set[str]:
    return {k for (k,) in conn.execute("SELECT key FROM alert_matches WHERE alert = ?",
                                       (name,))}


def known_articles(conn: sqlite3.Connection, name: str) -> set[str]:
    """Every article some recorded match of the alert came from."""
    return {a for (a,) in conn.execute(
        "SELECT j.value FROM alert_matches m, json_each(m.article_ids) j WHERE m.alert = ?",
        (name,))}


def add_matches(conn: sqlite3.Connection, name: str, found: list[MatchRow]) -> int:
    n = 0
    for m in found:
        cur = conn.execute(
            "INSERT INTO alert_matches(alert, key, round_id, found_at, title, summary, link, "
            "article_ids) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
            (name, m.key, m.round_id, m.found_at, m.title, m.summary, m.link,
             json.dumps(m.article_ids)))
        n += cur.rowcount
    return n


def matches(conn: sqlite3.Connection, name: str, *, since: float | None = None,
            limit: int = 100, offset: int = 0) -> list[MatchRow]:
    """The alert's new matches (found by a round), newest first."""
    if not _has_tables(conn):
        return []
    rows = conn.execute(
        "SELECT key, title, summary, link, article_ids, round_id, found_at FROM alert_matches "
        "WHERE alert = ? AND round_id IS NOT NULL AND found_at >= ? "
        "ORDER BY found_at DESC, round_id DESC, key LIMIT ? OFFSET ?",
        (name, since or 0.0, max(0, min(limit, 1000)), max(0, offset))).fetchall()
    return [MatchRow(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5], r[6]) for r in rows]


def undelivered(conn: sqlite3.Connection, name: str) -> list[MatchRow]:
    rows = conn.execute(
        "SELECT key, title, summary, link, article_ids, round_id, found_at FROM alert_matches "
        "WHERE alert = ? AND round_id IS NOT NULL AND delivered = 0 ORDER BY found_at, key",
        (name,)).fetchall()
    return [MatchRow(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5], r[6]) for r in rows]


def mark_delivered(conn: sqlite3.Connection, name: str, keys: list[str]) -> None:
    conn.executemany("UPDATE alert_matches SET delivered = 1 WHERE alert = ? AND key = ?",
                     [(name, k) for k in keys])


def match_stats(conn: sqlite3.Connection) -> dict[str, tuple[int, float | None]]:
    """Per alert: new matches in all, and when the last one was found."""
    if not _has_tables(conn):
        return {}
    return {r[0]: (r[1], r[2]) for r in conn.execute(
        "SELECT alert, count(*), max(found_at) FROM alert_matches WHERE round_id IS NOT NULL "
        "GROUP BY alert")}


def article_titles(conn: sqlite3.Connection, ids: list[str]) -> dict[str, tuple[str | None,
                                                                           str | None]]:
    """(title, url) of each stored article of `ids`."""
    out = {}
    for i in ids:
        row = conn.execute("SELECT title, url FROM articles WHERE id = ?", (i,)).fetchone()
        if row:
            out[i] = (row[0], row[1])
    return out
