"""Polite fetching against a site on 127.0.0.1: robots.txt, conditional GET, timeouts,
retries with backoff, the size cap, redirects, the User-Agent, the per-host pause."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from newsgraph.watch.fetch import Fetcher, FetchFailed, FetchPolicy
from watch_server import NewsSite, Reply


@pytest.fixture()
def site() -> Iterator[NewsSite]:
    s = NewsSite().start()
    s.set("/robots.txt", Reply(body=b"User-agent: *\nDisallow: /private/\n",
                               ctype="text/plain"))
    s.set("/page", Reply(body=b"<html><body><p>hello</p></body></html>", etag=True))
    yield s
    s.stop()


def fetcher(**kw: object) -> tuple[Fetcher, list[float]]:
    pauses: list[float] = []
    policy = FetchPolicy(**{"host_interval_s": 0.0, "backoff_s": 0.01, "timeout_s": 1.0,
                            "deadline_s": 2.0, **kw})  # type: ignore[arg-type]
    return Fetcher(policy, sleep=lambda s: (pauses.append(s), time.sleep(s))[1]), pauses


def test_get_then_conditional_get_is_304(site: NewsSite) -> None:
    f, _ = fetcher()
    first = f.get(site.url("/page"))
    assert first.status == 200 and b"hello" in first.body
    again = f.get(site.url("/page"), etag=first.headers["etag"])
    assert again.not_modified and again.body == b""
    assert site.hits["/page"] == 2 and site.not_modified["/page"] == 1


def test_user_agent_names_the_tool(site: NewsSite) -> None:
    f, _ = fetcher()
    f.get(site.url("/page"))
    assert any(ua.startswith("newsgraph/") and "robots.txt" in ua for ua in site.user_agents)


def test_robots_disallow_is_not_requested(site: NewsSite) -> None:
    site.set("/private/a", Reply(body=b"secret"))
    f, _ = fetcher()
    with pytest.raises(FetchFailed, match="robots.txt"):
        f.get(site.url("/private/a"))
    assert site.hits["/private/a"] == 0 and site.hits["/robots.txt"] == 1
    f.get(site.url("/page"))
    assert site.hits["/robots.txt"] == 1   # read once per site


def test_robots_unreadable_blocks_the_site_and_missing_allows(site: NewsSite) -> None:
    site.set("/robots.txt", Reply(503, b"down", "text/plain"))
    f, _ = fetcher(retries=0)
    with pytest.raises(FetchFailed, match="robots.txt unreadable"):
        f.get(site.url("/page"))
    site.set("/robots.txt", Reply(404, b"", "text/plain"))
    g, _ = fetcher()
    assert g.get(site.url("/page")).status == 200


def test_hanging_server_times_out(site: NewsSite) -> None:
    site.set("/hang", Reply(body=b"late", delay_s=2.0))
    f, _ = fetcher(timeout_s=0.3)
    t0 = time.monotonic()
    with pytest.raises(FetchFailed, match="timeout"):
        f.get(site.url("/hang"))
    assert time.monotonic() - t0 < 2.0
    assert site.hits["/hang"] == 1   # a timeout is not retried at once


def test_body_over_the_cap_is_refused(site: NewsSite) -> None:
    site.set("/big", Reply(body=b"x" * 200_000))
    f, _ = fetcher(max_bytes=100_000)
    with pytest.raises(FetchFailed, match="too large"):
        f.get(site.url("/big"))


def test_5xx_is_retried_with_growing_pauses(site: NewsSite) -> None:
    site.set("/flaky", Reply(500, b"oops"))
    f, pauses = fetcher(retries=2, backoff_s=0.01)
    with pytest.raises(FetchFailed, match="HTTP 500") as e:
        f.get(site.url("/flaky"))
    assert e.value.status == 500
    assert site.hits["/flaky"] == 3
    assert pauses == [0.01, 0.02]


def test_redirects_followed_up_to_the_limit(site: NewsSite) -> None:
    site.set("/old", Reply(301, b"", headers={"Location": "/page"}))
    f, _ = fetcher()
    resp = f.get(site.url("/old"))
    assert resp.final_url == site.url("/page") and resp.url == site.url("/old")
    site.set("/loop", Reply(302, b"", headers={"Location": "/loop"}))
    with pytest.raises(FetchFailed, match="redirects"):
        fetcher(max_redirects=3)[0].get(site.url("/loop"))
    assert site.hits["/loop"] == 4


def test_pause_between_requests_to_one_host(site: NewsSite) -> None:
    f, pauses = fetcher(host_interval_s=0.2)
    f.get(site.url("/page"))
    f.get(site.url("/page"))
    assert pauses and 0.0 < max(pauses) <= 0.2


def test_every_2xx_answer_goes_to_the_archive_hook(site: NewsSite) -> None:
    seen: list[str] = []
    f = Fetcher(FetchPolicy(host_interval_s=0.0), on_response=lambda r: seen.append(r.url))
    f.get(site.url("/page"))
    assert seen == [site.url("/robots.txt"), site.url("/page")]
