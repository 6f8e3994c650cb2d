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
     "to keep the plant open", "belief", "Maria Lindqvist"),  # an intention
])
def test_participles_and_conjuncts_take_the_subject_above(
        nlp: Language, text: str, start: str, kind: str, source: str) -> None:
    q = _one(nlp, text, start)
    assert q.kind == kind and q.source_text == source  # type: ignore[attr-defined]


@pytest.mark.parametrize("text, start, kind, cue", [
    ("The senator praised the new budget for its restraint.", "the new budget", "belief",
     "praised"),
    ("The governor voted against the pipeline bill.", "the pipeline bill", "belief",
     "voted against"),
    ("The mayor warned of a long and costly strike.", "a long and costly strike", "indirect",
     "warned of"),
    ("The candidate referred to the audit in his speech.", "the audit", "indirect",
     "referred to"),
    ("The union called for a new contract vote.", "a new contract vote", "belief",
     "called for"),  # a demand
])
def test_stance_verbs_and_prepositional_objects(nlp: Language, text: str, start: str,
                                                kind: str, cue: str) -> None:
    q = _one(nlp, text, start)
    assert (q.kind, q.cue) == (kind, cue)  # type: ignore[attr-defined]


def test_an_infinitive_after_seem_is_the_subjects_statement(nlp: Language) -> None:
    q = _one(nlp, "The senator seemed to suggest that the vote would be delayed.",
             "the vote would be delayed")
    assert q.kind == "indirect" and q.source_text == "The senator"  # type: ignore[attr-defined]


def test_continuing_to_lead_is_no_statement(nlp: Language) -> None:
    got = _all(nlp, "The senator continues to lead the race in the northern counties.")
    assert got == []


def test_a_purpose_is_still_no_statement(nlp: Language) -> None:
    got = _all(nlp, "The senator traveled to the coast to underscore the cost of the storm.")
    assert got == []


def test_it_is_the_body_that_speaks(nlp: Language) -> None:
    q = _one(nlp, "The water agency met on Friday. It said the reservoir would be refilled "
                  "by June.", "the reservoir would be")
    assert q.source_text == "It" and q.speaker_kind == "descriptor"  # type: ignore[attr-defined]


@pytest.mark.parametrize("text, start, kind, cue", [
    ("Maria Lindqvist repeated her claim that the ballots had been miscounted.",
     "the ballots had been", "indirect", "claim"),
    ("Maria Lindqvist has never hidden her support for the new tax on shipping.",
     "the new tax on shipping", "belief", "support"),
    ("Maria Lindqvist announced her plan to close the northern depot.",
     "to close the northern depot", "belief", "plan"),
])
def test_a_cue_noun_attributes_to_its_owner(nlp: Language, text: str, start: str, kind: str,
                                            cue: str) -> None:
    q = _one(nlp, text, start)
    assert (q.kind, q.cue, q.speaker) == (kind, cue, "Maria Lindqvist")  # type: ignore[attr-defined]


def test_a_cue_noun_without_owner_gives_nothing(nlp: Language) -> None:
    got = _all(nlp, "The claim that the ballots had been miscounted spread quickly online.")
    assert got == []


def test_what_a_poll_shows_is_its_statement(nlp: Language) -> None:
    q = _one(nlp, "A new poll shows the mayor leading her rival by nine points.",
             "the mayor leading")
    assert q.kind == "indirect" and q.speaker_kind == "document"  # type: ignore[attr-defined]
