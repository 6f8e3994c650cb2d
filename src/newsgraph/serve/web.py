"""The web UI: server-rendered Jinja2 pages; htmx only speeds up search and filters.

Every page reads without JavaScript: filters are plain GET forms, pagination is links, the
dyad timeline and the network are SVG drawn on the server. Jinja autoescapes everything; the
only markup built in Python is the highlighted article text (`highlight.py`, which escapes
each piece of text) and search snippets (escaped, then our own markers become <mark>).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

import newsgraph
from newsgraph.serve import charts
from newsgraph.serve.api import threshold
from newsgraph.serve.highlight import highlight
from newsgraph.serve.queries import HIT_CLOSE, HIT_OPEN, Queries
from newsgraph.store.models import DyadFilters

HERE = FsPath(__file__).parent
MAX_OFFSET = 1_000_000
PAGE = 20

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(HERE / "templates"))


# ---------------------------------------------------------------- filters


def _snippet(text: str) -> Markup:
    safe = str(escape(text))
    return Markup(safe.replace(HIT_OPEN, '<mark class="hit">').replace(HIT_CLOSE, "</mark>"))


def _safe_url(url: str | None) -> str:
    """Only web links leave the site; a `javascript:` URL in an article becomes inert."""
    if url and urlsplit(url).scheme in ("http", "https"):
        return url
    return "#"


def _schema_type(schema: dict[str, Any] | None) -> str:
    if not schema:
        return ""
    if "anyOf" in schema:
        return " or ".join(_schema_type(s) for s in schema["anyOf"] if s.get("type") != "null")
    if "enum" in schema:
        return "one of " + ", ".join(str(v) for v in schema["enum"])
    if schema.get("type") == "array":
        return "list of " + _schema_type(schema.get("items"))
    out = str(schema.get("format") or schema.get("type") or "")
    bounds = [f"{k} {schema[k]}" for k in ("minimum", "maximum", "maxLength") if k in schema]
    return out + (f" ({', '.join(bounds)})" if bounds else "")


templates.env.filters.update({
    "snippet": _snippet,
    "safe_url": _safe_url,
    "schema_type": _schema_type,
    "plover_class": charts.plover_class,
    "plover_class_label": lambda c: charts.CLASS_LABEL.get(charts.plover_class(c), ""),
})
templates.env.globals["version"] = newsgraph.__version__


# ----------------------------------------------------------------- helpers


@dataclass
class Pager:
    offset: int
    shown: int
    prev_url: str | None
    next_url: str | None


def pager(request: Request, shown: int, limit: int, offset: int, param: str = "offset",
          total: int | None = None, anchor: str = "") -> Pager:
    def url(new_offset: int) -> str:
        params = [(k, v) for k, v in request.query_params.multi_items() if k != param]
        if new_offset:
            params.append((param, str(new_offset)))
        return f"{request.url.path}?{urlencode(params)}{anchor}"

    more = offset + shown < total if total is not None else shown == limit
    return Pager(offset, shown, url(max(offset - limit, 0)) if offset > 0 else None,
                 url(offset + limit) if more and shown else None)


def queries(request: Request) -> Queries:
    return request.app.state.queries  # type: ignore[no-any-return]


def render(request: Request, name: str, context: dict[str, Any],
           status_code: int = 200) -> HTMLResponse:
    context.setdefault("db_name", request.app.state.options.db.name)
    context.setdefault("q", "")
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def _date(value: str | None, name: str) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise HTTPException(400, f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


def _text(value: str | None) -> str:
    from newsgraph.serve.api import MAX_TEXT, clean

    return (clean(value) or "")[:MAX_TEXT]


OffsetQ = Query(0, ge=0, le=MAX_OFFSET)


# ------------------------------------------------------------------- pages


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    qs = queries(request)
    st = qs.st()
    return render(request, "index.html", {
        "title": "newsgraph", "stats": qs.counts(),
        "people": st.entities(type="PERSON", limit=10),
        "dyads": qs.dyads(10, 0), "articles": st.articles(limit=10)})


def _language(value: str | None) -> str | None:
    """A language filter from the page's form: a two-letter code, or none at all."""
    code = _text(value).lower()
    return code if len(code) == 2 and code.isascii() and code.isalpha() else None


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str | None = Query(None), type: str = Query("all"),
           language: str | None = Query(None), offset: int = OffsetQ) -> HTMLResponse:
    qs = queries(request)
    st = qs.st()
    text, lang = _text(q), _language(language)
    kind = type if type in ("articles", "entities", "quotes") else "all"
    n = PAGE if kind != "all" else 8
    off = offset if kind != "all" else 0
    ctx: dict[str, Any] = {"title": f"Search: {text}" if text else "Search", "q": text,
                           "kind": kind, "articles": [], "entities": [], "quotes": [],
                           "more": {}, "language": lang, "languages": qs.languages()}
    if text:
        if kind in ("all", "entities"):
            ctx["entities"] = qs.find_entities(text, n, off)
        if kind in ("all", "quotes"):
            ctx["quotes"] = st.quotes(q=text, language=lang, limit=n, offset=off)
        if kind in ("all", "articles"):
            ctx["articles"] = qs.search(text, n, off, language=lang)
        for k in ("entities", "quotes", "articles"):
            if len(ctx[k]) == n:
                params = {"q": text, "type": k} | ({"language": lang} if lang else {})
                ctx["more"][k] = "/search?" + urlencode(params)
        if kind != "all":
            ctx["page"] = pager(request, len(ctx[kind]), n, off)
    return render(request, "search.html", ctx)


