"""Event clustering and wire-copy detection on hand-built articles (no spaCy)."""

from __future__ import annotations

from graph_samples import WIRE
from graph_samples import event_articles as _articles
from newsgraph.resolve.dedup import find_copies, similarity, sketch, unpack
from newsgraph.store import Store


def _store() -> Store:
    st = Store()
    st.write_articles(_articles())
    st.resolve()
    return st


def test_reports_of_one_meeting_become_one_event() -> None:
    with _store() as st:
        events = st.events(category="CONSULT", order="reports")
        big = events[0]
        assert big.n_reports == 4 and big.n_articles == 4
        assert big.n_independent == 3  # the wire copy is not an independent source
        assert big.date == "2022-04-11" and big.modality == "occurred"
        names = {a.name for a in big.actors}
        assert names == {"Antony Blinken", "Lloyd Austin", "S. Jaishankar", "Rajnath Singh"}
        detail = st.event(big.id)
        assert detail is not None
        assert [r.published for r in detail.reports] == ["2022-04-07", "2022-04-08",
                                                         "2022-04-11", "2022-04-12"]
        assert sum(1 for r in detail.reports if r.duplicate_of) == 1
        # the later meeting and the denied one stay separate
        assert sorted(e.n_reports for e in events) == [1, 1, 4]


def test_dyad_counts_events_between_countries() -> None:
    with _store() as st:
        d = st.dyad("India", "United States", date_from="2022-04-01")
        counts = {c.category: c.n_events for c in d.counts}
        assert counts == {"CONSULT": 2, "AGREE": 1}  # the denied meeting does not count
        assert st.dyad("India", "United States", date_from="2022-04-20").counts[0].n_events == 1
        assert st.dyad("India", "China").counts == []


def test_wire_copies_are_found() -> None:
    a, b, c = sketch(WIRE), sketch(WIRE + " Reporting by the newsroom."), sketch(
        "A completely different release about sanctions on shipping companies in the Gulf.")
    assert similarity(unpack(a), unpack(b)) >= 0.8
    assert similarity(unpack(a), unpack(c)) == 0.0
    copies = find_copies([("x", a), ("y", b), ("z", c)])
    assert [(k.article_id, k.duplicate_of) for k in copies] == [("y", "x")]


def test_event_clusters_are_stable_across_rebuilds() -> None:
    with _store() as st:
        first = [(e.id, e.n_reports) for e in st.events(limit=100)]
        st.resolve()
        assert [(e.id, e.n_reports) for e in st.events(limit=100)] == first
