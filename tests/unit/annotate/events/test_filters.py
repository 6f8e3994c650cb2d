"""Metaphors, light senses, questions, party adjectives and datelines are no events or actors
(composed sentences showing each construction)."""

from __future__ import annotations

import pytest

from newsgraph.record import Article, Event

pytestmark = pytest.mark.slow


def _events(text: str) -> list[Event]:
    from newsgraph.annotate import annotate

    return next(iter(annotate([Article.new(text)]))).events


@pytest.mark.parametrize("text", [
    "Critics seized on the remarks as proof of weakness.",
    "The host cut off the anchor in the middle of the interview.",
    "The company announced the launch of a new airline in March.",
])
def test_metaphors_and_light_senses_are_no_events(text: str) -> None:
    assert _events(text) == []


def test_a_question_put_to_a_speaker_is_no_request() -> None:
    evs = _events("When asked about the plan, the minister smiled.")
    assert not [e for e in evs if e.category == "REQUEST"]


def test_a_real_seizure_and_a_cut_off_supply_stay() -> None:
    assert [e.category for e in _events("Russia cut off gas supplies to Moldova.")] == \
        ["SANCTION"]
    assert any(e.category == "COERCE" for e in _events(
        "Police seized the weapons of the militia in Basra."))


def test_firing_back_at_a_rival_is_an_accusation() -> None:
    evs = _events("Senator Mark Ford fired back at Governor Ann Lee on Tuesday.")
    assert [e.category for e in evs] == ["ACCUSE"]


def test_slated_makes_an_act_planned() -> None:
    evs = _events("Farmers are slated to hold rallies in Lima next week.")
    assert [e.modality for e in evs if e.category == "PROTEST"] == ["planned"]


def test_party_adjectives_and_datelines_are_not_actors() -> None:
    evs = _events("A group of Republican senators met Prime Minister Karl Holm of Norway.")
    assert evs and all(a.name != "Republican" for e in evs for a in e.actors)
    evs = _events("DUBAI, March 3 (Reuters) - Iran accused Israel of attacking its embassy.")
    names = {a.name for e in evs for a in e.actors}
    assert "Iran" in names and "DUBAI" not in names


def test_an_act_in_a_denied_as_though_clause_is_negated() -> None:
    evs = _events("It is not as though we accuse Norway of anything.")
    assert [(e.category, e.modality) for e in evs] == [("ACCUSE", "negated")]


def test_wanting_another_actor_to_act_is_a_request() -> None:
    evs = _events("Beijing wants Washington to lift the tariffs on Chinese steel.")
    req = [e for e in evs if e.category == "REQUEST"]
    assert req and {"China", "United States"} <= {a.name for a in req[0].actors}
    assert not [e for e in _events("We want to sign the agreement soon.")
                if e.category == "REQUEST"]
