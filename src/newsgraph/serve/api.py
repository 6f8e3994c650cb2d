"""The JSON API under /api: reads over the store, analysis, and token-guarded ingest.

Endpoints are plain `def`s, so FastAPI runs them on its thread pool, each thread reading
through its own read-only Store. Inputs are validated by FastAPI (422 on bad types, ranges,
dates); every list is paginated with `limit` (at most MAX_LIMIT) and `offset`. Responses are
built from the store's dataclasses and sent as JSONResponse: the declared response models
document the shape in OpenAPI without re-validating every row on the way out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hmac
import threading
from typing import Any, Generic, Literal, TypeVar

from fastapi import APIRouter, Depends, Header, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from newsgraph.errors import BadInput
from newsgraph.record import Article
from newsgraph.serve.charts import CATEGORIES, MODALITIES
from newsgraph.serve.queries import Queries
from newsgraph.store import models as m
from newsgraph.store.models import CoActor, DyadFilters, DyadSummary

MAX_LIMIT = 200
MAX_OFFSET = 1_000_000
MAX_TEXT = 200  # characters in a search or filter string
# Time one POST may wait for the single writer (analysis + write + resolution).
WRITE_TIMEOUT_S = 300.0

T = TypeVar("T")
Category = Literal[CATEGORIES]  # type: ignore[valid-type]
ModalityName = Literal[MODALITIES]  # type: ignore[valid-type]
SpeakerKindName = Literal["person", "organisation", "anonymous", "descriptor", "document",
                          "unattributed"]

router = APIRouter(prefix="/api")
_nlp_lock = threading.Lock()  # the spaCy pipeline is not made for concurrent calls


# ------------------------------------------------------------------ shapes


class Page(BaseModel, Generic[T]):
    items: list[T]
    limit: int
    offset: int
    next_offset: int | None = Field(None, description="offset of the next page, null at the end")


class SearchResults(BaseModel):
    q: str
    articles: list[m.ArticleHit] = []
    entities: list[m.EntitySummary] = []
    quotes: list[m.QuoteRow] = []


class EntityView(BaseModel):
    detail: m.EntityDetail
    co_actors: list[CoActor]
    quotes: list[m.QuoteRow]
    events: list[m.EventSummary]


class DyadResult(BaseModel):
    a: str
    b: str
    total: int
    counts: list[m.DyadCount]
    events: Page[m.EventSummary]


class ArticleIn(BaseModel):
    """An article to analyse or ingest: `text` (scraped text) or `html` (a page)."""

    text: str | None = Field(None, description="plain or scraped text")
    html: str | None = Field(None, description="an HTML page")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    published: dt.date | None = Field(None, description="publication date, YYYY-MM-DD, for "
                                      "an article that does not carry its own")


class IngestResult(BaseModel):
    id: str
    added: bool
    url: str


# ----------------------------------------------------------------- helpers


def queries(request: Request) -> Queries:
    return request.app.state.queries  # type: ignore[no-any-return]


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    return value


def ok(value: Any, status_code: int = 200) -> JSONResponse:
    return JSONResponse(_plain(value), status_code=status_code)


def paged(items: list[Any], limit: int, offset: int) -> JSONResponse:
    nxt = offset + limit if len(items) == limit else None
    return ok({"items": items, "limit": limit, "offset": offset, "next_offset": nxt})


def clean(value: str | None) -> str | None:
    """A user string SQLite can bind: no NUL or other control characters, trimmed."""
    if value is None:
        return None
    out = "".join(ch for ch in value if ch >= " " or ch in "\t\n")
    out = out.encode("utf-8", "replace").decode("utf-8").strip()
    return out or None


def iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


Limit = Query(20, ge=1, le=MAX_LIMIT, description=f"page size, at most {MAX_LIMIT}")
Offset = Query(0, ge=0, le=MAX_OFFSET, description="rows to skip")
DateFrom = Query(None, description="on or after, YYYY-MM-DD")
DateTo = Query(None, description="on or before, YYYY-MM-DD")
Language = Query(None, pattern="^[A-Za-z]{2}$",
                 description="only articles in this language, ISO 639-1 (en, de, ...)")


MinConfidence = Query(None, ge=0, le=1, description=(
    "only events the event judge gave at least this confidence; by default its threshold "
    "(0 shows every event)"))


def threshold(min_confidence: float | None) -> float:
    """The confidence events must reach: the one asked for, or the judge's threshold."""
    from newsgraph.lexicon import event_threshold

    return event_threshold() if min_confidence is None else min_confidence


