"""Affiliation from context: the country of a person whose title does not name one.

Evidence, in order (the facts used are forms of government in `data/governments.tsv` and
the article's own words, never a list of office holders):

1. The headline: "Readout of ... Call with Prime Minister Narendra Modi of India" labels
   Modi even where the body says only "PRIME MINISTER MODI".
2. Forms of government among the countries the article names: "Prime Minister Modi" in an
   article about the US and India is India's, as the US has no prime minister; "President
   Trump" there is the United States', as the US is led by a president and India by a prime
   minister.
3. Counterparts: "National Security Advisor Sullivan" meeting "National Security Advisor
   Doval of India" is from the other country.
4. Salience: of the countries still possible, one named at least twice as often as any
   other.
5. The home country: news names its own officials without a country and labels foreign
   ones ("Indian External Affairs Minister"). The home country is the one whose offices
   ("the White House", "the State Department") and unlabelled country-specific titles
   ("Secretary of State") the article uses, minus the countries it uses as labels. It is
   given to officials still without a country, and to heads of state or government only in
   articles that label someone from another country.
A person is left without a country when the evidence is not unique.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.annotate import gazetteer, roles
from newsgraph.annotate.coref import Person, _full

ANY_OFFICE = frozenset({"president", "vice_president", "prime_minister", "minister",
                        "monarch", "chancellor"})
# Home evidence needed: one more unlabelled office or country-specific title than labels.
HOME_MIN = 1
# Kinds of affiliation read from the text itself (not guessed from context).
STATED = frozenset({"country", "role", "office"})


@dataclass(frozen=True)
class Government:
    leader: str | None
    offices: frozenset[str]


@lru_cache(maxsize=1)
def governments() -> dict[str, Government]:
    out = {}
    for country, leader, offices in gazetteer._rows("governments.tsv"):
        out[country] = Government(leader, frozenset(offices.split(",")))
    return out


def _government(country: str) -> Government:
    return governments().get(country, Government(None, ANY_OFFICE))


def _candidates(kind: str, countries: list[str]) -> list[str]:
    cands = [c for c in countries if kind in _government(c).offices]
    leaders = [c for c in cands if _government(c).leader == kind]
    return leaders or cands


def _country_in(words: list[str]) -> str | None:
    """The longest run of words from the start that names a country."""
    for n in range(min(5, len(words)), 0, -1):
        country = gazetteer.lookup_country(" ".join(words[:n]).rstrip(",:;"))
        if country:
            return country
    return None


WORD_RE = re.compile(r"[\w.’'-]+")


def from_headline(headline: str | None, people: list[Person]) -> None:
    """ "... with Prime Minister Narendra Modi of India", "... with Indian External Affairs
    Minister Jaishankar": the headline's country label for a person the body leaves bare."""
    if not headline:
        return
    words = WORD_RE.findall(headline)
    low = [w.lower().removesuffix("’s").removesuffix("'s") for w in words]
    for p in people:
        if p.affiliation_kind in STATED or p.affiliation_kind == "org":
            continue
        full = _full(p.canonical_words())
        if not full or full[-1] not in low:
            continue
        i = low.index(full[-1])
        country = None
        after = words[i + 1:]
        if after[:1] == ["of"]:
            rest = after[2:] if after[1:2] == ["the"] else after[1:]
            country = _country_in(rest)
        j = i - 1
        while country is None and j >= 0 and (roles.is_title_word(words[j])
                                              or low[j] in set(_full(p.canonical_words()))
                                              or low[j] in roles.HONORIFICS):
            j -= 1
        if country is None and j >= 0 and j < i - 1:
            country = gazetteer.lookup_country(words[j])
        if country:
            p.affiliation, p.affiliation_kind = country, "country"


def _home(people: list[Person], office_votes: Counter[str]) -> str | None:
    score: Counter[str] = Counter(office_votes)
    for p in people:
        if p.affiliation and p.affiliation_kind in ("role", "office"):
            score[p.affiliation] += 1
        elif p.affiliation and p.affiliation_kind == "country":
            score[p.affiliation] -= 1
    ranked = score.most_common(2)
    if not ranked or ranked[0][1] < HOME_MIN or (len(ranked) > 1
                                                and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


PAIR_RE = re.compile(r"\b[A-Z][A-Za-z.]*(?:[-–][A-Z][A-Za-z.]*)+")


def pairs(text: str) -> set[frozenset[str]]:
    """Bilateral pairs the article names: "U.S.-India", "India-US", "U.S.-Polish"."""
    out = set()
    for m in PAIR_RE.finditer(text):
        parts = [gazetteer.lookup_country(p.rstrip(".") if p.count(".") == 1 else p)
                 for p in re.split(r"[-–]", m.group(0))]
        found = {p for p in parts if p}
        if len(parts) == 2 and len(found) == 2:
            out.add(frozenset(found))
    return out


def _partner(labelled: set[str | None], bilateral: set[frozenset[str]]) -> str | None:
    """With everyone labelled from one country, the other side of its bilateral pair."""
    if len(labelled) != 1:
        return None
    (side,) = labelled
    partners = {c for pair in bilateral if side in pair for c in pair if c != side}
    return partners.pop() if len(partners) == 1 else None


def resolve(people: list[Person], doc_countries: Counter[str],
            office_votes: Counter[str] | None = None,
            bilateral: set[frozenset[str]] | None = None) -> None:
    """Fill `affiliation` of people the text did not tie to a country, where unambiguous."""
    countries = [c for c, _ in doc_countries.most_common()]
    explicit = {id(p): p.affiliation for p in people if p.affiliation_kind in STATED}
    home = _home(people, office_votes or Counter())
    labelled = {p.affiliation for p in people if p.affiliation_kind == "country"}
    partner = _partner(labelled, bilateral or set())
    for p in people:
        if p.affiliation is not None or not p.roles:
            continue
        kinds = {k for k in (roles.role_kind(r) for r in p.roles) if k}
        cands = list(countries)
        for kind in kinds:
            cands = [c for c in cands if c in _candidates(kind, cands)]
        others = {explicit[id(q)] for q in people if q is not p and id(q) in explicit
                  and set(q.roles) & set(p.roles)} | p.visited()
        cands = [c for c in cands if c not in p.visited()]
        if not kinds:
            # A role that exists everywhere ("National Security Advisor") needs a
            # counterpart to go on.
            rest = [c for c in cands if c not in others]
            cands = rest if others and len(rest) == 1 else []
        elif len(cands) > 1:
            cands = [c for c in cands if c not in others] or cands
        if len(cands) > 1:
            # Heads of state or government need a wider margin: the country an article is
            # about (Russia, in a readout on Ukraine) is often not the leader's.
            ratio = 3 if kinds & roles.LEADER_KINDS else 2
            top = [doc_countries[c] for c in cands]
            best = max(top)
            if best >= 2 and sorted(top)[-2] * ratio <= best:
                cands = [cands[top.index(best)]]
        if len(cands) != 1 and partner is not None and partner not in others \
                and all(k in _government(partner).offices for k in kinds):
            cands = [partner]
        if len(cands) != 1 and home is not None and home not in others \
                and all(k in _government(home).offices for k in kinds):
            leader = bool(kinds & roles.LEADER_KINDS)
            if not leader or (home in cands and labelled - {home}):
                cands = [home]
        if len(cands) == 1:
            p.affiliation, p.affiliation_kind = cands[0], "context"
