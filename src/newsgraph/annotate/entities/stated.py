"""Affiliation from a person's own mention when the title names no country: their party
("Republican Mike Braun", "Tim Kaine, D-Va."), the country of the organisation they work
for ("a spokesman for the Kremlin", "the chief executive of Gazprom"), and a title that
tells the country in an article that gives evidence of it (`data/title_countries.tsv`: a
senator or governor in an article that names the United States, one of its states or a US
party). A country merely named near the person is never used here: that is left to the
article-wide rules of `affiliation`, which only fill what is still empty.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc

from newsgraph import lexicon
from newsgraph.annotate import gazetteer
from newsgraph.annotate.entities import orgheads, parties, roles
from newsgraph.annotate.entities.affiliation import public_role
from newsgraph.annotate.entities.coref import Person
from newsgraph.geo import places

TITLE_COUNTRIES = lexicon.title_countries()
# Words taken off a role before it is looked up: "Former Utah Governor" is a governor.
ROLE_NOISE = frozenset({"former", "then", "state", "home-state", "outgoing", "incoming",
                        "acting", "senior", "junior", "us", "u.s."})
# Kinds of affiliation that the person's own title already states.
OWN = frozenset({"country", "role", "office", "org"})


def _us_state(word: str) -> bool:
    return any(p.kind == "us_state" for p in places.lookup(word))


def evidence(doc_countries: Counter[str], place_names: Iterable[str],
             people: list[Person]) -> Counter[str]:
    """How often the article names each country: the country words and offices counted
    while the tables were read, plus US states and the countries of party labels."""
    out = Counter(doc_countries)
    _count_states_and_parties(out, place_names, people, doc_countries)
    return out


def _count_states_and_parties(out: Counter[str], place_names: Iterable[str],
                              people: list[Person], doc_countries: Counter[str],
                              titled: bool = False) -> None:
    """Add to `out` one for each US state named and each person's party label country;
    with `titled`, also each affiliation read from an office or a title in context."""
    for name in place_names:
        if _us_state(name):
            out["United States"] += 1
    for p in people:
        row = parties.resolve(p.party, doc_countries) if p.party else None
        if row is not None:
            out[row.country] += 1
        elif titled and p.affiliation and p.affiliation_kind in ("office", "title-context"):
            out[p.affiliation] += 1


def domestic(offices: Iterable[str], place_names: Iterable[str],
             people: list[Person], doc_countries: Counter[str],
             labels: Iterable[str] = ()) -> Counter[str]:
    """Evidence of the country whose domestic affairs the article reports: its institutions
    named (`offices`: the country of each office found), its states (US), its party
    labels (of people, and `labels`: those said in running text, "GOP primary voters"),
    and its titles read with the article's evidence. Unlike a country's name, these are
    seldom written about a foreign country."""
    out: Counter[str] = Counter(offices)
    _count_states_and_parties(out, place_names, people, doc_countries, titled=True)
    for label in labels:
        row = parties.resolve(label, doc_countries)
        if row is not None and row.needs is None:
            # a label of one country only: "Congress" in running text is the US Congress
            # as often as India's party
            out[row.country] += 1
    return out


def party_words(doc: Doc, people: list[Person]) -> list[str]:
    """The party labels the text uses outside people's own mentions ("GOP primary voters",
    "the Republican field", "Senate Democrats"): capitalised, of two letters or more."""
    named = {i for p in people for n in p.names for i in range(n.start, n.end)}
    return [t.text for t in doc if parties.is_label(t.text) and t.text[:1].isupper()
            and t.idx not in named and not (t.i == t.sent.start and t.text == "Conservative")]


def _base_role(role: str) -> str:
    words = [w for w in role.lower().split() if w not in ROLE_NOISE and not _us_state(w)]
    return " ".join(words)


def _from_title(p: Person, ev: Counter[str]) -> str | None:
    found: set[str] = set()
    for role in p.roles:
        for row in TITLE_COUNTRIES.get(_base_role(role), []):
            if ev[row.needs] > 0:
                found.add(row.country)
    if not found:
        return None
    ranked = sorted(found, key=lambda c: -ev[c])
    if len(ranked) > 1 and ev[ranked[0]] == ev[ranked[1]]:
        return None
    return ranked[0]


# ", 29, a U.S. citizen", ", an Iranian-American businessman": a nationality after a name.
NATIONALITY_RE = re.compile(r",\s*(?:\d{1,3}\s*,(?!\d)\s*)?(?:a|an)\s+"
                            r"([A-Z][\w.]*(?:-[A-Z][\w.]*)*)\s+([a-z]+)")
CITIZENSHIP = frozenset({"citizen", "national", "native"})


def nationality(text: str, p: Person) -> str | None:
    """The country an apposition after the name says the person is of: a demonym ("an
    Iranian-American businessman": the last part, American) or a country's citizen ("a
    U.S. citizen")."""
    for n in p.names:
        m = NATIONALITY_RE.match(text, n.end)
        if m is None:
            continue
        word, noun = m.group(1), m.group(2)
        last = word.split("-")[-1]
        place = gazetteer.entries().get(last)
        if place is not None and place.kind == "demonym" and place.country:
            return place.country
        if place is not None and place.kind == "country" and noun in CITIZENSHIP:
            return place.country
    return None


def _org_country(org: str, org_countries: dict[str, str]) -> str | None:
    """The organisation's country: the article's entity of that name, the tables, or a
    public body of one country inside the name ("Homeland Security Investigations in San
    Diego", "the U.S. Embassy in Tripoli"); a country word alone in a name gives none ("the
    Washington Institute")."""
    country = org_countries.get(org.lower())
    return country or gazetteer.lookup_country(org) or orgheads.org_country(org)


def apply(people: list[Person], ev: Counter[str], org_countries: dict[str, str],
          text: str = "") -> None:
    """Fill party, organisation and affiliation from each person's own mentions
    (`org_countries`: organisation name, lower case -> its country; `text`: the article,
    for a nationality said after a name)."""
    for p in people:
        row = parties.resolve(p.party, ev) if p.party else None
        if row is not None:
            p.organisation = p.organisation or row.party
            if row.role not in p.roles:
                p.roles.append(row.role)
                p.role_texts.append(p.party or row.role)
        if p.affiliation_kind in OWN:
            continue
        if row is not None:
            p.affiliation, p.affiliation_kind = row.country, "party"
            continue
        country = nationality(text, p) if text else None
        if country is not None:
            p.affiliation, p.affiliation_kind = country, "country"
            continue
        country = _org_country(p.organisation, org_countries) if p.organisation else None
        if country is not None:
            p.affiliation, p.affiliation_kind = country, "organisation"
            continue
        country = _from_title(p, ev)
        if country is not None:
            p.affiliation, p.affiliation_kind = country, "title-context"


def from_possessors(people: list[Person]) -> None:
    """The holder of a public post that is someone's ("Mr. Netanyahu's former national
    security adviser", "an adviser to Mr. Netanyahu") serves that person's country; this
    outranks the article-wide rules, not the person's own title."""
    for p in people:
        if p.possessor is None or p.affiliation_kind not in (None, "context"):
            continue
        if not any(public_role(r) for r in p.roles):
            continue  # "Mrs. Clinton's communications director": a campaign's staff
        surname = p.possessor.split()[-1].lower()
        found = {q.affiliation for q in people if q is not p and q.affiliation
                 and surname in q.words()}
        if len(found) == 1:
            p.affiliation, p.affiliation_kind = found.pop(), "possessor"


def from_late_roles(people: list[Person], ev: Counter[str], text: str) -> None:
    """The country of a person still without one whose role, found at a later mention or in
    a clause, names it: by its wording ("Acting Secretary of the Army"; the article must
    use the US wording "secretary of ...") or as a title of one country in the article's
    context (`data/title_countries.tsv`: "senator")."""
    low = text.lower()
    for p in people:
        if p.affiliation is not None or not p.roles:
            continue
        for role, said in zip(p.roles, p.role_texts, strict=True):
            country = roles.role_country(role, said)
            if country is None and roles.role_country(role, role) is not None \
                    and role.lower().removeprefix("acting ").removeprefix("former ") in low:
                country = roles.role_country(role, role)
            if country is not None:
                p.affiliation, p.affiliation_kind = country, "role"
                break
        else:
            country = _from_title(p, ev)
            if country is not None:
                p.affiliation, p.affiliation_kind = country, "title-context"
