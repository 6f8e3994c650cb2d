"""`newsgraph export`: JSONL round trip, CSV and Parquet tables, PLOVER events."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph_samples import event_articles as _articles
from newsgraph.cli import main
from newsgraph.record import Article
from newsgraph.store import Store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("graph") / "g.db"
    with Store(path) as st:
        st.write_articles(_articles())
        st.resolve()
    return str(path)


def _export(db: str, fmt: str, out: Path) -> str:
    result = CliRunner().invoke(main, ["export", "--db", db, "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    return result.output


def test_jsonl_round_trips_article_records(db: str, tmp_path: Path) -> None:
    out = tmp_path / "a.jsonl"
    _export(db, "jsonl", out)
    got = {a.id: a for a in (Article.from_dict(json.loads(line))
                             for line in out.read_text().splitlines())}
    want = {a.id: a for a in _articles()}
    assert set(got) == set(want)
    for aid, art in want.items():
        assert got[aid].to_dict() == art.to_dict()


def test_csv_and_parquet_hold_every_table(db: str, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    _export(db, "csv", tmp_path / "csv")
    _export(db, "parquet", tmp_path / "pq")
    with Store(db, readonly=True) as st:
        counts = st.stats().tables
    for table, n in counts.items():
        with open(tmp_path / "csv" / f"{table}.csv", encoding="utf-8") as fh:
            assert sum(1 for _ in csv.reader(fh)) == n + 1, table
        assert pq.read_table(tmp_path / "pq" / f"{table}.parquet").num_rows == n, table
    events = pq.read_table(tmp_path / "pq" / "events.parquet")
    assert str(events.schema.field("n_reports").type) == "int64"
    assert "sketch" not in pq.read_table(tmp_path / "pq" / "articles.parquet").column_names


def test_plover_events(db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    _export(db, "plover", out)
    events = [json.loads(line) for line in out.read_text().splitlines()]
    meeting = max(events, key=lambda e: e["reports"])
    assert meeting["event_type"] == "CONSULT" and meeting["date"] == "2022-04-11"
    assert meeting["independent_sources"] == 3 and len(meeting["article_ids"]) == 4
    assert {a["name"] for a in meeting["source"]} == {"Antony Blinken", "Lloyd Austin"}
    assert {a["country"] for a in meeting["target"]} == {"India"}


def test_wrong_kind_of_output_path(db: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--db", db, "--format", "jsonl", "--out",
                                       str(tmp_path)])
    assert result.exit_code != 0 and "is a folder" in result.output
