"""`newsgraph eval quotes`: quote-span precision, recall, F1 and speaker accuracy on gold."""

from __future__ import annotations

import sys

import click


@click.command("quotes")
@click.option("--gold", "gold_dir", default=None, type=click.Path(),
              help="Folder of gold JSON files, one per article (format: tests/gold/README.md).")
@click.option("--polnear", "polnear_dir", default=None, type=click.Path(),
              help="A PolNeAR-style folder (text/ and attributions/ in BRAT) to score "
                   "attributions on instead.")
@click.option("--limit", default=None, type=click.IntRange(min=1),
              help="With --polnear: score only the first N articles.")
@click.option("--jobs", default=1, show_default=True, type=click.IntRange(min=1),
              help="With --polnear: worker processes.")
@click.option("--split", type=click.Choice(["dev", "test", "test2"]), default=None,
              help="Score only the files of this split (dev: used while writing the rules; "
                   "test, test2: held out). Default: all.")
@click.option("--errors", "show_errors", default=0, show_default=True,
              type=click.IntRange(min=0),
              help="List up to this many missed, spurious and wrongly attributed quotes.")
def command(gold_dir: str | None, polnear_dir: str | None, limit: int | None, jobs: int,
            split: str | None, show_errors: int) -> None:
    """Score quotes against hand-annotated gold: precision, recall and F1 of quote spans
    (matched by token overlap), for direct quotes and for all kinds, and speaker accuracy.
    With --polnear: attributions found, speaker right and precision on BRAT gold."""
    from newsgraph.evaluate import quotes as ev

    if (gold_dir is None) == (polnear_dir is None):
        click.echo("error: give one of --gold and --polnear", err=True)
        sys.exit(2)
    if polnear_dir is not None:
        from newsgraph.cli.eval_polnear import run_polnear

        run_polnear(polnear_dir, limit, jobs, show_errors)
        return
    assert gold_dir is not None

    try:
        docs = ev.load_gold(gold_dir, split)
    except ValueError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(1)
    report = ev.evaluate(docs)
    d, a = report.direct, report.all
    click.echo(f"gold articles {report.docs}, quotes {a.gold} (direct {d.gold}); "
               f"match: token Dice >= {ev.MATCH_MIN}")
    click.echo(f"{'':16}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}{'match':>7}"
               f"{'tokF1':>8}{'speaker':>9}")
    for name, c in (("direct", d), ("all kinds", a)):
        click.echo(f"{name:16}{c.precision:7.3f}{c.recall:7.3f}{c.f1:7.3f}{c.gold:7d}"
                   f"{c.pred:7d}{c.matched:7d}{c.token_f1:8.3f}{c.speaker_accuracy:9.3f}")
    click.echo(f"speaker accuracy: direct {d.speaker_accuracy:.3f} "
               f"({d.speaker_right}/{d.speaker_checked}), all kinds {a.speaker_accuracy:.3f} "
               f"({a.speaker_right}/{a.speaker_checked})")
    for err in report.errors[:show_errors]:
        who = ""
        if err.what == "speaker":
            who = f" gold={err.gold_speaker!r} pred={err.pred_speaker!r}"
        elif err.what == "missed":
            who = f" gold={err.gold_speaker!r}"
        else:
            who = f" pred={err.pred_speaker!r}"
        click.echo(f"  {err.what:8} {err.doc}: {err.text}{who}")
