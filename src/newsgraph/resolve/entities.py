"""Cross-article entity resolution.

People are merged in three passes, from the most to the least informative name form:
1. full names ("Subrahmanyam Jaishankar", "Joe Biden") merge when their surnames match and
   their first names are the same, a short form, or a spelling variant, and their countries
   do not conflict;
2. initials ("S. Jaishankar") join the one full-name cluster they fit;
3. bare surnames ("Jaishankar", "Foreign Minister Jaishankar") join the one cluster they fit.
A form that fits several clusters is settled by the article it occurs in (the cluster
already named in full there), then by title ("President Biden"), then by a clear majority;
otherwise it stays on its own rather than merge two people.

Other entities merge by normalised name; countries by their pycountry name, so "U.S." and
"United States" are one entity whatever type the tagger gave them.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from newsgraph.resolve.countries import canonical_country, compatible_affiliation
from newsgraph.resolve.names import (
    HONORIFICS,
    PersonName,
    block_key,
    compatible,
    fold,
    parse_person,
    same_surname,
)

# A bare name goes to the biggest candidate only when it is this many times the next one.
DOMINANCE = 3.0


@dataclass
class Row:
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
    full: list[PersonName] = field(default_factory=list)   # distinct full-name forms
    key: str = ""                                          # canonical key for the id

    def articles(self) -> set[str]:
        return {r.article_id for r in self.rows}

    def affiliation(self) -> str | None:
        c = Counter(canonical_country(r.affiliation) or r.affiliation
                    for r in self.rows if r.affiliation)
        return c.most_common(1)[0][0] if c else None

    def titles(self) -> set[str]:
        out = {fold(t) for r in self.rows for t in r.roles}
        out |= {fold(r.parse.title) for r in self.rows if r.parse and r.parse.title}
        return out

    def fits(self, name: PersonName, affiliation: str | None) -> bool:
        if not compatible_affiliation(affiliation, self.affiliation()):
            return False
        if name.tier == "bare":
            return any(same_surname(name.surname, f.surname) for f in self.full) or (
                # "Xi" for "Xi Jinping": family name first
                not any(name.surname == f.surname for f in self.full)
                and any(len(f.given) == 1 and f.given[0] == name.surname for f in self.full))
        return any(compatible(name, f) for f in self.full)


def _load(conn: sqlite3.Connection) -> list[Row]:
    rows = conn.execute(
        "SELECT e.article_id, e.local_id, e.name, e.type, e.affiliation, e.roles, e.n_mentions, "
        "a.published FROM article_entities e JOIN articles a ON a.id = e.article_id "
        "ORDER BY a.published, e.article_id, e.local_id").fetchall()
    return [Row(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), r[6], r[7]) for r in rows]


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


# ------------------------------------------------------------------ people


def _cluster_people(rows: list[Row]) -> list[Cluster]:
    groups: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        r.parse = parse_person(r.name)
        if r.parse.surname:
            groups[r.parse.key].append(r)
    # Pass 1: full names, union-find inside blocks of similar surnames.
    full_keys = sorted(k for k, g in groups.items() if g[0].parse and g[0].parse.tier == "full")
    parent = {k: k for k in full_keys}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    blocks: dict[str, list[str]] = defaultdict(list)
    for k in full_keys:
        p = groups[k][0].parse
        assert p is not None
        blocks[block_key(p.surname)].append(k)
    for keys in blocks.values():
        for i, a in enumerate(keys):
            pa, aff_a = groups[a][0].parse, _majority(groups[a])
            for b in keys[i + 1:]:
                pb = groups[b][0].parse
                assert pa is not None and pb is not None
                if compatible(pa, pb) and compatible_affiliation(aff_a, _majority(groups[b])):
                    ra, rb = find(a), find(b)
                    if ra != rb:
                        parent[max(ra, rb)] = min(ra, rb)
    by_root: dict[str, Cluster] = {}
    for k in full_keys:
        c = by_root.setdefault(find(k), Cluster("PERSON"))
        c.rows.extend(groups[k])
        p = groups[k][0].parse
        assert p is not None
        c.full.append(p)
    clusters = list(by_root.values())
    # Passes 2 and 3: initials, then bare surnames, row by row (the article decides).
    for tier in ("initial", "bare"):
        tier_keys = sorted(k for k, g in groups.items() if g[0].parse and g[0].parse.tier == tier)
        index = _surname_index(clusters)
        own: dict[str, Cluster] = {}
        in_article = _article_index(clusters)
        for k in tier_keys:
            for r in groups[k]:
                assert r.parse is not None
                target = _choose(r, index.get(block_key(r.parse.surname), []), in_article)
                if target is None:
                    target = own.setdefault(k, Cluster("PERSON"))
                    if tier == "initial" and not target.full:
                        target.full.append(r.parse)
                target.rows.append(r)
        if tier == "bare":
            for c in own.values():
                parse = c.rows[0].parse
                assert parse is not None
                c.full.append(parse)
        # Forms no cluster could take stand alone; bare surnames may still join them.
        clusters.extend(own.values())
    return clusters


def _majority(rows: list[Row]) -> str | None:
    c = Counter(canonical_country(r.affiliation) or r.affiliation for r in rows if r.affiliation)
    return c.most_common(1)[0][0] if c else None


def _surname_index(clusters: list[Cluster]) -> dict[str, list[Cluster]]:
    index: dict[str, list[Cluster]] = defaultdict(list)
    for c in clusters:
        keys = {block_key(f.surname) for f in c.full}
        # family name first ("Xi Jinping" is found from "Xi")
        keys |= {block_key(f.given[0]) for f in c.full if len(f.given) == 1}
        for key in keys:
            index[key].append(c)
    return index


def _article_index(clusters: list[Cluster]) -> dict[str, set[int]]:
    out: dict[str, set[int]] = defaultdict(set)
    for c in clusters:
        for r in c.rows:
            out[r.article_id].add(id(c))
    return out


def _choose(row: Row, pool: list[Cluster], in_article: dict[str, set[int]]) -> Cluster | None:
    assert row.parse is not None
    cands = [c for c in pool if c.fits(row.parse, row.affiliation)]
    if len(cands) <= 1:
        return cands[0] if cands else None
    here = [c for c in cands if id(c) in in_article.get(row.article_id, set())]
    if len(here) == 1:
        return here[0]
    titles = {fold(t) for t in row.roles}
    if row.parse.title:
        titles.add(fold(row.parse.title))
    if titles:
        titled = [c for c in cands if titles & c.titles()]
        if len(titled) == 1:
            return titled[0]
    sizes = sorted(((len(c.articles()), i) for i, c in enumerate(cands)), reverse=True)
    if sizes[0][0] >= DOMINANCE * sizes[1][0]:
        return cands[sizes[0][1]]
    return None


# ----------------------------------------------------------------- storing


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


def resolve_entities(conn: sqlite3.Connection) -> int:
    rows = _load(conn)
    people = [r for r in rows if r.type == "PERSON" and not canonical_country(r.name)]
    others: dict[tuple[str, str], Cluster] = {}
    for r in rows:
        if r.type == "PERSON" and not canonical_country(r.name):
            continue
        typ, key = _group_key(r)
        others.setdefault((typ, key), Cluster(typ)).rows.append(r)
    clusters = _cluster_people(people) + list(others.values())
    used: set[str] = set()
    for c in sorted(clusters, key=lambda c: (c.type, min((r.date or "", r.article_id, r.local_id)
                                                          for r in c.rows))):
        _store(conn, c, used)
    return len(used)


def _store(conn: sqlite3.Connection, c: Cluster, used: set[str]) -> None:
    name, key = _canonical(c)
    ident = "ent-" + hashlib.sha1(f"{c.type}|{key}".encode()).hexdigest()[:12]
    if ident in used:  # the same name for two clusters kept apart: tell them apart stably
        first = min((r.article_id, r.local_id) for r in c.rows)
        ident = "ent-" + hashlib.sha1(f"{c.type}|{key}|{first}".encode()).hexdigest()[:12]
    used.add(ident)
    dates = sorted(r.date for r in c.rows if r.date)
    conn.execute("INSERT INTO entities(id, name, type, affiliation, n_articles, n_mentions, "
                 "first_date, last_date) VALUES (?,?,?,?,?,?,?,?)",
                 (ident, name, c.type, c.affiliation(), len(c.articles()),
                  sum(r.n_mentions for r in c.rows), dates[0] if dates else None,
                  dates[-1] if dates else None))
    conn.executemany("INSERT INTO entity_links(article_id, local_id, entity_id) "
                     "VALUES (?,?,?)", [(r.article_id, r.local_id, ident) for r in c.rows])
    aliases: dict[str, set[str]] = defaultdict(set)
    for r in c.rows:
        aliases[r.name.strip()].add(r.article_id)
    conn.executemany("INSERT INTO entity_aliases(entity_id, alias, n_articles) VALUES (?,?,?)",
                     [(ident, a, len(s)) for a, s in sorted(aliases.items()) if a])
    _store_roles(conn, ident, c)


def _store_roles(conn: sqlite3.Connection, ident: str, c: Cluster) -> None:
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
    for k, seen in arts.items():
        dates = sorted(spans[k])
        conn.execute("INSERT INTO entity_roles(entity_id, title, first_date, last_date, "
                     "n_articles) VALUES (?,?,?,?,?)",
                     (ident, spelling[k].most_common(1)[0][0], dates[0] if dates else None,
                      dates[-1] if dates else None, len(seen)))
