"""The SQLite store: migrations, WAL, idempotent writes, FTS, the read API."""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from pathlib import Path
from typing import Any

import pytest

from graph_fixtures import Ent, Qt, build
from newsgraph.record import Article
from newsgraph.store import Store, StoreError
from newsgraph.store.migrations import MIGRATIONS, applied
from newsgraph.store.sql import fts_query

TEXT = ("External Affairs Minister S. Jaishankar met Defense Secretary Pete Hegseth at the "
        "Pentagon. \"Our partnership is central to the Indo-Pacific,\" Jaishankar said.")


def _article(text: str = TEXT, published: str = "2025-07-01", source: str = "a.txt"):
    return build(text, published, source=source, title="Jaishankar meets Hegseth",
                 ents=[Ent("S. Jaishankar", affiliation="India",
                           roles=["External Affairs Minister"]),
                       Ent("Pete Hegseth", affiliation="United States",
                           roles=["Secretary of Defense"]),
                       Ent("Pentagon", "FAC")],
                 quotes=[Qt("Our partnership is central to the Indo-Pacific,", "S. Jaishankar")])


def test_migrations_are_named_recorded_and_applied_once(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    with Store(db) as st:
        assert applied(st.conn) == [m.name for m in MIGRATIONS]
        assert st.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with Store(db) as st:  # reopening runs nothing again
        assert st.conn.execute("SELECT count(*) FROM migrations").fetchone()[0] == len(MIGRATIONS)


def test_same_article_twice_adds_nothing(tmp_path: Path) -> None:
    with Store(tmp_path / "g.db") as st:
        first = st.write_articles([_article()])
        st.resolve()
        before = st.stats().tables
        again = st.write_articles([_article()])
        st.resolve()
        assert first[0].added and not again[0].added
        assert st.stats().tables == before
        # the same text read from another input is recorded as a source, not a new article
        other = st.write_articles([_article(source="b.txt")])
        assert not other[0].added and other[0].new_source
        assert st.stats().tables["articles"] == 1
        assert st.stats().tables["article_sources"] == 2


def test_article_round_trip() -> None:
    art = _article()
    with Store() as st:
        st.write_articles([art])
        st.resolve()
        view = st.article(art.id)
    assert view is not None
    got = view.article.to_dict()
    want = art.to_dict()
    assert got == want
    assert set(view.entity_links) == {"e1", "e2", "e3"}
    assert view.sources == ["a.txt"]


def _filled(tp: Any, name: str = "x") -> Any:
    """A value for every field of a record type, none of them a default: a field added to
    the record and not stored makes the round trip below fail."""
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        hints = typing.get_type_hints(tp)
        return tp(**{f.name: _filled(hints[f.name], f.name) for f in dataclasses.fields(tp)})
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return _filled(next(a for a in args if a is not type(None)), name)
    if origin is typing.Literal:
        return args[-1]
    if origin is list:
        if args and args[0] is int:  # a span
            return [1, 5]
        return [_filled(args[0], name)] if args else []
    if tp is str:
        return f"{name}-value"
    if tp in _SCALARS:
        return _SCALARS[tp]
    raise TypeError(tp)


_SCALARS: dict[Any, Any] = {dt.date: dt.date(2025, 7, 1), bool: True, int: 7, float: 0.5}


def test_every_field_of_the_record_survives_the_store() -> None:
    art = _filled(Article)
    art.id = Article.make_id(art.text)
    art.quotes[0].speaker_id = art.entities[0].id
    art.published = "2025-07-01"
    with Store() as st:
        st.write_articles([art])
        view = st.article(art.id)
    assert view is not None
    assert view.article.to_dict() == art.to_dict()


def test_full_text_search_and_quotes() -> None:
    with Store() as st:
        st.write_articles([_article(), build("Nothing about the region here at all.",
                                             "2025-07-02")])
        st.resolve()
        hits = st.search("Indo-Pacific")
        assert [h.id for h in hits] == [_article().id]
        assert "[" in hits[0].snippet
        # operators and quotes typed by a user are searched as text, never a syntax error
        assert st.search('"unbalanced AND (') == []
        quotes = st.quotes(speaker="Jaishankar", q="Indo-Pacific")
        assert len(quotes) == 1 and quotes[0].speaker == "S. Jaishankar"
        assert quotes[0].speaker_entity_id is not None
        assert st.quotes(speaker="Hegseth") == []


def test_pagination_is_bounded() -> None:
    arts = [_article(f"Article number {i} mentions Pete Hegseth.", f"2025-01-{i + 1:02d}",
                     f"{i}.txt") for i in range(5)]
    with Store() as st:
        st.write_articles(arts)
        st.resolve()
        page1 = st.articles(limit=2)
        page2 = st.articles(limit=2, offset=2)
        assert [a.published for a in page1] == ["2025-01-05", "2025-01-04"]
        assert [a.published for a in page2] == ["2025-01-03", "2025-01-02"]
        assert len(st.articles(limit=10**9)) == 5


def test_readonly_store(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    with Store(db) as st:
        st.write_articles([_article()])
        st.resolve()
    with Store(db, readonly=True) as ro:
        assert ro.entity("Pete Hegseth") is not None
        with pytest.raises(StoreError):
            ro.write_articles([_article(source="x")])
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "missing.db", readonly=True)


def test_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="bad.db"):
        Store(bad)


def test_failed_write_rolls_back() -> None:
    with Store() as st:
        broken = _article()
        broken.quotes[0].kind = None  # type: ignore[assignment]  # violates NOT NULL
        with pytest.raises(Exception):  # noqa: B017 - any database error
            st.write_articles([_article("Another text about Hegseth.", "2025-07-03"), broken])
        assert st.stats().tables["articles"] == 0


@pytest.mark.parametrize("text,query", [("Indo-Pacific", '"Indo-Pacific"'),
                                        ('say "hi"', '"say" """hi"""'), ("  ", "")])
def test_fts_query_quotes_words(text: str, query: str) -> None:
    assert fts_query(text) == query


def test_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "no" / "such" / "g.db")


def test_entity_page_says_where_the_country_comes_from() -> None:
    art = _article()
    hegseth = next(e for e in art.entities if e.name == "Pete Hegseth")
    hegseth.affiliation_source, hegseth.organisation = "role", "Department of Defense"
    other = _article(TEXT.replace("Pentagon", "White House"), source="b.txt")
    again = next(e for e in other.entities if e.name == "Pete Hegseth")
    again.affiliation_source, again.party = "party", "Republican"
    with Store() as st:
        st.write_articles([art, other])
        st.resolve()
        detail = st.entity("Pete Hegseth")
    assert detail is not None
    assert {(a.affiliation, a.source, a.n_articles) for a in detail.affiliations} == {
        ("United States", "role", 1), ("United States", "party", 1)}
    assert detail.organisations == ["Department of Defense"]
    assert detail.parties == ["Republican"]
