"""The `newsgraph` command. Each command lives in its own module and is loaded on use."""

from __future__ import annotations

import importlib
import importlib.util

import click

# command name -> module under newsgraph.cli that defines `command`
COMMANDS = {
    "extract": "extract",
    "analyze": "analyze",
    "eval": "evaluate",
    "ingest": "ingest",
    "query": "query",
    "export": "export",
    "serve": "serve",
    "spark": "spark",
    "load": "load",
    "resolve": "resolve",
    "schema": "schema",
    "watch": "watch",
    "feeds": "feeds",
    "alert": "alert",
}


class LazyGroup(click.Group):
    def __init__(self, *args: object, lazy: dict[str, str], package: str, **kw: object) -> None:
        super().__init__(*args, **kw)  # type: ignore[arg-type]
        self.lazy = lazy
        self.package = package

    def _available(self) -> dict[str, str]:
        out = {}
        for name, mod in self.lazy.items():
            if importlib.util.find_spec(f"{self.package}.{mod}") is not None:
                out[name] = mod
        return out

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self._available()))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        cmd = super().get_command(ctx, name)
        if cmd is not None:
            return cmd
        mod = self._available().get(name)
        if mod is None:
            return None
        return importlib.import_module(f"{self.package}.{mod}").command  # type: ignore[no-any-return]


@click.group(cls=LazyGroup, lazy=COMMANDS, package="newsgraph.cli",
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsgraph")
def main() -> None:
    """newsgraph: turn news about defence and diplomacy into a queryable knowledge graph.

    Read articles (HTML, scraped text, JSON lines, WARC), extract the clean text, find people
    with their titles and countries, quotes with their speakers, PLOVER events and
    agreements, and store them in a SQLite knowledge graph you can query and serve.
    """
