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
