"""Agreements across articles: one agreement per real agreement, with a status timeline.

Names are compared after normalising what varies between writers and not between agreements:
U.S./US/United States, Defence/Defense, articles, number words ("ten-year" = "10-year"),
and decoration around the name ("a new 10-year ...", "... in the 21st Century"). Two names
then merge when they are equal, when one holds all the words of the other with the same head
noun ("framework", "treaty", ...), or when they differ only by spelling; never when they name
different countries ("U.S.-Thailand" / "U.S.-Indonesia Agreement on Reciprocal Trade").
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from newsgraph.resolve.countries import canonical_country
from newsgraph.resolve.names import fold

SPELLING = {"defence": "defense", "programme": "program", "organisation": "organization",
            "centre": "center", "licence": "license", "memorandum of understanding": "mou",
            "united states of america": "us", "united states": "us", "usa": "us",
            "finalise": "finalize", "authorised": "authorized", "united nations": "un",
            "memorandums": "mous", "memoranda": "mous"}
NUMBERS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
STOP = frozenset("the a an of for on in and to with between at by".split())
HEADS = ("framework", "agreement", "treaty", "mou", "pact", "accord", "arrangement", "deal",
         "initiative", "partnership", "roadmap", "declaration", "charter", "convention",
         "protocol", "sale", "contract", "dialogue", "plan", "compact", "statement")
# Words that alone do not name an agreement ("the agreement", "a defense deal").
GENERIC = frozenset(HEADS) | {"new", "defense", "trade", "bilateral", "this", "that", "major"}
MONTHS = frozenset("january february march april may june july august september october "
                   "november december".split())


def specific(word: str) -> bool:
    """A word that tells one agreement from another: not generic, not a date."""
    return word not in GENERIC and word not in MONTHS and not word.isdigit()
# How far along an agreement is; used to order signals on the same day.
STATUS_RANK = ["mentioned", "proposed", "planned", "announced", "negotiating", "agreed",
               "initialled", "approved", "signed", "ratified", "in-force", "implemented",
               "completed", "delivered", "suspended", "cancelled", "withdrawn", "expired"]
SPELLING_SIMILARITY = 92


@functools.lru_cache(maxsize=1 << 15)
def normalise(name: str) -> str:
    # "(RDP)", "(COMPACT ...)": a parenthesis repeats or expands the name
    text = fold(re.sub(r"\s*\([^)]*\)", " ", name))
    text = re.sub(r"\bu\.\s?s\.?(?=[\s\-–]|$)", "us", text)
    text = re.sub(r"[^\w\s]", " ", text)
    text = " " + " ".join(text.split()) + " "
    for a, b in SPELLING.items():
        text = text.replace(f" {a} ", f" {b} ")
    text = " ".join(NUMBERS.get(w, w) for w in text.split())
    text = re.sub(r"\b(in )?(the )?21st century\b", " ", text)
    words = text.split()
    # Decoration in front: "a new 10 year framework" is the framework. "New" stays when it
    # is part of the name itself ("New START").
    while words:
        if words[0] in ("a", "an", "the"):
            words = words[1:]
        elif words[0] == "new" and len(words) > 1 and (words[1].isdigit() or words[1] in HEADS):
            words = words[1:]
        elif words[0].isdigit() and len(words) > 1 and words[1] in ("year", "years"):
            words = words[2:]
        else:
            break
    return " ".join(w for w in words if w not in ("the", "a", "an"))


def content_words(key: str) -> list[str]:
    return list(_content_words(key))


@functools.lru_cache(maxsize=1 << 15)
def _content_words(key: str) -> tuple[str, ...]:
    return tuple(w for w in key.split() if w not in STOP)


@functools.lru_cache(maxsize=1 << 15)
def head(key: str) -> str | None:
    """The first agreement noun in the name: "framework" in "Framework for ... Agreement"."""
    return next((w for w in key.split() if w in HEADS), None)


@functools.lru_cache(maxsize=1 << 15)
def countries_in(key: str) -> frozenset[str]:
    words = key.split()
    found = set()
    for n in (2, 1):
        for i in range(len(words) - n + 1):
            chunk = " ".join(words[i:i + n])
            c = "United States" if chunk == "us" else (
                canonical_country(chunk) if len(chunk) > 3 else None)
            if c:
                found.add(c)
    return frozenset(found)


@dataclass
class Mention:
    pk: int
    article_id: str
    name: str
    kind: str
    parties: list[str]
    status: str
    start: int | None
    end: int | None
    date: str | None
    system: str | None = None
    recipient: str | None = None
    key: str = ""


@dataclass
class Group:
    key: str
    mentions: list[Mention] = field(default_factory=list)
    _parties: tuple[int, frozenset[str]] = (0, frozenset())   # of mentions[:n]

    @property
    def countries(self) -> frozenset[str]:
        return countries_in(self.key)

    def parties(self) -> frozenset[str]:
        n, seen = self._parties
        if n != len(self.mentions):   # mentions are only ever added
            seen = seen | {canonical_country(p) or p for m in self.mentions[n:]
                           for p in m.parties}
            self._parties = (len(self.mentions), seen)
        return seen

    def kind(self) -> str:
        c = Counter(m.kind for m in self.mentions)
        return min(c, key=lambda k: (-c[k], k))


def names_match(a: Group, b: Group) -> bool:
    """One name holds all the words of the other (at least three, one of them specific) and
    they have the same head noun, or the shorter has none ("Reciprocal Defense Procurement"
    for "... Procurement Agreement"); or the two differ only by spelling."""
    return _keys_match(a.key, b.key)


@functools.lru_cache(maxsize=1 << 18)
def _keys_match(a: str, b: str) -> bool:
    ha, hb = head(a), head(b)
    wa, wb = _content_words(a), _content_words(b)
    (short, h_short), (long_, h_long) = sorted([(wa, ha), (wb, hb)], key=lambda t: len(t[0]))
    # A name with two agreement nouns ("Chemical Weapons Convention and Biological Weapons
    # Convention", "Framework for ... Agreement") may hold two names: no merging by words.
    compound = sum(1 for w in long_ if w in HEADS) > 1
    if (len(short) >= 3 and any(specific(w) for w in short) and set(short) <= set(long_)
            and (h_short == h_long or h_short is None) and not compound):
        return True
    return ha == hb and fuzz.ratio(a, b) >= SPELLING_SIMILARITY


def parties_agree(a: Group, b: Group) -> bool:
    pa, pb = a.parties() | a.countries, b.parties() | b.countries
    return not (pa and pb and not pa & pb)


def same_agreement(a: Group, b: Group) -> bool:
    """Both names name the same countries (or neither names any) and otherwise match."""
    return a.countries == b.countries and parties_agree(a, b) and names_match(a, b)


def _arms_key(m: Mention) -> str | None:
    """Arms sales are one deal per recipient and system, however the sale is worded."""
    if m.kind != "arms-sale" or not m.system:
        return None
    recipient = canonical_country(m.recipient) or (m.recipient or "")
    return "arms sale " + normalise(recipient) + " " + normalise(m.system)


def keyed(mentions: list[Mention]) -> list[Mention]:
    """The mentions that name an agreement, each with its `key` (the normalised name)."""
    out = []
    for m in mentions:
        key = _arms_key(m) or normalise(m.name)
        words = content_words(key)
        if len(words) < 2 or all(w in GENERIC for w in words):
            continue  # "the agreement": nothing to tell it from any other
        m.key = key
        out.append(m)
    return out


class _Merge:
    """Union-find over name keys; the smallest key of a group is its root."""

    def __init__(self, keys: list[str]) -> None:
        self.parent = {k: k for k in keys}

    def find(self, k: str) -> str:
        parent = self.parent
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _candidate_pairs(keys: list[str]) -> list[tuple[str, str]]:
    """Pairs of keys that share a specific word; a word shared by very many names is no
    evidence."""
    by_word: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        for w in set(content_words(k)):
            if specific(w):
                by_word[w].append(k)
    return sorted({(a, b) for ks in by_word.values() if len(ks) <= 200
                   for i, a in enumerate(ks) for b in ks[i + 1:]})


def _attach_unnamed(merged: dict[str, Group]) -> list[Group]:
    """Groups whose names name countries, with each group that names none joined to the one
    of them it fits (kept apart when it fits several)."""
    named = [g for g in merged.values() if g.countries]
    out = list(named)
    names: dict[int, dict[str, Group]] = {id(c): {} for c in named}
    # Two names can match only when they share a specific word or their head noun.
    by_clue: dict[str | None, set[int]] = defaultdict(set)

    def add(c: Group, keys: Iterable[str]) -> None:
        for k in keys:
            names[id(c)].setdefault(k, Group(k))
            by_clue[head(k)].add(id(c))
            for w in _content_words(k):
                if specific(w):
                    by_clue["=" + w].add(id(c))

    for c in named:
        add(c, [m.key for m in c.mentions])
    for g in (g for g in merged.values() if not g.countries):
        clues = by_clue[head(g.key)].union(
            *(by_clue["=" + w] for w in _content_words(g.key) if specific(w)))
        fits = [c for c in named if id(c) in clues and parties_agree(g, c) and any(
            names_match(k, g) for k in names[id(c)].values())]
        if len(fits) == 1:
            fits[0].mentions.extend(g.mentions)
            add(fits[0], [m.key for m in g.mentions])
        else:
            out.append(g)
    return out


def cluster(mentions: list[Mention]) -> list[Group]:
    """Merge name variants. Names that name their countries merge among themselves; a name
    that names none ("Bicentennial Framework for Security") then joins the one cluster it
    fits, and stays apart when it fits several, so it can never chain two agreements."""
    groups: dict[str, Group] = {}
    for m in mentions:
        groups.setdefault(m.key, Group(m.key)).mentions.append(m)
    keys = sorted(groups)
    merge = _Merge(keys)
    for a, b in _candidate_pairs(keys):
        if same_agreement(groups[a], groups[b]):
            merge.union(a, b)
    merged: dict[str, Group] = {}
    for k in keys:
        root = merge.find(k)
        merged.setdefault(root, Group(root)).mentions.extend(groups[k].mentions)
    return _attach_unnamed(merged)


def _sentence(text: str, start: int | None, end: int | None) -> str:
    if start is None or end is None or not text:
        return ""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return " ".join(text[left + 1:right].split())[:500]


def _clean(name: str) -> bool:
    return (name.count("(") == name.count(")") and name[:1].isupper()
            and not re.search(r"\b(Spokesperson|Office of)\b", name))


def _rank(status: str) -> int:
    return STATUS_RANK.index(status) if status in STATUS_RANK else -1


@dataclass
class StatusEvidence:
    """A status an article gives an agreement, with the sentence that says so."""

    article_id: str
    status: str
    date: str | None
    evidence: str


@dataclass
class ResolvedAgreement:
    id: str
    name: str
    kind: str
    parties: list[str]
    status: str
    first_date: str | None
    last_date: str | None
    n_mentions: int
    n_articles: int
    aliases: dict[str, int] = field(default_factory=dict)  # name as written -> mentions
    mention_pks: list[int] = field(default_factory=list)
    timeline: list[StatusEvidence] = field(default_factory=list)


def resolve_agreements(mentions: list[Mention], texts: dict[str, str]
                       ) -> list[ResolvedAgreement]:
    """One agreement per group of mentions. `mentions` are all stored agreement mentions in
    publication order; `texts` the texts of their articles (for the status evidence)."""
    used: set[str] = set()
    return [_agreement(g, texts, used) for g in cluster(keyed(mentions))]



Signals = dict[tuple[str, str], tuple[str | None, str]]


def _signals(g: Group, texts: dict[str, str], known: Signals | None = None) -> Signals:
    """(article, status) -> (date, sentence): the first mention of each (or, for those in
    `known`, what it says: the signals of a group that only grew)."""
    signals: Signals = {}
    for m in g.mentions:
        if (m.article_id, m.status) not in signals:
            signals[(m.article_id, m.status)] = (known or {}).get((m.article_id, m.status)) \
                or (m.date, _sentence(texts[m.article_id], m.start, m.end))
    return signals


def grown_agreement(g: Group, texts: dict[str, str], known: Signals) -> ResolvedAgreement:
    """The agreement of a group that only gained mentions of new articles: `known` holds
    its stored signals, `texts` the new articles' texts. Its id is the one its name gives
    (the caller checks it is the stored one)."""
    return _agreement(g, texts, set(), known)


def _agreement(g: Group, texts: dict[str, str], used: set[str],
               known: Signals | None = None) -> ResolvedAgreement:
    names = Counter(" ".join(m.name.split()) for m in g.mentions)
    # a clean name (no line break, brackets that close) before a frequent one
    name = min(names, key=lambda n: (not _clean(n), -names[n], -len(n), n))
    ident = "ag-" + hashlib.sha1(normalise(name).encode()).hexdigest()[:12]
    if ident in used:
        ident = "ag-" + hashlib.sha1(g.key.encode()).hexdigest()[:12]
    used.add(ident)
    parties = Counter(canonical_country(p) or p for m in g.mentions for p in m.parties)
    dates = sorted(m.date for m in g.mentions if m.date)
    signals = _signals(g, texts, known)
    # The current status is the latest real signal; "mentioned" only when there is no other.
    latest = max(signals.items(), key=lambda kv: (kv[0][1] != "mentioned", kv[1][0] or "",
                                                  _rank(kv[0][1])))
    return ResolvedAgreement(
        ident, name, g.kind(), sorted(parties, key=lambda p: (-parties[p], p)), latest[0][1],
        dates[0] if dates else None, dates[-1] if dates else None, len(g.mentions),
        len({m.article_id for m in g.mentions}), dict(sorted(names.items())),
        [m.pk for m in g.mentions],
        [StatusEvidence(a, s, d, ev) for (a, s), (d, ev) in sorted(signals.items())])
