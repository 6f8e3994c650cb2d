"""People resolved incrementally by name form (`resolve.forms`).

The store keeps every form with its row count, the entity its rows are, its blocking keys
and its rows (`person_forms`, `person_form_keys`, `person_form_rows`). A new article's people
add to the counts of their forms; the forms joined to those by keys (`resolve.blocks`) are
clustered again, which costs in distinct forms, not in rows. Then each cluster is compared
with the stored one: a cluster made of one stored entity's forms (and maybe forms new in
this batch) only grows, and its row, aliases and roles are updated from its counts
(`entities.grow`); a cluster that gained or lost a stored form, or whose name's id is
another entity's too, is built again from its rows, together with every stored entity whose
id comes from the same name (they are told apart by the order they sort in). The result is
the tables a full rebuild gives.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field

from newsgraph.resolve import entities, forms, people
from newsgraph.resolve.blocks import is_person, name_keys
from newsgraph.resolve.names import parse_person
from newsgraph.resolve.people import Row as EntityRow
from newsgraph.store import entity_growth, event_scope
from newsgraph.store.incremental import _in_chunks

Ref = tuple[str, str]


def form_text(f: forms.Form) -> str:
    return json.dumps(list(f), ensure_ascii=False)


def form_of(text: str) -> forms.Form:
    g, s, c, t, h = json.loads(text)
    return forms.Form(tuple(g), s, c, tuple(t), tuple(h))


def named_people(rows: list[EntityRow]) -> tuple[list[EntityRow], list[str]]:
    """The rows resolved as people that have a surname, and their forms (as text)."""
    out = [r for r in rows if is_person(r.type, r.name)]
    for r in out:
        r.parse = r.parse or parse_person(r.name)
    out = [r for r in out if r.parse and r.parse.surname]
    return out, [form_text(f) for f in people.row_forms(out)]


def _add(conn: sqlite3.Connection, rows: list[EntityRow], texts: list[str]) -> None:
    counts = Counter(texts)
    have = {r[0] for r in _in_chunks(conn, "SELECT form FROM person_forms WHERE form IN ({})",
                                     counts)}
    conn.executemany("INSERT INTO person_forms(form, n) VALUES (?, ?) ON CONFLICT(form) "
                     "DO UPDATE SET n = n + excluded.n", counts.items())
    conn.executemany("INSERT INTO person_form_rows(form, article_id, local_id) VALUES (?,?,?)",
                     [(t, r.article_id, r.local_id) for r, t in zip(rows, texts, strict=True)])
    conn.executemany("INSERT OR IGNORE INTO person_form_keys(key, role, form) VALUES (?,?,?)",
                     [(k, role, t) for t in counts if t not in have
                      for k, role in name_keys(form_of(t).name())])


def save_all(conn: sqlite3.Connection, rows: list[EntityRow],
             found: list[entities.ResolvedEntity]) -> None:
    """The forms of a full rebuild: every person row's, with the entity it was given."""
    named, texts = named_people(rows)
    _add(conn, named, texts)
    of_ref = {(r.article_id, r.local_id): t for r, t in zip(named, texts, strict=True)}
    conn.executemany("UPDATE person_forms SET entity_id = ?, name_id = ? WHERE form = ?",
                     {(e.id, e.name_id, of_ref[(r.article_id, r.local_id)])
                      for e in found if e.type == "PERSON" for r in e.links})


# ------------------------------------------------------------- the component


_TEMP = ("CREATE TEMP TABLE IF NOT EXISTS scope_forms (form TEXT PRIMARY KEY) WITHOUT ROWID",
         "CREATE TEMP TABLE IF NOT EXISTS scope_form_keys (key TEXT PRIMARY KEY) WITHOUT ROWID",
         "CREATE TEMP TABLE IF NOT EXISTS form_frontier (form TEXT PRIMARY KEY) WITHOUT ROWID")


@dataclass
class Stored:
    n: int
    entity_id: str | None
    name_id: str | None


def component(conn: sqlite3.Connection, start: set[str]) -> dict[str, Stored]:
    """Every form joined to `start` by a chain of keys, with what is stored of it."""
    for statement in _TEMP:
        conn.execute(statement)
    for table in ("scope_forms", "scope_form_keys"):
        conn.execute(f"DELETE FROM temp.{table}")
    frontier, seen = set(start), set()
    while frontier:
        seen |= frontier
        conn.execute("DELETE FROM temp.form_frontier")
        conn.executemany("INSERT INTO temp.form_frontier VALUES (?)", ((t,) for t in frontier))
        keys = [r[0] for r in conn.execute(   # CROSS JOIN: the frontier's keys by the index
            "SELECT DISTINCT k.key FROM temp.form_frontier f CROSS JOIN person_form_keys k "
            "ON k.form = f.form WHERE k.key NOT IN (SELECT key FROM temp.scope_form_keys)")]
        conn.executemany("INSERT OR IGNORE INTO temp.scope_form_keys VALUES (?)",
                         ((k,) for k in keys))
        reached = {r[0] for r in _in_chunks(
            conn, "SELECT form FROM person_form_keys WHERE key IN (SELECT key FROM "
                  "person_form_keys WHERE key IN ({}) GROUP BY key HAVING sum(role = 'link') > 0 "
                  "OR (sum(role = 'target') > 0 AND sum(role = 'probe') > 0))", keys)}
        frontier = reached - seen
    return {t: Stored(n, e, i) for t, n, e, i in _in_chunks(
        conn, "SELECT form, n, entity_id, name_id FROM person_forms WHERE form IN ({})", seen)}


