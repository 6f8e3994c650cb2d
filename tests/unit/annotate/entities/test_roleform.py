"""The form of a role once a role phrase was found (`entities/roleform.py`): party labels
split off, judgements and ideology dropped, an opening organisation or state and a described
employer cut, phrases without a role head rejected. Composed sentences and phrases."""

from __future__ import annotations

import pytest

from newsgraph.annotate.entities.roleform import Form, reform
from nlp_helpers import people


@pytest.mark.parametrize(("role", "text", "want"), [
    # a party label inside the phrase becomes the party
    ("Presumptive Republican Nominee", "presumptive Republican nominee",
     Form("Presumptive Nominee", "Republican")),
    ("Nevada Republican", "Nevada Republican", Form(None, "Republican")),
    ("Democrat", "Democratic", Form("Democrat")),  # the party's role, given once more
    ("Conservative MP", "Conservative MP", Form("MP", "Conservative")),
    # in lower case the same word is an ideology, dropped
    ("Conservative Radio Host", "conservative radio host", Form("Radio Host")),
    ("Socialist", "socialist", Form(None)),
    # judgements go
    ("Outside Advisor", "outside adviser", Form("Advisor")),
    ("Unsuccessful Contender", "unsuccessful contender", Form("Contender")),
    # the employer after of/for when it is a description or a private body
    ("Head of A Texas Oil Company", "head of a Texas oil company", Form("Head")),
    ("Attorney for One", "attorney for one", Form("Attorney")),
    ("President of the Rural Voters Federation", None, Form("President")),
    ("Judge on the State Court of Appeals", None, Form("Judge")),
    # a body's own office and a field stay
    ("Speaker of the Parliament", None, Form("Speaker of the Parliament")),
    ("Professor of Political Science", None, Form("Professor of Political Science")),
    ("Special Envoy for Passport Services", None, Form("Special Envoy for Passport Services")),
    ("Ukraine Expert", None, Form("Ukraine Expert")),
    # an opening body or state is the employer or the jurisdiction
    ("Foreign Ministry Spokesperson", None, Form("Spokesperson")),
    ("House Minority Leader", None, Form("Minority Leader")),
    ("Former Army Psychiatrist", None, Form("Former Psychiatrist")),
    ("Former Fla. Governor", None, Form("Former Governor")),
    ("Department Spokesperson", None, Form("Department Spokesperson")),
    ("National Security Advisor", None, Form("National Security Advisor")),
    # no role head: no role
    ("Signal of Her Broad Support", None, Form(None)),
    ("Prisoner of War", None, Form(None)),
    ("Graduate", None, Form(None)),
    ("Entire Media", None, Form(None)),
    # forms of the head
    ("Ex-Senator", None, Form("Former Senator")),
    ("Advisers", None, Form("Advisor")),
    ("Foreign Minister II", None, Form("Foreign Minister II")),
    ("Neurosurgeon", None, Form("Neurosurgeon")),
    ("Mega-Donor", "mega-donor", Form("Donor")),
    ("Elect Senator", "elect Sen.", Form("Senator")),
    ("Senator-Elect", None, Form("Senator-Elect")),
    ("Chargé", "charge", Form(None)),
    ("Chargé", "chargé", Form("Chargé")),
    ("Chargé d’Affaires", None, Form("Chargé d’Affaires")),
    ("Presidential Candidate In Modern Times", None, Form("Presidential Candidate")),
    ("Expert in Modern History", None, Form("Expert In Modern History")),
])
def test_role_form(role: str, text: str | None, want: Form) -> None:
    assert reform(role, text=text) == want


def test_an_organisation_the_article_names_opens_no_title() -> None:
    assert reform("Cato Institute President", {"cato institute"}).role == "President"
    assert reform("President of Students for Life", {"students for life"}).role == "President"
    assert reform("Under Secretary of State for Political Affairs",
                  {"state for political affairs"}).role \
        == "Under Secretary of State for Political Affairs"


def test_an_acronym_opens_no_title_where_the_article_uses_it_alone() -> None:
    assert reform("FDIC Chairman", acronyms={"FDIC"}).role == "Chairman"
    assert reform("ICAO Secretary-General").role == "ICAO Secretary-General"


@pytest.mark.slow
def test_roles_in_news_sentences(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "Lena Ortiz, a Nevada Republican, voted against the bill on Tuesday. "
               "The vote was close, said FDIC Chairman Omar Reyes. The FDIC will study it. "
               "\"We will see,\" said Paul Lind, head of a Texas oil company. Wei Tan, a "
               "Foreign Ministry spokesman, declined to comment. The plan was backed by "
               "Amos Pell, a conservative radio host, and by Nina Barr, an outside adviser. "
               "Rex Dunn, a prisoner of war for five years, came home.")
    assert p["Lena Ortiz"].roles == ["Republican"]
    assert p["Omar Reyes"].roles == ["Chairman"]
    assert p["Paul Lind"].roles == ["Head"]
    assert p["Wei Tan"].roles == ["Spokesperson"]
    assert p["Amos Pell"].roles == ["Radio Host"]
    assert p["Amos Pell"].party is None
    assert p["Nina Barr"].roles == ["Advisor"]
    assert p["Rex Dunn"].roles == []


@pytest.mark.slow
def test_a_party_inside_a_lower_case_title_is_split_off(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "Dale Hurst, the presumptive Republican nominee, spoke in Ohio. Maya "
               "Lund, an ex-senator, and Omar Fell, a judge on the state Court of Appeals, "
               "attended.")
    assert p["Dale Hurst"].roles == ["Presumptive Nominee", "Republican"]
    assert p["Maya Lund"].roles == ["Former Senator"]
    assert p["Omar Fell"].roles == ["Judge"]


@pytest.mark.slow
def test_lieutenant_and_governor_are_one_post(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "Lt. Gov. Eric Holm said the plan was fine.")
    assert p["Eric Holm"].roles == ["Lieutenant Governor"]
