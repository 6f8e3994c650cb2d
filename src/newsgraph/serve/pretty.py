"""A readable terminal rendering of an Article (`newsgraph analyze --format pretty`)."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from newsgraph.record import Article, Quote, day_text


def render(article: Article, *, first: bool = True, console: Console | None = None) -> None:
    con = console or Console(highlight=False, soft_wrap=False)
    if not first:
        con.rule()
    meta = " · ".join(x for x in [day_text(article.published), article.site, article.url] if x)
    con.print(Panel(f"[bold]{article.title or '(untitled)'}[/bold]\n{meta}".rstrip(),
                    subtitle=f"id {article.id}"))
    con.print(article.text, markup=False)
    for table in (_entities, _quotes, _events, _agreements, _removed):
        t = table(article)
        if t is not None:
            con.print(t)


def _entities(article: Article) -> Table | None:
    if not article.entities:
        return None
    t = Table(title="Entities", title_justify="left")
    for col in ("name", "type", "roles", "affiliation", "mentions"):
        t.add_column(col)
    for e in article.entities:
        t.add_row(e.name, e.type, "; ".join(e.roles), e.affiliation or "",
                  str(len(e.mentions)))
    return t


def _quotes(article: Article) -> Table | None:
    if not article.quotes:
        return None
    t = Table(title="Quotes", title_justify="left", show_lines=True)
    for col in ("speaker", "kind", "cue", "quote"):
        t.add_column(col, overflow="fold")
    for q in article.quotes:
        text = q.text if len(q.text) < 300 else q.text[:297] + "..."
        kind = f"{q.kind} (headline)" if q.in_title else q.kind
        t.add_row(who_said(q), kind, q.cue or "", text)
    return t


def who_said(q: Quote) -> str:
    """The speaker's name; for a source that is no named person, its phrase and its kind
    ("people familiar with the talks (anonymous)"); "(no source)" where the text gives none."""
    if q.speaker:
        return q.speaker
    if q.speaker_kind == "unattributed":
        return "(no source)"
    if q.source_text:
        return f"{q.source_text} ({q.speaker_kind})" if q.speaker_kind else q.source_text
    return "?"


def _events(article: Article) -> Table | None:
    if not article.events:
        return None
    t = Table(title="Events", title_justify="left", show_lines=True)
    for col in ("category", "mode", "modality", "actors", "where", "when", "sentence"):
        t.add_column(col, overflow="fold")
    for ev in article.events:
        actors = ", ".join(f"{a.name} ({a.role})" for a in ev.actors)
        when = ev.date or ""
        if ev.date_text:
            when = f"{when} ({ev.date_text})".strip()
        t.add_row(ev.category, ev.mode or "", ev.modality, actors, ev.location or "",
                  when, ev.sentence[:200])
    return t


def _agreements(article: Article) -> Table | None:
    if not article.agreements:
        return None
    t = Table(title="Agreements and deals", title_justify="left")
    for col in ("name", "kind", "parties", "status"):
        t.add_column(col, overflow="fold")
    for ag in article.agreements:
        t.add_row(ag.name, ag.kind, ", ".join(ag.parties), ag.status)
    return t


def _removed(article: Article) -> Table | None:
    if not article.removed:
        return None
    t = Table(title=f"Removed ({len(article.removed)})", title_justify="left")
    t.add_column("reason")
    t.add_column("text", overflow="fold")
    for r in article.removed:
        t.add_row(r.reason, r.text[:120])
    return t
