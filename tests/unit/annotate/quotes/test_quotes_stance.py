"""Stances and statements on newspaper constructions: relative clauses, verbs of stance
with their object.

Every sentence here was written for the test; none is taken from the gold or the corpus.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from nlp_helpers import quotes_of

pytestmark = pytest.mark.slow

LEAD = "The city council met in the old town hall on Monday evening.\n\n"


def _all(nlp: Language, text: str) -> list[tuple[str, str, str | None]]:
    return [(q.text, q.kind, q.source_text) for q in quotes_of(nlp, LEAD + text)
            if not q.text.startswith("The city")]


def test_which_takes_the_noun_its_clause_hangs_on(nlp: Language) -> None:
    got = _all(nlp, "The dockers' union, which endorsed Maria Lindqvist last spring, "
                    "held a rally on the quay.")
    assert ("Maria Lindqvist", "belief", "The dockers' union") in got, got


@pytest.mark.parametrize("text, what, kind", [
    ("Maria Lindqvist offered a blunt assessment of the harbour budget.",
     "a blunt assessment of the harbour budget", "belief"),
    ("Most residents view the new depot as a mistake.", "the new depot as a mistake",
     "belief"),
    ("In her speech Maria Lindqvist focused on the cost of housing.",
     "the cost of housing", "belief"),
    ("Maria Lindqvist indicated that she would stand again.", "she would stand again",
     "indirect"),
])
def test_verbs_of_offering_viewing_and_focus(nlp: Language, text: str, what: str,
                                             kind: str) -> None:
    got = [(w, k) for w, k, _ in _all(nlp, text)]
    assert (what, kind) in got, got


def test_a_participle_after_the_cue_is_a_statement_of_its_own(nlp: Language) -> None:
    got = _all(nlp, "\u201cWe will not wait any longer,\u201d said Maria Lindqvist, referring "
                    "to the harbour board.")
    assert ("the harbour board", "indirect", "Maria Lindqvist") in got, got


def test_a_parenthetical_cue_reports_the_clause_it_interrupts(nlp: Language) -> None:
    got = _all(nlp, "The harbour plan, Maria Lindqvist said, was two years overdue.")
    assert ("The harbour plan, Maria Lindqvist said, was two years overdue", "indirect",
            "Maria Lindqvist") in got, got


def test_a_parenthetical_cue_inside_a_quotation_is_a_direct_quote(nlp: Language) -> None:
    got = _all(nlp, "\u201cThe harbour plan,\u201d Maria Lindqvist said, \u201cwas two years "
                    "overdue.\u201d")
    assert [k for _, k, _ in got] == ["direct", "direct"], got


@pytest.mark.parametrize("text, source", [
    ("Many say the harbour plan is two years overdue.", "Many"),
    ("Some argue that the ferry tax is unfair.", "Some"),
])
def test_a_quantifier_alone_is_a_described_source(nlp: Language, text: str,
                                                  source: str) -> None:
    got = _all(nlp, text)
    assert [(k, s) for _, k, s in got] == [("indirect", source)], got


@pytest.mark.parametrize("text, what, source", [
    ("Maria Lindqvist and Omar Haddad said the harbour plan would cost too much.",
     "the harbour plan would cost too much", "Maria Lindqvist and Omar Haddad"),
    ("Dockers and shipping firms say the new toll will drive trade away.",
     "the new toll will drive trade away", "Dockers and shipping firms"),
])
def test_a_joint_source_is_kept_as_written(nlp: Language, text: str, what: str,
                                           source: str) -> None:
    got = _all(nlp, text)
    assert (what, "indirect", source) in got, got


def test_a_joint_source_names_no_single_speaker(nlp: Language) -> None:
    qs = [q for q in quotes_of(nlp, LEAD + "Maria Lindqvist and Omar Haddad said the "
                                          "harbour plan would cost too much.")
          if q.text.startswith("the harbour")]
    assert [(q.speaker, q.speaker_kind) for q in qs] == [(None, "descriptor")], qs