def _text(description: str, default: Any = None, min_length: int | None = None) -> Any:
    return Query(default, max_length=MAX_TEXT, min_length=min_length, description=description)


# ------------------------------------------------------------------ search


@router.get("/search", response_model=SearchResults, summary="Full-text search")
def search(request: Request,
           q: str = _text("words that must all appear (full-text search)", ..., 1),
           type: Literal["all", "articles", "entities", "quotes"] = Query(
               "all", description="which kinds of results"),
           language: str | None = Language,
           limit: int = Limit, offset: int = Offset) -> JSONResponse:
    """Articles (title and text), people/organisations/countries (names and aliases) and
    quotes (text and speaker) matching `q`; `limit`/`offset` apply to each kind. `language`
    keeps the articles, and the quotes from articles, in that language."""
    qs = queries(request)
    st = qs.st()
    text = clean(q) or ""
    out: dict[str, Any] = {"q": text, "articles": [], "entities": [], "quotes": []}
    if text:
        if type in ("all", "articles"):
            out["articles"] = st.search(text, language=language, limit=limit, offset=offset)
        if type in ("all", "entities"):
            out["entities"] = qs.find_entities(text, limit, offset)
        if type in ("all", "quotes"):
            out["quotes"] = st.quotes(q=text, language=language, limit=limit, offset=offset)
    return ok(out)


@router.get("/stats", response_model=dict[str, int], summary="Counts of what the store holds")
def stats(request: Request) -> JSONResponse:
    return ok(queries(request).counts())


# ---------------------------------------------------------------- articles


@router.get("/articles", response_model=Page[m.ArticleHit], summary="Articles, newest first")
def articles(request: Request, date_from: dt.date | None = DateFrom,
             date_to: dt.date | None = DateTo, language: str | None = Language,
             limit: int = Limit, offset: int = Offset) -> JSONResponse:
    items = queries(request).st().articles(date_from=iso(date_from), date_to=iso(date_to),
                                           language=language, limit=limit, offset=offset)
    return paged(items, limit, offset)


@router.get("/languages", response_model=list[m.LanguageCount],
            summary="The languages of the stored articles, most articles first")
def languages(request: Request) -> JSONResponse:
    return ok(queries(request).languages())


@router.get("/articles/{article_id}", response_model=m.ArticleView,
            summary="One article: the full Article record")
def article(request: Request, article_id: str = Path(..., max_length=64)) -> JSONResponse:
    """The stored Article record (`article`), the corpus entity id of each of its local
    entities (`entity_links`), the article it is a wire copy of, and where it was read."""
    view = queries(request).st().article(article_id)
    if view is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return ok(view.to_dict())


def _source(body: ArticleIn) -> str:
    given = [s for s in (body.text, body.html) if s is not None and s.strip()]
    if len(given) != 1:
        raise HTTPException(422, "give exactly one of `text` or `html`, not empty")
    return given[0]


def _analyze(body: ArticleIn) -> Article:
    from newsgraph.annotate import annotate
    from newsgraph.extract import extract

    source = _source(body)
    try:
        art = extract(source, url=body.url, title=body.title,
                      hint="html" if body.html is not None else "text")
    except BadInput as e:
        raise HTTPException(422, f"not an article: {e}") from None
    art.published = art.published or body.published  # as --published: for an undated page
    with _nlp_lock:
        return next(annotate([art]))


@router.post("/analyze", response_model=dict[str, Any],
             summary="Analyse an article without storing it")
def analyze(body: ArticleIn) -> JSONResponse:
    """Extraction and annotation of the posted article; returns the Article record. Nothing
    is written."""
    return ok(_analyze(body).to_dict())


def require_token(request: Request,
                  authorization: str | None = Header(None, description="Bearer TOKEN")) -> None:
    expected = request.app.state.options.token
    if not expected:
        raise HTTPException(403, "ingest over HTTP is disabled: start the server with --token "
                                 "or NEWSGRAPH_TOKEN to enable it")
    given = ""
    if authorization and authorization.lower().startswith("bearer "):
        given = authorization[7:].strip()
    if not hmac.compare_digest(given.encode("utf-8", "replace"),
                               expected.encode("utf-8", "replace")):
        raise HTTPException(401, "missing or wrong token (send `Authorization: Bearer TOKEN`)",
                            headers={"WWW-Authenticate": "Bearer"})


