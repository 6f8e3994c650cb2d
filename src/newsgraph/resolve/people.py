"""People across articles: clusters of per-article PERSON entities.

Three passes, from the most to the least informative name form:
1. full names ("Subrahmanyam Jaishankar", "Joe Biden") merge when `names.compatible` says so
   and their countries do not conflict (where family names come first, "Yoon Suk" also joins
   "Yoon Suk Yeol");
2. initials ("S. Jaishankar") join the one cluster they fit;
3. bare names: surnames ("Jaishankar", "Foreign Minister Jaishankar") first; then a lone
   first name ("Karine") joins the person named in full in the same article, or, where the
   family name comes first ("Xi", "Kishida"), the one person it can be.
A form that fits several clusters is settled by country, then by the article (the cluster
it names in full), then by title ("President Biden"), then by a clear majority; otherwise it
stays on its own rather than merge two people. Countries decide only between candidates for
initials and bare names: taggers often give a bare "Putin" the country of the article.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from newsgraph.resolve.countries import canonical_country, compatible_affiliation
from newsgraph.resolve.names import (
    PersonName,
    block_key,
    compatible,
    fold,
    parse_person,
    same_surname,
    starts_with,
    words,
)

# A bare name goes to the biggest candidate only when it is this many times the next one.
DOMINANCE = 3.0
# Where the family name is written first, so a lone first word is the family name.
FAMILY_FIRST = frozenset(c for c in map(canonical_country, (
    "China", "Japan", "South Korea", "North Korea", "Taiwan", "Vietnam", "Hungary",
    "Mongolia", "Cambodia")) if c)


@dataclass
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
    full: list[PersonName] = field(default_factory=list)   # name forms it is compared by
    _aff: tuple[int, str | None] = (-1, None)
    _titles: tuple[int, frozenset[str]] = (-1, frozenset())

    def articles(self) -> set[str]:
        return {r.article_id for r in self.rows}

    def affiliation(self) -> str | None:
        if self._aff[0] != len(self.rows):  # recomputed only when rows were added
            self._aff = (len(self.rows), majority(self.rows))
        return self._aff[1]

    def titles(self) -> frozenset[str]:
        if self._titles[0] != len(self.rows):  # rows are only ever added
            out = {fold(t) for r in self.rows for t in r.roles}
            out |= {fold(r.parse.title) for r in self.rows if r.parse and r.parse.title}
            self._titles = (len(self.rows), frozenset(out))
        return self._titles[1]

    def by_surname(self, name: PersonName) -> bool:
        return any(same_surname(name.surname, f.surname) for f in self.full)

    def by_first_name(self, name: PersonName, here: bool) -> bool:
        """A lone first word naming this person: "Karine" where the article names Karine
        Jean-Pierre in full; "Xi" for Xi Jinping, whose family name comes first."""
        if not any(f.given and f.given[0] == name.surname for f in self.full):
            return False
        return here or self.affiliation() in FAMILY_FIRST

    def fits(self, name: PersonName) -> bool:
        return any(compatible(name, f) for f in self.full)


def majority(rows: list[Row]) -> str | None:
    c = Counter(canonical_country(r.affiliation) or r.affiliation for r in rows if r.affiliation)
    return min(c, key=lambda k: (-c[k], k)) if c else None


def cluster_people(rows: list[Row]) -> list[Cluster]:
    groups: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        r.parse = parse_person(r.name)
        if r.parse.surname:
            groups[r.parse.key].append(r)
    clusters = _full_names(groups)
    # Pass 2: initials.
    clusters += _attach(groups, "initial", clusters, "surname")
    # Pass 3: bare surnames, then lone first names (which may follow the surnames just
    # attached: "Karine" next to "Jean-Pierre").
    leftover = _attach(groups, "bare", clusters, "surname", keep_unmatched=False)
    assert not leftover
    clusters += _attach(groups, "bare", clusters, "first")
    return clusters


def _parse(r: Row) -> PersonName:
    assert r.parse is not None
    return r.parse


def _blocks(groups: dict[str, list[Row]], full_keys: list[str]) -> dict[str, list[str]]:
    """Full-name keys that may name one person, by what they share: the surname, the first
    word, the same words in another order."""
    blocks: dict[str, list[str]] = defaultdict(list)
    for k in full_keys:
        p = _parse(groups[k][0])
        blocks[block_key(p.surname)].append(k)
        if p.given:  # family name first: "Yoon Suk" and "Yoon Suk Yeol" share "Yoon"
            blocks["first:" + p.given[0]].append(k)
        # the same words in another order: "Kishida Fumio" / "Fumio Kishida"
        blocks["words:" + " ".join(sorted(words(p)))].append(k)
    return blocks


def _merge_blocks(groups: dict[str, list[Row]], full_keys: list[str]) -> dict[str, str]:
    """Full-name key -> the smallest key of the names it merges with (union-find)."""
    parent = {k: k for k in full_keys}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    aff = {k: majority(groups[k]) for k in full_keys}
    for keys in _blocks(groups, full_keys).values():
        keys = sorted(set(keys))
        for i, a in enumerate(keys):
            pa, aff_a = _parse(groups[a][0]), aff[a]
            for b in keys[i + 1:]:
                pb, aff_b = _parse(groups[b][0]), aff[b]
                if compatible_affiliation(aff_a, aff_b) and compatible(pa, pb):
                    ra, rb = find(a), find(b)
                    if ra != rb:
                        parent[max(ra, rb)] = min(ra, rb)
    return {k: find(k) for k in full_keys}


def _full_names(groups: dict[str, list[Row]]) -> list[Cluster]:
    full_keys = sorted(k for k, g in groups.items() if _parse(g[0]).tier == "full")
    roots = _merge_blocks(groups, full_keys)
    by_root: dict[str, Cluster] = {}
    for k in full_keys:
        c = by_root.setdefault(roots[k], Cluster("PERSON"))
        c.rows.extend(groups[k])
        c.full.append(_parse(groups[k][0]))
    return _join_family_first(list(by_root.values()))


def _join_family_first(clusters: list[Cluster]) -> list[Cluster]:
    """"Yoon Suk" joins "Yoon Suk Yeol" where the family name comes first, when it begins
    exactly one other name ("Kim Jong" begins both Kim Jong Un and Kim Jong Nam: it stays)."""
    gone: set[int] = set()
    first_words: dict[str, list[Cluster]] = defaultdict(list)
    for c in clusters:
        for f in c.full:
            if f.given:
                first_words[f.given[0]].append(c)
    for c in clusters:
        if c.affiliation() not in FAMILY_FIRST and c.affiliation() is not None:
            continue
        pool = {id(o): o for g in c.full if g.given for o in first_words[g.given[0]]}
        longer = [o for o in pool.values() if o is not c and id(o) not in gone
                  and o.affiliation() in FAMILY_FIRST
                  and any(starts_with(f, g) for f in o.full for g in c.full)]
        if len(longer) == 1 and compatible_affiliation(c.affiliation(), longer[0].affiliation()):
            longer[0].rows.extend(c.rows)
            longer[0].full.extend(c.full)
            gone.add(id(c))
    return [c for c in clusters if id(c) not in gone]


def _attach(groups: dict[str, list[Row]], tier: str, clusters: list[Cluster],
            how: str, keep_unmatched: bool = True) -> list[Cluster]:
    """Give each row of `tier` to the one cluster it fits; return new clusters for the rest
    (or, with keep_unmatched=False, leave the rest in `groups` for a later pass)."""
    index = _index(clusters)
    in_article = _article_index(clusters)
    own: dict[str, Cluster] = {}
    for k in sorted(k for k, g in groups.items() if g and _parse(g[0]).tier == tier):
        rest = []
        for r in groups[k]:
            p = _parse(r)
            here = in_article.get(r.article_id, set())
            pool = index.get(block_key(p.surname), [])
            if tier == "initial":
                cands = [c for c in pool if c.fits(p)]
            elif how == "surname":
                cands = [c for c in pool if c.by_surname(p)]
            else:
                cands = [c for c in index.get("first:" + p.surname, [])
                         if c.by_first_name(p, id(c) in here)]
            target = _choose(r, cands, here)
            if target is not None:
                target.rows.append(r)
            elif keep_unmatched:
                target = own.setdefault(k, Cluster("PERSON", full=[p]))
                target.rows.append(r)
            else:
                rest.append(r)
        if not keep_unmatched:
            groups[k] = rest
    return list(own.values())


def _index(clusters: list[Cluster]) -> dict[str, list[Cluster]]:
    index: dict[str, list[Cluster]] = defaultdict(list)
    for c in clusters:
        keys = {block_key(f.surname) for f in c.full}
        keys |= {"first:" + f.given[0] for f in c.full if f.given}
        for key in keys:
            index[key].append(c)
    return index


def _article_index(clusters: list[Cluster]) -> dict[str, set[int]]:
    out: dict[str, set[int]] = defaultdict(set)
    for c in clusters:
        for r in c.rows:
            out[r.article_id].add(id(c))
    return out


def _choose(row: Row, cands: list[Cluster], here: set[int]) -> Cluster | None:
    if len(cands) > 1 and row.affiliation:
        # the same known country narrows the choice (an unknown one is no evidence)
        same = [c for c in cands if c.affiliation() and
                compatible_affiliation(row.affiliation, c.affiliation())]
        cands = same or cands
    if len(cands) <= 1:
        return cands[0] if cands else None
    named_here = [c for c in cands if id(c) in here]
    if len(named_here) == 1:
        return named_here[0]
    titles = {fold(t) for t in row.roles}
    if row.parse is not None and row.parse.title:
        titles.add(fold(row.parse.title))
    if titles:
        titled = [c for c in cands if titles & c.titles()]
        if len(titled) == 1:
            return titled[0]
    sizes = sorted(((len(c.articles()), i) for i, c in enumerate(cands)), reverse=True)
    if sizes[0][0] >= DOMINANCE * sizes[1][0]:
        return cands[sizes[0][1]]
    return None
