"""Politicians named without a title in an election story.

News about one country's politics names its candidates, past presidents and party figures
by name alone ("As much as Joe Biden is still a front-runner, so are Elizabeth Warren, Pete
Buttigieg and Bernie Sanders"). A person with no title and no country, named in a sentence
about an electoral contest (`data/contest_words.tsv`: primary, nomination, candidate,
campaign, votes, ...), is taken to be of the country whose domestic affairs the article
reports: the one whose institutions, states, party labels and titles read in context it
names at least twice, twice as often as any other (`stated.domestic`). A country merely
named in the article is not enough, and nobody with a role is touched: their role is read
by the rules of `affiliation`.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from newsgraph import lexicon
from newsgraph.annotate.entities import affiliation
from newsgraph.annotate.entities.coref import Person

CONTEST = lexicon.contest_words().tagged("contest")
# Words as written, hyphens kept: the tokenizer splits "front-runner" into three tokens.
WORD_RE = re.compile(r"\w+(?:-\w+)*")


def _in_contest(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    words = WORD_RE.findall(span[0].sent.text.lower())
    # The whole word and its parts: "front-runner", "vice-presidential".
    return any(w in CONTEST or CONTEST & set(w.split("-")) for w in words)


def from_contests(doc: Doc, people: list[Person], domestic: Counter[str]) -> None:
    """Fill the country of untitled people named in a sentence about an election."""
    country = affiliation.dominant(domestic, affiliation.DOMESTIC_MIN)
    if country is None:
        return
    for p in people:
        if p.affiliation is not None or p.roles or country in p.visited():
            continue
        if any(_in_contest(doc, n.start, n.end) for n in p.names if n.end > n.start):
            p.affiliation, p.affiliation_kind = country, "contest"
