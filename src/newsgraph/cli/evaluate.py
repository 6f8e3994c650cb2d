"""`newsgraph eval ...`: score newsgraph against gold data. One module per kind."""

from __future__ import annotations

import click

from newsgraph.cli import LazyGroup

SUBCOMMANDS = {
    "extraction": "eval_extraction",
    "entities": "eval_entities",
    "quotes": "eval_quotes",
    "events": "eval_events",
    "places": "eval_places",
}


@click.group("eval", cls=LazyGroup, lazy=SUBCOMMANDS, package="newsgraph.cli")
def command() -> None:
    """Score extraction, entities, quotes, events and places against gold data; print P/R/F1."""
