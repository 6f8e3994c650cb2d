"""Training the event judge: deterministic, and it learns from the labels."""

from __future__ import annotations

import itertools

from newsgraph.annotate.events.train import score, train


def _rows() -> list[dict]:
    rows = []
    for i, (cat, res) in enumerate(itertools.product(["CONSULT", "ASSAULT", "REQUEST"],
                                                     ["0", "1"])):
        for j in range(20):
            good = res == "1" and cat != "REQUEST"
            rows.append({"key": f"a{i}:{j}", "split": "train" if j < 15 else "test",
                         "features": {"cat": cat, "resolved": res, "n": str(j % 3)},
                         "label": "keep" if good else "drop"})
    return rows


def test_training_is_deterministic() -> None:
    assert train(_rows()) == train(list(reversed(_rows())))


def test_the_judge_learns_the_labels() -> None:
    model = train(_rows(), c=10.0, precision=0.9)
    assert model["weights"]["resolved=1"] > model["weights"]["resolved=0"]
    s = score(model, _rows(), "test")
    assert s["precision"] >= 0.9 and s["recall"] >= 0.9
