"""Resolution on Spark: the resolved tables a Spark run writes, stored by `newsgraph load`,
equal the local rebuild's, table by table and id by id; a later ingest then resolves
incrementally from them.

The sample (tests/fixtures/spark/resolve-sample.jsonl.gz) is 43 annotated Article records
of the demo corpus, three weeks of February 2022 with its wire copies, written as finished
shards here (no annotation), so the test runs resolution only.
"""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.record import Article
from newsgraph.run.load import load_results
from newsgraph.run.parquet import ShardWriter
from newsgraph.run.steps import ShardResult, marker_path
from newsgraph.store import Store, incremental
from newsgraph.store.migrations import RESOLVED_TABLES, STATE_TABLES
from paths import FIXTURES

SAMPLE = FIXTURES / "spark" / "resolve-sample.jsonl.gz"
SHARD = 10

pytestmark = [
    pytest.mark.spark, pytest.mark.slow,
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas"),
]



def _articles() -> list[Article]:
    with gzip.open(SAMPLE, "rt", encoding="utf-8") as f:
        return [Article.from_dict(json.loads(line)) for line in f]


def _write_shards(out: Path, articles: list[Article]) -> None:
    """`articles` as the finished shards `newsgraph spark` writes (one repeated in another
    shard: only its first copy is stored, and resolved)."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "_manifest.json").write_text(json.dumps({"shard_size": SHARD}), encoding="utf-8")
    chunks = [articles[i:i + SHARD] for i in range(0, len(articles), SHARD)]
    chunks[-1] = [*chunks[-1], articles[0]]
    for n, chunk in enumerate(chunks):
        writer = ShardWriter(out, f"s{n}")
        for art in chunk:
            writer.add(art)
        writer.commit()
        marker_path(out, f"s{n}").parent.mkdir(exist_ok=True)
        marker_path(out, f"s{n}").write_text(ShardResult(shard=f"s{n}").to_json())


def _tables(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    conn = sqlite3.connect(db)
    try:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
                for t in RESOLVED_TABLES + STATE_TABLES}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def resolved(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Article]]:
    articles = _articles()
    out = tmp_path_factory.mktemp("spark-resolve")
    _write_shards(out, articles[:-1])   # the last one comes later, through an ingest
    # `newsgraph spark --resolve` with no input resolves the finished shards of OUTPUT
    res = CliRunner().invoke(main, ["spark", "--output", str(out), "--resolve"])
    assert res.exit_code == 0, res.output
    assert f"resolved {len(articles) - 1} article(s) of 5 shard(s) on Spark" in res.output
    assert json.loads((out / "resolved" / "_done.json").read_text())["shards"] == [
        f"s{n}" for n in range(5)]
    return out, articles


def test_spark_resolution_equals_the_local_rebuild(resolved: tuple[Path, list[Article]],
                                                   tmp_path: Path) -> None:
    out, articles = resolved
    loaded = load_results(out, tmp_path / "spark.db")
    assert loaded.resolved_by == "spark" and loaded.added == len(articles) - 1
    local = load_results(out, tmp_path / "local.db", resolve=False)
    assert local.resolved_by == ""
    with Store(tmp_path / "local.db") as st:
        st.resolve(full=True)
    spark_tables, local_tables = _tables(tmp_path / "spark.db"), _tables(tmp_path / "local.db")
    for table in RESOLVED_TABLES + STATE_TABLES:
        assert spark_tables[table] == local_tables[table], table
    # the sample exercises every step: people across articles, copies, events reported by
    # several articles, agreements
    with Store(tmp_path / "spark.db") as st:
        one = st.conn.execute
        assert one("SELECT max(n_articles) FROM entities WHERE type = 'PERSON'").fetchone()[0] > 3
        assert one("SELECT count(*) FROM duplicates").fetchone()[0] >= 1
        assert one("SELECT max(n_articles) FROM events").fetchone()[0] > 1
        assert one("SELECT count(*) FROM agreements").fetchone()[0] > 0


def test_a_later_ingest_resolves_incrementally(resolved: tuple[Path, list[Article]],
                                               tmp_path: Path) -> None:
    out, articles = resolved
    db, full = tmp_path / "later.db", tmp_path / "full.db"
    assert load_results(out, db).resolved_by == "spark"
    with Store(db) as st:
        st.write_articles(articles[-1:])
        # the state tables came with the resolution: only the new article is resolved
        assert not incremental.needs_full(st.conn)
        assert incremental.new_articles(st.conn) == [articles[-1].id]
        st.resolve()
    shutil.copy(db, full)
    with Store(full) as st:
        st.resolve(full=True)
    assert _tables(db) == _tables(full)


def test_load_resolves_here_when_the_store_holds_other_articles(
        resolved: tuple[Path, list[Article]], tmp_path: Path) -> None:
    out, articles = resolved
    db = tmp_path / "other.db"
    with Store(db) as st:
        st.write_articles(articles[-1:])
    res = CliRunner().invoke(main, ["load", str(out), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "not using the resolution made on Spark" in res.output
    assert "; resolved:" in res.output
    db2 = tmp_path / "fresh.db"
    res = CliRunner().invoke(main, ["load", str(out), "--db", str(db2)])
    assert res.exit_code == 0 and "resolved on Spark, stored without a rebuild" in res.output
