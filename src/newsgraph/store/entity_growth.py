"""New articles' organisations, places and other non-person entities joining stored ones.

Such entities are grouped by their normalised name alone (`resolve.entities`), so a new row
whose group is already stored can only add to that one entity: its counts, dates, aliases
and roles grow (`entities.grow`, from the stored entity and its rows counted by how they
read), and no other entity changes. That costs in the distinct spellings of the entity, not
in its rows. A row whose group is new, or whose entity would change its id (a new most
written name; another entity of the same name), is left to re-clustering
(`store.incremental`), which gives the same tables.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict

from newsgraph.resolve import entities
from newsgraph.resolve.blocks import LINK, is_person
from newsgraph.resolve.names import fold
from newsgraph.resolve.people import Row as EntityRow
from newsgraph.store.event_scope import Changes


def grow_others(conn: sqlite3.Connection, added: list[EntityRow], changes: Changes
                ) -> list[EntityRow]:
    """Add the new non-person rows to the stored entities they only grow; note in `changes`
    what event actors may now resolve to differently. Returns the rows left."""
    groups: dict[str, list[EntityRow]] = defaultdict(list)
    left: list[EntityRow] = []
    for r in added:
        if is_person(r.type, r.name):
            left.append(r)
        else:
            groups[entities.row_keys(r)[0][0]].append(r)
    for key, rows in groups.items():
        old = _stored(conn, key)
        grown = entities.grow(old, variants(conn, old.id), rows) if old else None
        if grown is None or grown.name_id != grown.id or _shared(conn, grown.id):
            left += rows
            continue
        assert old is not None
        save_grown(conn, grown)
        conn.executemany("INSERT OR IGNORE INTO entity_keys(key, role, article_id, local_id) "
                         "VALUES (?,?,?,?)", [("id:" + grown.id, LINK, r.article_id,
                                               r.local_id) for r in grown.links])
        note(conn, old, grown, changes)
    return left


def _stored(conn: sqlite3.Connection, key: str) -> entities.ResolvedEntity | None:
    """The stored entity of the rows holding blocking key `key`."""
    row = conn.execute(
        "SELECT l.entity_id FROM entity_keys k JOIN entity_links l ON l.article_id = "
        "k.article_id AND l.local_id = k.local_id WHERE k.key = ? LIMIT 1", (key,)).fetchone()
    return stored_entity(conn, row[0]) if row else None


def stored_entity(conn: sqlite3.Connection, entity_id: str) -> entities.ResolvedEntity:
    """A stored entity with its aliases and roles (no links)."""
    old = entities.ResolvedEntity(*conn.execute(
        "SELECT id, name, type, affiliation, n_articles, n_mentions, first_date, last_date "
        "FROM entities WHERE id = ?", (entity_id,)).fetchone())
    old.aliases = [entities.EntityAlias(a, n) for a, n in conn.execute(
        "SELECT alias, n_articles FROM entity_aliases WHERE entity_id = ?", (old.id,))]
    old.roles = [entities.EntityRole(*r) for r in conn.execute(
        "SELECT title, first_date, last_date, n_articles FROM entity_roles "
        "WHERE entity_id = ?", (old.id,))]
    return old


def variants(conn: sqlite3.Connection, entity_id: str) -> list[entities.Variant]:
    return [entities.Variant(n, aff or None, json.loads(roles), k)
            for n, aff, roles, k in conn.execute(
        "SELECT name, affiliation, roles, n FROM entity_variants WHERE entity_id = ?",
        (entity_id,))]


def _shared(conn: sqlite3.Connection, entity_id: str) -> bool:
    """Whether another entity's id comes from the same name (then the two are told apart
    by the order they sort in, and are re-clustered together)."""
    return conn.execute("SELECT 1 FROM entity_name_ids WHERE name_id = ? AND entity_id != ? "
                        "LIMIT 1", (entity_id, entity_id)).fetchone() is not None


def save_grown(conn: sqlite3.Connection, e: entities.ResolvedEntity) -> None:
    """Replace a grown entity's row, aliases and roles; link its new rows."""
    conn.execute("UPDATE entities SET name = ?, affiliation = ?, n_articles = ?, "
                 "n_mentions = ?, first_date = ?, last_date = ? WHERE id = ?",
                 (e.name, e.affiliation, e.n_articles, e.n_mentions, e.first_date,
                  e.last_date, e.id))
    conn.execute("DELETE FROM entity_aliases WHERE entity_id = ?", (e.id,))
    conn.execute("DELETE FROM entity_roles WHERE entity_id = ?", (e.id,))
    conn.executemany("INSERT INTO entity_aliases(entity_id, alias, n_articles) VALUES (?,?,?)",
                     [(e.id, a.alias, a.n_articles) for a in e.aliases])
    conn.executemany("INSERT INTO entity_roles(entity_id, title, first_date, last_date, "
                     "n_articles) VALUES (?,?,?,?,?)",
                     [(e.id, r.title, r.first_date, r.last_date, r.n_articles)
                      for r in e.roles])
    conn.executemany("INSERT INTO entity_links(article_id, local_id, entity_id) "
                     "VALUES (?,?,?)", [(r.article_id, r.local_id, e.id) for r in e.links])
    conn.executemany("INSERT INTO entity_variants(entity_id, name, affiliation, roles, n) "
                     "SELECT ?, name, COALESCE(affiliation, ''), roles, 1 FROM article_entities "
                     "WHERE article_id = ? AND local_id = ? ON CONFLICT DO UPDATE SET n = n + 1",
                     [(e.id, r.article_id, r.local_id) for r in e.links])


def note(conn: sqlite3.Connection, old: entities.ResolvedEntity,
          grown: entities.ResolvedEntity, changes: Changes) -> None:
    """Event actors resolve through an entity's name and country, and through its aliases."""
    changes.refs |= {(r.article_id, r.local_id) for r in grown.links}
    if (old.name, old.affiliation) != (grown.name, grown.affiliation):
        changes.refs |= set(conn.execute(
            "SELECT article_id, local_id FROM entity_links WHERE entity_id = ?", (old.id,)))
    had = {fold(a.alias) for a in old.aliases}
    changes.aliases |= {fold(a.alias) for a in grown.aliases} - had
