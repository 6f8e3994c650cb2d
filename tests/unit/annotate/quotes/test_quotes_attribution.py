"""Attributions of every kind on newspaper constructions: sources described by any noun,
groups, participles that inherit their subject, and what is said or held.

Every sentence here was written for the test; none is taken from the gold or the corpus.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from nlp_helpers import quotes_of

pytestmark = pytest.mark.slow

LEAD = "The city council met in the old town hall on Monday evening.\n\n"


def _all(nlp: Language, text: str) -> list[object]:
    return [q for q in quotes_of(nlp, LEAD + text) if not q.text.startswith("The city")]


def _one(nlp: Language, text: str, start: str) -> object:
    got = [q for q in _all(nlp, text) if q.text.startswith(start)]  # type: ignore[attr-defined]
    assert len(got) == 1, [(q.text, q.kind, q.source_text)  # type: ignore[attr-defined]
                           for q in _all(nlp, text)]
    return got[0]


@pytest.mark.parametrize("text, start, kind, source", [
    ("The producer told reporters that the interview had been cancelled.",
     "the interview had been", "indirect", "The producer"),
    ("The fact checker knows that the numbers do not add up.", "the numbers do not",
     "belief", "The fact checker"),
])
def test_any_common_noun_is_a_described_source(nlp: Language, text: str, start: str,
                                               kind: str, source: str) -> None:
    q = _one(nlp, text, start)
    assert (q.kind, q.source_text, q.speaker_kind) == (  # type: ignore[attr-defined]
        kind, source, "descriptor")


def test_a_group_named_by_its_affiliation_speaks(nlp: Language) -> None:
    q = _one(nlp, "Republicans said the vote on the budget would be close.",
             "the vote on the budget")
    assert q.kind == "indirect" and q.source_text == "Republicans"  # type: ignore[attr-defined]


def test_a_country_stating_something_is_still_an_event(nlp: Language) -> None:
    got = quotes_of(nlp, "The United States reaffirmed its commitment to the alliance.")
    assert got == []


@pytest.mark.parametrize("text, start, kind, source", [
    ("The mayor's office released a statement saying the bridge would reopen in May.",
     "the bridge would reopen", "indirect", "a statement"),
    ("Maria Lindqvist spoke in Oslo for an hour, citing the rising cost of housing.",
     "the rising cost of housing", "belief", "Maria Lindqvist"),
    ("Maria Lindqvist visited the factory and vowed to keep the plant open.",
     "to keep the plant open", "indirect", "Maria Lindqvist"),
])
def test_participles_and_conjuncts_take_the_subject_above(
        nlp: Language, text: str, start: str, kind: str, source: str) -> None:
    q = _one(nlp, text, start)
    assert q.kind == kind and q.source_text == source  # type: ignore[attr-defined]
