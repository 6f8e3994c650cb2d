"""The FastAPI application: JSON API under /api, web UI at /, static assets at /static.

`create_app(ServeOptions(db=...))` is what `newsgraph serve` runs under uvicorn and what tests
mount. Nothing here is loaded from a CDN: htmx and d3-force are vendored in `static/`, and the
API reference at /docs is rendered on the server from the OpenAPI schema.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

import newsgraph
from newsgraph.serve.pool import ReadPool, Writer

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
    max_limit: int = 200
    default_limit: int = 20


class _TooLarge(Exception):
    pass


class BodyLimit:
    """Refuse request bodies over `limit` bytes with 413, by header or by counting."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.limit
            except ValueError:
                too_big = True
            if too_big:
                await self._refuse(send)
                return
        seen = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge
            return msg

        async def tracking_send(msg: Message) -> None:
            nonlocal started
            if msg["type"] == "http.response.start":
                started = True
            await send(msg)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _TooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        body = json.dumps({"detail": f"request body larger than {self.limit} bytes"}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


def create_app(options: ServeOptions) -> FastAPI:
    from newsgraph.serve import api, web
    from newsgraph.serve.queries import Queries

    app = FastAPI(
        title="newsgraph",
        version=newsgraph.__version__,
        description="Read the newsgraph knowledge graph: articles, people, organisations and "
                    "countries, quotes, PLOVER events, country-pair timelines, agreements and "
                    "commitments. All list endpoints take `limit` and `offset`.",
        docs_url=None, redoc_url=None,
    )
    pool = ReadPool(options.db)
    app.state.options = options
    app.state.pool = pool
    app.state.writer = Writer()
    app.state.queries = Queries(pool, max_limit=options.max_limit)
    # Fail at start-up, not on the first request, when the file is not a store.
    app.state.queries.check()

    app.include_router(api.router)
    app.include_router(web.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs(request: Request) -> HTMLResponse:
        return web.templates.TemplateResponse(
            request, "docs.html", {"spec": app.openapi(), "title": "API reference"})

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if response.headers.get("content-type", "").startswith("text/html"):
            response.headers.setdefault("Content-Security-Policy", CSP)
            response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    @app.exception_handler(ValueError)
    async def bad_value(request: Request, exc: ValueError) -> JSONResponse:
        # Our query helpers raise ValueError for input they cannot use (a malformed date,
        # an unknown category): that is the client's mistake, not a server error.
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.on_event("shutdown")
    def close() -> None:
        app.state.writer.close()
        pool.close()

    app.add_middleware(BodyLimit, limit=options.max_body_bytes)  # type: ignore[arg-type]
    return app
