"""Public bodies among the organisations people work for.

An organisation whose name has the head word of a public body (`data/public_bodies.tsv`:
"National Assembly", "National Security Council", "Ministry of Health") employs public
servants: the article-wide rules of `affiliation` may give its officials the article's
country, as they do any holder of a public role. A company, a think tank or a union the
article names ("Saxo Bank", "the Urban Institute", "the prison workers' union") is no
public body, and its staff keep no country unless the text states one.
"""

from __future__ import annotations

import re

from newsgraph import lexicon
from newsgraph.annotate import gazetteer

BODY_WORDS = lexicon.public_bodies().tagged("body")
PRIVATE_WORDS = lexicon.public_bodies().tagged("private")
WORD_RE = re.compile(r"[A-Za-z]+")
NAME_RE = re.compile(r"[\w.’'-]+")


def _countries_named(org: str) -> set[str]:
    """Countries a word or two of the name stands for ("Chinese", "Hong Kong", "U.S.")."""
    words = NAME_RE.findall(org)
    found = set()
    for n in (1, 2):
        for i in range(len(words) - n + 1):
            country = gazetteer.lookup_country(" ".join(words[i:i + n]))
            if country:
                found.add(country)
    return found


def public_body(org: str, country: str) -> bool:
    """The organisation's name is a public body's ("National Assembly", "the NSC"), and
    names no country but `country` ("the Chinese Foreign Ministry" is no Indian body)."""
    words = {w.lower() for w in WORD_RE.findall(org)}
    if not words & BODY_WORDS or words & PRIVATE_WORDS:
        return False
    return _countries_named(org) <= {country}
