"""People clustered by name forms: what the clustering reads of a per-article PERSON entity.

A `Form` is a name (given names and surname, folded), the country the article gives it, its
titles and, for initials and bare names, the names the same article spells out in its
blocks (its surname's, or, for a lone word, the full names with that first name). Every row
of one form ends in the same cluster, and the clusters depend only on the forms and how many
rows each has, so clustering costs in distinct forms, not in rows; incremental resolution
keeps the forms with their counts (`store.person_forms`) and re-clusters those a new
article's forms reach.

The passes (`cluster_forms`), from the most to the least informative form:
1. full names merge when `names.compatible` says so and the countries (the majority of each
   name's rows) do not conflict; where the family name comes first, "Yoon Suk" also joins
   "Yoon Suk Yeol" when it begins exactly one other name;
2. initials ("S. Jaishankar") join the one full-name cluster they fit; the rest stay as
   their own clusters, one per name;
3. bare names: a surname ("Jaishankar") joins the one cluster of the clusters so far with
   that surname; else a lone first name ("Karine") joins the person the article names in
   full, or, where the family name comes first ("Xi"), the one person it can be.
Several candidates are settled by country, then by the article (the one it names), then by
title ("President Biden"), then by a clear majority (three times the rows of the next),
each read from the clusters as the passes before left them; otherwise the form stays on its
own.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from newsgraph.resolve.countries import canonical_country, compatible_affiliation
from newsgraph.resolve.names import PersonName, block_key, compatible, same_surname, starts_with

# A bare name goes to the biggest candidate only when it is this many times the next one.
DOMINANCE = 3.0
# Where the family name is written first, so a lone first word is the family name.
FAMILY_FIRST = frozenset(c for c in map(canonical_country, (
    "China", "Japan", "South Korea", "North Korea", "Taiwan", "Vietnam", "Hungary",
    "Mongolia", "Cambodia")) if c)


class Form(NamedTuple):
    given: tuple[str, ...]
    surname: str
    country: str                 # canonical, "" when unknown
    titles: tuple[str, ...]      # folded, sorted
    here: tuple[str, ...]        # keys of the names its article spells out in its blocks

    @property
    def key(self) -> str:
        return " ".join([*self.given, self.surname])

    @property
    def tier(self) -> str:
        if not self.given:
            return "bare"
        return "initial" if len(self.given[0]) == 1 else "full"

    def name(self) -> PersonName:
        return PersonName(self.key, list(self.given), self.surname, None, self.key)


def country_of(affiliation: str | None) -> str:
    return (canonical_country(affiliation) or affiliation or "") if affiliation else ""


def forms_of(items: Iterable[tuple[str, PersonName, str | None, frozenset[str]]]
             ) -> list[Form]:
    """The form of each (article id, parsed name, affiliation, folded titles), in order;
    names without a surname are left out by the caller."""
    items = list(items)
    spelled: dict[str, dict[str, PersonName]] = defaultdict(dict)
    for article, p, _, _ in items:
        if p.given:   # initials and full names
            spelled[article][p.key] = p
    bare: dict[str, set[str]] = defaultdict(set)
    for article, p, _, _ in items:
        if not p.given:
            bare[article].add(p.surname)
    out = []
    for article, p, aff, titles in items:
        here: tuple[str, ...] = ()
        if p.tier != "full":
            b = block_key(p.surname)
            here = tuple(sorted({k for k, q in spelled[article].items() if (
                block_key(q.surname) == b or (not p.given and q.given[0] == p.surname))
                and (q.tier == "full" or not p.given)}))
        if not p.given:   # a lone first name may go with a surname its article names
            here += tuple(sorted("=" + w for w in bare[article] if w != p.surname))
        out.append(Form(tuple(p.given), p.surname, country_of(aff), tuple(sorted(titles)),
                        here))
    return out


@dataclass
class FormCluster:
    names: list[PersonName] = field(default_factory=list)   # the forms it is compared by
    keys: set[str] = field(default_factory=set)
    forms: list[Form] = field(default_factory=list)
    countries: Counter[str] = field(default_factory=Counter)
    titles: set[str] = field(default_factory=set)
    size: int = 0

    def add_stats(self, form: Form, n: int) -> None:
        if form.country:
            self.countries[form.country] += n
        self.titles.update(form.titles)
        self.size += n

    def country(self) -> str | None:
        c = self.countries
        return min(c, key=lambda k: (-c[k], k)) if c else None

    def named_in(self, here: tuple[str, ...]) -> bool:
        """Whether `here` (a form's) names this cluster: in full, or by surname ("=...")."""
        return bool(self.keys.intersection(here)) or any(
            same_surname(h[1:], g.surname) for h in here if h[0] == "=" for g in self.names)

    def by_first_name(self, name: PersonName, here: bool) -> bool:
        if not any(f.given and f.given[0] == name.surname for f in self.names):
            return False
        return here or self.country() in FAMILY_FIRST


def cluster_forms(counts: dict[Form, int]) -> list[FormCluster]:
    """The clusters of `counts` (form -> rows), each with its forms."""
    clusters = _full_names({f: n for f, n in counts.items() if f.tier == "full"})
    full_index = _index(clusters)
    own: dict[str, FormCluster] = {}
    for f in sorted(f for f in counts if f.tier == "initial"):
        p = f.name()
        cands = [c for c in full_index.get(block_key(p.surname), []) if
                 any(compatible(p, g) for g in c.names)]
        target = _choose(f, cands)
        if target is None:
            target = own.setdefault(f.key, FormCluster([p], {f.key}))
            target.add_stats(f, counts[f])
        target.forms.append(f)
    clusters += own.values()
    index = _index(clusters)
    own = {}
    for f in sorted(f for f in counts if f.tier == "bare"):
        p = f.name()
        cands = [c for c in index.get(block_key(p.surname), [])
                 if any(same_surname(p.surname, g.surname) for g in c.names)]
        target = _choose(f, cands) or _choose(f, [
            c for c in index.get("first:" + p.surname, [])
            if c.by_first_name(p, c.named_in(f.here))])
        if target is None:
            target = own.setdefault(f.key, FormCluster([p], {f.key}))
        target.forms.append(f)
    return clusters + list(own.values())


def _full_names(counts: dict[Form, int]) -> list[FormCluster]:
    by_key: dict[str, list[Form]] = defaultdict(list)
    for f in counts:
        by_key[f.key].append(f)
    names = {k: fs[0].name() for k, fs in by_key.items()}
    country: dict[str, str | None] = {}
    for k, fs in by_key.items():
        seen: Counter[str] = Counter()
        for f in fs:
            if f.country:
                seen[f.country] += counts[f]
        country[k] = min(seen, key=lambda x: (-seen[x], x)) if seen else None
    roots = _merge(names, country)
    clusters: dict[str, FormCluster] = {}
    for k in sorted(by_key):
        c = clusters.setdefault(roots[k], FormCluster())
        c.names.append(names[k])
        c.keys.add(k)
        for f in by_key[k]:
            c.forms.append(f)
            c.add_stats(f, counts[f])
    return _join_family_first(list(clusters.values()))


def _merge(names: dict[str, PersonName], country: dict[str, str | None]) -> dict[str, str]:
    """Full-name key -> the smallest key of the names it merges with (union-find over the
    names that share a surname block, a first word or their words)."""
    parent = {k: k for k in names}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    blocks: dict[str, list[str]] = defaultdict(list)
    for k, p in sorted(names.items()):
        blocks[block_key(p.surname)].append(k)
        blocks["first:" + p.given[0]].append(k)
        blocks["words:" + " ".join(sorted([*p.given, *p.surname.split()]))].append(k)
    for keys in blocks.values():
        keys = sorted(set(keys))
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                if compatible_affiliation(country[a], country[b]) and \
                        compatible(names[a], names[b]):
                    ra, rb = find(a), find(b)
                    if ra != rb:
                        parent[max(ra, rb)] = min(ra, rb)
    return {k: find(k) for k in names}


def _join_family_first(clusters: list[FormCluster]) -> list[FormCluster]:
    """"Yoon Suk" joins "Yoon Suk Yeol" where the family name comes first, when it begins
    exactly one other name ("Kim Jong" begins both Kim Jong Un and Kim Jong Nam: it stays)."""
    gone: set[int] = set()
    first_words: dict[str, list[FormCluster]] = defaultdict(list)
    for c in clusters:
        for f in c.names:
            first_words[f.given[0]].append(c)
    for c in clusters:
        if c.country() not in FAMILY_FIRST and c.country() is not None:
            continue
        pool = {id(o): o for g in c.names for o in first_words[g.given[0]]}
        longer = [o for o in pool.values() if o is not c and id(o) not in gone
                  and o.country() in FAMILY_FIRST
                  and any(starts_with(f, g) for f in o.names for g in c.names)]
        if len(longer) == 1 and compatible_affiliation(c.country(), longer[0].country()):
            o = longer[0]
            o.names += c.names
            o.keys |= c.keys
            o.forms += c.forms
            o.countries.update(c.countries)
            o.titles |= c.titles
            o.size += c.size
            gone.add(id(c))
    return [c for c in clusters if id(c) not in gone]


def _index(clusters: list[FormCluster]) -> dict[str, list[FormCluster]]:
    index: dict[str, list[FormCluster]] = defaultdict(list)
    for c in clusters:
        keys = {block_key(f.surname) for f in c.names}
        keys |= {"first:" + f.given[0] for f in c.names if f.given}
        for key in sorted(keys):
            index[key].append(c)
    return index


def _choose(form: Form, cands: list[FormCluster]) -> FormCluster | None:
    if len(cands) > 1 and form.country:
        # the same known country narrows the choice (an unknown one is no evidence)
        same = [c for c in cands if c.country() and
                compatible_affiliation(form.country, c.country())]
        cands = same or cands
    if len(cands) <= 1:
        return cands[0] if cands else None
    named_here = [c for c in cands if c.keys.intersection(form.here)]
    if len(named_here) == 1:
        return named_here[0]
    if form.titles:
        titled = [c for c in cands if c.titles.intersection(form.titles)]
        if len(titled) == 1:
            return titled[0]
    sizes = sorted(((c.size, i) for i, c in enumerate(cands)), reverse=True)
    if sizes[0][0] >= DOMINANCE * sizes[1][0]:
        return cands[sizes[0][1]]
    return None
