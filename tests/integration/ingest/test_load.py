"""`load` without Spark: Parquet shards written here go into the store through its write API
(idempotent by content hash); only marked shards count; one unreadable shard is reported and
the others still load. Also the clear errors when PySpark or Java is missing."""

from __future__ import annotations

import builtins
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.errors import NewsgraphError
from newsgraph.record import Article, Entity, Quote
from newsgraph.run.load import load_results
from newsgraph.run.parquet import ShardWriter, table_path
from newsgraph.run.steps import ShardResult, marker_path
from newsgraph.store import Store


def _article(i: int) -> Article:
    text = f"Minister Asha Rao{i} said the talks went well. \"We agree,\" she said on day {i}."
    return Article.new(text, title=f"Talks {i}", published=f"2024-05-0{1 + i % 9}",
                       source=f"feed.jsonl:{i}",
                       entities=[Entity("e1", f"Asha Rao{i}", "PERSON", mentions=[[9, 16]])],
                       quotes=[Quote("q1", "We agree", "direct", [48, 56], speaker=f"Asha Rao{i}",
                                     speaker_id="e1", cue="said")])


def _shard(out: Path, name: str, arts: list[Article], *, mark: bool = True) -> None:
    w = ShardWriter(out, name)
    for a in arts:
        w.add(a)
    w.commit()
    if mark:
        marker = marker_path(out, name)
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text(ShardResult(shard=name, articles=len(arts)).to_json())
    (out / "_manifest.json").write_text(json.dumps({"schema_version": 1, "shard_size": 3}))


@pytest.fixture
def out(tmp_path: Path) -> Path:
    d = tmp_path / "out"
    _shard(d, "s1", [_article(i) for i in range(3)])
    _shard(d, "s2", [_article(i) for i in range(3, 5)] + [_article(0)])  # a repeat of s1's
    _shard(d, "s3", [_article(9)], mark=False)  # a task that never finished
    return d


def test_load_stores_finished_shards_once(out: Path, tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    r = load_results(out, db)
    assert (r.shards, r.articles, r.added, r.already, r.errors) == (2, 6, 5, 1, [])
    with Store(db) as st:
        tables = st.stats().tables
        assert tables["articles"] == 5 and tables["quotes"] == 5
        ids = {row[0] for row in st.conn.execute("SELECT id FROM articles")}
    assert _article(9).id not in ids
    again = load_results(out, db)
    assert (again.added, again.already) == (0, 6)
    with Store(db) as st:
        assert st.stats().tables == tables


def test_unreadable_shard_is_reported_and_others_load(out: Path, tmp_path: Path) -> None:
    table_path(out, "quotes", "s1").write_bytes(b"not parquet")
    r = load_results(out, tmp_path / "b.db")
    assert r.added == 3 and len(r.errors) == 1 and "s1: cannot read" in r.errors[0]
    res = CliRunner().invoke(main, ["load", str(out), "--db", str(tmp_path / "c.db")])
    assert res.exit_code == 1
    assert "error:" in res.output and "3 added" in res.output


def test_load_refuses_a_folder_that_is_not_spark_output(tmp_path: Path) -> None:
    with pytest.raises(NewsgraphError, match="not the output of `newsgraph spark`"):
        load_results(tmp_path, tmp_path / "d.db")
    res = CliRunner().invoke(main, ["load", str(tmp_path / "nope"), "--db",
                                    str(tmp_path / "d.db")])
    assert res.exit_code == 1 and "no such folder" in res.output


def test_missing_pyspark_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.run.spark import require_spark

    real = builtins.__import__

    def no_pyspark(name: str, *args: Any, **kw: Any) -> Any:
        if name == "pyspark" or name.startswith("pyspark."):
            raise ImportError("No module named 'pyspark'")
        return real(name, *args, **kw)

    monkeypatch.setattr(builtins, "__import__", no_pyspark)
    with pytest.raises(NewsgraphError, match=r"pip install 'newsgraph\[spark\]'"):
        require_spark()


def test_missing_java_is_one_clear_line(monkeypatch: pytest.MonkeyPatch,
                                        tmp_path: Path) -> None:
    pytest.importorskip("pyspark")
    import newsgraph.run.spark as spark

    monkeypatch.setattr(spark.shutil, "which", lambda name: None)
    monkeypatch.delenv("JAVA_HOME", raising=False)
    with pytest.raises(NewsgraphError, match="needs Java"):
        spark.require_spark()
    res = CliRunner().invoke(main, ["spark", "--input", str(tmp_path), "--output",
                                    str(tmp_path / "o")])
    assert res.exit_code == 1 and "needs Java" in res.output
