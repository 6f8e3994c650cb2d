"""Attributions in headlines (quotes/headlines.py): "Name: ...", "Name Says ...", on the
title (`Quote.in_title`) or on a first line the extraction left in the text.

Every headline here was written for the test; none is taken from the gold or the corpus.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.annotate.quotes import headlines
from newsgraph.record import Entity
from nlp_helpers import quotes_of

MAYOR = Entity(id="e1", name="Tomas Petrov", type="PERSON")
BOARD = Entity(id="e2", name="Harbor Board", type="ORG")
SUMMIT = Entity(id="e3", name="Harbor Board Summit", type="ORG")


@pytest.mark.parametrize("title, content, kind, cue, source", [
    ("Petrov: \u2018We Will Not Close the Harbor\u2019", "\u2018We Will Not Close the Harbor\u2019",
     "direct", ":", "Petrov"),
    ("Petrov: Harbor Deal Is Close.", "Harbor Deal Is Close", "indirect", ":", "Petrov"),
    ("Poll: Petrov Leads Challenger by Ten Points", "Petrov Leads Challenger by Ten Points",
     "indirect", ":", "Poll"),
    ("Mayor Petrov Says Harbor Deal Is Close", "Harbor Deal Is Close", "indirect", "Says",
     "Mayor Petrov"),
    ("Petrov Warns That the Harbor Could Flood", "the Harbor Could Flood", "indirect", "Warns",
     "Petrov"),
    ("Harbor Board Endorses Petrov", "Petrov", "belief", "Endorses", "Harbor Board"),
    ("Residents blast harbor plan", "harbor plan", "belief", "blast", "Residents"),
    ("Petrov Just Announced His Plan for the Harbor", "His Plan for the Harbor", "indirect",
     "Announced", "Petrov"),
    ("Petrov on the Harbor Vote: \u2018It Was Close\u2019", "\u2018It Was Close\u2019", "direct",
     ":", "Petrov"),
])
def test_headline_attributions(title: str, content: str, kind: str, cue: str,
                               source: str) -> None:
    (h,) = headlines.find(title, [MAYOR, BOARD])
    assert title[h.start:h.end] == content
    assert (h.kind, h.cue, title[h.source[0]:h.source[1]]) == (kind, cue, source)


def test_headline_source_is_the_entity_with_its_last_name() -> None:
    (h,) = headlines.find("Petrov: Harbor Deal Is Close", [BOARD, MAYOR])
    assert h.entity is MAYOR
    (h,) = headlines.find("Harbor Board Endorses Petrov", [MAYOR, BOARD])
    assert h.entity is BOARD
    (h,) = headlines.find("Tomas: \u2018The Harbor Stays Open\u2019", [BOARD, MAYOR])
    assert h.entity is MAYOR  # a one-word source may be the first name


@pytest.mark.parametrize("title", [
    "The Latest: Petrov Wins the Harbor Vote",  # a section label
    "Exclusive: Inside the Harbor Deal",
    "Harbor Days: A Weekend by the Sea",  # no source the article names
    "Petrov Goes to the Harbor",  # no cue verb
    "Storm, Floods Hit the Harbor",  # no cue verb, and a comma in the subject
    "Fishermen",
    "Mayor Petrov\u2019s Remarks to the Harbor Board",  # a noun after a possessive
    "United States Opens Its Harbor to Trade",  # "States" is part of a name
    "Harbor Board Summit: Building a Better Port",  # an occasion, not a source
    "Petrov Opens His Plan for the Harbor",  # "His" is no plural subject of "Plan"
    "Mayor Tomas Petrov Remarks at the Harbor Board",  # "Remarks": a noun in a headline
    "Canada-United States Harbor Board Meets",  # "States" after a hyphen: part of a name
    "U.S. Support for the Harbor Board",  # "U.S." is no plural subject of "Support"
    "Harbor Board Statement: A Better Port for All",  # a document's title, not its content
])
def test_no_headline_attribution(title: str) -> None:
    assert headlines.find(title, [MAYOR, BOARD, SUMMIT]) == []


def test_first_line_is_a_headline_only_when_short_and_one_sentence() -> None:
    assert headlines.first_line("Petrov says harbor deal is close.\n\nThe mayor ...") == \
        "Petrov says harbor deal is close."
    assert headlines.first_line("Petrov spoke. Then he left.\n\nThe mayor ...") is None
    # abbreviations are no sentence break; a deck after a semicolon is left out
    assert headlines.first_line("Gov. Petrov says U.S. aid is late; Harbor waits\n\nThe ...") \
        == "Gov. Petrov says U.S. aid is late"
    assert headlines.first_line("Petrov says harbor deal is close.") is None
    assert headlines.first_line("Residents praised the plan:\n\nTom Petrov: ...") is None


@pytest.mark.slow
def test_title_quote_is_marked_and_its_speaker_resolved(nlp: Language) -> None:
    text = ("Mayor Tomas Petrov met the harbor board on Monday.\n\n"
            "Petrov said the talks had gone well.")
    title = "Petrov Says Harbor Deal Is Close"
    got = [q for q in quotes_of(nlp, text, title) if q.in_title]
    assert len(got) == 1
    q = got[0]
    assert title[q.span[0]:q.span[1]] == "Harbor Deal Is Close"
    assert q.speaker == "Tomas Petrov" and q.speaker_kind == "person"
    assert q.speaker_span is not None and title[q.speaker_span[0]:q.speaker_span[1]] == "Petrov"


@pytest.mark.slow
def test_first_line_headline_left_in_the_text(nlp: Language) -> None:
    text = ("Poll: Petrov leads challenger by ten points\n\n"
            "Mayor Tomas Petrov is ahead in the race for a second term, a new survey shows.")
    got = [q for q in quotes_of(nlp, text) if q.cue == ":"]
    assert len(got) == 1 and not got[0].in_title
    assert text[got[0].span[0]:got[0].span[1]] == "Petrov leads challenger by ten points"
