"""`newsgraph schema`: print the JSON Schema of the Article record."""

from __future__ import annotations

import json

import click


@click.command("schema")
def command() -> None:
    """Print the JSON Schema of the Article record that `analyze` outputs."""
    from newsgraph.record import json_schema

    click.echo(json.dumps(json_schema(), indent=2))
