"""`newsgraph eval events --verb-rules FILE`: the scores of a changed copy of the verb rules,
and a one-line error for a file that is missing or malformed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph import lexicon
from newsgraph.cli import main

ROW = "deploy\tobject_in(@troops @weapons soldier)\tMOBILIZE/troops"


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    line = {"id": "g1", "published": "2024-01-02",
            "text": "India deployed 5,000 troops to the border on Monday.",
            "events": [{"trigger": ["deployed"], "category": "MOBILIZE", "mode": "troops",
                        "modality": "occurred", "actors": []}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    return path


def _rules(tmp_path: Path, new_row: str) -> Path:
    path = tmp_path / "my_rules.tsv"
    path.write_text(lexicon.data_text("verb_rules.tsv").replace(ROW, new_row),
                    encoding="utf-8")
    return path


def _eval(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["eval", "events", *args])
    return result.exit_code, result.output


@pytest.mark.slow
def test_a_changed_row_changes_the_scores(gold: Path, tmp_path: Path) -> None:
    code, shipped = _eval("--gold", str(gold), "--errors", "5")
    assert code == 0 and "category accuracy    1.000" in shipped
    rules = _rules(tmp_path, ROW.replace("MOBILIZE/troops", "ASSAULT"))
    code, changed = _eval("--gold", str(gold), "--errors", "5", "--verb-rules", str(rules))
    assert code == 0, changed
    assert "category accuracy    0.000" in changed
    assert "g1 gold MOBILIZE/occurred (deployed) got ASSAULT/occurred" in changed


def test_a_missing_rules_file_is_one_line_error(gold: Path, tmp_path: Path) -> None:
    code, out = _eval("--gold", str(gold), "--verb-rules", str(tmp_path / "nope.tsv"))
    assert code == 1
    assert out.strip() == f"error: --verb-rules {tmp_path / 'nope.tsv'}: no such file"


def test_a_malformed_rules_file_is_one_line_error_with_its_line(gold: Path,
                                                                tmp_path: Path) -> None:
    rules = _rules(tmp_path, ROW.replace("MOBILIZE/troops", "MOBILISE/troops"))
    code, out = _eval("--gold", str(gold), "--verb-rules", str(rules))
    assert code == 1
    line = lexicon.data_text("verb_rules.tsv").splitlines().index(ROW) + 1
    assert out.strip() == f"error: {rules}:{line}: MOBILISE is no PLOVER category"
