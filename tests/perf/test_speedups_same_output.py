"""The speed-ups of the local path change nothing in the output, and memory stays flat:

- the compiled attribute ruler sets exactly the token attributes spaCy's AttributeRuler sets;
- memory zones and batching give the same Article records as one plain `nlp.pipe` run with
  the model's own attribute ruler;
- words first seen inside a zone leave the shared vocabulary when it ends.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest

from newsgraph.extract import extract
from newsgraph.record import Article
from paths import FIXTURES

CORPUS = FIXTURES / "spark" / "corpus-30.jsonl"
# Contractions, dialect spellings, spaces and expletives: the attribute ruler's rarer rules.
EDGE = ("I ain't gonna do it, y'all. Let's go!  There is a dog.\n\nWe 'd done it. Nothin' "
        "doin'. C'mon, he gets it and got it. Gotta go. It is what it is; you did, didn't you?")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def texts(seed_text: str) -> list[str]:
    recs = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    return [r["text"] for r in recs] + [extract(seed_text).text, EDGE]


@pytest.fixture(scope="module")
def bare() -> Any:
    """en_core_web_sm as our pipeline loads it, before any of our changes."""
    from newsgraph.annotate.pipeline import load_model

    return load_model()


def test_compiled_ruler_sets_the_same_attributes(bare: Any, texts: list[str]) -> None:
    from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
    from spacy.tokens import Doc

    from newsgraph.annotate.fastattrs import FastAttributeRuler

    ruler = bare.get_pipe("attribute_ruler")
    fast = FastAttributeRuler(ruler)
    assert not len(fast.matcher), "every pattern of en_core_web_sm compiles"
    with bare.select_pipes(disable=["attribute_ruler", "ner"]):
        docs = list(bare.pipe(texts))
    cols = [POS, MORPH, LEMMA, TAG, DEP]
    tokens = 0
    for doc in docs:
        a, b = (Doc(doc.vocab).from_bytes(doc.to_bytes()) for _ in range(2))
        ruler(a)
        fast(b)
        assert np.array_equal(a.to_array(cols), b.to_array(cols)), doc.text[:80]
        tokens += len(doc)
    assert tokens > 8_000
    edge = fast(Doc(docs[-1].vocab).from_bytes(docs[-1].to_bytes()))
    assert {t.text: t.lemma_ for t in edge}["ai"] == "be"  # a two-token rule applied


def _plain_records(bare: Any, articles: list[Article]) -> list[dict[str, Any]]:
    """Our components on the unmodified model, one nlp.pipe run, no memory zone."""
    from newsgraph.annotate import components
    from newsgraph.annotate.pipeline import OUR_COMPONENTS, fill_article, make_doc

    for name in OUR_COMPONENTS:
        if name not in bare.pipe_names:
            bare.add_pipe(components.FACTORIES[name], name=name, last=True)
    docs = bare.pipe(make_doc(bare, a) for a in articles)
    return [fill_article(a, d).to_dict() for a, d in zip(articles, docs, strict=True)]


def test_zones_and_batches_give_the_same_records(bare: Any, texts: list[str]) -> None:
    from newsgraph.annotate import PipelineOptions, annotate

    def fresh() -> list[Article]:
        return [Article.new(t, published="2025-07-02") for t in texts]

    expected = _plain_records(bare, fresh())
    assert sum(len(r["quotes"]) for r in expected) > 0
    for opts in (PipelineOptions(batch_size=4, zone_size=3), PipelineOptions(zone_size=1000),
                 PipelineOptions(batch_chars=3000)):
        got = [a.to_dict() for a in annotate(fresh(), opts)]
        assert got == expected


def test_words_seen_in_a_zone_leave_the_vocabulary() -> None:
    from newsgraph.annotate import PipelineOptions, annotate, get_nlp

    nlp = get_nlp()
    list(annotate([Article.new("Warm-up text for the pipeline.")]))
    # len(vocab) is a counter that zones do not decrease; count the lexemes themselves
    strings, lexemes = len(nlp.vocab.strings), sum(1 for _ in nlp.vocab)
    arts = [Article.new(f"Minister Zqx{i}vort of Blorpania{i} met envoy Kwe{i}zel on Monday. "
                        f"\"We agreed on code QX{i}-{i * 7},\" Zqx{i}vort said.")
            for i in range(40)]
    done = list(annotate(arts, PipelineOptions(zone_size=8)))
    assert any(e.name.startswith("Zqx") for a in done for e in a.entities)
    assert len(nlp.vocab.strings) == strings
    assert sum(1 for _ in nlp.vocab) == lexemes
