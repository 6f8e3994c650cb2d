"""An entity that only gains rows of new articles grows to what a rebuild of all its rows
gives; people's clusters depend only on their name forms and how many rows each has."""

from __future__ import annotations

import dataclasses
from collections import Counter

from newsgraph.resolve.entities import ResolvedEntity, Variant, grow, resolve_entities
from newsgraph.resolve.people import Row, cluster_people


def _variants(rows: list[Row]) -> list[Variant]:
    counts = Counter((r.name, r.affiliation, tuple(r.roles)) for r in rows)
    return [Variant(n, a, list(t), k) for (n, a, t), k in counts.items()]


def _same(a: ResolvedEntity, b: ResolvedEntity) -> None:
    def norm(e: ResolvedEntity) -> dict[str, object]:
        d = dataclasses.asdict(e)
        d["aliases"] = sorted(map(repr, e.aliases))
        d["roles"] = sorted(map(repr, e.roles))
        d.pop("links")
        d.pop("id")   # a grown entity keeps its id: the caller compares name_id with it
        return d
    assert norm(a) == norm(b) and a.name_id == b.id


def _one(rows: list[Row]) -> ResolvedEntity:
    (e,) = resolve_entities([dataclasses.replace(r, parse=None) for r in rows])
    return e


def test_an_organisation_grows_to_its_rebuild() -> None:
    old = [Row("a1", "e1", "Ministry of Defence", "ORG", "India", ["spokesman"], 2, "2024-01-02"),
           Row("a2", "e3", "Ministry of Defence", "ORG", None, [], 1, "2024-01-05"),
           Row("a2", "e4", "ministry of defence", "ORG", "India", [], 1, "2024-01-05")]
    new = [Row("a3", "e1", "ministry of defence", "ORG", "India", ["Spokesman"], 4, "2024-02-01"),
           Row("a4", "e2", "ministry of defence", "ORG", "United Kingdom", [], 1, "2023-12-30")]
    grown = grow(_one(old), _variants(old), new)
    _same(grown, _one(old + new))
    assert grown.name == "ministry of defence"   # the new rows made it the most written
    assert grown.first_date == "2023-12-30" and grown.n_articles == 4


def test_a_person_grows_to_its_rebuild() -> None:
    old = [Row("a1", "e1", "Secretary Antony Blinken", "PERSON", "United States", [], 1,
               "2024-01-02"),
           Row("a2", "e1", "Antony J. Blinken", "PERSON", None, ["Secretary of State"], 2,
               "2024-01-03")]
    new = [Row("a3", "e2", "Antony Blinken", "PERSON", "United States", [], 1, "2024-01-09"),
           Row("a4", "e1", "Antony Blinken", "PERSON", None, ["Secretary"], 1, "2024-01-10")]
    grown = grow(_one(old), _variants(old), new)
    _same(grown, _one(old + new))
    assert {a.alias for a in grown.aliases} >= {"Antony Blinken", "Blinken"}
    assert grown.name_id != grown.id   # a new most written name: the id changes


def _clusters(rows: list[Row]) -> list[set[tuple[str, str]]]:
    out = cluster_people([dataclasses.replace(r, parse=None) for r in rows])
    return sorted((sorted(r.name for r in c.rows) for c in out), key=repr)  # type: ignore


def test_people_clusters_depend_on_forms_and_counts_only() -> None:
    """The same articles again under other ids and dates cluster as before, form by form."""
    base = [Row("a1", "e1", "Karine Jean-Pierre", "PERSON", "United States", [], 1, "2023-01-02"),
            Row("a2", "e1", "Jean-Pierre", "PERSON", None, [], 1, "2023-01-03"),
            Row("a2", "e2", "Karine", "PERSON", None, [], 1, "2023-01-03"),
            Row("a3", "e1", "Joe Biden", "PERSON", None, ["President"], 1, "2023-01-04"),
            Row("a4", "e1", "Hunter Biden", "PERSON", None, [], 1, "2023-01-05"),
            Row("a4", "e2", "Biden", "PERSON", None, [], 1, "2023-01-05"),
            Row("a5", "e1", "President Biden", "PERSON", None, [], 1, "2023-01-06")]
    once = _clusters(base)
    twice = _clusters(base + [dataclasses.replace(r, article_id=r.article_id + "~1",
                                                  date="2024" + (r.date or "")[4:])
                              for r in base])
    assert twice == [sorted(c + c) for c in once]   # type: ignore[operator]
    assert ["Jean-Pierre", "Karine", "Karine Jean-Pierre"] in once   # type: ignore[comparison-overlap]
    # "Biden" in an article naming Hunter Biden is Hunter; "President Biden" is Joe
    assert ["Biden", "Hunter Biden"] in once   # type: ignore[comparison-overlap]
    assert ["Joe Biden", "President Biden"] in once   # type: ignore[comparison-overlap]
