"""Direct quotes in newspaper constructions: how they are found and who said them.

Every sentence here was written for the test; none is taken from the gold or the corpus.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from spacy.language import Language

from nlp_helpers import quotes_of

pytestmark = pytest.mark.slow


@dataclass
class Expect:
    contains: str  # the quote text contains this
    kinds: tuple[str, ...]  # one of these kinds
    speaker: str | None  # a word of the speaker's name (None: no named speaker)
    source: str | None = None  # the source phrase, for a speaker with no name


CASES = {
    # An apposition naming another person ("adviser to Governor Okafor and ...") does not
    # make the speaker a group.
    "apposition-with-another-person": (
        "\u201cThe tax looks fair on paper,\u201d said Daniel Moreland, a former adviser to "
        "Governor Ruth Okafor and a former director of the budget office.",
        [Expect("fair on paper", ("direct",), "Moreland")]),
    "doubled-apostrophes-apposition": (
        "''The tax looks fair on paper,'' said Daniel Moreland, a former adviser to "
        "Governor Ruth Okafor and a former director of the budget office.",
        [Expect("fair on paper", ("direct",), "Moreland")]),
    # A subject that names no entity is kept as the phrase that describes the speaker.
    "described-speaker": (
        "The factory has been closed since March.\n\n\u201cWe will not sell the site,\u201d "
        "the investor said.",
        [Expect("not sell the site", ("direct",), None, "the investor")]),
    "bare-pronoun-source": (
        "One reader sent a letter to the paper on Monday.\n\n\u201cNobody asked the "
        "farmers what they needed,\u201d another wrote.",
        [Expect("Nobody asked", ("direct",), None, "another")]),
    "document-it-said": (
        "The county newspaper printed its editorial on Sunday.\n\n\u201cShe has earned a second "
        "term,\u201d it said.",
        [Expect("earned a second term", ("direct",), None, "it")]),
    # A verb of speech right before a quoted sentence, with no comma.
    "verb-right-before-quote": (
        "Governor Ruth Okafor waved from the stage as she arrived, and Paul Lindqvist yelled "
        "\u201cGo home!\u201d",
        [Expect("Go home", ("direct",), "Lindqvist")]),
    # One word punctuated as an answer.
    "one-word-answer": (
        "Governor Paul Lindqvist was asked which team he supports.\n\n\u201cDenver,\u201d he "
        "answered.",
        # The question is an attribution with no source (quotes/passives.py).
        [Expect("which team he supports", ("indirect",), None),
         Expect("Denver", ("direct",), "Lindqvist")]),
    # A quotation that runs past where the reported part would end.
    "quote-runs-past-reported-speech": (
        "Mayor Tomas Petrov said the council is \u201cweak on housing, you know that. Weak "
        "on roads too.\u201d",
        [Expect("Weak on roads", ("mixed",), "Petrov")]),
    # What someone called something, in their words.
    "called-it-in-quotes": (
        "Governor Ruth Okafor called the budget plan \u201ca reckless gamble.\u201d",
        [Expect("reckless gamble", ("direct", "mixed"), "Okafor")]),
    "what-someone-called": (
        "The city hopes to shed what Mayor Tomas Petrov called \u201ca perception problem\u201d "
        "before the summit.",
        # the city's hope is a belief of its own; the words in quotation marks are the mayor's
        [Expect("to shed", ("belief",), None, "The city"),
         Expect("perception problem", ("direct",), "Petrov")]),
    # An exclamation with its speaker right after it, then a long sentence.
    "exclamation-then-speaker": (
        "Maria Dawson stood on a chair near the front of the hall.\n\n\u201cAll the way!\u201d "
        "Dawson shouted, waving a flag over the heads of the delegates in the front rows.",
        [Expect("All the way", ("direct",), "Dawson")]),
    # Verbless words right after an attributed quote go on with it.
    "verbless-continuation": (
        "\u201cSafety,\u201d said Gisela Brandt, a retired nurse. \u201cSafety for the whole "
        "town, everybody.\u201d",
        [Expect("Safety", ("direct",), "Brandt"),
         Expect("whole town", ("direct",), "Brandt")]),
    # Verbs that attribute a quotation but report no clause.
    "quoting-verb-read": (
        "Residents sent a letter to the mayor on Monday.\n\n\u201cThe council has failed "
        "to act on the flooding,\u201d the letter reads.",
        [Expect("failed to act", ("direct",), None, "the letter")]),
    "quoting-verb-reported": (
        "\u201cThe two companies signed the agreement late on Friday,\u201d Channel Nine "
        "News reported.",
        [Expect("signed the agreement", ("direct",), "Nine")]),
    # The one the words were said to is not who said them.
    "told-an-agency": (
        "\u201cIt was a fair price for the port,\u201d the shipping tycoon told Reuters in "
        "a rare interview.",
        [Expect("fair price", ("direct",), None, "the shipping tycoon")]),
    # With no subject before the verb, the name after "said" is the speaker even where the
    # parse made it an object ("Under" read as a preposition).
    "said-title-name-after-quote": (
        "\u201cThe new bridge will carry trade for the whole region and bring benefits to "
        "both banks of the river,\u201d said Under Secretary Ilse Marquardt.",
        [Expect("new bridge", ("direct",), "Marquardt")]),
    # A subject the parse took from inside the quotation.
    "subject-inside-quotation": (
        "Lucia Ferreira runs the radio station in the port town.\n\n\u201cWe were wrong to "
        "wait so long,\u201d Ferreira, 58, told the station's listeners on Monday.",
        [Expect("wrong to wait", ("direct",), "Ferreira")]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_direct_cases(nlp: Language, case: str) -> None:
    text, expected = CASES[case]
    got = quotes_of(nlp, text)
    summary = [(q.text[:40], q.kind, q.speaker, q.source_text) for q in got]
    assert len(got) == len(expected), summary
    for q, exp in zip(got, expected, strict=True):
        assert exp.contains in q.text, summary
        assert q.kind in exp.kinds, summary
        if exp.speaker is None:
            assert q.speaker is None, summary
        else:
            assert q.speaker is not None and exp.speaker in q.speaker.split(), summary
        if exp.source is not None:
            assert q.source_text == exp.source, summary


def test_a_title_in_quotes_after_a_verb_of_speech_is_no_quote(nlp: Language) -> None:
    """Only a quoted sentence (a capital letter, sentence punctuation) follows a verb of
    speech as a quote without a comma; a quoted name after it stays a name."""
    got = quotes_of(nlp, "Mayor Tomas Petrov said \u201cHarbor Days\u201d would return in June.")
    assert all(q.kind != "direct" for q in got), [(q.text, q.kind) for q in got]


def test_no_speech_verb_no_direct_quote(nlp: Language) -> None:
    got = quotes_of(nlp, "The mayor did not call the plan \u201ca reckless gamble\u201d at all.")
    assert got == [], [(q.text, q.kind) for q in got]
