"""Alerts: saved queries over the graph, whose new matches each watch round records.

Four kinds, chosen by the filters given (or named with `kind`):

- events: `dyad` (two sides: countries or entities, events between them that happened),
  `category` (a PLOVER category), `entity` (an actor, or a country actors belong to), `q`
  (words in the event's sentence), `min_confidence` (the event judge's confidence of the event;
  events stored before the judge have none and are kept, as in every other view);
- quotes: `speaker` and/or `q` (full-text words of the quote);
- agreements: `agreement` (name or id): every new status signal (signed, ratified, ...);
- commitments: statements of intent whose outcome became fulfilled or contradicted,
  optionally by `speaker` or about `agreement`.

A match found when the alert is added is recorded without a round: only what later rounds
find is new. A webhook gets the new matches as one JSON POST per round; a POST that fails is
retried by the next round.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict
from typing import Any, TypeVar

from newsgraph.errors import NewsgraphError
from newsgraph.store import Store
from newsgraph.store import alerts as rows
from newsgraph.store.alerts import AlertRow, MatchRow

KINDS = ("events", "quotes", "agreements", "commitments")
OUTCOMES = ("fulfilled", "contradicted")
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
# The most rows one alert reads per round.
MAX_ROWS = 20_000
WEBHOOK_TIMEOUT_S = 10.0
T = TypeVar("T")


class AlertError(NewsgraphError):
    """An alert that cannot be added as asked."""


def infer_kind(query: dict[str, Any]) -> str:
    if query.get("dyad") or query.get("category") or query.get("entity") \
            or query.get("min_confidence") is not None:
        return "events"
    if query.get("speaker") or query.get("q"):
        return "quotes"
    if query.get("agreement"):
        return "agreements"
    raise AlertError("an alert needs a filter: --dyad, --category, --entity, --speaker, --q, "
                     "--agreement or --kind commitments")


def add_alert(store: Store, name: str, query: dict[str, Any], *, kind: str | None = None,
              webhook: str | None = None) -> int:
    """Save the alert; return how many matches the graph holds already (not news)."""
    if not NAME.match(name):
        raise AlertError(f"{name!r}: an alert name is letters, digits, '_', '.', '-' "
                         "(at most 64)")
    query = {k: v for k, v in query.items() if v not in (None, "", [], ())}
    kind = kind or infer_kind(query)
    if kind not in KINDS:
        raise AlertError(f"{kind!r}: the kinds are {', '.join(KINDS)}")
    if webhook and not re.match(r"^https?://", webhook):
        raise AlertError(f"{webhook!r}: a webhook is an http(s) URL")
    alert = AlertRow(name, kind, query, webhook, time.time())
    found = find_matches(store, alert)
    for m in found:
        _add_articles(store, m)
    with store.transaction() as conn:
        if not rows.add_alert(conn, alert):
            raise AlertError(f"{name}: an alert of that name exists (remove it first)")
        rows.add_matches(conn, name, found)
    return len(found)


def check_alerts(store: Store, round_id: int, errors: list[str],
                 post: Callable[[str, dict[str, Any]], None] | None = None) -> dict[str, int]:
    """Record each alert's new matches under `round_id`; POST them to its webhook."""
    out = {}
    for alert in rows.alerts(store.conn):
        known = rows.known_keys(store.conn, alert.name)
        new = [m for m in find_matches(store, alert) if m.key not in known]
        seen = rows.known_articles(store.conn, alert.name)
        now = time.time()
        for m in new:
            _add_articles(store, m)
            m.found_at = now
            # An event renamed by a rebuild (its earliest report changed) without an article
            # the alert has not seen is not news: recorded without a round.
            if not m.article_ids or not set(m.article_ids) <= seen:
                m.round_id = round_id
        with store.transaction() as conn:
            rows.add_matches(conn, alert.name, new)
        out[alert.name] = sum(m.round_id is not None for m in new)
        if alert.webhook:
            _deliver(store, alert, post or post_json, errors)
    return out


def _deliver(store: Store, alert: AlertRow, post: Callable[[str, dict[str, Any]], None],
             errors: list[str]) -> None:
    todo = rows.undelivered(store.conn, alert.name)
    if not todo or not alert.webhook:
        return
    body = {"alert": alert.name, "kind": alert.kind, "query": alert.query,
            "matches": [asdict(m) for m in todo]}
    try:
        post(alert.webhook, body)
    except Exception as e:  # noqa: BLE001 - a webhook that fails never stops a round
        errors.append(f"alert {alert.name}: webhook {alert.webhook} failed ({e})"[:300])
        return
    with store.transaction() as conn:
        rows.mark_delivered(conn, alert.name, [m.key for m in todo])


