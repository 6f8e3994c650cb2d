"""A readable terminal rendering of an Article (`newsgraph analyze --format pretty`)."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from newsgraph.record import Article


def render(article: Article, *, first: bool = True, console: Console | None = None) -> None:
    con = console or Console(highlight=False, soft_wrap=False)
    if not first:
        con.rule()
    meta = " · ".join(x for x in [article.published, article.site, article.url] if x)
    con.print(Panel(f"[bold]{article.title or '(untitled)'}[/bold]\n{meta}".rstrip(),
                    subtitle=f"id {article.id}"))
    con.print(article.text, markup=False)
    if article.entities:
        t = Table(title="Entities", title_justify="left")
        for col in ("name", "type", "roles", "affiliation", "mentions"):
            t.add_column(col)
        for e in article.entities:
            t.add_row(e.name, e.type, "; ".join(e.roles), e.affiliation or "",
                      str(len(e.mentions)))
        con.print(t)
    if article.quotes:
        t = Table(title="Quotes", title_justify="left", show_lines=True)
        for col in ("speaker", "kind", "cue", "quote"):
            t.add_column(col, overflow="fold")
        for q in article.quotes:
            text = q.text if len(q.text) < 300 else q.text[:297] + "..."
            t.add_row(q.speaker or "?", q.kind, q.cue or "", text)
        con.print(t)
    if article.events:
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
        con.print(t)
    if article.agreements:
        t = Table(title="Agreements and deals", title_justify="left")
        for col in ("name", "kind", "parties", "status"):
            t.add_column(col, overflow="fold")
        for ag in article.agreements:
            t.add_row(ag.name, ag.kind, ", ".join(ag.parties), ag.status)
        con.print(t)
    if article.removed:
        t = Table(title=f"Removed ({len(article.removed)})", title_justify="left")
        t.add_column("reason")
        t.add_column("text", overflow="fold")
        for r in article.removed:
            t.add_row(r.reason, r.text[:120])
        con.print(t)
