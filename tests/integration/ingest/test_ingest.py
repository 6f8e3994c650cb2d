"""`newsgraph ingest`: idempotence, a run killed with SIGKILL and rerun, per-input errors.

The corpus sample (`fixtures/graph/india-24.jsonl`) goes through the real pipeline (spaCy and
every component), in subprocesses, as a user runs it.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.store import Store
from paths import FIXTURES

pytestmark = pytest.mark.slow

FIXTURE = FIXTURES / "graph" / "india-24.jsonl"
N_ARTICLES = 24


def _cmd(db: Path, *extra: str) -> list[str]:
    return [sys.executable, "-c", "from newsgraph.cli import main; main()", "ingest",
            str(FIXTURE), "--db", str(db), "--workers", "1", "--quiet", "--json", *extra]


def _ingest(db: Path, *extra: str) -> dict:  # type: ignore[type-arg]
    done = subprocess.run(_cmd(db, *extra), capture_output=True, text=True, timeout=580)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def _snapshot(db: Path) -> tuple[dict[str, int], list[str], list[str]]:
    with Store(db, readonly=True) as st:
        ids = [r[0] for r in st.conn.execute("SELECT id FROM entities ORDER BY id")]
        events = [r[0] for r in st.conn.execute("SELECT id FROM events ORDER BY id")]
        return st.stats().tables, ids, events


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("clean") / "clean.db"
    report = _ingest(db)
    assert report["added"] == N_ARTICLES and report["errors"] == []
    return db


def test_second_run_adds_nothing(clean: Path) -> None:
    before = _snapshot(clean)
    report = _ingest(clean)
    assert report["added"] == 0 and report["already_stored"] == N_ARTICLES
    assert report["rows_added"] == 0
    assert _snapshot(clean) == before


def _articles(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_sigkill_halfway_then_rerun_equals_a_clean_run(clean: Path, tmp_path: Path) -> None:
    db = tmp_path / "killed.db"
    # small chunks: many commits, so the kill lands between and inside transactions
    proc = subprocess.Popen(_cmd(db, "--chunk-size", "2"), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 400
        while _articles(db) < N_ARTICLES // 3 and proc.poll() is None:
            assert time.monotonic() < deadline, "ingest made no progress"
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(timeout=30) == -signal.SIGKILL
    finally:
        try:  # the orphaned worker of the killed run
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    stored = _articles(db)
    assert 0 < stored < N_ARTICLES, "the kill did not land halfway"
    report = _ingest(db)
    assert report["added"] == N_ARTICLES - stored
    tables, entities, events = _snapshot(db)
    clean_tables, clean_entities, clean_events = _snapshot(clean)
    assert {k: v for k, v in tables.items() if clean_tables[k] != v} == {}
    assert entities == clean_entities and events == clean_events


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(
        "Secretary Blinken met Foreign Minister Jaishankar in Washington on Friday.\n\n"
        "They discussed the Quad and the Indo-Pacific.", encoding="utf-8")
    (folder / "binary.bin").write_bytes(bytes(range(256)) * 8)
    (folder / "feed.jsonl").write_text('{"text": "A real line about Pete Hegseth and India."}\n'
                                       "{not json\n", encoding="utf-8")
    db = tmp_path / "g.db"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db), "--workers", "0",
                                       "--quiet", "--published", "2025-07-02"])
    assert result.exit_code == 1
    assert "binary.bin" in result.output and "feed.jsonl:2" in result.output
    with Store(db, readonly=True) as st:
        assert st.stats().tables["articles"] == 2
        assert {a.published for a in st.articles()} == {"2025-07-02"}


@pytest.fixture(scope="module")
def with_seed(clean: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus sample plus the reference article, through the real pipeline."""
    import shutil

    db = tmp_path_factory.mktemp("seed") / "seed.db"
    shutil.copy(clean, db)
    seed = FIXTURES / "seed" / "hegseth-jaishankar-pentagon.txt"
    done = subprocess.run(
        [sys.executable, "-c", "from newsgraph.cli import main; main()", "ingest", str(seed),
         "--db", str(db), "--workers", "0", "--quiet", "--published", "2025-07-02"],
        capture_output=True, text=True, timeout=580)
    assert done.returncode == 0, done.stderr[-2000:]
    return db


def test_the_2plus2_ministerial_is_one_event_from_several_documents(with_seed: Path) -> None:
    with Store(with_seed, readonly=True) as st:
        # the joint statement's own account of the meeting ...
        (pk,) = st.conn.execute(
            "SELECT r.pk FROM event_reports r JOIN articles a ON a.id = r.article_id "
            "WHERE a.title = 'Fourth Annual U.S.-India 2+2 Ministerial Dialogue' "
            "AND r.category = 'CONSULT' AND r.sentence LIKE '%welcomed Minister of Defence%'"
        ).fetchone()
        (event_id,) = st.conn.execute("SELECT event_id FROM event_links WHERE report_pk = ?",
                                      (pk,)).fetchone()
        event = st.event(event_id)
        assert event is not None and event.event.date == "2022-04-11"
        # ... is one event with the announcement of April 7 and the opening remarks
        titles = {r.article_title for r in event.reports}
        assert "U.S.-India 2+2 Ministerial Press Announcement" in titles
        assert any(t and t.endswith("Opening Remarks at the U.S.-India 2+2 Ministerial Dialogue")
                   for t in titles)
        assert event.event.n_independent >= 3


def test_the_defence_framework_runs_from_the_2025_statement_to_the_seed(with_seed: Path
                                                                         ) -> None:
    with Store(with_seed, readonly=True) as st:
        found = [a for a in st.agreements(q="Major Defen", kind="framework")
                 if "framework" in a.name.lower()]
        assert len(found) == 1, [a.name for a in found]
        detail = st.agreement(found[0].id)
        assert detail is not None
        dates = [s.date for s in detail.timeline]
        assert dates[0] == "2025-02-13" and dates[-1] == "2025-07-02"
        assert "plans to sign" in detail.timeline[0].evidence
        hopes = [c for c in detail.commitments if c.speaker and "Hegseth" in c.speaker]
        assert hopes and hopes[0].deadline_text == "very shortly"
