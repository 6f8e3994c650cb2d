"""Already-scraped plain text -> clean body, headline and what was removed.

Shared with the HTML path: a body is a list of `Block`s (paragraphs, list items, tables);
`clean_blocks` drops debris and repeats, recording each removal with its reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from newsgraph.extract.debris import SENTENCE_END, classify, words
from newsgraph.extract.mainblock import find_article
from newsgraph.record import Removed

_BLANKS = re.compile(r"\n\s*\n")
# Every Unicode space separator (category Zs: no-break, narrow no-break, figure, thin, ideographic
# ...) and the zero-width space: the tokenizer splits words on plain spaces only, so a
# "Uzra\u202fZeya" would be one token and no name.
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000]+")
_LINE_SEPARATORS = re.compile(r"[\u2028\u2029]")
PROSE_END = re.compile(r"[.!?]['\"”’]?$")
_SPEAKER_TURN = re.compile(r"^[A-Z][A-Z .'’-]{1,40}:\s")
_TITLE_SEP = re.compile(r"\s+[|\-–—:·•»/]+\s+")

BlockKind = Literal["para", "item", "table"]


@dataclass
class Block:
    """One unit of a body: a paragraph, a list item or a table (one line per row)."""

    kind: BlockKind
    lines: list[str]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass
class Cleaned:
    text: str
    title: str | None = None
    removed: list[Removed] = field(default_factory=list)


def normalise_space(s: str) -> str:
    s = s.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    s = _LINE_SEPARATORS.sub("\n", s)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in s.split("\n"))


def paragraphs(text: str) -> list[str]:
    """Paragraphs are separated by blank lines; single newlines inside one are kept as
    line breaks only where the input has no blank lines at all (one line per paragraph)."""
    text = normalise_space(text).strip()
    if not text:
        return []
    if _BLANKS.search(text):
        pars = [p.strip() for p in _BLANKS.split(text)]
        return [re.sub(r"\s*\n\s*", " ", p) if _is_wrapped(p) else p for p in pars if p]
    return [line.strip() for line in text.split("\n") if line.strip()]


def _is_wrapped(p: str) -> bool:
    """Hard-wrapped prose (lines of similar length, no line ends a sentence) is one paragraph."""
    lines = p.split("\n")
    if len(lines) < 2:
        return False
    return all(not SENTENCE_END.search(x) for x in lines[:-1]) and \
        all(words(x) >= 6 for x in lines[:-1])


def key(p: str) -> str:
    """Comparison key: case, punctuation and spacing do not make two paragraphs different."""
    return re.sub(r"\W+", " ", p.lower()).strip()


def looks_like_headline(line: str) -> bool:
    n = words(line)
    return 2 <= n <= 30 and not line.rstrip().endswith((".", ":", ";", ",")) and \
        len(line) <= 250


_MINOR_WORDS = frozenset("a an the and or of for to in on at by with from as but nor vs is are "
                         "be it its".split())


def title_case_headline(line: str) -> bool:
    """A headline in title case closed by a period ("Biden Warns Putin Over Troops."), which
    `looks_like_headline` refuses: nearly every major word capitalised, no sentence inside."""
    if not 3 <= words(line) <= 30 or len(line) > 250 or re.search(r"[.!?]\s+\S", line):
        return False
    major = [w for w in re.findall(r"[A-Za-z][\w'\u2019-]*", line) if w.lower() not in _MINOR_WORDS]
    if len(major) < 3:
        return False
    return sum(w[0].isupper() for w in major) >= 0.85 * len(major)


def title_keys(title: str) -> set[str]:
    """The title and, for "Section | Headline | Site" forms, each part of three words or more."""
    keys = {key(title)}
    for part in _TITLE_SEP.split(title):
        if words(part) >= 3:
            keys.add(key(part))
    keys.discard("")
    return keys


def drop_leading_title(blocks: list[Block], title: str | None,
                       within: int = 4) -> tuple[list[Block], list[Removed]]:
    """Remove the headline when the body repeats it near the top, and the short page-header
    lines (section name, URL, "Order reprints") standing before it. The title is its own
    field; in the body it is a repeat."""
    if not title or not blocks:
        return blocks, []
    keys = title_keys(title)
    for i, b in enumerate(blocks[:within]):
        if b.kind == "table" or key(b.text) not in keys:
            continue
        before = blocks[:i]
        if any(words(x.text) > 15 and SENTENCE_END.search(x.text) for x in before):
            return blocks, []  # prose before it: not a page header, leave all as is
        removed = [Removed("page-header", x.text) for x in before]
        removed.append(Removed("title", b.text))
        return blocks[i + 1:], removed
    return blocks, []


def clean_blocks(blocks: list[Block], page: bool = False) -> tuple[list[Block], list[Removed]]:
    """Drop debris lines and repeated paragraphs, keeping the first occurrence.

    A block of several lines (a scraped menu, a caption under a paragraph) is judged line by
    line; a table is kept whole. `page`: the blocks come from a web page, so the page tier
    of the debris rules applies (bylines, timestamps, button labels).
    """
    kept: list[Block] = []
    removed: list[Removed] = []
    seen: set[str] = set()
    for b in blocks:
        if b.kind != "table":
            lines = []
            for line in b.lines:
                verdict = classify(line[2:] if b.kind == "item" else line, page)
                if verdict:
                    removed.append(Removed(verdict.reason, line))
                else:
                    lines.append(line)
            if not lines:
                continue
            b = Block(b.kind, lines)
        k = key(b.text)
        if k and k in seen and _repeat_is_debris(b):
            removed.append(Removed("duplicate-paragraph", b.text))
            continue
        seen.add(k)
        kept.append(b)
    return kept, removed


def _repeat_is_debris(b: Block) -> bool:
    """A repeated sentence-like paragraph is a scraper's (a lead printed twice); short repeats
    ("Yes.", a list item, a line of a recipe or a spec sheet) are often the page's own."""
    if b.kind != "para" or len(b.lines) != 1:
        return False
    s = b.text
    if _SPEAKER_TURN.match(s):
        return False  # "OPERATOR: Your line is open." recurs in a transcript
    return words(s) >= 10 and PROSE_END.search(s) is not None and _digit_share(s) < 0.2


