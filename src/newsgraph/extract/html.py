"""HTML -> main text and metadata with trafilatura (+ htmldate), then our debris rules.

trafilatura finds the main block; what it leaves in is handled here: the headline repeated as
the first line of the body, page furniture before that headline, ad and related-link lines,
bare URLs and repeated paragraphs (see docs/extraction.md for the measurements behind the
options below).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from newsgraph.errors import BadInput
from newsgraph.extract.authors import clean_authors
from newsgraph.extract.debris import SENTENCE_END
from newsgraph.extract.meta import read_meta
from newsgraph.extract.text import (
    Block,
    BlockKind,
    clean_blocks,
    drop_leading_title,
    join_blocks,
    key,
    normalise_space,
)
from newsgraph.extract.titles import choose_title
from newsgraph.record import Removed

# Measured on the article-extraction benchmark's 131 dev pages (docs/extraction.md):
# `fast` (no readability/jusText fallback) and `favor_recall` score best and run fastest;
# comments are not article text.
TRAFILATURA_OPTIONS: dict[str, Any] = {
    "fast": True,
    "favor_recall": True,
    "include_comments": False,
    "include_tables": True,
    "deduplicate": False,
}


# trafilatura's full run (its defaults: readability and jusText compared, precision before
# recall), tried only where the fast run found a stub: on some pages (the Turkish ones of
# fundus-dev) `fast` keeps one line of a long article. Measured on both dev sets
# (docs/extraction.md): taken when the fast text is under STUB_CHARS and the full one is
# STUB_RATIO times longer.
FULL_OPTIONS: dict[str, Any] = {**TRAFILATURA_OPTIONS, "fast": False, "favor_recall": False}
STUB_CHARS = 500
STUB_RATIO = 10


_BYLINE_PREFIX = re.compile(r"^((analysis|story|text|words|opinion|commentary) )?by\s+", re.I)


@dataclass
class HtmlResult:
    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    site: str | None = None
    url: str | None = None
    removed: list[Removed] = field(default_factory=list)


def body_blocks(text: str) -> list[Block]:
    """trafilatura's text has one element per line: paragraphs, `- ` list items and `|` table
    rows. Table rows stay together as one block; everything else is a block of its own.
    Unusual spaces (no-break, narrow no-break, ...) become plain ones, as in plain text."""
    blocks: list[Block] = []
    for raw in normalise_space(text).split("\n"):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("|") and blocks and blocks[-1].kind == "table":
            blocks[-1].lines.append(line)
            continue
        kind: BlockKind = "table" if line.startswith("|") else \
            "item" if line.startswith("- ") else "para"
        blocks.append(Block(kind=kind, lines=[line]))
    return blocks


def extract_html(html: str, url: str | None = None) -> HtmlResult:
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        raise BadInput("no article text found in the HTML")
    meta = read_meta(tree, url)
    doc = trafilatura.bare_extraction(tree, url=url, with_metadata=True, **TRAFILATURA_OPTIONS)
    if doc is None or isinstance(doc, dict):
        raise BadInput("no article text found in the HTML")
    doc.text = _full_run_if_stub(doc.text or "", tree, url)
    if not doc.text.strip():
        raise BadInput("no article text found in the HTML")
    title = choose_title(normalise_space(doc.title or "").strip() or None, meta)
    blocks, removed = drop_leading_title(body_blocks(doc.text or ""), title)
    # A <title> may carry a section ("Opinion | Headline"): the part the body repeats is
    # the article's headline. A repeat of the whole title keeps the title's own spelling.
    repeat = next((r.text for r in removed if r.reason == "title"), None)
    if repeat is not None and title is not None and key(repeat) != key(title):
        title = repeat
    kept, more = clean_blocks(blocks, page=True)
    removed.extend(more)
    if not kept or not _has_text(kept):
        raise BadInput("no article text found in the HTML")
    authors = [_BYLINE_PREFIX.sub("", a).strip() for a in (doc.author or "").split(";")]
    return HtmlResult(text=join_blocks(kept), title=title,
                      authors=clean_authors([a for a in authors if a], meta),
                      published=doc.date or None, site=doc.sitename or doc.hostname or None,
                      url=doc.url or url, removed=removed)


def _full_run_if_stub(text: str, tree: Any, url: str | None) -> str:
    """The fast run's text, or the full run's where the fast one is a stub of it."""
    if len(text.strip()) >= STUB_CHARS:
        return text
    import trafilatura

    full = trafilatura.bare_extraction(tree, url=url, with_metadata=False, **FULL_OPTIONS)
    full_text = "" if full is None or isinstance(full, dict) else (full.text or "")
    return full_text if len(full_text.strip()) >= STUB_RATIO * max(len(text.strip()), 1) \
        else text


# Scripts written without spaces between words (Han, kana, Thai, Lao, Khmer, Myanmar): there
# a word count says nothing and characters are counted instead.
_SPACELESS = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf"
                        r"\u4e00-\u9fff\uf900-\ufaff]")
# 。！？ end sentences in Chinese and Japanese, often inside closing quotes or brackets.
_FULLWIDTH_SENTENCE_END = re.compile(r"[。！？][」』）】\"'”’)]*\s*$")
_SPACELESS_BLOCK = 40  # characters: one or two sentences of Chinese or Japanese
_SPACELESS_SENTENCE = 15


def _has_text(blocks: list[Block]) -> bool:
    """Some sentence, or a dozen words (a block of text, in scripts without spaces): a menu
    that trafilatura kept ("About", "Contact") is not an article."""
    n = sum(len(b.text.split()) for b in blocks)
    return n >= 12 or any(_is_sentence(b.text) or _spaceless_chars(b.text) >= _SPACELESS_BLOCK
                          for b in blocks)


def _is_sentence(text: str) -> bool:
    if SENTENCE_END.search(text) and len(text.split()) >= 3:
        return True
    return bool(_FULLWIDTH_SENTENCE_END.search(text)) and \
        _spaceless_chars(text) >= _SPACELESS_SENTENCE


def _spaceless_chars(text: str) -> int:
    return len(_SPACELESS.findall(text))
