"""Quotation marks -> quoted segments, character by character, before any NLP.

Pairs opening and closing marks line by line (a quote never runs across a line break: a
quote continued in the next paragraph opens again there, which is the English convention).
Curly and straight double marks and guillemets delimit top-level quotes; single marks
delimit a top-level quote only when no double quote is open (inside a double quote they are
nested quotes and stay part of the text). Unbalanced marks never raise: an unclosed quote
ends before the next opening mark or at the end of its line. Doubled apostrophes and
backticks (''...'', ``...'') are double marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = "\u201c\u00ab\u201e"  # “ « „
DOUBLE_CLOSE = "\u201d\u00bb"  # ” »
SINGLE_OPEN = "\u2018"  # ‘
SINGLE_CLOSE = "\u2019"  # ’ (also the apostrophe)
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + "\"'"
# Characters after which a straight mark opens rather than closes.
_OPENING_CONTEXT = set(" \t([{\u2014\u2013-/:") | {""}


@dataclass
class Segment:
    """Text between one pair of quotation marks (offsets exclude the marks)."""

    start: int
    end: int
    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark; None when the quote is not closed
    double: bool  # delimited by double marks (single-mark quotes are weaker evidence)
    line: int  # index of the line (paragraph) it is in

    @property
    def outer(self) -> tuple[int, int]:
        """Offsets including the marks."""
        return self.open_at, (self.close_at + 1 if self.close_at is not None else self.end)


def _prev(text: str, i: int) -> str:
    return text[i - 1] if i > 0 else ""


def _next(text: str, i: int) -> str:
    return text[i + 1] if i + 1 < len(text) else ""


def _is_open_context(ch: str) -> bool:
    return ch in _OPENING_CONTEXT or ch in DOUBLE_OPEN or ch == "\""


def _kind(text: str, i: int, open_double: bool, open_single: bool) -> str | None:
    """'open_d', 'close_d', 'open_s', 'close_s' or None (not a quotation mark here)."""
    ch = text[i]
    prev, nxt = _prev(text, i), _next(text, i)
    if ch in DOUBLE_OPEN or ch in DOUBLE_CLOSE or ch == "\"":
        return _double_kind(ch, prev, nxt, open_double)
    if open_double:
        return None  # single marks inside a double quote are nested or apostrophes
    return _single_kind(ch, prev, nxt, open_single)


def _double_kind(ch: str, prev: str, nxt: str, open_double: bool) -> str | None:
    if ch in DOUBLE_OPEN:
        # A curly opener used as a closer ("word“ ") is a common typo.
        if open_double and prev and not prev.isspace() and (not nxt or not nxt.isalnum()):
            return "close_d"
        return "open_d"
    if ch in DOUBLE_CLOSE:
        if not open_double and _is_open_context(prev) and nxt and not nxt.isspace():
            return "open_d"
        return "close_d"
    if open_double:  # a straight mark
        return "close_d" if prev and not prev.isspace() else None
    return "open_d" if nxt and not nxt.isspace() else None


def _single_kind(ch: str, prev: str, nxt: str, open_single: bool) -> str | None:
    if ch == SINGLE_OPEN or (ch == "'" and not open_single):
        if _is_open_context(prev) and nxt.isalnum():
            return "open_s"
        return None
    # An apostrophe inside a word (don't, India's) is not a closing mark.
    if (ch == SINGLE_CLOSE or ch == "'") and open_single and prev and not prev.isspace() \
            and not nxt.isalnum():
        return "close_s"
    return None


# Two apostrophes or two backticks for one double mark (''...'' and ``...'' in newspaper
# archives and typewriter text).
_PAIRED = re.compile(r"''|``")


def _paired_marks(text: str) -> str:
    """`text` with each doubled mark written as one curly double mark and a space, of the
    same length, so that the quote's outer span starts at the first of the two marks."""
    def one(m: re.Match[str]) -> str:
        i = m.start()
        before = _prev(text, i)
        opening = m.group() == "``" or ((before.isspace() or _is_open_context(before))
                                        and not _next(text, i + 1).isspace()
                                        and _next(text, i + 1) != "")
        return "\u201c " if opening else "\u201d "
    return _PAIRED.sub(one, text) if "''" in text or "``" in text else text


def find_segments(text: str) -> list[Segment]:
    """All quoted segments of `text`, in order."""
    out: list[Segment] = []
    offset = 0
    text = _paired_marks(text)
    for line_no, line in enumerate(text.split("\n")):
        out.extend(_scan_line(text, offset, offset + len(line), line_no))
        offset += len(line) + 1
    return [s for s in out if s.end > s.start]


def _scan_line(text: str, lo: int, hi: int, line_no: int) -> list[Segment]:
    found: list[Segment] = []
    open_at: int | None = None
    double = False
    for i in range(lo, hi):
        if text[i] not in ALL_MARKS:
            continue
        kind = _kind(text, i, open_at is not None and double, open_at is not None and not double)
        if kind is None:
            continue
        if kind.startswith("open"):
            if open_at is not None:
                if not double and kind == "open_d":
                    # A double quote inside a single one: the single one was an apostrophe.
                    pass
                else:
                    # The previous quote was never closed: it ends before this one.
                    found.append(_segment(text, open_at, None, i, double, line_no))
            open_at, double = i, kind == "open_d"
        elif open_at is not None and double == (kind == "close_d"):
            found.append(_segment(text, open_at, i, i, double, line_no))
            open_at = None
    if open_at is not None:
        found.append(_segment(text, open_at, None, hi, double, line_no))
    # A single-mark "quote" left open is nearly always an apostrophe: drop it.
    return [s for s in found if s.double or s.close_at is not None]


def _segment(text: str, open_at: int, close_at: int | None, stop: int, double: bool,
             line_no: int) -> Segment:
    start, end = open_at + 1, stop
    # Punctuation placed inside the closing mark ("...,\u201d he said") is not quoted text.
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return Segment(start, end, open_at, close_at, double, line_no)


_WORD = re.compile(r"[A-Za-z0-9]+")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def quoted_mask(text: str, segments: list[Segment]) -> bytearray:
    """1 for every character inside (or on the marks of) a quoted segment."""
    mask = bytearray(len(text))
    for s in segments:
        a, b = s.outer
        mask[a:b] = b"\x01" * (b - a)
    return mask
