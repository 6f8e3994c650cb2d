"""Sources of newspaper quotes: unnamed and collective sources, documents, beliefs, doubled
quotation marks, proper-noun speakers.

Every sentence here was written for the test; none is taken from the gold or the corpus.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from nlp_helpers import quotes_of

pytestmark = pytest.mark.slow

LEAD = "Talks between the two delegations resumed in Vienna on Monday after a pause.\n\n"


def _one(nlp: Language, text: str, start: str) -> object:
    got = [q for q in quotes_of(nlp, LEAD + text) if q.text.startswith(start)]
    assert len(got) == 1, [(q.text, q.kind, q.source_text) for q in quotes_of(nlp, LEAD + text)]
    return got[0]


@pytest.mark.parametrize("text, start, kind, speaker_kind, source", [
    ("A senior administration official said the talks would go on next week.",
     "the talks would go on", "indirect", "anonymous", "A senior administration official"),
    ("People familiar with the negotiations said the draft was nearly done.",
     "the draft was nearly", "indirect", "anonymous", "People familiar with the negotiations"),
    ("Two sources briefed on the matter said the envoy would resign.",
     "the envoy would resign", "indirect", "anonymous", "Two sources briefed on the matter"),
    ("The doctor said the patient was stable after the surgery.",
     "the patient was stable", "indirect", "descriptor", "The doctor"),
    ("\u201cWe will keep the border crossing open,\u201d the ministry said in a statement.",
     "We will keep the border", "direct", "organisation", "the ministry"),
    ("A joint statement said the parties would meet again in March.",
     "the parties would meet", "indirect", "document", "A joint statement"),
    ("The troops withdrew from the ridge, according to a report by the monitoring group.",
     "The troops withdrew", "indirect", "document", "a report by the monitoring group"),
])
def test_unnamed_sources_are_kept(nlp: Language, text: str, start: str, kind: str,
                                  speaker_kind: str, source: str) -> None:
    q = _one(nlp, text, start)
    assert (q.kind, q.speaker_kind, q.source_text) == (kind, speaker_kind, source)  # type: ignore[attr-defined]
    assert q.speaker is None  # type: ignore[attr-defined]


def test_source_stands_for_its_country(nlp: Language) -> None:
    q = _one(nlp, "Russian officials said the convoy had been delayed at the border.",
             "the convoy had been")
    assert q.speaker_kind == "anonymous" and q.speaker_for == "Russia"  # type: ignore[attr-defined]


@pytest.mark.parametrize("text, start, source", [
    ("Officials fear that the truce will collapse within days.", "the truce will collapse",
     "Officials"),
    ("The campaign wants to win the state in November.", "to win the state", "The campaign"),
    ("The union endorsed the mayor on Tuesday.", "the mayor", "The union"),
])
def test_beliefs_are_attributed(nlp: Language, text: str, start: str, source: str) -> None:
    q = _one(nlp, text, start)
    assert q.kind == "belief" and q.source_text == source  # type: ignore[attr-defined]


def test_belief_of_a_named_person_has_its_cue(nlp: Language) -> None:
    q = _one(nlp, "Maria Lindqvist believes the sanctions will be lifted by spring.",
             "the sanctions will be")
    assert q.kind == "belief" and q.cue == "believes"  # type: ignore[attr-defined]
    assert q.speaker == "Maria Lindqvist" and q.speaker_kind == "person"  # type: ignore[attr-defined]


def test_joint_voice_of_named_sides_is_no_source(nlp: Language) -> None:
    got = quotes_of(nlp, "Prime Minister Ana Ruiz and Chancellor Otto Brandt met in Bonn. "
                         "The leaders emphasized the importance of open trade routes.")
    assert got == []


def test_doubled_apostrophes_are_quotation_marks(nlp: Language) -> None:
    q = _one(nlp, "''The road will stay closed until the snow melts,'' said Tomas Petrov, "
                  "the regional governor.", "The road will stay")
    assert q.kind == "direct" and q.speaker == "Tomas Petrov"  # type: ignore[attr-defined]


def test_said_title_and_name_after_quote(nlp: Language) -> None:
    q = _one(nlp, "\u201cThe bill will pass the House this week,\u201d said Rep. Dana Whitfield "
                  "of Ohio.", "The bill will pass")
    assert q.kind == "direct" and "Whitfield" in (q.speaker or "")  # type: ignore[attr-defined]


def test_spokesman_apposition_names_the_speaker(nlp: Language) -> None:
    q = _one(nlp, "Karl Imhof, a spokesman for the foreign ministry, said the embassy would "
                  "reopen.", "the embassy would reopen")
    assert "Imhof" in (q.speaker or "")  # type: ignore[attr-defined]


def test_surname_alone_as_speaker_is_the_person_named_before(nlp: Language) -> None:
    text = ("Senator Lena Jordan arrived in the capital on Monday.\n\n"
            "\u201cWe need a vote before the recess,\u201d Jordan said.")
    q = _one(nlp, text, "We need a vote")
    assert q.speaker == "Lena Jordan" and q.speaker_kind == "person"  # type: ignore[attr-defined]


@pytest.mark.parametrize("text, start, source", [
    ("The senator criticized the plan as reckless.", "the plan as reckless", "The senator"),
    ("The mayor accused the water board of hiding the costs.",
     "the water board of hiding the costs", "The mayor"),
    ("The governor urged lawmakers to pass the budget before July.", "lawmakers to pass",
     "The governor"),
    ("The council refused to release the audit.", "to release the audit", "The council"),
    ("The union blamed the company for the strike.", "the company for the strike",
     "The union"),
])
def test_stances_toward_someone_are_attributed(nlp: Language, text: str, start: str,
                                               source: str) -> None:
    """Criticism, charges, appeals and refusals are attributed stances; the object and its
    complement ("of hiding ...", "for the strike") are what is held."""
    q = _one(nlp, text, start)
    assert q.kind == "belief" and q.source_text == source  # type: ignore[attr-defined]


@pytest.mark.parametrize("text, start, source", [
    ("Asked about the delay, they said the bridge would open in May.",
     "the bridge would open", "they"),
    ("The growers met on Friday. We believe the new tariff will hurt farmers.",
     "the new tariff will hurt", "We"),
])
def test_plural_pronoun_sources_are_kept(nlp: Language, text: str, start: str,
                                         source: str) -> None:
    q = _one(nlp, text, start)
    assert q.source_text == source and q.speaker is None  # type: ignore[attr-defined]
    assert q.speaker_kind == "descriptor"  # type: ignore[attr-defined]


@pytest.mark.parametrize("text, start, source", [
    ("I think the new stadium will never pay for itself.", "the new stadium", "I"),
    ("You probably believe that the tax is fair, but the numbers say otherwise.", "the tax is fair",
     "You"),
])
def test_first_and_second_person_sources_name_no_speaker(nlp: Language, text: str,
                                                         start: str, source: str) -> None:
    """The voice of an op-ed and the reader it addresses are sources with no speaker."""
    q = _one(nlp, text, start)
    assert (q.speaker, q.speaker_kind, q.source_text) == (None, "descriptor", source)  # type: ignore[attr-defined]
