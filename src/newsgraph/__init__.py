"""newsgraph: news coverage of defence and diplomacy -> a queryable knowledge graph.

Entry points for notebooks:

    import newsgraph
    art = newsgraph.analyze(open("article.html", "rb").read(), published="2025-07-02")
    art.to_dict()
"""

from __future__ import annotations

from newsgraph.errors import BadInput, NewsgraphError
from newsgraph.extract import extract as _extract
from newsgraph.record import Agreement, Article, Entity, Event, EventActor, Quote, Removed

__version__ = "0.1.0"


def extract(source: str | bytes, *, url: str | None = None) -> Article:
    """Extraction only (no NLP): clean text, title, date, authors, site, removed debris."""
    return _extract(source, url=url)


def analyze(source: str | bytes, *, published: str | None = None,
            url: str | None = None) -> Article:
    """Extract and annotate one article (entities, quotes, events, agreements)."""
    from newsgraph.annotate import annotate

    art = _extract(source, url=url, published=published)
    return next(annotate([art]))


__all__ = ["Agreement", "Article", "BadInput", "Entity", "Event", "EventActor",
           "NewsgraphError", "Quote", "Removed", "analyze", "extract", "__version__"]
