"""`newsgraph watch` killed with SIGKILL in the middle of a round, then restarted, ends with
exactly what one uninterrupted run stores: no article, source, URL or resolved row lost or
twice, and no page fetched again but those of the batch that was in flight."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.store import Store, StoreError
from newsgraph.store import watch as rows
from paths import ROOT
from watch_server import NewsSite, Reply, corpus_texts

pytestmark = pytest.mark.slow
PAGES = 10
BATCH = 2


@pytest.fixture()
def site() -> Iterator[NewsSite]:
    s = NewsSite().start()
    s.set("/robots.txt", Reply(body=b"User-agent: *\nAllow: /\n", ctype="text/plain"))
    for i, rec in enumerate(corpus_texts()[:PAGES]):
        s.add_article(f"/news/{i}", rec["title"], rec["text"], rec.get("date"))
        page = s.routes[f"/news/{i}"]
        assert isinstance(page, Reply)
        page.delay_s = 0.3     # slow enough to be killed in the middle
    s.set_feed("/feed.xml", [f"/news/{i}" for i in range(PAGES)])
    yield s
    s.stop()


def _watch(db: Path, site: NewsSite, *extra: str) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]))
    cmd = [sys.executable, "-c", "from newsgraph.cli import main; main()", "watch",
           "--db", str(db), "--feed", site.url("/feed.xml"), "--interval", "3600",
           "--batch", str(BATCH),
           "--host-delay", "0", "--timeout", "5", *extra]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def _stored(db: Path) -> int:
    try:
        with Store(db, readonly=True) as st:
            return rows.url_counts(st.conn).get("stored", 0)
    except (StoreError, Exception):  # noqa: BLE001 - not created or migrated yet
        return 0


def _snapshot(db: Path) -> tuple[object, ...]:
    with Store(db, readonly=True) as st:
        urls = [(u.rsplit("/", 1)[-1], s, a) for u, s, a, _, _ in rows.url_rows(st.conn)]
        ids = st.conn.execute("SELECT id FROM articles ORDER BY id").fetchall()
        return st.stats().tables, urls, ids


def test_sigkill_mid_round_then_restart(site: NewsSite, tmp_path: Path) -> None:
    killed, clean = tmp_path / "killed.db", tmp_path / "clean.db"
    proc = _watch(killed, site)
    deadline = time.monotonic() + 300
    while _stored(killed) < BATCH:
        assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else ""
        assert time.monotonic() < deadline, "watch stored nothing in time"
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    at_kill = _stored(killed)
    assert 0 < at_kill < PAGES, "killed in the middle of the round"

    hits_before = {f"/news/{i}": site.hits[f"/news/{i}"] for i in range(PAGES)}
    restart = _watch(killed, site, "--once")
    out = restart.communicate(timeout=300)[0].decode()
    assert restart.returncode == 0, out
    refetched = [p for p, n in hits_before.items() if n and site.hits[p] > n]
    assert len(refetched) <= BATCH, "only the batch in flight is fetched again"
    assert all(site.hits[f"/news/{i}"] >= 1 for i in range(PAGES))

    run = _watch(clean, site, "--once")
    out = run.communicate(timeout=300)[0].decode()
    assert run.returncode == 0, out
    tables, urls, ids = _snapshot(killed)
    assert (tables, urls, ids) == _snapshot(clean)
    assert tables["articles"] == PAGES and tables["article_sources"] == PAGES
    assert all(s == "stored" for _, s, _ in urls)
