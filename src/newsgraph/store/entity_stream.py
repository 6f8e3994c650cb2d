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
read (which slice each row is in is noted in one pass). The tables are the ones resolving
every row at once gives. Repeated strings of the rows (article ids, dates, types,
countries) are read as one object each. People are still read all at once: their clusters
reach across names.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterator

from newsgraph.resolve import entities
from newsgraph.resolve.countries import canonical_country
from newsgraph.resolve.people import Row as EntityRow

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


def assign_slices(conn: sqlite3.Connection, slices: dict[str, int]) -> None:
    """Note in temp.entity_slices each per-article entity's resolved type and slice (of
    `slices` by type), in one pass over the rows."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS entity_slices (article_id TEXT NOT NULL, "
                 "local_id TEXT NOT NULL, type TEXT NOT NULL, part INTEGER NOT NULL, "
                 "PRIMARY KEY (type, part, article_id, local_id)) WITHOUT ROWID")
    conn.execute("DELETE FROM temp.entity_slices")
    rows = conn.execute("SELECT article_id, local_id, name, type FROM article_entities")
    conn.executemany("INSERT INTO temp.entity_slices VALUES (?,?,?,?)", (
        (aid, lid, typ, _slice_of(typ, name, slices.get(typ, 1)))
        for aid, lid, name, t in rows for typ in (resolved_type(t, name),)))


def rows_of_slice(conn: sqlite3.Connection, typ: str, part: int = 0) -> Iterator[EntityRow]:
    """The per-article entities resolved as `typ` in slice `part` (`assign_slices`), in the
    order of a full rebuild."""
    shared: dict[str, str] = {}

    def one(s: str | None) -> str | None:
        return None if s is None else shared.setdefault(s, s)

    for aid, lid, name, t, aff, roles, n, published in conn.execute(
            "SELECT e.article_id, e.local_id, e.name, e.type, e.affiliation, e.roles, "
            "e.n_mentions, a.published FROM temp.entity_slices s CROSS JOIN article_entities "
            "e ON e.article_id = s.article_id AND e.local_id = s.local_id "
            "JOIN articles a ON a.id = e.article_id WHERE s.type = ? AND s.part = ?" + _ORDER,
            (typ, part)):
        yield EntityRow(one(aid) or "", one(lid) or "", name, one(t) or "", one(aff),
                        json.loads(roles), n, one(published))


def rebuild_entities(conn: sqlite3.Connection) -> int:
    """Resolve and save every entity, a slice of one resolved type at a time; returns how
    many."""
    from newsgraph.store import incremental, person_forms, resolved

    saved = 0
    slices = _slices(conn)
    assign_slices(conn, dict(slices))
    for typ, n in slices:
        for part in range(n):
            rows = list(rows_of_slice(conn, typ, part))
            found = entities.resolve_entities(rows)
            resolved.save_entities(conn, found)
            incremental.save_keys(conn, rows)
            incremental.save_name_keys(conn, found)
            person_forms.save_all(conn, rows, found)
            saved += len(found)
            del rows, found
    conn.execute("DELETE FROM temp.entity_slices")
    return saved
