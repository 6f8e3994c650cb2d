"""`newsgraph watch`, `feeds` and `alert` end to end against a news site on 127.0.0.1: the
first round stores the pages, a later one only the new items; an alert that matches a new
event appears in its Atom feed, its JSON and its webhook; `--archive` WARC files read back
by `newsgraph ingest` give the same articles."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.store import Store
from paths import SEED
from watch_server import NewsSite, Reply, corpus_texts

pytestmark = pytest.mark.slow
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture()
def site() -> Iterator[NewsSite]:
    s = NewsSite().start()
    s.set("/robots.txt", Reply(body=b"User-agent: *\nAllow: /\n", ctype="text/plain"))
    for i, rec in enumerate(corpus_texts()[:3]):
        s.add_article(f"/news/{i}", rec["title"], rec["text"], rec.get("date"))
    s.set_feed("/feed.xml", ["/news/0", "/news/1", "/news/2"])
    yield s
    s.stop()


def cli(*args: str) -> str:
    res = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return res.output


def watch_once(db: Path, site: NewsSite, *extra: str) -> str:
    return cli("watch", "--db", str(db), "--feed", site.url("/feed.xml"), "--once",
               "--interval", "1", "--host-delay", "0", "--timeout", "2", *extra)


def test_watch_alert_atom_archive(site: NewsSite, tmp_path: Path) -> None:
    db, warcs = tmp_path / "w.db", tmp_path / "warc"
    out = watch_once(db, site, "--archive", str(warcs))
    assert "1 feed(s) polled" in out and "3 new item(s), 3 fetched, 3 stored" in out
    assert "ok" in cli("feeds", "--db", str(db))

    added = cli("alert", "add", "india-us", "--db", str(db), "--dyad", "India",
                "United States", "--webhook", site.url("/hook"))
    assert "alert india-us added" in added
    assert "india-us  [events]" in cli("alert", "list", "--db", str(db))

    seed = SEED.read_text(encoding="utf-8")
    site.add_article("/news/seed", seed.splitlines()[0], seed, "2025-07-02")
    site.set_feed("/feed.xml", ["/news/seed", "/news/0", "/news/1", "/news/2"])
    import time

    time.sleep(1.1)   # the feed is due again after --interval 1
    out = watch_once(db, site, "--archive", str(warcs))
    assert "1 new item(s), 1 fetched, 1 stored" in out and "new alert matches: india-us" in out
    assert site.hits["/news/0"] == 1    # an old item is never fetched again

    with Store(db) as st:
        seed_id = st.conn.execute("SELECT article_id FROM watch_urls WHERE url = ?",
                                  (site.url("/news/seed"),)).fetchone()[0]
    entries = _atom_entries(db, "india-us")
    assert entries, "the new India-US event is in the alert's Atom feed"
    api = _client(db).get("/api/alerts/india-us").json()
    assert any(seed_id in m["article_ids"] for m in api["matches"])
    page = _client(db).get("/alerts/india-us").text
    assert "/article/" + seed_id in page
    posted = [json.loads(b) for p, b in site.posts if p == "/hook"]
    assert posted and posted[0]["alert"] == "india-us" and posted[0]["matches"]

    # the archive holds exactly what was read: ingest gives the same articles
    other = tmp_path / "from-warc.db"
    cli("ingest", str(warcs), "--db", str(other), "--workers", "0", "--no-resolve", "-q")
    with Store(db) as a, Store(other) as b:
        ids = "SELECT id FROM articles ORDER BY id"
        assert a.conn.execute(ids).fetchall() == b.conn.execute(ids).fetchall()

    assert "removed" in cli("alert", "remove", "india-us", "--db", str(db))
    assert _client(db).get("/api/alerts/india-us").status_code == 404


def _client(db: Path):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from newsgraph.serve.app import ServeOptions, create_app

    return TestClient(create_app(ServeOptions(db=db, cache=False)))


def _atom_entries(db: Path, name: str) -> list[ET.Element]:
    resp = _client(db).get(f"/alerts/{name}.atom")
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(resp.content)
    return root.findall(ATOM + "entry")


def test_watch_on_worker_processes(site: NewsSite, tmp_path: Path) -> None:
    rec = corpus_texts()[0]
    site.add_article("/copy/0", rec["title"], rec["text"], rec.get("date"))
    site.set("/gone", Reply(404, b"no", "text/plain"))
    site.set_feed("/feed.xml", ["/news/0", "/news/1", "/news/2", "/copy/0", "/gone"])
    db = tmp_path / "w.db"
    out = watch_once(db, site, "--workers", "1", "--batch", "2", "--json")
    counts = json.loads(next(ln for ln in out.splitlines() if ln.startswith("{")))
    assert (counts["fetched"], counts["stored"], counts["duplicates"]) == (4, 3, 1)
    assert counts["skipped"] == {"HTTP 404": 1}
    assert counts["seconds"]["analyse"] > 0
    with Store(db) as st:
        assert st.stats().tables["articles"] == 3
        status = dict(st.conn.execute("SELECT url, status FROM watch_urls"))
        assert status[site.url("/copy/0")] == "duplicate"
        assert status[site.url("/gone")] == "failed"