@router.get("/article/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str) -> HTMLResponse:
    view = queries(request).st().article(article_id[:64])
    if view is None:
        raise HTTPException(404, f"There is no article with id {article_id!r}.")
    art = view.article.to_dict()
    links = view.entity_links

    def href(local_id: str) -> str | None:
        gid = links.get(local_id)
        return f"/entity/{quote(gid, safe='')}" if gid else None

    seen: dict[str, dict[str, Any]] = {}
    for e in sorted(art["entities"], key=lambda e: (e["type"] != "PERSON", -len(e["mentions"]))):
        key = links.get(e["id"]) or e["id"]
        seen.setdefault(key, {"href_id": links.get(e["id"]), "name": e["name"],
                              "type": e["type"]})
    return render(request, "article.html", {
        "title": art["title"] or "Article", "art": art, "entity_ids": links,
        "paragraphs": highlight(art, href), "entities": list(seen.values()),
        "duplicate_of": view.duplicate_of})


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, name: str | None = Query(None), type: str | None = Query(None),
             offset: int = OffsetQ) -> HTMLResponse:
    st = queries(request).st()
    typ = _text(type).upper() or None
    items = st.entities(q=_text(name) or None, type=typ, limit=PAGE, offset=offset)
    return render(request, "entities.html", {
        "title": "People, organisations and countries", "entities": items, "name": _text(name),
        "type": typ, "types": ["PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"],
        "page": pager(request, len(items), PAGE, offset)})


@router.get("/entity/{key}", response_class=HTMLResponse)
def entity(request: Request, key: str, quotes_offset: int = OffsetQ,
           events_offset: int = OffsetQ,
           min_confidence: float | None = Query(None, ge=0, le=1)) -> HTMLResponse:
    qs = queries(request)
    st = qs.st()
    detail = st.entity(_text(key))
    if detail is None:
        raise HTTPException(404, f"Nothing is known about {key!r}.")
    e = detail.entity
    quotes = st.quotes(entity_id=e.id, limit=10, offset=quotes_offset)
    events = qs.actor_events(e.id, PAGE, events_offset, threshold(min_confidence))
    co = qs.co_actors(e.id, 12)
    centre = charts.Node(e.id, e.name, e.type, e.n_articles)
    graph = charts.network(centre, [charts.Node(c.id, c.name, c.type, c.n_events)
                                    for c in co.actors], co.pairs)
    return render(request, "entity.html", {
        "title": e.name, "detail": detail, "quotes": quotes, "events": events,
        "met": co.actors, "graph": graph,
        "quotes_page": pager(request, len(quotes), 10, quotes_offset, "quotes_offset",
                             anchor="#quotes"),
        "events_page": pager(request, len(events), PAGE, events_offset, "events_offset",
                             anchor="#events")})


@router.get("/event/{event_id}", response_class=HTMLResponse)
def event(request: Request, event_id: str) -> HTMLResponse:
    detail = queries(request).st().event(event_id[:200])
    if detail is None:
        raise HTTPException(404, f"There is no event with id {event_id!r}.")
    return render(request, "event.html", {"title": f"{detail.event.category} event",
                                          "detail": detail})


