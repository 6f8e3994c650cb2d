"""One watch round: poll the feeds that are due, fetch and store the new pages, resolve,
record new alert matches.

Everything a round learns is written as it goes, so a round stopped at any moment (Ctrl-C,
SIGKILL, a crash) is continued by the next one: a feed's new URLs are recorded together with
its new ETag/Last-Modified (a 304 can never hide items that were not recorded), and a page's
article together with its URL's status (see `pages.py`). A feed or page that fails is logged
with the reason, tried again later with a growing pause, and the round goes on.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from typing import Any

from newsgraph.store import Store
from newsgraph.store import watch as rows
from newsgraph.watch.feeds import FeedError, parse_feed
from newsgraph.watch.fetch import Fetcher, FetchFailed
from newsgraph.watch.pages import PageCounts, PageOptions, run_pages

FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/xml;q=0.9, "
               "text/xml;q=0.9, */*;q=0.1")
# The longest pause before a failing feed is polled again.
MAX_FEED_BACKOFF_S = 6 * 3600.0


@dataclass
class WatchOptions:
    interval_s: float = 900.0      # between two polls of a healthy feed
    retry_s: float = 300.0         # before the first new poll of a failing feed; doubled
    pages: PageOptions = field(default_factory=PageOptions)
    resolve: bool = True
    alerts: bool = True


@dataclass
class RoundReport:
    round_id: int = 0
    feeds_polled: int = 0
    feeds_unchanged: int = 0       # answered 304 Not Modified
    feeds_failed: int = 0
    new_items: int = 0             # URLs seen for the first time
    fetched: int = 0
    stored: int = 0
    duplicates: int = 0            # text already stored under another URL
    skipped: dict[str, int] = field(default_factory=dict)   # reason -> pages
    errors: list[str] = field(default_factory=list)         # one line per failure
    alerts: dict[str, int] = field(default_factory=dict)    # alert -> new matches
    resolved: dict[str, int] = field(default_factory=dict)
    requests: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  # step -> seconds

    def counts(self) -> dict[str, Any]:
        return asdict(self)

    def line(self) -> str:
        skipped = sum(self.skipped.values())
        why = ", ".join(f"{k} {v}" for k, v in sorted(self.skipped.items()))
        return (f"round {self.round_id}: {self.feeds_polled} feed(s) polled "
                f"({self.feeds_unchanged} unchanged, {self.feeds_failed} failed), "
                f"{self.new_items} new item(s), {self.fetched} fetched, {self.stored} stored, "
                f"{self.duplicates} duplicate(s), {skipped} skipped"
                + (f" ({why})" if why else "") + self._alert_line())

    def _alert_line(self) -> str:
        news = {k: v for k, v in self.alerts.items() if v}
        return ("; new alert matches: " + ", ".join(f"{k} {v}" for k, v in sorted(news.items()))
                if news else "")


def run_round(store: Store, fetcher: Fetcher, options: WatchOptions | None = None,
              now: float | None = None) -> RoundReport:
    opts = options or WatchOptions()
    now = time.time() if now is None else now
    report = RoundReport()
    with store.transaction() as conn:
        report.round_id = rows.start_round(conn, now)
    requests0 = fetcher.requests
    t0 = time.perf_counter()
    for feed in rows.feeds(store.conn):
        if feed.next_poll <= now:
            poll_feed(store, fetcher, feed, opts, report, now)
    report.seconds["feeds"] = time.perf_counter() - t0
    pages = PageCounts()
    if opts.pages.workers > 0:
        from newsgraph.watch.parallel import run_pages_pool

        run_pages_pool(store, fetcher, opts.pages, now, pages, opts.pages.workers)
    else:
        run_pages(store, fetcher, opts.pages, now, pages)
    _add_pages(report, pages)
    _after_pages(store, opts, report, pages.stored_ids)
    report.requests = fetcher.requests - requests0
    with store.transaction() as conn:
        rows.finish_round(conn, report.round_id, time.time(), report.counts())
    return report


def _add_pages(report: RoundReport, pages: PageCounts) -> None:
    report.fetched, report.stored, report.duplicates = (pages.fetched, pages.stored,
                                                        pages.duplicates)
    report.skipped = dict(pages.failed)
    report.errors.extend(pages.errors)
    report.seconds.update(pages.seconds)


def _after_pages(store: Store, opts: WatchOptions, report: RoundReport,
                 added: list[str]) -> None:
    t0 = time.perf_counter()
    # A round stopped before its end may have stored articles it did not resolve.
    if opts.resolve and (added or rows.unfinished_before(store.conn, report.round_id)):
        report.resolved = resolve_added(store, added)
    t1 = time.perf_counter()
    if opts.alerts:
        from newsgraph.watch.alerts import check_alerts

        report.alerts = check_alerts(store, report.round_id, report.errors)
    report.seconds.update({"resolve": t1 - t0, "alerts": time.perf_counter() - t1})


def resolve_added(store: Store, article_ids: list[str]) -> dict[str, int]:
    """Bring the cross-article tables up to date after `article_ids` were stored: today the
    full rebuild `newsgraph ingest` runs; the one place to call an incremental one."""
    return dict(store.resolve().counts)


def poll_feed(store: Store, fetcher: Fetcher, feed: rows.FeedRow, opts: WatchOptions,
              report: RoundReport, now: float) -> None:
    report.feeds_polled += 1
    feed.last_polled = now
    try:
        resp = fetcher.get(feed.url, etag=feed.etag, last_modified=feed.last_modified,
                           accept=FEED_ACCEPT)
        parsed = None if resp.not_modified else parse_feed(resp.body, resp.final_url)
    except (FetchFailed, FeedError) as e:
        reason = e.reason if isinstance(e, FetchFailed) else str(e)
        _feed_failed(store, feed, reason, getattr(e, "status", None), opts, now, report)
        return
    feed.last_status, feed.errors, feed.last_error = resp.status, 0, None
    feed.last_ok, feed.next_poll = now, now + opts.interval_s
    if parsed is None:
        report.feeds_unchanged += 1
        with store.transaction() as conn:
            rows.save_feed(conn, feed)
        return
    feed.kind, feed.title = parsed.kind, parsed.title or feed.title
    feed.etag, feed.last_modified = resp.headers.get("etag"), resp.headers.get("last-modified")
    if parsed.items:
        feed.last_item = parsed.items[0].url
    with store.transaction() as conn:
        new = rows.add_urls(conn, [i.url for i in parsed.items], feed.url, now)
        for child in parsed.feeds:
            rows.add_feed(conn, child, now)
        feed.n_items += len(new)
        rows.save_feed(conn, feed)
    report.new_items += len(new)


def _feed_failed(store: Store, feed: rows.FeedRow, reason: str, status: int | None,
                 opts: WatchOptions, now: float, report: RoundReport) -> None:
    feed.errors += 1
    feed.last_error, feed.last_status = reason[:300], status
    feed.next_poll = now + min(opts.retry_s * 2 ** (feed.errors - 1), MAX_FEED_BACKOFF_S)
    with store.transaction() as conn:
        rows.save_feed(conn, feed)
    report.feeds_failed += 1
    report.errors.append(f"feed {feed.url}: {reason}")

