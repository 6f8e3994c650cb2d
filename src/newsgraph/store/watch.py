"""Rows of `newsgraph watch`: feeds and their polling state, the URLs found in them, rounds.

Every function runs inside the caller's transaction (`Store.transaction()`) or, for reads, on
any connection. Scheduling times are Unix seconds. A URL is in `watch_urls` from the moment a
feed names it; its `status` says what became of it:

- new: found, not fetched yet (or fetched by a round that was stopped before storing it);
- stored: its article was stored (`article_id`);
- duplicate: its clean text was already stored under another URL (`article_id` is that one);
- failed: the last try failed (`reason`); tried again from `next_try`;
- given_up: failed `attempts` times; not tried again.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from newsgraph.record import Article
from newsgraph.store.write import add_source, has_article, write_article

DONE = ("stored", "duplicate")


@dataclass
class FeedRow:
    url: str
    kind: str | None = None
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_item: str | None = None
    last_status: int | None = None
    last_polled: float | None = None
    last_ok: float | None = None
    next_poll: float = 0.0
    n_items: int = 0
    errors: int = 0
    last_error: str | None = None
    added_at: float = 0.0


@dataclass
class PendingUrl:
    url: str
    feed_url: str | None
    attempts: int


@dataclass
class UrlOutcome:
    """What a try of one URL ended with; written by `record_url`."""

    url: str
    status: str
    reason: str | None = None
    http_status: int | None = None
    final_url: str | None = None
    article_id: str | None = None
    fetched_at: float | None = None
    size: int | None = None
    next_try: float = 0.0


_FEED_COLS = ("url, kind, title, etag, last_modified, last_item, last_status, last_polled, "
              "last_ok, next_poll, n_items, errors, last_error, added_at")


def add_feed(conn: sqlite3.Connection, url: str, now: float) -> bool:
    cur = conn.execute("INSERT INTO feeds(url, added_at, next_poll) VALUES (?, ?, 0) "
                       "ON CONFLICT DO NOTHING", (url, now))
    return cur.rowcount > 0


def feeds(conn: sqlite3.Connection, urls: list[str] | None = None) -> list[FeedRow]:
    """Every feed (or those of `urls`), in the order they were added."""
    rows = conn.execute(f"SELECT {_FEED_COLS} FROM feeds ORDER BY added_at, url").fetchall()
    found = [FeedRow(*r) for r in rows]
    if urls is None:
        return found
    wanted = set(urls)
    return [f for f in found if f.url in wanted]


def save_feed(conn: sqlite3.Connection, feed: FeedRow) -> None:
    conn.execute(
        "UPDATE feeds SET kind=?, title=?, etag=?, last_modified=?, last_item=?, last_status=?, "
        "last_polled=?, last_ok=?, next_poll=?, n_items=?, errors=?, last_error=? WHERE url=?",
        (feed.kind, feed.title, feed.etag, feed.last_modified, feed.last_item, feed.last_status,
         feed.last_polled, feed.last_ok, feed.next_poll, feed.n_items, feed.errors,
         feed.last_error, feed.url))


def add_urls(conn: sqlite3.Connection, urls: list[str], feed_url: str, now: float) -> list[str]:
    """Record the URLs not seen before; return those. A URL an article was already stored
    under (by ingest or an earlier watch) is recorded as stored and not returned."""
    new: list[str] = []
    for url in urls:
        if conn.execute("SELECT 1 FROM watch_urls WHERE url = ?", (url,)).fetchone():
            continue
        stored = conn.execute(
            "SELECT article_id FROM article_sources WHERE url = ? UNION ALL "
            "SELECT id FROM articles WHERE url = ? LIMIT 1", (url, url)).fetchone()
        status = "stored" if stored else "new"
        cur = conn.execute(
            "INSERT INTO watch_urls(url, feed_url, found_at, status, article_id) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (url, feed_url, now, status, stored[0] if stored else None))
        if cur.rowcount > 0 and not stored:
            new.append(url)
    return new


def pending_urls(conn: sqlite3.Connection, now: float, limit: int) -> list[PendingUrl]:
    """URLs to fetch now: new ones first (in the order found), then failed ones due again."""
    rows = conn.execute(
        "SELECT url, feed_url, attempts FROM watch_urls WHERE status = 'new' "
        "OR (status = 'failed' AND next_try <= ?) "
        "ORDER BY status = 'failed', found_at, rowid LIMIT ?", (now, limit)).fetchall()
    return [PendingUrl(*r) for r in rows]


def record_url(conn: sqlite3.Connection, out: UrlOutcome) -> None:
    conn.execute(
        "UPDATE watch_urls SET status=?, reason=?, http_status=?, final_url=?, article_id=?, "
        "fetched_at=?, bytes=?, next_try=?, attempts = attempts + 1 WHERE url=?",
        (out.status, out.reason, out.http_status, out.final_url, out.article_id, out.fetched_at,
         out.size, out.next_try, out.url))


def write_pages(conn: sqlite3.Connection, articles: list[Article],
                outcomes: dict[str, UrlOutcome], now: float) -> set[str]:
    """Store `articles` (each keyed in `outcomes` by its source, the URL it was read from),
    record a duplicate's URL as a source of the stored article, and write every outcome.
    An article that breaks a constraint is not stored and its URL is marked failed. Returns
    the ids of the articles added."""
    added: set[str] = set()
    for art in articles:
        conn.execute("SAVEPOINT page")
        try:
            if write_article(conn, art).added:
                added.add(art.id)
            conn.execute("RELEASE page")
        except sqlite3.Error as e:
            conn.execute("ROLLBACK TO page")
            conn.execute("RELEASE page")
            out = outcomes[art.source or ""]
            out.status, out.reason = "failed", f"cannot store ({e})"[:300]
            out.next_try = now + 300.0
    for out in outcomes.values():
        if out.status == "duplicate" and out.article_id:
            if has_article(conn, out.article_id):
                add_source(conn, out.article_id, out.url, out.final_url)
            else:  # the copy it repeats, earlier in the batch, could not be stored
                out.status, out.reason = "failed", "same text as a page that was not stored"
                out.article_id, out.next_try = None, now + 300.0
        record_url(conn, out)
    return added


def url_counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {s: n for s, n in conn.execute(
        "SELECT status, count(*) FROM watch_urls GROUP BY status ORDER BY status")}


def url_rows(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    """(url, status, article_id, attempts, reason) of every URL, by URL: what a test or a
    report compares between runs."""
    return conn.execute("SELECT url, status, article_id, attempts, reason FROM watch_urls "
                        "ORDER BY url").fetchall()


def feed_url_stats(conn: sqlite3.Connection) -> dict[str, dict[str, int]]:
    """Per feed, how many of its URLs are in each status."""
    out: dict[str, dict[str, int]] = {}
    for feed, status, n in conn.execute(
            "SELECT feed_url, status, count(*) FROM watch_urls GROUP BY 1, 2"):
        out.setdefault(feed or "", {})[status] = n
    return out


def start_round(conn: sqlite3.Connection, now: float) -> int:
    cur = conn.execute("INSERT INTO watch_rounds(started_at) VALUES (?)", (now,))
    return int(cur.lastrowid or 0)


def unfinished_before(conn: sqlite3.Connection, round_id: int) -> bool:
    """Whether a round before `round_id` was stopped before its end (so what it stored may
    not be resolved yet)."""
    return conn.execute("SELECT 1 FROM watch_rounds WHERE id < ? AND finished_at IS NULL "
                        "LIMIT 1", (round_id,)).fetchone() is not None


def finish_round(conn: sqlite3.Connection, round_id: int, now: float,
                 counts: dict[str, Any]) -> None:
    conn.execute("UPDATE watch_rounds SET finished_at = ?, counts = ? WHERE id = ?",
                 (now, json.dumps(counts, sort_keys=True), round_id))
    # Rounds stopped before their end: this one has done what they left (resolution).
    conn.execute("UPDATE watch_rounds SET finished_at = ?, counts = '{\"interrupted\": true}' "
                 "WHERE id < ? AND finished_at IS NULL", (now, round_id))


def last_rounds(conn: sqlite3.Connection, n: int) -> list[tuple[int, float, float | None,
                                                                 dict[str, Any]]]:
    rows = conn.execute("SELECT id, started_at, finished_at, counts FROM watch_rounds "
                        "ORDER BY id DESC LIMIT ?", (n,)).fetchall()
    return [(r[0], r[1], r[2], json.loads(r[3])) for r in rows]


def article_id_of_url(conn: sqlite3.Connection, url: str) -> str | None:
    row = conn.execute("SELECT article_id FROM watch_urls WHERE url = ?", (url,)).fetchone()
    return row[0] if row else None
