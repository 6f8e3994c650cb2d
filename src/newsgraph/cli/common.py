"""Helpers shared by commands: the input route with per-input errors, dates, output formats."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from newsgraph.record import Article
    from newsgraph.run.process import ProcessOptions

F = TypeVar("F", bound=Callable[..., Any])


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


def articles(paths: Iterable[str], tally: Tally, options: ProcessOptions) -> Iterator[Article]:
    """Every input under `paths` through the one route; bad ones are reported and skipped."""
    from newsgraph.read import InputError, iter_inputs
    from newsgraph.run.process import process

    for out in process(iter_inputs(paths), options):
        if isinstance(out, InputError):
            tally.fail(out.line())
        else:
            yield out


PUBLISHED_HELP = ("Publication date YYYY-MM-DD for inputs that do not carry their own (a "
                  "feed record's date or a page's); resolves 'on Tuesday', 'last week'.")
FORCE_HELP = "Publication date YYYY-MM-DD for every input, replacing the input's own."


def date_options(f: F) -> F:
    """--published (a fallback) and --force-published (an override), the same everywhere."""
    f = click.option("--force-published", "force_published", default=None, metavar="DATE",
                     callback=parse_date, help=FORCE_HELP)(f)
    return click.option("--published", default=None, metavar="DATE", callback=parse_date,
                        help=PUBLISHED_HELP)(f)


def check_dates(published: dt.date | None, force_published: dt.date | None) -> None:
    if published and force_published:
        raise click.UsageError("give --published (for inputs without a date) or "
                               "--force-published (for all inputs), not both")


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None
               ) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def validate_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A date option as the text the store compares (`YYYY-MM-DD`)."""
    day = parse_date(ctx, param, value)
    return day.isoformat() if day else None


def exit_code(tally: Tally) -> None:
    tally.summary()
    if tally.failed:
        sys.exit(1)
