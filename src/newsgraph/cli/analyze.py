"""`newsgraph analyze`: the full Article record for each input."""

from __future__ import annotations

import datetime as dt

import click

from newsgraph.cli.common import Tally, articles, check_dates, date_options, exit_code
from newsgraph.run.process import ProcessOptions


@click.command("analyze")
@click.argument("paths", nargs=-1, required=True)
@date_options
@click.option("--url", default=None, help="URL of the page, when the input does not say.")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "pretty"]), default=None,
              help="json: one object (default for one input); jsonl: one per line (default "
                   "for several); pretty: readable terminal view.")
def command(paths: tuple[str, ...], published: dt.date | None,
            force_published: dt.date | None, url: str | None, fmt: str | None) -> None:
    """Analyse PATHS: clean text, people with titles and countries, quotes with speakers,
    PLOVER events, agreements. Prints the Article record (JSON) per input.

    A text not in English is extracted but not annotated (the annotators are English-only):
    its record has `annotated: false` and the reason, also noted on stderr."""
    from newsgraph.serve.pretty import render

    check_dates(published, force_published)
    tally = Tally()
    single = len(paths) == 1
    opts = ProcessOptions(url=url, published=published, force_published=force_published)
    first = True
    buffered = []
    for a in articles(paths, tally, opts):
        tally.ok += 1
        if not a.annotated:
            click.echo(f"note: {a.source or a.id}: not annotated: {a.annotation_skipped}",
                       err=True)
        buffered.append(a)
        if fmt == "jsonl" or (fmt is None and (not single or len(buffered) > 1)):
            for b in buffered:
                click.echo(b.to_json())
            buffered = []
            fmt = fmt or "jsonl"
        elif fmt == "pretty":
            render(a, first=first)
            buffered = []
        first = False
    for b in buffered:
        click.echo(b.to_json(indent=2))
    exit_code(tally)
