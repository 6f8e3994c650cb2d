"""Party labels of people (`data/parties.tsv`): "Republican Mike Braun", "Democratic Sen.
Amy Klobuchar", "BJP leader ...", and the US form after a name, "Sen. Tim Kaine, D-Va.".

A label is kept apart from the name and the roles; it gives the person's party (their
`organisation` when no other is named) and country, where the article names the country
a row needs ("Congress" is India's party only in an article naming India).
"""

from __future__ import annotations

import re
from collections.abc import Container

from spacy.tokens import Doc

from newsgraph import lexicon
from newsgraph.lexicon import PartyLabel

ROWS = lexicon.parties()
# Labels written before a name or a title (the one-letter ones only in the "D-Va." form).
WORD_LABELS = frozenset(label for label in ROWS if len(label) > 1)
# ", D-Va.,", " (R-Texas)", ", I-Vt.": party letter and state after a US legislator's name.
# "state Sen. Jason Holsman (D)": the letter alone, in parentheses.
ABBREVIATION_RE = re.compile(r"[ \t]*(?:[,(][ \t]*([DRI])-[ \t]?[A-Z][A-Za-z.]*(?: [A-Z][a-z.]+)?"
                             r"[ \t]*[,)]|\(([DRI])\))")


def is_label(word: str) -> bool:
    return word in WORD_LABELS


def label_before(doc: Doc, i: int) -> str | None:
    """The party label right before token i ("Republican" in "Republican Sen. Braun")."""
    if i > 0 and is_label(doc[i - 1].text):
        return doc[i - 1].text
    return None


def label_after(text: str, end: int) -> str | None:
    """The party letter of ", D-Va." right after a name ending at character `end`."""
    m = ABBREVIATION_RE.match(text, end)
    return (m.group(1) or m.group(2)) if m else None


def resolve(label: str, named: Container[str]) -> PartyLabel | None:
    """The row a label stands for in an article that names the countries `named`."""
    for row in ROWS.get(label, []):
        if row.needs is None or row.needs in named:
            return row
    return None
