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
_TRUNCATED = re.compile(r"(\.\.\.|…)\s*$")
_INNER_PUNCT = re.compile(r"[,;:，、。]")
# Words longer than this in CJK/Thai scripts are counted by characters (no spaces there).
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")


PROSE_CAP = 40.0
GAP_GROWTH = 5.0  # the n-th line of a non-prose run weighs (1 + n / GAP_GROWTH) times
ANCHOR_MIN_SHARE = 0.1  # an anchored region weaker than this share of the best one is a decoy
ANCHOR_NEAR = 15  # lines allowed between a headline and its article (byline, date, deck)

_COMMENTS_HEADING = re.compile(
    r"^((\d+\s+)?(comments?|responses?|replies|reactions|thoughts? on\b.*)(\s*\(\d+\))?"
    r"|leave a (reply|comment)|post a comment|add (a|your) comment|join the (discussion|"
    r"conversation)|show comments|view comments|reader comments|discussion)\s*:?$", re.I)
_COMMENTS_STRONG = re.compile(
    r"^(\d+\s+(comments?|responses?|replies|thoughts? on\b.*)|leave a (reply|comment)|"
    r"post a comment|add (a|your) comment)", re.I)
# A commenter line: a user name alone ("jane_doe says:"), or a name with the comment's date
# ("Jane on May 2, 2019 at 4:47 pm said:"). "The President said:" introduces a quote instead.
_COMMENTER = re.compile(
    r"^\S{1,40}\s(says|said|wrote|writes)\s*:?$|"
    r"^.{1,60}\s(on|at|-)\s.{0,40}(\d{4}|\d{1,2}:\d{2}).{0,30}(said|says|wrote)\s*:?$", re.I)
# Lines that only a page's chrome has: menus, account links, footers.
_CHROME = re.compile(
    r"^(home( ?page)?|menu|search|log ?in|log ?out|sign ?in|sign ?up|register|subscribe( now)?|"
    r"contact( us)?|about( us)?|privacy( policy| notice)?|terms( of (use|service))?|"
    r"terms (and|&) conditions|cookie (policy|settings|preferences)|advertise( with us)?|"
    r"careers|jobs|newsletters?|rss( feeds?)?|sitemap|site map|faqs?|help|"
    r"skip to (main )?content|back to top|top|more|next|previous|share|facebook|twitter|"
    r"instagram|youtube|linkedin|whatsapp|pinterest|e-?mail|print|accessibility|"
    r"all rights reserved|(copyright )?© ?.{0,60})\W*$", re.I)


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
    if n < 25 and _TRUNCATED.search(s):
        return -(2.0 + 0.3 * n)  # a teaser cut short: "Microsoft removes the hold for..."
    if is_prose(s):
        # Capped, so that one long footer paragraph (contact details, legal text) cannot
        # outweigh a short article of several paragraphs.
        return min(n, PROSE_CAP)
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


def _is_furniture(outside: list[Line], menus: bool) -> bool:
    """Lines outside the article are a page's furniture when there are many of them, most
    short and unpunctuated, and some are unmistakably the page's chrome (menu entries, account
    and footer links, debris). A clean article's header lines ("Washington, DC", a speaker's
    name and title) or a closing list of participants are not."""
    if len(outside) < 6:
        return False
    negative = sum(1 for ln in outside if ln.score < 0)
    chrome = sum(1 for ln in outside if _CHROME.match(ln.text) or classify(ln.text))
    menu = sum(1 for ln in outside if _is_menu_entry(ln.text))
    return negative >= 0.6 * len(outside) and \
        (chrome >= 2 or (menus and menu >= 0.5 * len(outside)))


def has_menu_block(pars: list[str]) -> bool:
    """A paragraph of three or more lines, most of them menu entries."""
    for p in pars:
        lines = p.split("\n")
        if len(lines) >= 3 and sum(map(_is_menu_entry, lines)) >= 0.6 * len(lines):
            return True
    return False


def _is_menu_entry(s: str) -> bool:
    """One to four words with no punctuation: "World News", "Outubro (144)"."""
    return len(s.split()) <= 4 and not re.search(r"[,.;:!?]", s)