# ------------------------------------------------------------------ the plan


@dataclass
class Plan:
    grow: dict[str, set[str]] = field(default_factory=dict)    # entity id -> its forms
    rebuild: list[set[str]] = field(default_factory=list)      # clusters built again


def plan(comp: dict[str, Stored], touched: set[str]) -> Plan:
    """Which clusters of the component only grow, and which are built again."""
    by_entity: dict[str, set[str]] = {}
    for t, s in comp.items():
        if s.entity_id is not None:
            by_entity.setdefault(s.entity_id, set()).add(t)
    out = Plan()
    counts = {form_of(t): s.n for t, s in comp.items()}
    for c in forms.cluster_forms(counts):
        texts = {form_text(f) for f in c.forms}
        olds = {e for e in (comp[t].entity_id for t in texts) if e is not None}
        if len(olds) == 1:
            (x,) = olds
            if by_entity[x] == {t for t in texts if comp[t].entity_id is not None}:
                if texts & touched:
                    out.grow[x] = texts
                continue
        out.rebuild.append(texts)
    return out


# ------------------------------------------------------------------ applying


def resolve_people_new(conn: sqlite3.Connection, added: list[EntityRow],
                       changes: event_scope.Changes) -> None:
    """Resolve the people among the rows of new articles; note in `changes` what event
    actors may now resolve to differently."""
    named, texts = named_people(added)
    if not named:
        return
    _add(conn, named, texts)
    comp = component(conn, set(texts))
    todo = plan(comp, set(texts))
    new_rows: dict[str, list[EntityRow]] = {}
    for r, t in zip(named, texts, strict=True):
        new_rows.setdefault(t, []).append(r)
    grown = _grown(conn, todo, new_rows)
    form_of_ref: dict[Ref, str] = {}
    clusters = _rebuild_set(conn, todo, grown, form_of_ref)
    for x, (old, g) in grown.items():
        entity_growth.save_grown(conn, g)
        entity_growth.note(conn, old, g, changes)
        conn.executemany("UPDATE person_forms SET entity_id = ?, name_id = ? WHERE form = ?",
                         [(x, x, t) for t in todo.grow[x]])
    if clusters:
        _replace(conn, clusters, form_of_ref, changes)


def _grown(conn: sqlite3.Connection, todo: Plan, new_rows: dict[str, list[EntityRow]]
           ) -> dict[str, tuple[entities.ResolvedEntity, entities.ResolvedEntity]]:
    """Entity id -> (stored, grown) for the clusters that keep their id; the others move
    to `todo.rebuild`."""
    out = {}
    for x, texts in list(todo.grow.items()):
        old = entity_growth.stored_entity(conn, x)
        rows = [r for t in sorted(texts) for r in new_rows.get(t, [])]
        g = entities.grow(old, entity_growth.variants(conn, x), rows)
        if g.name_id == x and not _shared(conn, x):
            out[x] = (old, g)
        else:
            todo.rebuild.append(todo.grow.pop(x))
    return out


def _shared(conn: sqlite3.Connection, name_id: str) -> bool:
    """Whether another entity's id comes from the same name."""
    return conn.execute("SELECT 1 FROM person_forms WHERE name_id = ? AND entity_id != ? "
                        "LIMIT 1", (name_id, name_id)).fetchone() is not None


def _rebuild_set(conn: sqlite3.Connection, todo: Plan,
                 grown: dict[str, tuple[entities.ResolvedEntity, entities.ResolvedEntity]],
                 form_of_ref: dict[Ref, str]) -> list[people.Cluster]:
    """The clusters built again, with every stored entity whose id comes from the same
    name as one of them (a grown one then is built again too)."""
    clusters: dict[frozenset[str], people.Cluster] = {}
    pending = [frozenset(t) for t in todo.rebuild]
    while pending:
        for texts in pending:
            clusters[texts] = _cluster(conn, texts, form_of_ref)
        ids = {entities.cluster_name_id(c) for c in clusters.values()}
        olds = {r[0] for r in _in_chunks(conn, "SELECT DISTINCT entity_id FROM person_forms "
                                               "WHERE form IN ({})",
                                         {t for k in clusters for t in k})} - {None}
        pending = []
        for x in {r[0] for r in _in_chunks(conn, "SELECT DISTINCT entity_id FROM "
                                                 "person_forms WHERE name_id IN ({})", ids)}:
            if x in olds or x is None:
                continue
            if x in grown:
                grown.pop(x)
                pending.append(frozenset(todo.grow.pop(x)))
            else:
                pending.append(frozenset(r[0] for r in conn.execute(
                    "SELECT form FROM person_forms WHERE entity_id = ?", (x,))))
        for x in [x for x, (_, g) in grown.items() if g.name_id in ids]:
            grown.pop(x)
            pending.append(frozenset(todo.grow.pop(x)))
    return list(clusters.values())


