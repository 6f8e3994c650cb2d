"""Watch rounds against a site on 127.0.0.1 (extraction only, no model): new items fetched
once, 304 for unchanged feeds, failures skipped with their reason and retried later, text
already stored not analysed twice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.run.process import ProcessOptions
from newsgraph.store import Store
from newsgraph.store import watch as rows
from newsgraph.watch.fetch import Fetcher, FetchPolicy
from newsgraph.watch.loop import add_feeds
from newsgraph.watch.pages import PageOptions
from newsgraph.watch.round import WatchOptions, run_round
from watch_server import NewsSite, Reply, corpus_texts

T0 = 1_800_000_000.0
INTERVAL = 600.0


@pytest.fixture()
def site() -> Iterator[NewsSite]:
    s = NewsSite().start()
    s.set("/robots.txt", Reply(body=b"User-agent: *\nDisallow: /private/\n", ctype="text/plain"))
    for i, rec in enumerate(corpus_texts()[:6]):
        s.add_article(f"/news/{i}", rec["title"], rec["text"])
    s.set("/private/0", Reply(body=b"<p>not for robots</p>"))
    s.set("/hang", Reply(body=b"<p>late</p>", delay_s=1.5))
    s.set("/big", Reply(body=b"<p>" + b"word " * 60_000 + b"</p>"))
    s.set("/bin", Reply(body=bytes(range(256)) * 40, ctype="text/html"))
    s.set_feed("/feed.xml", ["/news/0", "/news/1", "/news/2", "/private/0", "/hang", "/big",
                             "/bin"])
    s.set_feed("/quiet.xml", ["/news/3"])
    s.set("/broken.xml", Reply(500, b"oops"))
    s.set("/slow.xml", Reply(body=b"<rss/>", delay_s=1.5, ctype="application/rss+xml"))
    s.set("/binary.xml", Reply(body=bytes(range(256)) * 8, ctype="application/rss+xml"))
    yield s
    s.stop()


def options() -> WatchOptions:
    return WatchOptions(interval_s=INTERVAL, resolve=False, alerts=False,
                        pages=PageOptions(process=ProcessOptions(annotate=False), batch=4))


def fetcher() -> Fetcher:
    return Fetcher(FetchPolicy(host_interval_s=0.0, timeout_s=0.5, retries=1, backoff_s=0.01,
                               max_bytes=100_000))


def test_rounds(site: NewsSite, tmp_path: Path) -> None:
    with Store(tmp_path / "w.db") as st, fetcher() as f:
        add_feeds(st, [site.url(p) for p in ("/feed.xml", "/quiet.xml", "/broken.xml",
                                              "/binary.xml", "/slow.xml")])
        r1 = run_round(st, f, options(), now=T0)
        assert (r1.feeds_polled, r1.feeds_failed, r1.new_items) == (5, 3, 8)
        assert any("slow.xml: timeout" in e for e in r1.errors)
        assert any("binary.xml: not an RSS or Atom feed" in e for e in r1.errors)
        assert (r1.fetched, r1.stored) == (5, 4)
        assert r1.skipped == {"forbidden by robots.txt": 1, "timeout": 1,
                              "body too large": 1, "binary data, not text or HTML": 1}
        assert site.hits["/private/0"] == 0
        assert st.stats().tables["articles"] == 4
        assert any("broken.xml: HTTP 500" in e for e in r1.errors)

        site.add_article("/news/4", "Fresh", corpus_texts()[4]["text"])
        site.add_article("/news/5", "Fresher", corpus_texts()[5]["text"])
        site.set_feed("/feed.xml", ["/news/5", "/news/4", "/news/0", "/news/1", "/news/2"])
        before = dict(site.hits)
        r2 = run_round(st, f, options(), now=T0 + INTERVAL + 1)
        # the two new pages, and the failed ones, due again (retry after 300 s)
        assert (r2.new_items, r2.stored) == (2, 2)
        assert site.hits["/bin"] == 2 and site.hits["/private/0"] == 0
        assert r2.feeds_unchanged == 1 and site.not_modified["/quiet.xml"] == 1
        fetched = {p for p, n in site.hits.items() if n > before.get(p, 0)}
        assert {"/news/4", "/news/5"} <= fetched
        assert not fetched & {"/news/0", "/news/1", "/news/2", "/news/3"}
        assert st.stats().tables["articles"] == 6


def test_failed_pages_and_feeds_are_retried_later(site: NewsSite, tmp_path: Path) -> None:
    with Store(tmp_path / "w.db") as st, fetcher() as f:
        add_feeds(st, [site.url("/feed.xml"), site.url("/broken.xml")])
        run_round(st, f, options(), now=T0)
        hang = site.hits["/hang"]
        again = run_round(st, f, options(), now=T0 + 1)   # nothing due yet
        assert again.feeds_polled == 0 and again.fetched == 0 and site.hits["/hang"] == hang
        site.set("/hang", Reply(body=b"<html><body><article><p>" + b"Now it answers. " * 30
                                + b"</p></article></body></html>"))
        site.set("/broken.xml", Reply(body=b"<rss version='2.0'><channel><title>x</title>"
                                      b"</channel></rss>", ctype="application/rss+xml"))
        later = run_round(st, f, options(), now=T0 + 10 * INTERVAL)
        assert later.stored == 1 and later.feeds_failed == 0
        urls = {u: (s, n) for u, s, _, n, _ in rows.url_rows(st.conn)}
        assert urls[site.url("/hang")] == ("stored", 2)
        feeds = {fd.url: fd for fd in rows.feeds(st.conn)}
        assert feeds[site.url("/broken.xml")].errors == 0


def test_text_stored_under_another_url_is_not_analysed_twice(site: NewsSite,
                                                             tmp_path: Path) -> None:
    rec = corpus_texts()[0]
    site.add_article("/copy/0", rec["title"], rec["text"])
    site.set_feed("/feed.xml", ["/news/0", "/copy/0"])
    with Store(tmp_path / "w.db") as st, fetcher() as f:
        add_feeds(st, [site.url("/feed.xml")])
        r = run_round(st, f, options(), now=T0)
        assert (r.stored, r.duplicates) == (1, 1)
        assert st.stats().tables["articles"] == 1
        assert st.stats().tables["article_sources"] == 2
        status = {u: s for u, s, *_ in rows.url_rows(st.conn)}
        assert status[site.url("/copy/0")] == "duplicate"


def test_url_already_stored_is_not_fetched(site: NewsSite, tmp_path: Path) -> None:
    from newsgraph.extract import extract

    art = extract(corpus_texts()[1]["text"], url=site.url("/news/1"))
    with Store(tmp_path / "w.db") as st, fetcher() as f:
        st.write_articles([art])
        site.set_feed("/feed.xml", ["/news/1"])
        add_feeds(st, [site.url("/feed.xml")])
        r = run_round(st, f, options(), now=T0)
        assert r.new_items == 0 and site.hits["/news/1"] == 0


def test_watch_needs_feeds_and_refuses_bad_ones(tmp_path: Path) -> None:
    from newsgraph.watch.loop import WatchError, read_feed_list, watch

    with pytest.raises(WatchError, match="no feeds"):
        watch(str(tmp_path / "w.db"), [])
    with pytest.raises(WatchError, match="not an http"):
        watch(str(tmp_path / "w.db"), ["ftp://127.0.0.1/feed"])
    lst = tmp_path / "feeds.txt"
    lst.write_text("# local\nhttp://127.0.0.1:1/a.xml  # first\n\nhttp://127.0.0.1:1/b.xml\n")
    assert read_feed_list(lst) == ["http://127.0.0.1:1/a.xml", "http://127.0.0.1:1/b.xml"]


def test_a_page_that_keeps_failing_is_given_up(site: NewsSite, tmp_path: Path) -> None:
    site.set_feed("/feed.xml", ["/missing"])
    opts = options()
    opts.pages.max_attempts = 2
    with Store(tmp_path / "w.db") as st, fetcher() as f:
        add_feeds(st, [site.url("/feed.xml")])
        for k in range(4):
            run_round(st, f, opts, now=T0 + k * 10 * INTERVAL)
        assert site.hits["/missing"] == 2
        ((_, status, _, attempts, reason),) = rows.url_rows(st.conn)
        assert (status, attempts, reason) == ("given_up", 2, "HTTP 404")
