"""Find the article inside the whole visible text of a page (menus, footers and all).

A naive scraper saves everything a browser shows. The article is the longest stretch that is
dense with prose; menus, footers and link lists are runs of short, unpunctuated lines. Each line
gets a score (positive for prose, negative for link-like lines) and the article is the
contiguous stretch with the highest total (the maximum-sum subarray), so short lines *inside*
the article (subheadings, table rows, a caption) are kept when prose surrounds them.

Clean input must come out untouched: the lines outside that stretch are dropped only when they
look like page furniture (see `_is_furniture`), never a few header lines of a clean article.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from newsgraph.extract.debris import classify

_TERMINAL = re.compile(r"[.!?。！？…]['\"”’)\]»]*$")
_INNER_PUNCT = re.compile(r"[,;:，、。]")
# Words longer than this in CJK/Thai scripts are counted by characters (no spaces there).
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")


@dataclass
class Line:
    """One line of the page and the blank-line separated block it belongs to."""

    text: str
    block: int
    score: float = 0.0


@dataclass
class Region:
    """Lines [start, end) are the article."""

    start: int
    end: int


def effective_words(s: str) -> float:
    cjk = len(_CJK.findall(s))
    if cjk > len(s) * 0.3:
        return cjk / 2.0 + len(s.split())
    return float(len(s.split()))


def is_prose(s: str) -> bool:
    """A sentence-like line: long enough, ending like a sentence or punctuated inside."""
    n = effective_words(s)
    if n >= 10 and _TERMINAL.search(s):
        return True
    return n >= 18 and len(_INNER_PUNCT.findall(s)) >= 2


def _title_case_ratio(s: str) -> float:
    ws = [w for w in s.split() if w[:1].isalpha()]
    if not ws:
        return 0.0
    return sum(1 for w in ws if unicodedata.category(w[0]) == "Lu") / len(ws)


def line_score(s: str) -> float:
    """Prose counts by its length; link-like and menu lines count against."""
    n = effective_words(s)
    if classify(s) is not None:
        return -5.0
    if is_prose(s):
        return n
    if _TERMINAL.search(s) and n >= 3:
        return 0.0  # a short sentence: neutral, kept inside the article, not a reason to grow
    # Menu entries and related-article headlines: short, unpunctuated, often Title Case.
    penalty = 2.0 + 0.3 * n
    if _title_case_ratio(s) > 0.6:
        penalty += 1.0
    return -penalty


def best_region(lines: list[Line]) -> Region:
    """The contiguous run of lines with the highest total score (Kadane)."""
    best = Region(0, 0)
    best_sum = 0.0
    run_start, run_sum = 0, 0.0
    for i, ln in enumerate(lines):
        if run_sum <= 0:
            run_start, run_sum = i, 0.0
        run_sum += ln.score
        if run_sum > best_sum:
            best_sum, best = run_sum, Region(run_start, i + 1)
    return best


def split_lines(pars: list[str]) -> list[Line]:
    out: list[Line] = []
    for b, p in enumerate(pars):
        for t in p.split("\n"):
            t = t.strip()
            if t:
                out.append(Line(t, b, line_score(t)))
    return out


def _is_furniture(outside: list[Line]) -> bool:
    """Lines outside the article are a page's furniture when there are many of them, most
    short and unpunctuated (menus, link lists). A few header lines of a clean article
    ("Washington, DC", a speaker's name and title) are not."""
    if not outside:
        return False
    negative = sum(1 for ln in outside if ln.score < 0)
    return len(outside) >= 6 and negative >= 0.6 * len(outside)


@dataclass
class Split:
    """The article's paragraphs and the page furniture around them, each as paragraphs."""

    article: list[str]
    before: list[str]
    after: list[str]


def _regroup(lines: list[Line]) -> list[str]:
    """Lines back into their blank-line separated paragraphs."""
    out: list[str] = []
    last = None
    for ln in lines:
        if ln.block == last:
            out[-1] += "\n" + ln.text
        else:
            out.append(ln.text)
        last = ln.block
    return out


def find_article(pars: list[str]) -> Split:
    """Split paragraphs into the article and the furniture before and after it."""
    lines = split_lines(pars)
    region = best_region(lines)
    if region.end <= region.start:
        return Split(pars, [], [])
    before, after = lines[: region.start], lines[region.end:]
    start = region.start if _is_furniture(before) else 0
    end = region.end if _is_furniture(after) else len(lines)
    return Split(_regroup(lines[start:end]), _regroup(lines[:start]), _regroup(lines[end:]))
