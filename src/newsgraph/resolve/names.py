"""Person names: strip titles, split given names from the surname, compare two names.

"Indian Minister of External Affairs Dr. Subrahmanyam Jaishankar" -> title "Indian Minister of
External Affairs", given ["subrahmanyam"], surname "jaishankar". Comparison is deliberately
strict on given names: "Rajnath Singh" and "Manmohan Singh" share a surname and nothing else.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from newsgraph import lexicon

# Words that make up titles and offices in front of a name, lower case, no dots, and the
# pure forms of address among them that are not a role worth keeping (data/titles.tsv, uses
# "name" and "name_honorific").
TITLE_WORDS = lexicon.titles().words("name")
HONORIFICS = lexicon.titles().words("name_honorific")
SUFFIXES = frozenset("jr sr ii iii iv phd md".split())
PARTICLES = frozenset("von van der den de da del della di du le la al el bin ibn ben".split())

# Short forms of given names that name the same person (data/nicknames.tsv).
NICKNAMES: dict[str, set[str]] = {}
for _names in lexicon.nicknames().groups:
    for _n in _names:
        NICKNAMES.setdefault(_n, set()).update(_names)


# Invisible characters that web text carries inside words ("Pre\xadsident").
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


# Endings that turn one given name into another person's: Daniel/Danielle, Paul/Paula.
GENDERED = frozenset("a e o i y ia ie le la ne na ine ina ette elle ette ita".split())


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, accents and invisible characters removed, curly apostrophes straightened."""
    text = unicodedata.normalize("NFKD", text.translate(_INVISIBLE).replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


@functools.lru_cache(maxsize=1 << 16)
def translit(word: str) -> str:
    """A key on which transliterations of one name agree: Sergey/Sergei, Zelensky/Zelenskyy,
    Mohammed/Mohamed."""
    w = word.replace("y", "i").replace("ph", "f").replace("kh", "h").replace("ck", "k")
    w = w.replace("ou", "u").replace("j", "i") if len(w) > 4 else w.replace("y", "i")
    return re.sub(r"(.)\1+", r"\1", w)


@dataclass(slots=True)
class PersonName:
    raw: str
    given: list[str] = field(default_factory=list)   # folded, dots removed; "s" is an initial
    surname: str = ""
    title: str | None = None                         # stripped title, as written
    display: str = ""                                # the name as written, title removed

    @property
    def key(self) -> str:
        return " ".join([*self.given, self.surname]).strip()

    @property
    def first(self) -> str | None:
        return self.given[0] if self.given else None

    @property
    def tier(self) -> str:
        """full: a spelled-out first name; initial: only initials; bare: surname only."""
        if not self.given:
            return "bare"
        return "initial" if len(self.given[0]) == 1 else "full"


def _is_title_word(w: str) -> bool:
    """A title word, or a hyphenated one made of them ("president-elect")."""
    return w in TITLE_WORDS or ("-" in w and all(p in TITLE_WORDS for p in w.split("-")))


def _clean_word(w: str) -> str:
    return fold(w).strip(".,;:()[]\"'")


def parse_person(raw: str) -> PersonName:
    text = re.sub(r"['’]s$", "", raw.strip())
    text = re.sub(r",?\s+(Jr|Sr|II|III|IV)\.?$", "", text)
    words = text.split()
    folded = [_clean_word(w) for w in words]
    # The title ends at the last title word before the final word: "Foreign Minister
    # Jaishankar", "Secretary of State Antony J. Blinken". The final word always stays.
    cut = 0
    for i, w in enumerate(folded[:-1]):
        if _is_title_word(w):
            cut = i + 1
        elif i == 0 and _is_title_word(folded[1]) and len(folded) > 2:
            continue  # a demonym or country in front: "Indian Minister ..."
        else:
            break
    title_words = [w for w, f in zip(words[:cut], folded[:cut], strict=True)
                   if f not in HONORIFICS]
    title = " ".join(title_words).strip(" ,") or None
    rest = [w for w in folded[cut:] if w and w not in SUFFIXES]
    rest = [p for w in rest for p in _split_initials(w)]
    if not rest:
        return PersonName(raw, [], folded[-1] if folded else "", title, raw.strip())
    sur_start = len(rest) - 1
    while sur_start > 0 and rest[sur_start - 1] in PARTICLES:
        sur_start -= 1
    display = " ".join(words[cut:]).strip(" ,")
    return PersonName(raw, rest[:sur_start], " ".join(rest[sur_start:]), title, display)


def _split_initials(word: str) -> list[str]:
    """"a.j." -> ["a", "j"]; other words unchanged (dots dropped)."""
    if re.fullmatch(r"(?:\w\.){2,}", word + ("." if not word.endswith(".") else "")) and \
            len(word.replace(".", "")) <= 3:
        return list(word.replace(".", ""))
    return [word.replace(".", "")]


@functools.lru_cache(maxsize=1 << 17)
def same_first(a: str, b: str) -> bool:
    """Two first names of one person: equal, a known short form ("Joe"/"Joseph", "Phil"/
    "Philip"), a transliteration or a spelling variant."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if b in NICKNAMES.get(a, ()):
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 4 and long_.startswith(short) and long_[len(short):] not in GENDERED:
        return True
    if len(a) >= 5 and len(b) >= 5 and translit(a) == translit(b):
        return True
    return len(a) >= 5 and len(b) >= 5 and a[0] == b[0] and fuzz.ratio(a, b) >= 88


@functools.lru_cache(maxsize=1 << 17)
def same_surname(a: str, b: str) -> bool:
    """Equal, or a transliteration variant of a long name (Zelensky / Zelenskyy)."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if long_ == short + "a":
        return False  # Lavrov / Lavrova, Ivanov / Ivanova
    if len(a) >= 5 and len(b) >= 5 and translit(a) == translit(b):
        return True
    return (len(a) >= 6 and len(b) >= 6 and a[:3] == b[:3] and fuzz.ratio(a, b) >= 88)


def compatible(a: PersonName, b: PersonName) -> bool:
    """Could the two names be the same person? (bare surnames are handled by the caller)"""
    if _ends_with(a, b) or _ends_with(b, a):
        return True  # "López Obrador" in "Andrés Manuel López Obrador"
    if _same_words(a, b):
        return True  # "Kishida Fumio" / "Fumio Kishida"
    if not same_surname(a.surname, b.surname):
        return False
    if not a.given or not b.given:
        return True
    if not same_first(a.given[0], b.given[0]):
        return False
    # A second spelled-out given name that differs names another person (e.g. siblings).
    if len(a.given) > 1 and len(b.given) > 1:
        ma, mb = a.given[1], b.given[1]
        if len(ma) > 1 and len(mb) > 1 and not same_first(ma, mb):
            return False
        if ma[0] != mb[0]:
            return False
    return True


def _ends_with(long_: PersonName, short: PersonName) -> bool:
    """The short name's words (two or more, spelled out) end the long name: a compound
    surname written without the given names."""
    s = [*short.given, *short.surname.split()]
    words = [*long_.given, *long_.surname.split()]
    return (2 <= len(s) < len(words) and all(len(w) > 1 for w in s)
            and words[-len(s):] == s)


def words(name: PersonName) -> list[str]:
    return [*name.given, *name.surname.split()]


def _same_words(a: PersonName, b: PersonName) -> bool:
    wa, wb = words(a), words(b)
    return len(wa) >= 2 and all(len(w) > 1 for w in wa) and sorted(wa) == sorted(wb)


def starts_with(long_: PersonName, short: PersonName) -> bool:
    """The short name's words (two or more, spelled out) begin the long name: "Yoon Suk" for
    "Yoon Suk Yeol". Only safe where the family name comes first, so callers check that."""
    s, w = words(short), words(long_)
    return 2 <= len(s) < len(w) and all(len(x) > 1 for x in s) and w[:len(s)] == s


def block_key(surname: str) -> str:
    """Candidates for comparison share the first three letters of the last surname word."""
    return surname.split()[-1][:3] if surname else ""
