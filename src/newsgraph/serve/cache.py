"""A small cache of whole GET responses: the store changes rarely, pages are read often.

Keyed by path and query string; only 200 responses under `max_body` bytes are kept; entries
expire after `ttl` seconds (another process may write the store) and everything is dropped
when this server writes. Bounded in entries, so odd URLs cannot grow memory without end.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[MutableMapping[str, Any], Receive, Send], Awaitable[None]]


@dataclass
class Entry:
    at: float
    start: Message
    body: bytes


class ResponseCache:
    def __init__(self, entries: int = 2048, ttl: float = 30.0,
                 max_body: int = 512_000) -> None:
        self.entries = entries
        self.ttl = ttl
        self.max_body = max_body
        self._data: OrderedDict[bytes, Entry] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: bytes) -> Entry | None:
        with self._lock:
            e = self._data.get(key)
            if e is None or time.monotonic() - e.at > self.ttl:
                self.misses += 1
                return None
            self._data.move_to_end(key)
            self.hits += 1
            return e

    def put(self, key: bytes, entry: Entry) -> None:
        with self._lock:
            self._data[key] = entry
            self._data.move_to_end(key)
            while len(self._data) > self.entries:
                self._data.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()


# Paths never cached: static files have their own handling, the rest is not a read.
_SKIP = (b"/static", b"/docs", b"/openapi.json")


class CacheMiddleware:
    def __init__(self, app: ASGIApp, cache: ResponseCache) -> None:
        self.app = app
        self.cache = cache

    async def __call__(self, scope: MutableMapping[str, Any], receive: Receive,
                       send: Send) -> None:
        path = scope.get("raw_path") or scope.get("path", "").encode()
        if (scope["type"] != "http" or scope.get("method") != "GET"
                or path.startswith(_SKIP)):
            await self.app(scope, receive, send)
            return
        key = path + b"?" + scope.get("query_string", b"")
        hit = self.cache.get(key)
        if hit is not None:
            await send(hit.start)
            await send({"type": "http.response.body", "body": hit.body})
            return
        start: Message = {}
        chunks: list[bytes] = []
        size = 0
        keep = True

        async def capture(msg: Message) -> None:
            nonlocal start, size, keep
            if msg["type"] == "http.response.start":
                start = dict(msg)
                keep = msg.get("status") == 200
            elif msg["type"] == "http.response.body" and keep:
                body = msg.get("body", b"")
                size += len(body)
                if size > self.cache.max_body:
                    keep = False
                    chunks.clear()
                else:
                    chunks.append(body)
            await send(msg)

        await self.app(scope, receive, capture)
        if keep and start:
            self.cache.put(key, Entry(time.monotonic(), start, b"".join(chunks)))
