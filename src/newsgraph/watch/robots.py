"""robots.txt, read once per site and kept for a while.

What an answer means follows RFC 9309: a robots.txt that is served is obeyed (the rules for
our User-Agent token `newsgraph`, else those for `*`); one that does not exist (4xx) allows
everything; one that cannot be read (5xx, timeout, network error) forbids the whole site
until it is asked again, since the site may be in trouble.
"""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

# (status, body) of GET /robots.txt; status 0 when it could not be fetched at all.
RobotsGet = Callable[[str], tuple[int, bytes]]
# How long an answer is kept before robots.txt is asked again.
TTL_S = 3600.0


@dataclass
class _Rules:
    parser: urllib.robotparser.RobotFileParser | None   # None: allow everything
    blocked: str | None                                 # set: everything forbidden, why
    fetched: float


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class Robots:
    def __init__(self, get: RobotsGet, user_agent: str, *, ttl_s: float = TTL_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._get = get
        self._agent = user_agent
        self._ttl = ttl_s
        self._clock = clock
        self._rules: dict[str, _Rules] = {}

    def refusal(self, url: str) -> str | None:
        """Why `url` must not be fetched, or None when it may."""
        rules = self._for(url)
        if rules.blocked:
            return rules.blocked
        if rules.parser is not None and not rules.parser.can_fetch(self._agent, url):
            return "forbidden by robots.txt"
        return None

    def crawl_delay(self, url: str) -> float | None:
        rules = self._for(url)
        if rules.parser is None:
            return None
        delay = rules.parser.crawl_delay(self._agent)
        return float(delay) if delay is not None else None

    def _for(self, url: str) -> _Rules:
        key = origin(url)
        rules = self._rules.get(key)
        if rules is None or self._clock() - rules.fetched > self._ttl:
            rules = self._read(key)
            self._rules[key] = rules
        return rules

    def _read(self, key: str) -> _Rules:
        status, body = self._get(key + "/robots.txt")
        now = self._clock()
        if 200 <= status < 300:
            parser = urllib.robotparser.RobotFileParser()
            parser.parse(body.decode("utf-8", "replace").splitlines())
            return _Rules(parser, None, now)
        if 400 <= status < 500:
            return _Rules(None, None, now)
        why = f"HTTP {status}" if status else "no answer"
        return _Rules(None, f"robots.txt unreadable ({why}): site not fetched for now", now)
