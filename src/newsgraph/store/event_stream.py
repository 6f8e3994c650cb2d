"""Every event rebuilt in bounded memory: the reports visited in the order clustering visits
them, a slice at a time.

Event clustering (`resolve.events.cluster_reports`) visits the reports in order (by day,
then publication date, article and local id), each joining the best fitting open cluster of
its category; a cluster is open only within a few days of its anchor. So the reports can be
clustered a slice at a time, each slice continuing the clusters still open after the one
before (in the order they were started, as the clustering's own pools keep them). A cluster
that can no longer be joined (its first report is undated, or the latest day visited is past
its window) is final: it is saved and dropped. Only one slice's rows, the open clusters and
the entities' names and aliases are held, never every report; the events are the ones
`events.resolve_events` gives over all reports at once.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from array import array

from newsgraph.resolve import events
from newsgraph.store.event_scope import report_parts

SLICE = 5_000   # reports clustered at a time


def _visit_order(conn: sqlite3.Connection) -> array[int]:
    """Every report's pk in the order clustering visits them (`events.build_reports`)."""
    rank = {a: i for i, (a, _) in enumerate(sorted(
        conn.execute("SELECT id, published FROM articles"),
        key=lambda r: (r[1] or "", r[0])))}
    keys = []
    for pk, article_id, local_id, date, published in conn.execute(
            "SELECT r.pk, r.article_id, r.local_id, r.date, a.published FROM event_reports r "
            "JOIN articles a ON a.id = r.article_id"):
        day = events._parse_day(date or published) or dt.date.min
        keys.append((day.toordinal(), rank[article_id], local_id, pk))
    del rank
    keys.sort()
    return array("q", (k[3] for k in keys))


def _slice_inputs(conn: sqlite3.Connection, pks: list[int], whole: events.EventInputs
                  ) -> events.EventInputs:
    """The event inputs of the reports `pks`; `whole` holds the entities and aliases."""
    parts = report_parts(conn, pks)
    return events.EventInputs(
        reports=parts.reports, actors=parts.actors, links=parts.links,
        entities=whole.entities, aliases=whole.aliases, local_names=parts.local_names)


def _open(c: events.Cluster, last: dt.date | None) -> bool:
    """Whether a report visited later (dated `last` or later) can still join `c`."""
    if c.reports[0].day is None:
        return False
    return c.anchor is None or last is None or (last - c.anchor).days <= events.WINDOW_UNDATED


def rebuild_events(conn: sqlite3.Connection) -> int:
    """Replace every event, slice by slice; returns how many were saved."""
    from newsgraph.store import resolved  # saving is shared with the other paths

    for table in ("event_actors", "event_links", "events"):
        conn.execute(f"DELETE FROM {table}")
    originals = resolved.load_originals(conn)
    whole = events.EventInputs(
        entities={i: events.EntityInfo(n, t, aff) for i, n, t, aff in conn.execute(
            "SELECT id, name, type, affiliation FROM entities")},
        aliases=[(e, a) for e, a in conn.execute("SELECT entity_id, alias FROM entity_aliases")])
    order = _visit_order(conn)
    still: list[events.Cluster] = []
    last: dt.date | None = None
    saved = 0
    for i in range(0, len(order), SLICE):
        reports = events.build_reports(_slice_inputs(conn, list(order[i:i + SLICE]), whole))
        days = [r.day for r in reports if r.day is not None]
        last = max([*days, *([last] if last else [])], default=None)
        clusters = events.cluster_reports(reports, start=still)
        still = [c for c in clusters if _open(c, last)]
        done = [events._event(c, originals) for c in clusters if not _open(c, last)]
        resolved.save_events(conn, done)
        saved += len(done)
    resolved.save_events(conn, [events._event(c, originals) for c in still])
    return saved + len(still)
