"""Affiliation from context: the country of a person whose title does not name one.

"Prime Minister Modi" in an article about the US and India is India's, because of the two
only India has a prime minister; "President Trump" there is the United States', because the
US is led by a president and India by a prime minister; "National Security Advisor Jake
Sullivan", meeting "National Security Advisor Ajit Doval of India", is from the other
country of the article. The facts used are forms of government (`data/governments.tsv`), not
names of office holders. A person is left without a country when the evidence is not unique.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.annotate import gazetteer, roles
from newsgraph.annotate.coref import Person

ANY_OFFICE = frozenset({"president", "vice_president", "prime_minister", "minister",
                        "monarch", "chancellor"})


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


def resolve(people: list[Person], doc_countries: Counter[str]) -> None:
    """Fill `affiliation` of people the text did not tie to a country, where unambiguous."""
    countries = [c for c, _ in doc_countries.most_common()]
    explicit = {id(p): p.affiliation for p in people if p.affiliation_kind == "country"}
    for p in people:
        if p.affiliation is not None or not p.roles:
            continue
        kinds = {k for k in (roles.role_kind(r) for r in p.roles) if k}
        cands = list(countries)
        for kind in kinds:
            cands = [c for c in cands if c in _candidates(kind, cands)]
        # Counterparts: another holder of the same role from a named country is the other
        # side of the meeting.
        others = {explicit[id(q)] for q in people if q is not p and id(q) in explicit
                  and set(q.roles) & set(p.roles)}
        if len(cands) > 1 or not kinds:
            rest = [c for c in cands if c not in others]
            if not kinds and (not others or len(rest) != 1):
                cands = []  # a role that exists everywhere needs a counterpart to go on
            else:
                cands = rest or cands
        if len(cands) == 1:
            p.affiliation, p.affiliation_kind = cands[0], "country"
