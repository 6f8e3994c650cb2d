"""extract: raw HTML or scraped text -> an Article with clean text (no NLP)."""

from __future__ import annotations

import re

from newsgraph.errors import BadInput
from newsgraph.extract.detect import is_html
from newsgraph.extract.html import extract_html
from newsgraph.extract.language import detect_language
from newsgraph.extract.text import clean_text, normalise_space
from newsgraph.extract.timeout import time_limit
from newsgraph.read.decode import decode
from newsgraph.read.sources import MAX_INPUT_BYTES, RawInput
from newsgraph.record import Article

TIME_LIMIT_S = 30.0


def extract(source: str | bytes, *, url: str | None = None, title: str | None = None,
            published: str | None = None, hint: str | None = None,
            time_limit_s: float | None = TIME_LIMIT_S) -> Article:
    """Extract one document. Raises BadInput (one-line reason) for what is not an article."""
    if not isinstance(source, (str, bytes)):
        raise BadInput(f"expected text or bytes, not {type(source).__name__}")
    if len(source) > MAX_INPUT_BYTES:
        raise BadInput(f"input too large ({len(source) // (1024 * 1024)} MiB; limit "
                       f"{MAX_INPUT_BYTES // (1024 * 1024)} MiB)")
    with time_limit(time_limit_s):
        text = _sanitise(decode(source) if isinstance(source, bytes) else source)
        if not text.strip():
            raise BadInput("empty input")
        if title is not None:  # a feed's title: the same spaces as the body
            title = normalise_space(title).strip() or None
        if hint == "html" or (hint is None and is_html(text)):
            r = extract_html(text, url=url)
            return _with_language(Article.new(
                r.text, title=title or r.title, published=published or r.published,
                authors=r.authors, url=url or r.url, site=r.site, removed=r.removed))
        c = clean_text(text, title=title)
    if not c.text.strip():
        raise BadInput("no article text left after removing debris")
    return _with_language(Article.new(c.text, title=c.title, published=published, url=url,
                                      removed=c.removed))


def _with_language(art: Article) -> Article:
    lang = detect_language(art.text)
    if lang is not None:
        art.language, art.language_confidence = lang.code, lang.confidence
    return art


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ud800-\udfff]")


def _sanitise(text: str) -> str:
    """Drop control characters (lxml refuses them; no article has them) and lone surrogates
    (a str from a bad decode upstream), so that the record is always valid UTF-8. One scan
    when there is nothing to do, which is almost always."""
    if _UNSAFE.search(text) is None:
        return text
    text = _CONTROL.sub("", text)
    return text.encode("utf-8", "replace").decode("utf-8")


def extract_raw(item: RawInput, **kw: object) -> Article:
    """Extract a RawInput; errors name the input."""
    try:
        art = extract(item.data, url=item.url, title=item.title, published=item.published,
                      hint=item.hint, **kw)  # type: ignore[arg-type]
    except BadInput as e:
        raise e.with_source(item.source) from None
    art.source = item.source
    return art


__all__ = ["extract", "extract_raw", "is_html"]
