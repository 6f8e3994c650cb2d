"""The WHERE builder: conditions and parameters in step, None leaves a filter out."""

from __future__ import annotations

import sqlite3

import pytest

from newsgraph.store.sql import LIKE, MAX_LIMIT, PAGE, Where, alias_exists, like


def test_no_conditions_match_everything() -> None:
    w = Where()
    assert w.sql() == "1=1" and w.params == []


def test_conditions_join_with_and_and_keep_parameter_order() -> None:
    w = Where().eq("e.type", "PERSON").gte("d", "2024-01-01").lte("d", "2024-12-31")
    assert w.sql() == "e.type = ? AND d >= ? AND d <= ?"
    assert w.params == ["PERSON", "2024-01-01", "2024-12-31"]


def test_none_leaves_a_filter_out_but_empty_values_do_not() -> None:
    w = Where().eq("a", None).gte("b", None).lte("c", None).in_("d", None).like(None, "e")
    assert w.clauses == [] and w.params == []
    w = Where().eq("a", "").in_("d", [])
    assert w.sql() == "a = ? AND d IN (NULL)" and w.params == [""]


def test_in_lists_one_placeholder_per_value() -> None:
    w = Where().in_("ev.modality", ("occurred", "ongoing"))
    assert w.sql() == "ev.modality IN (?,?)" and w.params == ["occurred", "ongoing"]


def test_like_binds_one_escaped_pattern_per_term() -> None:
    w = Where().like("50%_off", "e.name", alias_exists("entity_aliases", "entity_id", "e.id"))
    assert w.sql() == (f"(e.name {LIKE} OR EXISTS (SELECT 1 FROM entity_aliases x WHERE "
                       f"x.entity_id = e.id AND x.alias {LIKE}))")
    assert w.params == [like("50%_off")] * 2 == ["%50\\%\\_off%"] * 2


def test_add_takes_a_written_condition() -> None:
    w = Where().eq("a", 1).add("(b = ? OR c IN (?,?))", 2, 3, 4).add("q.is_question = 0")
    assert w.sql() == "a = ? AND (b = ? OR c IN (?,?)) AND q.is_question = 0"
    assert w.params == [1, 2, 3, 4]


def test_paged_appends_clamped_limit_and_offset() -> None:
    w = Where().eq("a", 1)
    assert w.paged(20, 40) == [1, 20, 40]
    assert w.paged(10**9, -5) == [1, MAX_LIMIT, 0]
    assert w.params == [1]   # the conditions' own parameters are untouched


@pytest.fixture
def conn() -> sqlite3.Connection:
    c = sqlite3.connect(":memory:")
    c.execute("CREATE TABLE t (id INTEGER, name TEXT, d TEXT)")
    c.executemany("INSERT INTO t VALUES (?,?,?)", [
        (1, "Blinken", "2024-01-02"), (2, "blinken_x", None), (3, "50% Off", "2024-03-01"),
        (4, "Jaishankar", "2023-12-31")])
    return c


def _ids(conn: sqlite3.Connection, w: Where, limit: int = 50, offset: int = 0) -> list[int]:
    return [r[0] for r in conn.execute(
        f"SELECT id FROM t WHERE {w.sql()} ORDER BY id {PAGE}", w.paged(limit, offset))]


def test_the_sql_runs_as_meant(conn: sqlite3.Connection) -> None:
    assert _ids(conn, Where()) == [1, 2, 3, 4]
    assert _ids(conn, Where().like("BLINKEN", "name")) == [1, 2]   # ASCII case folds
    assert _ids(conn, Where().like("n_", "name")) == [2]           # "_" is a character
    assert _ids(conn, Where().like("50%", "name")) == [3]
    assert _ids(conn, Where().gte("d", "2024-01-01")) == [1, 3]    # NULL never matches
    assert _ids(conn, Where().in_("id", [])) == []
    assert _ids(conn, Where().in_json("id", [4, 2])) == [2, 4]
    assert _ids(conn, Where(), limit=2, offset=1) == [2, 3]
