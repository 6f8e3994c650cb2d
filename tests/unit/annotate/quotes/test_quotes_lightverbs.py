"""Light-verb and idiomatic cues (data/light_verbs.tsv, quotes/lightverbs.py).

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


@pytest.mark.parametrize("text, what, kind", [
    ("Maria Lindqvist made the case for a second bridge over the river.",
     "a second bridge over the river", "indirect"),
    ("Maria Lindqvist took aim at the harbour authority on Tuesday.",
     "the harbour authority", "belief"),
    ("Maria Lindqvist raised concerns about the cost of the new depot.",
     "the cost of the new depot", "belief"),
    ("Maria Lindqvist sounded the alarm over rising rents in the old quarter.",
     "rising rents in the old quarter", "belief"),
    ("Maria Lindqvist took issue with the auditors' reading of the accounts.",
     "the auditors' reading of the accounts", "belief"),
    ("Maria Lindqvist weighed in on the dispute over the ferry timetable.",
     "the dispute over the ferry timetable", "indirect"),
])
def test_a_light_verb_and_its_noun_attribute_to_the_subject(
        nlp: Language, text: str, what: str, kind: str) -> None:
    got = [(q.text, q.kind, q.speaker) for q in _all(nlp, text)]  # type: ignore[attr-defined]
    assert (what, kind, "Maria Lindqvist") in got, got


@pytest.mark.parametrize("text", [
    "Maria Lindqvist will make the case for a second bridge next week.",
    "Maria Lindqvist made a cake for the volunteers at the harbour.",
    "Maria Lindqvist spoke at the town hall on Tuesday.",
    "The dispute was weighing on the members of the ferry board.",
])
def test_no_light_verb_cue_without_the_idiom_or_when_not_made(nlp: Language,
                                                             text: str) -> None:
    assert _all(nlp, text) == []


def test_a_stance_received_is_held_by_the_one_it_comes_from(nlp: Language) -> None:
    got = [(q.text, q.kind, q.speaker) for q in  # type: ignore[attr-defined]
           _all(nlp, "The ferry timetable won praise from Maria Lindqvist on Tuesday.")]
    assert ("The ferry timetable", "belief", "Maria Lindqvist") in got, got
