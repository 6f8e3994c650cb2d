"""The one route from inputs to Articles (`newsgraph.run.process`) and the batch API on it:
outcomes in input order with each bad input in its place, a component failure costs only its
article, the pool's skip hook, input discovery and counting, `analyze_many`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsgraph
from newsgraph.errors import BadInput
from newsgraph.read import InputError, RawInput, count_inputs, discover, iter_inputs
from newsgraph.record import Article
from newsgraph.run import process as route
from newsgraph.run.process import ProcessOptions, process

BODY = ("Defence Minister Rajnath Singh met Secretary of Defense Pete Hegseth in New Delhi on "
        "Monday and agreed to expand joint naval exercises in the coming year.")
TEXTS = [f"{BODY} Talk number {i} also covered the exchange of liaison officers."
         for i in range(5)]


def _items(*data: str) -> list[RawInput | InputError]:
    return [RawInput(source=f"in{i}", data=d) for i, d in enumerate(data)]


def _kinds(outcomes: list[Article | InputError]) -> list[str]:
    return [o.source or "" if isinstance(o, Article) else f"error {o.source}"
            for o in outcomes]


def test_extraction_only_keeps_input_order_with_errors_in_place() -> None:
    items = [*_items(TEXTS[0], "", TEXTS[1]), InputError("gone.txt", "no such file"),
             *_items(TEXTS[2])]
    out = list(process(items, ProcessOptions(annotate=False)))
    assert _kinds(out) == ["in0", "error in1", "in2", "error gone.txt", "in0"]
    assert isinstance(out[1], InputError) and out[1].line() == "in1: empty input"
    assert all(not a.entities for a in out if isinstance(a, Article))


@pytest.mark.slow
def test_annotated_chunks_keep_input_order_with_errors_in_place() -> None:
    items = _items(TEXTS[0], "", TEXTS[1], b"\x00\x01" * 50, TEXTS[2], TEXTS[3])
    out = list(process(items, ProcessOptions(chunk_size=2, batch_size=1)))
    assert _kinds(out) == ["in0", "error in1", "in2", "error in3", "in4", "in5"]
    assert all(a.entities for a in out if isinstance(a, Article))


@pytest.mark.slow
def test_a_component_failure_costs_only_its_article(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsgraph.annotate as annotate_pkg

    real = annotate_pkg.annotate

    def breaks_on_two(articles, options=None):  # type: ignore[no-untyped-def]
        articles = list(articles)
        if any("number 2" in a.text for a in articles):
            raise IndexError("component broke")
        return real(articles, options)

    monkeypatch.setattr(annotate_pkg, "annotate", breaks_on_two)
    out = list(process(_items(*TEXTS[:4])))
    assert _kinds(out) == ["in0", "in1", "error in2", "in3"]
    err = out[2]
    assert isinstance(err, InputError) and "\n" not in err.line()
    assert err.reason.startswith("annotation failed: internal error (IndexError")
    assert isinstance(err.cause, IndexError)


def test_skip_leaves_out_what_it_answers_true_for() -> None:
    asked: list[str] = []

    def stored(art: Article) -> bool:
        asked.append(art.source or "")
        return art.source == "in1"

    out = list(process(_items(*TEXTS[:3]), ProcessOptions(annotate=False), skip=stored))
    assert asked == ["in0", "in1", "in2"] and _kinds(out) == ["in0", "in2"]


def test_all_inputs_bad_does_not_load_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(route, "_annotate", lambda *a: pytest.fail("annotated nothing"))
    assert _kinds(list(process(_items("", "  ")))) == ["error in0", "error in1"]


def test_url_is_a_default_for_inputs_without_one() -> None:
    items = [RawInput(source="a", data=TEXTS[0]),
             RawInput(source="b", data=TEXTS[1], url="https://example.org/own")]
    out = list(process(items, ProcessOptions(url="https://example.org/x", annotate=False)))
    assert [a.url for a in out if isinstance(a, Article)] == \
        ["https://example.org/x", "https://example.org/own"]


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "feed.jsonl").write_text(
        "\n".join(json.dumps({"text": t}) for t in TEXTS[1:4]) + "\n\n", encoding="utf-8")
    (tmp_path / ".hidden").write_text("x", encoding="utf-8")
    (tmp_path / ".DS_Store").write_text("x", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    return tmp_path


def test_discover_and_count_agree_with_reading(folder: Path) -> None:
    assert [p.name for p in discover(folder)] == ["a.txt", "feed.jsonl"]
    (err,) = discover(folder / "empty")
    assert isinstance(err, InputError) and err.reason == "folder holds no files"
    (err,) = discover(folder / "missing")
    assert isinstance(err, InputError) and err.reason == "no such file or directory"
    assert count_inputs([folder]) == len(list(iter_inputs([folder]))) == 4
    assert count_inputs([folder / "empty", folder / "a.txt"]) == 1
    assert count_inputs([folder, "-"]) is None
    assert count_inputs([folder / "missing"]) is None
    (folder / "crawl.warc.gz").write_bytes(b"")
    assert count_inputs([folder]) is None


@pytest.mark.slow
def test_analyze_many_gives_the_records_of_analyze(folder: Path) -> None:
    one = [newsgraph.analyze(t, published="2025-07-02").to_dict() for t in TEXTS[:2]]
    many = list(newsgraph.analyze_many(TEXTS[:2], published="2025-07-02", batch_size=1))
    assert [a.to_dict() for a in many] == one
    assert all(a.source is None for a in many)
    paired = next(newsgraph.analyze_many([(TEXTS[0], "https://example.org/a")]))
    assert paired.url == "https://example.org/a" and paired.id == many[0].id
    from_path = list(newsgraph.analyze_many([folder]))
    assert [a.source for a in from_path] == [str(folder / "a.txt")] + \
        [f"{folder / 'sub' / 'feed.jsonl'}:{n}" for n in (1, 2, 3)]


@pytest.mark.slow
def test_analyze_many_raises_at_a_bad_input_or_skips_it() -> None:
    got: list[str] = []
    with pytest.raises(BadInput, match=r"^<input 1>: empty input$"):
        for a in newsgraph.analyze_many([TEXTS[0], "", TEXTS[1]]):
            got.append(a.text)
    assert got == [TEXTS[0]]
    kept = newsgraph.analyze_many([TEXTS[0], "", 42, TEXTS[1]], skip_bad=True)
    assert [a.text for a in kept] == [TEXTS[0], TEXTS[1]]
    with pytest.raises(BadInput, match="not int"):
        list(newsgraph.analyze_many([42]))


def test_analyze_raises_the_plain_reason() -> None:
    with pytest.raises(BadInput, match=r"^empty input$"):
        newsgraph.analyze("   ")


@pytest.mark.slow
def test_analyze_many_on_worker_processes_gives_the_same_records() -> None:
    texts = [*TEXTS, "", *TEXTS[:2]]
    one = [a.to_dict() for a in newsgraph.analyze_many(texts, skip_bad=True)]
    two = [a.to_dict() for a in newsgraph.analyze_many(texts, skip_bad=True, n_process=2)]
    assert two == one and len(one) == 7
    with pytest.raises(BadInput, match=r"^<input 5>: empty input$"):
        list(newsgraph.analyze_many(texts, n_process=2))
