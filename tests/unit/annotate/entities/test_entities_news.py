"""People in news reporting (composed sentences): places that are not people, names cleaned
of party and office words, roles after the name, affiliation from the person's own mention."""

from __future__ import annotations

import pytest

from newsgraph.record import Article, Entity

pytestmark = pytest.mark.slow


def entities(nlp, text: str) -> list[Entity]:  # type: ignore[no-untyped-def]
    from newsgraph.annotate.pipeline import make_doc

    return list(nlp(make_doc(nlp, Article.new(text)))._.ng_entities)


def people(nlp, text: str) -> dict[str, Entity]:  # type: ignore[no-untyped-def]
    return {e.name: e for e in entities(nlp, text) if e.type == "PERSON"}


@pytest.mark.parametrize("text, place", [
    ("Troops pushed toward Chasiv Yar and Toretsk.", "Chasiv Yar"),
    ("Airstrikes hit Khan Younis before dawn.", "Khan Younis"),
    ("Drone attacks on Kharkiv and Sumy continued.", "Sumy"),
])
def test_a_place_in_the_gazetteer_is_no_person(nlp, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    ents = entities(nlp, text)
    assert place not in {e.name for e in ents if e.type == "PERSON"}
    assert place in {e.name for e in ents if e.type == "GPE"}


@pytest.mark.parametrize("text, name", [
    ("Austin told reporters the aid would arrive soon.", "Austin"),
    ("Mr Austin met the delegation on Monday.", "Austin"),
    ("Defense Secretary Lloyd Austin flew to Brussels.", "Lloyd Austin"),
])
def test_a_place_name_used_as_a_person_stays_one(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert name in people(nlp, text)


@pytest.mark.parametrize("text, name, party", [
    ("Republican Mike Braun won the race for governor.", "Mike Braun", "Republican"),
    ("Democrat Amy Klobuchar said the bill would pass.", "Amy Klobuchar", "Democrat"),
    ("Sen. Tim Kaine, D-Va., said the deal was bad.", "Tim Kaine", "D"),
])
def test_a_party_label_is_split_off_the_name(nlp, text: str, name: str, party: str) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, text)[name]
    assert p.party == party
    assert p.affiliation == "United States" and p.affiliation_source == "party"


def test_a_party_that_needs_its_country_named() -> None:
    from newsgraph.annotate.entities import parties

    assert parties.resolve("Congress", {"United States"}) is None
    row = parties.resolve("Congress", {"India"})
    assert row is not None and row.country == "India"
    labour = parties.resolve("Labour", {"Australia"})
    assert labour is not None and labour.country == "Australia"


def test_a_party_label_inside_a_title_is_a_role_of_its_own(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "Labour MP Jess Phillips said the plan was flawed.")["Jess Phillips"]
    assert p.roles == ["MP", "Labour"] and p.party == "Labour"
    assert p.organisation == "Labour Party" and p.affiliation == "United Kingdom"


@pytest.mark.parametrize("text, name, roles", [
    ("Ombudsman Ana Torres said the report was late.", "Ana Torres", ["Ombudsman"]),
    # the House is the body, not the post (docs/entities.md, "Roles")
    ("House Speaker Mike Johnson said the vote would be held Friday.", "Mike Johnson",
     ["Speaker"]),
    ("Lt. Paul Hart said the ship had docked.", "Paul Hart", ["Lieutenant"]),
    ("Singer Carole King performed in Boston.", "Carole King", []),
])
def test_office_words_before_a_name_and_surnames_that_are_titles(nlp, text: str, name: str,  # type: ignore[no-untyped-def]
                                                                 roles: list[str]) -> None:
    assert people(nlp, text)[name].roles == roles


def test_a_title_with_evidence_of_its_country(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "Gov. Greg Abbott of Texas signed the bill on Monday.")["Greg Abbott"]
    assert p.affiliation == "United States" and p.affiliation_source == "title-in-context"
    alone = people(nlp, "Senator Jane Doe said the bill was wrong.")["Jane Doe"]
    assert alone.affiliation is None  # no country in the article: a senator of anywhere


@pytest.mark.parametrize("text, name", [
    ("American Anna King and Australian Tom Reed were released on Tuesday.", "Anna King"),
    ("Analysts say the even wealthier Michael Harlow will join the race.", "Michael Harlow"),
    ("Deputy Director of Public Prosecution Eva-Marie Lund closed the case.", "Eva-Marie Lund"),
])
def test_names_the_rules_must_find_whole(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert name in people(nlp, text)


def test_a_name_inside_the_name_of_a_thing_is_no_mention(nlp) -> None:  # type: ignore[no-untyped-def]
    found = people(nlp, "They met at Ronald Reagan Washington National Airport in a small "
                        "office.")
    assert "Ronald Reagan" not in found


def test_two_spellings_of_one_surname_are_one_person(nlp) -> None:  # type: ignore[no-untyped-def]
    found = people(nlp, "President Volodymyr Zelensky spoke first. Later, Zelenskyy said the "
                        "talks had failed.")
    assert list(found) == ["Volodymyr Zelensky"]


@pytest.mark.parametrize("text, name, roles, organisation", [
    ("Mark Dale, a Republican strategist, said the vote mattered.", "Mark Dale",
     ["Strategist", "Republican"], "Republican Party"),
    ("Jane Roe, a professor of political science at the University of Akron, said so.",
     "Jane Roe", ["Professor of Political Science"], "University of Akron"),
    ("Sam Hale, who heads the Alliance for Rural Schools, disagreed.", "Sam Hale", ["Head"],
     "Alliance for Rural Schools"),
    ("Monica Bauer, head of global policy at Facebook, said it would act.", "Monica Bauer",
     ["Head of Global Policy"], "Facebook"),
    ("Omar Celik, press secretary for Erdogan, said Turkey was ready.", "Omar Celik",
     ["Press Secretary"], None),
])
def test_a_role_after_the_name(nlp, text: str, name: str, roles: list[str],  # type: ignore[no-untyped-def]
                               organisation: str | None) -> None:
    p = people(nlp, text)[name]
    assert p.roles == roles
    if organisation is not None:
        assert p.organisation == organisation


def test_an_employer_named_after_a_place_gives_no_country(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "Ann Lee, an expert on Syria at the Washington Institute, said.")["Ann Lee"]
    assert p.roles == ["Expert on Syria"] and p.affiliation is None


def test_officials_take_the_country_whose_institutions_the_article_reports(nlp) -> None:  # type: ignore[no-untyped-def]
    found = people(nlp, "The White House said on Monday that Chief of Staff Dan Ruiz would "
                        "meet Ohio lawmakers. Senator Joan Pike of Ohio objected. The State "
                        "Department did not comment. Ann Wu, a professor at Ohio State "
                        "University, said the plan was weak.")
    assert found["Dan Ruiz"].affiliation == "United States"
    assert found["Dan Ruiz"].affiliation_source == "article"
    assert found["Ann Wu"].affiliation is None  # staff of a named organisation


def test_a_prime_minister_is_never_given_a_country_without_one(nlp) -> None:  # type: ignore[no-untyped-def]
    found = people(nlp, "The White House and the State Department said Prime Minister Ali "
                        "Khan would visit Texas.")
    assert found["Ali Khan"].affiliation != "United States"


@pytest.mark.parametrize("text, name, roles, affiliation, organisation", [
    ("Former Massachusetts Gov. Dan Reilly joined the race.", "Dan Reilly",
     ["Former Governor"], "United States", None),
    ("National Assembly Speaker Tom Ekandjo said so.", "Tom Ekandjo", ["Speaker"], None,
     "National Assembly"),
])
def test_a_jurisdiction_or_body_opening_a_title_is_not_part_of_the_role(  # type: ignore[no-untyped-def]
        nlp, text: str, name: str, roles: list[str], affiliation: str | None,
        organisation: str | None) -> None:
    p = people(nlp, text)[name]
    assert p.roles == roles and p.affiliation == affiliation
    assert p.organisation == organisation


def test_a_first_lady_shares_the_leaders_country(nlp) -> None:  # type: ignore[no-untyped-def]
    found = people(nlp, "U.S. President Tom Carver and First Lady Ann Carver hosted Prime "
                        "Minister Raj Mehta of India.")
    assert found["Ann Carver"].affiliation == "United States"


def test_a_plural_title_is_each_listed_name_s(nlp) -> None:  # type: ignore[no-untyped-def]
    found = people(nlp, "Sens. Cory Booker and Kamala Harris have struggled.")
    assert found["Cory Booker"].roles == ["Senator"] == found["Kamala Harris"].roles
