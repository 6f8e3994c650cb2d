"""Event clustering and wire-copy detection on hand-built articles (no spaCy)."""

from __future__ import annotations

from graph_fixtures import Ent, Ev, build
from newsgraph.resolve.dedup import find_copies, similarity, sketch, unpack
from newsgraph.store import Store

PEOPLE = [Ent("Antony Blinken", affiliation="United States"),
          Ent("Lloyd Austin", affiliation="United States"),
          Ent("S. Jaishankar", affiliation="India"),
          Ent("Rajnath Singh", affiliation="India"),
          Ent("India", "GPE"), Ent("United States", "GPE")]
MEET = [("Antony Blinken", "source"), ("Lloyd Austin", "source"),
        ("S. Jaishankar", "target"), ("Rajnath Singh", "target")]

WIRE = ("Secretary Blinken and Secretary Austin will host Indian Minister of External Affairs "
        "S. Jaishankar and Minister of Defense Rajnath Singh for the fourth U.S.-India 2+2 "
        "Ministerial Dialogue in Washington on April 11. The Ministerial will review progress "
        "on defense, science and technology, climate, and global health cooperation. "
        "India and the United States are major defense partners.")


def _articles():  # type: ignore[no-untyped-def]
    return [
        # announced a few days before: planned, dated April 11
        build(WIRE, "2022-04-07", ents=PEOPLE,
              events=[Ev("CONSULT", MEET, "2022-04-11", "planned", "Washington")]),
        # the same release reprinted by another outlet (a wire copy)
        build(WIRE + " Reporting by the newsroom.", "2022-04-08", ents=PEOPLE,
              events=[Ev("CONSULT", MEET, "2022-04-11", "planned", "Washington")]),
        # opening remarks on the day
        build("Secretary Blinken: Welcome to the 2+2 with S. Jaishankar and Rajnath Singh.",
              "2022-04-11", ents=PEOPLE,
              events=[Ev("CONSULT", MEET[:1] + MEET[2:3], "2022-04-11", "occurred",
                         "Washington")]),
        # joint statement the next day, a different wording of the actors
        build("Lloyd Austin and Rajnath Singh held the 2+2 dialogue with their counterparts.",
              "2022-04-12", ents=PEOPLE,
              events=[Ev("CONSULT", [("Lloyd Austin", "source"), ("Rajnath Singh", "target")],
                         "2022-04-11", "occurred")]),
        # another meeting of two of the same people, two weeks later: another event
        build("Antony Blinken met S. Jaishankar again in New York.", "2022-04-26",
              ents=PEOPLE,
              events=[Ev("CONSULT", [("Antony Blinken", "source"), ("S. Jaishankar", "target")],
                         "2022-04-25", "occurred", "New York")]),
        # same day, same people, but a different kind of event
        build("India and the United States agreed to expand cooperation.", "2022-04-11",
              ents=PEOPLE,
              events=[Ev("AGREE", [("India", "source"), ("United States", "target")],
                         "2022-04-11")]),
        # same day, same people, but denied: never the same event as one that happened
        build("Antony Blinken did not meet S. Jaishankar on the sidelines.", "2022-04-11",
              ents=PEOPLE,
              events=[Ev("CONSULT", [("Antony Blinken", "source"), ("S. Jaishankar", "target")],
                         "2022-04-11", "negated")]),
    ]


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
