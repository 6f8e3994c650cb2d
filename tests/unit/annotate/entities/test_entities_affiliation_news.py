"""Countries (and sides) of people in news reporting (composed sentences): armed groups as
the side their officials act for, domestic offices read with the article's evidence, the
article's home country for its own officials, never the nearest country word."""

from __future__ import annotations

import pytest

from newsgraph.record import Article, Entity

pytestmark = pytest.mark.slow


def people(nlp, text: str) -> dict[str, Entity]:  # type: ignore[no-untyped-def]
    from newsgraph.annotate.pipeline import make_doc

    ents = nlp(make_doc(nlp, Article.new(text)))._.ng_entities
    return {e.name: e for e in ents if e.type == "PERSON"}


@pytest.mark.parametrize("text, name, group", [
    ("Hezbollah commander Karim Nasser said the fighters had pulled back from the border. "
     "Lebanon's government said it had not been told.", "Karim Nasser", "Hezbollah"),
    ("The prisoners included the cousin of the Taliban's deputy leader, Omar Rahimi. "
     "The United States said talks would resume.", "Omar Rahimi", "Taliban"),
])
def test_an_armed_groups_official_acts_for_the_group(nlp, text: str, name: str,  # type: ignore[no-untyped-def]
                                                    group: str) -> None:
    assert people(nlp, text)[name].affiliation == group


def test_a_hyphenated_contest_word_makes_an_election_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Sen. Mark Dalton and Gov. Ruth Ames campaigned in Ohio on Sunday. "
            "As much as Dalton is a front-runner, so is Helen Ortiz.")
    assert people(nlp, text)["Helen Ortiz"].affiliation == "United States"


def test_peers_with_one_title_from_one_country_are_no_counterparts(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Canada-U.S. trade talks dominated the debate in Canada. Conservative Party of "
            "Canada leader Mark Hale and New Democratic Party of Canada leader Joan Pike "
            "attacked the plan. Green Party leader Sam Wu said Canada should wait.")
    assert people(nlp, text)["Sam Wu"].affiliation == "Canada"


HOME_LEADER = (
    "President Amos Tjiveze flew back home from the United States on Sunday after a week "
    "of treatment. He had travelled to the US in January. Tjiveze told Namibian radio that "
    "the economy of Namibia would grow, and that new roads in Windhoek and across Namibia "
    "would open this year.")


def test_the_home_countrys_leader_is_named_by_title_alone(nlp) -> None:  # type: ignore[no-untyped-def]
    assert people(nlp, HOME_LEADER)["Amos Tjiveze"].affiliation == "Namibia"


def test_countries_travelled_to_are_abroad(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.annotate import gazetteer
    from newsgraph.annotate.entities import home
    from newsgraph.annotate.pipeline import make_doc

    doc = nlp(make_doc(nlp, Article.new(HOME_LEADER)))
    away = home.abroad(doc, gazetteer.find(doc))
    assert away["United States"] == 2 and away["Namibia"] == 0


def test_a_rival_country_keeps_a_leader_from_the_home_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Ukraine said drones struck Kharkiv overnight. Ukraine's army said Ukraine would "
            "hold the line. President Vadim Orlov said Russia would press on, and Russia's "
            "army moved north.")
    assert people(nlp, text)["Vadim Orlov"].affiliation != "Ukraine"


def test_an_official_of_a_public_body_takes_the_home_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Peter Ndaro, a former National Security Council official, testified on Tuesday. "
            "He said the United States had to act, and American voters in Ohio agreed with "
            "the U.S. plan.")
    assert people(nlp, text)["Peter Ndaro"].affiliation == "United States"


def test_a_body_that_names_another_country_is_not_the_home_countrys() -> None:
    from newsgraph.annotate.entities import bodies

    assert bodies.public_body("National Security Council", "United States")
    assert not bodies.public_body("Chinese Foreign Ministry", "India")
    assert not bodies.public_body("Senate Staffers' Union", "United States")


def test_a_foreign_head_of_state_keeps_their_own_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("President Dan Hollis met senators at the White House on Monday, and the "
            "Pentagon briefed Congress. Hollis said Syria must stop the bombing. Hollis told "
            "the Senate that the war in Syria was far from over. Rebels in Syria fought the "
            "government of President Omar Haddad. Haddad's forces held Aleppo.")
    found = people(nlp, text)
    assert found["Dan Hollis"].affiliation == "United States"
    assert found["Omar Haddad"].affiliation == "Syria"


@pytest.mark.parametrize("text, name, country", [
    ("Manitoba Premier Gail Rowe said the tariffs would hurt farmers.", "Gail Rowe", "Canada"),
    ("Kwara State Governor Musa Bello opened the new bridge.", "Musa Bello", "Nigeria"),
    ("Limpopo Premier Thandi Mokoena visited the flooded villages.", "Thandi Mokoena",
     "South Africa"),
    ("Kerala Chief Minister Anil Menon met the fishermen on Monday.", "Anil Menon", "India"),
    ("Ravi Patel, the premier of Saskatchewan, said no.", "Ravi Patel", "Canada"),
])
def test_a_state_or_province_before_a_title_tells_the_country(nlp, text: str, name: str,  # type: ignore[no-untyped-def]
                                                            country: str) -> None:
    p = people(nlp, text)[name]
    assert p.affiliation == country
    assert not any(w in r for r in p.roles for w in ("Manitoba", "Kwara", "Limpopo", "Kerala"))


def test_the_seat_after_mp_for_is_no_part_of_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Labour MP for Leeds Sarah Malik said the cuts were wrong. Malik added that "
            "ministers must think again.")
    found = people(nlp, text)
    assert "Sarah Malik" in found
    p = found["Sarah Malik"]
    assert "MP" in p.roles and p.affiliation == "United Kingdom"


def test_a_past_leader_named_once_keeps_the_home_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("President Dan Hollis met senators at the White House on Monday, and the "
            "Pentagon briefed Congress. Hollis said Iran must free the prisoners. Hollis told "
            "the Senate that talks with Iran were stalled. President Jimmy Carter agonized "
            "over hostages held by Iran for 444 days.")
    assert people(nlp, text)["Jimmy Carter"].affiliation != "Iran"


def test_a_candidates_spokesman_is_campaign_staff(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Senator Ted Cruz of Texas and the Senate agreed on Monday. In a statement, "
            "Walsh spokesman Jesse Ferris said the plan was bad. Former Governor Ann Walsh "
            "won the Iowa caucuses.")
    found = people(nlp, text)
    assert found["Jesse Ferris"].affiliation is None
    assert found["Ted Cruz"].affiliation == "United States"


def test_an_ambiguous_party_label_in_running_text_is_no_domestic_evidence() -> None:
    from collections import Counter

    from newsgraph.annotate.entities import stated

    # "Congress" is India's party only where India is named, and the US Congress as often
    home = stated.domestic([], [], [], Counter({"India": 1}), ["Congress"] * 3)
    assert home["India"] == 0
    assert stated.domestic([], [], [], Counter(), ["Republicans", "GOP"])["United States"] == 2
