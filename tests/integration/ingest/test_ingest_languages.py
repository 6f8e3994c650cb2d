"""`ingest` stores text in other languages unannotated and counts it per language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.store import Store

pytestmark = pytest.mark.slow

GERMAN = ("Die Bundesregierung hat am Dienstag in Berlin neue Maßnahmen beschlossen. "
          "Bundeskanzler Olaf Scholz sagte, man werde die Ukraine weiter unterstützen.")
RUSSIAN = ("Министр иностранных дел России Сергей Лавров заявил во вторник, что Москва готова к "
           "переговорам. Президент Владимир Путин встретился с делегацией в Кремле.")
ENGLISH = ("Defence Minister Rajnath Singh met Secretary of Defense Pete Hegseth in New Delhi on "
           "Monday and agreed to expand joint naval exercises in the coming year.")


@pytest.fixture
def feed(tmp_path: Path) -> Path:
    records = [GERMAN, RUSSIAN, ENGLISH, GERMAN + " Die Gespräche gehen weiter.",
               RUSSIAN + " Переговоры продолжатся.", GERMAN]  # the last is a repeat
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps({"text": t, "date": "2025-07-01"}) + "\n"
                            for t in records), encoding="utf-8")
    return path


def test_ingest_counts_unannotated_articles_per_language(feed: Path, tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    args = ["ingest", str(feed), "--db", str(db), "--workers", "0", "--quiet"]
    done = CliRunner().invoke(main, [*args, "--json"])
    assert done.exit_code == 0, done.output
    report = json.loads(done.output)
    assert report["added"] == 5 and report["already_stored"] == 1
    assert report["not_annotated"] == {"de": 2, "ru": 2}
    with Store(db) as st:
        people = [r[0] for r in st.conn.execute("SELECT name FROM entities")]
    assert "Pete Hegseth" in people and "Olaf Scholz" not in people
    assert not any("Лавров" in p or "Путин" in p for p in people)
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 0, again.output
    assert "not annotated" not in again.output  # nothing new was stored


def test_ingest_prints_the_count(feed: Path, tmp_path: Path) -> None:
    done = CliRunner().invoke(main, ["ingest", str(feed), "--db", str(tmp_path / "p.db"),
                                     "--workers", "0", "--quiet"])
    assert done.exit_code == 0, done.output
    assert "  not annotated (not English): de 2, ru 2\n" in done.output
