"""`newsgraph serve`: the HTTP API and web UI over one SQLite store."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("serve")
@click.option("--db", "db", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="SQLite store written by `newsgraph ingest`.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; keep the loopback default unless a proxy fronts it.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="TCP port (0 picks a free one).")
@click.option("--token", envvar="NEWSGRAPH_TOKEN", default=None, show_envvar=True,
              help="Bearer token that enables POST /api/articles (ingest over HTTP). "
                   "Without it that endpoint is disabled.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes. More than one uses more cores; each reads the store "
                   "with its own connections and SQLite serialises their writes.")
@click.option("--cache/--no-cache", default=True, show_default=True,
              help="Keep whole GET responses for 30 s (dropped when this server writes).")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]),
              help="uvicorn log level.")
def command(db: Path, host: str, port: int, token: str | None, workers: int, cache: bool,
            log_level: str) -> None:
    """Serve the web UI and the HTTP API (OpenAPI docs at /docs) for the store in --db."""
    import uvicorn

    from newsgraph.serve.app import ServeOptions, create_app

    if not db.is_file():
        raise click.ClickException(f"{db}: no such database file (build one with "
                                   "`newsgraph ingest PATH --db FILE`)")
    try:
        app = create_app(ServeOptions(db=db, token=token or None, cache=cache))
    except Exception as e:  # noqa: BLE001 - one line naming the file, not a traceback
        raise click.ClickException(f"{db}: cannot open as a newsgraph store ({e})") from None
    click.echo(f"newsgraph: serving {db} at http://{host}:{port}/ (API docs at /docs; "
               f"ingest over HTTP {'enabled' if token else 'disabled'})", err=True)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level=log_level)
        return
    import os

    # Worker processes import the app themselves; it reads its settings from the environment.
    os.environ["NEWSGRAPH_SERVE_DB"] = str(db.resolve())
    if token:
        os.environ["NEWSGRAPH_TOKEN"] = token
    os.environ["NEWSGRAPH_SERVE_CACHE"] = "1" if cache else "0"
    from newsgraph.serve.tcp import HTTP

    # The workers' shared socket does not get TCP_NODELAY from asyncio (see serve/tcp.py).
    uvicorn.run("newsgraph.serve.app:app_from_env", factory=True, host=host, port=port,
                workers=workers, log_level=log_level, http=HTTP)