def post_json(url: str, body: dict[str, Any]) -> None:
    import httpx

    from newsgraph.watch.fetch import USER_AGENT

    resp = httpx.post(url, json=body, timeout=WEBHOOK_TIMEOUT_S, trust_env=False,
                      headers={"User-Agent": USER_AGENT})
    if resp.status_code >= 300:
        raise NewsgraphError(f"HTTP {resp.status_code}")


# ------------------------------------------------------------------ matching


def find_matches(store: Store, alert: AlertRow) -> list[MatchRow]:
    finders: dict[str, Callable[[Store, dict[str, Any]], Iterator[MatchRow]]] = {
        "events": _events, "quotes": _quotes, "agreements": _agreements,
        "commitments": _commitments}
    seen: dict[str, MatchRow] = {}
    for m in finders[alert.kind](store, alert.query):
        seen.setdefault(m.key, m)
    return list(seen.values())


def _paged(fetch: Callable[[int, int], list[T]]) -> Iterator[T]:
    offset = 0
    while offset < MAX_ROWS:
        page = fetch(1000, offset)
        yield from page
        if len(page) < 1000:
            return
        offset += 1000


def _events(store: Store, q: dict[str, Any]) -> Iterator[MatchRow]:
    category = (q.get("category") or "").upper() or None
    if q.get("dyad"):
        a, b = q["dyad"]
        found = _paged(lambda lim, off: store.dyad(a, b, limit=lim, offset=off).events)
    else:
        found = _paged(lambda lim, off: store.events(category=category, actor=q.get("entity"),
                                                     limit=lim, offset=off))
    words = (q.get("q") or "").lower().split()
    least = float(q.get("min_confidence") or 0.0)
    for ev in found:
        if category and ev.category != category:
            continue
        if q.get("dyad") and q.get("entity") and not _has_actor(ev, q["entity"]):
            continue
        if any(w not in ev.sentence.lower() for w in words):
            continue
        if ev.confidence is not None and ev.confidence + 1e-9 < least:
            continue
        actors = ", ".join(a.name for a in ev.actors[:4])
        yield MatchRow(f"event:{ev.id}", f"{ev.category} {ev.date or ''}: {actors}".strip(),
                       ev.sentence[:500], f"/event/{ev.id}")


def _has_actor(ev: Any, key: str) -> bool:
    k = key.lower()
    return any(k in (a.name or "").lower() or k == (a.affiliation or "").lower()
               for a in ev.actors)


def _quotes(store: Store, q: dict[str, Any]) -> Iterator[MatchRow]:
    for qt in _paged(lambda lim, off: store.quotes(speaker=q.get("speaker"), q=q.get("q"),
                                                   limit=lim, offset=off)):
        yield MatchRow(f"quote:{qt.pk}", f"{qt.speaker or 'unattributed'}: "
                       f"\u201c{qt.text[:120]}\u201d", qt.text[:500],
                       f"/article/{qt.article_id}", [qt.article_id])


def _agreement_ids(store: Store, name: str | None) -> list[str]:
    """The agreements an alert's `agreement` names: by id, or any whose name or variant
    contains it; all of them when it names none."""
    if name:
        exact = store.agreement(name)
        if exact is not None:
            return [exact.agreement.id]
    return [g.id for g in _paged(lambda lim, off: store.agreements(q=name or None, limit=lim,
                                                                   offset=off))]


def _agreements(store: Store, q: dict[str, Any]) -> Iterator[MatchRow]:
    for key in _agreement_ids(store, q.get("agreement")):
        detail = store.agreement(key)
        if detail is None:
            continue
        ag = detail.agreement
        for s in detail.timeline:
            yield MatchRow(f"agreement:{ag.id}:{s.article_id}:{s.status}",
                           f"{ag.name}: {s.status} {s.date or ''}".strip(), s.evidence[:500],
                           f"/agreement/{ag.id}", [s.article_id])


def _commitments(store: Store, q: dict[str, Any]) -> Iterator[MatchRow]:
    wanted = set(_agreement_ids(store, q["agreement"])) if q.get("agreement") else None
    for outcome in OUTCOMES:
        for c in _paged(lambda lim, off, o=outcome: store.commitments(  # type: ignore[misc]
                speaker=q.get("speaker"), outcome=o, limit=lim, offset=off)):
            if wanted is not None and c.agreement_id not in wanted:
                continue
            ids = [i for i in (c.article_id, c.outcome_article_id) if i]
            yield MatchRow(f"commitment:{c.id}:{c.outcome}",
                           f"{c.speaker or 'someone'} ({c.cue} {c.action or ''}): {c.outcome}",
                           (c.outcome_evidence or c.text)[:500], f"/article/{c.article_id}", ids)


def _add_articles(store: Store, m: MatchRow) -> None:
    """The articles an event match came from (read only for new matches)."""
    if not m.key.startswith("event:"):
        return
    detail = store.event(m.key.removeprefix("event:"))
    if detail is not None:
        m.article_ids = list(dict.fromkeys(r.article_id for r in detail.reports))
