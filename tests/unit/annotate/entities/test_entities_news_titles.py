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
     "Laura Dent", "Minority Whip"),
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
    p = people(nlp, "Another villager, Peter Walker, said they often go for days without "
               "water.")
    assert p["Peter Walker"].roles == []


@pytest.mark.parametrize("text, name, role, country", [
    ("Kenya's minister of energy, Daniel Otieno, told reporters the deal was close.",
     "Daniel Otieno", "Energy Minister", "Kenya"),
    ("\"We will see,\" said Minister of Water Resources, Musa Bello, on Monday.",
     "Musa Bello", "Water Resources Minister", None),
    ("Former ward councillor, Sipho Ndlovu, said they had raised concerns.",
     "Sipho Ndlovu", "Former Ward Councilor", None),
])
def test_a_role_set_off_before_the_name_without_an_article(nlp, text: str, name: str,  # type: ignore[no-untyped-def]
                                                           role: str, country: str | None) -> None:
    p = people(nlp, text)[name]
    assert p.roles == [role]
    if country is not None:
        assert p.affiliation == country


def test_a_phrase_after_a_preposition_is_someone_elses(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "After talks with the head of the mining company, John Carter said the "
               "deal failed.")
    assert p["John Carter"].roles == []


def test_a_lower_case_title_with_its_portfolio_before_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "The deal was signed, minister of mines and energy Paul Shikongo told "
               "the paper.")
    assert p["Paul Shikongo"].roles == ["Mines and Energy Minister"]


def test_a_role_after_an_organisations_possessive(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "\"It is a risk,\" said Karl Brenner, Acme Power's principal "
               "meteorologist. \"Fine,\" said Ruth Ames, the country's top diplomat.")
    assert p["Karl Brenner"].roles == ["Principal Meteorologist"]
    assert p["Karl Brenner"].organisation == "Acme Power"
    assert p["Ruth Ames"].roles == ["Diplomat"]


def test_a_party_in_a_relative_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "Ed Harlow, who leads the opposition Labour Party, said the plan was bad.")
    assert set(p) == {"Ed Harlow"}  # "Party" is no one
    assert p["Ed Harlow"].roles == ["Leader", "Labour"]
    assert p["Ed Harlow"].affiliation == "United Kingdom"


def test_the_object_of_a_verb_before_a_name_is_no_role(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "While the senator has won a number of smaller states, Bernie Sanders "
               "has won only two primaries. (Obama approval 26 percent, Clinton support "
               "27 percent.)")
    assert p["Bernie Sanders"].roles == ["Senator"] or p["Bernie Sanders"].roles == []
    assert not any("Number" in r or "Percent" in r for e in p.values() for r in e.roles)


def test_a_persons_possessive_is_not_an_employer(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "Senator Bernie Sanders spoke in Ohio. Asked about it, Michael Briggs, "
               "Sanders's spokesman, said the party had failed.")
    assert p["Michael Briggs"].organisation is None


@pytest.mark.parametrize("text, name, role", [
    ("Ogun State Governor, Dapo Adeyemi, has approved the plan.", "Dapo Adeyemi", "Governor"),
    ("Speaker of the House of Representatives, Femi Okafor, said the bill would pass.",
     "Femi Okafor", "Speaker of the House of Representatives"),
    ("The Chief of Army Staff, Lt. Gen. Musa Danladi, said the troops were ready.",
     "Musa Danladi", "Lieutenant General"),
    ("Shadow chancellor Helen Brooks said the party would not raise taxes.",
     "Helen Brooks", "Shadow Chancellor"),
])
def test_titles_of_many_outlets(nlp, text: str, name: str, role: str) -> None:  # type: ignore[no-untyped-def]
    assert role in people(nlp, text)[name].roles


def test_a_union_minister_is_indias(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "Union Home Minister Ravi Mehta on Monday said the government would act.")
    assert p["Ravi Mehta"].affiliation == "India"


def test_a_hyphenated_given_name(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "President Wang Mei-ling said the island would hold firm, despite the "
               "Trump-era rules. Vice President Chen Kuo-hua agreed.")
    assert {"Wang Mei-ling", "Chen Kuo-hua"} <= set(p)
    assert "Trump-era" not in p
    p = people(nlp, "He cast himself as a Sanders- and Elizabeth Warren-style progressive.")
    assert "Elizabeth Warren-style" not in p


def test_a_relative_clause_with_an_adverb_and_a_portfolio(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "\"It will pass,\" said Olu Martins, who is also the Minister of Works.")
    assert p["Olu Martins"].roles == ["Works Minister"]
    assert p["Olu Martins"].organisation is None


def test_a_spokesperson_for_a_ministry(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "\"We are ready,\" said Mary Okoro, a spokesperson for the Ministry of "
               "Foreign Affairs.")
    assert p["Mary Okoro"].roles == ["Spokesperson"]


def test_then_before_a_role_in_one_word(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "The inquiry found that Laura Finch, then-administrator of the Environmental "
               "Protection Agency, had used an alias.")
    assert p["Laura Finch"].roles == ["Administrator"]


