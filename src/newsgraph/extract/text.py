"""Already-scraped plain text -> clean body, headline and what was removed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsgraph.extract.debris import _SENTENCE_END, classify, words
from newsgraph.record import Removed

_BLANKS = re.compile(r"\n\s*\n")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


@dataclass
class Cleaned:
    text: str
    title: str | None = None
    removed: list[Removed] = field(default_factory=list)


def normalise_space(s: str) -> str:
    s = s.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
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
    return all(not _SENTENCE_END.search(x) for x in lines[:-1]) and \
        all(words(x) >= 6 for x in lines[:-1])


def _key(p: str) -> str:
    return re.sub(r"\W+", " ", p.lower()).strip()


def looks_like_headline(line: str) -> bool:
    n = words(line)
    return 2 <= n <= 30 and not line.rstrip().endswith((".", ":", ";", ",")) and \
        len(line) <= 250


def clean_paragraphs(pars: list[str]) -> tuple[list[str], list[Removed]]:
    """Drop debris paragraphs and repeats, keeping the first occurrence of a paragraph."""
    kept: list[str] = []
    removed: list[Removed] = []
    seen: set[str] = set()
    for p in pars:
        verdict = classify(p)
        if verdict:
            removed.append(Removed(verdict.reason, p))
            continue
        k = _key(p)
        if k and k in seen and words(p) >= 4:
            removed.append(Removed("duplicate-paragraph", p))
            continue
        seen.add(k)
        kept.append(p)
    return kept, removed


def clean_text(text: str, title: str | None = None) -> Cleaned:
    pars = paragraphs(text)
    removed: list[Removed] = []
    if title is None and len(pars) >= 2 and looks_like_headline(pars[0]) and \
            classify(pars[0]) is None:
        title = pars.pop(0)
    elif title is not None and pars and _key(pars[0]) == _key(title):
        removed.append(Removed("title", pars.pop(0)))
    kept, more = clean_paragraphs(pars)
    removed.extend(more)
    return Cleaned(text="\n\n".join(kept), title=title, removed=removed)