def _cluster(conn: sqlite3.Connection, texts: frozenset[str], form_of_ref: dict[Ref, str]
             ) -> people.Cluster:
    """The rows of the forms `texts` (in the order a rebuild reads them) as one cluster;
    the form of each row goes into `form_of_ref`."""
    rows: list[EntityRow] = []
    for r in _in_chunks(
            conn, "SELECT e.article_id, e.local_id, e.name, e.type, e.affiliation, e.roles, "
                  "e.n_mentions, a.published, f.form FROM person_form_rows f "
                  "JOIN article_entities e ON e.article_id = f.article_id AND "
                  "e.local_id = f.local_id JOIN articles a ON a.id = e.article_id "
                  "WHERE f.form IN ({})", texts):
        rows.append(EntityRow(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), r[6], r[7],
                              parse_person(r[2])))
        form_of_ref[(r[0], r[1])] = r[8]
    rows.sort(key=lambda x: (x.date or "", x.article_id, x.local_id))
    return people.Cluster("PERSON", rows)


def _replace(conn: sqlite3.Connection, clusters: list[people.Cluster],
             form_of_ref: dict[Ref, str], changes: event_scope.Changes) -> None:
    """Replace the stored entities of the rows of `clusters` by the clusters."""
    from newsgraph.store import resolved  # saving is shared with the full rebuild

    refs = {(r.article_id, r.local_id) for c in clusters for r in c.rows}
    incremental_scope(conn, refs)
    before = event_scope.stored_state(conn)
    found = entities.entities_of(clusters)
    for table, col in (("entity_links", "entity_id"), ("entity_aliases", "entity_id"),
                       ("entity_roles", "entity_id"), ("entity_variants", "entity_id"),
                       ("entity_name_ids", "entity_id"), ("entities", "id")):
        conn.execute(f"DELETE FROM {table} WHERE {col} IN (SELECT id FROM temp.old_entities)")
    resolved.save_entities(conn, found)
    conn.executemany("UPDATE person_forms SET entity_id = ?, name_id = ? WHERE form = ?",
                     {(e.id, e.name_id, form_of_ref[(r.article_id, r.local_id)])
                      for e in found for r in e.links})
    event_scope.entity_changes(before, event_scope.found_state(found), changes)


def incremental_scope(conn: sqlite3.Connection, refs: set[Ref]) -> None:
    """Leave `refs` in temp.scope_entities and their stored entities in temp.old_entities."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS scope_entities (article_id TEXT NOT NULL, "
                 "local_id TEXT NOT NULL, PRIMARY KEY (article_id, local_id)) WITHOUT ROWID")
    conn.execute("DELETE FROM temp.scope_entities")
    conn.executemany("INSERT OR IGNORE INTO temp.scope_entities VALUES (?,?)", refs)
    conn.execute("DROP TABLE IF EXISTS temp.old_entities")
    conn.execute("CREATE TEMP TABLE old_entities AS SELECT DISTINCT l.entity_id AS id "
                 "FROM temp.scope_entities s CROSS JOIN entity_links l "
                 "ON s.article_id = l.article_id AND s.local_id = l.local_id")


def fill_state(conn: sqlite3.Connection) -> list[entities.ResolvedEntity]:
    """Write the state that growing entities and people read (forms, entity variants and
    name ids) from the resolved entity tables as they stand, e.g. loaded from a resolution
    run elsewhere: what a full rebuild would have written with them. Returns the entities
    read, with their links and name ids."""
    from newsgraph.store import resolved

    for table in ("person_forms", "person_form_keys", "person_form_rows", "entity_variants",
                  "entity_name_ids"):
        conn.execute(f"DELETE FROM {table}")
    found = [entities.ResolvedEntity(i, n, t, None, 0, 0, None, None,
                                     name_id=entities.name_id(t, n))
             for i, n, t in conn.execute("SELECT id, name, type FROM entities")]
    by_id = {e.id: e for e in found}
    for a, lid, i in conn.execute("SELECT article_id, local_id, entity_id FROM entity_links"):
        by_id[i].links.append(entities.LocalRef(a, lid))
    save_all(conn, resolved.load_entity_rows(conn), found)
    conn.executemany("INSERT INTO entity_name_ids(entity_id, name_id) VALUES (?,?)",
                     [(e.id, e.name_id) for e in found])
    conn.execute("INSERT INTO entity_variants(entity_id, name, affiliation, roles, n) "
                 "SELECT l.entity_id, e.name, COALESCE(e.affiliation, ''), e.roles, count(*) "
                 "FROM entity_links l JOIN article_entities e ON e.article_id = l.article_id "
                 "AND e.local_id = l.local_id GROUP BY 1, 2, 3, 4")
    return found
