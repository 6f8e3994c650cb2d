"""`newsgraph watch`: add the feeds, then run rounds until stopped (or one, `once`).

Between rounds the watcher sleeps until the next feed is due (at most `interval_s`); a
SIGTERM or Ctrl-C during the pause ends it at once, during a round after that round's
current step (everything done so far is stored; see `round.py`).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.errors import NewsgraphError
from newsgraph.store import Store
from newsgraph.store import watch as rows
from newsgraph.watch.archive import Archive
from newsgraph.watch.feeds import normalise_url
from newsgraph.watch.fetch import Fetcher, FetchPolicy
from newsgraph.watch.round import RoundReport, WatchOptions, run_round


class WatchError(NewsgraphError):
    """A feed list or feed URL that cannot be used."""


@dataclass
class LoopOptions:
    watch: WatchOptions = field(default_factory=WatchOptions)
    fetch: FetchPolicy = field(default_factory=FetchPolicy)
    once: bool = False
    archive: str | os.PathLike[str] | None = None
    max_rounds: int | None = None


def read_feed_list(path: str | os.PathLike[str]) -> list[str]:
    """Feed URLs of a file: one a line; blank lines and lines from '#' are ignored."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise WatchError(f"{path}: cannot read the feed list ({e})") from None
    return [ln.split("#", 1)[0].strip() for ln in text.splitlines()
            if ln.split("#", 1)[0].strip()]


def add_feeds(store: Store, urls: Iterable[str]) -> list[str]:
    """Record the feeds (normalised); refuse the list when one is not a web address."""
    clean = []
    for u in urls:
        n = normalise_url(u)
        if n is None:
            raise WatchError(f"{u!r}: not an http(s) URL")
        clean.append(n)
    now = time.time()
    with store.transaction() as conn:
        return [u for u in clean if rows.add_feed(conn, u, now)]


def watch(db: str, feeds: Iterable[str], options: LoopOptions | None = None,
          on_round: Callable[[RoundReport], None] | None = None,
          should_stop: Callable[[], bool] = lambda: False) -> list[RoundReport]:
    opts = options or LoopOptions()
    reports: list[RoundReport] = []
    with Store(db) as store:
        add_feeds(store, feeds)
        if not rows.feeds(store.conn):
            raise WatchError(f"{db}: no feeds to watch (give --feed URL or --feeds FILE)")
        archive = _archive(opts.archive)
        fetcher = Fetcher(opts.fetch, on_response=archive.write if archive else None)
        try:
            while not should_stop():
                report = run_round(store, fetcher, opts.watch)
                reports.append(report)
                if on_round is not None:
                    on_round(report)
                if opts.once or (opts.max_rounds and len(reports) >= opts.max_rounds):
                    break
                _pause(store, opts.watch.interval_s, should_stop)
        finally:
            fetcher.close()
            if archive is not None:
                archive.close()
    return reports


def _archive(folder: str | os.PathLike[str] | None) -> Archive | None:
    if folder is None:
        return None
    try:
        return Archive(folder)
    except OSError as e:
        raise WatchError(f"{folder}: cannot write the archive there ({e})") from None


def _pause(store: Store, interval_s: float, should_stop: Callable[[], bool]) -> None:
    """Sleep until the next feed or failed page is due, at most `interval_s`."""
    now = time.time()
    due = [f.next_poll for f in rows.feeds(store.conn)]
    until = min([now + interval_s, *due]) if due else now + interval_s
    until = max(until, now + 1.0)
    while time.time() < until and not should_stop():
        time.sleep(min(1.0, until - time.time()))
