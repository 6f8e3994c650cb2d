"""Credit lines and author notes: people named there are not people of the story.

A page's text often ends with who wrote it and who helped ("--additional reporting by Jane
Doe", "Follow Jane Doe on Twitter", "Jane Doe contributed to this report"; phrases in
`data/credit_lines.tsv`) or with a note on the author ("Jane Doe is a senior fellow at the
Hoover Institution.", "Jane Doe, a retired colonel, teaches at ..."). A person whose every
mention lies on such lines is dropped. An author note is one of the last two paragraphs
of a text of five or more that opens with a name followed by "is", "was" or an apposition
with an article (a nickname in brackets may stand inside the name: "Michael A. (Mike)
Moodian is ..."), and holds no quotation and no speech verb (a noun of the same form, "West
Point", is none); a person the story also names elsewhere keeps every mention and stays.
A section byline is a credit line too: a line that is only a name, a comma and a writer's
post ("Caroline Hawley, BBC diplomatic correspondent"; `credit_lines.tsv`, "byline_role").
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from newsgraph import lexicon
from newsgraph.annotate.entities import personhood
from newsgraph.annotate.entities.coref import Person

# How many closing paragraphs may hold an author note.
NOTE_PARAGRAPHS = 2
# ... of a text of at least this many paragraphs (a short text is all story).
NOTE_MIN_PARAGRAPHS = 5
# A credit line is short; a story paragraph may open with the same words ("Follow the
# money, ...").
MAX_CREDIT_LINE = 200
_LEAD = re.compile(r"^[\s\-–—(\[]*")
# After the name: a nickname in brackets and the rest of the name ("Michael A. (Mike)
# Moodian is"), then "is", "was" or an apposition with an article.
_AFTER_NAME = re.compile(r"^(?:\s*\([^)]{1,40}\)(?:\s+[A-Z][\w’'.-]+){0,2})?"
                         r"(?:\s+(?:is|was)\s|,\s+(?:a|an|the)\s)")
# A section byline: a name, a comma and a post ending in a writer's word; at most this
# many words.
BYLINE_WORDS = 8
_BYLINE = re.compile(r"^[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3},\s+[^,.;:!?\"“”]+$")
_QUOTES = re.compile(r"[\"“”]|''")


@cache
def _phrases() -> tuple[tuple[str, ...], tuple[str, ...]]:
    rows = lexicon.tsv_rows("credit_lines.tsv")
    opens = tuple(r[0] for r in rows if r[1:] == ["opens"])
    within = tuple(r[0] for r in rows if r[1:] == ["within"])
    return opens, within


@cache
def _byline_roles() -> frozenset[str]:
    return frozenset(r[0] for r in lexicon.tsv_rows("credit_lines.tsv")
                     if r[1:] == ["byline_role"])


def _section_byline(line: str) -> bool:
    """ "Caroline Hawley, BBC diplomatic correspondent": a line that is a writer's byline."""
    line = line.strip()
    words = line.split()
    return len(words) <= BYLINE_WORDS and bool(_BYLINE.match(line)) \
        and words[-1].lower() in _byline_roles()


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Character ranges of the non-empty lines of `text`."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _credit_line(line: str) -> bool:
    opens, within = _phrases()
    if len(line) > MAX_CREDIT_LINE:
        return False
    low = _LEAD.sub("", line).casefold()
    return any(low.startswith(p + " ") or low == p for p in opens) or \
        any(p in low for p in within) or _section_byline(line)


def _author_note(doc: Doc, lo: int, hi: int, starts: dict[int, int]) -> bool:
    """The paragraph `lo:hi` opens with a name (`starts`: name start -> end) and describes
    that person, as an author note does."""
    line = doc.text[lo:hi]
    first = lo + len(line) - len(line.lstrip())
    end = starts.get(first)
    if end is None or _QUOTES.search(line):
        return False
    if not _AFTER_NAME.match(doc.text[end:hi]):
        return False
    span = doc.char_span(lo, hi, alignment_mode="expand")
    speech = personhood.speech_forms()
    # a speech verb, not a noun of the same form ("at West Point", "The Huffington Post")
    return span is not None and not any(t.lower_ in speech and t.pos_ == "VERB" for t in span)


def credit_spans(doc: Doc, persons: list[Person]) -> list[tuple[int, int]]:
    """The character ranges of the credit lines and author notes of `doc`."""
    paragraphs = _paragraphs(doc.text)
    starts = {n.start: n.end for p in persons for n in p.names if n.end > n.start}
    out = [(lo, hi) for lo, hi in paragraphs if _credit_line(doc.text[lo:hi])]
    notes = paragraphs[-NOTE_PARAGRAPHS:] if len(paragraphs) >= NOTE_MIN_PARAGRAPHS else []
    for lo, hi in notes:
        if (lo, hi) not in out and _author_note(doc, lo, hi, starts):
            out.append((lo, hi))
    return out


def story_people(doc: Doc, persons: list[Person]) -> list[Person]:
    """`persons` without those named only on credit lines and in author notes."""
    spans = credit_spans(doc, persons)
    if not spans:
        return persons

    def credited(s: int, e: int) -> bool:
        return any(lo <= s and e <= hi for lo, hi in spans)

    kept = []
    for p in persons:
        mentions = p.mentions()
        if mentions and all(credited(s, e) for s, e in mentions):
            continue
        kept.append(p)
    return kept
