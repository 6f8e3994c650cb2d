"""The reference article's events and agreements (issue 4, Done-when).

Published 2025-07-02, a Wednesday: "On Tuesday ... met" is 2025-07-01. Actors are checked by
entity id and by the country behind them, not by the exact spelling of a name, so the test
holds while entity names improve ("Jaishankar" / "S. Jaishankar").
"""

from __future__ import annotations

import pytest

from newsgraph.record import Article, Event

pytestmark = pytest.mark.slow


def _entity_ids(art: Article, surname: str) -> set[str]:
    return {e.id for e in art.entities
            if e.type == "PERSON" and surname in e.name.split()}


def _meeting(art: Article) -> Event:
    found = [e for e in art.events if e.category == "CONSULT" and e.trigger == "met"]
    assert len(found) == 1, [(e.category, e.trigger) for e in art.events]
    return found[0]


def test_meeting_at_the_pentagon(seed_article: Article) -> None:
    ev = _meeting(seed_article)
    assert ev.modality == "occurred"
    assert ev.location == "Pentagon"
    assert ev.location_country == "United States"
    assert ev.date == "2025-07-01"
    assert ev.date_text == "Tuesday"


def test_meeting_is_placed_at_the_pentagon_as_a_facility(seed_article: Article) -> None:
    geo = _meeting(seed_article).geo
    assert geo is not None and geo.precision == "facility" and geo.country == "US"
    # The Pentagon, Arlington, Virginia
    assert geo.lat == pytest.approx(38.871, abs=0.01)
    assert geo.lon == pytest.approx(-77.056, abs=0.01)


def test_meeting_actors_are_the_two_ministers(seed_article: Article) -> None:
    ev = _meeting(seed_article)
    ids = {a.id for a in ev.actors}
    jaishankar = _entity_ids(seed_article, "Jaishankar")
    hegseth = _entity_ids(seed_article, "Hegseth")
    assert jaishankar & ids and hegseth & ids
    by_id = {a.id: a for a in ev.actors}
    visitor = by_id[next(iter(jaishankar & ids))]
    host = by_id[next(iter(hegseth & ids))]
    # Jaishankar came to the Pentagon: the visitor is the source, the host the target
    assert (visitor.role, host.role) == ("source", "target")
    assert (visitor.affiliation, host.affiliation) == ("India", "United States")


def test_framework_signing_is_an_intended_agreement(seed_article: Article) -> None:
    found = [e for e in seed_article.events
             if e.category == "AGREE" and "sign" in (e.trigger or "")]
    assert len(found) == 1
    ev = found[0]
    assert "10-year Framework" in ev.sentence
    assert ev.modality in ("intended", "planned")
    assert {a.name for a in ev.actors} >= {"United States", "India"}


def test_framework_is_a_proposed_agreement(seed_article: Article) -> None:
    found = [a for a in seed_article.agreements if a.kind == "framework"]
    assert len(found) == 1
    fw = found[0]
    assert fw.name == "10-year Framework for the US-India Major Defence Partnership"
    assert set(fw.parties) == {"United States", "India"}
    assert fw.status == "proposed"
    assert seed_article.text[fw.span[0]:fw.span[1]] == fw.name


def test_pending_defence_sales_are_a_planned_deal(seed_article: Article) -> None:
    deals = [a for a in seed_article.agreements if a.kind == "arms-sale"]
    assert len(deals) == 1
    deal = deals[0]
    assert (deal.supplier, deal.recipient) == ("United States", "India")
    assert deal.status == "proposed"
    # and the sentence that states it is an intended act of the two sides
    finalize = [e for e in seed_article.events if "finalize" in (e.trigger or "")]
    assert finalize and finalize[0].modality == "intended"


def test_summit_is_an_upcoming_event(seed_article: Article) -> None:
    found = [e for e in seed_article.events if "Summit" in (e.trigger or "")]
    assert len(found) == 1
    ev = found[0]
    assert ev.category == "CONSULT"
    assert ev.modality == "planned"
    assert {a.name for a in ev.actors} == {"India", "United States"}


def test_nothing_from_the_read_also_links(seed_article: Article) -> None:
    for ev in seed_article.events:
        assert "Pakistan" not in ev.sentence and "Quad Foreign Ministers" not in ev.sentence
    for agr in seed_article.agreements:
        assert "Pakistan" not in agr.name


def test_event_offsets_point_into_the_text(seed_article: Article) -> None:
    assert seed_article.events
    for ev in seed_article.events:
        assert seed_article.text[ev.span[0]:ev.span[1]] == ev.sentence
