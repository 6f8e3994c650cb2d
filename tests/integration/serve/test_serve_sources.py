"""Unnamed and collective sources over the store and HTTP: `speaker_kind` kept from analysis
to the stored record, the `speaker_kind` filter of /api/quotes, search by the source phrase,
and the kind shown on the web pages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import newsgraph
from newsgraph.record import Article, Quote
from newsgraph.serve.app import ServeOptions, create_app
from newsgraph.store import Store

TEXT = ("Talks on the grain corridor resumed in Istanbul on Monday after a pause of a week.\n\n"
        "People familiar with the talks said the draft was nearly finished.\n\n"
        "\u201cWe will keep the port open through the winter,\u201d said Lena Vogt, the "
        "harbour master.")


def _article() -> Article:
    art = Article.new(TEXT, title="Grain talks resume", published="2025-03-03")
    anon = TEXT.index("the draft")
    direct = TEXT.index("We will")
    art.quotes = [
        Quote(id="q1", text="the draft was nearly finished", kind="indirect",
              span=[anon, anon + 29], cue="said", speaker_kind="anonymous",
              source_text="People familiar with the talks"),
        Quote(id="q2", text="We will keep the port open through the winter", kind="direct",
              span=[direct, direct + 46], speaker="Lena Vogt", cue="said",
              speaker_kind="person", source_text="Lena Vogt")]
    return art


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db: Path = tmp_path_factory.mktemp("sources") / "g.db"
    with Store(db) as st:
        st.write_articles([_article()])
        st.resolve()
    with TestClient(create_app(ServeOptions(db=db))) as c:
        yield c


def test_api_filters_quotes_by_speaker_kind(client: TestClient) -> None:
    anon = client.get("/api/quotes", params={"speaker_kind": "anonymous"}).json()["items"]
    assert [(q["text"], q["source_text"]) for q in anon] == [
        ("the draft was nearly finished", "People familiar with the talks")]
    person = client.get("/api/quotes", params={"speaker_kind": "person"}).json()["items"]
    assert [q["speaker"] for q in person] == ["Lena Vogt"]
    assert client.get("/api/quotes", params={"speaker_kind": "rumour"}).status_code == 422


def test_anonymous_sources_are_searchable(client: TestClient) -> None:
    by_speaker = client.get("/api/quotes", params={"speaker": "familiar with"}).json()["items"]
    assert [q["speaker_kind"] for q in by_speaker] == ["anonymous"]
    found = client.get("/api/search", params={"q": "familiar"}).json()["quotes"]
    assert [q["text"] for q in found] == ["the draft was nearly finished"]


def test_article_page_shows_the_source_and_its_kind(client: TestClient) -> None:
    aid = _article().id
    page = client.get(f"/article/{aid}").text
    assert "People familiar with the talks" in page and "anonymous" in page
    record = client.get(f"/api/articles/{aid}").json()["article"]
    assert [q["speaker_kind"] for q in record["quotes"]] == ["anonymous", "person"]


@pytest.mark.slow
def test_analysed_source_kind_survives_the_store(tmp_path: Path) -> None:
    art = newsgraph.analyze(TEXT)
    kinds = {q.source_text: q.speaker_kind for q in art.quotes}
    assert kinds.get("People familiar with the talks") == "anonymous"
    with Store(tmp_path / "g.db") as st:
        st.write_articles([art])
        stored = st.article(art.id)
    assert stored is not None
    assert [(q.speaker_kind, q.source_text) for q in stored.article.quotes] == [
        (q.speaker_kind, q.source_text) for q in art.quotes]
