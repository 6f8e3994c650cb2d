"""Quoted words that belong to reported speech or to a verb of naming, found after the
quoted segments are classified and the statements are read (used by `quotes`).

- `closing_fragments`: a quotation that closes or runs past reported speech is part of it (a
  mixed quote), also where the parse hung the that-clause elsewhere;
- `named_as`: what someone called something, in their words ('called the plan "a sham"').
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc, Token

from newsgraph.annotate.docindex import text_of, token_at
from newsgraph.annotate.quotes import attribution as at
from newsgraph.annotate.quotes import cues
from newsgraph.annotate.quotes.quotemarks import Segment, word_count

WORD = re.compile(r"[A-Za-z][\w'\u2019-]*")


class Piece(Protocol):
    """A quote found so far (quotes._Item): its kind and span, which may be extended."""

    kind: str
    start: int
    end: int
    marks: list[int]
    cue: at.Cue | None


@dataclass
class Found:
    kind: str
    start: int
    end: int
    cue: at.Cue
    seg: Segment | None
    marks: list[int]


def has_letters(quoted: str) -> bool:
    return len(WORD.findall(quoted)) >= 2


def is_fragment(text: str, seg: Segment) -> bool:
    """A quoted fragment inside reported speech, as opposed to a scare quote: more than one
    word and not after "so-called"."""
    if word_count(text[seg.start:seg.end]) < 2:
        return False
    return not re.search(r"so-called\s*$", text[max(0, seg.open_at - 12):seg.open_at])



def _overlaps(a: int, b: int, c: int, d: int) -> bool:
    return a < d and c < b


# Words at most between the end of reported speech and a quotation that completes it.
MAX_FRAGMENT_GAP = 4


def closing_fragments(doc: Doc, embedded: list[Segment], items: Sequence[Piece],
                       blocked: bytearray, used: set[int]) -> list[Found]:
    """A quotation that closes a sentence of reported speech is part of it, where the parse
    ended the reported part before it ('Cruz added that he was the only one "fighting to
    defend ..."') or hung the that-clause elsewhere ('Sanders said after a vote that he had
    "very serious concerns ..."'): the reported part runs to the end of the quotation, a
    mixed quote."""
    text = text_of(doc)
    new: list[Found] = []
    for seg in embedded:
        if not is_fragment(text, seg):
            continue
        running = [i for i in items if i.kind in ("indirect", "mixed")
                   and i.start <= seg.open_at <= i.end < seg.end]
        for item in running:
            # 'saying he is "weak on immigration, you know that. Weak."': the parse ended
            # the reported part with the first sentence of the quotation.
            item.kind, item.end = "mixed", seg.end
            item.marks += [m for m in (seg.open_at, seg.close_at) if m is not None]
        if running or not _closes_sentence(doc, seg) or any(
                i.start <= seg.open_at < i.end + 1 for i in items):
            continue
        sent_start = _sentence_start_of(doc, seg.open_at)
        before = [i for i in items if i.kind in ("indirect", "mixed") and i.cue is not None
                  and sent_start <= i.start and i.end <= seg.open_at
                  and word_count(text[i.end:seg.open_at]) <= MAX_FRAGMENT_GAP]
        if before:
            item = before[-1]
            item.kind, item.end = "mixed", seg.end
            item.marks += [m for m in (seg.open_at, seg.close_at) if m is not None]
            continue
        found = _cue_with_that(doc, sent_start, seg.open_at, blocked, used)
        spans = [(i.start, i.end) for i in items] + [(f.start, f.end) for f in new]
        if found is not None and not any(_overlaps(found[1], seg.end, a, b) for a, b in spans):
            new.append(Found("mixed", found[1], seg.end, found[0], None,
                             [m for m in (seg.open_at, seg.close_at) if m is not None]))
    return new


def _cue_with_that(doc: Doc, start: int, stop: int, blocked: bytearray, used: set[int]
                   ) -> tuple[at.Cue, int] | None:
    """A verb of speech with its subject in [start, stop), followed by "that" before `stop`:
    the cue, and where what was said starts (after "that")."""
    span = at.tokens_in(doc, start, stop)
    cue: at.Cue | None = None
    for t in span:
        if blocked[t.idx]:
            continue
        if cue is None and t.i not in used and at.is_cue(t) and not _negated(t):
            subj = at.speaker_subject(t)
            if subj is not None and subj.i < t.i:
                cue = at.Cue(t, subj, at.cue_text(t))
        elif cue is not None and t.lower_ == "that" and t.i + 1 < len(doc):
            return cue, doc[t.i + 1].idx
    return None


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in _MODALS)
               for c in verb.children)


_MODALS = frozenset("will shall may might could should can would must 'll".split())


# Tokens at most between a verb of naming and the quotation ("called the plan a").
NAMING_REACH = 5


# Particles that make a verb of naming something else ("called for", "called on").
_NOT_NAMING = frozenset({"for", "on", "upon", "up", "off", "in", "out", "back"})


def named_as(doc: Doc, embedded: list[Segment], items: Sequence[Piece],
              blocked: bytearray) -> list[Found]:
    """What someone called something, in their words: 'Trump called the system "rigged"',
    'calling him "a disgrace"', 'what the mayor called "a perception problem"'. The quoted
    words are a direct quote of the subject of the verb of naming."""
    text = text_of(doc)
    new: list[Found] = []
    for seg in embedded:
        if seg.close_at is None or not has_letters(text[seg.start:seg.end]) and \
                word_count(text[seg.start:seg.end]) != 1:
            continue
        if any(i.start <= seg.open_at < i.end and i.kind != "belief" for i in items):
            continue  # a fragment of reported speech (a belief may hold someone's words)
        first = token_at(doc, seg.open_at)
        if first is None:
            continue
        lo = max(first.sent.start, first.i - NAMING_REACH)
        verb = next((t for t in reversed(doc[lo:first.i]) if cues.lemma(t) in cues.NAMING
                     and t.tag_.startswith("VB") and not blocked[t.idx]), None)
        if verb is None or _negated(verb) or doc[verb.i + 1].lower_ in _NOT_NAMING:
            continue  # "called for a "reset"" is a request
        subj = at.speaker_subject(verb)
        if subj is not None and not blocked[subj.idx]:
            new.append(Found("direct", seg.start, seg.end, at.Cue(verb, subj, at.cue_text(verb)),
                             seg, []))
    return new


def _sentence_start_of(doc: Doc, pos: int) -> int:
    tok = token_at(doc, pos)
    return tok.sent.start_char if tok is not None else pos


def _closes_sentence(doc: Doc, seg: Segment) -> bool:
    """Only punctuation follows the quotation to the end of its sentence."""
    if seg.close_at is None:
        return False
    tok = token_at(doc, seg.close_at)
    if tok is None:
        return False
    rest = text_of(doc)[seg.close_at + 1:tok.sent.end_char]
    return word_count(rest) == 0
