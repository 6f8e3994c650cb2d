"""Event clustering: reports of the same event across articles become one event.

Two reports are of one event when they have the same PLOVER category, dates within a short
window, compatible places and modalities (an announced meeting and the meeting itself are one
event; a denied one is not), and shared actors that are rare enough to tell events apart
(two shared people, or actors whose IDF weights add up: Rajnath Singh alone, but not Blinken
alone, who is in a meeting every other day) or, when actors are missing, the same distinctive
words (`terms.py`: "2+2", "Ministerial"). The weights of words and actors come from a fixed
reference table (`data/event_idf.tsv`), so they do not change as the store grows. Reports that
each name a person the other does not (Blinken with Ebrard, Blinken with Deuba) are never one
event. Reports are visited in date order and each joins the best matching open cluster, so the
result is the same on every run.
Copies of one wire text count as reports but not as independent sources (`n_independent`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz

from newsgraph import lexicon
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
    actor_weights: dict[str, float] = field(default_factory=dict)   # by entity id
    people: frozenset[str] = frozenset()   # the people among them
    day: dt.date | None = None   # the event date, else the publication date
    bounds: tuple[dt.date, dt.date] = (dt.date.min, dt.date.max)   # see `_bounds`
    group: str = "real"          # the kind of modality (MODALITY_GROUP)

    def __post_init__(self) -> None:
        self.day = _parse_day(self.date or self.published)
        self.bounds = _bounds(self)
        self.group = MODALITY_GROUP.get(self.modality, "real")


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
        lo, hi = r.bounds
        self.lo, self.hi = max(self.lo, lo), min(self.hi, hi)
        self.actors |= r.ids
        self.people |= r.people
        if r.country:
            self.countries.add(r.country)
        if r.date and not self.anchor_dated:
            self.anchor, self.anchor_dated = r.day, True
        elif self.anchor is None:
            self.anchor = r.day


@dataclass
class ReportRow:
    """One stored event report, with its article's publication date."""

    pk: int
    article_id: str
    local_id: str
    category: str
    mode: str | None
    location: str | None
    location_country: str | None
    date: str | None
    modality: str
    sentence: str | None
    published: str | None


@dataclass
class ActorRow:
    """One actor of one report, as the article named it."""

    report_pk: int
    local_entity_id: str | None
    name: str
    role: str
    affiliation: str | None


@dataclass
class EntityInfo:
    name: str
    type: str
    affiliation: str | None


@dataclass
class EventInputs:
    """What event resolution reads: the reports and their actors, and the corpus entities
    (resolved before) that tell which entity an actor is."""

    reports: list[ReportRow] = field(default_factory=list)
    actors: list[ActorRow] = field(default_factory=list)   # by report, in the article's order
    links: dict[tuple[str, str], str] = field(default_factory=dict)  # (article, local) -> id
    entities: dict[str, EntityInfo] = field(default_factory=dict)
    aliases: list[tuple[str, str]] = field(default_factory=list)      # (entity id, alias)
    local_names: list[tuple[str, str, str]] = field(default_factory=list)  # article, local, name


class _ActorIndex:
    """Which corpus entity an actor is: by its local entity, by the article's entity of that
    name, else by an alias only one entity has."""

    def __init__(self, inputs: EventInputs) -> None:
        self.links = inputs.links
        self.entities = inputs.entities
        self.by_alias: dict[str, set[str]] = defaultdict(set)
        for eid, alias in inputs.aliases:
            self.by_alias[fold(alias)].add(eid)
        self.local_names = {(a, fold(n)): lid for a, lid, n in inputs.local_names}

    def entity_id(self, article_id: str, a: ActorRow) -> str | None:
        eid = self.links.get((article_id, a.local_entity_id)) if a.local_entity_id else None
        if eid is None:
            local = self.local_names.get((article_id, fold(a.name)))
            eid = self.links.get((article_id, local)) if local else None
        if eid is None:
            found = self.by_alias.get(fold(a.name), set())
            eid = next(iter(found)) if len(found) == 1 else None
        return eid

    def actor(self, article_id: str, a: ActorRow) -> Actor:
        eid = self.entity_id(article_id, a)
        info = self.entities.get(eid) if eid else None
        if eid is None:
            eid = "name:" + fold(a.name)
        etype = info.type if info else None
        country = canonical_country(a.affiliation) or (info.affiliation if info else None)
        if country is None and etype == "GPE":
            country = canonical_country(info.name) if info else None
        return Actor(eid, info.name if info else a.name, a.role, country, etype == "PERSON")


def build_reports(inputs: EventInputs) -> list[Report]:
    """The reports with their actors resolved to corpus entities, in the order clustering
    visits them (by date, then article and local id)."""
    reports: dict[int, Report] = {}
    for r in inputs.reports:
        sentence = r.sentence or ""
        reports[r.pk] = Report(r.pk, r.article_id, r.local_id, r.category.upper(), r.mode,
                               r.location, canonical_country(r.location_country)
                               or r.location_country, r.date, r.modality, sentence,
                               r.published, terms=terms(f"{sentence} {r.location or ''}"))
    index = _ActorIndex(inputs)
    for a in inputs.actors:
        rep = reports.get(a.report_pk)
        if rep is not None:
            rep.actors.append(index.actor(rep.article_id, a))
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


