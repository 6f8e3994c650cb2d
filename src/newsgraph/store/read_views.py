"""The Python half of the web server's views: who shares events with whom, and a name index.

`Reader` runs the SQL and hands the rows here; nothing in this module touches a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.resolve.countries import canonical_country
from newsgraph.store.models import CoActor, CoActors, EntitySummary

# SQLite's LIKE folds the case of ASCII letters only.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def is_country(name: str | None) -> bool:
    return bool(name) and canonical_country(name) == name


@dataclass
class SharedEvent:
    """One other actor of one event that the entity took part in."""

    event_id: str
    entity_id: str
    name: str
    type: str
    date: str | None


def co_actors(rows: list[SharedEvent], limit: int) -> CoActors:
    """The `limit` actors sharing most events, and how often two of them shared one."""
    by_actor: dict[str, CoActor] = {}
    by_event: dict[str, set[str]] = {}
    for r in rows:
        by_event.setdefault(r.event_id, set()).add(r.entity_id)
        ca = by_actor.setdefault(r.entity_id, CoActor(r.entity_id, r.name, r.type, 0, r.date))
        if r.date and (ca.last_date is None or r.date > ca.last_date):
            ca.last_date = r.date
    for members in by_event.values():
        for oid in members:
            by_actor[oid].n_events += 1
    top = sorted(by_actor.values(), key=lambda c: (-c.n_events, c.name))[:limit]
    keep = {c.id for c in top}
    pairs: dict[tuple[str, str], int] = {}
    for members in by_event.values():
        ms = sorted(members & keep)
        for i, a in enumerate(ms):
            for b in ms[i + 1:]:
                pairs[(a, b)] = pairs.get((a, b), 0) + 1
    return CoActors(top, pairs)


@dataclass
class NameIndex:
    """Every entity with its name and aliases, in the order `Reader.entities` answers.

    Matching here gives the same answer as `Reader.entities(q=...)` (SQLite's LIKE: ASCII
    letters fold case, nothing else does), but a common word stops after one page instead of
    testing every name and alias in SQL.
    """

    # (name and aliases joined by NUL and ASCII-lowercased, entity)
    entries: list[tuple[str, EntitySummary]] = field(default_factory=list)

    @classmethod
    def build(cls, entities: list[EntitySummary], aliases: dict[str, list[str]]) -> NameIndex:
        # NUL joins the names so that no match spans two of them (queries hold no NUL).
        return cls([("\x00".join([e.name, *aliases.get(e.id, [])]).translate(_ASCII_LOWER), e)
                    for e in entities])

    def find(self, q: str, limit: int, offset: int) -> list[EntitySummary]:
        """Entities whose name or any alias contains `q`. Callers must not modify them."""
        if not q or "\x00" in q:
            return []
        needle = q.translate(_ASCII_LOWER)
        out: list[EntitySummary] = []
        skip = offset
        for hay, summary in self.entries:
            if needle in hay:
                if skip:
                    skip -= 1
                    continue
                out.append(summary)
                if len(out) >= limit:
                    break
        return out
