"""Titles shared over lists of people in news reporting (composed sentences): a plural
title before names that each carry the place they represent, and a plural title that opens
a list ("--", "among them", "including")."""

from __future__ import annotations

import pytest

from nlp_helpers import people

pytestmark = pytest.mark.slow



def test_a_plural_title_reaches_past_the_place_a_name_represents(nlp) -> None:  # type: ignore[no-untyped-def]
    found = people(nlp, "Sens. Mark Holt of Illinois and Susan Collins of Maine were the "
                        "only ones to vote no in the United States Senate.")
    assert found["Mark Holt"].roles == ["Senator"]
    assert found["Susan Collins"].roles == ["Senator"]
    assert found["Susan Collins"].affiliation == "United States"


def test_a_plural_title_before_a_dash_opens_a_list(nlp) -> None:  # type: ignore[no-untyped-def]
    found = people(nlp, "The Democratic senators seeking the nomination -- Amy Carver of "
                        "Ohio, Lena Moss of Utah -- voted against the bill in Washington.")
    for name in ("Amy Carver", "Lena Moss"):
        assert set(found[name].roles) == {"Senator", "Democrat"}
        assert found[name].affiliation == "United States"


def test_among_them_after_a_plural_title_opens_a_list(nlp) -> None:  # type: ignore[no-untyped-def]
    found = people(nlp, "Several governors up for re-election next year, among them Joan "
                        "Fisk of Kansas, opposed the plan.")
    assert found["Joan Fisk"].roles == ["Governor"]


def test_a_verb_between_a_plural_noun_and_the_list_breaks_it(nlp) -> None:  # type: ignore[no-untyped-def]
    found = people(nlp, "Governors met on Monday, among them Joan Fisk of Kansas.")
    assert found["Joan Fisk"].roles == []


def test_a_country_word_after_a_sentence_opening_conjunction_labels_the_title(nlp) -> None:  # type: ignore[no-untyped-def]
    found = people(nlp, "When Afghan President Ashraf Ghani announced the exchange, he said "
                        "Kabul agreed. President Trump scuttled the talks with the US.")
    assert found["Ashraf Ghani"].affiliation == "Afghanistan"


@pytest.mark.parametrize("text, name, expected", [
    ("Dave Rowe, a broadly respected Republican and, at the time, chairman of the House "
     "Ways and Means Committee, proposed it in the United States.", "Dave Rowe",
     {"Republican", "Chairman"}),
    ("Jane Roe, the chairman and chief executive of Acme, spoke.", "Jane Roe",
     {"Chairman", "Chief Executive"}),
    ("Deval Patrick, the newest 2020 presidential hopeful, arrived.", "Deval Patrick",
     {"Presidential Hopeful"}),
    ("On Sunday, Hillary Clinton, the presidential front-runner, called on tech companies "
     "to act.", "Hillary Clinton", {"Presidential Front-Runner"}),
])
def test_roles_after_a_name_joined_by_and_or_hyphenated(nlp, text: str, name: str,  # type: ignore[no-untyped-def]
                                                       expected: set[str]) -> None:
    assert set(people(nlp, text)[name].roles) == expected


def test_a_relation_after_and_is_no_second_role(nlp) -> None:  # type: ignore[no-untyped-def]
    assert people(nlp, "Mary Poe, a lawyer and mother of three, spoke.")["Mary Poe"].roles \
        == ["Lawyer"]


def test_a_hyphen_between_organisation_names_ends_no_role(nlp) -> None:  # type: ignore[no-untyped-def]
    found = people(nlp, "Howard Glen, a senior fellow at the Urban Institute-Brookings "
                        "Institution Tax Policy Center, said so.")
    assert found["Howard Glen"].roles == ["Senior Fellow"]


def test_a_plural_title_reaches_over_a_long_modifier_to_the_list(nlp) -> None:  # type: ignore[no-untyped-def]
    found = people(nlp, "The risk is high for senators up for re-election next year in swing "
                        "states, among them Kelly Ayotte of New Hampshire.")
    assert found["Kelly Ayotte"].roles == ["Senator"]


@pytest.mark.parametrize("text, name, expected", [
    ("The debate turned to the fitness of the Republican nominee, Mr. Trump, to lead the "
     "United States.", "Trump", {"Nominee", "Republican"}),
    ("Mr. Smith's Republican opponent, Mitt Romney, traveled to Jerusalem from the United "
     "States.", "Mitt Romney", {"Republican"}),
    ("The company's chief executive, Jane Doe, resigned.", "Jane Doe", {"Chief Executive"}),
    ("I met my friend, John Smith, today.", "John Smith", set()),
])
def test_a_role_set_off_before_the_name(nlp, text: str, name: str,  # type: ignore[no-untyped-def]
                                        expected: set[str]) -> None:
    assert set(people(nlp, text)[name].roles) == expected


@pytest.mark.parametrize("text, name", [
    ("He raised questions about the judgment of another witness, Alexander Volk, who "
     "testified.", "Alexander Volk"),
    ("The clan clashed with the new face of the party, Donald J. Trump, on Monday.",
     "Donald J. Trump"),
    ("Police said the alleged shooter, Robert Lewis Dear, is likely to appear in court.",
     "Robert Lewis Dear"),
])
def test_no_role_from_a_phrase_that_is_no_post(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert people(nlp, text)[name].roles == []
