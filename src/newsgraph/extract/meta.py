"""What a page says about itself in its markup: the article's headline and authors in its
schema.org JSON-LD, and the names the site goes by (og:site_name, application-name, the
publisher in JSON-LD, its social-media handle, its domain).

trafilatura reads the same markup but prefers og:title and the <title> element, which often
carry the site's name ("Headline - Lesotho Times", "Headline | TechCrunch"); the JSON-LD
headline is the article's own, written for machines, and seldom does.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

# schema.org types whose headline is an article's: Article and its news, blog, report and
# opinion subtypes.
_ARTICLE_TYPE = re.compile(r"(article|blogposting|report|newsarticle|posting)$", re.I)
_ORGANISATION_TYPE = re.compile(r"(organization|newsmediaorganization|corporation|website)$",
                                re.I)
_TAGS = re.compile(r"<[^>]+>")
# A host's first label that says nothing about the site.
_HOST_PREFIX = re.compile(r"^(www\d?|m|amp|mobile|news|edition)\.", re.I)
_MAX_LD_CHARS = 2_000_000


@dataclass
class PageMeta:
    headline: str | None = None  # the JSON-LD article headline
    authors: list[str] = field(default_factory=list)  # JSON-LD article authors (persons)
    site_names: list[str] = field(default_factory=list)


def clean_value(value: object) -> str | None:
    """A metadata string as a reader sees it: entities decoded, tags and runs of spaces gone."""
    if not isinstance(value, str):
        return None
    text = " ".join(_TAGS.sub(" ", html.unescape(value)).split())
    return text or None


def read_meta(tree: Any, url: str | None = None) -> PageMeta:
    """The JSON-LD headline and authors and the site's names of a parsed page (lxml)."""
    meta = PageMeta()
    names: list[str] = []
    for node in _ld_nodes(tree):
        _read_node(node, meta, names)
    for key in ("og:site_name", "application-name", "twitter:site", "publisher",
                "twitter:app:name:iphone"):
        for value in tree.xpath(f'//meta[@property="{key}" or @name="{key}"]/@content')[:1]:
            names.append(value.lstrip("@"))
    for link in tree.xpath('//link[@rel="canonical"]/@href')[:1] + [url or ""]:
        host = _host_name(link)
        if host:
            names.append(host)
    seen: set[str] = set()
    for name in names:
        clean = clean_value(name)
        if clean and clean.casefold() not in seen and len(clean) <= 80:
            seen.add(clean.casefold())
            meta.site_names.append(clean)
    return meta


def _host_name(url: str) -> str | None:
    """"https://www.lesothotimes.com/x" -> "lesothotimes.com"."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return None
    host = _HOST_PREFIX.sub("", host.lower())
    return host if "." in host else None


def _ld_nodes(tree: Any) -> Iterator[dict[str, Any]]:
    """Every object of the page's JSON-LD blocks, @graph members, top-level lists and a
    page's main entity flattened; blocks that do not parse are skipped."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        text = script.text or ""
        if not text.strip() or len(text) > _MAX_LD_CHARS:
            continue
        try:
            data = json.loads(text)
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            graph = item.get("@graph") if isinstance(item, dict) else None
            for node in graph if isinstance(graph, list) else [item]:
                if isinstance(node, dict):
                    yield node
                    # a WebPage whose main entity is the article
                    if isinstance(node.get("mainEntity"), dict):
                        yield node["mainEntity"]


def _types(node: dict[str, Any]) -> list[str]:
    t = node.get("@type")
    values = t if isinstance(t, list) else [t]
    return [v for v in values if isinstance(v, str)]


def _read_node(node: dict[str, Any], meta: PageMeta, names: list[str]) -> None:
    types = _types(node)
    if any(_ARTICLE_TYPE.search(t) for t in types):
        if meta.headline is None:
            meta.headline = clean_value(node.get("headline"))
            if meta.headline is not None:
                meta.authors = _persons(node.get("author"))
        names.extend(_org_names(node.get("publisher")))
    elif any(_ORGANISATION_TYPE.search(t) for t in types):
        names.extend(_org_names(node))


def _org_names(value: object) -> list[str]:
    out = []
    for org in value if isinstance(value, list) else [value]:
        if isinstance(org, str):
            out.append(org)
        elif isinstance(org, dict):
            out.extend(v for k in ("name", "alternateName", "legalName")
                       if isinstance(v := org.get(k), str))
    return out


def _persons(value: object) -> list[str]:
    """Author names of the JSON-LD article: persons (or untyped), not organisations."""
    out = []
    for item in value if isinstance(value, list) else [value]:
        name = None
        if isinstance(item, str):
            name = item
        elif isinstance(item, dict) and not any(_ORGANISATION_TYPE.search(t)
                                                for t in _types(item)):
            name = item.get("name")
            if name is None and isinstance(item.get("givenName"), str):
                name = f"{item.get('givenName')} {item.get('familyName') or ''}"
        clean = clean_value(name)
        if clean and not clean.lower().startswith("http"):
            out.append(clean)
    return out
