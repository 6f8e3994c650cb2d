"""New articles' agreement mentions joining the stored agreements.

Agreement clustering (`resolve.agreements.cluster`) reads only the mentions' names, parties
and kinds, so it is run again over every mention without the article texts; then each group
is compared with the stored agreements. A group made of one stored agreement's mentions and
mentions of the new articles only grows: its row, aliases and links are written again and
the new articles' status signals added (their sentences read from the new texts only), the
stored signals kept. A group of new mentions only is added. When a group gained or lost a
stored mention, or an agreement's id would change or is another's (ids come from names;
equal names are told apart by order), every agreement is rebuilt (`None` is returned). The
tables end as a full rebuild leaves them.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from typing import Any

from newsgraph.resolve import agreements, commitments
from newsgraph.store.incremental import _in_chunks

_COLS = ("SELECT m.pk, m.article_id, m.name, m.kind, m.parties, m.status, m.start, m.end, "
         "a.published, m.system, m.recipient, m.ord FROM agreement_mentions m "
         "JOIN articles a ON a.id = m.article_id ")
Order = tuple[bool, str, str, int]


def _mention(r: tuple[Any, ...]) -> tuple[agreements.Mention, Order]:
    """A mention row and where it sorts in publication order (SQLite puts NULL first)."""
    m = agreements.Mention(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5], r[6], r[7], r[8],
                           r[9], r[10])
    return m, (r[8] is not None, r[8] or "", r[1], r[11])


def _keyed(rows: list[tuple[Any, ...]]) -> list[tuple[agreements.Mention, Order]]:
    out = [_mention(r) for r in rows]
    kept = {id(m) for m in agreements.keyed([m for m, _ in out])}
    return [(m, o) for m, o in out if id(m) in kept]


def _stored_names(conn: sqlite3.Connection, new: list[str]
                  ) -> tuple[list[agreements.Mention], dict[int, set[str | None]]]:
    """One mention for each way stored mentions read (name, kind, parties, system,
    recipient: all that clustering reads), and the agreements each is linked to (None:
    unlinked). Clustering these gives the groups of names that all the mentions give."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS new_articles (id TEXT PRIMARY KEY)")
    conn.execute("DELETE FROM temp.new_articles")
    conn.executemany("INSERT OR IGNORE INTO temp.new_articles VALUES (?)", ((a,) for a in new))
    of: dict[tuple[Any, ...], set[str | None]] = defaultdict(set)
    for *way, x in conn.execute(
            "SELECT DISTINCT m.name, m.kind, m.parties, m.system, m.recipient, l.agreement_id "
            "FROM agreement_mentions m LEFT JOIN agreement_links l ON l.mention_pk = m.pk "
            "WHERE m.article_id NOT IN (SELECT id FROM temp.new_articles)"):
        of[tuple(way)].add(x)
    reps = [agreements.Mention(-i, "", n, k, json.loads(p), "", None, None, None, sy, rc)
            for i, (n, k, p, sy, rc) in enumerate(sorted(of, key=repr), start=1)]
    links = {-i: of[w] for i, w in enumerate(sorted(of, key=repr), start=1)}
    return reps, links


def _in_order(conn: sqlite3.Connection, g: agreements.Group, x: str | None,
              new: list[tuple[agreements.Mention, Order]]) -> agreements.Group:
    """The group with its real mentions in the order clustering all of them gives: by name
    key as the group lists them, each key's mentions in publication order."""
    rows = _keyed(conn.execute(_COLS + "JOIN agreement_links l ON l.mention_pk = m.pk "
                               "WHERE l.agreement_id = ?", (x,)).fetchall()) if x else []
    keys = list(dict.fromkeys(m.key for m in g.mentions))
    rank = {k: i for i, k in enumerate(keys)}
    mine = [(m, o) for m, o in rows + new if m.key in rank]
    mine.sort(key=lambda t: (rank[t[0].key], t[1]))
    return agreements.Group(g.key, [m for m, _ in mine])


def grow(conn: sqlite3.Connection, new: list[str]) -> tuple[set[str], bool] | None:
    """Bring the agreements up to date with the mentions of the `new` articles; returns the
    agreements written and whether the names commitments look for changed, or None when
    the agreements must be rebuilt instead (nothing is written then)."""
    reps, links = _stored_names(conn, new)
    added = _keyed(_in_chunks(conn, _COLS + "WHERE m.article_id IN ({})", new))
    keys_of: dict[str, set[str]] = defaultdict(set)
    for m in agreements.keyed(reps):
        for x in links[m.pk] - {None}:
            keys_of[str(x)].add(m.key)
    if any(links[m.pk] - {None} for m in reps if not m.key):
        return None   # a linked mention that names no agreement: not what a rebuild gives
    todo: list[tuple[str | None, agreements.Group]] = []
    for g in agreements.cluster([m for m in reps if m.key] + [m for m, _ in added]):
        linked = set().union(*(links[m.pk] for m in g.mentions if m.pk < 0))
        olds = {str(x) for x in linked if x is not None}
        keys = {m.key for m in g.mentions}
        if None in linked or len(olds) > 1 or (olds and not keys_of[next(iter(olds))] <= keys):
            return None
        if any(m.pk >= 0 for m in g.mentions):
            x = next(iter(olds)) if olds else None
            todo.append((x, _in_order(conn, g, x, added)))
    fresh = set(new)
    texts = dict(_in_chunks(conn, "SELECT id, text FROM articles WHERE id IN ({})", fresh))
    ids = {r[0] for r in conn.execute("SELECT id FROM agreements")}
    found = []
    for x, g in todo:
        known = {(a, s): (d, ev) for a, s, d, ev in conn.execute(
            "SELECT article_id, status, date, evidence FROM agreement_status "
            "WHERE agreement_id = ?", (x,))} if x else {}
        a = agreements.grown_agreement(g, texts, known)
        if a.id != x if x is not None else a.id in ids:
            return None
        ids.add(a.id)
        found.append((x, a))
    written = {a.id for _, a in found}
    before = names_of(conn, written)
    _save(conn, found)
    return written, names_of(conn, written) != before


def names_of(conn: sqlite3.Connection, ids: set[str]) -> set[tuple[str, str]]:
    """The agreement names of `ids` that commitments look for in a quote's words."""
    return set(commitments.known_names(_in_chunks(
        conn, "SELECT agreement_id, alias FROM agreement_aliases WHERE agreement_id IN ({})",
        ids)))


def _save(conn: sqlite3.Connection,
          found: list[tuple[str | None, agreements.ResolvedAgreement]]) -> None:
    from newsgraph.store import resolved  # saving is shared with the full rebuild

    for table in ("agreement_status", "agreement_links", "agreement_aliases", "agreements"):
        col = "id" if table == "agreements" else "agreement_id"
        conn.executemany(f"DELETE FROM {table} WHERE {col} = ?",
                         [(x,) for x, _ in found if x is not None])
    resolved.save_agreements(conn, [a for _, a in found])
