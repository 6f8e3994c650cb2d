"""Alerts over HTTP: each alert's new matches as Atom (/alerts/NAME.atom), as JSON
(/api/alerts, /api/alerts/NAME) and as a page (/alerts, /alerts/NAME: "new since" a date,
each match with the articles it came from). The matches are recorded by `newsgraph watch`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import xml.etree.ElementTree as ET
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from newsgraph.serve.web import queries, render
from newsgraph.store import alerts as rows

api = APIRouter(prefix="/api/alerts", tags=["alerts"])
web = APIRouter(prefix="/alerts", include_in_schema=False)
ATOM = "http://www.w3.org/2005/Atom"
SinceQ = Query(None, description="only matches found on or after this date (YYYY-MM-DD)")


def _since(value: str | None) -> float | None:
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(400, f"since: {value!r} is not a date (YYYY-MM-DD)") from None
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp()


def _alert(request: Request, name: str) -> rows.AlertRow:
    found = rows.alert(queries(request).st().conn, name)
    if found is None:
        raise HTTPException(404, f"There is no alert {name!r}.")
    return found


def _iso(ts: float) -> str:
    return dt.datetime.fromtimestamp(ts, dt.UTC).isoformat(timespec="seconds")


def _match_json(m: rows.MatchRow) -> dict[str, Any]:
    return {**dataclasses.asdict(m), "found": _iso(m.found_at)}


@api.get("", summary="Saved alerts with their number of new matches")
def list_alerts(request: Request) -> JSONResponse:
    conn = queries(request).st().conn
    stats = rows.match_stats(conn)
    return JSONResponse([{**dataclasses.asdict(a), "new_matches": stats.get(a.name, (0,))[0]}
                         for a in rows.alerts(conn)])


@api.get("/{name}", summary="One alert's new matches, newest first")
def alert_json(request: Request, name: str, since: str | None = SinceQ,
               limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0)
               ) -> JSONResponse:
    alert = _alert(request, name)
    found = rows.matches(queries(request).st().conn, name, since=_since(since), limit=limit,
                         offset=offset)
    return JSONResponse({"alert": dataclasses.asdict(alert),
                         "matches": [_match_json(m) for m in found]})


@web.get("/{name}.atom")
def alert_atom(request: Request, name: str) -> Response:
    alert = _alert(request, name)
    found = rows.matches(queries(request).st().conn, name, limit=100)
    base = str(request.base_url).rstrip("/")
    return Response(atom(alert, found, base), media_type="application/atom+xml")


def atom(alert: rows.AlertRow, found: list[rows.MatchRow], base: str) -> bytes:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> None:
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        el.text = text

    sub(feed, "id", f"urn:newsgraph:alert:{alert.name}")
    sub(feed, "title", f"newsgraph alert {alert.name}")
    sub(feed, "updated", _iso(max([m.found_at for m in found], default=alert.created_at)))
    sub(feed, "link", rel="self", href=f"{base}/alerts/{alert.name}.atom")
    sub(feed, "link", rel="alternate", href=f"{base}/alerts/{alert.name}")
    for m in found:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        sub(entry, "id", f"urn:newsgraph:alert:{alert.name}:{m.key}")
        sub(entry, "title", m.title)
        sub(entry, "updated", _iso(m.found_at))
        if m.link:
            sub(entry, "link", href=base + m.link)
        sub(entry, "summary", m.summary)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8")


@web.get("", response_class=HTMLResponse)
def alerts_page(request: Request) -> HTMLResponse:
    conn = queries(request).st().conn
    stats = rows.match_stats(conn)
    items = []
    for a in rows.alerts(conn):
        new, last = stats.get(a.name, (0, None))
        items.append({"alert": a, "new": new, "last": _iso(last) if last else None})
    return render(request, "alerts.html", {"title": "Alerts", "items": items})


@web.get("/{name}", response_class=HTMLResponse)
def alert_page(request: Request, name: str, since: str | None = Query(None)) -> HTMLResponse:
    alert = _alert(request, name)
    st = queries(request).st()
    found = rows.matches(st.conn, name, since=_since(since), limit=200)
    ids = sorted({i for m in found for i in m.article_ids})
    return render(request, "alert.html", {
        "title": f"Alert {alert.name}", "alert": alert, "since": since or "",
        "matches": [{"m": m, "found": _iso(m.found_at)} for m in found],
        "articles": rows.article_titles(st.conn, ids)})
