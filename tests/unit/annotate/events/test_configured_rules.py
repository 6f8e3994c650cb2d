"""The events component takes its verb rules through its config: a changed copy of
data/verb_rules.tsv changes the coding of a pipeline built with it, and only of that one."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from newsgraph import lexicon
from newsgraph.annotate import (
    annotate,
    build_nlp,
    components,  # noqa: F401  (registers the factories)
)
from newsgraph.annotate.events import verb_rules
from newsgraph.record import Article

ROW = "deploy\tobject_in(@troops @weapons soldier)\tMOBILIZE/troops"
SENTENCE = "India deployed 5,000 troops to the border on Monday."


def _copy(tmp_path: Path, old: str, new: str) -> Path:
    text = lexicon.data_text("verb_rules.tsv")
    assert old in text
    path = tmp_path / "my_rules.tsv"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def _coded(nlp, text: str) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    (article,) = annotate([Article.new(text, published="2024-01-02")], nlp=nlp)
    return [(e.category, e.mode) for e in article.events]


def test_the_default_config_names_the_shipped_table() -> None:
    nlp = spacy.blank("en")
    pipe = nlp.add_pipe("newsgraph_events_v1")
    assert nlp.get_pipe_config("newsgraph_events_v1")["verb_rules"] == "verb_rules.tsv"
    assert pipe.rules is verb_rules.rules()


def test_a_configured_table_is_the_one_used(tmp_path: Path) -> None:
    path = _copy(tmp_path, ROW, ROW.replace("MOBILIZE/troops", "none"))
    pipe = spacy.blank("en").add_pipe("newsgraph_events_v1",
                                      config={"verb_rules": str(path)})
    assert pipe.rules is verb_rules.rules(str(path))
    assert pipe.rules is not verb_rules.rules()


def test_a_malformed_table_stops_the_component_with_its_line(tmp_path: Path) -> None:
    path = _copy(tmp_path, ROW, ROW.replace("object_in", "object_among"))
    with pytest.raises(verb_rules.RuleError, match=r"my_rules.tsv:\d+: no condition"):
        spacy.blank("en").add_pipe("newsgraph_events_v1", config={"verb_rules": str(path)})


def test_an_unknown_component_is_not_configured_silently() -> None:
    with pytest.raises(ValueError, match="no component newsgraph_event to configure"):
        build_nlp({"newsgraph_event": {"verb_rules": "verb_rules.tsv"}})


@pytest.mark.slow
def test_a_changed_row_changes_the_coding_of_that_pipeline_only(  # type: ignore[no-untyped-def]
        nlp, tmp_path: Path) -> None:
    path = _copy(tmp_path, ROW, ROW.replace("MOBILIZE/troops", "ASSAULT"))
    custom = build_nlp({"newsgraph_events": {"verb_rules": str(path)}})
    assert _coded(custom, SENTENCE) == [("ASSAULT", None)]
    assert _coded(nlp, SENTENCE) == [("MOBILIZE", "troops")]
    assert _coded(None, SENTENCE) == [("MOBILIZE", "troops")]  # the process-wide pipeline
