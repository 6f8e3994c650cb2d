"""People in news reporting, composed sentences: staff of a named organisation, roles
after a possessor, roles before the name in lower case, predicates, and the country of
politicians from their own words."""

from __future__ import annotations

import pytest

from nlp_helpers import people

pytestmark = pytest.mark.slow



def test_staff_of_a_named_company_take_no_home_country(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "Secretary of State Marco Rubio met reporters on Monday. \"We will act,\" "
               "said Tom Barrow, the State Department spokesman. Secretary of State Rubio "
               "later flew home. \"It will not work,\" said Rita Kahn, director of Blue "
               "Harbor Analytics.")
    assert p["Tom Barrow"].affiliation == "United States"
    assert p["Rita Kahn"].roles == ["Director"]
    assert p["Rita Kahn"].affiliation is None


def test_a_post_that_is_someones_serves_their_country(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "Prime Minister Benjamin Netanyahu of Israel flew to Washington. \"It "
               "went well,\" said Dan Arel, Mr. Netanyahu's former national security "
               "adviser. \"They had chemistry,\" said Ben Rhodes, the president's deputy "
               "national security adviser.")
    assert p["Dan Arel"].roles == ["Former National Security Advisor"]
    assert p["Dan Arel"].affiliation == "Israel"
    assert p["Dan Arel"].affiliation_source == "possessor"
    assert p["Ben Rhodes"].roles == ["Deputy National Security Advisor"]  # not "President"
    assert p["Benjamin Netanyahu"].roles == ["Prime Minister"]


def test_a_title_does_not_reach_over_to_or_for(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "In a speech, a top adviser for President Obama explained why. It was "
               "echoed by Yael Amir, a former adviser to Mr. Netanyahu.")
    assert p["Obama"].roles == ["President"]


def test_a_campaign_staffer_takes_no_country_from_the_candidate(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "\"We are ready,\" said Jenna Palmer, Mrs. Clinton's communications "
               "director. Hillary Clinton, the Democratic nominee, spoke later.")
    assert p["Jenna Palmer"].roles == ["Communications Director"]
    assert p["Jenna Palmer"].affiliation is None


@pytest.mark.parametrize("text, name, role, org", [
    ("\"It is bad,\" said Ross Burk, a Boise State University political scientist.",
     "Ross Burk", "Political Scientist", "Boise State University"),
    ("Republicans questioned Tim Morton, a former National Security Council official.",
     "Tim Morton", "Former Official", "National Security Council"),
    ("He called Carla Reyes, his national security adviser at the time, on Monday.",
     "Carla Reyes", "National Security Advisor", None),
])
def test_an_employer_before_the_role_is_no_part_of_it(nlp, text: str, name: str, role: str,  # type: ignore[no-untyped-def]
                                                      org: str | None) -> None:
    p = people(nlp, text)[name]
    assert p.roles == [role]
    assert p.organisation == org


def test_a_country_before_an_expert_is_the_field(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "Republicans questioned Alex Vinn, the White House National Security "
               "Council Ukraine expert, on Tuesday.")["Alex Vinn"]
    assert p.roles == ["Ukraine Expert"]
    assert p.affiliation == "United States" and p.affiliation_source == "office"


def test_a_relation_after_a_possessor_is_no_role(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "\"No,\" said Tom Morton, Vinn's superior, on Tuesday. Alex Vinn, a "
               "Ukrainian-born officer, agreed.")
    assert p["Tom Morton"].roles == []


ELECTION = ("The Iowa caucuses are a month away, and Democrats in Iowa and New Hampshire are "
            "divided. Joe Marlow and Lisa Kent lead the polls for the Democratic nomination. "
            "Ted Foxwell wrote a book about Iowa farms.")


def test_untitled_people_in_an_election_story_take_its_country(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, ELECTION)
    assert p["Joe Marlow"].affiliation == "United States"
    assert p["Joe Marlow"].affiliation_source == "election"
    assert p["Lisa Kent"].affiliation == "United States"
    assert p["Ted Foxwell"].affiliation is None  # not named in a sentence about the race


def test_an_election_sentence_alone_tells_no_country(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "Joe Marlow and Lisa Kent lead the polls for the nomination. Ted Foxwell "
               "wrote a book.")
    assert p["Joe Marlow"].affiliation is None


@pytest.mark.parametrize("text, name, role", [
    ("Rep. Tina Gabb, businessman Andrew Yeng and Steyer are under pressure.",
     "Andrew Yeng", "Businessman"),
    ("Political analyst Henning Melk questions the circumstances.", "Henning Melk",
     "Political Analyst"),
    ("Prosecutors dropped a case against Leakbase co-founder Julian Assan in 2010.",
     "Julian Assan", "Co-Founder"),
    ("The dress was made by designer Edna Leeway in London.", "Edna Leeway", "Designer"),
])
def test_a_trade_right_before_the_name_is_a_role(nlp, text: str, name: str, role: str) -> None:  # type: ignore[no-untyped-def]
    assert people(nlp, text)[name].roles == [role]


