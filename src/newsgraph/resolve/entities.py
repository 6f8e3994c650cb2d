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
from newsgraph.resolve.names import HONORIFICS, PersonName, fold, parse_person
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


@dataclass(frozen=True, slots=True)
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


def _display(typ: str, row: Row) -> tuple[str, bool]:
    """How a row names its entity, and whether that is spelled out (a person's full name)."""
    if typ == "PERSON":
        p = row.parse or parse_person(row.name)
        return p.display, p.tier == "full"
    return canonical_country(row.name) or row.name.strip(), True


def _best(counts: Counter[str], full: dict[str, bool]) -> str:
    """The most reported spelled-out form, else the most reported."""
    return max(counts, key=lambda n: (full[n], counts[n], len(n), n))


def _canonical(c: Cluster) -> tuple[str, str]:
    """(display name, key)."""
    counts: Counter[str] = Counter()
    full: dict[str, bool] = {}
    for r in c.rows:
        name, spelled = _display(c.type, r)
        full[name] = full.get(name, False) or spelled
        counts[name] += 1
    best = _best(counts, full)
    return best, _norm(best)


def cluster_name_id(c: Cluster) -> str:
    """The id a cluster's name gives it (`ResolvedEntity.name_id`)."""
    return name_id(c.type, _canonical(c)[0])


def clusters_of(rows: list[Row]) -> list[Cluster]:
    """People clustered (`resolve.people`), other entities grouped by normalised name."""
    people = [r for r in rows if r.type == "PERSON" and not canonical_country(r.name)]
    others: dict[tuple[str, str], Cluster] = {}
    for r in rows:
        if r.type == "PERSON" and not canonical_country(r.name):
            continue
        typ, key = _group_key(r)
        others.setdefault((typ, key), Cluster(typ)).rows.append(r)
    return cluster_people(people) + list(others.values())


def resolve_entities(rows: list[Row]) -> list[ResolvedEntity]:
    return entities_of(clusters_of(rows))


def entities_of(clusters: list[Cluster]) -> list[ResolvedEntity]:
    """The corpus entities of `clusters`, in the order they are stored; clusters whose
    names give the same id are told apart by that order."""
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
        for k, t in _titles(_row_titles(r)):
            spelling[k][t] += 1
            arts[k].add(r.article_id)
            if r.date:
                spans[k].append(r.date)
    out = []
    for k, seen in arts.items():
        dates = sorted(spans[k])
        out.append(EntityRole(_spelling(spelling[k]), dates[0] if dates else None,
                              dates[-1] if dates else None, len(seen)))
    return out


def _row_titles(r: Row) -> list[str]:
    """A row's titles: its roles, else the title written with its name."""
    if not r.roles and r.parse is not None and r.parse.title:
        return [r.parse.title]
    return list(r.roles)


def _spelling(counts: Counter[str]) -> str:
    """A title as most often written (the greatest spelling among equals, in any order)."""
    return max(counts, key=lambda t: (counts[t], t))


def _titles(roles: list[str]) -> list[tuple[str, str]]:
    """(folded, as written) of each title worth keeping."""
    out = []
    for t in roles:
        t = " ".join(t.split())
        k = fold(t)
        if t and k not in HONORIFICS:
            out.append((k, t))
    return out


def row_keys(row: Row) -> list[tuple[str, str]]:
    """The blocking keys (`blocks`) of one per-article entity."""
    if is_person(row.type, row.name):
        return person_keys(row.name)
    typ, key = _group_key(row)
    return [(other_key(typ, key), LINK)]


# ------------------------------------------------- an entity that only grows


@dataclass
class Variant:
    """The stored rows of one entity that read alike: name, country, titles, how many."""

    name: str
    affiliation: str | None
    roles: list[str]
    n: int


def name_id(typ: str, name: str) -> str:
    """The id derived from a display name alone (`ResolvedEntity.name_id`)."""
    return "ent-" + hashlib.sha1(f"{typ}|{_norm(name)}".encode()).hexdigest()[:12]


def grow(old: ResolvedEntity, variants: list[Variant], new: list[Row]) -> ResolvedEntity:
    """An entity `old`, whose stored rows read as `variants`, with the rows `new` of
    articles it has no row in yet, when they join it and nothing else changes: the entity
    `entities_of` gives for all its rows together (the counts add up; names, countries and
    titles are counted by how the rows read). Its links are the new rows'; the id is old's:
    the caller checks that `name_id` of the new name is still it."""
    names: Counter[str] = Counter()
    full: dict[str, bool] = {}
    countries: Counter[str] = Counter()
    spelling: dict[str, Counter[str]] = defaultdict(Counter)
    as_rows = [(Row("", "", v.name, old.type, v.affiliation, v.roles, 0, None), v.n)
               for v in variants] + [(r, 1) for r in new]
    for r, n in as_rows:
        if old.type == "PERSON":
            r.parse = r.parse or parse_person(r.name)
        name, spelled = _display(old.type, r)
        full[name] = full.get(name, False) or spelled
        names[name] += n
        if r.affiliation:
            countries[canonical_country(r.affiliation) or r.affiliation] += n
        for k, t in _titles(_row_titles(r)):
            spelling[k][t] += n
    best = _best(names, full)
    dates = [d for d in (old.first_date, old.last_date, *(r.date for r in new)) if d]
    grown = Cluster(old.type, new)
    return ResolvedEntity(
        old.id, best, old.type,
        min(countries, key=lambda k: (-countries[k], k)) if countries else None,
        old.n_articles + len(grown.articles()),
        old.n_mentions + sum(r.n_mentions for r in new),
        min(dates) if dates else None, max(dates) if dates else None,
        [LocalRef(r.article_id, r.local_id) for r in new],
        _grown_aliases(old.aliases, _aliases(grown)),
        _grown_roles(old.roles, _roles(grown), spelling), name_id(old.type, best))


def _grown_aliases(old: list[EntityAlias], new: list[EntityAlias]) -> list[EntityAlias]:
    counts = {a.alias: a.n_articles for a in old}
    for a in new:
        counts[a.alias] = counts.get(a.alias, 0) + a.n_articles
    return [EntityAlias(a, n) for a, n in sorted(counts.items())]


def _grown_roles(old: list[EntityRole], new: list[EntityRole],
                 spelling: dict[str, Counter[str]]) -> list[EntityRole]:
    """Roles of the old rows and the new (titles folded alike are one role), spelled as
    most written across both."""
    merged: dict[str, EntityRole] = {}
    for role in (*old, *new):
        k = fold(role.title)
        had = merged.get(k)
        if had is None:
            merged[k] = EntityRole(role.title, role.first_date, role.last_date,
                                   role.n_articles)
            continue
        dates = [d for d in (had.first_date, had.last_date, role.first_date,
                             role.last_date) if d]
        merged[k] = EntityRole(had.title, min(dates) if dates else None,
                               max(dates) if dates else None,
                               had.n_articles + role.n_articles)
    for k, role in merged.items():
        if spelling[k]:
            role.title = _spelling(spelling[k])
    return list(merged.values())
