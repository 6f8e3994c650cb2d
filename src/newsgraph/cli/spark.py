"""`newsgraph spark`: extract + annotate on Apache Spark, results as Parquet."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newsgraph.errors import NewsgraphError


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
@click.option("--input", "inputs", multiple=True, required=True, metavar="PATH",
              help="A .jsonl file, a folder of HTML/text files or a .warc/.warc.gz file; "
                   "repeat for several.")
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
def command(inputs: tuple[str, ...], output: str, master: str, shard_size: int,
            batch_size: int, conf: dict[str, str]) -> None:
    """Run extraction and annotation on Apache Spark and write Parquet to OUTPUT.

    Inputs are split into shards; each shard is one task that loads the model once per
    Python worker. A rerun skips the shards already finished. Load the result into SQLite
    with `newsgraph load OUTPUT --db FILE`. Needs the extra: pip install 'newsgraph[spark]'.
    """
    from newsgraph.run.process import ProcessOptions
    from newsgraph.run.spark import SparkOptions, run_spark

    opts = SparkOptions(master=master, shard_size=shard_size, conf=conf,
                        steps=ProcessOptions(batch_size=batch_size))
    try:
        report = run_spark(inputs, Path(output), opts)
    except NewsgraphError as e:
        raise click.ClickException(str(e)) from None
    for line in report.errors:
        click.echo(f"error: {line}", err=True)
    for line in report.failed_shards:
        click.echo(f"error: shard {line} (not marked done; a rerun retries it)", err=True)
    click.echo(f"{report.shards} shard(s): {len(report.results)} run, {report.skipped} already "
               f"done; {report.articles} article(s) written to {output}; "
               f"{len(report.errors)} input(s) skipped; {report.seconds:g} s", err=True)
    if report.errors or report.failed_shards:
        sys.exit(1)