@router.post("/articles", response_model=IngestResult, status_code=201,
             dependencies=[Depends(require_token)],
             summary="Ingest an article (needs the server's token)")
def ingest(request: Request, body: ArticleIn) -> JSONResponse:
    """Analyse and store the posted article, then bring the cross-article tables up to date.
    Idempotent: the same clean text is stored once. Disabled (403) unless the server was
    started with a token; 401 without the right `Authorization: Bearer` header."""
    _source(body)  # fail fast on a bad body, before queueing
    app = request.app
    art = _analyze(body)
    art.source = body.url or "http"

    def write() -> bool:
        st = app.state.write_store()
        res = st.write_articles([art])
        if res and res[0].added:
            st.resolve()
        return bool(res and res[0].added)

    added = app.state.writer.submit(write).result(timeout=WRITE_TIMEOUT_S)
    queries(request).invalidate()
    app.state.response_cache.clear()
    return ok({"id": art.id, "added": added, "url": f"/article/{art.id}"},
              status_code=201 if added else 200)


# ---------------------------------------------------------------- entities


@router.get("/entities", response_model=Page[m.EntitySummary],
            summary="People, organisations and countries")
def entities(request: Request,
             q: str | None = _text("part of the name or of any alias"),
             type: str | None = Query(None, max_length=20,
                                      description="PERSON, ORG, GPE, NORP, ..."),
             affiliation: str | None = _text("country, e.g. India"),
             limit: int = Limit, offset: int = Offset) -> JSONResponse:
    items = queries(request).st().entities(q=clean(q), type=clean(type),
                                           affiliation=clean(affiliation), limit=limit,
                                           offset=offset)
    return paged(items, limit, offset)


@router.get("/entities/{key}", response_model=EntityView,
            summary="One entity: roles over time, quotes, events, co-occurring actors")
def entity(request: Request, key: str = Path(..., max_length=MAX_TEXT,
                                             description="entity id, name or alias"),
           limit: int = Limit) -> JSONResponse:
    """`limit` bounds each list (quotes, events, co-actors); page further with
    /api/quotes?entity_id=ID and /api/events?actor=ID."""
    qs = queries(request)
    st = qs.st()
    detail = st.entity(clean(key) or "", articles=limit)
    if detail is None:
        raise HTTPException(404, f"no entity {key!r}")
    eid = detail.entity.id
    return ok({"detail": detail, "co_actors": qs.co_actors(eid, limit).actors,
               "quotes": st.quotes(entity_id=eid, limit=limit),
               "events": qs.actor_events(eid, limit, 0)})


# ------------------------------------------------------------------ quotes


@router.get("/quotes", response_model=Page[m.QuoteRow], summary="Quotes, newest first")
def quotes(request: Request,
           speaker: str | None = _text("speaker's name or alias, or the source phrase of an "
                                       "unnamed source (part of it)"),
           speaker_kind: SpeakerKindName | None = Query(
               None, description="the kind of source: person, organisation, anonymous, "
                                 "descriptor, document"),
           q: str | None = _text("words in the quote (full-text search)"),
           entity_id: str | None = _text("the speaker's entity id"),
           article_id: str | None = _text("only quotes in this article"),
           date_from: dt.date | None = DateFrom, date_to: dt.date | None = DateTo,
           questions: bool = Query(False, description="include journalists' questions"),
           language: str | None = Language,
           limit: int = Limit, offset: int = Offset) -> JSONResponse:
    items = queries(request).st().quotes(
        speaker=clean(speaker), q=clean(q), entity_id=clean(entity_id),
        article_id=clean(article_id), date_from=iso(date_from), date_to=iso(date_to),
        questions=questions, language=language, speaker_kind=speaker_kind, limit=limit,
        offset=offset)
    return paged(items, limit, offset)


# ------------------------------------------------------------------ events


