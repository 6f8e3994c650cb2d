"""`newsgraph alert add|list|remove`: saved queries whose new matches watch rounds record."""

from __future__ import annotations

import datetime as dt

import click


@click.group("alert")
def command() -> None:
    """Saved queries over the graph. Each `newsgraph watch` round records their new matches,
    served as Atom (/alerts/NAME.atom), JSON (/api/alerts/NAME) and a page (/alerts/NAME)."""


@command.command("add")
@click.argument("name")
@click.option("--db", "db", required=True, help="SQLite store.")
@click.option("--dyad", nargs=2, default=None, metavar="A B",
              help="Events between two sides (countries or entities).")
@click.option("--category", default=None, help="PLOVER category of the events (AGREE, ...).")
@click.option("--entity", default=None, help="Events with this actor (or country).")
@click.option("--speaker", default=None, help="Quotes by this speaker.")
@click.option("--q", "q", default=None, help="Words in the quote (or the event's sentence).")
@click.option("--agreement", default=None, help="Status changes of this agreement.")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None,
              help="Events the event judge gave at least this confidence.")
@click.option("--kind", type=click.Choice(["events", "quotes", "agreements", "commitments"]),
              default=None, help="What the alert watches (default: from the filters); "
                                 "`commitments`: outcomes that became fulfilled/contradicted.")
@click.option("--webhook", default=None, metavar="URL",
              help="POST each round's new matches as JSON to this URL.")
def add(name: str, db: str, dyad: tuple[str, str] | None, category: str | None,
        entity: str | None, speaker: str | None, q: str | None, agreement: str | None,
        min_confidence: float | None, kind: str | None, webhook: str | None) -> None:
    """Save alert NAME; what already matches is not news, only what later rounds find."""
    from newsgraph.errors import NewsgraphError
    from newsgraph.store import Store
    from newsgraph.watch.alerts import add_alert

    query = {"dyad": list(dyad) if dyad else None, "category": category, "entity": entity,
             "speaker": speaker, "q": q, "agreement": agreement,
             "min_confidence": min_confidence}
    try:
        with Store(db) as st:
            n = add_alert(st, name, query, kind=kind, webhook=webhook)
    except NewsgraphError as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"alert {name} added ({n} match(es) already in the graph are not news)")


@command.command("list")
@click.option("--db", "db", required=True, type=click.Path(dir_okay=False, exists=True))
def list_(db: str) -> None:
    """Alerts with their filters, new matches and the time of the last one."""
    from newsgraph.store import Store, StoreError
    from newsgraph.store import alerts as rows

    try:
        with Store(db) as st:
            found, stats = rows.alerts(st.conn), rows.match_stats(st.conn)
    except StoreError as e:
        raise click.ClickException(str(e)) from None
    if not found:
        click.echo("no alerts (add one with `newsgraph alert add NAME ...`)")
    for a in found:
        n, last = stats.get(a.name, (0, None))
        filters = ", ".join(f"{k}={v}" for k, v in sorted(a.query.items()))
        when = dt.datetime.fromtimestamp(last, dt.UTC).strftime("%Y-%m-%d %H:%M") if last \
            else "-"
        click.echo(f"{a.name}  [{a.kind}] {filters}  new: {n}, last {when}"
                   + (f"  webhook {a.webhook}" if a.webhook else ""))


@command.command("remove")
@click.argument("name")
@click.option("--db", "db", required=True, type=click.Path(dir_okay=False, exists=True))
def remove(name: str, db: str) -> None:
    """Remove alert NAME and its matches."""
    from newsgraph.store import Store
    from newsgraph.store import alerts as rows

    with Store(db) as st, st.transaction() as conn:
        gone = rows.remove_alert(conn, name)
    if not gone:
        raise click.ClickException(f"{name}: no such alert")
    click.echo(f"alert {name} removed")
