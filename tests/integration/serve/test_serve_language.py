"""Article languages over HTTP: the `language` filters of the API and the web pages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from graph_samples import language_articles
from newsgraph.record import Article
from newsgraph.serve.app import ServeOptions, create_app
from newsgraph.store import Store


def _articles() -> list[Article]:
    return language_articles(0.994, 0.9)


DE, EN = _articles()


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db: Path = tmp_path_factory.mktemp("lang") / "g.db"
    with Store(db) as st:
        st.write_articles(_articles())
        st.resolve()
    with TestClient(create_app(ServeOptions(db=db))) as c:
        yield c


def test_api_filters_articles_search_and_quotes_by_language(client: TestClient) -> None:
    items = client.get("/api/articles").json()["items"]
    assert [(a["id"], a["language"]) for a in items] == [(DE.id, "de"), (EN.id, "en")]
    assert [a["id"] for a in client.get("/api/articles?language=de").json()["items"]] == [DE.id]
    assert [a["id"] for a in client.get("/api/articles?language=EN").json()["items"]] == [EN.id]
    body = client.get("/api/search", params={"q": "Scholz", "language": "en"}).json()
    assert [a["id"] for a in body["articles"]] == [EN.id]
    assert [q["text"] for q in body["quotes"]] == ["We stand together,"]
    assert body["entities"]  # entities belong to the corpus, not to one language
    quotes = client.get("/api/quotes", params={"language": "de"}).json()["items"]
    assert [q["text"] for q in quotes] == ["Wir halten zusammen,"]
    assert client.get("/api/languages").json() == [{"language": "de", "n_articles": 1},
                                                   {"language": "en", "n_articles": 1}]
    record = client.get(f"/api/articles/{DE.id}").json()["article"]
    assert (record["language"], record["language_confidence"]) == ("de", 0.994)


@pytest.mark.parametrize("bad", ["german", "d", "d1", "'; --"])
def test_api_refuses_what_is_not_a_language_code(client: TestClient, bad: str) -> None:
    assert client.get("/api/articles", params={"language": bad}).status_code == 422
    assert client.get("/api/search", params={"q": "x", "language": bad}).status_code == 422


def test_article_page_shows_the_language(client: TestClient) -> None:
    page = client.get(f"/article/{DE.id}").text
    assert "language de (99% sure)" in page


def test_search_page_filters_by_language(client: TestClient) -> None:
    page = client.get("/search", params={"q": "Scholz"}).text
    assert '<select name="language"' in page
    assert '<option value="de" >de (1)</option>' in page
    assert "Scholz in Berlin" in page and "Scholz speaks" in page
    german = client.get("/search", params={"q": "Scholz", "language": "de"}).text
    assert '<option value="de" selected>' in german
    assert "Scholz in Berlin" in german and "Scholz speaks" not in german
    assert "Wir halten zusammen" in german and "We stand together" not in german
    # a value that is no language code is ignored, as any other malformed filter
    assert "Scholz speaks" in client.get("/search?q=Scholz&language=%27%3B--").text
