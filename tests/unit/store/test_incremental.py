"""Incremental resolution ends with exactly the tables a full rebuild gives, for any order and
batching of the same articles.

Two inputs: the people of a sample of the demo corpus (`fixtures/graph/corpus-people.jsonl.gz`,
the PERSON entities the pipeline found, frozen), where the entity clusters and ids are the
hard part; and the hand-built articles of `graph_samples` (events, agreements, commitments,
wire copies), where every resolved table has rows.
"""

from __future__ import annotations

import gzip
import json
import random
import sqlite3
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph_samples import agreement_articles, event_articles
from newsgraph.record import Article
from newsgraph.store import Store
from newsgraph.store.migrations import RESOLVED_TABLES, STATE_TABLES
from paths import FIXTURES

People = list[dict[str, Any]]


def _people_sample(n: int, seed: int) -> People:
    with gzip.open(FIXTURES / "graph" / "corpus-people.jsonl.gz", "rt", encoding="utf-8") as fh:
        arts = [json.loads(line) for line in fh]
    return random.Random(seed).sample(arts, n)


PEOPLE = _people_sample(150, 7)


def _add_people(st_: Store, arts: People) -> None:
    with st_.transaction() as conn:
        for a in arts:
            conn.execute("INSERT INTO articles(id, content_hash, published, text, ingested_at) "
                         "VALUES (?, ?, ?, '', '')", (a["id"], a["id"], a["published"]))
            conn.executemany(
                "INSERT INTO article_entities(article_id, local_id, name, type, affiliation, "
                "roles, n_mentions) VALUES (?, ?, ?, 'PERSON', ?, ?, ?)",
                [(a["id"], lid, name, aff, json.dumps(roles), n)
                 for lid, name, aff, roles, n in a["people"]])


def tables(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
            for t in RESOLVED_TABLES + STATE_TABLES}


def _batches(items: list[Any], order: list[int], cuts: list[int]) -> list[list[Any]]:
    shuffled = [items[i] for i in order]
    bounds = sorted({0, len(items), *(c % len(items) for c in cuts)})
    return [shuffled[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def _incremental_and_full(st_: Store) -> tuple[dict[str, list[tuple[Any, ...]]],
                                               dict[str, list[tuple[Any, ...]]]]:
    """The tables as the increments left them, then as a full rebuild of the same store
    gives them (row ids of per-article rows follow the order articles were stored in, so
    a rebuild is compared on the same rows)."""
    got = tables(st_.conn)
    st_.resolve(full=True)
    return got, tables(st_.conn)


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(order=st.permutations(range(len(PEOPLE))),
       cuts=st.lists(st.integers(0, 10_000), min_size=1, max_size=6))
def test_people_in_any_batching_end_as_one_rebuild(order: list[int], cuts: list[int]) -> None:
    with Store() as inc:
        for batch in _batches(PEOPLE, order, cuts):
            _add_people(inc, batch)
            inc.resolve()
        got, expected = _incremental_and_full(inc)
    assert expected["entities"], "the sample resolves to no entity"
    for table, rows in expected.items():
        assert got[table] == rows, table


def _articles() -> list[Article]:
    return event_articles() + agreement_articles()


@settings(max_examples=10, deadline=None)
@given(order=st.permutations(range(len(_articles()))),
       cuts=st.lists(st.integers(0, 100), min_size=1, max_size=5))
def test_every_table_in_any_batching_ends_as_one_rebuild(order: list[int],
                                                          cuts: list[int]) -> None:
    with Store() as inc:
        for batch in _batches(_articles(), order, cuts):
            inc.write_articles(batch)
            inc.resolve()
        got, expected = _incremental_and_full(inc)
    for table in ("events", "agreements", "commitments", "duplicates", "entities"):
        assert expected[table], f"the sample has no {table}"
    for table, rows in expected.items():
        assert got[table] == rows, table


def test_a_rebuild_after_increments_changes_nothing() -> None:
    with Store() as st_:
        _add_people(st_, PEOPLE[:100])
        st_.resolve()
        _add_people(st_, PEOPLE[100:])
        st_.resolve()
        before = tables(st_.conn)
        assert st_.resolve().counts["entities"] == len(before["entities"])  # nothing new
        st_.resolve(full=True)
        assert tables(st_.conn) == before


STORY = ("The two ministers met in the capital on Monday to review the partnership and agreed "
         "to hold the next round of talks on trade, energy and maritime security in the autumn "
         "after officials finish their work on the text.")


def test_copies_that_become_boilerplate_are_found_again(monkeypatch: Any) -> None:
    """A sketch value shared by more articles than MAX_POSTING stops counting as evidence:
    a new copy can undo the copies found before, as a rebuild would."""
    from graph_fixtures import build
    from newsgraph.resolve import dedup

    monkeypatch.setattr(dedup, "MAX_POSTING", 2)
    first = [build(STORY, "2022-01-03"), build(STORY + " Reporting by the desk.", "2022-01-04")]
    with Store() as st_:
        st_.write_articles(first)
        st_.resolve()
        assert st_.conn.execute("SELECT count(*) FROM duplicates").fetchone()[0] == 1
        st_.write_articles([build(STORY + " Edited by the desk.", "2022-01-05")])
        st_.resolve()
        got, expected = _incremental_and_full(st_)
    assert got["duplicates"] == expected["duplicates"] == []


def test_a_new_person_touches_nothing_else() -> None:
    """An article naming someone no stored name is close to reaches only its own entity;
    every stored entity keeps its id and rows."""
    from newsgraph.store import incremental

    new = {"id": "zz-new", "published": "2030-01-01",
           "people": [["e1", "Ottoline Vasquez-Brightwater", None, [], 2]]}
    with Store() as st_:
        _add_people(st_, PEOPLE)
        st_.resolve()
        before = tables(st_.conn)
        _add_people(st_, [new])
        with st_.transaction() as conn:
            incremental.save_keys(conn, incremental.load_new_entity_rows(conn, ["zz-new"]))
            assert incremental.component(conn, {("zz-new", "e1")}) == {("zz-new", "e1")}
        st_.resolve()
        after = tables(st_.conn)
    assert set(before["entities"]) < set(after["entities"])
    assert len(after["entities"]) == len(before["entities"]) + 1
    assert set(before["entity_links"]) < set(after["entity_links"])


def test_the_growth_state_follows_from_the_resolved_tables() -> None:
    """Entities resolved elsewhere (and loaded) get the state a rebuild would have written."""
    from newsgraph.store import person_forms

    with Store() as st:
        _add_people(st, PEOPLE[:60])
        st.resolve(full=True)
        state = ("person_forms", "person_form_keys", "person_form_rows", "entity_variants",
                 "entity_name_ids")
        before = {t: v for t, v in tables(st.conn).items() if t in state}
        assert all(before.values())
        with st.transaction() as conn:
            person_forms.fill_state(conn)
        assert {t: v for t, v in tables(st.conn).items() if t in state} == before
