"""`newsgraph analyze`: the full Article record for each input."""

from __future__ import annotations

import click

from newsgraph.cli.common import Tally, exit_code, extracted, validate_date


@click.command("analyze")
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", default=None, callback=validate_date,
              help="Publication date YYYY-MM-DD, used to resolve 'on Tuesday', 'last week'.")
@click.option("--url", default=None, help="URL of the page, when the input does not say.")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "pretty"]), default=None,
              help="json: one object (default for one input); jsonl: one per line (default "
                   "for several); pretty: readable terminal view.")
def command(paths: tuple[str, ...], published: str | None, url: str | None,
            fmt: str | None) -> None:
    """Analyse PATHS: clean text, people with titles and countries, quotes with speakers,
    PLOVER events, agreements. Prints the Article record (JSON) per input."""
    from newsgraph.annotate import annotate
    from newsgraph.serve.pretty import render

    tally = Tally()
    single = len(paths) == 1
    arts = annotate(extracted(paths, tally, url=url, published=published))
    first = True
    buffered = []
    for a in arts:
        tally.ok += 1
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
