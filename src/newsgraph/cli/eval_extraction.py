"""`newsgraph eval extraction`: body-extraction precision, recall and F1 against gold bodies."""

from __future__ import annotations

import os
import sys

import click


@click.command("extraction")
@click.option("--gold", "gold_path", required=True, type=click.Path(),
              help="Ground truth JSON: {id: {\"articleBody\": str}} (the benchmark's "
                   "ground-truth.json).")
@click.option("--html-dir", default=None, type=click.Path(),
              help="Folder of <id>.html or <id>.html.gz pages: score HTML extraction.")
@click.option("--text", "text_path", default=None, type=click.Path(),
              help="JSON {id: {\"text\": str}} of whole-page text: score scraped-text cleaning.")
@click.option("--workers", default=None, type=click.IntRange(min=1),
              help="Processes to extract with (default: number of CPUs).")
@click.option("--worst", default=10, show_default=True, type=click.IntRange(min=0),
              help="How many of the lowest-scoring pages to list.")
def command(gold_path: str, html_dir: str | None, text_path: str | None, workers: int | None,
            worst: int) -> None:
    """Score extracted article bodies against gold bodies with the article-extraction
    benchmark's metric (4-token shingles, per-page precision and recall averaged, F1 of the
    averages). Prints precision, recall, F1 and the worst pages."""
    from newsgraph.evaluate import extraction as ev

    if (html_dir is None) == (text_path is None):
        raise click.UsageError("give exactly one of --html-dir DIR or --text PAGE_TEXT.json")
    workers = workers or os.cpu_count() or 1
    try:
        gold = ev.load_gold(gold_path)
        if html_dir is not None:
            report = ev.evaluate_html(gold, html_dir, workers=workers,
                                      progress=sys.stderr.isatty())
        else:
            assert text_path is not None
            report = ev.evaluate_text(gold, ev.load_page_text(text_path), workers=workers,
                                      progress=sys.stderr.isatty())
    except ValueError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(1)
    click.echo(f"pages      {len(report.pages)}")
    click.echo(f"precision  {report.precision:.4f}")
    click.echo(f"recall     {report.recall:.4f}")
    click.echo(f"F1         {report.f1:.4f}")
    failed = [p for p in report.pages if p.error]
    if failed:
        click.echo(f"failed     {len(failed)} page(s) scored 0", err=False)
    if worst:
        click.echo(f"\nworst {min(worst, len(report.pages))} pages (F1 precision recall id)")
        for p in report.worst(worst):
            note = f"  [{p.error}]" if p.error else ""
            click.echo(f"  {p.f1:.3f} {p.precision:.3f} {p.recall:.3f} {p.id}{note}")
