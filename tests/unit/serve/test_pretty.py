"""The terminal rendering's quote table: who said it, for named and unnamed sources."""

from __future__ import annotations

import io

from rich.console import Console

from newsgraph.record import Article, Quote
from newsgraph.serve import pretty


def _q(**kw: object) -> Quote:
    base: dict[str, object] = {"id": "q1", "text": "the talks were close", "kind": "indirect",
                               "span": [0, 4]}
    base.update(kw)
    return Quote(**base)  # type: ignore[arg-type]


def test_who_said_names_the_speaker_or_the_source_with_its_kind() -> None:
    assert pretty.who_said(_q(speaker="Tomas Petrov", speaker_kind="person")) == "Tomas Petrov"
    assert pretty.who_said(_q(speaker_kind="anonymous",
                              source_text="Officials familiar with the talks")) == \
        "Officials familiar with the talks (anonymous)"
    assert pretty.who_said(_q(speaker_kind="unattributed")) == "(no source)"
    assert pretty.who_said(_q()) == "?"


def test_headline_quotes_are_marked_in_the_table() -> None:
    art = Article(id="a1", text="Body.", title="Petrov Says Deal Is Close",
                  quotes=[_q(text="Deal Is Close", in_title=True, speaker="Tomas Petrov")])
    out = io.StringIO()
    pretty.render(art, console=Console(file=out, width=200))
    assert "indirect (headline)" in out.getvalue()
