"""Roles said once, after a name, in forms the apposition readers alone miss: a relative
clause on the head of the phrase after the name, the phrase after a party label in the US
form, a possessive of an organisation whose name holds "of" or "for", and the end of a
role phrase before an infinitive. Composed sentences."""

from __future__ import annotations

import pytest

from nlp_helpers import people

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, name, role", [
    ("\"It changed,\" said Rita Toll, a longtime Republican donor in Ohio, who headed her "
     "family's drilling company.", "Rita Toll", "Head"),
    ("On Tuesday, Senator Tom Lowe, the Iowa Republican who is chairman of the Senate "
     "Judiciary Committee, will hold a hearing.", "Tom Lowe", "Chairman"),
    ("\"It is lax,\" said Dan Ruiz, a Republican representative from Texas who chairs the "
     "House Committee on Science.", "Dan Ruiz", "Chair"),
    ("Kelly Marsh, the Republican pollster who is president of Keep the Promise PAC, may "
     "leave to join the campaign.", "Kelly Marsh", "President"),
])
def test_a_clause_on_the_head_of_the_phrase_is_the_persons(nlp, text: str, name: str,  # type: ignore[no-untyped-def]
                                                            role: str) -> None:
    p = people(nlp, text)[name]
    assert role in p.roles
    assert len(p.roles) >= 2  # the phrase's own role stays


def test_a_clause_after_a_phrase_that_names_someone_else_is_theirs(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "\"It is bad,\" said Ann Lowe, an aide to Senator Tom Kerr, who chairs "
               "the panel.")
    assert p["Ann Lowe"].roles == ["Aide"]


def test_a_second_verb_of_the_clause_gives_its_post(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "Mort Blake, who founded the Liberty Institute in 1979 and is now "
               "chairman of its board, has endorsed the senator.")
    assert p["Mort Blake"].roles == ["Founder", "Chairman"]


@pytest.mark.parametrize("text, role", [
    ("\"It was bad,\" said Anna Dunmore, who was White House communications director in "
     "the first term.", "Communications Director"),
    ("\"They lied,\" wrote Max Wolff, who had headed the foreign intelligence division for "
     "three decades.", "Head"),
])
def test_a_post_after_is_or_had_without_an_article(nlp, text: str, role: str) -> None:  # type: ignore[no-untyped-def]
    (p,) = people(nlp, text).values()
    assert p.roles == [role]


def test_a_verb_after_is_gives_no_post(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "Jane Roe, who is considering a run for mayor, spoke on Monday.")
    assert p["Jane Roe"].roles == []


@pytest.mark.parametrize("text, name, role", [
    ("Rep. Eli Cummins (D-Md.), chair of the Platform Committee, said that it was open.",
     "Eli Cummins", "Chair"),
    ("Sen. Tim Kane, D-Va., chairman of the panel, said that it was open.",
     "Tim Kane", "Chairman"),
])
def test_the_phrase_after_a_party_label_is_a_role(nlp, text: str, name: str,  # type: ignore[no-untyped-def]
                                                  role: str) -> None:
    p = people(nlp, text)[name]
    assert role in p.roles
    assert "Democrat" in p.roles


@pytest.mark.parametrize("text, name", [
    ("Carl Chambers, Democracy for America's executive director, praised the remarks.",
     "Carl Chambers"),
    ("Ray Robbins, Color of Change's executive director, said his group will continue.",
     "Ray Robbins"),
])
def test_an_organisation_with_of_or_for_in_its_name_owns_the_post(nlp, text: str,  # type: ignore[no-untyped-def]
                                                                  name: str) -> None:
    assert people(nlp, text)[name].roles == ["Executive Director"]


def test_a_role_phrase_ends_before_an_infinitive(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "He could do more harm than Clinton, the 68-year-old former secretary "
               "of state bidding to make history.")
    assert p["Clinton"].roles == ["Former Secretary of State"]


def test_the_office_sought_is_no_part_of_a_candidacy() -> None:
    from newsgraph.annotate.entities.roles import normalize_role

    assert normalize_role("candidate for president") == "Candidate"
    assert normalize_role("Nominee for Governor") == "Nominee"
    assert normalize_role("presidential candidate") == "Presidential Candidate"


def test_an_employer_with_of_in_its_name_before_the_head(nlp) -> None:  # type: ignore[no-untyped-def]
    found = people(nlp, "Robert Mason, a University of Washington professor, said so.")
    assert found["Robert Mason"].roles == ["Professor"]
    assert found["Robert Mason"].affiliation is None  # the place names the employer
    assert people(nlp, "Jane Roe, a professor of law, said so.")["Jane Roe"].roles == [
        "Professor of Law"]


@pytest.mark.parametrize("text, name, roles", [
    ("Sadiq Khan, a former member of Parliament, objected.", "Sadiq Khan",
     ["Former Member of Parliament"]),
    ("In addition, two Republican members of Congress from Florida, Ileana Ros-Lehtinen and "
     "Carlos Curbelo, have said they will not back him.", "Carlos Curbelo",
     ["Member of Congress", "Republican"]),
    # "member" of anything else is no post
    ("Jane Roe, a member of the club, objected.", "Jane Roe", []),
])
def test_a_member_of_a_legislature_holds_a_post(nlp, text: str, name: str,  # type: ignore[no-untyped-def]
                                                roles: list[str]) -> None:
    assert people(nlp, text)[name].roles == roles


@pytest.mark.parametrize("text, name, roles", [
    ("Khan, a Muslim, was elected as mayor of London last week.", "Khan", ["Mayor"]),
    ("Lewandowski was dismissed on Monday as Trump's campaign manager.", "Lewandowski",
     ["Campaign Manager"]),
    ("Jane Roe was sworn in as the agency's director on Monday.", "Jane Roe", ["Director"]),
    # "as a(n) ..." describes, it names no post
    ("Critics say Trump was dismissed as an ineffective leader.", "Trump", []),
    ("Jane Roe was elected in a landslide as rain fell.", "Jane Roe", []),
])
def test_a_post_taken_or_lost_as(nlp, text: str, name: str,  # type: ignore[no-untyped-def]
                                 roles: list[str]) -> None:
    assert people(nlp, text)[name].roles == roles


def test_a_member_of_a_chamber_ends_at_the_chamber(nlp) -> None:  # type: ignore[no-untyped-def]
    found = people(nlp, "Sadiq Khan, a former member of Parliament for Tooting, objected.")
    assert found["Sadiq Khan"].roles == ["Former Member of Parliament"]
    found = people(nlp, "Jim Clyburn, a member of the House leadership, spoke.")
    assert found["Jim Clyburn"].roles == []
