"""`newsgraph resolve`: bring the cross-article tables up to date with the stored articles."""

from __future__ import annotations

import time

import click


@click.command("resolve")
@click.option("--db", "db", required=True, type=click.Path(dir_okay=False, exists=True),
              help="SQLite store to resolve.")
@click.option("--full", is_flag=True,
              help="Rebuild every resolved table from all stored articles (the default adds "
                   "the articles stored since the last resolution; both end the same).")
def command(db: str, full: bool) -> None:
    """Merge entities, events, agreements and commitments across the articles in DB."""
    from newsgraph.store import Store, StoreError

    start = time.perf_counter()
    try:
        with Store(db) as store:
            report = store.resolve(full=full)
    except StoreError as e:
        raise click.ClickException(str(e)) from None
    counts = ", ".join(f"{k} {v}" for k, v in report.counts.items())
    steps = ", ".join(f"{k} {v:.2f} s" for k, v in report.seconds.items())
    click.echo(f"resolved ({'full' if full else 'incremental'}) in "
               f"{time.perf_counter() - start:.2f} s: {counts}" + (f" ({steps})" if steps else ""))
