"""Entity quality floors on the hand-made gold (dev split); lowering one needs a visible
change here and a reason in the commit.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from paths import GOLD_DIR

pytestmark = pytest.mark.slow

GOLD = GOLD_DIR / "entities"


def test_eval_command_on_the_gold(nlp) -> None:  # type: ignore[no-untyped-def]
    """The quality gate: floors a change must not lower without saying so."""
    from newsgraph.cli import main

    # the floors are for the articles the rules were written on; test2 is reported, not gated
    res = CliRunner().invoke(main, ["eval", "entities", "--gold", str(GOLD), "--split", "dev"])
    assert res.exit_code == 0, res.output
    lines = {ln.split()[0]: ln for ln in res.output.splitlines() if ln.strip()}
    f1 = float(lines["people"].split("F1")[1].split()[0])
    role = float(lines["role"].split()[2])
    aff = float(lines["affiliation"].split()[1])
    assert f1 >= 0.95, res.output
    assert role >= 0.90, res.output
    assert aff >= 0.85, res.output


# Dev floors per batch of the real-news gold (F1, role accuracy, affiliation): just under
# the scores measured when they were set.
NEWS_DEV_FLOORS = {1: (0.97, 0.87, 0.91), 2: (0.97, 0.74, 0.88)}


@pytest.mark.parametrize("batch", sorted(NEWS_DEV_FLOORS))
def test_eval_command_on_the_news_gold(nlp, batch: int) -> None:  # type: ignore[no-untyped-def]
    """Floors on the real-news gold's dev split (the rules were written on it; test is
    reported, not gated)."""
    from newsgraph.cli import main

    res = CliRunner().invoke(main, ["eval", "entities", "--gold",
                                    str(GOLD_DIR / "entities_news"), "--split", "dev",
                                    "--batch", str(batch)])
    assert res.exit_code == 0, res.output
    lines = {ln.split()[0]: ln for ln in res.output.splitlines() if ln.strip()}
    f1, role, aff = NEWS_DEV_FLOORS[batch]
    assert float(lines["people"].split("F1")[1].split()[0]) >= f1, res.output
    assert float(lines["role"].split()[2]) >= role, res.output
    assert float(lines["affiliation"].split()[1]) >= aff, res.output
