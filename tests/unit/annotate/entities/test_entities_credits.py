"""People named only on credit lines, in author notes or as modifiers are not people of the
story (annotate/entities/credits.py, data/credit_lines.tsv, "thing" words of
data/not_people.tsv)."""

from __future__ import annotations

import pytest

from nlp_helpers import people

pytestmark = pytest.mark.slow

STORY = ("Governor Maria Ortega signed the budget bill on Friday.\n\n"
         "Ortega said the plan would cut waiting times at hospitals.\n\n"
         "Senator Paul Whitcombe called the bill a good first step.\n\n"
         "The state assembly passed it by a wide margin last week.\n\n")


def test_credit_line_and_author_note(nlp) -> None:  # type: ignore[no-untyped-def]
    text = STORY + ("--additional reporting by Dana Kowalski.\n\n"
                    "Rupert Haines is a senior fellow at the Lindgren Institute.")
    p = people(nlp, text)
    assert {"Maria Ortega", "Paul Whitcombe"} <= set(p), sorted(p)
    assert "Dana Kowalski" not in p and "Rupert Haines" not in p, sorted(p)


def test_follow_line(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, STORY + "Follow staff reporter Anika Brandt on Twitter at @abrandt.")
    assert "Anika Brandt" not in p, sorted(p)


def test_closing_paragraph_about_someone_in_the_story_stays(nlp) -> None:  # type: ignore[no-untyped-def]
    text = STORY + "Whitcombe is a former teacher who entered politics in 2010."
    assert "Paul Whitcombe" in people(nlp, text)


def test_a_story_paragraph_opening_with_by_is_no_credit(nlp) -> None:  # type: ignore[no-untyped-def]
    text = STORY + ("By Sunday morning, Mayor Leon Farrow had called for calm.\n\n"
                    "Farrow spoke outside city hall.")
    assert "Leon Farrow" in people(nlp, text)


def test_short_text_closing_apposition_is_story(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "Clara Voss" in people(nlp, "Clara Voss, a veteran diplomat, arrived in Oslo.")


@pytest.mark.parametrize("text, name", [
    ("Critics compared the cuts to the Reagan era and its budgets.", "Reagan"),
    ("Protesters gathered outside Trump Tower in Manhattan on Sunday.", "Trump"),
    ("The court cited Ashcroft v. Iqbal in its ruling on the complaint.", "Ashcroft"),
])
def test_name_only_as_a_modifier_is_no_person(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, text)
    assert not [n for n in p if name in n], sorted(p)
