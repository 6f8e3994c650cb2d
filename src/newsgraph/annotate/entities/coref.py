"""Within-article coreference for people: one Person per individual, with all mentions.

- Full names join when their words agree ("Antony Blinken" = "Antony J. Blinken",
  "S. Jaishankar" = "Subrahmanyam Jaishankar", "Tony Blinken" by a short nickname table,
  "Hayashi Yoshimasa" = "Yoshimasa Hayashi", "Moussa Faki" = "Moussa Faki Mahamat").
- A single word ("Hegseth", "BLINKEN" in a label, "Karine") joins the person whose name has
  that word; when several do, the one whose role fits, else the one named last before it.
- A headline mention or a bare transcript label ("BRILLIANT:") only joins a person the body
  names; it never creates one.
- A title alone ("the Secretary") joins the one person whose role it fits, or nobody.
The canonical name is the fullest form given (most full words, then most words).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from newsgraph import lexicon
from newsgraph.annotate.entities import roles
from newsgraph.annotate.entities.names import (
    INITIAL_RE,
    PARTICLES,
    SUFFIXES,
    NameMention,
    RoleMention,
)

# Short forms of first names that appear in official texts ("Joe Biden", "Tony Blinken"),
# each rewritten to its given name (data/nicknames.tsv, column "coref").
NICKNAMES = lexicon.nicknames().coref


# Sources that name a person in full (see NameMention.source): they create people and give
# the canonical name; labels, headline lines and absorbed words only join them.
NAMING = ("ner", "title", "headline")


_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az)-(?=\w{3})")


def _full(words: list[str]) -> list[str]:
    """Lower-cased full name words (no initials, particles, suffixes), nicknames expanded."""
    out = []
    for w in words:
        if INITIAL_RE.match(w) or w in SUFFIXES or w.lower() in PARTICLES:
            continue
        low = w.lower().replace("’", "'")
        # "Al-Sudani" and "Sudani" are one surname: the Arabic article is often dropped.
        low = _ARTICLE_PREFIX.sub("", low)
        out.append(NICKNAMES.get(low, low))
    return out


def _initials(words: list[str]) -> list[str]:
    return [w[0].lower() for w in words if INITIAL_RE.match(w)]


@dataclass
class Person:
    names: list[NameMention] = field(default_factory=list)
    role_refs: list[RoleMention] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    role_texts: list[str] = field(default_factory=list)
    affiliation: str | None = None
    affiliation_kind: str | None = None
    party: str | None = None  # a label of data/parties.tsv ("Republican")
    organisation: str | None = None
    possessor: str | None = None  # whose post it is ("Mr. Netanyahu's adviser")
    _words: set[str] = field(default_factory=set, repr=False)

    def add(self, n: NameMention) -> None:
        self.names.append(n)
        self._words.update(_full(n.words))

    def visited(self) -> set[str]:
        out: set[str] = set()
        for n in self.names:
            out |= n.visited
        return out

    def words(self) -> set[str]:
        """Every full name word of every mention (lower case)."""
        return self._words

    def surname(self) -> str | None:
        best = self.canonical_words()
        full = _full(best)
        return full[-1] if full else None

    def canonical_words(self) -> list[str]:
        body = [n for n in self.names if n.source in NAMING] or self.names
        best = max(body, key=lambda n: (len(_full(n.words)), len(n.words),
                                        sum(len(w) for w in n.words), -n.start))
        return best.words

    @property
    def name(self) -> str:
        return " ".join(self.canonical_words())

    @property
    def first(self) -> int:
        starts = [n.start for n in self.names] + [r.start for r in self.role_refs]
        return min(starts)

    def mentions(self) -> list[list[int]]:
        # A name read from the headline only has no span in the text (start == end).
        spans = {(n.start, n.end) for n in self.names if n.end > n.start} | {
            (r.start, r.end) for r in self.role_refs}
        return [list(s) for s in sorted(spans)]


def same_surname(a: str, b: str) -> bool:
    """Two spellings of one long surname, one letter apart ("Zelensky", "Zelenskyy")."""
    if a == b:
        return True
    return min(len(a), len(b)) >= 6 and a[:4] == b[:4] and Levenshtein.distance(a, b) == 1


def _compatible(a: list[str], b: list[str]) -> bool:
    """Two multi-word names for the same person."""
    fa, fb = _full(a), _full(b)
    if not fa or not fb:
        return False
    sa, sb = set(fa), set(fb)
    if sa == sb or (len(fa) == len(fb) and fa[:-1] == fb[:-1]
                    and same_surname(fa[-1], fb[-1])):
        return True
    small, big = (fa, fb) if len(sa) < len(sb) else (fb, fa)
    small_words, big_words = (a, b) if small is fa else (b, a)
    if len(small) >= 2 and big[:len(small)] == small:
        return True  # "Moussa Faki" = "Moussa Faki Mahamat", "Mohammed bin Salman Al Saud"
    if not set(small) <= set(big) or small[-1] != big[-1]:
        return False
    # "S. Jaishankar" vs "Subrahmanyam Jaishankar": the initial must fit a given name.
    given = [w[0] for w in big[:-1]]
    return all(i in given for i in _initials(small_words)) or not _initials(small_words)


def _pick(cands: list[Person], mention: NameMention) -> Person | None:
    if not cands:
        return None
    if len(cands) == 1:
        return cands[0]
    word = _full(mention.words)[-1]
    by_surname = [p for p in cands if p.surname() == word]
    cands = by_surname or cands
    if len(cands) > 1 and mention.title.roles:
        fit = [p for p in cands if any(roles.compatible(r, pr) or r == pr
                                       for r in mention.title.roles
                                       for n in p.names for pr in n.title.roles)]
        cands = fit or cands
    before = [p for p in cands if any(n.start < mention.start for n in p.names)]
    if before:
        return max(before, key=lambda p: max(n.start for n in p.names if n.start
                                             < mention.start))
    return cands[0]


def cluster(names: list[NameMention], role_refs: list[RoleMention]) -> list[Person]:
    people: list[Person] = []
    multi = [n for n in names if len(_full(n.words)) >= 2 and n.source in NAMING
             and (not n.headline or n.appositive)]
    rest = [n for n in names if n not in multi]
    for n in sorted(multi, key=lambda n: (-len(_full(n.words)), n.start)):
        match = [p for p in people if any(_compatible(n.words, m.words) for m in p.names)]
        _add_to(people, _pick(match, n), n, creates=True)
    # Headline lines last: they may only name someone the body names, unless the name has
    # an apposition ("Antony J. Blinken, Secretary of State" as a byline).
    for n in sorted(rest, key=lambda n: (n.headline, n.start)):
        full = _full(n.words)
        if not full:
            continue
        creates = n.source in ("ner", "title", "label") and (not n.headline or n.appositive)
        _add_to(people, _pick(_rest_match(n, full, people), n), n, creates)
    for p in people:
        _merge_titles(p)
    for ref in role_refs:
        fit = [p for p in people if any(roles.compatible(ref.role, r) for r in p.roles)]
        if len(fit) == 1:
            fit[0].role_refs.append(ref)
    people.sort(key=lambda p: p.first)
    return people


def _add_to(people: list[Person], p: Person | None, n: NameMention, creates: bool) -> None:
    """Add the mention to its person, or to a new one when it may start one."""
    if p is None:
        if not creates:
            return
        p = Person()
        people.append(p)
    p.add(n)


def _rest_match(n: NameMention, full: list[str], people: list[Person]) -> list[Person]:
    """The people a one-word name or a headline name may be."""
    match = [p for p in people if set(full) <= p.words()]
    if not match and len(full) == 1:
        # "Zelenskyy" for "Volodymyr Zelensky": the same surname spelt another way
        match = [p for p in people if (sur := p.surname()) and same_surname(full[0], sur)]
    if not match and n.headline and len(full) >= 2:
        # "Marta Costanzo Youth, Deputy Assistant Secretary..." as a header line: a
        # fuller form of a name the body gives ("Marta Youth").
        match = [p for p in people if any(_compatible(n.words, m.words) for m in p.names)]
    if not match and n.headline:
        match = _known_part(n, people)
    return match


def _known_part(n: NameMention, people: list[Person]) -> list[Person]:
    """"Hegseth Seeks Swift Approval": keep the words the body knows as a name (the mention
    is cut to them)."""
    match: list[Person] = []
    k = len(n.words)
    while k > 1 and not match:
        k -= 1
        full = _full(n.words[:k])
        match = [p for p in people if full and set(full) <= p.words()]
    if match:
        n.words = n.words[:k]
        n.end = n.start + len(" ".join(n.words))
    return match


def _merge_titles(p: Person) -> None:
    seen: dict[str, str] = {}
    votes: Counter[tuple[str, str | None]] = Counter()
    for n in sorted(p.names, key=lambda n: n.start):
        for r, t in zip(n.title.roles, n.title.role_texts, strict=True):
            seen.setdefault(r, t)
        if n.title.affiliation:
            votes[(n.title.affiliation, n.title.affiliation_kind)] += 1
    kept = [r for r in seen if not roles.subsumed(r, list(seen))]
    p.roles = kept
    p.role_texts = [seen[r] for r in kept]
    if votes:
        (p.affiliation, p.affiliation_kind), _ = votes.most_common(1)[0]
    p.party = next((n.title.party for n in p.names if n.title.party), None)
    p.organisation = next((n.title.organisation for n in p.names if n.title.organisation), None)
    p.possessor = next((n.title.possessor for n in p.names if n.title.possessor), None)
