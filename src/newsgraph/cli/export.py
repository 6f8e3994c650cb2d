"""`newsgraph export`: write the knowledge graph out as JSONL, CSV, Parquet, PLOVER JSON or
GeoJSON."""

from __future__ import annotations

from pathlib import Path

import click

from newsgraph.store.export import FORMATS


@click.command("export")
@click.option("--db", default="newsgraph.db", show_default=True,
              help="SQLite database written by `newsgraph ingest`.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="jsonl: Article records, one per line; csv / parquet: a folder with one "
                   "file per table; plover: resolved events as PLOVER-style JSON lines; "
                   "geojson: located event reports as a GeoJSON FeatureCollection.")
@click.option("--out", required=True,
              help="Output file (jsonl, plover) or folder (csv, parquet).")
def command(db: str, fmt: str, out: str) -> None:
    """Export the knowledge graph in DB to OUT."""
    from newsgraph.store import Store, StoreError
    from newsgraph.store.export import export

    path = Path(out)
    if fmt in ("jsonl", "plover", "geojson") and path.is_dir():
        raise click.BadParameter(f"{out} is a folder; {fmt} writes one file", param_hint="--out")
    if fmt in ("csv", "parquet") and path.exists() and not path.is_dir():
        raise click.BadParameter(f"{out} is a file; {fmt} writes a folder of files",
                                 param_hint="--out")
    try:
        with Store(db, readonly=True) as st:
            report = export(st, fmt, path)
    except StoreError as e:
        raise click.ClickException(str(e)) from None
    except OSError as e:
        raise click.ClickException(f"{out}: cannot write ({e.strerror or e})") from None
    total = ", ".join(f"{k} {v}" for k, v in report.rows.items() if v)
    click.echo(f"wrote {fmt} to {report.path}: {total or 'nothing to write'}")
