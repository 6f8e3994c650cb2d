"""The FastAPI application: JSON API under /api, web UI at /, static assets at /static.

`create_app(ServeOptions(db=...))` is what `newsgraph serve` runs under uvicorn and what tests
mount. Nothing here is loaded from a CDN: htmx and d3-force are vendored in `static/`, and the
API reference at /docs is rendered on the server from the OpenAPI schema.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

import newsgraph
from newsgraph.serve.cache import CacheMiddleware, ResponseCache
from newsgraph.store.db import Store
from newsgraph.store.pool import ReadPool, Writer

HERE = Path(__file__).parent
Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Scripts and styles only from our own origin: an article that smuggles markup past escaping
# still could not run inline script.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


@dataclass
class ServeOptions:
    db: Path
    token: str | None = None
    # An article is rarely over 200 kB of HTML; 2 MB leaves room without inviting abuse.
    max_body_bytes: int = 2_000_000
    # Whole GET responses kept for a while (see serve/cache.py); off for measuring cold reads.
    cache: bool = True


@dataclass
class _Body:
    """A request body read up to the limit."""

    data: bytes = b""
    too_big: bool = False
    gone: bool = False   # the client went away before the end


class BodyLimit:
    """Refuse request bodies over `limit` bytes with 413, by header or by counting.

    A body sent without Content-Length (chunked) is read here, up to the limit, before the
    app sees it: FastAPI turns errors raised while it reads a body into 400, which would hide
    the real reason.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        if self._declared_too_big(scope):
            await self._refuse(send)
            return
        body = await self._read(receive)
        if body.gone:
            return
        if body.too_big:
            await self._refuse(send)
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body.data, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    def _declared_too_big(self, scope: Scope) -> bool:
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is None:
            return False
        try:
            return int(declared) > self.limit
        except ValueError:
            return True

    async def _read(self, receive: Receive) -> _Body:
        chunks: list[bytes] = []
        seen = 0
        while True:
            msg = await receive()
            if msg["type"] != "http.request":
                return _Body(gone=True)
            chunk = msg.get("body", b"")
            seen += len(chunk)
            if seen > self.limit:
                return _Body(too_big=True)
            chunks.append(chunk)
            if not msg.get("more_body", False):
                return _Body(b"".join(chunks))

    async def _refuse(self, send: Send) -> None:
        body = json.dumps({"detail": f"request body larger than {self.limit} bytes"}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


def app_from_env() -> FastAPI:
    """The app for uvicorn's worker processes (`newsgraph serve --workers N`), configured by
    NEWSGRAPH_SERVE_DB and NEWSGRAPH_TOKEN."""
    import os

    return create_app(ServeOptions(db=Path(os.environ["NEWSGRAPH_SERVE_DB"]),
                                   token=os.environ.get("NEWSGRAPH_TOKEN") or None,
                                   cache=os.environ.get("NEWSGRAPH_SERVE_CACHE") != "0"))


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(("/api", "/openapi", "/static"))


class _Stores:
    """The app's stores: per-thread readers, and one writer thread with its own store."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.pool = ReadPool(db)
        self.writer = Writer()
        self._write_store: list[Store] = []

    def write_store(self) -> Store:
        # Opened on first use, on the writer thread, and only ever used there.
        if not self._write_store:
            self._write_store.append(Store(self.db))
        return self._write_store[0]

    def close(self) -> None:
        self.writer.close()
        while self._write_store:
            self._write_store.pop().close()
        self.pool.close()


def create_app(options: ServeOptions) -> FastAPI:
    from newsgraph.serve import alerts, api, map_page, web
    from newsgraph.serve.queries import Queries

    stores = _Stores(options.db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()

    app = FastAPI(
        title="newsgraph",
        version=newsgraph.__version__,
        description="Read the newsgraph knowledge graph: articles, people, organisations and "
                    "countries, quotes, PLOVER events, country-pair timelines, agreements and "
                    "commitments. List endpoints take `limit` and `offset`.",
        docs_url=None, redoc_url=None, lifespan=lifespan,
    )
    app.state.options = options
    app.state.pool = stores.pool
    app.state.writer = stores.writer
    app.state.write_store = stores.write_store
    app.state.queries = Queries(stores.pool)
    app.state.response_cache = ResponseCache()
    # Fail at start-up, not on the first request, when the file is not a store.
    app.state.queries.check()

    app.include_router(api.router)
    app.include_router(alerts.api)
    app.include_router(alerts.web)
    app.include_router(map_page.api_router)
    app.include_router(web.router)
    app.include_router(map_page.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs(request: Request) -> HTMLResponse:
        return web.render(request, "docs.html", {"spec": app.openapi(),
                                                 "title": "API reference"})

    app.middleware("http")(_security_headers)
    _add_error_pages(app)
    if options.cache:
        app.add_middleware(CacheMiddleware, cache=app.state.response_cache)  # type: ignore[arg-type]
    app.add_middleware(BodyLimit, limit=options.max_body_bytes)  # type: ignore[arg-type]
    return app


async def _security_headers(request: Request, call_next: Any) -> Any:
    response = await call_next(request)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    if response.headers.get("content-type", "").startswith("text/html"):
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("Referrer-Policy", "no-referrer")
    return response


def _add_error_pages(app: FastAPI) -> None:
    """Errors as JSON under /api (FastAPI's own), as a web page everywhere else."""
    from newsgraph.serve import web

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _wants_json(request):
            return await http_exception_handler(request, exc)
        return web.error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if _wants_json(request):
            return await request_validation_exception_handler(request, exc)
        msgs = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg')}"
                         for e in exc.errors())
        return web.error_page(request, 400, msgs or "bad request")
