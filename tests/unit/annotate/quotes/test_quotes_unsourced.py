"""Attributions that name no source (passives, verbs of appearance, hedging adverbs, "it is
unclear whether"), and passives whose "by" agent is the source (quotes/passives.py).

Every sentence here was written for the test; none is taken from the gold or the corpus.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from nlp_helpers import quotes_of

pytestmark = pytest.mark.slow

LEAD = "The city council met in the old town hall on Monday evening.\n\n"


def _with(nlp: Language, text: str, words: str) -> list[object]:
    """The quotes whose text contains `words`."""
    return [q for q in quotes_of(nlp, LEAD + text) if words in q.text]


@pytest.mark.parametrize("text, words", [
    # passive verbs of expecting, saying and thinking: the subject is what is expected
    ("The new bridge is expected to open to traffic in the spring.", "bridge"),
    ("The reservoir is said to be at its lowest level in decades.", "reservoir"),
    ("It is widely believed that the factory will close before the winter.",
     "the factory will close"),
    ("The harbour master was told that the ferry would not sail on Friday.",
     "the ferry would not sail"),
    ("Asked about the delays, the engineer blamed the heavy rain.", "the delays"),
    ("The treasurer was accused of hiding the cost of the new stadium.", "hiding the cost"),
    ("The council met in the port, a town seen as vital to the region's trade.", "a town"),
    # verbs of appearance: the writer's perception
    ("The mayor seemed to lose patience with the questions from the floor.",
     "lose patience"),
    ("It appears that the contractor underestimated the cost of the repairs.",
     "the contractor underestimated"),
    ("The treasurer seemed rattled by the questions about the budget.", "rattled"),
    ("It now seems likely that the council will delay the vote.",
     "likely that the council will delay"),
    # hedging adverbs and what is not known
    ("The developer reportedly paid twice the asking price for the land.",
     "paid twice the asking price"),
    ("It is unclear whether the library will reopen this year.",
     "whether the library will reopen"),
])
def test_attributions_without_a_source(nlp: Language, text: str, words: str) -> None:
    got = _with(nlp, text, words)
    assert len(got) == 1, [(q.text, q.kind) for q in quotes_of(nlp, LEAD + text)]  # type: ignore[attr-defined]
    q = got[0]
    assert q.speaker is None and q.speaker_kind == "unattributed"  # type: ignore[attr-defined]
    assert q.source_text is None  # type: ignore[attr-defined]


def test_expectation_is_a_belief_and_the_subject_is_in_it(nlp: Language) -> None:
    q = _with(nlp, "The new bridge is expected to open to traffic in the spring.", "bridge")[0]
    assert q.kind == "belief" and q.cue == "is expected"  # type: ignore[attr-defined]
    assert q.text.startswith("The new bridge") and q.text.endswith("spring")  # type: ignore[attr-defined]


def test_the_one_told_is_not_what_was_said(nlp: Language) -> None:
    q = _with(nlp, "The harbour master was told that the ferry would not sail on Friday.",
              "ferry")[0]
    assert q.kind == "indirect" and q.text.startswith("the ferry")  # type: ignore[attr-defined]
    assert "harbour master" not in q.text  # type: ignore[attr-defined]


def test_the_agent_of_a_passive_is_the_source(nlp: Language) -> None:
    got = _with(nlp, "The residents were warned by the fire chief that the dam could fail.",
                "the dam could fail")
    assert len(got) == 1
    q = got[0]
    assert q.speaker_kind == "descriptor" and q.source_text == "the fire chief"  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", [
    "The new bridge was opened to traffic in the spring.",  # a passive that reports nothing
    "The mayor appeared on the evening news after the vote.",  # appearing, not seeming
    "The mayor looked tired after the long meeting.",  # "look" is description
    "It is clear that the council has a problem.",  # the writer's own statement
    "The treasurer was seen leaving the building after the vote.",  # seeing, not holding
    "The festival, known as Harbor Days, returns in June.",  # a name
])
def test_no_attribution(nlp: Language, text: str) -> None:
    got = [q for q in quotes_of(nlp, LEAD + text) if q.speaker_kind == "unattributed"]
    assert got == [], [(q.text, q.cue) for q in got]


def test_unsourced_quotes_are_outside_the_release_gold() -> None:
    from newsgraph.evaluate.quotes import in_scope
    from newsgraph.record import Quote

    q = Quote("q1", "the ferry would not sail", "indirect", [0, 24],
              speaker_kind="unattributed")
    assert not in_scope(q)
