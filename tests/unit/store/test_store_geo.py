"""Where places and events are, stored: written, read back, mapped and exported as GeoJSON."""

from __future__ import annotations

import json
from pathlib import Path

from newsgraph.record import Article, Entity, Event, EventActor, Geo
from newsgraph.store import Store
from newsgraph.store.export import export
from newsgraph.store.geo import MapFilters, map_points

TEXT = "The ministers met at the Pentagon. Troops were sent to Ukraine."
PENTAGON = Geo("facility", 38.8719, -77.0563, None, "US", "Pentagon")
UKRAINE = Geo("country", None, None, 690791, "UA", "Ukraine")


def _article() -> Article:
    p, u = TEXT.index("Pentagon"), TEXT.index("Ukraine")
    return Article.new(
        TEXT, published="2025-07-01", title="Ministers meet",
        entities=[Entity("e1", "Pentagon", "FAC", mentions=[[p, p + 8]], geo=PENTAGON),
                  Entity("e2", "Ukraine", "GPE", mentions=[[u, u + 7]], geo=UKRAINE)],
        events=[Event("v1", "CONSULT", location="Pentagon", location_country="United States",
                      date="2025-07-01", geo=PENTAGON, sentence=TEXT[:34],
                      actors=[EventActor(None, "India", "participant", "India")]),
                Event("v2", "MOBILIZE", location="Ukraine", location_country="Ukraine",
                      date="2025-06-01", geo=UKRAINE, sentence=TEXT[35:])])


def test_geo_is_stored_and_read_back(tmp_path: Path) -> None:
    with Store(tmp_path / "g.db") as st:
        st.write_articles([_article()])
        view = st.article(_article().id)
        assert view is not None
        assert view.article.events[0].geo == PENTAGON
        assert view.article.entities[1].geo == UKRAINE


def test_map_points_filter_by_category_date_and_country(tmp_path: Path) -> None:
    with Store(tmp_path / "g.db") as st:
        st.write_articles([_article()])
        st.resolve()
        everything = map_points(st.conn, MapFilters())
        assert {p.category for p in everything} == {"CONSULT", "MOBILIZE"}
        assert [p.category for p in map_points(st.conn, MapFilters(categories=["MOBILIZE"]))] \
            == ["MOBILIZE"]
        assert [p.category for p in map_points(st.conn, MapFilters(date_from="2025-06-15"))] \
            == ["CONSULT"]
        # a country matches the place's country or an actor's
        india = map_points(st.conn, MapFilters(countries=["IN"]), ["India"])
        assert [p.category for p in india] == ["CONSULT"]
        assert all(p.event_id for p in everything)


def test_map_points_hide_events_below_the_judges_confidence(tmp_path: Path) -> None:
    art = _article()
    art.events[0].confidence, art.events[1].confidence = 0.9, 0.2
    with Store(tmp_path / "g.db") as st:
        st.write_articles([art])
        st.resolve()
        assert [p.category for p in map_points(st.conn, MapFilters(min_confidence=0.5))] \
            == ["CONSULT"]
        assert len(map_points(st.conn, MapFilters(min_confidence=0.0))) == 2


def test_geojson_export_never_draws_a_country_at_a_point(tmp_path: Path) -> None:
    with Store(tmp_path / "g.db") as st:
        st.write_articles([_article()])
        st.resolve()
        report = export(st, "geojson", tmp_path / "events.geojson")
    assert report.rows == {"events": 2}
    data = json.loads((tmp_path / "events.geojson").read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    by_cat = {f["properties"]["category"]: f for f in data["features"]}
    assert by_cat["CONSULT"]["geometry"] == {"type": "Point", "coordinates": [-77.0563, 38.8719]}
    assert by_cat["CONSULT"]["properties"]["precision"] == "facility"
    assert by_cat["MOBILIZE"]["geometry"] is None
    assert by_cat["MOBILIZE"]["properties"]["country"] == "UA"
