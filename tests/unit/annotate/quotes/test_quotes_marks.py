"""Quotation marks, transcript labels and the quote scorer: rules that need no model."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.annotate.quotes.quotemarks import find_segments
from newsgraph.annotate.quotes.transcripts import find_turns, is_speaker_label
from newsgraph.evaluate.quotes import GoldDoc, GoldQuote, Report, same_speaker, score_doc
from newsgraph.record import Quote


def quoted(text: str) -> list[str]:
    return [text[s.start:s.end] for s in find_segments(text)]


@pytest.mark.parametrize("text, expected", [
    ('He said "it is good" today.', ["it is good"]),
    ("He said \u201cit is good\u201d today.", ["it is good"]),
    # nested single quotes stay inside the double quote
    ("\u201cWe are 'mutually aware' of it,\u201d he said.", ["We are 'mutually aware' of it"]),
    ("\"They are 'fine,'\" he said.", ["They are 'fine,'"]),
    # apostrophes are not quotation marks
    ("It's the country's 'big' day, isn't it", ["big"]),
    ("countries\u2019 leaders met", []),
    # top-level single quotes (British and Indian style)
    ("a \u2018Free and Open\u2019 Indo-Pacific", ["Free and Open"]),
    # unclosed: ends before the next opening mark, or at the end of the line
    ("\u201cOne never closed. \u201cTwo closed\u201d here", ["One never closed.", "Two closed"]),
    ("\u201cRuns to the end of the line\nNext line", ["Runs to the end of the line"]),
    # a continued quote opens again in the next paragraph
    ("\u201cFirst part.\n\n\u201cSecond part,\u201d she said.", ["First part.", "Second part"]),
    # misused curly marks
    ("\u201dBackwards\u201d marks", ["Backwards"]),
    ("stray \u201d closing and \" lone", []),
])
def test_segments(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab .,\n'\"\u201c\u201d\u2018\u2019\u00ab\u00bb", max_size=80))
def test_unbalanced_marks_never_crash(text: str) -> None:
    for seg in find_segments(text):
        assert 0 <= seg.start <= seg.end <= len(text)
        assert seg.open_at < seg.start


@pytest.mark.parametrize("label, ok", [
    ("SECRETARY BLINKEN", True), ("MR PRICE", True), ("MS. JEAN-PIERRE", True),
    ("QUESTION", True), ("MODERATOR", True), ("THE PRESIDENT", True),
    ("SENIOR ADMINISTRATION OFFICIAL", True), ("PRIME MINISTER MODI", True),
    ("VESSEL NAME", False), ("NOTE", False), ("WASHINGTON", False),
])
def test_speaker_labels(label: str, ok: bool) -> None:
    assert is_speaker_label(label) is ok


TRANSCRIPT = """Ned Price, Department Spokesperson

MR PRICE: Good afternoon.

Two things at the top.

QUESTION: On Iran?

Q Mr. President, one more?

PRESIDENT BIDEN: (Nods.)

MODERATOR: Last question.

VESSEL NAME: not a speaker

3:02 p.m. EDT"""


def test_turns() -> None:
    turns = find_turns(TRANSCRIPT)
    got = [(t.label, TRANSCRIPT[t.start:t.end], t.is_question, t.role) for t in turns]
    assert got == [
        ("MR PRICE", "Good afternoon.\n\nTwo things at the top.", False, None),
        ("QUESTION", "On Iran?", True, None),
        ("Q", "Mr. President, one more?", True, None),
        # a turn that is only a stage direction says nothing and is dropped
        ("MODERATOR", "Last question.\n\nVESSEL NAME: not a speaker", False, "Moderator"),
    ]
    assert TRANSCRIPT[turns[0].name_span[0]:turns[0].name_span[1]] == "PRICE"  # type: ignore


def test_no_turns_in_plain_text() -> None:
    assert find_turns("NOTE: this is a release.\n\nIt has no speakers.") == []


@pytest.mark.parametrize("pred, gold, same", [
    ("S. Jaishankar", "Subrahmanyam Jaishankar", True),
    ("Jaishankar", "S. Jaishankar", True),
    ("Joseph R. Biden, Jr.", "Biden", True),
    ("Ned Price", "Price", True),
    ("Karine Jean-Pierre", "Jean-Pierre", True),
    ("Antony J. Blinken", "Jens Stoltenberg", False),
    ("Jill Biden", "Joe Biden", False),
    (None, None, True),
    (None, "Blinken", False),
])
def test_same_speaker(pred: str | None, gold: str | None, same: bool) -> None:
    assert same_speaker(pred, gold) is same


def test_scoring_matches_by_token_overlap() -> None:
    text = "Blinken said the talks were good. \u201cWe will meet again soon,\u201d he said."
    g1 = GoldQuote(span=(13, 32), kind="indirect", speaker="Antony Blinken")
    g2 = GoldQuote(span=(35, 58), kind="direct", speaker="Antony Blinken")
    doc = GoldDoc(id="t", text=text, quotes=[g1, g2])
    pred = [
        # span a little short: still a match (token Dice >= 0.5)
        Quote(id="q1", text="We will meet again", kind="direct", span=[35, 53],
              speaker="Blinken"),
        Quote(id="q2", text="Blinken said", kind="indirect", span=[0, 12], speaker="x"),
    ]
    report = Report()
    score_doc(doc, pred, report)
    assert (report.direct.gold, report.direct.pred, report.direct.matched) == (1, 1, 1)
    assert report.direct.speaker_accuracy == 1.0
    assert (report.all.gold, report.all.pred, report.all.matched) == (2, 2, 1)
    assert {e.what for e in report.errors} == {"missed", "spurious"}
