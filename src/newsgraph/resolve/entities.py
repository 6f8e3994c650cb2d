"""Cross-article entity resolution: one corpus entity per person, organisation or place.

People are clustered by `resolve.people` (names, initials, surnames, first names, titles,
countries). Other entities merge by normalised name; countries by their pycountry name, so
"U.S." and "United States of America" are one entity whatever type the tagger gave them.

`resolve_entities(rows)` takes every stored per-article entity (`people.Row`, in publication
order) and returns the corpus entities in the order they are stored.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from newsgraph.resolve.blocks import LINK, is_person, other_key, person_keys
from newsgraph.resolve.countries import canonical_country
from newsgraph.resolve.names import HONORIFICS, PersonName, fold
from newsgraph.resolve.people import Cluster, Row, cluster_people


@functools.lru_cache(maxsize=1 << 17)
def _norm(name: str) -> str:
    text = fold(re.sub(r"['’]s$", "", name.strip()))
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"[^\w&+\- ]+", " ", text.replace(".", ""))
    return " ".join(text.split())


def _group_key(row: Row) -> tuple[str, str]:
    country = canonical_country(row.name)
    if country:
        return "GPE", fold(country)
    typ = "GPE" if row.type in ("GPE", "LOC") else row.type
    return typ, _norm(row.name)


@dataclass(frozen=True)
class LocalRef:
    """One entity of one article."""

    article_id: str
    local_id: str


@dataclass
class EntityAlias:
    alias: str
    n_articles: int


@dataclass
class EntityRole:
    title: str
    first_date: str | None
    last_date: str | None
    n_articles: int


@dataclass
class ResolvedEntity:
    id: str
    name: str
    type: str
    affiliation: str | None
    n_articles: int
    n_mentions: int
    first_date: str | None
    last_date: str | None
    links: list[LocalRef] = field(default_factory=list)
    aliases: list[EntityAlias] = field(default_factory=list)
    roles: list[EntityRole] = field(default_factory=list)
    # The id derived from the name alone: clusters sharing it are told apart by the order
    # they sort in, so they are resolved together (`blocks`).
    name_id: str = ""


# ------------------------------------------------------------ the results


def _canonical(c: Cluster) -> tuple[str, str]:
    """(display name, key): the most reported spelled-out form, else the most reported."""
    counts: Counter[str] = Counter()
    full: dict[str, bool] = {}
    for r in c.rows:
        if c.type == "PERSON" and r.parse is not None:
            name = r.parse.display
            full[name] = r.parse.tier == "full"
        else:
            name = canonical_country(r.name) or r.name.strip()
            full[name] = True
        counts[name] += 1
    best = max(counts, key=lambda n: (full[n], counts[n], len(n), n))
    return best, _norm(best)


def resolve_entities(rows: list[Row]) -> list[ResolvedEntity]:
    people = [r for r in rows if r.type == "PERSON" and not canonical_country(r.name)]
    others: dict[tuple[str, str], Cluster] = {}
    for r in rows:
        if r.type == "PERSON" and not canonical_country(r.name):
            continue
        typ, key = _group_key(r)
        others.setdefault((typ, key), Cluster(typ)).rows.append(r)
    clusters = cluster_people(people) + list(others.values())
    used: set[str] = set()
    return [_entity(c, used) for c in sorted(
        clusters, key=lambda c: (c.type, min((r.date or "", r.article_id, r.local_id)
                                             for r in c.rows)))]


def _entity(c: Cluster, used: set[str]) -> ResolvedEntity:
    name, key = _canonical(c)
    name_id = ident = "ent-" + hashlib.sha1(f"{c.type}|{key}".encode()).hexdigest()[:12]
    if ident in used:  # the same name for two clusters kept apart: tell them apart stably
        first = min((r.article_id, r.local_id) for r in c.rows)
        ident = "ent-" + hashlib.sha1(f"{c.type}|{key}|{first}".encode()).hexdigest()[:12]
    used.add(ident)
    dates = sorted(r.date for r in c.rows if r.date)
    return ResolvedEntity(ident, name, c.type, c.affiliation(), len(c.articles()),
                          sum(r.n_mentions for r in c.rows), dates[0] if dates else None,
                          dates[-1] if dates else None,
                          [LocalRef(r.article_id, r.local_id) for r in c.rows],
                          _aliases(c), _roles(c), name_id)


def _aliases(c: Cluster) -> list[EntityAlias]:
    aliases: dict[str, set[str]] = defaultdict(set)
    for r in c.rows:
        aliases[r.name.strip()].add(r.article_id)
        # A person is looked up by surname ("Blinken") even where every article spells the
        # name out, so the surname as written is an alias too.
        surname = _written_surname(r.parse) if c.type == "PERSON" else None
        if surname:
            aliases[surname].add(r.article_id)
    return [EntityAlias(a, len(s)) for a, s in sorted(aliases.items()) if a]


def _written_surname(parse: PersonName | None) -> str | None:
    """The surname in the name's own spelling ("Al-Sudani", "von der Leyen"), or None when
    the name has no given names (it is its own alias then) or the words do not line up."""
    if parse is None or not parse.given or not parse.surname:
        return None
    words = parse.display.split()
    n = len(parse.surname.split())
    if len(words) <= n:
        return None
    tail = " ".join(words[-n:])
    return tail if fold(tail) == parse.surname else None


def _roles(c: Cluster) -> list[EntityRole]:
    spans: dict[str, list[str]] = defaultdict(list)   # folded title -> dates
    arts: dict[str, set[str]] = defaultdict(set)
    spelling: dict[str, Counter[str]] = defaultdict(Counter)
    for r in c.rows:
        titles = list(r.roles)
        if not titles and r.parse is not None and r.parse.title:
            titles = [r.parse.title]
        for t in titles:
            t = " ".join(t.split())
            k = fold(t)
            if not t or k in HONORIFICS:
                continue
            spelling[k][t] += 1
            arts[k].add(r.article_id)
            if r.date:
                spans[k].append(r.date)
    out = []
    for k, seen in arts.items():
        dates = sorted(spans[k])
        out.append(EntityRole(spelling[k].most_common(1)[0][0], dates[0] if dates else None,
                              dates[-1] if dates else None, len(seen)))
    return out


def row_keys(row: Row) -> list[tuple[str, str]]:
    """The blocking keys (`blocks`) of one per-article entity."""
    if is_person(row.type, row.name):
        return person_keys(row.name)
    typ, key = _group_key(row)
    return [(other_key(typ, key), LINK)]
