"""Quotes with resolved speakers, through the full pipeline (loads the spaCy model once)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from spacy.language import Language

from newsgraph.record import Article
from nlp_helpers import quotes_of

pytestmark = pytest.mark.slow


@dataclass
class Case:
    id: str
    text: str
    # (start of the quote text, kind, surname of the speaker or None, is_question)
    expected: list[tuple[str, str, str | None, bool]]


def _surname(name: str | None) -> str | None:
    return name.replace(",", " ").split()[-1] if name else None


def _names(name: str | None, expected: str | None) -> str | None:
    """`expected` when it is one of the words of the speaker's name ("Wang" in "Wang Yi")."""
    if name is None or expected is None:
        return name
    return expected if expected in name.replace(",", " ").split() else name


CASES = [
    Case("said-after", "Antony Blinken met reporters in Rome. \u201cWe had frank talks,\u201d "
         "he said.", [("We had frank talks", "direct", "Blinken", False)]),
    Case("said-before-straight", 'Antony Blinken spoke in Rome. Blinken said, "We had frank '
         'talks with our partners."', [("We had frank talks", "direct", "Blinken", False)]),
    Case("inverted", "\u201cThe talks were useful,\u201d said Secretary of State Antony "
         "Blinken.", [("The talks were useful", "direct", "Blinken", False)]),
    Case("gender-alternation",
         "Ms. Jane Harper met Mr. Tom Wells in Geneva on Monday. \u201cWe disagree on the "
         "timeline,\u201d she said. \u201cWe agree on the goal,\u201d he said. \u201cThat is "
         "a start,\u201d she added.",
         [("We disagree", "direct", "Harper", False), ("We agree", "direct", "Wells", False),
          ("That is a start", "direct", "Harper", False)]),
    Case("same-gender-last-speaker",
         "Antony Blinken met Wang Yi in Rome. Blinken said, \u201cWe spoke frankly about "
         "Taiwan.\u201d Wang said, \u201cChina will defend its interests.\u201d \u201cWe "
         "want stable ties,\u201d he added.",
         [("We spoke frankly", "direct", "Blinken", False),
          ("China will defend", "direct", "Wang", False),
          ("We want stable ties", "direct", "Wang", False)]),
    Case("went-on", "Subrahmanyam Jaishankar spoke at the Pentagon. \u201cOur ties are "
         "strong,\u201d he said.\n\nHe went on, \u201cThey will only grow stronger in the "
         "years ahead.\u201d",
         [("Our ties are strong", "direct", "Jaishankar", False),
          ("They will only grow", "direct", "Jaishankar", False)]),
    Case("name-inside-quote-is-not-speaker",
         "Pete Hegseth praised the talks. \u201cPresident Donald Trump and Prime Minister "
         "Narendra Modi built a solid foundation for our relationship.\u201d\n\nHe also "
         "pointed to cooperation: \u201cOur countries share a rich history.\u201d",
         [("the talks", "belief", "Hegseth", False),  # praise is a stance held
          ("President Donald Trump", "direct", "Hegseth", False),
          ("Our countries share", "direct", "Hegseth", False)]),
    Case("concluded-then-quote",
         "\u201cWe are excited to work with you,\u201d Hegseth concluded. \u201cThey are "
         "profound and sustained.\u201d",
         [("We are excited", "direct", "Hegseth", False),
          ("They are profound", "direct", "Hegseth", False)]),
    Case("continued-paragraph",
         "Ellen Sirleaf addressed the summit. She said: \u201cThe system failed to protect "
         "us from this pandemic.\n\n\u201cIt is not fit to prevent another one.\u201d",
         [("The system failed", "direct", "Sirleaf", False),
          ("It is not fit", "direct", "Sirleaf", False)]),
    Case("nested-single",
         "\u201cWashington and New Delhi are 'mutually aware of the concerns in the "
         "region,'\u201d Pete Hegseth stated.",
         [("Washington and New Delhi are 'mutually aware", "direct", "Hegseth", False)]),
    Case("colon-label-paragraph",
         "Participants praised the meeting:\n\nTom Palmer, President and CEO, Newmont "
         "Corporation: \u201cWe were honored to be part of the discussion today.\u201d",
         [("We were honored", "direct", "Palmer", False)]),
    Case("indirect-that", "Secretary Blinken met Foreign Minister Wang. Blinken said that "
         "the United States would keep open lines of communication with China.",
         [("the United States would keep", "indirect", "Blinken", False)]),
    Case("indirect-according-to", "The talks will resume next week, according to Jake "
         "Sullivan.", [("The talks will resume", "indirect", "Sullivan", False)]),
    Case("indirect-statement-verbs",
         "After discussions, Jaishankar termed the interaction as productive, highlighting "
         "the deepening defence relationship.",
         [("the interaction as productive", "indirect", "Jaishankar", False),
          ("the deepening defence relationship", "indirect", "Jaishankar", False)]),
    Case("title-only-subject",
         "Secretary of State Antony J. Blinken spoke with Foreign Minister Sergey Lavrov. "
         "The Secretary emphasized the importance of diplomacy and de-escalation.",
         [("the importance of diplomacy", "indirect", "Blinken", False)]),
    Case("mixed", "Antony Blinken said the talks had been \u201cproductive and frank\u201d "
         "and would continue in the spring.",
         [("the talks had been", "mixed", "Blinken", False)]),
    # A joint source is kept as written (speaker_kind descriptor), with no single speaker;
    # "the leaders" after it is no source at all.
    Case("group-subject-is-not-a-speaker",
         "President Biden and Prime Minister Modi reaffirmed their commitment to the Quad. "
         "The leaders emphasized the importance of a free and open Indo-Pacific.",
         [("their commitment to the Quad", "indirect", None, False)]),
    Case("planned-or-negated-is-not-said",
         "Secretary of State Antony J. Blinken travels to Jakarta next week. The Secretary "
         "will emphasize the importance of ASEAN centrality. He did not say that talks had "
         "failed.", []),
    Case("country-is-not-a-speaker", "The United States reaffirmed its support for "
         "Ukraine's sovereignty and territorial integrity.", []),
    Case("scare-quotes-and-titles",
         "Russia's so-called \u201cfiltration\u201d operations continue. The summit's theme "
         "was \u201cRecover Together, Recover Stronger.\u201d", []),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_quote_cases(nlp: Language, case: Case) -> None:
    got = quotes_of(nlp, case.text)
    summary = [(q.text[:40], q.kind, q.speaker, q.is_question) for q in got]
    assert len(got) == len(case.expected), summary
    for q, (start, kind, speaker, question) in zip(got, case.expected, strict=True):
        assert q.text.startswith(start), summary
        assert (q.kind, _names(q.speaker, speaker), q.is_question) == (kind, speaker,
                                                                       question), summary
        # the span covers the quoted text, without the quotation marks
        body = case.text[q.span[0]:q.span[1]]
        assert body[:1] not in "\u201c\u201d\"" and body[-1:] not in "\u201c\u201d\""


TRANSCRIPT = """Ned Price, Department Spokesperson

MR PRICE: Good afternoon. Secretary Blinken travels to Rome tomorrow.

QUESTION: Will he meet Wang Yi?

MR PRICE: I have nothing to announce today.

SECRETARY BLINKEN: We look forward to the meetings.

MODERATOR: Thank you, everyone."""


def test_transcript_turns(nlp: Language) -> None:
    got = quotes_of(nlp, TRANSCRIPT, title="Department Press Briefing")
    assert [(q.text, _surname(q.speaker), q.is_question, q.kind) for q in got] == [
        ("Good afternoon. Secretary Blinken travels to Rome tomorrow.", "Price", False,
         "direct"),
        ("Will he meet Wang Yi?", None, True, "direct"),
        ("I have nothing to announce today.", "Price", False, "direct"),
        ("We look forward to the meetings.", "Blinken", False, "direct"),
        ("Thank you, everyone.", "Moderator", False, "direct"),
    ]
    # "MR PRICE" is the Ned Price the header names
    assert got[0].speaker is not None and got[0].speaker.endswith("Price")


@pytest.mark.parametrize("text", [
    "\u201c", "\"", "He said \u201c", "\u201d\u201d\u201c", "A \u201cb \u201cc \u201dd\u201d",
    "QUESTION:", "MR PRICE: \u201c", "'\"'\"'", "\u201cunclosed\n\n\u201cagain\n\n\u201c",
])
def test_unbalanced_marks_never_crash(nlp: Language, text: str) -> None:
    for q in quotes_of(nlp, text):
        assert 0 <= q.span[0] <= q.span[1] <= len(text)


def test_seed_done_when(seed_article: Article) -> None:
    """All 10 direct quotes with the right speaker (7 Hegseth, 3 Jaishankar), and the
    indirect statements attributed."""
    art = seed_article
    direct = [q for q in art.quotes if q.kind == "direct"]
    assert len(direct) == 10, [q.text[:40] for q in direct]
    speakers = [_surname(q.speaker) for q in direct]
    assert speakers.count("Hegseth") == 7 and speakers.count("Jaishankar") == 3, speakers
    by_id = {e.id: e for e in art.entities}
    for q in art.quotes:
        # a speaker is the canonical entity of the article, bound through a mention
        assert q.speaker_id in by_id and by_id[q.speaker_id].name == q.speaker
        assert q.speaker_span is not None
    # 'President [Donald] Trump' inside a quote is not a speaker
    assert not any("Trump" in (q.speaker or "") for q in art.quotes)
    near = next(q for q in direct if q.text.startswith("Near the outset"))
    assert _surname(near.speaker) == "Hegseth"
    excited, profound = direct[-2:]
    assert excited.text.startswith("We're excited") and profound.text.startswith("They're")
    assert _surname(excited.speaker) == _surname(profound.speaker) == "Hegseth"
    indirect = {q.cue: q for q in art.quotes if q.kind == "indirect"}
    assert _surname(indirect["termed"].speaker) == "Jaishankar"
    assert indirect["termed"].text == "the interaction as productive"
    assert _surname(indirect["emphasized"].speaker) == "Hegseth"
    assert indirect["emphasized"].text.startswith("the shared awareness")
