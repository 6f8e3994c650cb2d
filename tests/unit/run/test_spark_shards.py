"""Shards and the Parquet schema (no Spark, no model): shards cover every input exactly once
with the same sources as a whole-input read, and Article records survive Parquet unchanged."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from newsgraph.read import InputError, RawInput, iter_inputs
from newsgraph.record import (
    Agreement,
    Article,
    Entity,
    Event,
    EventActor,
    Quote,
    Removed,
)
from newsgraph.run.parquet import RENAMED, SCHEMAS, ShardWriter, read_shard_articles
from newsgraph.run.shards import plan_shards, read_shard
from paths import FIXTURES
from warc_builder import page, write_warc

CORPUS = FIXTURES / "spark" / "corpus-30.jsonl"


def _sources(items: object) -> list[str]:
    out = []
    for it in items:  # type: ignore[attr-defined]
        assert isinstance(it, RawInput | InputError)
        out.append(it.source)
    return out


def _all_shard_sources(paths: list[str], size: int) -> list[str]:
    plan = plan_shards(paths, size)
    assert not plan.errors
    return [s for shard in plan.shards for s in _sources(read_shard(shard))]


@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()[:7]
    # a blank line, a broken line and a record without text: numbering and errors must match
    lines[2:2] = ["", "{not json", json.dumps({"title": "no body"})]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("size", [1, 3, 4, 100])
def test_jsonl_shards_cover_each_line_once(jsonl: Path, size: int) -> None:
    whole = _sources(iter_inputs([str(jsonl)]))
    assert _all_shard_sources([str(jsonl)], size) == whole
    assert len(plan_shards([str(jsonl)], size).shards) == -(-10 // size)


def test_gzip_jsonl_shards(jsonl: Path, tmp_path: Path) -> None:
    import gzip

    gz = tmp_path / "feed.jsonl.gz"
    gz.write_bytes(gzip.compress(jsonl.read_bytes()))
    assert _all_shard_sources([str(gz)], 3) == _sources(iter_inputs([str(gz)]))


@pytest.mark.parametrize("gzip", [True, False])
def test_warc_shards_cover_each_record_once(tmp_path: Path, gzip: bool) -> None:
    pages = [(f"https://example.org/{i}", page(f"Title {i}", [f"Paragraph {i}."]))
             for i in range(5)]
    warc = write_warc(tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc"), pages, gzip=gzip)
    whole = list(iter_inputs([str(warc)]))
    assert len(whole) == 5  # the image response is skipped
    for size in (1, 2, 5, 9):
        plan = plan_shards([str(warc)], size)
        got = [it for s in plan.shards for it in read_shard(s)]
        assert [(g.source, g.data) for g in got] == [(w.source, w.data) for w in whole]  # type: ignore[union-attr]
        # shards split on response records: 5 pages and the image
        assert len(plan.shards) == -(-6 // size)


def test_folder_shards_and_errors(tmp_path: Path, jsonl: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(5):
        (folder / f"p{i}.html").write_text(page(f"T{i}", ["x"]), encoding="utf-8")
    (folder / ".hidden.html").write_text("no", encoding="utf-8")
    plan = plan_shards([str(folder), str(tmp_path / "missing.jsonl"), "-"], 2)
    assert [s.kind for s in plan.shards] == ["files"] * 3
    assert [e.source for e in plan.errors] == [str(tmp_path / "missing.jsonl"), "<stdin>"]
    assert _all_shard_sources([str(folder)], 2) == _sources(iter_inputs([str(folder)]))


def test_shard_ids_are_stable_and_depend_on_the_split(jsonl: Path) -> None:
    a = [s.id for s in plan_shards([str(jsonl)], 3).shards]
    assert a == [s.id for s in plan_shards([str(jsonl)], 3).shards]
    assert len(set(a)) == len(a)
    assert not set(a) & {s.id for s in plan_shards([str(jsonl)], 4).shards}


def test_shard_description_round_trips(jsonl: Path) -> None:
    from newsgraph.run.shards import Shard

    for s in plan_shards([str(jsonl)], 3).shards:
        assert Shard.from_json(s.to_json()) == s


def _full_article(text: str, n: int) -> Article:
    """An article with every field of every record type set (not from any pipeline)."""
    return Article.new(
        text, title=f"Title {n}", published="2025-07-02", authors=["A. Writer"],
        url=f"https://example.org/{n}", site="example.org", source=f"feed.jsonl:{n}",
        removed=[Removed("advertisement", "Advertisement")],
        entities=[Entity("e1", "Pete Hegseth", "PERSON", roles=["Secretary of Defense"],
                         affiliation="United States", mentions=[[0, 4], [10, 17]],
                         role_texts=["Defence Secretary"])],
        quotes=[Quote("q1", "We will", "direct", [20, 27], speaker="Pete Hegseth",
                      speaker_id="e1", speaker_span=[0, 4], cue="said", is_question=True),
                Quote("q2", "x", "indirect", [1, 2])],
        events=[Event("v1", "CONSULT", mode="visit",
                      actors=[EventActor("e1", "Pete Hegseth", "source", "United States"),
                              EventActor(None, "India", "target")],
                      location="Pentagon", location_country="United States",
                      date="2025-07-01", date_text="Tuesday", modality="planned",
                      sentence="They met.", span=[0, 9], trigger="met")],
        agreements=[Agreement("MQ-9B sale", "arms-sale", parties=["United States", "India"],
                              status="signed", span=[3, 8], system="MQ-9B", quantity=31,
                              value="$3.99 billion", supplier="United States",
                              recipient="India"),
                    Agreement("Framework", "framework")])


def test_parquet_round_trip(tmp_path: Path) -> None:
    arts = [_full_article(f"Some text number {i}.", i) for i in range(5)]
    arts.append(arts[0])  # the same text twice stays two articles
    arts.append(Article.new("Bare."))
    w = ShardWriter(tmp_path, "s1", flush_rows=2)
    for a in arts:
        w.add(a)
    w.commit()
    back = list(read_shard_articles(tmp_path, "s1"))
    assert [b.to_dict() for b in back] == [a.to_dict() for a in arts]
    assert not list(tmp_path.rglob("*.tmp"))


def test_empty_shard_writes_every_table(tmp_path: Path) -> None:
    w = ShardWriter(tmp_path, "empty")
    w.commit()
    assert sorted(p.parent.name for p in tmp_path.rglob("empty.parquet")) == sorted(SCHEMAS)
    assert list(read_shard_articles(tmp_path, "empty")) == []


@pytest.mark.parametrize("cls,table", [(Article, "articles"), (Entity, "entities"),
                                       (Quote, "quotes"), (Event, "events"),
                                       (Agreement, "agreements")])
def test_schema_has_a_column_for_every_record_field(cls: type, table: str) -> None:
    """Fails when a field is added to the record without a column in run/parquet.py."""
    columns = set(SCHEMAS[table].names)
    renamed = RENAMED.get(cls.__name__, {})
    children = {"entities", "quotes", "events", "agreements"} if cls is Article else set()
    missing = [f.name for f in dataclasses.fields(cls)
               if f.name not in children and renamed.get(f.name, f.name) not in columns]
    assert not missing, f"add {missing} to SCHEMAS[{table!r}] in run/parquet.py"


@pytest.mark.parametrize("cls,table,column", [(EventActor, "events", "actors"),
                                              (Removed, "articles", "removed")])
def test_nested_structs_cover_their_records(cls: type, table: str, column: str) -> None:
    struct = SCHEMAS[table].field(column).type.value_type
    names = {struct.field(i).name for i in range(struct.num_fields)}
    assert {f.name for f in dataclasses.fields(cls)} <= names
