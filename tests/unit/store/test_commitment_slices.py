"""A full rebuild finds the commitments a slice of quotes at a time; they are those of every
quote at once, wherever the slices are cut."""

from __future__ import annotations

from typing import Any

import pytest

from graph_samples import agreement_articles, event_articles
from newsgraph.resolve import commitments
from newsgraph.store import Store, resolved


def _commitments(st: Store) -> list[tuple[Any, ...]]:
    return sorted(st.conn.execute("SELECT * FROM commitments").fetchall(), key=repr)


@pytest.mark.parametrize("size", [1, 2, 1000])
def test_slices_give_the_commitments_of_one_pass(size: int, monkeypatch: Any) -> None:
    with Store() as st:
        st.write_articles(agreement_articles() + event_articles())
        monkeypatch.setattr(resolved, "QUOTE_SLICE", size)
        st.resolve(full=True)
        with st.transaction() as conn:
            expected = commitments.resolve_commitments(resolved.load_commitment_inputs(conn))
            assert sum(len(s.quotes) for s in resolved.commitment_slices(conn)) == len(
                resolved.load_commitment_inputs(conn).quotes)
        assert len(_commitments(st)) == len(expected) >= 2
        assert _commitments(st) == sorted(
            [tuple(getattr(c, f) for f in (
                "id", "quote_pk", "article_id", "date", "speaker", "speaker_entity_id", "text",
                "cue", "action", "deadline_text", "deadline_date", "agreement_id", "outcome",
                "outcome_article_id", "outcome_date", "outcome_evidence"))
             for c in expected], key=repr)
