"""What a feed names: RSS and Atom (through feedparser) and news sitemaps (XML).

`parse_feed(body, base_url)` returns the item URLs in document order (feeds list the newest
first), resolved against the feed's URL and normalised (courlan), only http(s) ones, each
once. A sitemap index names further sitemaps (`ParsedFeed.feeds`), which the watcher follows
as feeds of their own. A body that is neither raises `FeedError` with the reason.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS_NS = "{http://www.google.com/schemas/sitemap-news/0.9}"
_SITEMAP_ROOT = re.compile(rb"<(?:\w+:)?(urlset|sitemapindex)\b")


class FeedError(ValueError):
    """A body that is not a feed or sitemap."""


@dataclass
class FeedItem:
    url: str
    title: str | None = None
    published: str | None = None


@dataclass
class ParsedFeed:
    kind: str                    # rss | atom | sitemap | sitemapindex
    title: str | None = None
    items: list[FeedItem] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)   # sitemaps an index names


def normalise_url(url: str, base: str | None = None) -> str | None:
    """`url` made absolute, cleaned (courlan: no fragment, tracking parameters dropped,
    host lower case) and checked to be http(s); None when it is not a web address."""
    from courlan import normalize_url

    text = (url or "").strip()
    if not text:
        return None
    absolute = urljoin(base, text) if base else text
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    try:
        return str(normalize_url(absolute, strict=True))
    except (ValueError, AttributeError):
        return None


def parse_feed(body: bytes, base_url: str) -> ParsedFeed:
    if not body.strip():
        raise FeedError("empty body")
    if _SITEMAP_ROOT.search(body[:2000]):
        return _sitemap(body, base_url)
    return _feed(body, base_url)


def _unique(items: list[FeedItem]) -> list[FeedItem]:
    seen: set[str] = set()
    out = []
    for it in items:
        if it.url not in seen:
            seen.add(it.url)
            out.append(it)
    return out


def _feed(body: bytes, base_url: str) -> ParsedFeed:
    import feedparser

    parsed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    version = str(parsed.get("version") or "")
    if not version:
        why = parsed.get("bozo_exception")
        raise FeedError(f"not an RSS or Atom feed ({why or 'no feed element'})"[:200])
    items = []
    for entry in parsed.entries:
        url = normalise_url(_entry_link(entry), base_url)
        if url:
            items.append(FeedItem(url, entry.get("title"),
                                  entry.get("published") or entry.get("updated")))
    kind = "atom" if version.startswith("atom") else "rss"
    return ParsedFeed(kind, parsed.feed.get("title"), _unique(items))


def _entry_link(entry: Any) -> str:
    get = entry.get
    link = get("link")
    if link:
        return str(link)
    for ln in get("links") or []:
        if ln.get("rel", "alternate") == "alternate" and ln.get("href"):
            return str(ln["href"])
    return str(get("id") or "")


def _sitemap(body: bytes, base_url: str) -> ParsedFeed:
    try:
        root = ET.fromstring(body)
    except ET.ParseError as e:
        raise FeedError(f"not a sitemap (XML error: {e})"[:200]) from None
    tag = root.tag.removeprefix(SITEMAP_NS)
    if tag == "sitemapindex":
        locs = [normalise_url(_text(s, "loc"), base_url) for s in root.iter(SITEMAP_NS + "sitemap")]
        return ParsedFeed("sitemapindex", feeds=[u for u in locs if u])
    if tag != "urlset":
        raise FeedError(f"not a sitemap (root element {root.tag})"[:200])
    items = []
    for node in root.iter(SITEMAP_NS + "url"):
        url = normalise_url(_text(node, "loc"), base_url)
        if not url:
            continue
        news = node.find(NEWS_NS + "news")
        title = _text(news, "title", NEWS_NS) if news is not None else None
        date = (_text(news, "publication_date", NEWS_NS) if news is not None else None) \
            or _text(node, "lastmod")
        items.append(FeedItem(url, title or None, date or None))
    return ParsedFeed("sitemap", items=_unique(items))


def _text(node: ET.Element | None, name: str, ns: str = SITEMAP_NS) -> str:
    if node is None:
        return ""
    child = node.find(ns + name)
    return (child.text or "").strip() if child is not None else ""
