"""resolve: cross-article merging, recomputed from stored per-article rows.

`resolve_all(conn)` rebuilds every resolved table (entities, duplicates, events, agreements,
commitments) inside the caller's transaction. It reads rows in a fixed order (publication
date, then id), so the result depends only on which articles are stored, not on the order or
the number of runs that stored them.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field


@dataclass
class ResolveReport:
    counts: dict[str, int] = field(default_factory=dict)


def resolve_all(conn: sqlite3.Connection) -> ResolveReport:
    from newsgraph.resolve import agreements, commitments, dedup, entities, events
    from newsgraph.store.migrations import RESOLVED_TABLES

    for table in RESOLVED_TABLES:
        conn.execute(f"DELETE FROM {table}")
    report = ResolveReport()
    report.counts["entities"] = entities.resolve_entities(conn)
    report.counts["duplicates"] = dedup.store_duplicates(conn)
    report.counts["events"] = events.resolve_events(conn)
    report.counts["agreements"] = agreements.resolve_agreements(conn)
    report.counts["commitments"] = commitments.resolve_commitments(conn)
    return report


__all__ = ["ResolveReport", "resolve_all"]
