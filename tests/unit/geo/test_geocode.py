"""Ranking place names by the article's context, and the precision a name supports."""

from __future__ import annotations

from collections import defaultdict

import pytest

from newsgraph.geo import extra
from newsgraph.geo.article import geocode_article
from newsgraph.geo.geocode import Context, resolve
from newsgraph.record import Article, Entity, Event, EventActor


def ctx(**weights: float) -> Context:
    return Context(defaultdict(float, weights))


def test_own_name_beats_a_bigger_place_with_that_alternate_spelling() -> None:
    geo = resolve("Islamabad")
    assert geo is not None and geo.country == "PK" and geo.precision == "city"


def test_article_countries_rank_same_named_towns() -> None:
    assert resolve("Rafah", ctx(PS=2, IL=3)).country == "PS"  # type: ignore[union-attr]
    assert resolve("Rafah", ctx(EG=3)).country == "EG"  # type: ignore[union-attr]


def test_event_country_outweighs_the_article() -> None:
    geo = resolve("Donetsk", ctx(UA=1), event={"RU"})
    assert geo is not None and geo.country == "RU"


def test_georgia_is_the_state_in_american_context_and_the_country_otherwise() -> None:
    assert resolve("Georgia", ctx(US=3)).precision == "admin1"  # type: ignore[union-attr]
    country = resolve("Georgia", ctx(RU=2, AM=1))
    assert country is not None and country.precision == "country" and country.lat is None


def test_countries_and_regions_get_no_point() -> None:
    for name in ("Jordan", "U.S.", "the Middle East", "Black Sea", "Europe"):
        geo = resolve(name)
        assert geo is not None and geo.lat is None and geo.lon is None, name
        assert geo.precision in ("country", "region"), name


def test_a_named_region_of_a_city_is_its_province_not_the_city() -> None:
    geo = resolve("Kherson", ctx(UA=1), after=" region, where")
    assert geo is not None and geo.precision == "admin1" and geo.lat is None
    assert geo.country == "UA"
    assert resolve("Zaporizhzhia Oblast").precision == "admin1"  # type: ignore[union-attr]


def test_facilities_from_the_hand_table() -> None:
    geo = resolve("the Pentagon")
    assert geo is not None and geo.precision == "facility"
    assert geo.lat == pytest.approx(38.87, abs=0.01) and geo.lon == pytest.approx(-77.06, abs=0.01)


def test_every_hand_table_row_has_a_source_and_a_sane_point() -> None:
    for place in extra.table().values():
        assert place.source
        if place.lat is not None:
            assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180  # type: ignore[operator]
        else:
            assert place.precision == "region"


def test_unknown_names_are_left_unresolved() -> None:
    assert resolve("Xqzzvillea") is None


def _article(text: str, ents: list[Entity], events: list[Event]) -> Article:
    return Article.new(text, entities=ents, events=events)


def test_article_state_ranks_its_town() -> None:
    text = "Officials met in Arlington. Virginia officials said the talks went well."
    a, v = text.index("Arlington"), text.index("Virginia")
    ents = [Entity("e1", "Arlington", "GPE", mentions=[[a, a + 9]]),
            Entity("e2", "Virginia", "GPE", mentions=[[v, v + 8]])]
    art = geocode_article(_article(text, ents, []))
    assert art.entities[0].geo is not None and art.entities[0].geo.country == "US"
    assert art.entities[0].geo.lat == pytest.approx(38.88, abs=0.05)


def test_an_event_in_a_country_only_is_never_a_point() -> None:
    text = "Troops were deployed in Ukraine."
    ev = Event("v1", "MOBILIZE", location="Ukraine", location_country="Ukraine")
    ev2 = Event("v2", "CONSULT", location=None, location_country="India",
                actors=[EventActor(None, "India", "participant", "India")])
    art = geocode_article(_article(text, [Entity("e1", "Ukraine", "GPE", mentions=[[24, 31]])],
                                   [ev, ev2]))
    for e in art.events:
        assert e.geo is not None and e.geo.precision == "country" and e.geo.lat is None
    assert art.events[1].geo.country == "IN"  # type: ignore[union-attr]


def test_state_or_country_written_after_a_town_places_it() -> None:
    geo = resolve("Springfield", after=", Ill., where")
    assert geo is not None and geo.lat == pytest.approx(39.80, abs=0.1)
    geo = resolve("Sydney", ctx(US=5), after=", Australia, was")
    assert geo is not None and geo.country == "AU"
    # no such town in the state: the state, not a point elsewhere
    geo = resolve("Xqzzville", after=", Mass. on")
    assert geo is not None and geo.precision == "admin1" and geo.name == "Massachusetts"


def test_state_abbreviations_and_datelines() -> None:
    for text in ("Pa.", "Wyo", "NC", "N.H."):
        geo = resolve(text)
        assert geo is not None and geo.precision == "admin1" and geo.country == "US", text
    geo = resolve("SCRANTON", after=", Pa. -")
    assert geo is not None and geo.precision == "city" and geo.lat == pytest.approx(41.41, abs=0.05)


def test_a_venue_unknown_to_the_gazetteers_is_placed_in_its_town() -> None:
    text = "The band played the Zorblax Hall in Nashville, Tennessee on Monday."
    start = text.index("the Zorblax")
    ents = [Entity("e1", "the Zorblax Hall", "FAC", mentions=[[start, start + 16]])]
    art = geocode_article(_article(text, ents, []))
    geo = art.entities[0].geo
    assert geo is not None and geo.precision == "city" and geo.lat == pytest.approx(36.17, abs=0.05)
