"""Polite fetching: robots.txt, a pause between requests to one host, conditional GET,
timeouts, retries with backoff, a size cap, a bounded number of redirects, a clear User-Agent.

`Fetcher.get(url, etag=, last_modified=)` returns a `Response` (a 304 has no body and costs
the server nothing) or raises `FetchFailed` with a one-line reason. Connection errors, 429 and
5xx answers are retried at once with a growing pause; a timeout or an over-large body is not
(the caller tries again in a later round). Every 2xx answer is handed to `on_response`, which
`--archive` uses to keep exactly what was read.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

import newsgraph
from newsgraph.watch.robots import Robots

USER_AGENT = (f"newsgraph/{newsgraph.__version__} (news monitor; reads robots.txt; one "
              "request at a time per site)")
REDIRECTS = (301, 302, 303, 307, 308)
RETRY_STATUS = (429, 500, 502, 503, 504)


@dataclass
class FetchPolicy:
    user_agent: str = USER_AGENT
    timeout_s: float = 15.0          # connect, and each wait for more bytes
    deadline_s: float = 30.0         # a whole response, however slowly it trickles
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 2                 # more tries after the first, for transient errors
    backoff_s: float = 1.0           # pause before the first retry; doubled for each next
    host_interval_s: float = 1.0     # at least this between two requests to one host
    robots: bool = True


@dataclass
class Response:
    url: str                         # the URL asked for
    final_url: str                   # after redirects
    status: int
    headers: dict[str, str] = field(default_factory=dict)   # names in lower case
    body: bytes = b""
    seconds: float = 0.0

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchFailed(Exception):
    def __init__(self, url: str, reason: str, status: int | None = None) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status


class _Transient(Exception):
    """A failure worth retrying at once."""

    def __init__(self, failure: FetchFailed) -> None:
        self.failure = failure


class Fetcher:
    def __init__(self, policy: FetchPolicy | None = None, *,
                 on_response: Callable[[Response], None] | None = None,
                 sleep: Callable[[float], None] = time.sleep,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.policy = policy or FetchPolicy()
        self.on_response = on_response
        self._sleep = sleep
        self._last: dict[str, float] = {}
        self.requests = 0
        self.client = httpx.Client(
            follow_redirects=False, trust_env=False, transport=transport,
            timeout=httpx.Timeout(self.policy.timeout_s),
            headers={"User-Agent": self.policy.user_agent})
        self.robots = Robots(self._robots_get, self.policy.user_agent)

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            accept: str | None = None) -> Response:
        headers = {k: v for k, v in (("If-None-Match", etag),
                                     ("If-Modified-Since", last_modified),
                                     ("Accept", accept)) if v}
        current = url
        for _ in range(self.policy.max_redirects + 1):
            self._check_robots(current)
            resp = self._with_retries(current, headers)
            location = resp.headers.get("location")
            if resp.status in REDIRECTS and location:
                current = urljoin(current, location)
                continue
            if resp.status >= 400:
                raise FetchFailed(url, f"HTTP {resp.status}", resp.status)
            resp.url, resp.final_url = url, current
            if 200 <= resp.status < 300 and self.on_response is not None:
                self.on_response(resp)
            return resp
        raise FetchFailed(url, f"more than {self.policy.max_redirects} redirects")

    def _check_robots(self, url: str) -> None:
        if not self.policy.robots:
            return
        why = self.robots.refusal(url)
        if why:
            raise FetchFailed(url, why)

    def _with_retries(self, url: str, headers: dict[str, str]) -> Response:
        for attempt in range(self.policy.retries + 1):
            try:
                return self._once(url, headers)
            except _Transient as t:
                if attempt == self.policy.retries:
                    raise t.failure from None
                self._sleep(self.policy.backoff_s * 2 ** attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    def _wait_turn(self, url: str) -> None:
        host = urlsplit(url).netloc
        interval = self.policy.host_interval_s
        if self.policy.robots and not url.endswith("/robots.txt"):
            interval = max(interval, self.robots.crawl_delay(url) or 0.0)
        last = self._last.get(host)
        if last is not None:
            wait = last + interval - time.monotonic()
            if wait > 0:
                self._sleep(wait)
        self._last[host] = time.monotonic()

    def _once(self, url: str, headers: dict[str, str]) -> Response:
        self._wait_turn(url)
        self.requests += 1
        start = time.monotonic()
        try:
            with self.client.stream("GET", url, headers=headers) as r:
                status, hdrs = r.status_code, {k.lower(): v for k, v in r.headers.items()}
                body = b"" if status in REDIRECTS or status == 304 else self._read(url, r, start)
        except httpx.TimeoutException:
            raise FetchFailed(url, f"timeout (no answer within {self.policy.timeout_s:g} s)") \
                from None
        except httpx.HTTPError as e:
            raise _Transient(FetchFailed(url, f"network error ({e.__class__.__name__})")) \
                from None
        if status in RETRY_STATUS:
            raise _Transient(FetchFailed(url, f"HTTP {status}", status))
        return Response(url, url, status, hdrs, body, time.monotonic() - start)

    def _read(self, url: str, r: httpx.Response, start: float) -> bytes:
        cap = self.policy.max_bytes
        declared = r.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise FetchFailed(url, f"body too large ({declared} bytes declared, cap {cap})")
        chunks, size = [], 0
        for chunk in r.iter_bytes():
            size += len(chunk)
            if size > cap:
                raise FetchFailed(url, f"body too large (over the cap of {cap} bytes)")
            if time.monotonic() - start > self.policy.deadline_s:
                raise FetchFailed(url, f"timeout (body not read within "
                                       f"{self.policy.deadline_s:g} s)")
            chunks.append(chunk)
        return b"".join(chunks)

    def _robots_get(self, url: str) -> tuple[int, bytes]:
        """GET robots.txt, following up to five redirects (RFC 9309)."""
        try:
            resp = self._with_retries(url, {})
            for _ in range(5):
                location = resp.headers.get("location")
                if resp.status not in REDIRECTS or not location:
                    break
                resp = self._with_retries(urljoin(resp.url, location), {})
        except FetchFailed as e:
            return e.status or 0, b""
        if 200 <= resp.status < 300 and self.on_response is not None:
            self.on_response(resp)
        return resp.status, resp.body
