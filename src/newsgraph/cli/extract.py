"""`newsgraph extract`: clean text and metadata, no NLP."""

from __future__ import annotations

import datetime as dt
import json

import click

from newsgraph.cli.common import Tally, articles, check_dates, date_options, exit_code
from newsgraph.run.process import ProcessOptions


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "text"]), default=None,
              help="json: one object (default for one input); jsonl: one per line (default for "
                   "several); text: the clean body only.")
@click.option("--url", default=None, help="URL of the page, when the input does not say.")
@date_options
def command(paths: tuple[str, ...], fmt: str | None, url: str | None,
            published: dt.date | None, force_published: dt.date | None) -> None:
    """Extract the article text, title, date and authors from PATHS (files, folders, .jsonl,
    .warc; '-' for stdin), removing scraper debris. No NLP."""
    check_dates(published, force_published)
    tally = Tally()
    opts = ProcessOptions(url=url, published=published, force_published=force_published,
                          annotate=False)
    arts = list(articles(paths, tally, opts))
    tally.ok = len(arts)
    fmt = fmt or ("json" if len(arts) == 1 and len(paths) == 1 else "jsonl")
    for a in arts:
        d = a.to_dict()
        for k in ("entities", "quotes", "events", "agreements"):
            d.pop(k)
        if fmt == "text":
            if a.title:
                click.echo(a.title + "\n")
            click.echo(a.text + "\n")
        else:
            click.echo(json.dumps(d, ensure_ascii=False, indent=2 if fmt == "json" else None))
    exit_code(tally)
