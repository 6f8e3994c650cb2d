"""The HTTP API and pages through FastAPI's test client, on the session's serve store."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from newsgraph.extract import extract
from newsgraph.record import Article, json_schema
from newsgraph.serve.app import ServeOptions, create_app
from paths import FIXTURES

pytestmark = pytest.mark.slow
FIXTURES = FIXTURES
SEED_ID = extract((FIXTURES / "seed" / "hegseth-jaishankar-pentagon.txt")
                  .read_text(encoding="utf-8")).id
HOSTILE_ID = extract((FIXTURES / "serve" / "hostile.txt").read_text(encoding="utf-8"),
                     hint="text").id

# Characters and fragments that break naive SQL, LIKE and FTS5 handling.
NASTY = ["'", '"', "' OR '1'='1", "'; DROP TABLE articles; --", "%", "_", "\\", "*",
         '"unterminated', "NEAR(a b", "a AND OR NOT", ") OR (1=1", "--", "/*", "\u0000x",
         "\u202e\ufeff", "😀" * 3, "x" * 199, "a:b", "^", "-India"]


@pytest.fixture(scope="module")
def client(serve_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(ServeOptions(db=serve_db))) as c:
        yield c


@pytest.fixture()
def writable_db(serve_db: Path, tmp_path: Path) -> Path:
    """A copy of the serve store that a test may write to."""
    db = tmp_path / "copy.db"
    shutil.copy(serve_db, db)
    return db


def test_openapi_lists_every_endpoint_and_docs_render(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/api/search", "/api/articles", "/api/articles/{article_id}", "/api/entities",
            "/api/entities/{key}", "/api/quotes", "/api/events", "/api/events/{event_id}",
            "/api/dyads", "/api/dyads/{a}/{b}", "/api/agreements", "/api/agreements/{key}",
            "/api/commitments", "/api/analyze"} <= paths
    docs = client.get("/docs")
    assert docs.status_code == 200 and "GET /api/dyads/{a}/{b}" in docs.text
    assert "cdn" not in docs.text.lower()


@pytest.mark.parametrize("url,key", [
    ("/api/search?q=Jaishankar", "articles"),
    ("/api/search?q=Jaishankar&type=quotes", "quotes"),
    ("/api/articles", "items"),
    ("/api/entities?type=PERSON", "items"),
    ("/api/entities/Jaishankar", "detail"),
    ("/api/quotes?speaker=Jaishankar", "items"),
    ("/api/events?category=CONSULT", "items"),
    ("/api/dyads", "items"),
    ("/api/dyads/India/United%20States?category=CONSULT&modality=occurred", "counts"),
    ("/api/agreements", "items"),
    ("/api/commitments", "items"),
    ("/api/map?category=CONSULT", "features"),
    ("/api/stats", "articles"),
])
def test_read_endpoints(client: TestClient, url: str, key: str) -> None:
    r = client.get(url)
    assert r.status_code == 200, r.text
    assert key in r.json()


def test_search_finds_jaishankar_everywhere(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "Jaishankar", "limit": 5}).json()
    assert body["articles"] and body["entities"] and body["quotes"]
    assert any("Jaishankar" in e["name"] for e in body["entities"])


def test_entity_detail_has_roles_quotes_and_co_actors(client: TestClient) -> None:
    body = client.get("/api/entities/Jaishankar").json()
    assert body["detail"]["entity"]["type"] == "PERSON"
    assert body["detail"]["roles"], "no roles over time"
    assert body["quotes"] and all(q["speaker_entity_id"] == body["detail"]["entity"]["id"]
                                  for q in body["quotes"])
    assert isinstance(body["co_actors"], list)


def test_article_detail_is_the_article_record(client: TestClient) -> None:
    body = client.get(f"/api/articles/{SEED_ID}").json()
    art = body["article"]
    # Exactly the record's fields, and it rebuilds into the same record.
    assert set(art) == set(json_schema()["properties"])
    assert Article.from_dict(art).to_dict() == art
    assert art["id"] == SEED_ID and art["published"] == "2025-07-02"
    assert len([q for q in art["quotes"] if q["kind"] == "direct"]) == 10
    assert set(body["entity_links"]) <= {e["id"] for e in art["entities"]}
    assert client.get("/api/articles/nope").status_code == 404


def test_pagination_is_bounded_and_consistent(client: TestClient) -> None:
    first = client.get("/api/articles?limit=3").json()
    second = client.get("/api/articles?limit=3&offset=3").json()
    assert len(first["items"]) == 3 and first["next_offset"] == 3
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}
    for bad in ("limit=0", "limit=201", "offset=-1", "limit=x", "offset=99999999999"):
        assert client.get(f"/api/articles?{bad}").status_code == 422, bad
    assert client.get("/api/articles?date_from=2022-13-01").status_code == 422


def _string_params(spec: dict[str, Any]) -> list[tuple[str, str, list[str]]]:
    """(path template, query parameter or '', path parameter names) for every GET."""
    out = []
    for path, ops in spec["paths"].items():
        op = ops.get("get")
        if op is None:
            continue
        params = op.get("parameters", [])
        in_path = [p["name"] for p in params if p["in"] == "path"]
        out.append((path, "", in_path))
        for p in params:
            if p["in"] == "query":
                out.append((path, p["name"], in_path))
    return out


def test_sql_metacharacters_never_cause_server_errors(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    before = client.get("/api/stats").json()
    tried = 0
    for path, param, in_path in _string_params(spec):
        for nasty in NASTY:
            url = path
            for name in in_path:
                url = url.replace("{" + name + "}", quote(nasty, safe="") or "x")
            r = client.get(url, params={param: nasty} if param else None)
            tried += 1
            assert r.status_code < 500, (url, param, nasty, r.text[:200])
    web = ["/search?q={}", "/search?q={}&type=quotes", "/entities?name={}&type={}",
           "/entity/{}", "/article/{}", "/dyad?a={}&b=India&category={}&modality={}",
           "/dyad?a=India&b={}&date_from={}", "/agreements?name={}&party={}&status={}",
           "/agreement/{}", "/event/{}"]
    for template in web:
        for nasty in NASTY:
            url = template.replace("{}", quote(nasty, safe=""))
            r = client.get(url)
            tried += 1
            assert r.status_code < 500, (url, r.text[:200])
    assert tried > 300
    assert client.get("/api/stats").json() == before  # nothing was dropped or changed


def test_hostile_article_is_escaped(client: TestClient) -> None:
    r = client.get(f"/article/{HOSTILE_ID}")
    assert r.status_code == 200
    html = r.text
    assert "<script>window" not in html and "&lt;script&gt;window.__pwned" in html
    assert "<img src=x" not in html and "<iframe" not in html
    assert 'href="javascript' not in html
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    page = client.get("/search", params={"q": "<script>alert(1)</script>"}).text
    assert "<script>alert(1)" not in page


def test_pages_render(client: TestClient) -> None:
    for url in ("/", "/search?q=Jaishankar", f"/article/{SEED_ID}", "/entities",
                "/entity/Jaishankar", "/dyads", "/dyad?a=India&b=United%20States",
                "/agreements"):
        r = client.get(url)
        assert r.status_code == 200, url
        assert r.headers["content-type"].startswith("text/html")
    assert client.get("/entity/nobody-at-all").status_code == 404
    assert "Not found" in client.get("/article/nope").text
    assert client.get("/dyad?a=India").status_code == 400
    assert client.get("/dyad?a=India&b=China&date_from=yesterday").status_code == 400
    assert client.get("/static/htmx.min.js").status_code == 200
    r = client.get("/dyad/India/United%20States", follow_redirects=False)
    assert r.status_code == 307 and r.headers["location"] == "/dyad?a=India&b=United+States"
    # Every link on the start page leads somewhere.
    import re

    for href in set(re.findall(r'href="(/[^"]*)"', client.get("/").text)):
        assert client.get(href.replace("&amp;", "&")).status_code == 200, href


def test_request_bodies_are_bounded(client: TestClient) -> None:
    big = "x" * 2_100_000
    r = client.post("/api/analyze", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413

    def chunks() -> Iterator[bytes]:
        for _ in range(30):
            yield b"y" * 100_000

    r = client.post("/api/analyze", content=chunks(),
                    headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_analyze_does_not_store(client: TestClient) -> None:
    text = ("Secretary of State Antony Blinken met Indian External Affairs Minister "
            "S. Jaishankar in Washington on Monday to discuss the Quad.\n\n"
            "\"We will keep working together,\" Blinken said.")
    r = client.post("/api/analyze", json={"text": text, "published": "2024-03-04"})
    assert r.status_code == 200, r.text
    art = r.json()
    assert art["published"] == "2024-03-04" and art["entities"]
    assert client.get(f"/api/articles/{art['id']}").status_code == 404
    assert client.post("/api/analyze", json={}).status_code == 422
    assert client.post("/api/analyze", json={"text": "a", "html": "b"}).status_code == 422
    assert client.post("/api/analyze", json={"text": "  "}).status_code == 422


def test_ingest_is_disabled_without_a_token(client: TestClient) -> None:
    r = client.post("/api/articles", json={"text": "Anything at all."})
    assert r.status_code == 403 and "disabled" in r.json()["detail"]


def test_ingest_requires_the_token(writable_db: Path) -> None:
    text = ("Defence Secretary Pete Hegseth met Japanese Defence Minister Gen Nakatani at the "
            "Pentagon on Wednesday.\n\n\"Our alliance is stronger than ever,\" Hegseth said.")
    with TestClient(create_app(ServeOptions(db=writable_db, token="s3cret"))) as c:
        body = {"text": text, "published": "2025-03-12", "url": "https://example.org/a"}
        # Read (and cache) before the write: the write must drop what was cached.
        assert c.get("/api/search", params={"q": "Nakatani"}).json()["articles"] == []
        assert c.post("/api/articles", json=body).status_code == 401
        assert c.post("/api/articles", json=body,
                      headers={"Authorization": "Bearer wrong"}).status_code == 401
        ok = c.post("/api/articles", json=body, headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 201, ok.text
        aid = ok.json()["id"]
        assert c.get(f"/api/articles/{aid}").json()["article"]["published"] == "2025-03-12"
        assert c.get("/api/search", params={"q": "Nakatani"}).json()["articles"]
        again = c.post("/api/articles", json=body, headers={"Authorization": "Bearer s3cret"})
        assert again.status_code == 200 and again.json()["added"] is False


def test_serve_command_names_a_missing_database(tmp_path: Path) -> None:
    from newsgraph.cli import main

    r = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert r.exit_code == 1
    assert "none.db: no such database file" in r.output
    bad = tmp_path / "bad.db"
    bad.write_text("not sqlite")
    r = CliRunner().invoke(main, ["serve", "--db", str(bad)])
    assert r.exit_code == 1 and "bad.db" in r.output and "Traceback" not in r.output


def test_worker_processes_build_the_app_from_the_environment(
        serve_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.serve.app import app_from_env

    monkeypatch.setenv("NEWSGRAPH_SERVE_DB", str(serve_db))
    monkeypatch.setenv("NEWSGRAPH_TOKEN", "t0ken")
    with TestClient(app_from_env()) as c:
        assert c.get("/api/stats").json()["articles"] >= 40
        assert c.post("/api/articles", json={"text": "x"}).status_code == 401


def test_response_cache_is_bounded_and_expires(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.serve import cache as cache_mod

    c = cache_mod.ResponseCache(entries=3, ttl=10.0)
    clock = [100.0]
    monkeypatch.setattr(cache_mod.time, "monotonic", lambda: clock[0])
    for i in range(5):
        c.put(f"/k{i}".encode(), cache_mod.Entry(clock[0], {"status": 200}, b"x"))
    assert c.get(b"/k0") is None and c.get(b"/k4") is not None  # oldest evicted
    clock[0] += 11
    assert c.get(b"/k4") is None  # expired
    c.clear()
    assert c.get(b"/k3") is None


def test_events_below_the_judges_threshold_are_hidden_by_default(client: TestClient) -> None:
    from newsgraph.lexicon import event_threshold

    every = client.get("/api/events", params={"min_confidence": 0, "limit": 200}).json()
    shown = client.get("/api/events", params={"limit": 200}).json()
    assert every["items"] and len(shown["items"]) <= len(every["items"])
    t = event_threshold()
    assert all(e["confidence"] is None or e["confidence"] >= t for e in shown["items"])
    assert all("trigger" in e for e in every["items"])
    assert client.get("/api/events", params={"min_confidence": 2}).status_code == 422
