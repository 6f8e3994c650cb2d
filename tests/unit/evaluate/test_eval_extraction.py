"""The benchmark metric, and a quality gate on a sample of the article-extraction benchmark.

The floors are measured values rounded down (see docs/extraction.md); lowering one needs a
visible change here and a reason in the commit.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.evaluate.extraction import (
    Report,
    score_page,
    shingles,
)
from paths import FIXTURES

AEB = FIXTURES / "aeb"


def test_shingles_count_repeats() -> None:
    s = shingles("a b c d a b c d")
    assert s[("a", "b", "c", "d")] == 2
    assert sum(s.values()) == 5


def test_short_text_is_one_shingle() -> None:
    assert shingles("two words") == {("two", "words"): 1}
    assert shingles("") == {}


def test_identical_page_scores_one() -> None:
    p = score_page("x", "One two three four five.", "One two three four five.")
    assert (p.precision, p.recall, p.f1) == (1.0, 1.0, 1.0)


def test_both_empty_is_perfect_and_missing_prediction_is_zero() -> None:
    assert score_page("x", "", "").f1 == 1.0
    p = score_page("x", "one two three four five", "")
    assert (p.precision, p.recall) == (0.0, 0.0)


def test_duplicated_paragraph_costs_precision() -> None:
    gold = "alpha beta gamma delta epsilon"
    p = score_page("x", gold, gold + "\n\n" + gold)
    # gold has 2 shingles; the prediction has them twice plus 3 spanning the join
    assert p.recall == 1.0
    assert p.precision == pytest.approx(2 / 7)


def test_hand_computed_page() -> None:
    # gold shingles: (a b c d) (b c d e); predicted: (a b c d) (b c d x)
    p = score_page("x", "a b c d e", "a b c d x")
    assert (p.tp, p.fp, p.fn) == (1, 1, 1)
    assert p.f1 == pytest.approx(0.5)


def test_report_averages_pages_then_takes_f1() -> None:
    r = Report([score_page("a", "a b c d", "a b c d"), score_page("b", "a b c d e", "a b c d")])
    assert r.precision == pytest.approx(1.0)
    assert r.recall == pytest.approx((1.0 + 0.5) / 2)
    assert r.f1 == pytest.approx(2 * 1.0 * 0.75 / 1.75)
    assert [p.id for p in r.worst(1)] == ["b"]


def test_cli_needs_exactly_one_input_kind(tmp_path: Path) -> None:
    gold = str(AEB / "ground-truth.json")
    r = CliRunner().invoke(main, ["eval", "extraction", "--gold", gold])
    assert r.exit_code != 0 and "exactly one" in r.output


def test_cli_bad_gold_file_is_one_clear_line(tmp_path: Path) -> None:
    bad = tmp_path / "gold.json"
    bad.write_text("[1, 2]")
    r = CliRunner().invoke(main, ["eval", "extraction", "--gold", str(bad), "--text",
                                  str(AEB / "page-text.json")])
    assert r.exit_code == 1
    assert str(bad) in r.output and "JSON object" in r.output
