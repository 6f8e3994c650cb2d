"""`newsgraph spark`: extract + annotate on Apache Spark, results as Parquet."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from newsgraph.errors import NewsgraphError

if TYPE_CHECKING:
    from newsgraph.run.spark import ResolveReport


def _conf(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
          ) -> dict[str, str]:
    out = {}
    for v in values:
        key, sep, value = v.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{v!r} is not KEY=VALUE")
        out[key.strip()] = value.strip()
    return out


@click.command("spark")
@click.option("--input", "inputs", multiple=True, metavar="PATH",
              help="A .jsonl file, a folder of HTML/text files or a .warc/.warc.gz file; "
                   "repeat for several. None with --resolve: resolve the finished shards.")
@click.option("--output", "output", required=True, type=click.Path(file_okay=False),
              help="Folder for the Parquet tables (articles, entities, quotes, events, "
                   "agreements) and the finished-shard markers.")
@click.option("--master", default="local[2]", show_default=True,
              help="Spark master URL: local[N] on one machine, or a cluster's.")
@click.option("--shard-size", default=200, show_default=True, type=click.IntRange(min=1),
              help="Articles per shard (one Spark task). Keep it the same when rerunning "
                   "into the same output folder.")
@click.option("--batch-size", default=64, show_default=True, type=click.IntRange(min=1),
              help="Documents per nlp.pipe batch inside a worker.")
@click.option("--conf", "conf", multiple=True, callback=_conf, metavar="KEY=VALUE",
              help="Extra Spark setting, e.g. spark.executor.memory=4g; repeatable.")
@click.option("--resolve/--no-resolve", default=False, show_default=True,
              help="Also resolve across articles on Spark and write the resolved tables to "
                   "OUTPUT/resolved, which `newsgraph load` then stores without a rebuild.")
def command(inputs: tuple[str, ...], output: str, master: str, shard_size: int,
            batch_size: int, conf: dict[str, str], resolve: bool) -> None:
    """Run extraction and annotation on Apache Spark and write Parquet to OUTPUT.

    Inputs are split into shards; each shard is one task that loads the model once per
    Python worker. A rerun skips the shards already finished. Load the result into SQLite
    with `newsgraph load OUTPUT --db FILE`. Needs the extra: pip install 'newsgraph[spark]'.
    """
    from newsgraph.run.process import ProcessOptions
    from newsgraph.run.spark import SparkOptions, resolve_spark, run_spark

    opts = SparkOptions(master=master, shard_size=shard_size, conf=conf, resolve=resolve,
                        steps=ProcessOptions(batch_size=batch_size))
    if not inputs and not resolve:
        raise click.UsageError("give at least one --input (or --resolve alone to resolve "
                               "the finished shards of OUTPUT)")
    try:
        if not inputs:
            _echo_resolution(resolve_spark(Path(output), opts), output)
            return
        report = run_spark(inputs, Path(output), opts)
    except NewsgraphError as e:
        raise click.ClickException(str(e)) from None
    if report.resolution is not None:
        _echo_resolution(report.resolution, output)
    for line in report.errors:
        click.echo(f"error: {line}", err=True)
    for line in report.failed_shards:
        click.echo(f"error: shard {line} (not marked done; a rerun retries it)", err=True)
    click.echo(f"{report.shards} shard(s): {len(report.results)} run, {report.skipped} already "
               f"done; {report.articles} article(s) written to {output}; "
               f"{len(report.errors)} input(s) skipped; {report.seconds:g} s", err=True)
    if report.errors or report.failed_shards:
        sys.exit(1)


def _echo_resolution(report: ResolveReport, output: str) -> None:
    rows = report.rows
    steps = ", ".join(f"{k} {v:g} s" for k, v in report.seconds.items())
    click.echo(f"resolved {report.articles} article(s) of {report.shards} shard(s) on Spark: "
               f"{rows.get('entities', 0)} entities, {rows.get('duplicates', 0)} copies, "
               f"{rows.get('events', 0)} events, {rows.get('agreements', 0)} agreements, "
               f"{rows.get('commitments', 0)} commitments, in {output}/resolved ({steps})",
               err=True)
