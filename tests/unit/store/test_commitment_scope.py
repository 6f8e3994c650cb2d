"""Incremental resolution finds again only the stored commitments that can change: those
naming an agreement whose timeline changed, and those still open whose deadline the latest
date passed; the tables end as a full rebuild leaves them."""

from __future__ import annotations

import sqlite3
from typing import Any

from graph_fixtures import Ag, Ent, Qt, build
from newsgraph.store import Store
from newsgraph.store.migrations import RESOLVED_TABLES, STATE_TABLES

PACT = "Coastal Fisheries Cooperation Agreement"
QUOTE = f"We will sign the {PACT} with Iceland this year."
SAID = build(f'The minister told reporters, "{QUOTE}" Ingrid Solberg said.', "2025-03-04",
             ents=[Ent("Ingrid Solberg", affiliation="Norway")],
             quotes=[Qt(QUOTE, "Ingrid Solberg")],
             agreements=[Ag(PACT, kind="agreement", parties=["Norway", "Iceland"])])
OTHER = "We will finalize the budget talks with the unions this year."
SAID_OTHER = build(f'"{OTHER}" Ingrid Solberg said on Friday.', "2025-03-07",
                   ents=[Ent("Ingrid Solberg", affiliation="Norway")],
                   quotes=[Qt(OTHER, "Ingrid Solberg")])
LATER = build("Harbour news: ferries ran late in the storm.", "2026-02-02")
SIGNED = build(f"Norway and Iceland signed the {PACT} in Reykjavik.", "2025-09-15",
               agreements=[Ag(PACT, kind="agreement", parties=["Norway", "Iceland"],
                              status="signed")])


def tables(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
            for t in RESOLVED_TABLES + STATE_TABLES}


def _outcomes(st: Store) -> dict[str, str]:
    return dict(st.conn.execute("SELECT text, outcome FROM commitments"))


def _same_as_rebuild(st: Store) -> None:
    got = tables(st.conn)
    st.resolve(full=True)
    assert tables(st.conn) == got


def test_an_open_commitment_lapses_when_a_later_article_passes_its_deadline() -> None:
    with Store() as st:
        st.write_articles([SAID, SAID_OTHER])
        st.resolve()
        assert set(_outcomes(st).values()) == {"open"}
        st.write_articles([LATER])   # mentions no agreement: no agreement changes
        st.resolve()
        outcomes = _outcomes(st)
        assert sorted(outcomes.values()) == ["lapsed", "open"]   # no agreement: never lapses
        _same_as_rebuild(st)


def test_a_commitment_follows_its_agreement_when_it_grows() -> None:
    with Store() as st:
        st.write_articles([SAID, SAID_OTHER])
        st.resolve()
        st.write_articles([SIGNED])
        st.resolve()
        assert sorted(_outcomes(st).values()) == ["fulfilled", "open"]
        _same_as_rebuild(st)
