"""`newsgraph query` on a small hand-built graph: every subcommand, table and JSON output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph_samples import agreement_articles, event_articles
from newsgraph.cli import main
from newsgraph.store import Store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("graph") / "g.db"
    with Store(path) as st:
        st.write_articles([*event_articles(), *agreement_articles()])
        st.resolve()
    return str(path)


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, ["query", *args])
    assert result.exit_code == 0, result.output
    return result.output


def _json(*args: str):  # type: ignore[no-untyped-def]
    return json.loads(_run(*args, "--format", "json"))


def test_entities(db: str) -> None:
    rows = _json("entities", "--db", db, "--type", "PERSON", "--q", "Singh")
    assert [r["name"] for r in rows] == ["Rajnath Singh"]
    assert "Rajnath" in _run("entities", "--db", db)


def test_entity_detail(db: str) -> None:
    d = _json("entity", "S. Jaishankar", "--db", db)
    assert d["entity"]["affiliation"] == "India"
    result = CliRunner().invoke(main, ["query", "entity", "Nobody At All", "--db", db])
    assert result.exit_code != 0 and "Nobody At All" in result.output


def test_quotes_by_speaker_and_words(db: str) -> None:
    rows = _json("quotes", "--db", db, "--speaker", "Hegseth", "--q", "very shortly")
    assert len(rows) == 1 and rows[0]["speaker"] == "Pete Hegseth"
    assert _json("quotes", "--db", db, "--speaker", "Hegseth", "--q", "Indo-Pacific") == []


def test_events_and_one_event(db: str) -> None:
    rows = _json("events", "--db", db, "--category", "consult", "--order", "reports")
    assert rows[0]["n_reports"] == 4
    detail = _json("event", rows[0]["id"], "--db", db)
    assert len(detail["reports"]) == 4
    assert "CONSULT" in _run("events", "--db", db, "--actor", "India")


def test_dyad(db: str) -> None:
    d = _json("dyad", "India", "United States", "--db", db, "--from", "2022-01-01")
    assert {c["category"]: c["n_events"] for c in d["counts"]} == {"CONSULT": 2, "AGREE": 1}
    assert "CONSULT" in _run("dyad", "India", "United States", "--db", db)


def test_agreement_timeline(db: str) -> None:
    d = _json("agreements", "Major Defense Partnership", "--db", db)
    assert [s["status"] for s in d["timeline"]] == ["planned", "proposed"]
    text = _run("agreements", "Major Defense Partnership", "--db", db)
    assert "timeline" in text and "commitments" in text
    assert len(_json("agreements", "--db", db, "--party", "India")) == 2  # framework, sales


def test_commitments_and_search(db: str) -> None:
    rows = _json("commitments", "--db", db, "--outcome", "open")
    assert [r["speaker"] for r in rows] == ["Pete Hegseth"] * 2  # the sales, the framework
    hits = _json("search", "Kuala Lumpur", "--db", db)
    assert hits == []
    assert len(_json("search", "reciprocal trade", "--db", db)) == 1


def test_pagination(db: str) -> None:
    first = _json("entities", "--db", db, "--limit", "2")
    second = _json("entities", "--db", db, "--limit", "2", "--offset", "2")
    assert len(first) == 2 and not {r["id"] for r in first} & {r["id"] for r in second}


@pytest.mark.parametrize("args,needle", [
    (["entities", "--db", "/nonexistent/x.db"], "no such database"),
    (["quotes", "--from", "July 2025"], "YYYY-MM-DD"),
])
def test_bad_input_is_one_clear_line(args: list[str], needle: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["query", *args])
    assert result.exit_code != 0 and needle in result.output


def test_summary(db: str) -> None:
    s = _json("summary", "--db", db, "--limit", "5")
    assert s["tables"]["tables"]["articles"] == 12
    assert {(d["a"], d["b"]) for d in s["dyads"]} == {("India", "United States")}
    assert s["people"][0]["name"] in {"S. Jaishankar", "Antony Blinken", "Rajnath Singh"}
    text = _run("summary", "--db", db)
    assert "country pairs by events" in text and "commitments: 2 open" in text


@pytest.mark.parametrize("command,subject,extra", [
    ("entities", "Jaishankar", ["--type", "PERSON"]),
    ("quotes", "very shortly", ["--speaker", "Hegseth"]),
    ("agreements", "Major Defense Partnership", []),
    ("search", "reciprocal trade", []),
])
def test_every_search_takes_its_subject_as_argument_or_q(db: str, command: str, subject: str,
                                                         extra: list[str]) -> None:
    positional = _json(command, subject, "--db", db, *extra)
    assert positional, f"query {command} {subject!r} found nothing"
    assert _json(command, "--q", subject, "--db", db, *extra) == positional
    assert _json(command, subject, "--q", subject, "--db", db, *extra) == positional


def test_entities_subject_filters_like_q(db: str) -> None:
    rows = _json("entities", "Jaishankar", "--db", db)
    assert rows and all("Jaishankar" in r["name"] for r in rows)
    assert len(rows) < len(_json("entities", "--db", db, "--limit", "1000"))


@pytest.mark.parametrize("command", ["entities", "quotes", "agreements", "search"])
def test_two_different_subjects_are_refused(db: str, command: str) -> None:
    result = CliRunner().invoke(main, ["query", command, "India", "--q", "Quad", "--db", db])
    assert result.exit_code == 2 and "SUBJECT or as --q" in result.output


def test_search_needs_a_subject(db: str) -> None:
    result = CliRunner().invoke(main, ["query", "search", "--db", db])
    assert result.exit_code == 2 and "words to search for" in result.output
