"""Gold splits: files without a split are "dev"; --split keeps only one split."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from newsgraph.evaluate.entities import load_gold


def _write(folder: Path, name: str, split: str | None) -> None:
    d: dict[str, object] = {"id": name, "text": "Prime Minister Kishida spoke.", "people": []}
    if split is not None:
        d["split"] = split
    (folder / f"{name}.json").write_text(json.dumps(d), encoding="utf-8")


def test_split_filters_and_defaults_to_dev(tmp_path: Path) -> None:
    _write(tmp_path, "a", None)
    _write(tmp_path, "b", "test2")
    assert [d.id for d in load_gold(tmp_path)] == ["a", "b"]
    assert [d.id for d in load_gold(tmp_path, "dev")] == ["a"]
    assert [d.id for d in load_gold(tmp_path, "test2")] == ["b"]


def test_unknown_split_is_a_clear_error(tmp_path: Path) -> None:
    from newsgraph.cli import main

    _write(tmp_path, "a", None)
    res = CliRunner().invoke(main, ["eval", "entities", "--gold", str(tmp_path),
                                    "--split", "test9"])
    assert res.exit_code == 1
    assert "test9" in res.output
