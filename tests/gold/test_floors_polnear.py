"""Attribution floors on a few newspaper articles with PolNeAR gold (tests/fixtures/polnear,
provenance in its README). A handful of articles only: the floors guard against a rule change
that breaks newspaper attribution, the split-wide scores are measured with
`newsgraph eval quotes --polnear DIR`.
"""

from __future__ import annotations

import pytest

from paths import FIXTURES

pytestmark = pytest.mark.slow

SAMPLE = FIXTURES / "polnear"

# Measured on the sample when the floors were set (direct found 0.857, 12/14; direct speaker
# right 0.750, 9/12; all found 0.430, 37/86; precision 0.958, 46/48), less about one item.
FLOORS = {
    "direct_found": 0.78,
    "direct_speaker": 0.66,
    "all_found": 0.40,
    "precision": 0.90,
}


def test_floors_on_polnear_sample() -> None:
    from newsgraph.evaluate.polnear import evaluate, load_polnear

    docs = load_polnear(SAMPLE)
    assert len(docs) == 6
    r = evaluate(docs)
    got = {"direct_found": r.direct_found.value, "direct_speaker": r.direct_speaker.value,
           "all_found": r.all_found.value, "precision": r.precision.value}
    assert r.direct_found.total == 14 and r.all_found.total == 86
    for name, floor in FLOORS.items():
        assert got[name] >= floor, (name, got)


def test_brat_loader_reads_discontinuous_spans_and_direct_contents() -> None:
    from newsgraph.evaluate.polnear import parse_ann

    text = "\u201cWe will win,\u201d she said, \u201cand soon.\u201d Aides say it is close."
    ann = ("T1\tContent 0 14;26 38\t\u201cWe will win,\u201d ... \u201cand soon.\u201d\n"
           "T2\tSource 15 18\tshe\nT3\tCue 19 23\tsaid\n"
           "E1\tAttribution:T9 Content:T1 Cue:T3 Source:T2\n"
           "T4\tSource 39 43\tAides\nT5\tCue 44 47\tsay\nT6\tContent 48 59\tit is close\n"
           "E2\tAttribution:T8 Source:T4 Cue:T5 Content:T6\n")
    direct, indirect = parse_ann(ann, text)
    assert direct.content == [(0, 14), (26, 38)] and direct.direct
    assert indirect.source == [(39, 43)] and not indirect.direct


def test_headline_quotes_are_scored_on_the_first_line() -> None:
    """A quote in the title (`in_title`) is mapped onto the file's headline line."""
    from newsgraph.evaluate.polnear import PolDoc, PolReport, parse_ann, score_doc
    from newsgraph.record import Article, Quote

    text = "Petrov: Harbor Deal Is Close.\n\nThe mayor met the board on Monday.\n"
    ann = ("T1\tSource 0 6\tPetrov\nT2\tCue 6 7\t:\nT3\tContent 8 28\tHarbor Deal Is Close\n"
           "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n")
    doc = PolDoc("d", text, parse_ann(ann, text))
    art = Article.new("The mayor met the board on Monday.", title="Petrov: Harbor Deal Is Close.")
    art.quotes = [Quote("q1", "Harbor Deal Is Close", "indirect", [8, 28], speaker="Tom Petrov",
                        speaker_span=[0, 6], cue=":", in_title=True)]
    r = PolReport()
    score_doc(doc, art, r)
    assert (r.all_found.hit, r.all_speaker.hit, r.precision.hit) == (1, 1, 1)
