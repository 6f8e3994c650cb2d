"""Incremental event resolution re-clusters only the date windows new or changed reports
reach: events elsewhere keep their stored rows, and the tables equal a full rebuild."""

from __future__ import annotations

import sqlite3
from typing import Any

from graph_fixtures import Ent, Ev, build
from graph_samples import event_articles
from newsgraph.store import Store

PEOPLE = [Ent("Antony Blinken", affiliation="United States"),
          Ent("S. Jaishankar", affiliation="India")]
PAIR = [("Antony Blinken", "source"), ("S. Jaishankar", "target")]


def _events(conn: sqlite3.Connection) -> dict[str, tuple[Any, ...]]:
    """Event id -> (rowid, first date, reports)."""
    return {r[0]: r[1:] for r in conn.execute(
        "SELECT id, rowid, first_date, n_reports FROM events")}


def _tables(conn: sqlite3.Connection) -> list[list[tuple[Any, ...]]]:
    return [sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
            for t in ("events", "event_links", "event_actors")]


def _meeting(day: str, published: str, text: str = "to talk about trade") -> Any:
    return build(f"Antony Blinken met S. Jaishankar in Delhi {text}.", published,
                 ents=PEOPLE, events=[Ev("CONSULT", PAIR, day, "occurred", "Delhi")])


def test_a_later_report_leaves_earlier_events_untouched() -> None:
    with Store() as st:
        st.write_articles(event_articles())
        st.resolve()
        before = _events(st.conn)
        st.write_articles([_meeting("2022-09-14", "2022-09-14")])
        st.resolve()
        after = _events(st.conn)
        got = _tables(st.conn)
        st.resolve(full=True)
        assert got == _tables(st.conn)
    assert len(after) == len(before) + 1
    for ident, row in before.items():   # the same rows, not deleted and written again
        assert after[ident] == row


def test_a_report_stored_late_joins_the_event_of_its_window() -> None:
    """An article published after others but reporting an event inside their window: the
    window is clustered again and the report joins the meeting; the rest is kept."""
    with Store() as st:
        st.write_articles([_meeting("2022-09-14", "2022-09-14"), *event_articles()])
        st.resolve()
        before = _events(st.conn)
        st.write_articles([_meeting("2022-09-14", "2022-09-16", "on trade and visas")])
        st.resolve()
        after = _events(st.conn)
        got = _tables(st.conn)
        st.resolve(full=True)
        assert got == _tables(st.conn)
    assert after.keys() == before.keys()
    september = [i for i, row in after.items() if row[1] == "2022-09-14"]
    assert len(september) == 1 and after[september[0]][2] == 2
    assert all(after[i] == before[i] for i in before if i not in september)


def test_reports_with_odd_dates_are_read_by_their_partial_indexes() -> None:
    """A report whose date is no ISO date still falls in every window; it is found through
    the partial index of such rows, not by reading every report dated before the window."""
    odd = build("Antony Blinken met S. Jaishankar in Delhi late in the summer.", "2022-08-30",
                ents=PEOPLE, events=[Ev("CONSULT", PAIR, "late summer", "occurred", "Delhi")])
    with Store() as st:
        st.write_articles([*event_articles(), odd])
        st.resolve()
        seen: list[str] = []
        st.conn.set_trace_callback(seen.append)
        st.write_articles([_meeting("2022-09-14", "2022-09-14")])
        st.resolve()
        st.conn.set_trace_callback(None)
        got = _tables(st.conn)
        plans = [" ".join(str(r[3]) for r in st.conn.execute("EXPLAIN QUERY PLAN " + sql))
                 for sql in seen if "GLOB" in sql and sql.startswith("SELECT")]
        st.resolve(full=True)
        assert got == _tables(st.conn)
    assert len(plans) == 2
    assert "event_reports_odd_date" in plans[0] and "articles_odd_published" in plans[1]
