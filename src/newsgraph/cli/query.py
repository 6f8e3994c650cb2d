"""`newsgraph query`: read the knowledge graph (entities, quotes, events, agreements, dyads)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from newsgraph.cli.common import validate_date

F = TypeVar("F", bound=Callable[..., Any])


def _common(f: F) -> F:
    """--db, --format, --limit, --offset on every subcommand."""
    f = click.option("--offset", type=click.IntRange(0), default=0, show_default=True,
                     help="Skip this many results (pagination).")(f)
    f = click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True,
                     help="At most this many results.")(f)
    f = click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
                     show_default=True, help="table: for reading; json: for programs.")(f)
    f = click.option("--db", default="newsgraph.db", show_default=True,
                     help="SQLite database written by `newsgraph ingest`.")(f)
    return f


def _subject(what: str) -> Callable[[F], F]:
    """What a searching subcommand looks for, given as the argument SUBJECT or as --q."""
    def add(f: F) -> F:
        f = click.option("--q", default=None, help=f"{what} (the same as SUBJECT).")(f)
        return click.argument("subject", required=False)(f)
    return add


def _check_language(ctx: click.Context, param: click.Parameter, value: str | None
                    ) -> str | None:
    if value is None:
        return None
    code = value.strip().lower()
    if not re.fullmatch(r"[a-z]{2}", code):
        raise click.BadParameter(f"{value!r} is not a two-letter language code (ISO 639-1, "
                                 "e.g. en, de)")
    return code


def _language(what: str) -> Callable[[F], F]:
    return click.option("--language", default=None, callback=_check_language,
                        help=f"Only {what} in this language (ISO 639-1: en, de, ...).")


def _one(subject: str | None, q: str | None) -> str | None:
    if subject is not None and q is not None and subject != q:
        raise click.UsageError("give the subject once: as SUBJECT or as --q")
    return subject if subject is not None else q


def _open(db: str):  # type: ignore[no-untyped-def]
    from newsgraph.store import Store, StoreError

    try:
        return Store(db, readonly=True)
    except StoreError as e:
        raise click.ClickException(str(e)) from None


def _emit(rows: Any, fmt: str, columns: Sequence[str] = (), title: str = "") -> None:
    if fmt == "json":
        data = ([r.to_dict() for r in rows] if isinstance(rows, list) else
                rows.to_dict() if rows is not None else None)
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title or None, show_lines=False)
    for c in columns:
        table.add_column(c)
    for r in rows:
        d = r.to_dict()
        table.add_row(*[_cell(d.get(c)) for c in columns])
    Console().print(table)
    if not rows:
        click.echo("(nothing found)")


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        names = [_cell(x.get("name") if isinstance(x, dict) else x) for x in v]
        return ", ".join(dict.fromkeys(names))  # an actor may appear in two roles
    text = str(v)
    return text if len(text) <= 160 else text[:157] + "..."


@click.group("query", context_settings={"help_option_names": ["-h", "--help"]})
def command() -> None:
    """Query the knowledge graph built by `newsgraph ingest`: people and organisations,
    quotes, events, agreements with their timelines, commitments, and dyads."""


@command.command("summary")
@_common
def summary(db: str, fmt: str, limit: int, offset: int) -> None:
    """What the graph holds: counts, the most reported people and organisations, the country
    pairs with most events, the most reported agreements and events."""
    with _open(db) as st:
        parts = {
            "tables": st.stats(),
            "people": st.entities(type="PERSON", limit=limit, offset=offset),
            "organisations": st.entities(type="ORG", limit=limit, offset=offset),
            "dyads": st.dyads(limit=limit, offset=offset),
            "agreements": st.agreements(limit=limit, offset=offset),
            "events": st.events(order="reports", limit=limit, offset=offset),
            "commitments": st.commitments(limit=1000),
        }
    if fmt == "json":
        click.echo(json.dumps({k: (v.to_dict() if hasattr(v, "to_dict") else
                                   [x.to_dict() for x in v]) for k, v in parts.items()},
                              ensure_ascii=False, indent=2))
        return
    t = parts["tables"].tables  # type: ignore[attr-defined]
    click.echo(f"{db}: {t['articles']} articles, {t['entities']} entities, {t['events']} "
               f"events from {t['event_reports']} reports, {t['agreements']} agreements, "
               f"{t['commitments']} commitments, {t['duplicates']} wire copies")
    _emit(parts["people"], fmt, ["name", "affiliation", "n_articles", "first_date",
                                 "last_date"], "top people")
    _emit(parts["organisations"], fmt, ["name", "affiliation", "n_articles"],
          "top organisations")
    _emit(parts["dyads"], fmt, ["a", "b", "n_events"], "country pairs by events")
    _emit(parts["agreements"], fmt, ["name", "parties", "status", "first_date", "last_date",
                                     "n_articles"], "agreements")
    _emit(parts["events"], fmt, ["date", "category", "actors", "n_independent", "sentence"],
          "most reported events")
    outcomes: dict[str, int] = {}
    for c in parts["commitments"]:  # type: ignore[attr-defined]
        outcomes[c.outcome] = outcomes.get(c.outcome, 0) + 1
    click.echo("commitments: " + (", ".join(f"{n} {k}" for k, n in sorted(outcomes.items()))
                                  or "none"))


@command.command("search")
@_subject("Words that must all appear in the article")
@_language("articles")
@_common
def search(subject: str | None, q: str | None, language: str | None, db: str, fmt: str,
           limit: int, offset: int) -> None:
    """Full-text search of article titles and bodies (every word of SUBJECT must appear)."""
    text = _one(subject, q)
    if not text:
        raise click.UsageError("give the words to search for, as SUBJECT or --q")
    with _open(db) as st:
        _emit(st.search(text, language=language, limit=limit, offset=offset), fmt,
              ["published", "language", "title", "snippet", "id"])


@command.command("articles")
@click.option("--from", "date_from", default=None, callback=validate_date, help="YYYY-MM-DD.")
@click.option("--to", "date_to", default=None, callback=validate_date, help="YYYY-MM-DD.")
@_language("articles")
@_common
def articles(date_from: str | None, date_to: str | None, language: str | None, db: str,
             fmt: str, limit: int, offset: int) -> None:
    """Stored articles, newest first."""
    with _open(db) as st:
        _emit(st.articles(date_from=date_from, date_to=date_to, language=language, limit=limit,
                          offset=offset), fmt, ["published", "language", "title", "id"])


@command.command("entities")
@_subject("Part of a name or of any variant of it")
@click.option("--type", "etype", default=None, help="PERSON, ORG, GPE, NORP, ...")
@click.option("--affiliation", default=None, help="Country, e.g. India.")
@_common
def entities(subject: str | None, q: str | None, etype: str | None, affiliation: str | None,
             db: str, fmt: str, limit: int, offset: int) -> None:
    """People, organisations and places, most reported first; with SUBJECT, those whose name
    or a variant of it contains SUBJECT."""
    with _open(db) as st:
        rows = st.entities(q=_one(subject, q), type=etype, affiliation=affiliation, limit=limit,
                           offset=offset)
        _emit(rows, fmt, ["name", "type", "affiliation", "n_articles", "first_date",
                          "last_date", "id"])


@command.command("entity")
@click.argument("name")
@_common
def entity(name: str, db: str, fmt: str, limit: int, offset: int) -> None:
    """One entity (id, name or any variant): its names, roles over time and articles."""
    with _open(db) as st:
        d = st.entity(name, articles=limit)
        if d is None:
            raise click.ClickException(f"no entity named {name!r} in {db}")
        if fmt == "json":
            _emit(d, fmt)
            return
        e = d.entity
        click.echo(f"{e.name} ({e.type}, {e.affiliation or 'no country'}): {e.n_articles} "
                   f"article(s), {e.first_date} to {e.last_date}  [{e.id}]")
        click.echo("also written: " + "; ".join(d.aliases))
        _emit(d.roles, fmt, ["title", "first_date", "last_date", "n_articles"], "roles")
        _emit(d.articles, fmt, ["published", "title", "id"], "articles")


@command.command("quotes")
@_subject("Words the quote must contain")
@click.option("--speaker", default=None, help="Part of the speaker's name or of a variant.")
@click.option("--from", "date_from", default=None, callback=validate_date, help="YYYY-MM-DD.")
@click.option("--to", "date_to", default=None, callback=validate_date, help="YYYY-MM-DD.")
@click.option("--questions", is_flag=True, help="Include journalists' questions.")
@_language("quotes from articles")
@_common
def quotes(subject: str | None, q: str | None, speaker: str | None, date_from: str | None,
           date_to: str | None, questions: bool, language: str | None, db: str, fmt: str,
           limit: int, offset: int) -> None:
    """Quotes with their speakers, newest first; with SUBJECT, those containing its words
    (--speaker for who said them)."""
    with _open(db) as st:
        rows = st.quotes(speaker=speaker, q=_one(subject, q), date_from=date_from, date_to=date_to,
                         questions=questions, language=language, limit=limit, offset=offset)
        _emit(rows, fmt, ["date", "speaker", "text", "kind", "article_id"])


@command.command("events")
@click.option("--category", default=None, help="PLOVER category, e.g. CONSULT.")
@click.option("--actor", default=None, help="An entity (name or id) or a country.")
@click.option("--modality", default=None, help="occurred, planned, intended, negated, ...")
@click.option("--from", "date_from", default=None, callback=validate_date, help="YYYY-MM-DD.")
@click.option("--to", "date_to", default=None, callback=validate_date, help="YYYY-MM-DD.")
@click.option("--order", type=click.Choice(["date", "reports"]), default="date",
              show_default=True, help="Newest first, or most reported first.")
@click.option("--min-confidence", "min_confidence", default=None,
              type=click.FloatRange(0, 1),
              help="Only events the event judge gave at least this confidence (default: its "
                   "threshold; 0 lists every event).")
@_common
def events(category: str | None, actor: str | None, modality: str | None,
           date_from: str | None, date_to: str | None, order: str,
           min_confidence: float | None, db: str, fmt: str, limit: int, offset: int) -> None:
    """Events, each a cluster of reports from one or more articles; those the event judge
    is not confident of are left out unless --min-confidence says otherwise."""
    from newsgraph.lexicon import event_threshold

    conf = event_threshold() if min_confidence is None else min_confidence
    with _open(db) as st:
        rows = st.events(category=category, actor=actor, modality=modality,
                         date_from=date_from, date_to=date_to, order=order, limit=limit,
                         offset=offset, min_confidence=conf)
        _emit(rows, fmt, ["date", "category", "modality", "actors", "n_reports",
                          "n_independent", "sentence", "id"])


@command.command("event")
@click.argument("event_id")
@_common
def event(event_id: str, db: str, fmt: str, limit: int, offset: int) -> None:
    """One event with every report of it."""
    with _open(db) as st:
        d = st.event(event_id)
        if d is None:
            raise click.ClickException(f"no event {event_id!r} in {db}")
        if fmt == "json":
            _emit(d, fmt)
            return
        _emit([d.event], fmt, ["date", "category", "modality", "actors", "location",
                               "n_reports", "n_independent"])
        _emit(d.reports[offset:offset + limit], fmt,
              ["published", "article_title", "sentence", "duplicate_of"], "reports")


@command.command("agreements")
@_subject("The agreement's name or part of it")
@click.option("--kind", default=None, help="framework, treaty, mou, arms-sale, ...")
@click.option("--status", default=None, help="Latest status, e.g. signed.")
@click.option("--party", default=None, help="A country party to the agreement.")
@_common
def agreements(subject: str | None, q: str | None, kind: str | None, status: str | None,
               party: str | None, db: str, fmt: str, limit: int, offset: int) -> None:
    """Agreements, most reported first. With SUBJECT (a name or part of it) matching one
    agreement, its status timeline and the commitments about it."""
    name = _one(subject, q)
    with _open(db) as st:
        rows = st.agreements(q=name, kind=kind, status=status, party=party, limit=limit,
                             offset=offset)
        if name and len(rows) == 1:
            d = st.agreement(rows[0].id)
            assert d is not None
            if fmt == "json":
                _emit(d, fmt)
                return
            a = d.agreement
            click.echo(f"{a.name} ({a.kind}; {', '.join(a.parties)}): {a.status}  [{a.id}]")
            click.echo("also written: " + "; ".join(d.aliases))
            _emit(d.timeline, fmt, ["date", "status", "evidence", "article_title"], "timeline")
            _emit(d.commitments, fmt, ["date", "speaker", "text", "outcome"], "commitments")
            return
        _emit(rows, fmt, ["name", "kind", "parties", "status", "first_date", "last_date",
                          "n_articles", "id"])


@command.command("commitments")
@click.option("--speaker", default=None, help="Part of the speaker's name.")
@click.option("--outcome", type=click.Choice(["open", "fulfilled", "contradicted", "lapsed"]),
              default=None, help="Only commitments with this outcome.")
@_common
def commitments(speaker: str | None, outcome: str | None, db: str, fmt: str, limit: int,
                offset: int) -> None:
    """Statements of intent by named people, and what became of them."""
    with _open(db) as st:
        rows = st.commitments(speaker=speaker, outcome=outcome, limit=limit, offset=offset)
        _emit(rows, fmt, ["date", "speaker", "cue", "action", "deadline_text", "outcome",
                          "text"])


@command.command("dyad")
@click.argument("a")
@click.argument("b")
@click.option("--from", "date_from", default=None, callback=validate_date, help="YYYY-MM-DD.")
@click.option("--to", "date_to", default=None, callback=validate_date, help="YYYY-MM-DD.")
@_common
def dyad(a: str, b: str, date_from: str | None, date_to: str | None, db: str, fmt: str,
         limit: int, offset: int) -> None:
    """Events between A and B (countries, people or organisations): counts per category and
    the events, newest first. Only events that happened count."""
    with _open(db) as st:
        d = st.dyad(a, b, date_from=date_from, date_to=date_to, limit=limit, offset=offset)
        if fmt == "json":
            _emit(d, fmt)
            return
        _emit(d.counts, fmt, ["category", "n_events"], f"{a} - {b}")
        _emit(d.events, fmt, ["date", "category", "actors", "n_reports", "sentence", "id"])

