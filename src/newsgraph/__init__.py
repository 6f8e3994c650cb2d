"""newsgraph: news coverage of defence and diplomacy -> a queryable knowledge graph.

Entry points for notebooks:

    import newsgraph
    art = newsgraph.analyze(open("article.html", "rb").read(), published="2025-07-02")
    art.to_dict()

    for art in newsgraph.analyze_many(texts, published="2025-07-02"):
        ...
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from newsgraph.errors import BadInput, NewsgraphError
from newsgraph.extract import extract as _extract
from newsgraph.read import InputError, RawInput
from newsgraph.record import (
    Agreement,
    Article,
    Entity,
    Event,
    EventActor,
    Quote,
    Removed,
    parse_day,
)
from newsgraph.run.process import ProcessOptions, process

__version__ = "0.1.0"

Day = str | dt.date | None


def extract(source: str | bytes, *, url: str | None = None) -> Article:
    """Extraction only (no NLP): clean text, title, date, authors, site, removed debris."""
    return _extract(source, url=url)


def analyze(source: str | bytes, *, published: Day = None, url: str | None = None,
            force_published: Day = None) -> Article:
    """Extract and annotate one article (entities, quotes, events, agreements).

    `published` (YYYY-MM-DD or a date) is the publication date when the article does not
    carry its own (a page's metadata); `force_published` replaces the article's own. Raises
    BadInput, with a one-line reason, for what is not an article.
    """
    opts = ProcessOptions(url=url, published=parse_day(published),
                          force_published=parse_day(force_published))
    (out,) = process([RawInput(source="<input 0>", data=source)], opts)
    if isinstance(out, Article):
        out.source = None
        return out
    raise BadInput(out.reason) from out.cause


def analyze_many(sources: Iterable[object], *, published: Day = None,
                 force_published: Day = None, batch_size: int = 32, n_process: int = 1,
                 skip_bad: bool = False) -> Iterator[Article]:
    """Analyse many articles at once (`nlp.pipe` batches), yielding Articles in input order.

    Each item of `sources` is a document (str or bytes: HTML or text), a `(document, url)`
    pair, or a path (`pathlib.Path`: a file, folder, .jsonl or WARC, read as `newsgraph
    analyze` reads it; a plain str is always a document). Records are those of `analyze`;
    articles read from a path have their `source` set, as on the command line.

    A bad input raises BadInput naming it (`<input N>` for the N-th document), after the
    articles before it; with `skip_bad=True` it is left out instead. `n_process > 1` runs
    that many worker processes (each loads the model once, so it pays from a few hundred
    articles on); in a script, call it under `if __name__ == "__main__":`.
    """
    from newsgraph.read.sources import iter_sources

    opts = ProcessOptions(published=parse_day(published),
                          force_published=parse_day(force_published), batch_size=batch_size)
    documents: set[str] = set()
    items = iter_sources(sources, documents)
    if n_process > 1:
        from newsgraph.run.pool import process_parallel

        outcomes = process_parallel(items, opts, n_process)
    else:
        outcomes = process(items, opts)
    for out in outcomes:
        if isinstance(out, InputError):
            if not skip_bad:
                raise BadInput(out.reason, out.source) from out.cause
            continue
        if out.source in documents:
            documents.discard(out.source)
            out.source = None
        yield out


__all__ = ["Agreement", "Article", "BadInput", "Entity", "Event", "EventActor",
           "NewsgraphError", "Quote", "Removed", "analyze", "analyze_many", "extract",
           "__version__"]
