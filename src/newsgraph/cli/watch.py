"""`newsgraph watch`: follow RSS/Atom feeds and news sitemaps, store every new article."""

from __future__ import annotations

import json
import signal
import sys
from types import FrameType

import click


@click.command("watch")
@click.option("--db", "db", required=True, help="SQLite store to add to (created if absent).")
@click.option("--feed", "feeds", multiple=True, metavar="URL",
              help="An RSS, Atom or news sitemap URL (repeatable).")
@click.option("--feeds", "feed_file", type=click.Path(dir_okay=False, exists=True),
              help="A file of feed URLs, one a line ('#' starts a comment).")
@click.option("--interval", type=click.FloatRange(1.0), default=900.0, show_default=True,
              help="Seconds between two polls of a feed.")
@click.option("--once", is_flag=True, help="Run one round and stop.")
@click.option("--archive", type=click.Path(file_okay=False), default=None,
              help="Folder where every fetched response is written as WARC.")
@click.option("--timeout", type=click.FloatRange(0.1), default=15.0, show_default=True,
              help="Seconds to wait for a server before giving up on a request.")
@click.option("--max-bytes", type=click.IntRange(1024), default=5 * 1024 * 1024,
              show_default=True, help="Largest response body read; larger ones are skipped.")
@click.option("--host-delay", type=click.FloatRange(0.0), default=1.0, show_default=True,
              help="Seconds between two requests to one site (robots.txt may ask for more).")
@click.option("--max-pages", type=click.IntRange(1), default=1000, show_default=True,
              help="Pages fetched per round at most (the rest wait for the next).")
@click.option("--batch", type=click.IntRange(1, 1000), default=16, show_default=True,
              help="Pages fetched, then analysed and stored together (one transaction).")
@click.option("--workers", type=click.IntRange(0, 64), default=0, show_default=True,
              help="Worker processes that extract and annotate (0: in this process).")
@click.option("--no-resolve", is_flag=True, help="Store articles only; no cross-article merge.")
@click.option("--json", "as_json", is_flag=True, help="Print each round's counts as JSON.")
def command(db: str, feeds: tuple[str, ...], feed_file: str | None, interval: float,
            once: bool, archive: str | None, timeout: float, max_bytes: int,
            host_delay: float, max_pages: int, batch: int, workers: int, no_resolve: bool,
            as_json: bool) -> None:
    """Follow feeds: poll each (conditional GET), fetch every new article page politely
    (robots.txt, one site at a time), extract, annotate and store it once, resolve, and
    record new matches of the saved alerts (`newsgraph alert`). State lives in DB, so a
    stopped watch continues where it stopped (without --feed, with the feeds DB follows).
    Failures are listed and retried later."""
    from newsgraph.errors import NewsgraphError
    from newsgraph.store import StoreError
    from newsgraph.watch.fetch import FetchPolicy
    from newsgraph.watch.loop import LoopOptions, read_feed_list, watch
    from newsgraph.watch.pages import PageOptions
    from newsgraph.watch.round import RoundReport, WatchOptions

    urls = list(feeds) + (read_feed_list(feed_file) if feed_file else [])
    stop = Stop()
    opts = LoopOptions(
        watch=WatchOptions(interval_s=interval, resolve=not no_resolve,
                           pages=PageOptions(max_pages=max_pages, batch=batch,
                                             workers=workers)),
        fetch=FetchPolicy(timeout_s=timeout, deadline_s=max(timeout * 2, 30.0),
                          max_bytes=max_bytes, host_interval_s=host_delay),
        once=once, archive=archive)

    def show(r: RoundReport) -> None:
        click.echo(json.dumps(r.counts(), ensure_ascii=False) if as_json else r.line())
        for line in r.errors:
            click.echo(f"  skipped: {line}", err=True)
        sys.stdout.flush()

    before = signal.signal(signal.SIGTERM, stop.set)
    try:
        watch(db, urls, opts, on_round=show, should_stop=stop)
    except (NewsgraphError, StoreError) as e:
        raise click.ClickException(str(e)) from None
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
    finally:
        signal.signal(signal.SIGTERM, before)


class Stop:
    def __init__(self) -> None:
        self.stopped = False

    def set(self, signum: int, frame: FrameType | None) -> None:
        self.stopped = True

    def __call__(self) -> bool:
        return self.stopped
