"""`newsgraph feeds`: the feeds a store follows, with their health."""

from __future__ import annotations

import datetime as dt
import json

import click


@click.command("feeds")
@click.option("--db", "db", required=True, type=click.Path(dir_okay=False, exists=True),
              help="SQLite store written by `newsgraph watch`.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per feed.")
def command(db: str, as_json: bool) -> None:
    """List feeds: kind, health (ok, failing N times, never polled), the last poll, the next
    one, items found, and what became of their pages (stored, duplicate, failed, waiting)."""
    from dataclasses import asdict

    from newsgraph.store import Store, StoreError
    from newsgraph.store import watch as rows

    try:
        with Store(db) as st:
            feeds, stats = rows.feeds(st.conn), rows.feed_url_stats(st.conn)
    except StoreError as e:
        raise click.ClickException(str(e)) from None
    if not feeds:
        click.echo("no feeds (add some with `newsgraph watch --feed URL`)")
    for f in feeds:
        pages = stats.get(f.url, {})
        if as_json:
            click.echo(json.dumps({**asdict(f), "health": health(f.errors, f.last_polled),
                                   "pages": pages}, ensure_ascii=False))
            continue
        click.echo(f"{f.url}  [{f.kind or '?'}] {health(f.errors, f.last_polled)}")
        click.echo(f"  last poll {_when(f.last_polled)} (HTTP {f.last_status or '-'}), "
                   f"next {_when(f.next_poll)}, {f.n_items} item(s); pages: "
                   + (", ".join(f"{k} {v}" for k, v in sorted(pages.items())) or "none"))
        if f.last_error:
            click.echo(f"  last error: {f.last_error}")


def health(errors: int, last_polled: float | None) -> str:
    if last_polled is None:
        return "never polled"
    return "ok" if errors == 0 else f"failing ({errors} in a row)"


def _when(ts: float | None) -> str:
    if ts is None:
        return "-"
    if ts == 0:
        return "now"
    return dt.datetime.fromtimestamp(ts, dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
