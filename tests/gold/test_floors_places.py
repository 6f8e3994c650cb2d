"""Geocoding floors on the hand-labelled place mentions (`tests/gold/places`).

The floors are the scores measured when they were set, rounded down; lowering one needs a
visible change here and a reason in the commit.
"""

from __future__ import annotations

import pytest

from newsgraph.evaluate.places import evaluate
from paths import GOLD_DIR

pytestmark = pytest.mark.slow


def test_floors_on_the_gold() -> None:
    rep = evaluate(GOLD_DIR / "places")
    assert rep.total >= 150
    assert rep.accuracy >= 0.90
    assert rep.points_for_country == 0
    test = [s for s in rep.scored if s.mention.split == "test"]
    assert sum(s.right for s in test) / len(test) >= 0.90
