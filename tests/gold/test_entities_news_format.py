"""The real-news people gold (`entities_news/`) is well formed: the scorer loads both splits,
and every name and alias occurs in its article's text (format: entities_news/README.md)."""

from __future__ import annotations

import json

from newsgraph.evaluate.entities import load_gold, norm_name
from paths import GOLD_DIR

GOLD = GOLD_DIR / "entities_news"


def test_both_splits_load() -> None:
    dev, test = load_gold(GOLD, "dev"), load_gold(GOLD, "test")
    assert len(dev) >= 20 and len(test) >= 20
    assert not {d.id for d in dev} & {d.id for d in test}


def test_names_occur_in_the_text_and_are_not_shared() -> None:
    for f in sorted(GOLD.glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        assert d["split"] in {"dev", "test"}, f.name
        assert d.get("batch", 1) in {1, 2}, f.name
        seen: set[str] = set()
        for p in d["people"]:
            assert set(p) == {"name", "aliases", "roles", "affiliation", "organisation"}, f.name
            names = {norm_name(n) for n in [p["name"], *p["aliases"]]}
            assert not names & seen, (f.name, p["name"])
            seen |= names
            for n in [p["name"], *p["aliases"]]:
                assert n in d["text"], (f.name, n)
