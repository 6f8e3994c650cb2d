"""Resolve a date expression ("on Tuesday", "last week", "June 3") against a publication date.

The result is an ISO 8601 string at the precision the text gives: a day (`2025-07-01`), an
ISO week (`2025-W26`), a month (`2025-06`) or a year (`2025`). Expressions that name no point in
time ("recently", "in the coming weeks", "for ten years") resolve to None: a date is never
guessed. Without a publication date only absolute dates (with a year) resolve.

Direction: a weekday or a month without a year is ambiguous ("on Tuesday" is last Tuesday in
"they met on Tuesday" and next Tuesday in "they will meet on Tuesday"); the caller passes the
direction that the event's tense implies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Direction = Literal["past", "future", "unknown"]
Precision = Literal["day", "week", "month", "year"]

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
            "a couple of": 2, "several": None, "a few": None}


@dataclass
class ResolvedDate:
    """A date expression and what it resolves to (None when it names no point in time)."""

    text: str
    value: str | None = None
    precision: Precision | None = None


def parse_published(published: str | date | None) -> date | None:
    """The publication date from `YYYY-MM-DD` (or a longer ISO timestamp); None if unusable."""
    if published is None or isinstance(published, date):
        return published
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", published.strip())
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


# ------------------------------------------------------------------ normalisation

_LEAD = re.compile(r"^(?:on|in|at|by|since|from|during|as of|until|till|before|after|"
                   r"starting|beginning|from)\s+", re.I)
_DAYPART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_MONTH_RE = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
             r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_ORD = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(\d{4})"
# "the" is already stripped from the front by _norm
_PART = (r"(?:early|mid|late|end of|beginning of|start of|middle of|(?:first|second) half of|"
         r"(?:first|second|third|fourth|last) quarter of)")


# "July 19 to 22", "June 13-14", "March 6 to 8, 2022", "May 31 to June 2": the first day
_RANGE = re.compile(r"^(.*?\d{1,2})(?:st|nd|rd|th)?\s*(?:-|\u2013|\u2014|to|through|until|"
                    r"and)\s*(?:[a-z]+\.?\s+)?\d{1,2}(?:st|nd|rd|th)?(,?\s+\d{4})?$")


def _norm(text: str) -> str:
    t = text.strip().lower().replace("\u2019", "'").replace("\u00a0", " ")
    t = re.sub(r"\s+", " ", t).strip(" ,.;:")
    for _ in range(2):
        t = _LEAD.sub("", t)
    t = re.sub(r"^the\s+", "", t)
    m = _RANGE.match(t)
    if m and re.search(r"[a-z]", m[1]):  # a range of days within a named month
        t = m[1] + (m[2] or "")
    return t


def _month_num(token: str) -> int:
    return _MONTH_ABBR[token.rstrip(".")[:3]]


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBERS.get(word)


# ------------------------------------------------------------------ helpers


def _day(d: date) -> tuple[str, Precision]:
    return d.isoformat(), "day"


def _week(d: date) -> tuple[str, Precision]:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}", "week"


def _month(y: int, m: int) -> tuple[str, Precision]:
    return f"{y:04d}-{m:02d}", "month"


def _year(y: int) -> tuple[str, Precision]:
    return f"{y:04d}", "year"


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _weekday(pub: date, wd: int, mode: str, direction: Direction) -> date | None:
    """The date of weekday `wd` relative to `pub`.

    `mode` is "last" (strictly before), "next" (strictly after) or "bare" (within the six days
    either side, the side given by `direction`; the publication day itself counts, as news
    style names today's weekday too).
    """
    back = (pub.weekday() - wd) % 7
    fwd = (wd - pub.weekday()) % 7
    if mode == "last":
        return pub - timedelta(days=back or 7)
    if mode == "next":
        return pub + timedelta(days=fwd or 7)
    if direction == "past":
        return pub - timedelta(days=back)
    if direction == "future":
        return pub + timedelta(days=fwd)
    return pub if back == 0 else None


def _month_day_year(pub: date | None, month: int, day: int, direction: Direction
                    ) -> int | None:
    """The year of a month-day given without one: the occurrence on the side of `direction`,
    or the nearer one when the direction is unknown."""
    if pub is None:
        return None
    candidates = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            candidates.append(date(y, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    if direction == "past":
        past = [c for c in candidates if c <= pub]
        return max(past).year if past else None
    if direction == "future":
        fut = [c for c in candidates if c >= pub]
        return min(fut).year if fut else None
    return min(candidates, key=lambda c: abs((c - pub).days)).year


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


# ------------------------------------------------------------------ the resolver

def resolve_date(text: str, published: str | date | None,
                 direction: Direction = "unknown") -> ResolvedDate:
    """Resolve `text` against `published`; see the module docstring for the rules."""
    out = ResolvedDate(text=text)
    pub = parse_published(published)
    t = _norm(text)
    # "in two weeks" looks forward; the leading "in" is gone after _norm, so mark it here
    m = re.match(r"\s*in\s+(?!\d{4})", text, re.I)
    if m and re.fullmatch(r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+) "
                          r"(?:day|week|month|year)s?(?:'? time)?", t):
        t += " from now"
    if not t:
        return out
    hit = _absolute(t, pub, direction)
    if hit is None and pub is not None:
        hit = _relative(t, pub, direction)
    if hit is not None:
        out.value, out.precision = hit
    return out


# June 3, 2025 / June 3rd 2025 / June 3 / 3 June 2025 / the 3rd of June: (pattern, the
# groups of month, day and year)
_DAY_PATTERNS: list[tuple[str, tuple[int, int, int | None]]] = [
    (rf"{_MONTH_RE} {_ORD},? {_YEAR}", (1, 2, 3)),
    (rf"{_ORD} (?:of )?{_MONTH_RE},? {_YEAR}", (2, 1, 3)),
    (rf"{_MONTH_RE} {_ORD}", (1, 2, None)),
    (rf"{_ORD} (?:of )?{_MONTH_RE}", (2, 1, None)),
]


def _absolute(t: str, pub: date | None, direction: Direction) -> tuple[str, Precision] | None:
    # ISO: 2025-06-03
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if m:
        d = _safe_date(int(m[1]), int(m[2]), int(m[3]))
        return _day(d) if d else None
    # optional weekday prefix: "tuesday, june 3" -> check it against the date later
    wd_name = None
    m = re.match(r"(" + "|".join(WEEKDAYS) + r"),? ", t)
    if m and re.search(r"\d", t):
        wd_name, t = m[1], t[m.end():]
    for pat, groups in _DAY_PATTERNS:
        m = re.fullmatch(pat + _DAYPART, t)
        if m:
            return _month_day(m, groups, pub, direction, wd_name)
    # early/mid/late June 2025, June 2025, June
    m = re.fullmatch(rf"(?:{_PART}[- ])?{_MONTH_RE}(?:,? {_YEAR})?", t)
    if m:
        return _month_only(m, pub, direction)
    # a bare year: 2025, early 2025, the end of 2025
    m = re.fullmatch(r"(?:" + _PART + r"[- ])?(\d{4})", t)
    if m and 1900 <= int(m[1]) <= 2100:
        return _year(int(m[1]))
    return None


def _month_day(m: re.Match[str], groups: tuple[int, int, int | None], pub: date | None,
               direction: Direction, wd_name: str | None) -> tuple[str, Precision] | None:
    mi, di, yi = groups
    month, day = _month_num(m[mi]), int(m[di])
    year = int(m[yi]) if yi else _month_day_year(pub, month, day, direction)
    if year is None:
        return None
    d = _safe_date(year, month, day)
    if d is None:
        return None
    if wd_name and WEEKDAYS.index(wd_name) != d.weekday():
        return None  # "Tuesday, June 4" when June 4 is a Wednesday: do not pick one
    return _day(d)


def _month_only(m: re.Match[str], pub: date | None, direction: Direction
                ) -> tuple[str, Precision] | None:
    month = _month_num(m[1])
    if m[2]:
        return _month(int(m[2]), month)
    if pub is None:
        return None
    year = _month_year(pub, month, direction)
    return _month(year, month) if year else None


def _month_year(pub: date, month: int, direction: Direction) -> int | None:
    if direction == "past":
        return pub.year if month <= pub.month else pub.year - 1
    if direction == "future":
        return pub.year if month >= pub.month else pub.year + 1
    # unknown: the nearer occurrence; exactly six months either way is a tie we do not break
    best = sorted((abs((y * 12 + month) - (pub.year * 12 + pub.month)), y)
                  for y in (pub.year - 1, pub.year, pub.year + 1))
    if best[0][0] == best[1][0]:
        return None
    return best[0][1]


def _relative(t: str, pub: date, direction: Direction) -> tuple[str, Precision] | None:
    named = _named_day(t, pub)
    if named is not None:
        return named
    m = re.fullmatch(r"(last|next|this|past|coming)?\s*(" + "|".join(WEEKDAYS) + r")" + _DAYPART,
                     t)
    if m:
        mode = {"last": "last", "past": "last", "next": "next", "coming": "next"}.get(m[1] or "",
                                                                                   "bare")
        d = _weekday(pub, WEEKDAYS.index(m[2]), mode, direction)
        return _day(d) if d else None
    m = re.fullmatch(r"(earlier |later )?(last|next|this|past|previous|coming) "
                     r"(week|month|year)", t)
    if m:
        if m[1] and m[2] != "this":
            return None  # "earlier last week" is not an expression we can trust
        k = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(m[2], 0)
        return _shift(pub, m[3], k)
    m = re.fullmatch(r"(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|"
                     r"a couple of) (day|week|month|year)s?'?(?: time)? "
                     r"(ago|earlier|from now|later|hence)", t)
    if m:
        return _counted(m, pub)
    m = re.fullmatch(r"(?:this|the) (spring|summer|fall|autumn|winter)", t)
    if m and m[1] != "winter":  # winter straddles two years
        return _year(pub.year)
    return None


def _named_day(t: str, pub: date) -> tuple[str, Precision] | None:
    """Today, yesterday, tomorrow and the days either side of them."""
    if re.fullmatch(r"(?:earlier |later )?(?:today|tonight|this (?:morning|afternoon|evening))",
                    t):
        return _day(pub)
    if re.fullmatch(r"yesterday" + _DAYPART + r"|last night", t):
        return _day(pub - timedelta(days=1))
    if re.fullmatch(r"tomorrow" + _DAYPART, t):
        return _day(pub + timedelta(days=1))
    if t == "the day before yesterday" or t == "day before yesterday":
        return _day(pub - timedelta(days=2))
    if t in ("the day after tomorrow", "day after tomorrow"):
        return _day(pub + timedelta(days=2))
    return None


def _counted(m: re.Match[str], pub: date) -> tuple[str, Precision] | None:
    """"two weeks ago", "a month from now"."""
    n = _count(m[1])
    if n is None:
        return None
    sign = -1 if m[3] in ("ago", "earlier") else 1
    # "two weeks earlier/later" is relative to another event, not to publication
    if m[3] in ("earlier", "later"):
        return None
    return _shift(pub, m[2], sign * n)


def _shift(pub: date, unit: str, k: int) -> tuple[str, Precision]:
    if unit == "day":
        return _day(pub + timedelta(days=k))
    if unit == "week":
        return _week(pub + timedelta(weeks=k))
    if unit == "month":
        y, m = _add_months(pub.year, pub.month, k)
        return _month(y, m)
    return _year(pub.year + k)
