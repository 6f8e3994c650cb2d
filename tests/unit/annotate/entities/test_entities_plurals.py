"""Roles given once over a list of names (`entities/plurals.py`), composed sentences: a
plural role phrase right before the list, before "including" or a colon, or set off by a
comma the list closes; a list inside a list; and what gives no role."""

from __future__ import annotations

import pytest

from nlp_helpers import people

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, names, roles", [
    ("The union will not endorse presidential candidates Helen Marsh or Paul Dobbs this "
     "winter.", ("Helen Marsh", "Paul Dobbs"), {"Presidential Candidate"}),
    ("Justices Samuel Hart, Clara Voss and Martin Bell dissented from the ruling.",
     ("Samuel Hart", "Clara Voss", "Martin Bell"), {"Justice"}),
    ("Constitutional scholars Laurence Pike and Lee Epstein disagreed with the ruling.",
     ("Laurence Pike", "Lee Epstein"), {"Constitutional Scholar"}),
    ("Front-runners Donald Crane and Helen Marsh won their primaries on Tuesday.",
     ("Donald Crane", "Helen Marsh"), {"Front-Runner"}),
    ("Several leading presidential contenders, including Helen Marsh and Paul Dobbs, "
     "spoke at the dinner.", ("Helen Marsh", "Paul Dobbs"), {"Presidential Contender"}),
])
def test_a_plural_role_before_a_list_is_each_ones(nlp, text: str, names: tuple[str, ...],  # type: ignore[no-untyped-def]
                                                  roles: set[str]) -> None:
    found = people(nlp, text)
    for name in names:
        assert set(found[name].roles) == roles, name


def test_a_list_inside_a_list_has_both_roles_and_the_party(nlp) -> None:  # type: ignore[no-untyped-def]
    found = people(nlp, "Several leading Republican presidential candidates, including "
                        "Donald Crane and Senators Ted Moss and Mark Lyle, criticized the "
                        "trade with Iran.")
    assert set(found["Donald Crane"].roles) == {"Presidential Candidate", "Republican"}
    for name in ("Ted Moss", "Mark Lyle"):
        assert set(found[name].roles) == {"Senator", "Presidential Candidate", "Republican"}
        assert found[name].party == "Republican"


def test_an_apposition_the_list_closes_gives_the_role(nlp) -> None:  # type: ignore[no-untyped-def]
    found = people(nlp, "The Republican candidates, Donald Crane and Senator Ted Moss, have "
                        "promised to repeal the law in the United States.")
    assert set(found["Donald Crane"].roles) == {"Candidate", "Republican"}
    assert set(found["Ted Moss"].roles) == {"Senator", "Candidate", "Republican"}


def test_a_plural_party_label_before_a_list(nlp) -> None:  # type: ignore[no-untyped-def]
    found = people(nlp, "Republicans Ted Moss and Mark Lyle voted against the bill.")
    assert found["Ted Moss"].party == found["Mark Lyle"].party == "Republicans"
    assert "Republican" in found["Mark Lyle"].roles


def test_a_country_in_the_phrase_is_theirs_unless_it_is_a_heritage(nlp) -> None:  # type: ignore[no-untyped-def]
    found = people(nlp, "Russian officials Sergei Lavrov and Dmitry Peskov denied it.")
    assert found["Sergei Lavrov"].affiliation == found["Dmitry Peskov"].affiliation == "Russia"
    found = people(nlp, "Prominent Cuban American politicians, including U.S. Reps. Ileana "
                        "Ros-Lehtinen and Carlos Curbelo, criticized the plan.")
    assert found["Carlos Curbelo"].affiliation == "United States"
    assert "Politician" in found["Carlos Curbelo"].roles


@pytest.mark.parametrize("text", [
    # a comma after a plural that no comma closes: a clause, not an apposition
    "After meeting the generals, Ted Moss and Mark Lyle said the plan was sound.",
    # a plural that is no role
    "His two old friends Ted Moss and Mark Lyle spoke on Tuesday.",
])
def test_no_role_without_a_plural_role_phrase(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    found = people(nlp, text)
    assert found["Ted Moss"].roles == [] and found["Mark Lyle"].roles == []


def test_a_party_letter_in_parentheses(nlp) -> None:  # type: ignore[no-untyped-def]
    found = people(nlp, "\"We will not yield,\" state Sen. Jason Hale (D) said in Missouri.")
    assert "Democrat" in found["Jason Hale"].roles


def test_such_a_plural_as_a_list(nlp) -> None:  # type: ignore[no-untyped-def]
    found = people(nlp, "Having him on the ticket puts even such senior Republicans as "
                        "Arizona's John McCain and Iowa's Chuck Grassley at risk.")
    for name in ("John McCain", "Chuck Grassley"):
        assert "Republican" in found[name].roles
    found = people(nlp, "The plan was backed by such economists as Paul Krugman and Larry "
                        "Summers last year.")
    assert found["Larry Summers"].roles == ["Economist"]
    found = people(nlp, "He is as popular as John McCain and Chuck Grassley in the state.")
    assert found["John McCain"].roles == []


def test_a_plural_head_with_a_tail_before_a_bracketed_list(nlp) -> None:  # type: ignore[no-untyped-def]
    found = people(nlp, "In addition, two Republican members of Congress from Florida, Ileana "
                        "Ros-Lehtinen and Carlos Curbelo, have said they will not back him.")
    assert found["Carlos Curbelo"].party == "Republican"
    found = people(nlp, "The senators (Ted Cruz and Mike Lee) objected.")
    assert found["Mike Lee"].roles == ["Senator"]
    # a circumstance after the plural is no tail of the role
    found = people(nlp, "It is where the two other major black candidates in the race -- "
                        "Sens. Cory Booker and Kamala Harris -- have struggled.")
    assert found["Kamala Harris"].roles == ["Senator"]