@dataclass
class Split:
    """The article's paragraphs and the page furniture around them, each as paragraphs."""

    article: list[str]
    before: list[str]
    after: list[str]
    comments: list[str]
    # True when the input is a whole web page rather than an article.
    page: bool = False


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


def _kadane_score(lines: list[Line], region: Region) -> float:
    return sum(ln.score for ln in lines[region.start:region.end])


def best_region_from(lines: list[Line], lo: int, hi: int) -> tuple[Region, float]:
    """The best region whose first line lies in [lo, hi)."""
    best, best_sum = Region(lo, lo), 0.0
    for start in range(lo, min(hi, len(lines))):
        total = 0.0
        for end in range(start, len(lines)):
            total += lines[end].score
            if total > best_sum:
                best, best_sum = Region(start, end + 1), total
    return best, best_sum


def anchored_region(lines: list[Line], anchors: list[int], near: int = ANCHOR_NEAR) -> Region:
    """The best region that starts soon after a repeat of the headline, when there is one: on
    a page the article follows its headline, while teaser lists and comments elsewhere can be
    as prose-dense as the article itself. The best region overall wins when there is no such
    region, or when it is far stronger (the headline repeated in a footer or a teaser)."""
    best: Region | None = None
    best_sum = 0.0
    for a in anchors:
        region, total = best_region_from(lines, a + 1, a + 1 + near)
        if total > best_sum:
            best, best_sum = region, total
    overall = best_region(lines)
    if best is None or best_sum < ANCHOR_MIN_SHARE * _kadane_score(lines, overall):
        return overall
    return best


def escalate_gaps(lines: list[Line]) -> None:
    """Each further line of a run of non-prose lines costs more than the one before: a long
    menu or link list between two prose stretches separates them, a subheading or a short
    table inside an article does not."""
    run = 0
    for ln in lines:
        if ln.score < 0:
            ln.score *= 1.0 + run / GAP_GROWTH
            run += 1
        elif ln.score > 0:
            run = 0


def comment_start(lines: list[Line], region: Region) -> int | None:
    """Index of the first line of a reader-comment section inside the region: a heading such
    as "34 Comments" / "Leave a Reply" or a commenter line ("jane says:", "Jane on May 2,
    2019 at 4:47 pm said:") followed by another commenter line, after some article prose."""
    seen_prose = False
    for i in range(region.start, region.end):
        t = lines[i].text
        if lines[i].score > 0:
            seen_prose = True
        if not seen_prose:
            continue
        if _COMMENTS_HEADING.match(t) or _COMMENTER.match(t):
            following = [ln.text for ln in lines[i + 1:i + 8]]
            if sum(1 for x in following if _COMMENTER.match(x)) >= 1 or \
                    _COMMENTS_STRONG.match(t):
                return i
    return None


def find_article(pars: list[str], title: str | None = None) -> Split:
    """Split paragraphs into the article and what stands before and after it."""
    from newsgraph.extract.text import key, title_keys

    lines = split_lines(pars)
    escalate_gaps(lines)
    anchors: list[int] = []
    if title:
        keys = title_keys(title)
        anchors = [i for i, ln in enumerate(lines) if key(ln.text) in keys]
    region = anchored_region(lines, anchors)
    if region.end <= region.start:
        return Split(pars, [], [], [])
    cut = comment_start(lines, region)
    comments: list[Line] = []
    if cut is not None:
        sub = best_region(lines[region.start:cut])
        comments = lines[cut:]
        region = Region(region.start + sub.start, region.start + sub.end)
    before = lines[: region.start]
    after = lines[region.end: cut] if cut is not None else lines[region.end:]
    menus = has_menu_block(pars)
    # Once either side is clearly a page's furniture, the input is a whole page and the
    # article is the region alone; otherwise it is an article, and stays whole.
    page = _is_furniture(before, menus) or _is_furniture(after, menus)
    start = region.start if page else 0
    end = region.end if (cut is not None or page) else len(lines)
    if cut is None:
        tail = lines[end:]
    else:
        tail = lines[end:cut] if end <= cut else []
    return Split(_regroup(lines[start:end]), _regroup(lines[:start]), _regroup(tail),
                 _regroup(comments), page)
