"""People in news from many outlets, composed sentences: trades and posts right before a
name, title words that are also surnames, hyphenated modifiers, inverted appositions
without an article, and roles after an organisation's possessive."""

from __future__ import annotations

import pytest

from nlp_helpers import people

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, name, role", [
    ("Republican presidential candidate Mark Dolan spoke in Ohio on Monday.",
     "Mark Dolan", "Presidential Candidate"),
    ("Talk show host Dana Pruitt denounced the plan on Friday.",
     "Dana Pruitt", "Talk Show Host"),
    ("The plan was backed by mining tycoon Oliver Brandt and others.",
     "Oliver Brandt", "Mining Tycoon"),
])
def test_a_trade_right_before_the_name(nlp, text: str, name: str, role: str) -> None:  # type: ignore[no-untyped-def]
    assert role in people(nlp, text)[name].roles


@pytest.mark.parametrize("text, name, role", [
    ("Appeals Court Judge Helen Marsh, writing for the majority, upheld the law.",
     "Helen Marsh", "Judge"),
    ("\"We are worried,\" said Alderman Peter Walsh, whose ward lies on the river.",
     "Peter Walsh", "Alderman"),
    ("Senate Minority Whip Laura Dent of Illinois sent a letter on Monday.",
     "Laura Dent", "Senate Minority Whip"),
])
def test_a_title_before_a_name_is_not_part_of_it(nlp, text: str, name: str, role: str) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, text)
    assert name in p
    assert role in p[name].roles


def test_a_hyphenated_modifier_leaves_the_role(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "Ann Kerr, a four-term congresswoman, won 57 percent of the vote. "
               "Even right-leaning columnist Tom Hale praised her.")
    assert p["Ann Kerr"].roles == ["Congresswoman"]
    assert p["Tom Hale"].roles == ["Columnist"]


def test_a_villager_is_no_role(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "Another villager, Thabo Mokoena, said they often go for days without "
               "water.")
    assert p["Thabo Mokoena"].roles == []
