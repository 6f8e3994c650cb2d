"""What the store's read API returns: plain dataclasses with `to_dict()` for JSON."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from newsgraph.record import Article


class Row:
    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)  # type: ignore[call-overload, no-any-return]


@dataclass
class ArticleHit(Row):
    id: str
    title: str | None
    published: str | None
    url: str | None
    snippet: str = ""
    language: str | None = None  # ISO 639-1, None when unknown or stored before it was kept


@dataclass
class LanguageCount(Row):
    language: str      # ISO 639-1
    n_articles: int


@dataclass
class EntitySummary(Row):
    id: str
    name: str
    type: str
    affiliation: str | None
    n_articles: int
    n_mentions: int
    first_date: str | None
    last_date: str | None


@dataclass
class RoleSpan(Row):
    title: str
    first_date: str | None
    last_date: str | None
    n_articles: int


@dataclass
class AffiliationEvidence(Row):
    """How the articles tie an entity to a country: one row per country and rule
    (`Entity.affiliation_source`), with the organisations and parties they name."""

    affiliation: str
    source: str | None
    n_articles: int


@dataclass
class EntityDetail(Row):
    entity: EntitySummary
    aliases: list[str] = field(default_factory=list)
    roles: list[RoleSpan] = field(default_factory=list)
    articles: list[ArticleHit] = field(default_factory=list)
    affiliations: list[AffiliationEvidence] = field(default_factory=list)
    # Organisations and parties the articles give the person, most articles first.
    organisations: list[str] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)


@dataclass
class QuoteRow(Row):
    pk: int
    article_id: str
    date: str | None
    text: str
    kind: str
    speaker: str | None
    speaker_entity_id: str | None
    cue: str | None
    is_question: bool
    article_title: str | None = None
    speaker_kind: str | None = None
    source_text: str | None = None
    speaker_for: str | None = None


@dataclass
class EventActorRow(Row):
    entity_id: str
    name: str
    role: str
    affiliation: str | None


@dataclass
class EventSummary(Row):
    id: str
    category: str
    mode: str | None
    date: str | None
    location: str | None
    modality: str
    n_reports: int
    n_articles: int
    n_independent: int
    sentence: str
    confidence: float | None = None  # the event judge's, highest over the reports
    trigger: str | None = None  # the words of the most confident report that state it
    actors: list[EventActorRow] = field(default_factory=list)


@dataclass
class EventReportRow(Row):
    pk: int
    article_id: str
    article_title: str | None
    published: str | None
    date: str | None
    date_text: str | None
    modality: str
    sentence: str
    duplicate_of: str | None = None  # set when the article is a wire copy of another


@dataclass
class EventDetail(Row):
    event: EventSummary
    reports: list[EventReportRow] = field(default_factory=list)


@dataclass
class StatusSignal(Row):
    date: str | None
    status: str
    article_id: str
    article_title: str | None
    evidence: str


@dataclass
class AgreementSummary(Row):
    id: str
    name: str
    kind: str
    parties: list[str]
    status: str
    first_date: str | None
    last_date: str | None
    n_mentions: int
    n_articles: int


@dataclass
class CommitmentRow(Row):
    id: str
    date: str | None
    speaker: str | None
    speaker_entity_id: str | None
    text: str
    cue: str
    action: str | None
    deadline_text: str | None
    deadline_date: str | None
    agreement_id: str | None
    outcome: str
    article_id: str
    outcome_article_id: str | None = None
    outcome_date: str | None = None
    outcome_evidence: str | None = None


@dataclass
class AgreementDetail(Row):
    agreement: AgreementSummary
    aliases: list[str] = field(default_factory=list)
    timeline: list[StatusSignal] = field(default_factory=list)
    commitments: list[CommitmentRow] = field(default_factory=list)


@dataclass
class DyadCount(Row):
    category: str
    n_events: int


@dataclass
class Dyad(Row):
    a: str
    b: str
    counts: list[DyadCount] = field(default_factory=list)
    events: list[EventSummary] = field(default_factory=list)


@dataclass
class DyadPair(Row):
    a: str
    b: str
    n_events: int


@dataclass
class Stats(Row):
    tables: dict[str, int] = field(default_factory=dict)


@dataclass
class ArticleView(Row):
    article: Article
    entity_links: dict[str, str] = field(default_factory=dict)  # local id -> corpus entity id
    duplicate_of: str | None = None
    sources: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article.to_dict(), "entity_links": self.entity_links,
                "duplicate_of": self.duplicate_of, "sources": self.sources}


# ------------------------------------------------------- the server's views


@dataclass
class CoActor:
    id: str
    name: str
    type: str
    n_events: int
    last_date: str | None


@dataclass
class CoActors:
    actors: list[CoActor] = field(default_factory=list)
    # How often two of the actors took part in the same event with the entity.
    pairs: dict[tuple[str, str], int] = field(default_factory=dict)


@dataclass
class DyadSummary:
    a: str
    b: str
    n_events: int
    n_coop: int
    n_conflict: int
    last_date: str | None


@dataclass
class DyadFilters:
    categories: list[str] = field(default_factory=list)
    modalities: list[str] = field(default_factory=list)
    date_from: str | None = None
    date_to: str | None = None
    min_confidence: float | None = None  # hide events the judge is less sure of


@dataclass
class TimelinePoint:
    id: str
    category: str
    date: str | None
    modality: str
    title: str


@dataclass
class DyadView:
    a: str
    b: str
    total: int
    counts: list[DyadCount]
    events: list[EventSummary]
    points: list[TimelinePoint]
