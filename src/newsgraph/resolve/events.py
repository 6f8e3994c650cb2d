"""Event clustering: reports of the same event across articles become one event.

Two reports are of one event when they have the same PLOVER category, dates within a short
window, compatible places and modalities (an announced meeting and the meeting itself are one
event; a denied one is not), and shared actors that are rare enough to tell events apart
(two shared people, or actors whose IDF weights add up: Rajnath Singh alone, but not Blinken
alone, who is in a meeting every other day) or, when actors are missing, the same distinctive words
(`terms.py`: "2+2", "Ministerial"). Reports that each name a person the other does not
(Blinken with Ebrard, Blinken with Deuba) are never one event. Reports are visited in date
order and each joins the best matching open cluster, so the result is the same on every run.
Copies of one wire text count as reports but not as independent sources (`n_independent`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from newsgraph.resolve.countries import canonical_country
from newsgraph.resolve.names import fold
from newsgraph.resolve.terms import Idf, terms

# Days between two explicit event dates still taken as one event (multi-day meetings).
WINDOW_DATED = 2
# Days allowed when a date is only the publication date (reports trail the event).
WINDOW_UNDATED = 3
# Share of a report's distinctive words (IDF-weighted) another report must have as well.
TERM_OVERLAP = 0.5
# Shared actors are enough evidence when their IDF weights add up to that of an actor found
# in 0.5% of the reports: one rarely reported person, or several often reported ones.
ACTOR_EVIDENCE = math.log(200)
# Reports of a cluster a new report is compared with, word by word.
MAX_COMPARE = 12
MODALITY_GROUP = {"occurred": "real", "ongoing": "real", "planned": "real", "intended": "real",
                  "negated": "negated", "hypothetical": "hypothetical"}
FUTURE = {"planned", "intended"}
PAST = {"occurred"}
MODALITY_RANK = ["occurred", "ongoing", "planned", "intended", "hypothetical", "negated"]


@dataclass
class Actor:
    entity_id: str
    name: str
    role: str
    affiliation: str | None
    person: bool


@dataclass
class Report:
    pk: int
    article_id: str
    local_id: str
    category: str
    mode: str | None
    location: str | None
    country: str | None
    date: str | None
    modality: str
    sentence: str
    published: str | None
    actors: list[Actor] = field(default_factory=list)
    terms: frozenset[str] = frozenset()
    weight: float = 0.0          # total IDF weight of `terms`
    ids: frozenset[str] = frozenset()      # actor entity ids
    people: frozenset[str] = frozenset()   # the people among them
    day: dt.date | None = None   # the event date, else the publication date

    def __post_init__(self) -> None:
        self.day = _parse_day(self.date or self.published)


@dataclass
class Cluster:
    reports: list[Report] = field(default_factory=list)
    actors: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)
    anchor: dt.date | None = None
    anchor_dated: bool = False
    countries: set[str] = field(default_factory=set)
    lo: dt.date = dt.date.min   # the dates every report allows
    hi: dt.date = dt.date.max

    def add(self, r: Report) -> None:
        self.reports.append(r)
        lo, hi = _bounds(r)
        self.lo, self.hi = max(self.lo, lo), min(self.hi, hi)
        self.actors |= r.ids
        self.people |= r.people
        if r.country:
            self.countries.add(r.country)
        if r.date and not self.anchor_dated:
            self.anchor, self.anchor_dated = r.day, True
        elif self.anchor is None:
            self.anchor = r.day


def _load(conn: sqlite3.Connection) -> list[Report]:
    reports: dict[int, Report] = {}
    for r in conn.execute(
            "SELECT r.pk, r.article_id, r.local_id, r.category, r.mode, r.location, "
            "r.location_country, r.date, r.modality, r.sentence, a.published FROM event_reports r "
            "JOIN articles a ON a.id = r.article_id"):
        reports[r[0]] = Report(r[0], r[1], r[2], r[3].upper(), r[4], r[5],
                               canonical_country(r[6]) or r[6], r[7], r[8], r[9] or "", r[10],
                               terms=terms(f"{r[9] or ''} {r[5] or ''}"))
    links = {(a, lid): e for a, lid, e in conn.execute(
        "SELECT article_id, local_id, entity_id FROM entity_links")}
    ents = {i: (n, t, aff) for i, n, t, aff in conn.execute(
        "SELECT id, name, type, affiliation FROM entities")}
    by_alias: dict[str, set[str]] = defaultdict(set)
    for eid, alias in conn.execute("SELECT entity_id, alias FROM entity_aliases"):
        by_alias[fold(alias)].add(eid)
    local_names = {(a, fold(n)): lid for a, lid, n in conn.execute(
        "SELECT article_id, local_id, name FROM article_entities")}
    for pk, lid, name, role, aff in conn.execute(
            "SELECT report_pk, local_entity_id, name, role, affiliation FROM event_report_actors "
            "ORDER BY report_pk, ord"):
        rep = reports.get(pk)
        if rep is None:
            continue
        eid = links.get((rep.article_id, lid)) if lid else None
        if eid is None:
            local = local_names.get((rep.article_id, fold(name)))
            eid = links.get((rep.article_id, local)) if local else None
        if eid is None:
            found = by_alias.get(fold(name), set())
            eid = next(iter(found)) if len(found) == 1 else None
        info = ents.get(eid) if eid else None
        if eid is None:
            eid = "name:" + fold(name)
        etype = info[1] if info else None
        country = canonical_country(aff) or (info[2] if info else None)
        if country is None and etype == "GPE":
            country = canonical_country(info[0]) if info else None
        rep.actors.append(Actor(eid, info[0] if info else name, role, country,
                                etype == "PERSON"))
    return sorted(reports.values(), key=lambda r: (r.day or dt.date.min, r.published or "",
                                                    r.article_id, r.local_id))


def _bounds(r: Report) -> tuple[dt.date, dt.date]:
    """The dates the reported event can have: its own date when the article gives one; else
    a plan lies after the publication ("will meet with students", published the day after a
    meeting, is another meeting) and what happened lies before it."""
    if r.date and r.day is not None:
        return r.day, r.day
    published = _parse_day(r.published)
    if published is not None and r.modality in FUTURE:
        return published, dt.date.max
    if published is not None and r.modality in PAST:
        return dt.date.min, published
    return dt.date.min, dt.date.max


def _parse_day(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _fits(c: Cluster, r: Report, idf: Idf, actor_idf: Idf) -> float:
    """How well report `r` fits cluster `c`: 0 not at all, higher is better."""
    first = c.reports[0]
    if first.category != r.category:
        return 0.0
    if MODALITY_GROUP.get(first.modality, "real") != MODALITY_GROUP.get(r.modality, "real"):
        return 0.0
    if c.anchor is None or r.day is None:
        return 0.0
    window = WINDOW_DATED if (c.anchor_dated and r.date) else WINDOW_UNDATED
    if abs((r.day - c.anchor).days) > window:
        return 0.0
    lo, hi = _bounds(r)
    if max(lo, c.lo) > min(hi, c.hi):
        return 0.0  # no date fits both
    if r.country and c.countries and r.country not in c.countries:
        return 0.0
    if (r.people - c.people) and (c.people - r.people):
        # each names someone the other does not: Blinken with Ebrard, Blinken with Deuba
        return 0.0
    shared = r.ids & c.actors
    evidence = sum(actor_idf.weight(a) for a in shared)
    if evidence >= ACTOR_EVIDENCE or len(shared & c.people) >= 2:
        return 10.0 + evidence
    if r.people and c.people and not shared:
        return 0.0  # different people: another meeting, however alike the words
    if len(shared) == 1 and r.location and any(
            p.location and fuzz.ratio(fold(p.location), fold(r.location)) >= 80
            for p in c.reports):
        return 1.0
    sim = max((idf.overlap(r.terms, p.terms, r.weight, p.weight)
               for p in c.reports[:MAX_COMPARE]), default=0.0)
    return sim if sim >= TERM_OVERLAP else 0.0


def cluster_reports(reports: list[Report], idf: Idf | None = None) -> list[Cluster]:
    idf = idf or Idf.build(r.terms for r in reports)
    for r in reports:
        r.weight = idf.total(r.terms)
        r.ids = frozenset(a.entity_id for a in r.actors)
        r.people = frozenset(a.entity_id for a in r.actors if a.person)
    # An actor in every other report (the Secretary of State, the United States) tells little
    # about which event a report is of; a rarely reported one tells a lot.
    actor_idf = Idf.build(r.ids for r in reports)
    clusters: list[Cluster] = []
    open_: dict[str, list[Cluster]] = defaultdict(list)   # by category
    for r in reports:
        pool = open_[r.category]
        if r.day is not None:
            pool[:] = [c for c in pool if c.anchor is None
                       or (r.day - c.anchor).days <= WINDOW_UNDATED]
        best, best_score = None, 0.0
        for c in pool:
            s = _fits(c, r, idf, actor_idf)
            if s > best_score:
                best, best_score = c, s
        if best is None:
            best = Cluster()
            clusters.append(best)
            pool.append(best)
        best.add(r)
    return clusters


def resolve_events(conn: sqlite3.Connection) -> int:
    originals = dict(conn.execute("SELECT article_id, duplicate_of FROM duplicates"))
    clusters = cluster_reports(_load(conn))
    for c in clusters:
        _store(conn, c, originals)
    return len(clusters)


def _most(values: list[str | None]) -> str | None:
    c = Counter(v for v in values if v)
    return min(c, key=lambda v: (-c[v], v)) if c else None


def _store(conn: sqlite3.Connection, c: Cluster, originals: dict[str, str]) -> None:
    first = c.reports[0]
    # Named after its first report, not a rowid: the same on every rebuild.
    key = f"{first.article_id}|{first.local_id}"
    ident = "ev-" + hashlib.sha1(key.encode()).hexdigest()[:12]
    days = sorted(r.day.isoformat() for r in c.reports if r.day)
    date = _most([r.date for r in c.reports]) or (days[0] if days else None)
    articles = {r.article_id for r in c.reports}
    independent = {originals.get(a, a) for a in articles}
    modality = min((r.modality for r in c.reports),
                   key=lambda m: MODALITY_RANK.index(m) if m in MODALITY_RANK else 99)
    # the report naming most actors, in the fewest words, describes the event best
    best = max(c.reports, key=lambda r: (len(r.actors), bool(r.sentence), -len(r.sentence)))
    conn.execute(
        "INSERT INTO events(id, category, mode, date, first_date, last_date, location, "
        "location_country, modality, n_reports, n_articles, n_independent, sentence) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (ident, first.category, _most([r.mode for r in c.reports]), date,
         days[0] if days else None, days[-1] if days else None,
         _most([r.location for r in c.reports]), _most([r.country for r in c.reports]),
         modality, len(c.reports), len(articles), len(independent), best.sentence))
    conn.executemany("INSERT INTO event_links(report_pk, event_id) VALUES (?,?)",
                     [(r.pk, ident) for r in c.reports])
    actors: dict[tuple[str, str], list[Actor]] = defaultdict(list)
    for r in c.reports:
        for a in r.actors:
            actors[(a.entity_id, a.role)].append(a)
    conn.executemany(
        "INSERT INTO event_actors(event_id, entity_id, name, role, affiliation, n_reports) "
        "VALUES (?,?,?,?,?,?)",
        [(ident, eid, group[0].name, role, _most([a.affiliation for a in group]), len(group))
         for (eid, role), group in sorted(actors.items())])
