"""Helpers shared by commands: input iteration with per-input errors, output formats."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import click

from newsgraph.errors import BadInput
from newsgraph.extract import extract_raw
from newsgraph.read import InputError, RawInput, iter_inputs
from newsgraph.record import Article


@dataclass
class Tally:
    ok: int = 0
    failed: list[str] = field(default_factory=list)

    def fail(self, line: str) -> None:
        self.failed.append(line)
        click.echo(f"error: {line}", err=True)

    def summary(self) -> None:
        if self.failed:
            click.echo(f"{self.ok} article(s) done, {len(self.failed)} input(s) skipped",
                       err=True)


def extracted(paths: Iterable[str], tally: Tally, *, url: str | None = None,
              published: str | None = None) -> Iterator[Article]:
    """Extract every input; report and skip the bad ones."""
    for item in iter_inputs(paths):
        if isinstance(item, InputError):
            tally.fail(item.line())
            continue
        assert isinstance(item, RawInput)
        if url and not item.url:
            item.url = url
        if published:
            item.published = published
        try:
            yield extract_raw(item)
        except BadInput as e:
            tally.fail(str(e))
        except Exception as e:  # noqa: BLE001 - one bad input never stops a batch
            tally.fail(f"{item.source}: internal error ({e.__class__.__name__}: {e})"[:300])


def validate_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    import datetime as dt

    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def exit_code(tally: Tally) -> None:
    tally.summary()
    if tally.failed:
        sys.exit(1)
