"""The article's authors from what the page's metadata says.

The JSON-LD article's persons come first: there each author is one name, where a meta tag's
"Brazil, Rachel" (surname, given name) reads as two authors once split on the comma. Else
trafilatura's authors. Either way, a name is cleaned: a byline prefix ("By", "Von", "Par")
and e-mail addresses go, two names joined by "and" ("og", "und", ...) become two, and what
is not a person's name is dropped: the site's or publisher's own name ("Lesotho Times",
"Www Washingtontimes Com"), a job title alone, a date, a description of eight words or more;
the same name twice ("Emma Mackenzie", "Emma-Mackenzie") is one author.
"""

from __future__ import annotations

import re

from newsgraph import lexicon
from newsgraph.extract.meta import PageMeta
from newsgraph.extract.titles import is_site, site_key, site_keys

_WORDS = lexicon.byline_words()
_PREFIX = _WORDS.tagged("prefix")
_JOINER = _WORDS.tagged("joiner")
_ROLE = _WORDS.tagged("role")
_PARENS = re.compile(r"\([^)]*\)")  # "Jane Doe (jd)": her initials
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}([./-]\d{2,4})?|\d{1,2}:\d{2}")
_MAX_NAME_WORDS = 7
_PARTICLE = re.compile(r"^[a-zà-ÿ]")  # "von der Leyen": a lower-case word after "von"


def clean_authors(traf_authors: list[str], meta: PageMeta) -> list[str]:
    """The authors of the article: `meta.authors` (JSON-LD) if any is left after cleaning,
    else `traf_authors`. The site's name counts only where it is the sole byline (the
    newsroom signs): beside a person it is the publisher."""
    keys = site_keys(meta.site_names)
    for source in (meta.authors, traf_authors):
        names = _names(source)
        people = [n for n in names if not is_site(n, keys)]
        if people or names:
            return people or names
    return []


def _names(raw_names: list[str]) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for raw in raw_names:
        for part in _parts(_PARENS.sub(" ", _EMAIL.sub(" ", raw))):
            for name in _split(_strip_prefix(part)):
                name = name.strip(" ,;:-|")
                k = site_key(name)
                if k and k not in seen and _is_name(name):
                    seen.add(k)
                    out.append(name)
    return out


def _parts(raw: str) -> list[str]:
    """Split at commas and semicolons, except a lone "Surname, Given" pair."""
    parts = [p.strip() for p in re.split(r"[,;]", raw)]
    if len(parts) == 2 and all(len(p.split()) == 1 for p in parts):
        return [raw]
    return [p for p in parts if p]


def _strip_prefix(name: str) -> str:
    """"By Jane Doe" -> "Jane Doe"; "Opinion by Jane Doe" and "Capital Von Jane Doe" too,
    but not "Ursula von der Leyen"."""
    words = name.split()
    for i in (0, 1):
        if len(words) > i + 1 and words[i].lower() in _PREFIX:
            rest = words[i + 1:]
            if i == 0 or (len(rest) >= 2 and not _PARTICLE.match(rest[0])):
                return " ".join(rest)
    return " ".join(words)


def _split(name: str) -> list[str]:
    """"Jane Doe og John Roe" -> both; only where each side has two words or more."""
    words = name.split()
    for i, w in enumerate(words):
        if w.lower() in _JOINER and i >= 2 and len(words) - i - 1 >= 2:
            return [" ".join(words[:i]), *_split(" ".join(words[i + 1:]))]
    return [name]


def _is_name(name: str) -> bool:
    words = name.split()
    if len(words) > _MAX_NAME_WORDS or _DATE.fullmatch(name):
        return False
    if all(w.lower().strip(".,") in _ROLE for w in words):
        return False
    return True
