"""`newsgraph load`: Parquet results of `newsgraph spark` -> the SQLite store."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newsgraph.errors import NewsgraphError


@click.command("load")
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--db", "db", required=True, type=click.Path(dir_okay=False),
              help="SQLite store to write (created when missing).")
@click.option("--resolve/--no-resolve", default=True, show_default=True,
              help="Run the cross-article resolution after loading.")
def command(directory: str, db: str, resolve: bool) -> None:
    """Load the Parquet results in DIRECTORY (written by `newsgraph spark`) into the SQLite
    store, then merge entities, events and agreements across articles. Idempotent like
    `ingest`: articles already stored (same text) are not added again. When DIRECTORY also
    holds the resolution made on Spark (`newsgraph spark --resolve`) of exactly the articles
    the store then holds, its tables are stored as they are, with no rebuild here."""
    from newsgraph.run.load import load_results

    try:
        report = load_results(Path(directory), db, resolve=resolve)
    except NewsgraphError as e:
        raise click.ClickException(str(e)) from None
    for line in report.errors:
        click.echo(f"error: {line}", err=True)
    if report.note:
        click.echo(f"note: not using the resolution made on Spark: {report.note}", err=True)
    resolved = ", ".join(f"{v} {k}" for k, v in report.resolved.items())
    how = {"spark": "resolved on Spark, stored without a rebuild", "here": "resolved"}
    click.echo(f"{report.shards} shard(s), {report.articles} article(s): {report.added} added, "
               f"{report.already} already stored" + (f"; {how[report.resolved_by]}: {resolved}"
                                                     if report.resolved_by else "")
               + f"; {report.seconds:g} s", err=True)
    if report.errors:
        sys.exit(1)