@router.get("/events", response_model=Page[m.EventSummary], summary="PLOVER events")
def events(request: Request,
           category: Category | None = Query(None, description="PLOVER category"),
           actor: str | None = _text("an actor (entity id or name) or a country"),
           a: str | None = _text("with `b`: events between two countries (or actors)"),
           b: str | None = _text("the other side of the pair"),
           modality: ModalityName | None = Query(None),
           date_from: dt.date | None = DateFrom, date_to: dt.date | None = DateTo,
           order: Literal["date", "reports"] = Query("date", description="newest first, or "
                                                     "most reported first"),
           min_confidence: float | None = MinConfidence,
           limit: int = Limit, offset: int = Offset) -> JSONResponse:
    qs = queries(request)
    conf = threshold(min_confidence)
    a, b = clean(a), clean(b)
    if (a is None) != (b is None):
        raise HTTPException(422, "give both `a` and `b` for a country pair")
    if a and actor:
        raise HTTPException(422, "give either `actor` or the pair `a` and `b`, not both")
    if a and b:
        view = qs.dyad(a, b, DyadFilters([category] if category else [],
                                         [modality] if modality else [], iso(date_from),
                                         iso(date_to), conf), limit, offset)
        return paged(view.events, limit, offset)
    items = qs.st().events(category=category, actor=clean(actor), date_from=iso(date_from),
                           date_to=iso(date_to), modality=modality, order=order, limit=limit,
                           offset=offset, min_confidence=conf)
    return paged(items, limit, offset)


@router.get("/events/{event_id}", response_model=m.EventDetail,
            summary="One event with every report of it")
def event(request: Request, event_id: str = Path(..., max_length=MAX_TEXT)) -> JSONResponse:
    detail = queries(request).st().event(event_id)
    if detail is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return ok(detail)


# ------------------------------------------------------------------- dyads


@router.get("/dyads", response_model=Page[DyadSummary],
            summary="Country pairs, most events first")
def dyads(request: Request, limit: int = Limit, offset: int = Offset) -> JSONResponse:
    return paged(queries(request).dyads(limit, offset), limit, offset)


@router.get("/dyads/{a}/{b}", response_model=DyadResult,
            summary="Timeline of events between two countries (or actors)")
def dyad(request: Request, a: str = Path(..., max_length=MAX_TEXT),
         b: str = Path(..., max_length=MAX_TEXT),
         category: list[Category] = Query([], description="PLOVER categories (repeatable)"),
         modality: list[ModalityName] = Query([], description="modalities (repeatable)"),
         date_from: dt.date | None = DateFrom, date_to: dt.date | None = DateTo,
         min_confidence: float | None = MinConfidence,
         limit: int = Limit, offset: int = Offset) -> JSONResponse:
    """Counts per category and the events themselves, newest first. Cooperation categories
    are AGREE … RETREAT, conflict ones ACCUSE … ASSAULT (PLOVER)."""
    view = queries(request).dyad(clean(a) or "", clean(b) or "",
                                 DyadFilters(list(category), list(modality), iso(date_from),
                                             iso(date_to), threshold(min_confidence)),
                                 limit, offset)
    nxt = offset + limit if offset + limit < view.total else None
    return ok({"a": view.a, "b": view.b, "total": view.total, "counts": view.counts,
               "events": {"items": view.events, "limit": limit, "offset": offset,
                          "next_offset": nxt}})


# -------------------------------------------------------------- agreements


@router.get("/agreements", response_model=Page[m.AgreementSummary],
            summary="Agreements and arms deals, most reported first")
def agreements(request: Request, q: str | None = _text("part of the name or a variant"),
               kind: str | None = _text("framework, treaty, mou, arms-sale, ..."),
               status: str | None = _text("latest status: proposed, negotiating, signed, ..."),
               party: str | None = _text("a party country"),
               limit: int = Limit, offset: int = Offset) -> JSONResponse:
    items = queries(request).st().agreements(q=clean(q), kind=clean(kind),
                                             status=clean(status), party=clean(party),
                                             limit=limit, offset=offset)
    return paged(items, limit, offset)


@router.get("/agreements/{key}", response_model=m.AgreementDetail,
            summary="One agreement: status timeline and commitments")
def agreement(request: Request, key: str = Path(..., max_length=MAX_TEXT)) -> JSONResponse:
    detail = queries(request).st().agreement(clean(key) or "")
    if detail is None:
        raise HTTPException(404, f"no agreement {key!r}")
    return ok(detail)


@router.get("/commitments", response_model=Page[m.CommitmentRow],
            summary="Commitments and what became of them")
def commitments(request: Request, speaker: str | None = _text("who made it (name or id)"),
                outcome: Literal["open", "fulfilled", "contradicted", "lapsed"] | None =
                Query(None),
                agreement_id: str | None = _text("about this agreement"),
                limit: int = Limit, offset: int = Offset) -> JSONResponse:
    items = queries(request).st().commitments(speaker=clean(speaker), outcome=outcome,
                                              agreement_id=clean(agreement_id), limit=limit,
                                              offset=offset)
    return paged(items, limit, offset)
