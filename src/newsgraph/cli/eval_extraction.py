"""`newsgraph eval extraction`: body-extraction precision, recall and F1 against gold bodies,
or (`--fundus DIR`) body, title, date, author and language scores beside bare trafilatura."""

from __future__ import annotations

import os
import sys

import click


@click.command("extraction")
@click.option("--gold", "gold_path", default=None, type=click.Path(),
              help="Ground truth JSON: {id: {\"articleBody\": str}} (the benchmark's "
                   "ground-truth.json).")
@click.option("--html-dir", default=None, type=click.Path(),
              help="Folder of <id>.html or <id>.html.gz pages: score HTML extraction.")
@click.option("--text", "text_path", default=None, type=click.Path(),
              help="JSON {id: {\"text\": str}} of whole-page text: score scraped-text cleaning.")
@click.option("--fundus", "fundus_dir", default=None, type=click.Path(),
              help="A fundus folder (<country>/<Publisher>_<YYYY_MM_DD>.html.gz with "
                   "<country>/<Publisher>.json): score body, title, date, authors and language "
                   "per language, beside bare trafilatura (no --gold needed).")
@click.option("--workers", default=None, type=click.IntRange(min=1),
              help="Processes to extract with (default: number of CPUs).")
@click.option("--worst", default=10, show_default=True, type=click.IntRange(min=0),
              help="How many of the lowest-scoring pages to list.")
def command(gold_path: str | None, html_dir: str | None, text_path: str | None,
            fundus_dir: str | None, workers: int | None, worst: int) -> None:
    """Score extracted article bodies against gold bodies with the article-extraction
    benchmark's metric (4-token shingles, per-page precision and recall averaged, F1 of the
    averages). Prints precision, recall, F1 and the worst pages."""
    from newsgraph.evaluate import extraction as ev

    workers = workers or os.cpu_count() or 1
    if fundus_dir is not None:
        if gold_path or html_dir or text_path:
            raise click.UsageError("--fundus DIR takes no --gold, --html-dir or --text")
        _fundus(fundus_dir, workers, worst)
        return
    if gold_path is None:
        raise click.UsageError("give --gold GROUND_TRUTH.json (or --fundus DIR)")
    if (html_dir is None) == (text_path is None):
        raise click.UsageError("give exactly one of --html-dir DIR or --text PAGE_TEXT.json")
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


def _fundus(folder: str, workers: int, worst: int) -> None:
    from newsgraph.evaluate import fundus

    try:
        report = fundus.evaluate_fundus(folder, workers=workers, progress=sys.stderr.isatty())
    except ValueError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(1)
    click.echo(f"pages {report.pages}\n")
    for line in fundus.format_report(report):
        click.echo(line)
    for system in fundus.SYSTEMS:
        refused = report.slices["all"][system].refused
        if refused:
            click.echo(f"\n{system} refused: {', '.join(refused)}")
    if worst:
        click.echo(f"\nworst {worst} newsgraph bodies (F1 precision recall id)")
        pages = sorted(report.body_pages("newsgraph"), key=lambda p: (p.f1, p.id))[:worst]
        for p in pages:
            note = f"  [{p.error}]" if p.error else ""
            click.echo(f"  {p.f1:.3f} {p.precision:.3f} {p.recall:.3f} {p.id}{note}")
