"""Transcript turns: "SECRETARY BLINKEN: ...", "MR PRICE: ...", "QUESTION: ...".

A turn is a paragraph that starts with an upper-case speaker label and a colon; it runs
until the next labelled paragraph. A label counts only when it names a person by title or
honorific, or a transcript role (QUESTION, MODERATOR): "VESSEL NAME: ..." in a sanctions
list is a field, not a speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph import lexicon

_LABEL = re.compile(
    r"^[ \t]*(?:(?P<label>(?:[A-Z][A-Z.'\u2019-]*[ \t]){0,6}[A-Z][A-Z.'\u2019-]*(?:[ \t](?:ONE"
    r"|TWO|THREE|FOUR|1|2|3|4))?)[ \t]*:"
    # White House transcripts write a reporter's turn as "Q Mr. President, ..." (no colon).
    r"|(?P<q>Q)\.?(?=[ \t]+[A-Z(\u201c\"']))[ \t]*(?=\S)", re.M)
# A turn that is only a stage direction ("(Nods.)") says nothing.
_STAGE_ONLY = re.compile(r"^\s*(?:\([^()]*\)\s*)+$")

# Words that make a label name a person (data/titles.tsv, uses "label_honorific" and
# "label"), in capitals as labels write them.
HONORIFICS = frozenset(w.upper() for w in lexicon.titles().words("label_honorific"))
TITLES = frozenset(w.upper() for w in lexicon.titles().words("label"))
# Words a label may carry that name nobody by themselves ("THE PRESIDENT", "HIS MAJESTY").
FILLERS = frozenset({"THE", "HIS", "HER"})
# Labels that are a role in the conversation, not a named person.
ROLES = frozenset("""
QUESTION Q MODERATOR OPERATOR AUDIENCE PARTICIPANT INTERPRETER AIDE STAFF REPORTER
JOURNALIST PRESS HOST PARTICIPANTS MEMBER ANNOUNCER NARRATOR PANELIST
""".split())
QUESTION_LABELS = frozenset({"QUESTION", "Q", "REPORTER", "JOURNALIST", "AUDIENCE MEMBER",
                             "AUDIENCE", "PRESS"})
# A paragraph that ends the transcript (times, "END", "###").
_END = re.compile(r"^\s*(?:END\b|###|\d{1,2}:\d{2}\s*[AaPp]\.?[Mm]\.?)", re.M)


@dataclass
class Turn:
    label: str  # as written, e.g. "SECRETARY BLINKEN"
    label_span: tuple[int, int]
    name_span: tuple[int, int] | None  # the surname part of the label ("BLINKEN"), if any
    start: int  # first character of the spoken text
    end: int
    is_question: bool
    role: str | None  # "Moderator", "Senior Administration Official" for unnamed speakers


def _words(label: str) -> list[str]:
    return label.replace("\u2019", "'").split()


def is_speaker_label(label: str) -> bool:
    words = _words(label)
    if not words:
        return False
    if label in QUESTION_LABELS or all(w in ROLES for w in words):
        return True
    if words[0] in HONORIFICS and len(words) >= 2:
        return True
    titled = [w for w in words if w in TITLES]
    if not titled:
        return False
    # "THE PRESIDENT", "SENIOR ADMINISTRATION OFFICIAL", "SECRETARY BLINKEN"
    return True


def _name_part(label: str, start: int) -> tuple[int, int] | None:
    """Offsets of the words after the title/honorific words (the surname), if any."""
    pos = 0
    name_start = None
    for m in re.finditer(r"\S+", label):
        w = m.group().replace("\u2019", "'")
        if w in HONORIFICS or w in TITLES or w in ROLES or w in FILLERS or w in (
                "ONE", "TWO", "THREE", "FOUR", "1", "2", "3", "4"):
            name_start = None
            pos = m.end()
            continue
        if name_start is None:
            name_start = m.start()
        pos = m.end()
    if name_start is None:
        return None
    return start + name_start, start + pos


def find_turns(text: str) -> list[Turn]:
    """Transcript turns of `text`; empty unless at least two labelled paragraphs are found."""
    heads: list[tuple[re.Match[str], str]] = []
    for m in _LABEL.finditer(text):
        label = (m.group("label") or m.group("q")).strip()
        if len(label) < 1 or not is_speaker_label(label):
            continue
        # A label starts a paragraph: it must be at the start of a line.
        if m.start() > 0 and text[m.start() - 1] != "\n":
            continue
        heads.append((m, label))
    if len(heads) < 2 and not (heads and _named(heads[0][1])):
        return []
    turns: list[Turn] = []
    for k, (m, label) in enumerate(heads):
        stop = heads[k + 1][0].start() if k + 1 < len(heads) else len(text)
        end_m = _END.search(text, m.end(), stop)
        if end_m is not None and end_m.start() > m.end():
            stop = end_m.start()
        body_end = stop
        while body_end > m.end() and text[body_end - 1].isspace():
            body_end -= 1
        lstart = m.start("label") if m.group("label") else m.start("q")
        lspan = (lstart, lstart + len(label))
        name = _name_part(label, lstart)
        words = _words(label)
        role = None
        if name is None and label not in QUESTION_LABELS:
            role = " ".join(w.capitalize() for w in words if w not in FILLERS) or None
        turns.append(Turn(label=label, label_span=lspan, name_span=name, start=m.end(),
                          end=body_end, is_question=label in QUESTION_LABELS, role=role))
    return [t for t in turns if t.end > t.start and not _STAGE_ONLY.match(text[t.start:t.end])]


def _named(label: str) -> bool:
    return label not in QUESTION_LABELS and _name_part(label, 0) is not None
