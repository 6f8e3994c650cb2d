"""The place scorer's rules: distance, and no point where the text gives only a country."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.evaluate.places import Mention, judge, km, load
from newsgraph.record import Geo


def test_km_between_two_cities() -> None:
    assert km(38.8719, -77.0563, 38.8951, -77.0364) == pytest.approx(3.1, abs=0.3)


def test_a_point_within_25_km_is_right() -> None:
    m = Mention("m1", "dev", "a", 0, 5, "Paris", "point", lat=48.85, lon=2.35)
    assert judge(m, Geo("city", 48.86, 2.34, None, "FR", "Paris"))
    assert not judge(m, Geo("city", 33.66, -95.55, None, "US", "Paris"))
    assert not judge(m, None)


def test_a_country_mention_is_wrong_when_drawn_at_a_point() -> None:
    m = Mention("m1", "dev", "a", 0, 5, "Syria", "country", country="SY")
    assert judge(m, Geo("country", None, None, 163843, "SY", "Syria"))
    assert not judge(m, Geo("city", 33.5, 36.3, None, "SY", "Damascus"))
    assert not judge(m, Geo("country", None, None, None, "IQ", "Iraq"))


def test_load_checks_the_kind(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("In Paris.", encoding="utf-8")
    row = {"id": "m1", "split": "dev", "article": "a", "start": 3, "end": 8, "text": "Paris",
           "kind": "town"}
    (tmp_path / "mentions.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="kind must be one of"):
        load(tmp_path)
