"""People across the whole demo corpus: the 30 most mentioned are neither split nor merged.

Input: every PERSON entity the annotation pipeline found in the 2,000 corpus releases
(`fixtures/graph/corpus-people.jsonl.gz`, frozen so the test needs no spaCy). Gold: a
hand-made list of those 30 people and the name forms that refer to each
(`fixtures/graph/people-gold.json`).
"""

from __future__ import annotations

import gzip
import json

import pytest

from newsgraph.store import Store
from paths import FIXTURES

GRAPH = FIXTURES / "graph"


@pytest.fixture(scope="module")
def store() -> Store:  # type: ignore[misc]
    st = Store()
    with gzip.open(GRAPH / "corpus-people.jsonl.gz", "rt", encoding="utf-8") as fh, \
            st.transaction() as conn:
        for line in fh:
            a = json.loads(line)
            conn.execute("INSERT INTO articles(id, content_hash, published, text, ingested_at) "
                         "VALUES (?, ?, ?, '', '')", (a["id"], a["id"], a["published"]))
            conn.executemany(
                "INSERT INTO article_entities(article_id, local_id, name, type, affiliation, "
                "roles, n_mentions) VALUES (?, ?, ?, 'PERSON', ?, ?, ?)",
                [(a["id"], lid, name, aff, json.dumps(roles), n)
                 for lid, name, aff, roles, n in a["people"]])
    st.resolve()
    yield st
    st.close()


def _gold() -> list[dict]:  # type: ignore[type-arg]
    return json.loads((GRAPH / "people-gold.json").read_text())["people"]  # type: ignore[no-any-return]


def _entities_of(store: Store, forms: list[str]) -> dict[str, set[str]]:
    """form -> the corpus entities its rows were resolved to."""
    out: dict[str, set[str]] = {}
    for form in forms:
        out[form] = {r[0] for r in store.conn.execute(
            "SELECT DISTINCT l.entity_id FROM article_entities e JOIN entity_links l "
            "ON l.article_id = e.article_id AND l.local_id = e.local_id WHERE e.name = ?",
            (form,))}
    return out


@pytest.mark.parametrize("person", _gold(), ids=lambda p: p["person"])
def test_no_person_is_split(store: Store, person: dict) -> None:  # type: ignore[type-arg]
    by_form = _entities_of(store, person["forms"])
    assert all(by_form.values()), f"forms not in the corpus: {by_form}"
    entities = set().union(*by_form.values())
    assert len(entities) == 1, by_form


def test_no_two_people_are_merged(store: Store) -> None:
    owner: dict[str, str] = {}
    for person in _gold():
        for entity in set().union(*_entities_of(store, person["forms"]).values()):
            assert entity not in owner, f"{person['person']} merged with {owner[entity]}"
            owner[entity] = person["person"]


def test_the_gold_people_are_the_most_mentioned(store: Store) -> None:
    """No gold person is lost to a split: one whose gold forms alone are mentioned more
    than the 40th person is among the 40. (Forms the gold leaves out as ambiguous, such as
    a lone "Matt", may go either way and are not counted.)"""
    ranked = store.conn.execute("SELECT id, n_mentions FROM entities WHERE type = 'PERSON' "
                                "ORDER BY n_mentions DESC LIMIT 40").fetchall()
    top, floor = {r[0] for r in ranked}, ranked[-1][1]
    checked = 0
    for person in _gold():
        (entity,) = set().union(*_entities_of(store, person["forms"]).values())
        marks = ",".join("?" * len(person["forms"]))
        own = store.conn.execute("SELECT sum(n_mentions) FROM article_entities WHERE name IN "
                                 f"({marks})", person["forms"]).fetchone()[0] or 0
        if own > floor:
            checked += 1
            assert entity in top, person["person"]
    assert checked >= 25
