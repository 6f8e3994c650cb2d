"""Article.language in the store: its migration, the round trip, the language filters."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_fixtures import Ent, Qt, build
from newsgraph.record import Article
from newsgraph.store import Store, migrations
from newsgraph.store.migrations import MIGRATIONS, applied


def _art(text: str, language: str | None, published: str = "2025-07-01") -> Article:
    art = build(text, published, title=text.split(".")[0],
                ents=[Ent("Olaf Scholz", affiliation="Germany")],
                quotes=[Qt("Wir schaffen das gemeinsam mit Partnern,", "Olaf Scholz")])
    art.language = language
    art.language_confidence = 0.97 if language else None
    return art


DE = _art("Olaf Scholz sprach in Berlin über die Partnerschaft. \"Wir schaffen das gemeinsam "
          "mit Partnern,\" sagte Olaf Scholz.", "de", "2025-07-02")
EN = _art("Olaf Scholz spoke in Berlin about the partnership. \"Wir schaffen das gemeinsam "
          "mit Partnern,\" said Olaf Scholz.", "en")
UNKNOWN = _art("Olaf Scholz 2025 Berlin partnership. \"Wir schaffen das gemeinsam mit "
               "Partnern,\" Olaf Scholz.", None, "2025-07-03")


def test_language_and_confidence_survive_the_store() -> None:
    with Store() as st:
        st.write_articles([DE, UNKNOWN])
        de, unknown = st.article(DE.id), st.article(UNKNOWN.id)
    assert de is not None and unknown is not None
    assert (de.article.language, de.article.language_confidence) == ("de", 0.97)
    assert (unknown.article.language, unknown.article.language_confidence) == (None, None)


def test_a_store_from_before_migrates_on_open_with_null_languages(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "old.db"
    before = tuple(m for m in MIGRATIONS if m.name != "0005_article_language")
    with monkeypatch.context() as mp:
        mp.setattr(migrations, "MIGRATIONS", before)
        with Store(db) as old:
            old.conn.execute(
                "INSERT INTO articles(id, content_hash, title, published, text, ingested_at) "
                "VALUES ('a1', 'h', 'Old', '2024-01-01', 'An old article.', '2024-01-01')")
            cols = [r[1] for r in old.conn.execute("PRAGMA table_info(articles)")]
            assert "language" not in cols
    with Store(db) as st:
        assert "0005_article_language" in applied(st.conn)
        view = st.article("a1")
        assert view is not None
        assert (view.article.language, view.article.language_confidence) == (None, None)
        st.write_articles([DE])
        assert [h.id for h in st.articles(language="de")] == [DE.id]


def test_articles_search_and_quotes_filter_by_language() -> None:
    with Store() as st:
        st.write_articles([DE, EN, UNKNOWN])
        st.resolve()
        assert [h.id for h in st.articles()] == [UNKNOWN.id, DE.id, EN.id]
        assert [h.language for h in st.articles()] == [None, "de", "en"]
        assert [h.id for h in st.articles(language="de")] == [DE.id]
        assert [h.id for h in st.articles(language=" DE ")] == [DE.id]  # as typed
        assert st.articles(language="ru") == []
        assert len(st.articles(language="")) == 3  # blank: no filter
        assert {h.id for h in st.search("Scholz")} == {DE.id, EN.id, UNKNOWN.id}
        hits = st.search("Scholz", language="en")
        assert [(h.id, h.language) for h in hits] == [(EN.id, "en")]
        assert [q.article_id for q in st.quotes(language="de")] == [DE.id]
        assert len(st.quotes()) == 3
        assert [(c.language, c.n_articles) for c in st.languages()] == [("de", 1), ("en", 1)]
        ent = st.entity("Olaf Scholz")
        assert ent is not None and {a.language for a in ent.articles} == {"de", "en", None}


def test_the_language_index_serves_the_filtered_list() -> None:
    with Store() as st:
        plan = " ".join(str(r[-1]) for r in st.conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM articles WHERE language = ? "
            "ORDER BY published DESC", ("de",)))
    assert "articles_language" in plan



def test_an_article_left_unannotated_says_so_after_the_store() -> None:
    from newsgraph.record import Article
    from newsgraph.store import Store

    art = Article.new("Der Minister sprach am Dienstag in Berlin.", language="de",
                      language_confidence=0.99, annotated=False,
                      annotation_skipped="language de (0.99): the annotators are English-only")
    with Store() as st:
        st.write_articles([art])
        back = st.article(art.id)
    assert back is not None
    assert (back.article.annotated, back.article.annotation_skipped) == \
        (False, art.annotation_skipped)
