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
# `favor_recall` also keeps menus and teaser lists around some articles. Where the fast
# run's text has MENU_LINES short lines or more, trafilatura is run again without it
# (still `fast`, so cheap), and its text taken when it is a subset (see
# _precise_run_if_subset). Measured on both dev sets (docs/extraction.md).
PRECISE_OPTIONS: dict[str, Any] = {**TRAFILATURA_OPTIONS, "favor_recall": False}
MENU_LINES = 6
KEEP_SHARE = 0.5
_MENU_WORDS = 5
_LINE_END = re.compile(r"[.!?…。！？\"'”’»)]\s*$")


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
    text = _full_run_if_stub(doc.text or "", tree, url)
    title = choose_title(normalise_space(doc.title or "").strip() or None, meta)
    body = _clean_body(text, title)
    if text == doc.text and _menu_lines(body.kept) >= MENU_LINES:
        body = _precise_run_if_subset(body, tree, url, title)
    if not body.kept or not _has_text(body.kept):
        raise BadInput("no article text found in the HTML")
    authors = [_BYLINE_PREFIX.sub("", a).strip() for a in (doc.author or "").split(";")]
    return HtmlResult(text=join_blocks(body.kept), title=body.title,
                      authors=clean_authors([a for a in authors if a], meta),
                      published=doc.date or None, site=doc.sitename or doc.hostname or None,
                      url=doc.url or url, removed=body.removed)


@dataclass
class _Body:
    kept: list[Block]
    removed: list[Removed]
    title: str | None


def _clean_body(text: str, title: str | None) -> _Body:
    """trafilatura's text through our rules: the headline and page header, debris, repeats."""
    blocks, removed = drop_leading_title(body_blocks(text), title)
    # A <title> may carry a section ("Opinion | Headline"): the part the body repeats is
    # the article's headline. A repeat of the whole title keeps the title's own spelling.
    repeat = next((r.text for r in removed if r.reason == "title"), None)
    if repeat is not None and title is not None and key(repeat) != key(title):
        title = repeat
    kept, more = clean_blocks(blocks, page=True)
    return _Body(kept, removed + more, title)


def _full_run_if_stub(text: str, tree: Any, url: str | None) -> str:
    """The fast run's text, or the full run's where the fast one is a stub of it."""
    if len(text.strip()) >= STUB_CHARS:
        return text
    import trafilatura

    full = trafilatura.bare_extraction(tree, url=url, with_metadata=False, **FULL_OPTIONS)
    full_text = "" if full is None or isinstance(full, dict) else (full.text or "")
    return full_text if len(full_text.strip()) >= STUB_RATIO * max(len(text.strip()), 1) \
        else text


def _menu_lines(blocks: list[Block]) -> int:
    """Lines of under five words that do not end like a sentence: menu entries and teaser
    labels ("Hoofdpunten", "Lees meer", "- News")."""
    return sum(1 for line in join_blocks(blocks).split("\n")
               if line.strip() and len(line.split()) < _MENU_WORDS
               and not _LINE_END.search(line))


def _precise_run_if_subset(body: _Body, tree: Any, url: str | None,
                           title: str | None) -> _Body:
    """trafilatura without `favor_recall`: taken when its paragraphs are some of the fast
    run's and it keeps at least KEEP_SHARE of the text, since the paragraphs it leaves out
    are what favor_recall let in around the article. They are recorded as `page-furniture`."""
    import trafilatura

    doc = trafilatura.bare_extraction(tree, url=url, with_metadata=False, **PRECISE_OPTIONS)
    if doc is None or isinstance(doc, dict) or not (doc.text or "").strip():
        return body
    precise = _clean_body(doc.text or "", title)
    ours, theirs = join_blocks(body.kept), join_blocks(precise.kept)
    mine = ours.split("\n\n")
    if not theirs or not set(theirs.split("\n\n")) <= set(mine) or \
            len(theirs) < KEEP_SHARE * len(ours):
        return body
    left = set(theirs.split("\n\n"))
    precise.removed.extend(Removed("page-furniture", p) for p in mine if p not in left)
    return precise


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
