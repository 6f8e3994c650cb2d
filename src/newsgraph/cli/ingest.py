"""`newsgraph ingest`: store articles in the knowledge graph and merge them across articles."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys

import click

from newsgraph.cli.common import check_dates, date_options
from newsgraph.run.ingest import IngestOptions, IngestReport, default_workers, ingest


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", "db", default="newsgraph.db", show_default=True,
              help="SQLite database file to create or add to.")
@click.option("--workers", type=click.IntRange(0, 64), default=None,
              help="Worker processes for extraction and annotation (default: CPU count, at "
                   "most 4; 0 runs in this process).")
@click.option("--chunk-size", type=click.IntRange(1, 10_000), default=16, show_default=True,
              help="Inputs per task sent to a worker (and per write transaction).")
@click.option("--no-resolve", is_flag=True,
              help="Store articles only; skip cross-article resolution (run it later with "
                   "`newsgraph resolve` or another ingest).")
@date_options
@click.option("--url", default=None, help="URL for inputs that do not carry one.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def command(paths: tuple[str, ...], db: str, workers: int | None, chunk_size: int,
            no_resolve: bool, published: dt.date | None, force_published: dt.date | None,
            url: str | None, as_json: bool, quiet: bool) -> None:
    """Ingest PATHS (files, folders, .jsonl, .warc/.warc.gz) into the knowledge graph in DB.

    Each article is extracted, annotated and stored once, however often it is ingested (its
    id is a hash of its clean text); then the new articles' people, events and agreements
    are merged with the stored ones (the same tables a full `newsgraph resolve --full`
    gives). Safe to interrupt and rerun. Bad inputs are listed at the end and
    the others are still stored; the exit code is then 1.
    """
    from newsgraph.store import StoreError

    check_dates(published, force_published)
    opts = IngestOptions(workers=default_workers() if workers is None else workers,
                         chunk_size=chunk_size, resolve=not no_resolve, published=published,
                         force_published=force_published, url=url)
    try:
        if quiet:
            report = ingest(paths, db, opts)
        else:
            report = _with_progress(paths, db, opts)
    except StoreError as e:
        raise click.ClickException(str(e)) from None
    if as_json:
        d = dataclasses.asdict(report)
        d["articles_per_s"] = round(report.articles_per_s, 3)
        click.echo(json.dumps(d, ensure_ascii=False))
    else:
        _print(report, db)
    for line in report.errors:
        click.echo(f"error: {line}", err=True)
    if report.errors:
        click.echo(f"{len(report.errors)} input(s) skipped", err=True)
        sys.exit(1)


def _with_progress(paths: tuple[str, ...], db: str, opts: IngestOptions) -> IngestReport:
    import time

    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from newsgraph.read import count_inputs

    total = count_inputs(paths)
    columns = [SpinnerColumn(), TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]:.1f} articles/s"), TimeElapsedColumn(),
               TimeRemainingColumn()]
    with Progress(*columns, console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task("ingest", total=total, rate=0.0)
        done = 0
        t0 = time.perf_counter()

        def step(n: int) -> None:
            nonlocal done
            done += n
            elapsed = time.perf_counter() - t0
            bar.update(task, advance=n, rate=done / elapsed if elapsed > 0 else 0.0)

        report = ingest(paths, db, opts, progress=step)
        bar.update(task, total=done if total is None else total)
    return report


def _print(report: IngestReport, db: str) -> None:
    click.echo(f"ingested {report.inputs} input(s) into {db} in {report.seconds:.1f} s "
               f"({report.articles_per_s:.2f} articles/s)")
    click.echo(f"  articles: {report.added} added, {report.already_stored} already stored, "
               f"{report.new_sources} new source(s), {len(report.errors)} error(s)")
    click.echo(f"  rows added: {report.rows_added}")
    if report.not_annotated:
        click.echo("  not annotated (not English): "
                   + ", ".join(f"{k} {v}" for k, v in report.not_annotated.items()))
    if report.resolved:
        click.echo("  resolved: " + ", ".join(f"{k} {v}" for k, v in report.resolved.items()))
    click.echo("  tables: " + ", ".join(f"{k} {v}" for k, v in report.rows.items()))
