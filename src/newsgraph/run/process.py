"""The one route from inputs to Articles: extract, then annotate in chunks.

`newsgraph analyze`, `extract` and `ingest` (in the pool's workers), the Spark shard step and
the Python API (`newsgraph.analyze`, `analyze_many`) all call `process`; executors decide
only where it runs. One bad input never stops a batch: it comes out as an `InputError` naming
it, in its place among the Articles.

Publication dates: an input's own date (a feed record's `date`, else the date in a page's
metadata) is kept; `ProcessOptions.published` is the date of the inputs that carry none (a
plain text file); `ProcessOptions.force_published` replaces every input's date.

Places: every annotated article is geocoded after annotation (`geo.article`): its places
and events get `geo`, resolved in the article's context.

Language: the annotators are English-only, so an article whose text is confidently in another
language (`skip_reason`) is passed on extracted but not annotated (`annotated` False, the
reason in `annotation_skipped`); one whose language is unknown or uncertain is annotated.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TypeGuard

from newsgraph.errors import BadInput
from newsgraph.extract import TIME_LIMIT_S, extract_raw
from newsgraph.read import InputError, Item, RawInput
from newsgraph.record import Article

Outcome = Article | InputError

# The languages the annotators are written for.
ANNOTATED_LANGUAGES = frozenset({"en"})
# The detector's confidence from which a language other than English is believed. Measured
# (benchmarks/non_english.py): every one of the 2,000 corpus texts, 118 English AEB pages and
# the seed is detected as English; a prefix of 40 to 300 characters of a corpus text, when
# detected as another language, gets at most 0.69; the 13 non-English AEB pages and the 100
# non-English fundus-dev pages that extract get 0.95 or more.
MIN_LANGUAGE_CONFIDENCE = 0.9


@dataclass
class ProcessOptions:
    # For inputs that do not carry their own (a plain text file has neither).
    url: str | None = None
    published: dt.date | None = None
    # For every input, whatever date it carries.
    force_published: dt.date | None = None
    time_limit_s: float | None = TIME_LIMIT_S
    # False: extraction only (`newsgraph extract`).
    annotate: bool = True
    # Documents per `nlp.pipe` batch.
    batch_size: int = 32
    # Articles extracted before they are annotated together; bounded so that memory does not
    # depend on the size of the input.
    chunk_size: int = 256


def process(inputs: Iterable[Item], options: ProcessOptions | None = None, *,
            skip: Callable[[Article], bool] | None = None) -> Iterator[Outcome]:
    """An Article or an InputError for every input, in input order.

    `skip` is asked about each extracted article before it is annotated; those it answers
    True for are left out (the pool leaves out what is stored already and notes it).
    """
    opts = options or ProcessOptions()
    outcomes: Iterator[Outcome] = (_gate(extract_one(it, opts)) if isinstance(it, RawInput)
                                   else it for it in inputs)
    if skip is not None:
        outcomes = (o for o in outcomes if isinstance(o, InputError) or not skip(o))
    if not opts.annotate:
        yield from outcomes
        return
    for chunk in _chunks(outcomes, opts.chunk_size):
        yield from annotate_chunk(chunk, opts)


def extract_one(item: RawInput, options: ProcessOptions) -> Outcome:
    """Extract one input with the options' URL and dates; never raises."""
    if options.url and not item.url:
        item = dataclasses.replace(item, url=options.url)
    try:
        art = extract_raw(item, time_limit_s=options.time_limit_s)
    except BadInput as e:
        return InputError(item.source, e.reason)
    except Exception as e:  # noqa: BLE001 - one bad input never stops a batch
        return InputError(item.source, internal_error(e), cause=e)
    art.published = options.force_published or art.published or options.published
    return art


def skip_reason(article: Article) -> str | None:
    """Why the annotators must not run on `article`, or None when they may."""
    lang, confidence = article.language, article.language_confidence
    if lang is None or lang in ANNOTATED_LANGUAGES:
        return None
    if confidence is None or confidence < MIN_LANGUAGE_CONFIDENCE:
        return None
    return f"language {lang} ({confidence:.2f}): the annotators are English-only"


def _gate(outcome: Outcome) -> Outcome:
    if isinstance(outcome, Article):
        reason = skip_reason(outcome)
        if reason is not None:
            outcome.annotated, outcome.annotation_skipped = False, reason
    return outcome


def internal_error(e: BaseException) -> str:
    return f"internal error ({e.__class__.__name__}: {e})"[:300]


def _chunks(outcomes: Iterable[Outcome], size: int) -> Iterator[list[Outcome]]:
    """Runs holding `size` articles each (errors ride along in their places)."""
    chunk: list[Outcome] = []
    articles = 0
    for o in outcomes:
        chunk.append(o)
        if isinstance(o, Article):
            articles += 1
            if articles >= size:
                yield chunk
                chunk, articles = [], 0
    if chunk:
        yield chunk


def annotate_chunk(chunk: list[Outcome], options: ProcessOptions) -> list[Outcome]:
    """Annotate the chunk's articles in one `nlp.pipe` run; when that fails, one article at
    a time, so only the article that breaks a component is lost (and reported)."""
    articles = [o for o in chunk if _to_annotate(o)]
    if not articles:  # nothing to annotate: do not load the model for it
        return chunk
    done = iter([_geocode(o) for o in _annotate(articles, options)])
    return [next(done) if _to_annotate(o) else o for o in chunk]


def _geocode(outcome: Outcome) -> Outcome:
    """Places and events of an annotated article resolved to where they are (`geo/`)."""
    if not isinstance(outcome, Article):
        return outcome
    from newsgraph.geo.article import geocode_article

    try:
        return geocode_article(outcome)
    except Exception as e:  # noqa: BLE001 - one bad input never stops a batch
        return InputError(outcome.source or outcome.id, "geocoding failed: " + internal_error(e),
                          cause=e)


def _to_annotate(outcome: Outcome) -> TypeGuard[Article]:
    return isinstance(outcome, Article) and outcome.annotated


def _annotate(articles: list[Article], options: ProcessOptions) -> list[Outcome]:
    from newsgraph.annotate import PipelineOptions, annotate

    opts = PipelineOptions(batch_size=options.batch_size)
    try:
        return list(annotate(articles, opts))
    except Exception:  # noqa: BLE001 - isolate the bad article below
        pass
    out: list[Outcome] = []
    for a in articles:
        try:
            out.extend(annotate([a], opts))
        except Exception as e:  # noqa: BLE001 - one bad input never stops a batch
            out.append(InputError(a.source or a.id, "annotation failed: " + internal_error(e),
                                  cause=e))
    return out
