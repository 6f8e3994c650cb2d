"""`newsgraph eval places`: geocoding accuracy against hand-labelled place mentions."""

from __future__ import annotations

import sys

import click


@click.command("places")
@click.option("--gold", "gold_path", required=True, type=click.Path(),
              help="Gold folder with mentions.jsonl and articles/, e.g. tests/gold/places.")
@click.option("--split", type=click.Choice(["all", "dev", "test"]), default="all",
              show_default=True, help="Score only the mentions of this split.")
@click.option("--errors", default=0, show_default=True, type=click.IntRange(min=0),
              help="List this many wrongly placed mentions.")
def command(gold_path: str, split: str, errors: int) -> None:
    """Score place resolution: accuracy (a point within 25 km; the right country, admin1 or
    region with no point where the text supports no more), per kind, and the points drawn
    for mentions that name only a country (must be 0)."""
    from newsgraph.evaluate import places as pl

    try:
        rep = pl.evaluate(gold_path, split=split)
    except (OSError, ValueError) as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(1)
    click.echo(f"mentions             {rep.total}  (read from a place entity: {rep.from_entities})")
    click.echo(f"accuracy             {rep.accuracy:.3f}  (point within {pl.MAX_KM:.0f} km)")
    for kind, (right, total) in rep.by_kind().items():
        click.echo(f"  {kind:<18} {right}/{total}")
    click.echo(f"points for country-only mentions  {rep.points_for_country}")
    shown = 0
    for s in rep.scored:
        if shown >= errors:
            break
        if not s.right:
            m, g = s.mention, s.geo
            got = "none" if g is None else f"{g.precision} {g.name} {g.country} {g.lat},{g.lon}"
            click.echo(f"{m.id} [{m.split}] {m.text!r} gold {m.kind} "
                       f"{m.country or ''}{m.lat or ''},{m.lon or ''} -> {got}")
            shown += 1
