"""HTML -> main text and metadata with trafilatura (+ htmldate), then our debris rules."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.errors import BadInput
from newsgraph.extract.text import clean_paragraphs, paragraphs
from newsgraph.record import Removed


@dataclass
class HtmlResult:
    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    site: str | None = None
    url: str | None = None
    removed: list[Removed] = field(default_factory=list)


def extract_html(html: str, url: str | None = None) -> HtmlResult:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True,
        favor_precision=False, deduplicate=False,
    )
    if doc is None:
        raise BadInput("no article text found in the HTML")
    body = doc.text or ""
    kept, removed = clean_paragraphs(paragraphs(body))
    if not kept:
        raise BadInput("no article text found in the HTML")
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return HtmlResult(text="\n\n".join(kept), title=doc.title or None, authors=authors,
                      published=doc.date or None, site=doc.sitename or doc.hostname or None,
                      url=doc.url or url, removed=removed)
