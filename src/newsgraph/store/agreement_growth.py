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

from newsgraph.resolve import agreements, commitments
from newsgraph.store.incremental import _in_chunks


def _mentions(conn: sqlite3.Connection) -> list[agreements.Mention]:
    return [agreements.Mention(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5], r[6], r[7],
                               r[8], r[9], r[10])
            for r in conn.execute(
        "SELECT m.pk, m.article_id, m.name, m.kind, m.parties, m.status, m.start, m.end, "
        "a.published, m.system, m.recipient FROM agreement_mentions m "
        "JOIN articles a ON a.id = m.article_id ORDER BY a.published, m.article_id, m.ord")]


def grow(conn: sqlite3.Connection, new: list[str]) -> tuple[set[str], bool] | None:
    """Bring the agreements up to date with the mentions of the `new` articles; returns the
    agreements written and whether the names commitments look for changed, or None when
    the agreements must be rebuilt instead (nothing is written then)."""
    groups = agreements.cluster(agreements.keyed(_mentions(conn)))
    stored = dict(conn.execute("SELECT mention_pk, agreement_id FROM agreement_links"))
    of_stored: dict[str, set[int]] = defaultdict(set)
    for pk, x in stored.items():
        of_stored[x].add(pk)
    fresh = set(new)
    todo: list[tuple[str | None, agreements.Group]] = []
    for g in groups:
        pks = {m.pk for m in g.mentions}
        olds = {stored[pk] for pk in pks if pk in stored}
        added = {m.pk for m in g.mentions if m.article_id in fresh}
        if len(olds) > 1 or not (pks - added) <= stored.keys() or (
                olds and of_stored[next(iter(olds))] != pks - added):
            return None
        if added:
            todo.append((next(iter(olds)) if olds else None, g))
    texts = dict(_in_chunks(conn, "SELECT id, text FROM articles WHERE id IN ({})", fresh))
    ids = set(of_stored)
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
