"""The event judge's confidence in the store: kept per report, carried to the resolved event
with the trigger of its most confident report, and filtered on by the read API."""

from __future__ import annotations

from graph_fixtures import Ent, Ev, build
from newsgraph.store import Store
from newsgraph.store.models import DyadFilters

TEXT = ("Foreign Minister Anna Berg met Prime Minister Karl Holm in Oslo. "
        "Berg later criticised Holm.")


def _article():
    art = build(TEXT, "2025-03-01",
                ents=[Ent("Anna Berg", affiliation="Sweden"),
                      Ent("Karl Holm", affiliation="Norway")],
                events=[Ev("CONSULT", actors=[("Anna Berg", "source"), ("Karl Holm", "target")]),
                        Ev("ACCUSE", actors=[("Anna Berg", "source"), ("Karl Holm", "target")])])
    art.events[0].confidence, art.events[0].trigger = 0.9, "met"
    art.events[1].confidence, art.events[1].trigger = 0.1, "criticised"
    return art


def test_confidence_round_trips_and_filters() -> None:
    art = _article()
    with Store() as st:
        st.write_articles([art])
        st.resolve()
        view = st.article(art.id)
        assert view is not None
        assert [e.confidence for e in view.article.events] == [0.9, 0.1]
        every = st.events()
        assert {(e.category, e.confidence, e.trigger) for e in every} == {
            ("CONSULT", 0.9, "met"), ("ACCUSE", 0.1, "criticised")}
        assert [e.category for e in st.events(min_confidence=0.5)] == ["CONSULT"]
        ids = [e.id for e in every]
        assert [e.category for e in st.event_page(ids, 10, 0, 0.5)] == ["CONSULT"]
        view2 = st.events_between("Sweden", "Norway", ids, DyadFilters(min_confidence=0.5),
                                  10, 0)
        assert [e.category for e in view2.events] == ["CONSULT"]
