"""A news site on 127.0.0.1 for the watch tests and benchmark: feeds, article pages and the
ways a real site misbehaves (500s, a hang, binary, an enormous body, robots.txt rules).

    site = NewsSite(); site.start()
    site.add_article("/news/a", title, text)          # an HTML page
    site.set_feed("/feed.xml", ["/news/a", ...])      # RSS 2.0 with an ETag
    site.url("/feed.xml"); site.hits["/news/a"]       # requests per path
    site.stop()

Article pages are built from corpus texts (tests/fixtures/spark/corpus-30.jsonl: public
domain releases of the State Department and the White House).
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from paths import FIXTURES

CORPUS = FIXTURES / "spark" / "corpus-30.jsonl"


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    ctype: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0               # before answering at all (a hanging server)
    etag: bool = False                 # answer If-None-Match with 304


def corpus_texts(path: Path = CORPUS) -> list[dict[str, str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        return [json.loads(line) for line in fh if line.strip()]


def article_html(title: str, text: str, date: str | None = None) -> bytes:
    paras = "\n".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8><title>"
            f"{html.escape(title)}</title>{meta}</head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>{html.escape(title)}</h1>\n{paras}</article>"
            "<footer>Local test site</footer></body></html>").encode()


def rss(base: str, links: list[str], title: str = "Local news") -> bytes:
    items = "".join(f"<item><title>item {i}</title><link>{html.escape(base + ln)}</link>"
                    f"<guid>{html.escape(base + ln)}</guid></item>"
                    for i, ln in enumerate(links))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title><link>{base}/</link><description>d</description>"
            f"{items}</channel></rss>").encode()


class _Quiet(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hangs up early (a size cap, a timeout) is expected here."""


class NewsSite:
    def __init__(self) -> None:
        self.routes: dict[str, Reply | Callable[[], Reply]] = {}
        self.hits: Counter[str] = Counter()
        self.not_modified: Counter[str] = Counter()
        self.user_agents: set[str] = set()
        self.posts: list[tuple[str, bytes]] = []
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    # ------------------------------------------------------------ content

    def add_article(self, path: str, title: str, text: str, date: str | None = None) -> None:
        self.routes[path] = Reply(body=article_html(title, text, date))

    def set_feed(self, path: str, links: list[str]) -> None:
        self.routes[path] = Reply(body=rss(self.base, links), etag=True,
                                  ctype="application/rss+xml")

    def set(self, path: str, reply: Reply | Callable[[], Reply]) -> None:
        self.routes[path] = reply

    # ------------------------------------------------------------ serving

    @property
    def base(self) -> str:
        assert self._server is not None, "start() the site first"
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def start(self, port: int = 0) -> NewsSite:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                site._serve(self)

            def do_POST(self) -> None:  # noqa: N802 - a webhook receiver
                n = int(self.headers.get("Content-Length") or 0)
                with site._lock:
                    site.posts.append((self.path, self.rfile.read(n)))
                site._send(self, 204, b"", {}, None)

            def log_message(self, *args: object) -> None:
                pass

        self._server = _Quiet(("127.0.0.1", port), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def _serve(self, h: BaseHTTPRequestHandler) -> None:
        path = h.path.split("?")[0]
        with self._lock:
            self.hits[path] += 1
            self.user_agents.add(h.headers.get("User-Agent", ""))
        route = self.routes.get(path)
        reply = route() if callable(route) else route
        if reply is None:
            reply = Reply(404, b"not found", "text/plain")
        if reply.delay_s:
            time.sleep(reply.delay_s)
        tag = '"' + hashlib.sha1(reply.body).hexdigest()[:16] + '"'
        if reply.etag and h.headers.get("If-None-Match") == tag:
            with self._lock:
                self.not_modified[path] += 1
            self._send(h, 304, b"", {"ETag": tag}, None)
            return
        headers = dict(reply.headers, **({"ETag": tag} if reply.etag else {}))
        self._send(h, reply.status, reply.body, headers, reply.ctype)

    @staticmethod
    def _send(h: BaseHTTPRequestHandler, status: int, body: bytes, headers: dict[str, str],
              ctype: str | None) -> None:
        try:
            h.send_response(status)
            if ctype:
                h.send_header("Content-Type", ctype)
            for k, v in headers.items():
                h.send_header(k, v)
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            if status != 304:
                h.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass
