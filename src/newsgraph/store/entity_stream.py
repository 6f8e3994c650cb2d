"""Every entity rebuilt a slice at a time, so the rows of only one slice are held at once.

Entities of different types never interact: people are clustered among people
(`resolve.people`), other entities merge only within their group (type and normalised
name, countries as GPE whatever their tag), and an entity's id is derived from its type and
name (`resolve.entities`), so two clusters can share an id only within one type. Within a
type other than people, only groups whose names give the same id interact (they are told
apart by the order they sort in), and every row of a group gives its group's id. So the
per-article entities are read one resolved type at a time (in the order `entities_of`
stores them: by type), the types other than people in slices by that id, resolved with the
same functions, and saved with their blocking keys and name forms before the next slice is
read. The tables are the ones resolving every row at once gives. Repeated strings of the
rows (article ids, dates, types, countries) are read as one object each. People are still
read all at once: their clusters reach across names.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterator

from newsgraph.resolve import entities
from newsgraph.resolve.countries import canonical_country
from newsgraph.resolve.people import Row as EntityRow

_SELECT = ("SELECT e.article_id, e.local_id, e.name, e.type, e.affiliation, e.roles, "
           "e.n_mentions, a.published FROM article_entities e "
           "JOIN articles a ON a.id = e.article_id")
_ORDER = " ORDER BY a.published, e.article_id, e.local_id"
SLICE_ROWS = 50_000   # rows of one type (other than people) resolved at a time


def resolved_type(typ: str, name: str) -> str:
    """The type a per-article entity is resolved as (`entities.clusters_of`)."""
    if canonical_country(name):
        return "GPE"
    return "GPE" if typ in ("GPE", "LOC") else typ


def _slices(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """(resolved type, how many slices) in the order their entities are stored: people in
    one slice, other types in slices of about SLICE_ROWS rows (counted by their tags)."""
    tagged: dict[str, int] = {}
    for t, n in conn.execute("SELECT type, count(*) FROM article_entities GROUP BY type"):
        typ = resolved_type(t, "")
        tagged[typ] = tagged.get(typ, 0) + n
    if tagged:
        tagged.setdefault("GPE", 0)
    return [(t, 1 if t == "PERSON" else max(1, -(-n // SLICE_ROWS)))
            for t, n in sorted(tagged.items())]


def _slice_of(typ: str, name: str, slices: int) -> int:
    """Which slice a non-person row is read in: by the id its name gives (`entities.name_id`;
    every row of a group gives its group's, and only clusters sharing it interact)."""
    if slices == 1:
        return 0
    shown = canonical_country(name) or name.strip()
    return zlib.crc32(entities.name_id(typ, shown).encode()) % slices


def rows_of_type(conn: sqlite3.Connection, typ: str, part: int = 0, slices: int = 1
                 ) -> Iterator[EntityRow]:
    """The per-article entities resolved as `typ` (of slice `part` of `slices`), in the
    order of a full rebuild (a country can carry any tag, so GPE reads every row)."""
    shared: dict[str, str] = {}

    def one(s: str | None) -> str | None:
        return None if s is None else shared.setdefault(s, s)

    cursor = conn.execute(_SELECT + _ORDER) if typ == "GPE" else conn.execute(
        _SELECT + " WHERE e.type = ?" + _ORDER, (typ,))
    for aid, lid, name, t, aff, roles, n, published in cursor:
        if resolved_type(t, name) != typ or _slice_of(typ, name, slices) != part:
            continue
        yield EntityRow(one(aid) or "", one(lid) or "", name, one(t) or "", one(aff),
                        json.loads(roles), n, one(published))


def rebuild_entities(conn: sqlite3.Connection) -> int:
    """Resolve and save every entity, a slice of one resolved type at a time; returns how
    many."""
    from newsgraph.store import incremental, person_forms, resolved

    saved = 0
    for typ, slices in _slices(conn):
        for part in range(slices):
            rows = list(rows_of_type(conn, typ, part, slices))
            found = entities.resolve_entities(rows)
            resolved.save_entities(conn, found)
            incremental.save_keys(conn, rows)
            incremental.save_name_keys(conn, found)
            person_forms.save_all(conn, rows, found)
            saved += len(found)
            del rows, found
    return saved
