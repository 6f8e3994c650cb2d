"""The article pages of a round: fetch, extract, annotate and store them, in batches.

Each batch is fetched, then extracted through the one route (`run.process.process`, whose
`skip` leaves out a page whose clean text is stored already, under this URL or another one),
then annotated together, then stored with the new status of each of its URLs in one
transaction. A round stopped at any point therefore leaves every URL either done (stored,
duplicate) with its article, or not done and fetched again by the next round; never half.
"""

from __future__ import annotations

import dataclasses
import time
from collections import Counter
from dataclasses import dataclass, field

from newsgraph.read import InputError, RawInput
from newsgraph.record import Article
from newsgraph.run.process import ProcessOptions, annotate_chunk, process
from newsgraph.store import Store
from newsgraph.store import watch as rows
from newsgraph.watch.fetch import Fetcher, FetchFailed, Response

HTML_ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5,*/*;q=0.1"
_PAGE_TYPES = ("html", "xml", "text/")


@dataclass
class PageOptions:
    process: ProcessOptions = field(default_factory=ProcessOptions)
    max_pages: int = 1000          # pages tried per round
    batch: int = 16                # pages fetched, then analysed and stored together
    retry_s: float = 300.0         # pause before the first retry of a failed page; doubled
    max_attempts: int = 5          # tries of one page before it is given up
    workers: int = 0               # 0: analysed in this process; N: on N worker processes


@dataclass
class PageCounts:
    fetched: int = 0
    stored: int = 0
    duplicates: int = 0
    failed: Counter[str] = field(default_factory=Counter)    # reason -> pages
    stored_ids: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)          # "page URL: reason"
    seconds: dict[str, float] = field(default_factory=dict)  # step -> seconds

    def took(self, step: str, seconds: float) -> None:
        self.seconds[step] = self.seconds.get(step, 0.0) + seconds


@dataclass
class Batch:
    raws: list[RawInput] = field(default_factory=list)
    outcomes: dict[str, rows.UrlOutcome] = field(default_factory=dict)
    pending: dict[str, rows.PendingUrl] = field(default_factory=dict)
    now: float = 0.0               # the round's clock, which schedules retries


def run_pages(store: Store, fetcher: Fetcher, opts: PageOptions, now: float,
              counts: PageCounts) -> None:
    todo = rows.pending_urls(store.conn, now, opts.max_pages)
    for start in range(0, len(todo), opts.batch):
        _one_batch(store, fetcher, opts, todo[start:start + opts.batch], counts, now)


def _one_batch(store: Store, fetcher: Fetcher, opts: PageOptions,
               todo: list[rows.PendingUrl], counts: PageCounts, now: float) -> None:
    batch = Batch(pending={p.url: p for p in todo}, now=now)
    t0 = time.perf_counter()
    for p in todo:
        fetch_page(fetcher, p, opts, batch, counts)
    t1 = time.perf_counter()
    articles, dupes = _extract(store, batch, opts)
    t2 = time.perf_counter()
    # ProcessOptions.annotate False: extraction only (as `newsgraph extract`), stored as is.
    done = annotate_chunk(articles, opts.process) if opts.process.annotate else articles
    t3 = time.perf_counter()
    _settle(batch, done, dupes, opts)
    stored = [a for a in done if isinstance(a, Article)]
    written = store_batch(store, stored, batch)
    t4 = time.perf_counter()
    for step, took in (("fetch", t1 - t0), ("extract", t2 - t1), ("annotate", t3 - t2),
                       ("store", t4 - t3)):
        counts.took(step, took)
    count_outcomes(batch, written, counts)


def fetch_page(fetcher: Fetcher, p: rows.PendingUrl, opts: PageOptions, batch: Batch,
           counts: PageCounts) -> None:
    now = time.time()
    try:
        resp = fetcher.get(p.url, accept=HTML_ACCEPT)
        _check_type(resp)
    except FetchFailed as e:
        batch.outcomes[p.url] = failed_outcome(p, e.reason, opts, batch.now, e.status)
        return
    counts.fetched += 1
    batch.outcomes[p.url] = rows.UrlOutcome(p.url, "new", http_status=resp.status,
                                            final_url=resp.final_url, fetched_at=now,
                                            size=len(resp.body))
    batch.raws.append(RawInput(source=p.url, data=resp.body, url=resp.final_url, hint="html"))


def _check_type(resp: Response) -> None:
    ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype and not any(t in ctype for t in _PAGE_TYPES):
        raise FetchFailed(resp.url, f"not a web page (Content-Type {ctype})", resp.status)


def failed_outcome(p: rows.PendingUrl, reason: str, opts: PageOptions, now: float,
            status: int | None = None) -> rows.UrlOutcome:
    tries = p.attempts + 1
    if tries >= opts.max_attempts:
        return rows.UrlOutcome(p.url, "given_up", reason=reason, http_status=status,
                               fetched_at=time.time())
    return rows.UrlOutcome(p.url, "failed", reason=reason, http_status=status,
                           fetched_at=time.time(),
                           next_try=now + opts.retry_s * 2 ** p.attempts)


def _extract(store: Store, batch: Batch, opts: PageOptions
             ) -> tuple[list[Article | InputError], dict[str, str]]:
    """Extracted articles still to annotate (and the errors), and for each page whose text
    is stored already (or came earlier in this batch) the id it is stored under."""
    dupes: dict[str, str] = {}
    seen: set[str] = set()

    def known(art: Article) -> bool:
        if art.id in seen or store.has_article(art.id):
            dupes[art.source or ""] = art.id
            return True
        seen.add(art.id)
        return False

    extract_only = dataclasses.replace(opts.process, annotate=False)
    return list(process(batch.raws, extract_only, skip=known)), dupes


def _settle(batch: Batch, done: list[Article | InputError], dupes: dict[str, str],
            opts: PageOptions) -> None:
    for o in done:
        out = batch.outcomes[o.source or ""]
        if isinstance(o, InputError):
            failed = failed_outcome(batch.pending[out.url], o.reason, opts, batch.now,
                             out.http_status)
            failed.final_url, failed.size = out.final_url, out.size
            batch.outcomes[out.url] = failed
        else:
            out.status, out.article_id = "stored", o.id
    for source, article_id in dupes.items():
        out = batch.outcomes[source]
        out.status, out.article_id = "duplicate", article_id


def store_batch(store: Store, articles: list[Article], batch: Batch) -> set[str]:
    """Articles and URL statuses in one transaction; the ids of the articles it added."""
    with store.transaction() as conn:
        return rows.write_pages(conn, articles, batch.outcomes, batch.now)


def count_outcomes(batch: Batch, added: set[str], counts: PageCounts) -> None:
    for out in batch.outcomes.values():
        if out.status == "stored":
            counts.stored += 1
            if out.article_id in added:
                counts.stored_ids.append(out.article_id or "")
        elif out.status == "duplicate":
            counts.duplicates += 1
        else:
            counts.failed[_reason_kind(out.reason or "")] += 1
            counts.errors.append(f"page {out.url}: {out.reason}")


def _reason_kind(reason: str) -> str:
    """A reason without its details (numbers, names), to count reasons together."""
    return reason.split(" (")[0]

