"""Date resolver: expressions against a publication date, direction from the event's tense.

Expected values were worked out on a calendar by hand: 2025-07-02 is a Wednesday in ISO week
2025-W27; 2025-01-02 is a Thursday; 2024-12-26 is in ISO week 2024-W52; 2024-03-01 is a Friday.
"""

from __future__ import annotations

import pytest

from newsgraph.annotate.dates import resolve_date

PUB = "2025-07-02"  # a Wednesday

CASES = [
    # (text, published, direction, expected)
    # weekdays, past
    ("On Tuesday", PUB, "past", "2025-07-01"),
    ("Tuesday", PUB, "past", "2025-07-01"),
    ("on Monday", PUB, "past", "2025-06-30"),
    ("Sunday", PUB, "past", "2025-06-29"),
    ("on Thursday", PUB, "past", "2025-06-26"),
    ("Wednesday", PUB, "past", "2025-07-02"),
    ("Tuesday night", PUB, "past", "2025-07-01"),
    ("on Friday morning", PUB, "past", "2025-06-27"),
    ("last Tuesday", PUB, "past", "2025-07-01"),
    ("last Wednesday", PUB, "past", "2025-06-25"),
    ("last Wednesday", PUB, "future", "2025-06-25"),
    # weekdays, future
    ("on Tuesday", PUB, "future", "2025-07-08"),
    ("Thursday", PUB, "future", "2025-07-03"),
    ("on Friday", PUB, "future", "2025-07-04"),
    ("next Monday", PUB, "future", "2025-07-07"),
    ("next Wednesday", PUB, "past", "2025-07-09"),
    ("this Saturday", PUB, "future", "2025-07-05"),
    # weekday with no direction: only today's weekday is certain
    ("on Tuesday", PUB, "unknown", None),
    ("Wednesday", PUB, "unknown", "2025-07-02"),
    # today, yesterday, tomorrow
    ("today", PUB, "past", "2025-07-02"),
    ("earlier today", PUB, "past", "2025-07-02"),
    ("this morning", PUB, "past", "2025-07-02"),
    ("tonight", PUB, "future", "2025-07-02"),
    ("yesterday", PUB, "past", "2025-07-01"),
    ("yesterday afternoon", PUB, "past", "2025-07-01"),
    ("last night", PUB, "past", "2025-07-01"),
    ("tomorrow", PUB, "future", "2025-07-03"),
    ("the day after tomorrow", PUB, "future", "2025-07-04"),
    # weeks (ISO week)
    ("last week", PUB, "past", "2025-W26"),
    ("next week", PUB, "future", "2025-W28"),
    ("this week", PUB, "past", "2025-W27"),
    ("earlier this week", PUB, "past", "2025-W27"),
    ("later this week", PUB, "future", "2025-W27"),
    ("two weeks ago", PUB, "past", "2025-W25"),
    ("in two weeks", PUB, "future", "2025-W29"),
    ("in three days' time", PUB, "future", "2025-07-05"),
    # months
    ("last month", PUB, "past", "2025-06"),
    ("next month", PUB, "future", "2025-08"),
    ("earlier this month", PUB, "past", "2025-07"),
    ("in June", PUB, "past", "2025-06"),
    ("in June", PUB, "future", "2026-06"),
    ("in September", PUB, "future", "2025-09"),
    ("in September", PUB, "past", "2024-09"),
    ("in August", PUB, "unknown", "2025-08"),
    ("in mid-June", PUB, "past", "2025-06"),
    ("late March 2024", PUB, "future", "2024-03"),
    ("three months ago", PUB, "past", "2025-04"),
    # years
    ("earlier this year", PUB, "past", "2025"),
    ("later this year", PUB, "future", "2025"),
    ("last year", PUB, "past", "2024"),
    ("next year", PUB, "future", "2026"),
    ("in 2023", PUB, "past", "2023"),
    ("by the end of 2026", PUB, "future", "2026"),
    ("this summer", PUB, "future", "2025"),
    # month and day
    ("on June 3", PUB, "past", "2025-06-03"),
    ("June 3rd", PUB, "past", "2025-06-03"),
    ("on 3 June", PUB, "past", "2025-06-03"),
    ("on June 3", PUB, "future", "2026-06-03"),
    ("July 15", PUB, "future", "2025-07-15"),
    ("July 15", PUB, "past", "2024-07-15"),
    ("July 15", PUB, "unknown", "2025-07-15"),
    ("the 3rd of June", PUB, "unknown", "2025-06-03"),
    ("Sept. 9", PUB, "future", "2025-09-09"),
    ("Jan 20", PUB, "unknown", "2025-01-20"),
    # absolute dates need no publication date and no direction
    ("June 3, 2025", None, "unknown", "2025-06-03"),
    ("on 3 June 2025", None, "unknown", "2025-06-03"),
    ("December 12th, 2024", None, "future", "2024-12-12"),
    ("2024-11-05", None, "unknown", "2024-11-05"),
    ("Tuesday, June 3, 2025", None, "unknown", "2025-06-03"),
    ("June 2025", None, "unknown", "2025-06"),
    ("in 2021", None, "unknown", "2021"),
    # relative dates need a publication date
    ("on Tuesday", None, "past", None),
    ("last week", None, "past", None),
    ("yesterday", None, "past", None),
    ("June 3", None, "past", None),
    ("earlier this year", None, "past", None),
    # ranges resolve to their first day
    ("July 19 to 22", PUB, "future", "2025-07-19"),
    ("June 13-14", PUB, "future", "2026-06-13"),
    ("from March 6 to 8, 2026", PUB, "future", "2026-03-06"),
    ("May 31 to June 2", PUB, "past", "2025-05-31"),
    ("September 4\u20137", PUB, "future", "2025-09-04"),
    # across a year boundary (2025-01-02 is a Thursday)
    ("last month", "2025-01-02", "past", "2024-12"),
    ("in December", "2025-01-02", "past", "2024-12"),
    ("on Monday", "2025-01-02", "past", "2024-12-30"),
    ("last week", "2025-01-02", "past", "2024-W52"),
    ("Dec. 31", "2025-01-02", "past", "2024-12-31"),
    ("Dec. 31", "2025-01-02", "unknown", "2024-12-31"),
    ("tomorrow", "2024-12-31", "future", "2025-01-01"),
    # leap day (2024-03-01 is a Friday)
    ("yesterday", "2024-03-01", "past", "2024-02-29"),
    ("Feb. 29", "2024-03-01", "past", "2024-02-29"),
    ("on Thursday", "2024-03-01", "past", "2024-02-29"),
    # a publication timestamp works as well as a date
    ("yesterday", "2025-07-02T19:28:10+00:00", "past", "2025-07-01"),
    # inconsistent or invalid: never pick one
    ("Tuesday, June 4, 2025", None, "unknown", None),
    ("June 31", PUB, "past", None),
    ("2025-02-30", None, "unknown", None),
    # expressions that name no point in time
    ("recently", PUB, "past", None),
    ("soon", PUB, "future", None),
    ("in the coming weeks", PUB, "future", None),
    ("10-year", PUB, "unknown", None),
    ("two years", PUB, "past", None),
    ("decades", PUB, "past", None),
    ("annual", PUB, "past", None),
    ("two weeks earlier", PUB, "past", None),
    ("", PUB, "past", None),
]


@pytest.mark.parametrize("text,published,direction,expected", CASES,
                         ids=[f"{c[0] or 'empty'}|{c[1]}|{c[2]}" for c in CASES])
def test_resolve(text: str, published: str | None, direction: str, expected: str | None
                 ) -> None:
    got = resolve_date(text, published, direction)  # type: ignore[arg-type]
    assert got.value == expected
    assert got.text == text


def test_precision_matches_value() -> None:
    assert resolve_date("on June 3", PUB, "past").precision == "day"
    assert resolve_date("last week", PUB, "past").precision == "week"
    assert resolve_date("next month", PUB, "future").precision == "month"
    assert resolve_date("earlier this year", PUB, "past").precision == "year"
    assert resolve_date("soon", PUB, "future").precision is None


def test_bad_published_date_is_treated_as_absent() -> None:
    assert resolve_date("yesterday", "not a date", "past").value is None
    assert resolve_date("June 3, 2025", "not a date", "past").value == "2025-06-03"
