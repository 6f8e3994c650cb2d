"""A full rebuild clusters the event reports a slice at a time (`store.event_stream`); the
events are those of clustering every report at once, wherever the slices are cut."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from graph_fixtures import Ent, Ev, build
from graph_samples import event_articles
from newsgraph.resolve import events
from newsgraph.store import Store, event_stream, resolved

PEOPLE = [Ent("Antony Blinken", affiliation="United States"),
          Ent("S. Jaishankar", affiliation="India")]
PAIR = [("Antony Blinken", "source"), ("S. Jaishankar", "target")]


def _meetings() -> list[Any]:
    """Talks on consecutive days (a cluster open across slices), one undated report and
    one far later."""
    out = [build(f"Antony Blinken met S. Jaishankar in Delhi, day {d}.", f"2022-09-{d:02d}",
                 ents=PEOPLE, events=[Ev("CONSULT", PAIR, f"2022-09-{d:02d}", "occurred",
                                         "Delhi")]) for d in (12, 13, 14, 20)]
    out.append(build("Antony Blinken met S. Jaishankar.", None, ents=PEOPLE,
                     events=[Ev("CONSULT", PAIR, None, "occurred")]))
    return out


def _events(conn: sqlite3.Connection) -> list[list[tuple[Any, ...]]]:
    return [sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
            for t in ("events", "event_links", "event_actors")]


@pytest.mark.parametrize("size", [1, 2, 3, 1000])
def test_slices_give_the_events_of_one_pass(size: int, monkeypatch: Any) -> None:
    with Store() as st:
        st.write_articles(event_articles() + _meetings())
        st.resolve(full=True)
        with st.transaction() as conn:
            for table in ("event_actors", "event_links", "events"):
                conn.execute(f"DELETE FROM {table}")
            resolved.save_events(conn, events.resolve_events(resolved.load_event_inputs(conn),
                                                             resolved.load_originals(conn)))
        expected = _events(st.conn)
        monkeypatch.setattr(event_stream, "SLICE", size)
        with st.transaction() as conn:
            assert event_stream.rebuild_events(conn) == len(expected[0])
        assert _events(st.conn) == expected
    assert len(expected[0]) >= 5