def _compatible(c: Cluster, r: Report) -> bool:
    """Report `r` can be of the event of cluster `c` at all: same category, kind of
    modality, a date that fits, no other country, no person only one of them names."""
    first = c.reports[0]
    if first.category != r.category or first.group != r.group:
        return False
    if c.anchor is None or r.day is None:
        return False
    window = WINDOW_DATED if (c.anchor_dated and r.date) else WINDOW_UNDATED
    if abs((r.day - c.anchor).days) > window:
        return False
    lo, hi = r.bounds
    if max(lo, c.lo) > min(hi, c.hi):
        return False  # no date fits both
    if r.country and c.countries and r.country not in c.countries:
        return False
    # each names someone the other does not: Blinken with Ebrard, Blinken with Deuba
    return not ((r.people - c.people) and (c.people - r.people))


def _fits(c: Cluster, r: Report, idf: Idf) -> float:
    """How well report `r` fits cluster `c`: 0 not at all, higher is better."""
    if not _compatible(c, r):
        return 0.0
    shared = r.ids & c.actors
    evidence = math.fsum(r.actor_weights[a] for a in shared)  # order-free, as Idf.total
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


@cache
def reference_idf() -> tuple[Idf, Idf]:
    """The weights of words and of actors (by folded name) from `data/event_idf.tsv`."""
    table = lexicon.event_idf()
    return Idf.from_counts(table.n_docs, table.words), Idf.from_counts(table.n_docs, table.actors)


def prepare(reports: Iterable[Report], idf: Idf | None = None) -> None:
    """Give each report its word weight, actor ids and actor weights."""
    words, actor_idf = reference_idf()
    idf = idf or words
    for r in reports:
        r.weight = idf.total(r.terms)
        r.ids = frozenset(a.entity_id for a in r.actors)
        r.people = frozenset(a.entity_id for a in r.actors if a.person)
        # An actor in every other report (the Secretary of State, the United States) tells
        # little about which event a report is of; a rarely reported one tells a lot.
        r.actor_weights = {a.entity_id: actor_idf.weight(fold(a.name)) for a in r.actors}


def cluster_reports(reports: list[Report], idf: Idf | None = None,
                    start: list[Cluster] | None = None) -> list[Cluster]:
    """Visit `reports` in order, each joining the best fitting open cluster of its category
    or starting one. `start`: the clusters that the reports visited before these formed, in
    the order they were started (their reports prepared); the result continues them."""
    idf = idf or reference_idf()[0]
    prepare(reports, idf)
    clusters: list[Cluster] = list(start or [])
    open_: dict[str, list[Cluster]] = defaultdict(list)   # by category
    for c in clusters:
        if c.reports[0].day is not None:
            open_[c.reports[0].category].append(c)
    for r in reports:
        pool = open_[r.category]
        if r.day is not None:
            pool[:] = [c for c in pool if c.anchor is None
                       or (r.day - c.anchor).days <= WINDOW_UNDATED]
        best, best_score = None, 0.0
        for c in pool:
            s = _fits(c, r, idf)
            if s > best_score:
                best, best_score = c, s
        if best is None:
            best = Cluster()
            clusters.append(best)
            if r.day is not None:  # an undated report's cluster can never be joined
                pool.append(best)
        best.add(r)
    return clusters


def recluster(reports: list[Report], event_of: dict[int, str], since: dict[str, dt.date]
              ) -> list[Cluster]:
    """Cluster again the reports of each category dated on or after `since[category]`,
    continuing the stored clusters (`event_of`: report -> event) of its reports dated before.
    `reports`: in visit order (`build_reports`), every report of those clusters and every
    report of the category dated `since` or later. The clusters of a full rebuild."""
    prepare(reports)
    start: dict[str, Cluster] = {}   # in the order they were started
    tail: list[Report] = []
    for r in reports:
        day = since.get(r.category)
        if day is not None and r.day is not None and r.day < day:
            start.setdefault(event_of[r.pk], Cluster()).add(r)
        else:
            tail.append(r)
    return cluster_reports(tail, start=list(start.values()))


@dataclass
class EventActorResult:
    entity_id: str
    name: str
    role: str
    affiliation: str | None
    n_reports: int


@dataclass
class ResolvedEvent:
    id: str
    category: str
    mode: str | None
    date: str | None
    first_date: str | None
    last_date: str | None
    location: str | None
    location_country: str | None
    modality: str
    n_reports: int
    n_articles: int
    n_independent: int
    sentence: str
    report_pks: list[int] = field(default_factory=list)
    actors: list[EventActorResult] = field(default_factory=list)


def resolve_events(inputs: EventInputs, originals: dict[str, str]) -> list[ResolvedEvent]:
    """One event per cluster of reports; `originals` maps a wire copy to its original."""
    return [_event(c, originals) for c in cluster_reports(build_reports(inputs))]


def _most(values: list[str | None]) -> str | None:
    c = Counter(v for v in values if v)
    return min(c, key=lambda v: (-c[v], v)) if c else None


def _event(c: Cluster, originals: dict[str, str]) -> ResolvedEvent:
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
    return ResolvedEvent(
        ident, first.category, _most([r.mode for r in c.reports]), date,
        days[0] if days else None, days[-1] if days else None,
        _most([r.location for r in c.reports]), _most([r.country for r in c.reports]),
        modality, len(c.reports), len(articles), len(independent), best.sentence,
        [r.pk for r in c.reports], _event_actors(c))


def _event_actors(c: Cluster) -> list[EventActorResult]:
    actors: dict[tuple[str, str], list[Actor]] = defaultdict(list)
    for r in c.reports:
        for a in r.actors:
            actors[(a.entity_id, a.role)].append(a)
    return [EventActorResult(eid, group[0].name, role, _most([a.affiliation for a in group]),
                             len(group))
            for (eid, role), group in sorted(actors.items())]