@pytest.mark.parametrize("text, name", [
    ("They checked on accused sex trafficker Jeffrey Epston in the hours before.",
     "Jeffrey Epston"),
    ("Canadian citizens Michael Kovak and Ben Spav were held for years.", "Michael Kovak"),
    ("A raid captured strongman Nicolas Madero on Saturday.", "Nicolas Madero"),
    ("Rep. Tina Gabb, businessman Andrew Yeng and Tom Steyr are under pressure.", "Tom Steyr"),
])
def test_no_role_from_a_circumstance_a_plural_or_a_neighbour(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert people(nlp, text)[name].roles == []


def test_a_party_and_a_trade_before_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "In the race in Iowa, Democratic front-runner Hilda Clanton has "
               "denounced the bill.")["Hilda Clanton"]
    assert sorted(p.roles) == ["Democrat", "Front-Runner"]
    assert p.affiliation == "United States"


@pytest.mark.parametrize("text, name, role, org", [
    ("\"They won't return,\" said Mark Cristo, director of business development at Well "
     "Crest Consulting in Oklahoma City.", "Mark Cristo", "Director of Business Development",
     "Well Crest Consulting in Oklahoma City"),
    ("Mr. Ross blamed Malcolm Hoen, chief executive of the Conference of Presidents of Major "
     "American Jewish Organizations.", "Malcolm Hoen", "Chief Executive",
     "Conference of Presidents of Major American Jewish Organizations"),
])
def test_a_long_employer_name_after_the_role(nlp, text: str, name: str, role: str,  # type: ignore[no-untyped-def]
                                             org: str) -> None:
    p = people(nlp, text)[name]
    assert p.roles == [role]
    assert p.organisation == org


def test_a_role_opened_by_a_possessive_pronoun_before_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "Mr. Oban will be left with the release his national security adviser, "
               "Susan E. Ricey, issued last week.")
    assert p["Susan E. Ricey"].roles == ["National Security Advisor"]


@pytest.mark.parametrize("text, name, role, country", [
    ("In June, the then UK Home Secretary, Sajid Javed, approved an extradition request.",
     "Sajid Javed", "Home Secretary", "United Kingdom"),
    ("Sweden's Minister of Justice, Gunnar Strom, will meet with the police leadership.",
     "Gunnar Strom", "Justice Minister", "Sweden"),
])
def test_an_inverted_title_opened_by_then_or_a_possessive(nlp, text: str, name: str,  # type: ignore[no-untyped-def]
                                                          role: str, country: str) -> None:
    p = people(nlp, text)[name]
    assert p.roles == [role]
    assert p.affiliation == country


def test_a_capitalised_title_with_common_nouns_after_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "Louise Browne, Director of the Financial Crime Prevention agency, "
               "Advisense, compared the tactics to mafia methods.")["Louise Browne"]
    assert p.roles == ["Director"]


def test_titled_names_in_a_list_keep_their_own_titles(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "In Riyadh, the Envoy met with Crown Prince Mohammed bin Salman, Minister "
               "of Energy Abdulaziz bin Salman Al Saud, and Minister of Investment Khalid "
               "Al-Falih.")
    assert p["Mohammed bin Salman"].roles == ["Crown Prince"]


def test_a_second_trade_after_and_without_an_article(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "\"It is critical,\" said Lisa Boes, a clinical psychologist and jail "
               "suicide expert from San Diego.")["Lisa Boes"]
    assert p.roles == ["Clinical Psychologist", "Jail Suicide Expert"]


def test_a_party_said_of_names_as_a_predicate(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "The bill passed the Senate in Washington. Sens. Mark Kirkly of Illinois "
               "and Susan Collier of Maine were the only Republicans to vote against it.")
    for name in ("Mark Kirkly", "Susan Collier"):
        assert sorted(p[name].roles) == ["Republican", "Senator"]
        assert p[name].affiliation == "United States"


def test_a_post_said_as_a_predicate_but_not_a_judgement(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "Jane Doerr is the director of the agency. Shinto Abbe was a "
               "transformative leader. Tim Ross was his brother.")
    assert p["Jane Doerr"].roles == ["Director"]
    assert p["Shinto Abbe"].roles == []
    assert p["Tim Ross"].roles == []


def test_a_plural_title_takes_the_party_of_the_group_it_narrows(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "The vote in the Senate shows the risks for Republican candidates, "
               "particularly for senators up for re-election next year, among them Kelly "
               "Ayot of New Hampshire and Ron Johns of Wisconsin.")
    for name in ("Kelly Ayot", "Ron Johns"):
        assert sorted(p[name].roles) == ["Republican", "Senator"]


def test_a_courtesy_style_is_no_role(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "Sir Keir Stammer has defended the gifts. On Monday, Lady Stammer "
               "attended a show. First Lady Jill Bidden spoke later.")
    assert "Lady" not in p["Keir Stammer"].roles
    assert p["Jill Bidden"].roles == ["First Lady"]


def test_a_backer_is_no_role(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "\"It is over,\" said Jim Hodd, a former governor and Clinton backer.")
    assert p["Jim Hodd"].roles == ["Former Governor"]
