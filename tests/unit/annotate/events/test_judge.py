"""The event judge: features of a candidate, confidence on every event, the unresolved rule."""

from __future__ import annotations

import pytest

from newsgraph.annotate.events.judge import Judge, judge
from newsgraph.record import Article

pytestmark = pytest.mark.slow


def _events(text: str) -> list:
    from newsgraph.annotate import annotate

    return next(iter(annotate([Article.new(text)]))).events


def test_every_event_has_a_confidence_between_0_and_1() -> None:
    evs = _events("Foreign Minister Anna Berg met Prime Minister Karl Holm of Norway in Oslo "
                  "on Monday. Sweden condemned the missile attack on Kyiv.")
    assert evs
    for e in evs:
        assert e.confidence is not None and 0.0 <= e.confidence <= 1.0


def test_confidence_is_deterministic() -> None:
    text = "The President of Finland spoke by phone with the Chancellor of Germany."
    first = [e.confidence for e in _events(text)]
    assert first and first == [e.confidence for e in _events(text)]


def test_a_meeting_of_named_leaders_is_shown_a_metaphor_is_not() -> None:
    t = judge().threshold
    met = _events("Secretary of State Maria Lund met Japanese Foreign Minister Kenji Sato in "
                  "Tokyo on Tuesday.")
    assert any(e.category == "CONSULT" and (e.confidence or 0) >= t for e in met)
    seized = _events("Critics seized on the remarks, and the campaign cut off the anchor.")
    assert all((e.confidence or 0) < t for e in seized)


def test_no_resolved_actor_stays_below_the_threshold() -> None:
    j = Judge({"cat=CONSULT": 8.0}, 0.0, 0.4)
    assert j.confidence({"cat": "CONSULT", "resolved": "1"}) > 0.99
    assert j.confidence({"cat": "CONSULT", "resolved": "0"}) < 0.4
