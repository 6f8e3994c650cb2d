"""Occupations and professions as roles (`data/occupations.tsv`), composed sentences: before
the name, in an apposition, as a predicate; and what is no role."""

from __future__ import annotations

import pytest

from nlp_helpers import people

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, name, role", [
    # a capitalised occupation that opens the sentence or a clause
    ("Economist Paula Grant said rates would rise.", "Paula Grant", "Economist"),
    ("Firefighter Mary Lowe carried the child out.", "Mary Lowe", "Firefighter"),
    # the compound the table lists, not the title word alone
    ("Police officer Daniel Cobb shot the suspect.", "Daniel Cobb", "Police Officer"),
    ("He testified that former prison officer Daniel Cobb left early.", "Daniel Cobb",
     "Former Prison Officer"),
    # a listed occupation the parser does not attach to the name as a compound
    ("He decided to fire campaign manager Corey Lewandowski on Monday.", "Corey Lewandowski",
     "Campaign Manager"),
    # wealth is no part of the job
    ("Billionaire investor Samuel Cole bought the paper.", "Samuel Cole", "Investor"),
])
def test_an_occupation_before_the_name(nlp, text: str, name: str, role: str) -> None:  # type: ignore[no-untyped-def]
    assert people(nlp, text)[name].roles == [role]


@pytest.mark.parametrize("text", [
    "Prison guards Thomas Reyes and Joanna Fischer were charged on Tuesday.",
    "The case was filed by prison guards Thomas Reyes and Joanna Fischer last week.",
])
def test_a_plural_occupation_before_a_list_is_each_ones(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, text)
    assert p["Thomas Reyes"].roles == ["Prison Guard"]
    assert p["Joanna Fischer"].roles == ["Prison Guard"]


def test_two_occupations_before_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "English comedian and actor Peter Serafin dubbed the footage.")
    assert sorted(p["Peter Serafin"].roles) == ["Actor", "Comedian"]


def test_a_capitalised_plural_is_cut_off_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "Lawyers Thomas Reyes and Joanna Fischer filed the motion on Monday.")
    assert "Lawyers Thomas Reyes" not in p
    assert p["Thomas Reyes"].roles == ["Lawyer"]


@pytest.mark.parametrize("text, name, role, org", [
    ("Ben Ames, a retired paediatric surgeon, said the ward was full.", "Ben Ames",
     "Retired Pediatric Surgeon", None),
    ("Russell Whelan, a visiting fellow at the Brookings Institution, said it could fail.",
     "Russell Whelan", "Visiting Fellow", "Brookings Institution"),
    ("Maria Gomez, a 54-year-old nurse, said the ward was closed.", "Maria Gomez", "Nurse",
     None),
    ("\"It is hard,\" said Michael Basel, an Austin-based political pollster.",
     "Michael Basel", "Political Pollster", None),
    ("Mary Lowe, an award-winning journalist, spoke first.", "Mary Lowe", "Journalist", None),
    ("Anne Selby, the owner of a bakery in Leeds, said sales fell.", "Anne Selby", "Owner",
     None),
    # a participle clause after the head ends the phrase
    ("\"We will appeal,\" said Mark Lehr, a lawyer representing the family.", "Mark Lehr",
     "Lawyer", None),
    ("Anna Berger, an analyst based in London, said prices would rise.", "Anna Berger",
     "Analyst", None),
    ("\"It is over,\" said Tom Ellison, a campaign aide during her failed 2008 run.", "Tom Ellison",
     "Campaign Aide", None),
    ("\"It is a niche,\" said Steve Grubb, an Iowa operative currently working for the "
     "campaign.", "Steve Grubb", "Operative", None),
    # a judgement of ideology goes
    ("Anwar Awlan, an extremist cleric, was killed in Yemen.", "Anwar Awlan", "Cleric", None),
    # no article: an occupation heads the phrase
    ("Ruth Okafor, associate professor of sociology at Lagos University, said it failed.",
     "Ruth Okafor", "Associate Professor of Sociology", "Lagos University"),
    ("\"It adds up,\" said Steve Elmore, deputy campaign manager for the governor.",
     "Steve Elmore", "Deputy Campaign Manager", None),
])
def test_an_occupation_in_an_apposition(nlp, text: str, name: str, role: str,  # type: ignore[no-untyped-def]
                                        org: str | None) -> None:
    p = people(nlp, text)[name]
    assert p.roles == [role]
    if org is not None:
        assert p.organisation == org


@pytest.mark.parametrize("text, name, role", [
    ("Maria Lopez is a real estate agent in Boston.", "Maria Lopez", "Real Estate Agent"),
    ("Maria Lopez was a nurse for twenty years.", "Maria Lopez", "Nurse"),
    ("Maria Lopez is an economist at the World Bank.", "Maria Lopez", "Economist"),
    ("Maria Lopez, who works as a paramedic in Leeds, arrived first.", "Maria Lopez",
     "Paramedic"),
    ("Maria Lopez, who worked as a teacher, arrived first.", "Maria Lopez", "Teacher"),
    ("Maria Lopez, who has worked as a cleaner at the hotel, arrived first.", "Maria Lopez",
     "Cleaner"),
])
def test_an_occupation_as_a_predicate(nlp, text: str, name: str, role: str) -> None:  # type: ignore[no-untyped-def]
    assert people(nlp, text)[name].roles == [role]


@pytest.mark.parametrize("text, name", [
    ("Mary Lowe, a graduate of Yale, spoke first.", "Mary Lowe"),
    ("Mary Lowe is a friend of the mayor.", "Mary Lowe"),
    ("Mary Lowe was a victim of the attack.", "Mary Lowe"),
    ("Mary Lowe is a transformative leader.", "Mary Lowe"),
    ("Mary Lowe was the architect of her party's plan.", "Mary Lowe"),
    ("Mary Lowe is a vocal advocate of trade deals.", "Mary Lowe"),
    ("Canadian citizens Michael Kovak and Ben Spavor were held for years.", "Ben Spavor"),
])
def test_no_occupation_from_a_relation_or_a_judgement(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert people(nlp, text)[name].roles == []


@pytest.mark.parametrize("text, name", [
    ("Baker Mayfield threw three touchdowns on Sunday.", "Baker Mayfield"),
    ("Dean Phillips said he would run.", "Dean Phillips"),
])
def test_an_occupation_that_is_a_name_stays_a_name(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, text)
    assert name in p and p[name].roles == []
