"""Article languages through the command line: `query ... --language`, and the exports."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph_samples import language_articles
from newsgraph.cli import main
from newsgraph.record import Article
from newsgraph.store import Store


def _articles() -> list[Article]:
    return language_articles(0.99, 0.875)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("lang") / "g.db"
    with Store(path) as st:
        st.write_articles(_articles())
        st.resolve()
    return str(path)


def _invoke(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _json(*args: str):  # type: ignore[no-untyped-def]
    return json.loads(_invoke("query", *args, "--format", "json"))


def test_search_articles_and_quotes_by_language(db: str) -> None:
    de, en = _articles()
    assert {h["id"] for h in _json("search", "Scholz", "--db", db)} == {de.id, en.id}
    hits = _json("search", "Scholz", "--language", "DE", "--db", db)
    assert [(h["id"], h["language"]) for h in hits] == [(de.id, "de")]
    assert [a["id"] for a in _json("articles", "--db", db)] == [de.id, en.id]
    assert [a["id"] for a in _json("articles", "--language", "en", "--db", db)] == [en.id]
    assert _json("articles", "--language", "ru", "--db", db) == []
    quotes = _json("quotes", "--language", "de", "--db", db)
    assert [q["text"] for q in quotes] == ["Wir halten zusammen,"]
    assert "Scholz in Berlin" in _invoke("query", "articles", "--db", db)


def test_a_language_that_is_not_a_code_is_refused(db: str) -> None:
    result = CliRunner().invoke(main, ["query", "articles", "--language", "German",
                                       "--db", db])
    assert result.exit_code == 2 and "two-letter language code" in result.output


def test_exports_carry_the_language(db: str, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    for fmt, out in (("jsonl", "a.jsonl"), ("csv", "csv"), ("parquet", "pq")):
        _invoke("export", "--db", db, "--format", fmt, "--out", str(tmp_path / out))
    want = {a.id: a.to_dict() for a in _articles()}
    got = [Article.from_dict(json.loads(line)).to_dict()
           for line in (tmp_path / "a.jsonl").read_text().splitlines()]
    assert {a["id"]: a for a in got} == want
    with open(tmp_path / "csv" / "articles.csv", encoding="utf-8") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh)}
    assert {(r["language"], r["language_confidence"]) for r in rows.values()} == {
        ("de", "0.99"), ("en", "0.875")}
    table = pq.read_table(tmp_path / "pq" / "articles.parquet")
    assert str(table.schema.field("language_confidence").type) == "double"
    assert sorted(zip(table.column("language").to_pylist(),
                      table.column("language_confidence").to_pylist(), strict=True)) == [
        ("de", 0.99), ("en", 0.875)]
