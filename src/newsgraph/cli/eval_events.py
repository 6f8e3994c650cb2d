"""`newsgraph eval events`: PLOVER category, modality and actor scores against gold sentences."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from newsgraph.evaluate.events import GoldSentence
    from newsgraph.record import Event


@click.command("events")
@click.option("--gold", "gold_path", required=True, type=click.Path(),
              help="Folder of gold .jsonl files (or one file), e.g. tests/gold/events.")
@click.option("--split", type=click.Choice(["all", "dev", "test", "test2"]), default="all",
              show_default=True, help="Score only the sentences of this split.")
@click.option("--errors", default=0, show_default=True, type=click.IntRange(min=0),
              help="List this many wrongly coded or missed gold events.")
@click.option("--verb-rules", "verb_rules", default=None, type=click.Path(dir_okay=False),
              help="Code trigger verbs by this verb rules file (a changed copy of "
                   "newsgraph/data/verb_rules.tsv) instead of the shipped one.")
@click.option("--articles", "articles_path", default=None, type=click.Path(),
              help="Also score article-level gold (every event of an article), e.g. "
                   "tests/gold/event_articles: precision and recall of the events shown.")
@click.option("--min-confidence", "min_confidence", default=None, type=click.FloatRange(0, 1),
              help="With --articles: show events at or above this judge confidence "
                   "(default: the judge's threshold).")
def command(gold_path: str, split: str, errors: int, verb_rules: str | None,
            articles_path: str | None, min_confidence: float | None) -> None:
    """Score event coding against hand-coded gold sentences: category accuracy, macro-F1
    over PLOVER categories, modality accuracy and actor F1 (see `newsgraph.evaluate.events`
    for the definitions); with --articles also article-level precision and recall
    (`newsgraph.evaluate.event_articles`)."""
    from newsgraph.evaluate import events as ev

    try:
        rep = ev.evaluate(gold_path, split=split, predictor=_predictor(verb_rules))
        if articles_path is not None:
            _articles(articles_path, min_confidence, errors)
    except (OSError, ValueError) as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(1)
    click.echo(f"sentences            {rep.sentences}")
    click.echo(f"gold events          {rep.gold_events}")
    click.echo(f"predicted events     {rep.predicted_events}")
    click.echo(f"matched              {rep.matched}  (detection recall "
               f"{rep.matched / (rep.gold_events or 1):.3f})")
    click.echo(f"category accuracy    {rep.category_accuracy:.3f}")
    click.echo(f"category macro-F1    {rep.macro_f1:.3f}")
    click.echo(f"modality accuracy    {rep.modality_accuracy:.3f}  "
               f"(over matched: {rep.modality_accuracy_matched:.3f})")
    click.echo(f"actor F1             {rep.actors.f1:.3f}  (P {rep.actors.precision:.3f} "
               f"R {rep.actors.recall:.3f}; with roles {rep.actors_with_roles.f1:.3f})")
    for label, (right, total) in (("dates", rep.dates), ("places", rep.places)):
        click.echo(f"{label:<20} {right}/{total} right")
    click.echo("")
    click.echo(f"{'category':<11} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}")
    for cat, prf in rep.per_category.items():
        click.echo(f"{cat:<11} {prf.precision:6.3f} {prf.recall:6.3f} {prf.f1:6.3f} "
                   f"{prf.tp + prf.fn:5d}")
    if errors:
        click.echo("")
        shown = 0
        for pr in rep.pairs:
            p = pr.pred
            if p is not None and p.category == pr.gold.category and \
                    p.modality == pr.gold.modality:
                continue
            got = f"{p.category}/{p.modality} ({p.trigger})" if p else "MISSED"
            click.echo(f"{pr.sentence.id} gold {pr.gold.category}/{pr.gold.modality} "
                       f"({'|'.join(pr.gold.trigger)}) got {got}: {pr.sentence.text[:110]}")
            shown += 1
            if shown >= errors:
                break


def _articles(path: str, min_confidence: float | None, errors: int) -> None:
    from newsgraph.evaluate import event_articles as ea

    rep = ea.evaluate(path, min_confidence=min_confidence)
    click.echo(f"article level        {rep.articles} articles, {rep.gold_events} gold events, "
               f"{rep.shown} shown")
    click.echo(f"article precision    {rep.precision:.3f}")
    click.echo(f"article recall       {rep.recall:.3f}")
    for art, e in rep.wrong[:errors]:
        names = ", ".join(a.name for a in e.actors) or "-"
        click.echo(f"  wrong  {art} {e.category} [{e.trigger}] ({names}) "
                   f"{e.confidence}: {e.sentence[:90]}")
    for art, cat, actors in rep.missed[:errors]:
        click.echo(f"  missed {art} {cat} ({', '.join(actors)})")
    click.echo("")


def _predictor(verb_rules: str | None) -> Callable[[list[GoldSentence]], list[list[Event]]]:
    """The shipped pipeline, or one built with the verb rules of file `verb_rules`."""
    from newsgraph.evaluate import events as ev

    if verb_rules is None:
        return ev.predict
    path = os.path.abspath(verb_rules)  # a relative name would be read as a shipped file
    if not os.path.isfile(path):
        raise FileNotFoundError(f"--verb-rules {verb_rules}: no such file")
    return ev.predictor_with(path)
