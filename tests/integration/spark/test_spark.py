"""Spark smoke test: local[2] over a JSONL feed and a WARC built here; the Parquet output
loaded into SQLite equals `ingest` of the same input; a rerun skips finished shards.

One Spark session for the whole module: its Python workers, and the pipeline each loaded,
are reused from one job to the next.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.run.load import load_results
from newsgraph.run.spark import SparkOptions, SparkReport, run_spark
from newsgraph.run.steps import marker_path
from newsgraph.store import Store
from paths import FIXTURES
from warc_builder import page, write_warc

CORPUS = FIXTURES / "spark" / "corpus-30.jsonl"
SHARD = 8

pytestmark = [
    pytest.mark.spark, pytest.mark.slow,
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas"),
]



@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """24 feed lines plus a broken one, and 6 of the articles as pages in a WARC."""
    d = tmp_path_factory.mktemp("spark-in")
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    feed = d / "feed.jsonl"
    feed.write_text("\n".join(lines[:24] + ["{broken"]) + "\n", encoding="utf-8")
    recs = [json.loads(line) for line in lines[24:30]]
    pages = [(r["url"], page(r["title"], r["text"].split("\n\n"))) for r in recs]
    warc = write_warc(d / "crawl.warc.gz", pages)
    return [str(feed), str(warc)]


@pytest.fixture(scope="module")
def spark() -> Any:
    from newsgraph.run.spark import session

    s = session(SparkOptions(master="local[2]"))
    yield s
    s.stop()


@pytest.fixture(scope="module")
def spark_run(spark: Any, inputs: list[str], tmp_path_factory: pytest.TempPathFactory
              ) -> tuple[Path, SparkReport]:
    out = tmp_path_factory.mktemp("spark-out")
    return out, run_spark(inputs, out, SparkOptions(shard_size=SHARD))


def _per_article(db: Path) -> dict[str, tuple[int, int, int]]:
    with Store(db) as st:
        rows = st.conn.execute(
            "SELECT a.id, (SELECT count(*) FROM quotes q WHERE q.article_id = a.id), "
            "(SELECT count(*) FROM event_reports v WHERE v.article_id = a.id), "
            "(SELECT count(*) FROM article_entities e WHERE e.article_id = a.id) "
            "FROM articles a").fetchall()
    return {r[0]: (r[1], r[2], r[3]) for r in rows}


def test_spark_run_covers_every_input(spark_run: tuple[Path, SparkReport]) -> None:
    out, report = spark_run
    # 25 feed lines in shards of 8 -> 4; 7 WARC responses (6 pages, 1 image) -> 1
    assert report.shards == 5 and report.skipped == 0
    assert not report.failed_shards
    assert report.articles == 30
    assert len(report.errors) == 1 and ":25: not a JSON object" in report.errors[0]
    for table in ("articles", "entities", "quotes", "events", "agreements"):
        assert len(list((out / table).glob("*.parquet"))) == 5
    # the model is loaded once per Python worker, not once per shard
    pids = {r.pid for r in report.results}
    assert 1 <= len(pids) <= 2
    assert report.model_loads == len(pids)


def test_load_gives_the_same_store_as_ingest(spark_run: tuple[Path, SparkReport],
                                             inputs: list[str], tmp_path: Path) -> None:
    from newsgraph.run.ingest import IngestOptions, ingest

    out, _ = spark_run
    loaded = load_results(out, tmp_path / "spark.db")
    assert loaded.added == 30 and not loaded.errors
    local = ingest(inputs, str(tmp_path / "local.db"), IngestOptions(workers=0))
    assert local.added == 30
    with Store(tmp_path / "spark.db") as a, Store(tmp_path / "local.db") as b:
        spark_rows, local_rows = a.stats().tables, b.stats().tables
    assert spark_rows == local_rows
    assert spark_rows["quotes"] > 0 and spark_rows["articles"] == 30
    # the same articles with the same number of quotes, events and entities each
    assert _per_article(tmp_path / "spark.db") == _per_article(tmp_path / "local.db")


def test_load_is_idempotent(spark_run: tuple[Path, SparkReport], tmp_path: Path) -> None:
    out, _ = spark_run
    db = tmp_path / "twice.db"
    load_results(out, db)
    with Store(db) as st:
        before = st.stats().tables
    again = load_results(out, db)
    assert (again.added, again.already) == (0, 30)
    with Store(db) as st:
        assert st.stats().tables == before


def test_rerun_skips_finished_shards(spark_run: tuple[Path, SparkReport],
                                     inputs: list[str]) -> None:
    out, first = spark_run
    files = {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")}
    again = run_spark(inputs, out, SparkOptions(shard_size=SHARD))
    assert (again.shards, again.skipped, again.results) == (5, 5, [])
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")} == files
    # a shard that did not get its marker (a task killed before the end) is redone, alone
    victim = first.results[0].shard
    marker_path(out, victim).unlink()
    redo = run_spark(inputs, out, SparkOptions(shard_size=SHARD))
    assert [r.shard for r in redo.results] == [victim] and redo.skipped == 4
    assert redo.results[0].articles == first.results[0].articles
    assert not redo.results[0].loaded_model  # the worker kept its pipeline


def test_cli_spark_then_load(spark: Any, inputs: list[str], tmp_path: Path) -> None:
    runner = CliRunner()
    out, db = tmp_path / "out", tmp_path / "cli.db"
    res = runner.invoke(main, ["spark", "--input", inputs[1], "--input",
                               str(tmp_path / "missing.warc"), "--output", str(out)])
    assert res.exit_code == 1, res.output  # the missing input is reported, the rest is done
    assert "missing.warc: no such file or directory" in res.output
    assert "6 article(s) written" in res.output
    res = runner.invoke(main, ["spark", "--input", inputs[1], "--output", str(out),
                               "--shard-size", "3"])
    assert res.exit_code == 1 and "--shard-size 200" in res.output
    res = runner.invoke(main, ["load", str(out), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "6 added" in res.output
    res = runner.invoke(main, ["load", str(tmp_path), "--db", str(db)])
    assert res.exit_code == 1 and "not the output of `newsgraph spark`" in res.output
