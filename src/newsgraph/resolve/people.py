"""People across articles: clusters of per-article PERSON entities.

The rules are `resolve.forms`: each row is read as its name form (name, country, titles,
the names its article spells out), and the forms are clustered, from the most to the least
informative: full names, then initials ("S. Jaishankar"), then bare surnames
("Jaishankar") and lone first names ("Karine", "Xi"). Countries decide only between
candidates for initials and bare names: taggers often give a bare "Putin" the country of
the article.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from newsgraph.resolve.countries import canonical_country
from newsgraph.resolve.forms import Form, cluster_forms, forms_of
from newsgraph.resolve.names import PersonName, fold, parse_person


@dataclass(slots=True)
class Row:
    """One entity of one article, as stored."""

    article_id: str
    local_id: str
    name: str
    type: str
    affiliation: str | None
    roles: list[str]
    n_mentions: int
    date: str | None
    parse: PersonName | None = None


@dataclass
class Cluster:
    type: str
    rows: list[Row] = field(default_factory=list)

    def articles(self) -> set[str]:
        return {r.article_id for r in self.rows}

    def affiliation(self) -> str | None:
        return majority(self.rows)


def majority(rows: list[Row]) -> str | None:
    c = Counter(canonical_country(r.affiliation) or r.affiliation for r in rows if r.affiliation)
    return min(c, key=lambda k: (-c[k], k)) if c else None


def titles_of(row: Row) -> frozenset[str]:
    """A row's titles, folded: its roles and the title written with its name."""
    out = {fold(t) for t in row.roles}
    if row.parse is not None and row.parse.title:
        out.add(fold(row.parse.title))
    return frozenset(out)


def row_forms(rows: list[Row]) -> list[Form]:
    """The form of each row (parsed here; every row must have a surname)."""
    return forms_of((r.article_id, _parse(r), r.affiliation, titles_of(r)) for r in rows)


def cluster_people(rows: list[Row]) -> list[Cluster]:
    for r in rows:
        r.parse = parse_person(r.name)
    named = [r for r in rows if _parse(r).surname]
    forms = row_forms(named)
    counts = Counter(forms)
    cluster_of: dict[Form, int] = {}
    found = cluster_forms(counts)
    for i, c in enumerate(found):
        for f in c.forms:
            cluster_of[f] = i
    out = [Cluster("PERSON") for _ in found]
    for r, f in zip(named, forms, strict=True):
        out[cluster_of[f]].rows.append(r)
    return out


def _parse(r: Row) -> PersonName:
    assert r.parse is not None
    return r.parse
