"""`newsgraph eval entities`: people P/R/F1, role and affiliation accuracy on gold."""

from __future__ import annotations

import sys

import click


@click.command("entities")
@click.option("--gold", "gold_dir", required=True, type=click.Path(),
              help="Folder of gold JSON files, one per article (format: tests/gold/README.md).")
@click.option("--split", default=None,
              help="Score only the gold files of this split (\"dev\", \"test2\"; a file "
                   "without one is \"dev\"). Default: all.")
@click.option("--batch", default=None, type=click.IntRange(min=1),
              help="Score only the gold files of this batch (a file without one is batch 1). "
                   "Default: all.")
@click.option("--errors", "show_errors", default=0, show_default=True,
              type=click.IntRange(min=0),
              help="List up to this many missed and spurious people and wrong roles or "
                   "affiliations.")
def command(gold_dir: str, split: str | None, batch: int | None, show_errors: int) -> None:
    """Score entities against hand-annotated gold: precision, recall and F1 of people, role
    accuracy and affiliation accuracy of the people found, and recall of key places and
    organisations."""
    from newsgraph.evaluate import entities as ev

    try:
        docs = ev.load_gold(gold_dir, split, batch)
    except ValueError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(1)
    r = ev.evaluate(docs)
    click.echo(f"gold articles {r.docs}, people {r.gold_people}, predicted {r.pred_people}, "
               f"matched {r.matched}")
    click.echo(f"people            P {r.precision:.3f}  R {r.recall:.3f}  F1 {r.f1:.3f}")
    click.echo(f"role accuracy     {r.role_accuracy:.3f} ({r.roles_exact}/{r.matched})  "
               f"lenient {r.role_overlap:.3f} ({r.roles_overlap}/{r.matched})")
    click.echo(f"roles found       {r.role_recall:.3f} ({r.roles_found}/{r.gold_roles})  "
               f"precision {r.role_precision:.3f} ({r.roles_found}/{r.pred_roles})")
    click.echo(f"affiliation       {r.affiliation_accuracy:.3f} "
               f"({r.affiliation_right}/{r.matched})")
    click.echo(f"key entities      recall {r.entity_recall:.3f} "
               f"({r.entities_found}/{r.gold_entities}), affiliation "
               f"{r.entity_affiliation_accuracy:.3f} ({r.entity_aff_right}/"
               f"{r.entity_aff_checked})")
    for err in r.errors[:show_errors]:
        detail = " ".join(x for x in (err.gold, "->" if err.pred else "", err.pred) if x)
        click.echo(f"  {err.what:18} {err.doc}: {detail}")