def test_a_persons_post_set_off_before_a_name(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "President Volodymyr Zelensky spoke on Monday. Mr Zelensky's chief of "
               "staff, Andriy Yermak, said talks were possible.")
    assert p["Andriy Yermak"].roles == ["Chief of Staff"]
    assert p["Andriy Yermak"].affiliation == p["Volodymyr Zelensky"].affiliation


def test_its_opens_a_role_set_off_before_a_name(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "The site hired journalists, including its executive editor, Jim Roberts.")
    assert p["Jim Roberts"].roles == ["Executive Editor"]


def test_an_acting_post_in_a_relative_clause_stays_with_its_holder(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "In a letter to Kevin Malone, who was the acting director of the "
               "Department of Homeland Security and Alex Avery, they offered help.")
    assert p["Kevin Malone"].roles == ["Acting Director"]
    assert p["Alex Avery"].roles == []


def test_a_capitalised_post_as_predicate(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "The ad was mocked. Karen Doyle is the CEO of BrightPath, the agency "
               "behind it.")
    assert p["Karen Doyle"].roles == ["CEO"]


def test_a_board_is_no_one(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "Treasury Board secretary Bill Matthews said the service will move.")
    assert set(p) == {"Bill Matthews"}


@pytest.mark.parametrize("text, country", [
    ("NEW DELHI: Prime Minister", "India"),
    ("KYIV, Ukraine (AP) — The", "Ukraine"),
    ("Taipei, Jan. 5 (CNA) -- The", "Taiwan"),
    ("LAGOS (Reuters) - A", "Nigeria"),
    ("Former area councillor - a man", None),
    ("The minister said: yes", None),
])
def test_the_dateline(text: str, country: str | None) -> None:
    from newsgraph.annotate.entities.dateline import country as dateline_country

    assert dateline_country(text) == country


def test_the_dateline_is_evidence_of_the_home_country(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "NEW DELHI: Prime Minister Arun Rao on Monday said India would not bow to "
               "pressure. Pakistan's Foreign Minister Imran Qazi met officials in Islamabad. "
               "Congress leader Vikram Sethi criticised the government. Home Minister Anil "
               "Verma said the troops were ready. Pakistan Prime Minister Shahid Malik said "
               "Islamabad wanted peace.")
    assert p["Anil Verma"].affiliation == "India"


def test_a_role_both_names_share_and_a_demonym_before_each(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "American Kevin Ward and Australian Tim Walsh, both professors at the "
               "American University of Kabul, were handed over.")
    assert p["Kevin Ward"].roles == ["Professor"] and p["Tim Walsh"].roles == ["Professor"]
    assert p["Kevin Ward"].affiliation == "United States"
    assert p["Tim Walsh"].affiliation == "Australia"


def test_a_trade_at_the_end_of_a_compound_word(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "Retired neurosurgeon Ben Carson went on the show to defend his staff.")
    assert p["Ben Carson"].roles == ["Retired Neurosurgeon"]
    assert p["Ben Carson"].organisation is None


def test_the_apposition_after_an_age(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "\"It is bad,\" said Mattie Thomas, 66, a retired teacher who lives in "
               "Lake City.")
    assert p["Mattie Thomas"].roles == ["Retired Teacher"]


def test_an_apposition_set_off_by_dashes(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "Ann Lee – the country's top diplomat – said the talks failed.")
    assert p["Ann Lee"].roles == ["Diplomat"]


def test_a_customer_service_representative_is_no_official(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "Senator Ann Cole of Ohio and Governor Tom Hale of Ohio spoke in "
               "Columbus. \"I do not trust her,\" said Ruth Baker, 67, a retired customer "
               "service representative in Dayton.")
    assert p["Ruth Baker"].affiliation is None


def test_a_word_before_a_title_and_a_name_is_its_jurisdiction(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "Gauteng Premier Panyaza Lesufi said the province would act.")
    assert set(p) == {"Panyaza Lesufi"}
    assert p["Panyaza Lesufi"].roles == ["Premier"]


@pytest.mark.parametrize("text, name, role, country", [
    ("Ukraine's ambassador to the UN, Sergiy Kyslytsya, said the vote was clear.",
     "Sergiy Kyslytsya", "Ambassador", "Ukraine"),
    ("Kenya's minister of the interior, Daniel Otieno, said so.",
     "Daniel Otieno", "Interior Minister", "Kenya"),
])
def test_an_article_inside_a_role_set_off_before_a_name(nlp, text: str, name: str,  # type: ignore[no-untyped-def]
                                                        role: str, country: str) -> None:
    p = people(nlp, text)[name]
    assert p.roles == [role]
    assert p.affiliation == country


def test_after_an_age_only_a_post_or_trade(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "\"I liked him,\" said Iman Rossi, 30, a Nassau County employee on Long "
               "Island, who gave him $1,200.")
    assert p["Iman Rossi"].affiliation is None


def test_one_word_after_a_role_phrase_and_a_comma_may_be_a_place(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "\"It is close,\" said Mindy Ross, director of the Civic Project at the "
               "University of California, Davis.")
    assert "Davis" not in p or p["Davis"].roles == []
