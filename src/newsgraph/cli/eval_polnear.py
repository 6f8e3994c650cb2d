"""`newsgraph eval quotes --polnear DIR`: attribution scores on PolNeAR-style BRAT gold."""

from __future__ import annotations

import sys

import click


def run_polnear(folder: str, limit: int | None, jobs: int, show_errors: int) -> None:
    from newsgraph.evaluate import polnear as pn

    try:
        docs = pn.load_polnear(folder, limit)
    except ValueError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(1)
    r = pn.evaluate(docs, n_process=jobs)
    n_gold = r.all_found.total
    click.echo(f"articles {r.docs}, gold attributions {n_gold} (direct "
               f"{r.direct_found.total}), predicted quotes {r.precision.total}; "
               f"match: word F1 >= {pn.MATCH_MIN}")
    for name, rate in (("direct found", r.direct_found), ("direct speaker right", r.direct_speaker),
                       ("all found", r.all_found), ("all speaker right", r.all_speaker),
                       ("precision", r.precision)):
        click.echo(f"{name:22}{rate.value:7.3f}  ({rate.hit}/{rate.total})")
    if not show_errors:
        return
    order = {"speaker": 0, "missed": 1, "spurious": 2}
    cases = sorted(r.cases, key=lambda c: (order[c.what], c.kind != "direct"))
    shown: dict[str, int] = {}
    for c in cases:
        if shown.get(c.what, 0) >= show_errors:
            continue
        shown[c.what] = shown.get(c.what, 0) + 1
        who = f" gold={c.gold_source!r}" if c.gold_source else ""
        if c.cue:
            who += f" cue={c.cue!r}"
        if c.what != "missed":
            who += f" pred={c.pred_speaker!r}"
        click.echo(f"  {c.what:8} {c.kind:8} {c.doc}: {c.text}{who}")
