"""`newsgraph eval events`: the scorer on hand-made predictions, and the floors on the gold.

The floors are the scores measured when they were set, rounded down; lowering one needs a
visible change here and a reason in the commit.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.evaluate.events import GoldEvent, GoldSentence, load_gold, same_actor, score
from newsgraph.record import Event, EventActor
from paths import GOLD_DIR

GOLD = GOLD_DIR / "events"


def _gold(*events: GoldEvent) -> GoldSentence:
    return GoldSentence(id="s1", text="...", published=None, events=list(events))


def _pred(category: str, trigger: str, modality: str = "occurred",
          actors: tuple[str, ...] = ()) -> Event:
    return Event(id="v1", category=category, trigger=trigger, modality=modality,  # type: ignore[arg-type]
                 actors=[EventActor(id=None, name=n, role="source") for n in actors])


@pytest.mark.parametrize("gold,pred,same", [
    ("United States", "U.S.", True),
    ("DPRK", "North Korea", True),
    ("Burma", "Myanmar", True),
    ("Sullivan", "Jake Sullivan", True),
    ("Kamala Harris", "Harris", True),
    ("India", "Indonesia", False),
    ("Biden", "Blinken", False),
])
def test_same_actor(gold: str, pred: str, same: bool) -> None:
    assert same_actor(gold, pred) is same


def test_score_counts_misses_as_wrong() -> None:
    sentences = [_gold(GoldEvent(["met"], "CONSULT", "occurred", actors=[("Modi", "target")]),
                       GoldEvent(["condemned"], "ACCUSE", "occurred"))]
    rep = score(sentences, [[_pred("CONSULT", "met", actors=("Narendra Modi", "Biden"))]])
    assert rep.gold_events == 2 and rep.matched == 1
    assert rep.category_accuracy == 0.5
    assert rep.modality_accuracy == 0.5 and rep.modality_accuracy_matched == 1.0
    assert (rep.actors.tp, rep.actors.fp, rep.actors.fn) == (1, 1, 0)
    assert rep.per_category["ACCUSE"].fn == 1


def test_score_matches_by_trigger_word_and_prefers_same_category() -> None:
    sentences = [_gold(GoldEvent(["held", "talks"], "CONSULT", "planned"))]
    preds = [[_pred("SUPPORT", "held talks"), _pred("CONSULT", "talks", "planned")]]
    rep = score(sentences, preds)
    assert rep.category_accuracy == 1.0 and rep.modality_accuracy == 1.0
    assert len(rep.unmatched_predictions) == 1


def test_gold_file_is_well_formed() -> None:
    sentences = load_gold(GOLD)
    assert len(sentences) >= 150
    assert sum(len(s.events) for s in sentences) >= 150
    cats = {e.category for s in sentences for e in s.events}
    assert len(cats) == 16
    for s in sentences:
        assert s.split in ("dev", "test", "test2")
        for e in s.events:
            assert e.trigger and all(any(w.lower() in s.text.lower() for w in t.split())
                                     for t in e.trigger), (s.id, e.trigger)


def test_bad_gold_path_is_one_line_error(tmp_path: Path) -> None:
    from newsgraph.cli import main

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "events", "--gold", str(bad)])
    assert result.exit_code == 1
    assert "bad.jsonl:1" in result.output and len(result.output.strip().splitlines()) == 1