@router.get("/dyads", response_class=HTMLResponse)
def dyads(request: Request) -> HTMLResponse:
    return render(request, "dyads.html", {"title": "Country pairs",
                                          "dyads": queries(request).dyads(100, 0)})


@router.get("/dyad/{a}/{b}")
def dyad_path(a: str, b: str) -> RedirectResponse:
    """/dyad/India/United States: the readable form of the filter page's address."""
    return RedirectResponse("/dyad?" + urlencode({"a": a, "b": b}), status_code=307)


@router.get("/dyad", response_class=HTMLResponse)
def dyad(request: Request, a: str | None = Query(None), b: str | None = Query(None),
         category: list[str] = Query([]), modality: list[str] = Query([]),
         date_from: str | None = Query(None), date_to: str | None = Query(None),
         min_confidence: float | None = Query(None, ge=0, le=1),
         offset: int = OffsetQ) -> HTMLResponse:
    qs = queries(request)
    side_a, side_b = _text(a), _text(b)
    if not side_a or not side_b:
        raise HTTPException(400, "Choose two countries, e.g. /dyad?a=India&b=United+States.")
    # Unknown values in a hand-edited URL are dropped rather than failing the page.
    cats = [c for c in (v.strip().upper() for v in category) if c in charts.CATEGORIES]
    mods = [v for v in (x.strip().lower() for x in modality) if v in charts.MODALITIES]
    filters = DyadFilters(cats, mods, _date(date_from, "date_from"), _date(date_to, "date_to"),
                          threshold(min_confidence))
    view = qs.dyad(side_a, side_b, filters, PAGE, offset)
    countries = qs.countries()
    for c in (side_a, side_b):
        if c not in countries:
            countries = sorted([*countries, c])
    api = f"/api/dyads/{quote(side_a, safe='')}/{quote(side_b, safe='')}"
    extra = [(k, v) for k, v in request.query_params.multi_items() if k not in ("a", "b")]
    return render(request, "dyad.html", {
        "title": f"{side_a} – {side_b}", "a": side_a, "b": side_b, "countries": countries,
        "all_categories": charts.CATEGORIES, "all_modalities": charts.MODALITIES,
        "categories": cats, "modalities": mods, "date_from": filters.date_from,
        "date_to": filters.date_to, "min_confidence": filters.min_confidence,
        "filters_active": bool(cats or mods or filters.date_from or filters.date_to
                               or min_confidence is not None),
        "total": view.total, "counts": view.counts, "events": view.events,
        "timeline": charts.timeline(view.points),
        "page": pager(request, len(view.events), PAGE, offset, total=view.total),
        "api_url": api + ("?" + urlencode(extra) if extra else "")})


@router.get("/agreements", response_class=HTMLResponse)
def agreements(request: Request, name: str | None = Query(None),
               party: str | None = Query(None), status: str | None = Query(None),
               offset: int = OffsetQ) -> HTMLResponse:
    st = queries(request).st()
    found = st.agreements(q=_text(name) or None, party=_text(party) or None,
                          status=_text(status) or None, limit=PAGE, offset=offset)
    items = []
    for ag in found:
        detail = st.agreement(ag.id)
        items.append({"agreement": ag, "timeline": detail.timeline if detail else [],
                      "commitments": (detail.commitments if detail else [])[:5]})
    return render(request, "agreements.html", {
        "title": "Agreements", "items": items, "name": _text(name), "party": _text(party),
        "status": _text(status),
        "statuses": ["proposed", "negotiating", "signed", "ratified", "in-force",
                     "implemented", "suspended", "cancelled"],
        "page": pager(request, len(found), PAGE, offset)})


@router.get("/agreement/{key}", response_class=HTMLResponse)
def agreement(request: Request, key: str) -> HTMLResponse:
    detail = queries(request).st().agreement(_text(key))
    if detail is None:
        raise HTTPException(404, f"There is no agreement {key!r}.")
    return render(request, "agreement.html", {"title": detail.agreement.name,
                                              "detail": detail})


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    titles = {400: "Bad request", 404: "Not found", 413: "Too large", 422: "Bad request"}
    return render(request, "error.html", {"title": titles.get(status, "Error"),
                                          "status": status, "message": message},
                  status_code=status)
