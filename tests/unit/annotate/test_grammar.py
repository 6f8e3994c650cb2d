"""grammar.subject_of and its two rules, on hand-built parses (no model)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsgraph.annotate.grammar import DOER, SPEAKER, conjuncts, ent_span, own_subject, subject_of

_vocab = spacy.blank("en").vocab


def parse(words: list[str], heads: list[int], deps: list[str], pos: list[str] | None = None,
          ents: list[str] | None = None) -> Doc:
    return Doc(_vocab, words=words, heads=heads, deps=deps,
               pos=pos or ["X"] * len(words), ents=ents)


def test_two_subjects_the_doer_is_the_first_and_the_speaker_the_nearest() -> None:
    # "Prosecutor , Venediktova said"
    doc = parse(["Prosecutor", ",", "Venediktova", "said"], [3, 3, 3, 3],
                ["nsubj", "punct", "nsubj", "ROOT"], ["PROPN", "PUNCT", "PROPN", "VERB"])
    assert subject_of(doc[3], DOER).text == "Prosecutor"
    assert subject_of(doc[3], SPEAKER).text == "Venediktova"
    assert own_subject(doc[3], SPEAKER).text == "Venediktova"


def test_a_passive_subject_is_a_speaker_but_not_a_doer() -> None:
    doc = parse(["He", "was", "quoted"], [2, 2, 2], ["nsubjpass", "auxpass", "ROOT"],
                ["PRON", "AUX", "VERB"])
    assert subject_of(doc[2], SPEAKER).text == "He"
    assert subject_of(doc[2], DOER) is None


def test_object_control_gives_the_doer() -> None:
    # "They urged Russia to withdraw"
    doc = parse(["They", "urged", "Russia", "to", "withdraw"], [1, 1, 1, 4, 1],
                ["nsubj", "ROOT", "dobj", "aux", "xcomp"], ["PRON", "VERB", "PROPN", "PART",
                                                            "VERB"])
    assert subject_of(doc[4], DOER).text == "Russia"
    assert subject_of(doc[4], SPEAKER).text == "They"


def test_a_nouns_owner_is_the_doer() -> None:
    # "the efforts of Japan to rally"
    doc = parse(["the", "efforts", "of", "Japan", "to", "rally"], [1, 1, 1, 2, 5, 1],
                ["det", "ROOT", "prep", "pobj", "aux", "acl"], ["DET", "NOUN", "ADP", "PROPN",
                                                               "PART", "VERB"])
    assert subject_of(doc[5], DOER).text == "Japan"
    assert subject_of(doc[5], SPEAKER) is None


def test_climbing_stops_after_the_rules_steps() -> None:
    # a chain of conjoined verbs; the subject sits on the first
    words = ["X"] + [f"v{k}" for k in range(8)]
    heads = [1, 1] + list(range(1, 8))
    deps = ["nsubj", "ROOT"] + ["conj"] * 7
    doc = parse(words, heads, deps)
    assert subject_of(doc[6], DOER).text == "X"  # five heads up
    assert subject_of(doc[6], SPEAKER) is None  # the speaker rule looks four heads up
    assert subject_of(doc[8], DOER) is None


def test_conjuncts_and_appositions() -> None:
    doc = parse(["India", ",", "Japan", "and", "Australia"], [0, 0, 0, 2, 2],
                ["ROOT", "punct", "conj", "cc", "conj"])
    assert [t.text for t in conjuncts(doc[0])] == ["India", "Japan", "Australia"]


def test_ent_span_from_iob_tags() -> None:
    doc = parse(["in", "New", "Delhi", "today"], [0, 2, 0, 0], ["ROOT", "compound", "pobj",
                                                                 "npadvmod"],
                ents=["O", "B-GPE", "I-GPE", "O"])
    span = ent_span(doc[2])
    assert span is not None and span.text == "New Delhi"
    assert ent_span(doc[3]) is None
