"""Article text as safe HTML with entity mentions and quotes marked up (displaCy-like).

Every piece of article text goes through `markupsafe.escape` before it is joined with our own
tags, so the result can be marked safe for Jinja without trusting the article. Quotes are the
outer layer and entity mentions the inner one; when spans cross, the inner tag is closed and
reopened at each boundary so the HTML always nests properly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

EntityHref = Callable[[str], "str | None"]


@dataclass
class _Mark:
    start: int
    end: int
    kind: str  # "quote" or "entity"
    key: str  # quote id or local entity id
    label: str = ""  # entity type, or the quote's speaker
    href: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class Paragraph:
    """One paragraph of the article, already escaped and marked up."""

    html: Markup
    start: int
    end: int


def _paragraph_ranges(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    for block in text.split("\n\n"):
        start = pos
        pos += len(block) + 2
        stripped = block.strip()
        if stripped:
            lead = len(block) - len(block.lstrip())
            out.append((start + lead, start + lead + len(stripped)))
    return out


def _valid(span: Any, n: int) -> tuple[int, int] | None:
    if not isinstance(span, Sequence) or len(span) != 2:
        return None
    try:
        s, e = int(span[0]), int(span[1])
    except (TypeError, ValueError):
        return None
    if 0 <= s < e <= n:
        return s, e
    return None


def _marks(article: dict[str, Any], entity_href: EntityHref,
           speaker_href: EntityHref) -> list[_Mark]:
    n = len(article.get("text") or "")
    marks: list[_Mark] = []
    names = {str(e.get("id")): str(e.get("name") or "") for e in article.get("entities") or []}
    for q in article.get("quotes") or []:
        span = _valid(q.get("span"), n)
        if span is None or q.get("in_title"):
            continue  # a headline quote's offsets are into the title
        sid = q.get("speaker_id")
        marks.append(_Mark(span[0], span[1], "quote", str(q.get("id", "")),
                           label=names.get(str(sid)) or q.get("speaker") or "unknown speaker",
                           href=speaker_href(sid) if sid else None,
                           extra={"kind": str(q.get("kind") or "")}))
    for ent in article.get("entities") or []:
        eid = str(ent.get("id", ""))
        for m in ent.get("mentions") or []:
            span = _valid(m, n)
            if span is not None:
                marks.append(_Mark(span[0], span[1], "entity", eid,
                                   label=str(ent.get("type") or ""), href=entity_href(eid),
                                   extra={"name": str(ent.get("name") or "")}))
    return marks


def _open(m: _Mark) -> str:
    if m.kind == "quote":
        return (f'<mark class="quote quote-{escape(m.extra.get("kind", ""))}" '
                f'data-quote="{escape(m.key)}" title="{escape(m.label)}">')
    cls = f"ent ent-{escape(m.label.lower())}"
    title = escape(f'{m.extra.get("name", "")} ({m.label})')
    if m.href:
        return f'<a class="{cls}" href="{escape(m.href)}" title="{title}">'
    return f'<span class="{cls}" title="{title}">'


def _close(m: _Mark) -> str:
    if m.kind == "quote":
        return "</mark>"
    return "</a>" if m.href else "</span>"


def _speaker_tag(m: _Mark) -> str:
    name = escape(m.label)
    if m.href:
        name = Markup(f'<a href="{escape(m.href)}">{name}</a>')
    return f'<span class="speaker" data-quote="{escape(m.key)}">{name}</span>'


def _innermost(marks: list[_Mark], kind: str, a: int, b: int) -> _Mark | None:
    # The shortest covering span wins, which keeps nested mentions readable.
    return min((m for m in marks if m.kind == kind and m.start <= a and m.end >= b),
               key=lambda m: m.end - m.start, default=None)


# Closing quotation marks and punctuation that belong before the speaker label, so it reads
# `..." — Hegseth` rather than `... — Hegseth"`.
_TRAILING = "\"\u201d\u2019',.;:!?)"


def _anchor(text: str, end: int, hi: int) -> int:
    k = end
    while k < hi and k - end < 3 and text[k] in _TRAILING:
        k += 1
    return k


def _render_range(text: str, lo: int, hi: int, marks: list[_Mark]) -> Markup:
    inside = [m for m in marks if m.start < hi and m.end > lo]
    cuts = {lo, hi}
    for m in inside:
        cuts.add(max(m.start, lo))
        cuts.add(min(m.end, hi))
    tags: dict[int, list[_Mark]] = {}
    for m in inside:
        if m.kind == "quote" and m.end <= hi:
            tags.setdefault(_anchor(text, m.end, hi), []).append(m)
    cuts.update(tags)
    points = sorted(cuts)
    # Group the elementary stretches into runs under the same quote (or none), so a quote
    # is one highlighted element per paragraph, with entity links inside it.
    runs: list[tuple[_Mark | None, list[tuple[int, int]]]] = []
    for a, b in zip(points, points[1:], strict=False):
        quote = _innermost(inside, "quote", a, b)
        if runs and runs[-1][0] is quote and a not in tags:
            runs[-1][1].append((a, b))
        else:
            runs.append((quote, [(a, b)]))
    parts: list[str] = []
    for quote, stretches in runs:
        groups: list[tuple[_Mark | None, int, int]] = []
        for a, b in stretches:
            ent = _innermost(inside, "entity", a, b)
            if groups and groups[-1][0] is ent:
                groups[-1] = (ent, groups[-1][1], b)
            else:
                groups.append((ent, a, b))
        body = "".join(_open(ent) + str(escape(text[a:b])) + _close(ent) if ent is not None
                       else str(escape(text[a:b])) for ent, a, b in groups)
        parts.append(body if quote is None else _open(quote) + body + _close(quote))
        parts.extend(_speaker_tag(q) for q in tags.get(stretches[-1][1], []))
    return Markup("".join(parts))


def highlight(article: dict[str, Any], entity_href: EntityHref,
              speaker_href: EntityHref | None = None) -> list[Paragraph]:
    """Paragraphs of `article["text"]` with quotes and entity mentions marked up."""
    text = article.get("text") or ""
    marks = _marks(article, entity_href, speaker_href or entity_href)
    return [Paragraph(_render_range(text, s, e, marks), s, e)
            for s, e in _paragraph_ranges(text)]
