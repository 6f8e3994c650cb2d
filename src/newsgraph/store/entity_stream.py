"""Every entity rebuilt a type at a time, so the rows of only one type are held at once.

Entities of different types never interact: people are clustered among people
(`resolve.people`), other entities merge only within their group (type and normalised
name, countries as GPE whatever their tag), and an entity's id is derived from its type and
name (`resolve.entities`), so two clusters can share an id only within one type. So the
per-article entities are read one resulting type at a time (in the order `entities_of`
stores them: by type), resolved with the same functions, and saved with their blocking keys
and name forms before the next type is read. The tables are the ones resolving every row
at once gives. Repeated strings of the rows (article ids, dates, types, countries) are read
as one object each.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

from newsgraph.resolve import entities
from newsgraph.resolve.countries import canonical_country
from newsgraph.resolve.people import Row as EntityRow

_SELECT = ("SELECT e.article_id, e.local_id, e.name, e.type, e.affiliation, e.roles, "
           "e.n_mentions, a.published FROM article_entities e "
           "JOIN articles a ON a.id = e.article_id")
_ORDER = " ORDER BY a.published, e.article_id, e.local_id"


def resolved_type(typ: str, name: str) -> str:
    """The type a per-article entity is resolved as (`entities.clusters_of`)."""
    if canonical_country(name):
        return "GPE"
    return "GPE" if typ in ("GPE", "LOC") else typ


def _types(conn: sqlite3.Connection) -> list[str]:
    """The resolved types present, in the order their entities are stored."""
    tagged = [r[0] for r in conn.execute("SELECT DISTINCT type FROM article_entities")]
    return sorted({resolved_type(t, "") for t in tagged} | ({"GPE"} if tagged else set()))


def rows_of_type(conn: sqlite3.Connection, typ: str) -> Iterator[EntityRow]:
    """The per-article entities resolved as `typ`, in the order of a full rebuild (a
    country can carry any tag, so GPE reads every row)."""
    shared: dict[str, str] = {}

    def one(s: str | None) -> str | None:
        return None if s is None else shared.setdefault(s, s)

    cursor = conn.execute(_SELECT + _ORDER) if typ == "GPE" else conn.execute(
        _SELECT + " WHERE e.type = ?" + _ORDER, (typ,))
    for aid, lid, name, t, aff, roles, n, published in cursor:
        if resolved_type(t, name) != typ:
            continue
        yield EntityRow(one(aid) or "", one(lid) or "", name, one(t) or "", one(aff),
                        json.loads(roles), n, one(published))


def rebuild_entities(conn: sqlite3.Connection) -> int:
    """Resolve and save every entity, one resolved type at a time; returns how many."""
    from newsgraph.store import incremental, person_forms, resolved

    saved = 0
    for typ in _types(conn):
        rows = list(rows_of_type(conn, typ))
        found = entities.resolve_entities(rows)
        resolved.save_entities(conn, found)
        incremental.save_keys(conn, rows)
        incremental.save_name_keys(conn, found)
        person_forms.save_all(conn, rows, found)
        saved += len(found)
        del rows, found
    return saved
