"""A full rebuild resolves the entities a slice of one resolved type at a time
(`store.entity_stream`); the tables are those of resolving every row at once."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

import pytest

from graph_samples import agreement_articles, event_articles
from newsgraph.resolve import entities
from newsgraph.store import Store, entity_stream, incremental, person_forms, resolved
from newsgraph.store.migrations import RESOLVED_TABLES, STATE_TABLES

# (article, date, name, tag, country): a country tagged PERSON and ORG, a place tagged
# GPE and LOC, people sharing a surname, an organisation named like a person
ROWS = [("a1", "2023-03-01", "Maria Lopez", "PERSON", "Spain"),
        ("a1", "2023-03-01", "France", "PERSON", None),
        ("a1", "2023-03-01", "Ebro Valley", "LOC", None),
        ("a2", "2023-03-02", "Lopez", "PERSON", None),
        ("a2", "2023-03-02", "Ebro Valley", "GPE", None),
        ("a2", "2023-03-02", "France", "ORG", None),
        ("a3", None, "Carlos Lopez", "PERSON", "Mexico"),
        ("a3", None, "Lopez Foundation", "ORG", None),
        ("a3", None, "Lopez", "ORG", None)]

TABLES = RESOLVED_TABLES + STATE_TABLES


def _add(conn: sqlite3.Connection) -> None:
    for i, (aid, date, name, tag, aff) in enumerate(ROWS):
        conn.execute("INSERT OR IGNORE INTO articles(id, content_hash, published, text, "
                     "ingested_at) VALUES (?, ?, ?, '', '')", (aid, aid, date))
        conn.execute("INSERT INTO article_entities(article_id, local_id, name, type, "
                     "affiliation, roles, n_mentions) VALUES (?, ?, ?, ?, ?, ?, 1)",
                     (aid, f"e{i}", name, tag, aff, json.dumps([])))


def _tables(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
            for t in TABLES}


def _one_pass(conn: sqlite3.Connection) -> int:
    rows = resolved.load_entity_rows(conn)
    found = entities.resolve_entities(rows)
    resolved.save_entities(conn, found)
    incremental.save_keys(conn, rows)
    incremental.save_name_keys(conn, found)
    person_forms.save_all(conn, rows, found)
    return len(found)


def _rebuilt() -> dict[str, list[tuple[Any, ...]]]:
    with Store() as st:
        st.write_articles(event_articles() + agreement_articles())
        with st.transaction() as conn:
            _add(conn)
        st.resolve(full=True)
        return _tables(st.conn)


@pytest.mark.parametrize("rows", [1, 3, 50_000])
def test_slices_give_the_entities_of_one_pass(rows: int, monkeypatch: Any) -> None:
    monkeypatch.setattr(entity_stream, "SLICE_ROWS", rows)
    streamed = _rebuilt()
    monkeypatch.setattr(entity_stream, "rebuild_entities", _one_pass)
    assert _rebuilt() == streamed
    assert len(streamed["entities"]) >= 10 and streamed["person_forms"]
    assert len(streamed["events"]) >= 3


def test_a_country_is_read_with_the_places_whatever_its_tag() -> None:
    with Store() as st:
        with st.transaction() as conn:
            _add(conn)
            entity_stream.assign_slices(conn, {})
            gpe = [r.name for r in entity_stream.rows_of_slice(conn, "GPE")]
            people = [r.name for r in entity_stream.rows_of_slice(conn, "PERSON")]
            orgs = [r.name for r in entity_stream.rows_of_slice(conn, "ORG")]
    assert gpe == ["France", "Ebro Valley", "Ebro Valley", "France"]
    assert people == ["Carlos Lopez", "Maria Lopez", "Lopez"]   # undated first
    assert sorted(orgs) == ["Lopez", "Lopez Foundation"]


def test_a_group_is_read_in_one_slice() -> None:
    with Store() as st:
        with st.transaction() as conn:
            _add(conn)
            entity_stream.assign_slices(conn, {"GPE": 7})
            parts = [[r.local_id for r in entity_stream.rows_of_slice(conn, "GPE", p)]
                     for p in range(7)]
    assert sorted(x for p in parts for x in p) == ["e1", "e2", "e4", "e5"]
    assert any(set(p) == {"e1", "e5"} for p in parts)   # France, tagged PERSON and ORG
    assert any(set(p) >= {"e2", "e4"} for p in parts)   # Ebro Valley, as GPE and LOC
