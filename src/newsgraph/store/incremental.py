"""Incremental resolution: new articles join the stored clusters their blocking keys reach.

`resolve_new(conn)` finds the articles the resolved tables do not cover yet
(`resolved_articles`). Their non-person entities grow the stored entities of their names
(`store.entity_growth`), their people are resolved by name form (`store.person_forms`), and
the non-person rows left are re-clustered with the connected component of blocking keys
(`resolve.blocks`) they reach, with the same functions a full rebuild uses, so it ends with
the tables `resolve_all` gives, whatever the order and batching of ingests. Entities of
other components keep their rows and ids. Copies are found the same way among the articles
sharing sketch values with the new ones (`copies_incremental`). Events re-cluster the date
windows that new or changed reports reach (`store.event_scope`); agreements are kept unless
a new article mentions one (`store.agreement_growth`); commitments are found again for the
quotes of the stored ones and of the articles whose entities changed (`commitment_scope`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from newsgraph.resolve import dedup, entities
from newsgraph.resolve.blocks import LINK, is_person
from newsgraph.resolve.people import Row as EntityRow

Ref = tuple[str, str]   # (article id, local id) of one per-article entity

_TEMP = """
CREATE TEMP TABLE IF NOT EXISTS scope_entities (
    article_id TEXT NOT NULL, local_id TEXT NOT NULL, PRIMARY KEY (article_id, local_id)
) WITHOUT ROWID;
CREATE TEMP TABLE IF NOT EXISTS scope_keys (key TEXT PRIMARY KEY) WITHOUT ROWID;
"""


def new_articles(conn: sqlite3.Connection) -> list[str]:
    """The articles not resolved yet, by publication date (undated first), then id. Found
    on the index of ids alone; only theirs are read for the dates."""
    ids = [r[0] for r in conn.execute(
        "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM resolved_articles)")]
    rows = _in_chunks(conn, "SELECT id, published FROM articles WHERE id IN ({})", ids)
    return [i for i, p in sorted(rows, key=lambda r: (r[1] is not None, r[1] or "", r[0]))]


def needs_full(conn: sqlite3.Connection) -> bool:
    """Nothing resolved yet (or resolved before resolution kept its state): a rebuild."""
    return conn.execute("SELECT 1 FROM resolved_articles LIMIT 1").fetchone() is None


def mark_resolved(conn: sqlite3.Connection, article_ids: Iterable[str]) -> None:
    conn.executemany("INSERT OR IGNORE INTO resolved_articles(article_id) VALUES (?)",
                     ((a,) for a in article_ids))


# ---------------------------------------------------------------- keys


def save_keys(conn: sqlite3.Connection, rows: Iterable[EntityRow]) -> None:
    """The blocking keys of the non-person rows (people are kept by form:
    `store.person_forms`)."""
    conn.executemany("INSERT OR IGNORE INTO entity_keys(key, role, article_id, local_id) "
                     "VALUES (?,?,?,?)", ((k, role, r.article_id, r.local_id) for r in rows
                                          if not is_person(r.type, r.name)
                                          for k, role in entities.row_keys(r)))


def save_name_keys(conn: sqlite3.Connection, found: list[entities.ResolvedEntity]) -> None:
    conn.executemany("INSERT OR IGNORE INTO entity_keys(key, role, article_id, local_id) "
                     "VALUES (?,?,?,?)", (("id:" + e.name_id, LINK, r.article_id, r.local_id)
                                          for e in found if e.type != "PERSON"
                                          for r in e.links))


def _fill_scope(conn: sqlite3.Connection, refs: Iterable[Ref]) -> None:
    conn.executemany("INSERT OR IGNORE INTO temp.scope_entities(article_id, local_id) "
                     "VALUES (?,?)", refs)


def component(conn: sqlite3.Connection, start: Iterable[Ref]) -> set[Ref]:
    """Every per-article entity joined to `start` by a chain of keys (left in
    temp.scope_entities for the loads that follow)."""
    for statement in _TEMP.split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute("DELETE FROM temp.scope_entities")
    conn.execute("DELETE FROM temp.scope_keys")
    frontier = set(start)
    seen: set[Ref] = set()
    while frontier:
        seen |= frontier
        conn.execute("DROP TABLE IF EXISTS temp.frontier")
        conn.execute("CREATE TEMP TABLE frontier (article_id TEXT, local_id TEXT, "
                     "PRIMARY KEY (article_id, local_id)) WITHOUT ROWID")
        conn.executemany("INSERT OR IGNORE INTO temp.frontier VALUES (?,?)", frontier)
        new_keys = [r[0] for r in conn.execute(
            "SELECT DISTINCT k.key FROM temp.frontier f CROSS JOIN entity_keys k "  # by index
            "ON f.article_id = k.article_id AND f.local_id = k.local_id "
            "WHERE k.key NOT IN (SELECT key FROM temp.scope_keys)")]
        conn.executemany("INSERT OR IGNORE INTO temp.scope_keys(key) VALUES (?)",
                         ((k,) for k in new_keys))
        reached: set[Ref] = set()
        for i in range(0, len(new_keys), 500):
            chunk = new_keys[i:i + 500]
            marks = ",".join("?" * len(chunk))
            reached.update(conn.execute(
                "SELECT article_id, local_id FROM entity_keys WHERE key IN ("
                "SELECT key FROM entity_keys WHERE key IN (" + marks + ") GROUP BY key "
                "HAVING sum(role = 'link') > 0 OR (sum(role = 'target') > 0 "
                "AND sum(role = 'probe') > 0))", chunk))
        frontier = reached - seen
    _fill_scope(conn, seen)
    return seen


def load_scope_rows(conn: sqlite3.Connection) -> list[EntityRow]:
    """The per-article entities of temp.scope_entities, in the order of a full rebuild."""
    rows = conn.execute(
        "SELECT e.article_id, e.local_id, e.name, e.type, e.affiliation, e.roles, e.n_mentions, "
        "a.published FROM temp.scope_entities s CROSS JOIN article_entities e "
        "ON e.article_id = s.article_id AND e.local_id = s.local_id "
        "JOIN articles a ON a.id = e.article_id ORDER BY a.published, e.article_id, e.local_id"
    ).fetchall()
    return [EntityRow(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), r[6], r[7]) for r in rows]


def same_name_entities(conn: sqlite3.Connection, found: list[entities.ResolvedEntity],
                       scope: set[Ref]) -> set[Ref]:
    """Stored entities outside `scope` whose clusters have an id derived from the same name
    as one of `found`: they must be resolved together to be told apart the same way."""
    out: set[Ref] = set()
    for e in found:
        out.update(conn.execute("SELECT article_id, local_id FROM entity_keys WHERE key = ?",
                                ("id:" + e.name_id,)))
    return out - scope


def drop_scope_entities(conn: sqlite3.Connection) -> None:
    """Delete the stored clusters of temp.scope_entities and their "id:" keys."""
    conn.execute("DROP TABLE IF EXISTS temp.old_entities")
    conn.execute("CREATE TEMP TABLE old_entities AS SELECT DISTINCT l.entity_id AS id "
                 "FROM temp.scope_entities s CROSS JOIN entity_links l "
                 "ON s.article_id = l.article_id AND s.local_id = l.local_id")
    for table, col in (("entity_links", "entity_id"), ("entity_aliases", "entity_id"),
                       ("entity_roles", "entity_id"), ("entity_variants", "entity_id"),
                       ("entity_name_ids", "entity_id"), ("entities", "id")):
        conn.execute(f"DELETE FROM {table} WHERE {col} IN (SELECT id FROM temp.old_entities)")
    conn.execute("DELETE FROM entity_keys WHERE key LIKE 'id:%' AND (article_id, local_id) IN "
                 "(SELECT article_id, local_id FROM temp.scope_entities)")


def load_new_entity_rows(conn: sqlite3.Connection, article_ids: list[str]) -> list[EntityRow]:
    out: list[EntityRow] = []
    for i in range(0, len(article_ids), 500):
        chunk = article_ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        out += [EntityRow(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), r[6], r[7])
                for r in conn.execute(
                    "SELECT e.article_id, e.local_id, e.name, e.type, e.affiliation, e.roles, "
                    "e.n_mentions, a.published FROM article_entities e JOIN articles a "
                    f"ON a.id = e.article_id WHERE e.article_id IN ({marks})", chunk)]
    return out


# ------------------------------------------------------------- duplicates


def _signed(h: int) -> int:
    return h - (1 << 64) if h >= 1 << 63 else h


def _in_chunks(conn: sqlite3.Connection, sql: str, values: Iterable[object]
               ) -> list[tuple[Any, ...]]:
    """Run `sql` (with one `{}` for a list of placeholders) over `values` 500 at a time."""
    items, out = list(values), []
    for i in range(0, len(items), 500):
        chunk = items[i:i + 500]
        out += conn.execute(sql.format(",".join("?" * len(chunk))), chunk).fetchall()
    return out


def save_sketch_values(conn: sqlite3.Connection, items: Iterable[tuple[str, bytes | None]]
                       ) -> None:
    conn.executemany("INSERT OR IGNORE INTO sketch_values(value, article_id) VALUES (?,?)",
                     ((_signed(h), a) for a, sk in items for h in dedup.unpack(sk)))


def _holders(conn: sqlite3.Connection, values: Iterable[int]) -> dict[int, int]:
    """Sketch value -> how many stored articles hold it (signed values)."""
    return dict(_in_chunks(conn, "SELECT value, count(*) FROM sketch_values WHERE value IN "
                                 "({}) GROUP BY value", values))


def _sketches(conn: sqlite3.Connection, ids: Iterable[str]) -> list[tuple[str, bytes | None]]:
    rows = _in_chunks(conn, "SELECT id, sketch, published FROM articles WHERE id IN ({})", ids)
    return [(a, s) for a, s, _ in sorted(rows, key=lambda r: (r[2] is not None, r[2] or "",
                                                               r[0]))]


def _compared(conn: sqlite3.Connection, added: list[tuple[str, bytes | None]],
              common: set[int]) -> set[str]:
    """The articles `dedup.find_copies` compares with one of the `added` ones: those sharing
    enough of its sketch values that are not boilerplate (`common`, signed), counted by the
    index, as many as the later of the two needs."""
    shared: dict[tuple[str, str], int] = {}
    for a, sk in added:
        mine = {_signed(h) for h in dedup.unpack(sk)} - common
        for other, n in _in_chunks(conn, "SELECT article_id, count(*) FROM sketch_values "
                                         "WHERE value IN ({}) GROUP BY article_id", mine):
            if other != a:
                shared[(a, other)] = shared.get((a, other), 0) + n
    meta = {i: ((p is not None, p or "", i), (size or 0) // 8) for i, p, size in _in_chunks(
        conn, "SELECT id, published, length(sketch) FROM articles WHERE id IN ({})",
        {x for pair in shared for x in pair})}
    return {other for (a, other), n in shared.items()
            if n >= dedup.needed(max(meta[a], meta[other])[1])}


def copies_incremental(conn: sqlite3.Connection, new: list[str]) -> set[str]:
    """Find the copies among the new articles and the groups of copies they reach: the
    articles compared with them (sharing enough sketch values), and those holding a value
    that the new ones made boilerplate (which no longer counts as evidence between them).
    Returns the articles whose original changed."""
    added = _sketches(conn, new)
    values = {_signed(h) for _, sk in added for h in dedup.unpack(sk)}
    before = _holders(conn, values)
    save_sketch_values(conn, added)
    after = _holders(conn, values)
    limit = dedup.MAX_POSTING
    crossed = {v for v in values if after[v] > limit >= before.get(v, 0)}
    # only the articles compared with a new one can join its group
    scope = set(new) | _compared(conn, added, {v for v in values if after[v] > limit}) | {
        r[0] for r in _in_chunks(conn, "SELECT DISTINCT article_id FROM sketch_values "
                                       "WHERE value IN ({})", crossed)}
    roots = {r[0] for r in _in_chunks(
        conn, "SELECT duplicate_of FROM duplicates WHERE article_id IN ({})", scope)}
    scope |= roots | {r[0] for r in _in_chunks(
        conn, "SELECT article_id FROM duplicates WHERE duplicate_of IN ({})", scope | roots)}
    items = _sketches(conn, scope)
    counts = _holders(conn, {_signed(h) for _, sk in items for h in dedup.unpack(sk)})
    common = dedup.common_values((v % (1 << 64), n) for v, n in counts.items())
    before_of = dict(_in_chunks(conn, "SELECT article_id, duplicate_of FROM duplicates "
                                      "WHERE article_id IN ({})", scope))
    _in_chunks(conn, "DELETE FROM duplicates WHERE article_id IN ({})", scope)
    copies = dedup.find_copies(items, common=common)
    conn.executemany("INSERT INTO duplicates(article_id, duplicate_of, similarity) "
                     "VALUES (?,?,?)", [(c.article_id, c.duplicate_of, c.similarity)
                                        for c in copies])
    after_of = {c.article_id: c.duplicate_of for c in copies}
    return {a for a in before_of.keys() | after_of.keys() if before_of.get(a) != after_of.get(a)}


def mention_agreements(conn: sqlite3.Connection, new: list[str]) -> bool:
    """Whether any of the `new` articles mentions an agreement."""
    return bool(_in_chunks(conn, "SELECT 1 FROM agreement_mentions WHERE article_id IN ({}) "
                                 "LIMIT 1", new))


def commitment_scope(conn: sqlite3.Connection, articles: set[str],
                     agreements: set[str] | None) -> None:
    """Delete the stored commitments that can change and leave in temp.scope_quotes the
    quotes that can make one. Only a quote stating an intent makes one, by its own words, so
    besides every quote of `articles` (new, or whose speaker may now be another entity) only
    stored commitments' quotes can: with `agreements` None (the agreements were rebuilt, or
    their names changed) all of them; else those naming an agreement of `agreements` (its
    timeline changed), and those still open whose deadline the latest date now passed."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS scope_quotes (pk INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM temp.scope_quotes")
    if agreements is None:
        conn.execute("INSERT OR IGNORE INTO temp.scope_quotes SELECT quote_pk FROM commitments")
    else:
        latest = conn.execute("SELECT max(published) FROM articles").fetchone()[0]
        conn.execute("INSERT OR IGNORE INTO temp.scope_quotes SELECT quote_pk FROM commitments "
                     "WHERE outcome = 'open' AND agreement_id IS NOT NULL "
                     "AND deadline_date < ?", (latest,))
        _in_chunks(conn, "INSERT OR IGNORE INTO temp.scope_quotes SELECT quote_pk "
                         "FROM commitments WHERE agreement_id IN ({})", agreements)
    _in_chunks(conn, "INSERT OR IGNORE INTO temp.scope_quotes SELECT pk FROM quotes "
                     "WHERE article_id IN ({})", articles)
    conn.execute("DELETE FROM commitments WHERE quote_pk IN (SELECT pk FROM temp.scope_quotes)")
