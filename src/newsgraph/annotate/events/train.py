"""Train the event judge from labelled candidates; writes `data/event_judge.json`.

    python -m newsgraph.annotate.events.train tests/gold/event_candidates/candidates.jsonl \
        [--out src/newsgraph/data/event_judge.json]

Each line of the candidates file is one rule candidate with its `features` (as
`judge.features` gives them) and a `label` made by reading: keep and modality (right
category, an actor right) are positives; drop, actors and recategory are negatives. Only the
`train` split is used; the `test` split is only scored. Training is deterministic: candidates
sorted by key, a fixed seed, liblinear logistic regression. The threshold is chosen by
5-fold cross-validation on the training split: the lowest threshold whose held-out precision
reaches `--precision` (0.6 by default), so the views that hide events below it show events an
analyst can read as right more often than not.

Needs scikit-learn (a development dependency; the shipped judge is plain JSON weights).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

POSITIVE = {"keep", "modality"}
SEED = 15


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return sorted(rows, key=lambda r: r["key"])


def _xy(rows: list[dict[str, Any]]) -> tuple[list[dict[str, float]], list[int]]:
    xs = [{f"{k}={v}": 1.0 for k, v in sorted(r["features"].items())} for r in rows]
    ys = [1 if r["label"] in POSITIVE else 0 for r in rows]
    return xs, ys


def _model(c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, solver="liblinear", random_state=SEED, max_iter=1000)


def _threshold(xs: list[dict[str, float]], ys: list[int], c: float, precision: float
               ) -> float:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.model_selection import StratifiedKFold

    scores: list[tuple[float, int]] = []
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    for tr, te in folds.split(xs, ys):
        vec = DictVectorizer(sparse=False)
        m = _model(c).fit(vec.fit_transform([xs[i] for i in tr]), [ys[i] for i in tr])
        probs = m.predict_proba(vec.transform([xs[i] for i in te]))[:, 1]
        scores.extend(zip(probs.tolist(), [ys[i] for i in te], strict=True))
    for t in [x / 100 for x in range(5, 96)]:
        kept = [y for p, y in scores if p >= t]
        if kept and sum(kept) / len(kept) >= precision:
            return t
    return 0.5


def train(rows: list[dict[str, Any]], c: float = 1.0, precision: float = 0.6
          ) -> dict[str, Any]:
    from sklearn.feature_extraction import DictVectorizer

    rows = sorted(rows, key=lambda r: r["key"])
    xs, ys = _xy([r for r in rows if r.get("split", "train") == "train"])
    vec = DictVectorizer(sparse=False)
    m = _model(c).fit(vec.fit_transform(xs), ys)
    weights = {name: round(float(w), 4) for name, w in
               zip(vec.get_feature_names_out(), m.coef_[0], strict=True) if abs(w) >= 1e-4}
    return {"about": "event judge: logistic regression weights over judge.features "
                     "(name=value); see newsgraph.annotate.events.train",
            "trained_on": len(xs), "positives": sum(ys), "C": c,
            "threshold": _threshold(xs, ys, c, precision),
            "bias": round(float(m.intercept_[0]), 4), "weights": dict(sorted(weights.items()))}


def score(model: dict[str, Any], rows: list[dict[str, Any]], split: str = "test"
          ) -> dict[str, float]:
    """Precision and recall of the threshold on one split (positives as above)."""
    import math

    t = float(model["threshold"])
    tp = fp = fn = 0
    for r in rows:
        if r.get("split") != split:
            continue
        z = model["bias"] + sum(model["weights"].get(f"{k}={v}", 0.0)
                                for k, v in r["features"].items())
        keep = 1 / (1 + math.exp(-z)) >= t
        pos = r["label"] in POSITIVE
        tp += keep and pos
        fp += keep and not pos
        fn += pos and not keep
    return {"precision": tp / max(1, tp + fp), "recall": tp / max(1, tp + fn),
            "kept": tp + fp, "positives": tp + fn}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("candidates", type=Path)
    ap.add_argument("--out", type=Path,
                    default=Path(__file__).resolve().parents[2] / "data" / "event_judge.json")
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--precision", type=float, default=0.6)
    args = ap.parse_args()
    rows = load(args.candidates)
    model = train(rows, args.C, args.precision)
    args.out.write_text(json.dumps(model, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    s = score(model, rows)
    print(f"trained on {model['trained_on']} candidates ({model['positives']} right); "
          f"threshold {model['threshold']}; test split: precision {s['precision']:.3f} "
          f"recall {s['recall']:.3f} ({s['kept']} kept, {s['positives']} right)")


if __name__ == "__main__":
    main()
