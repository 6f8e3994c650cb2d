"""Roles from later mentions (composed sentences): the apposition or relative clause after a
surname the model did not tag as a person, and a definite description ("the real-estate
tycoon") that refers back to the one person it can mean; and the cases where it cannot."""

from __future__ import annotations

import pytest

from nlp_helpers import people

pytestmark = pytest.mark.slow


def roles_of(nlp, text: str, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    return people(nlp, text)[name].roles


# ------------------------------------------------------------------ later mentions

def test_a_relative_clause_after_a_later_surname_gives_its_role(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Prime Minister Hiroshi Tanabe spoke on Monday. Opposition chiefs questioned "
            "Tanabe, who is also the president of the Unity Party, about security.")
    assert set(roles_of(nlp, text, "Hiroshi Tanabe")) == {"Prime Minister", "President"}


def test_a_later_apposition_must_name_a_post(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Prime Minister Hiroshi Tanabe spoke on Monday. Reporters asked Tanabe, a pile "
            "of papers in hand, about the budget.")
    assert roles_of(nlp, text, "Hiroshi Tanabe") == ["Prime Minister"]


# ------------------------------------------------------------------ descriptions

@pytest.mark.parametrize("text, name, role", [
    ("Marcus Dell has something to prove. That did not happen in Ohio, where the "
     "real-estate tycoon led in the polls but ended up second.", "Marcus Dell",
     "Real-Estate Tycoon"),
    ("When Ruth Okafor walked into the hall, the crowd stood up. \"Sit down, please!\" she "
     "told them. But the black former Lagos governor is eager to win their votes.",
     "Ruth Okafor", "Former Governor"),
    ("Dan Pryce stepped into the race last week, but many donors remain skeptical of the "
     "37-year-old mayor's chances.", "Dan Pryce", "Mayor"),
    ("Asked if he was ever bullied, Paul Harker smiled. The presumptive nominee said no.",
     "Paul Harker", "Presumptive Nominee"),
])
def test_a_description_gives_its_role_to_the_one_person_it_means(nlp, text: str, name: str,  # type: ignore[no-untyped-def]
                                                               role: str) -> None:
    assert role in roles_of(nlp, text, name)


def test_co_founder_and_founder_are_both_kept(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Prosecutors dropped the case against BrightNet co-founder Lena Sorensen. Her "
            "lawyers said nothing. The BrightNet founder always argued that she was innocent.")
    assert set(roles_of(nlp, text, "Lena Sorensen")) == {"Co-Founder", "Founder"}


def test_a_party_label_in_a_description_is_a_role(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Mark Hale spoke to voters in Ohio on Friday. The Republican nominee promised "
            "lower taxes.")
    assert {"Nominee", "Republican"} <= set(roles_of(nlp, text, "Mark Hale"))


@pytest.mark.parametrize("text, name", [
    # someone else holds the post
    ("President Joe Marsh arrived in Dayton. Ann Cole greeted the crowd. The president "
     "spoke for an hour.", "Ann Cole"),
    # in the clause of the person's own verb: they would be "he"
    ("Ann Cole told reporters that the senator had misled voters.", "Ann Cole"),
    # speaks of a post, not of its holder
    ("Ann Cole spoke on Monday. The next president must cut taxes.", "Ann Cole"),
    # quoted speech
    ("Ann Cole spoke on Monday. \"The senator is wrong,\" a voter said.", "Ann Cole"),
    # the person is named after the description in its sentence
    ("Tom Hale spoke on Monday. The tycoon has given Tom Hale millions.", "Tom Hale"),
    # the head noun was just used of someone unnamed
    ("Ann Cole warned the people and the local mayor. The mayor listened.", "Ann Cole"),
    # the phrase hangs on the person's name
    ("Ann Cole, who took over after the director quit, spoke on Monday.", "Ann Cole"),
    # two descriptions joined by "and"
    ("Ann Cole did not know it then. The tycoon and the senator have since clashed.",
     "Ann Cole"),
])
def test_a_description_that_may_mean_someone_else_gives_nothing(nlp, text: str,  # type: ignore[no-untyped-def]
                                                              name: str) -> None:
    assert roles_of(nlp, text, name) == []


# ------------------------------------------------------------------ clauses

@pytest.mark.parametrize("text, name, expected", [
    ("The memo was written by Karl Menden, who was his chief of staff at the time and is "
     "now the acting secretary of the Navy.", "Karl Menden",
     {"Chief of Staff", "Acting Secretary of the Navy"}),
    ("Walter Pruitt, who served as chief justice for nearly ten years, wrote the ruling.",
     "Walter Pruitt", {"Chief Justice"}),
    ("Ruth Kagwe, who was appointed governor of the province by the king, left in 1951.",
     "Ruth Kagwe", {"Governor"}),
    ("After Paul Harker became the presumptive Republican nominee, donors returned.",
     "Paul Harker", {"Presumptive Nominee", "Republican"}),
    ("Ann Lowe was elected mayor of Dayton in 2019.", "Ann Lowe", {"Mayor"}),
])
def test_a_clause_states_a_post_held_or_taken(nlp, text: str, name: str,  # type: ignore[no-untyped-def]
                                              expected: set[str]) -> None:
    assert set(roles_of(nlp, text, name)) == expected


@pytest.mark.parametrize("text, name", [
    ("Ann Lowe could become president next year.", "Ann Lowe"),
    ("\"If Ann Lowe becomes the president, I will leave,\" a voter said.", "Ann Lowe"),
    ("Ann Lowe, who became the first woman to finish the race, smiled.", "Ann Lowe"),
    ("Ann Lowe later served as President Marsh's liaison to the summit.", "Ann Lowe"),
])
def test_a_clause_that_states_no_post_of_the_person_gives_nothing(nlp, text: str,  # type: ignore[no-untyped-def]
                                                                 name: str) -> None:
    assert roles_of(nlp, text, name) == []