def _digit_share(s: str) -> float:
    ws = s.split()
    return sum(1 for w in ws if any(c.isdigit() for c in w)) / len(ws) if ws else 0.0


def join_blocks(blocks: list[Block]) -> str:
    """Paragraphs separated by one blank line; consecutive list items stay on adjacent lines."""
    out: list[str] = []
    for i, b in enumerate(blocks):
        if i and not (b.kind == "item" and blocks[i - 1].kind == "item"):
            out.append("\n")
        out.append(b.text + "\n")
    return "".join(out).rstrip("\n")


def clean_paragraphs(pars: list[str]) -> tuple[list[str], list[Removed]]:
    """Paragraph strings in, kept paragraph strings out (for callers without blocks)."""
    kept, removed = clean_blocks([Block("para", [p]) for p in pars])
    return [b.text for b in kept], removed


def refine_title(title: str, pars: list[str], look: int = 300) -> str:
    """A page title often carries the site ("Headline - Site"); when the page repeats one part
    of it as a line of its own, that part is the headline."""
    keys = title_keys(title) - {key(title)}
    if not keys:
        return title
    for p in pars[:look]:
        for line in p.split("\n"):
            if key(line) in keys:
                return line.strip()
    return title


def clean_text(text: str, title: str | None = None) -> Cleaned:
    pars = paragraphs(text)
    removed: list[Removed] = []
    if title is None and len(pars) >= 2 and "\n" not in pars[0] and \
            (looks_like_headline(pars[0]) or title_case_headline(pars[0])) and \
            classify(pars[0]) is None:
        title = pars.pop(0)
    if title is not None:
        title = refine_title(title, pars)
    # A first line that is not taken as the title (it ends with a period, say) still marks
    # where the article is when the page repeats it.
    split = find_article(pars, title or (pars[0].split("\n")[0] if pars else None))
    removed.extend(Removed("page-furniture", p) for p in split.before)
    blocks, dropped = drop_leading_title([Block("para", p.split("\n")) for p in split.article],
                                         title)
    removed.extend(dropped)
    kept, more = clean_blocks(blocks, page=split.page)
    removed.extend(more)
    removed.extend(Removed("page-furniture", p) for p in split.after)
    removed.extend(Removed("comments", p) for p in split.comments)
    return Cleaned(text=join_blocks(kept), title=title, removed=removed)
