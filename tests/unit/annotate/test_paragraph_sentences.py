"""A blank line ends a sentence, whatever the parser would have made of the two paragraphs."""

from __future__ import annotations

import pytest

from newsgraph.annotate.pipeline import make_doc
from newsgraph.record import Article

pytestmark = pytest.mark.slow

HEADER_THEN_TEXT = ("Office of the Press Secretary\n\nThe following text was released by the "
                    "Governments of Chile, Peru and Norway.\n\nWe condemn the detention of "
                    "peaceful protesters.")


def test_a_heading_is_its_own_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(make_doc(nlp, Article.new(HEADER_THEN_TEXT)))
    starts = [s.text.strip() for s in doc.sents]
    assert starts[0] == "Office of the Press Secretary"
    assert starts[1].startswith("The following text was released")


def test_releasing_a_text_is_no_release_of_people(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(make_doc(nlp, Article.new(HEADER_THEN_TEXT)))
    assert [e for e in doc._.ng_events if e.category == "RETREAT"] == []
    # the statement itself is still coded
    assert any(e.category == "ACCUSE" for e in doc._.ng_events)
