"""Event quality floors on the hand-coded gold.

The floors are the scores measured when they were set, rounded down; lowering one needs a
visible change here and a reason in the commit.
"""

from __future__ import annotations

import pytest

from newsgraph.evaluate.events import load_gold, score
from paths import GOLD_DIR

pytestmark = pytest.mark.slow

GOLD = GOLD_DIR / "events"


@pytest.mark.slow
def test_floors_on_the_gold() -> None:
    from newsgraph.evaluate.events import predict

    # The floors were set on the first draw (dev + test); the later test2 draw, coded to
    # probe the rare categories, has its own lower floors below.
    sentences = [s for s in load_gold(GOLD) if s.split in ("dev", "test")]
    rep = score(sentences, predict(sentences))
    assert rep.category_accuracy >= 0.85
    assert rep.macro_f1 >= 0.75
    assert rep.modality_accuracy >= 0.83
    assert rep.modality_accuracy_matched >= 0.93
    assert rep.actors.f1 >= 0.81


@pytest.mark.slow
def test_floors_on_test2() -> None:
    """The 61 test2 sentences (rare categories, negation, hypotheticals, event nouns, pair
    phrases). First scored before any rule looked at them (category accuracy 0.659); the
    rules were then fixed for the general causes of their errors, so these floors guard the
    fixes, they are no longer an unseen score."""
    sentences = [s for s in load_gold(GOLD) if s.split == "test2"]
    assert len(sentences) == 61
    from newsgraph.evaluate.events import predict

    rep = score(sentences, predict(sentences))
    assert rep.category_accuracy >= 0.94
    assert rep.macro_f1 >= 0.91
    assert rep.modality_accuracy >= 0.90
    assert rep.actors.f1 >= 0.78


ARTICLES = GOLD_DIR / "event_articles"
CANDIDATES = GOLD_DIR / "event_candidates" / "candidates.jsonl"


@pytest.mark.slow
def test_article_level_floors_on_real_news() -> None:
    """Every event a reader codes in 15 held-out real-news articles (61 events): the events
    shown at the judge's threshold. Measured when set: precision 0.822, recall 0.705."""
    from newsgraph.evaluate.event_articles import evaluate

    rep = evaluate(ARTICLES)
    assert rep.articles == 15
    assert rep.precision >= 0.80
    assert rep.recall >= 0.65


def test_judge_on_held_out_candidates() -> None:
    """The shipped judge on the test split of the labelled candidates (features as stored):
    of the candidates it keeps, most are right; it keeps most of the right ones. Measured
    when trained: precision 0.681, recall 0.689."""
    from newsgraph.annotate.events.train import load, score
    from newsgraph.lexicon import event_judge

    rows = load(CANDIDATES)
    assert len(rows) >= 1500
    s = score(event_judge(), rows, "test")
    assert s["precision"] >= 0.65
    assert s["recall"] >= 0.65
