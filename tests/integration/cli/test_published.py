"""One meaning of the publication date options on every command and in the Python API:
`--published` dates the inputs that carry no date of their own (a feed record's `date`, a
page's metadata); `--force-published` replaces every input's date."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsgraph
from newsgraph.cli import main
from newsgraph.record import Article, parse_day
from newsgraph.store import Store

BODY = ("The defence ministers of both countries met in the capital on Monday and agreed to "
        "expand joint naval exercises in the coming year, officials said.\n\n"
        "The agreement also covers the exchange of liaison officers and a hotline between the "
        "two navies, according to a statement released after the meeting.")
PAGE = ("<!DOCTYPE html><html><head><title>Navies agree on a hotline - Example Times</title>"
        '<meta property="article:published_time" content="2024-03-05T09:00:00Z"></head>'
        "<body><article><h1>Navies agree on a hotline</h1>"
        + "".join(f"<p>{p}</p>" for p in BODY.split("\n\n")) + "</article></body></html>")

FALLBACK, FORCED = "2025-07-02", "2025-08-15"
# title -> the date it carries itself (None: none, or one that names no day)
OWN = {"Undated text": None, "Navies agree on a hotline": "2024-03-05",
       "Dated feed item": "2024-05-01", "Feed item with a broken date": None}


@pytest.fixture()
def inputs(tmp_path: Path) -> list[str]:
    text = tmp_path / "undated.txt"
    text.write_text(f"Undated text\n\n{BODY} A plain file.", encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in [
        {"title": "Dated feed item", "date": "2024-05-01T10:00:00Z", "text": BODY + " One."},
        {"title": "Feed item with a broken date", "date": "May 2024", "text": BODY + " Two."},
    ]), encoding="utf-8")
    return [str(text), str(page), str(feed)]


def _expected(option: str | None) -> dict[str, str | None]:
    if option == "--force-published":
        return dict.fromkeys(OWN, FORCED)
    if option == "--published":
        return {t: own or FALLBACK for t, own in OWN.items()}
    return dict(OWN)


def _args(option: str | None) -> list[str]:
    return [] if option is None else [option, FORCED if option == "--force-published"
                                      else FALLBACK]


def _printed(command: str, paths: list[str], option: str | None) -> dict[str, str | None]:
    result = CliRunner().invoke(main, [command, *paths, "--format", "jsonl", *_args(option)])
    assert result.exit_code == 0, result.output
    records = [json.loads(x) for x in result.stdout.splitlines()]
    return {r["title"]: r["published"] for r in records}


@pytest.mark.parametrize("option", [None, "--published", "--force-published"])
def test_extract(inputs: list[str], option: str | None) -> None:
    assert _printed("extract", inputs, option) == _expected(option)


@pytest.mark.slow
@pytest.mark.parametrize("option", [None, "--published", "--force-published"])
def test_analyze(inputs: list[str], option: str | None) -> None:
    assert _printed("analyze", inputs, option) == _expected(option)


@pytest.mark.slow
@pytest.mark.parametrize("option", [None, "--published", "--force-published"])
def test_ingest(inputs: list[str], option: str | None, tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    result = CliRunner().invoke(main, ["ingest", *inputs, "--db", str(db), "--workers", "0",
                                       "--quiet", "--no-resolve", *_args(option)])
    assert result.exit_code == 0, result.output
    with Store(db, readonly=True) as st:
        stored = {a.title: a.published for a in st.articles()}
    assert stored == _expected(option)


@pytest.mark.parametrize("command", ["extract", "analyze", "ingest"])
def test_both_options_at_once_are_refused(inputs: list[str], command: str) -> None:
    result = CliRunner().invoke(main, [command, *inputs, "--published", FALLBACK,
                                       "--force-published", FORCED])
    assert result.exit_code == 2 and "not both" in result.output


@pytest.mark.parametrize("command", ["extract", "analyze", "ingest"])
def test_a_date_that_is_not_one_is_refused(inputs: list[str], command: str) -> None:
    result = CliRunner().invoke(main, [command, *inputs, "--force-published", "July 2025"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


@pytest.mark.slow
def test_python_api_has_the_same_meaning() -> None:
    assert newsgraph.analyze(PAGE, published=FALLBACK).published == dt.date(2024, 3, 5)
    assert newsgraph.analyze(PAGE, force_published=FORCED).published == dt.date(2025, 8, 15)
    assert newsgraph.analyze(BODY, published=dt.date(2025, 7, 2)).published == \
        dt.date(2025, 7, 2)
    many = newsgraph.analyze_many([PAGE, BODY], published=FALLBACK)
    assert [a.published for a in many] == [dt.date(2024, 3, 5), dt.date(2025, 7, 2)]


def test_the_date_is_a_date_and_prints_as_before() -> None:
    art = Article.new("Text.", published="2025-07-02T23:30:00-05:00")
    assert art.published == dt.date(2025, 7, 2)
    assert art.to_dict()["published"] == "2025-07-02"
    assert Article.new("Text.").to_dict()["published"] is None
    again = Article.from_dict(json.loads(art.to_json()))
    assert again == art and again.published == dt.date(2025, 7, 2)


@pytest.mark.parametrize("value,day", [
    ("2025-07-02", dt.date(2025, 7, 2)),
    (" 2025-07-02T10:00:00Z", dt.date(2025, 7, 2)),
    (dt.datetime(2025, 7, 2, 23, 59), dt.date(2025, 7, 2)),
    (dt.date(2025, 7, 2), dt.date(2025, 7, 2)),
    ("2025-13-40", None), ("May 2024", None), ("", None), (None, None),
])
def test_parse_day(value: str | dt.date | None, day: dt.date | None) -> None:
    assert parse_day(value) == day
