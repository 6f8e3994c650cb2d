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
5. Bilateral pairs: an article about one pair ("U.S.-Italy") looks there first; where
   every label is one country's, an unlabelled official is from the other side of the pair
   ("U.S.-India": Modi is labelled "of India", so President Biden is the United States').
6. The home country: news names its own officials without a country and labels foreign
   ones ("Indian External Affairs Minister"). The home country is the one whose
   country-specific titles ("Secretary of State", "White House Press Secretary") the
   article uses unlabelled, more often than it uses it as a label. It is given to current
   officials still without a country, but not to heads of state or government.
In a trip report the hosts go unlabelled too ("met President Milei and Chief of Cabinet
Posse"), so people first named after the trip take neither rule 5 nor rule 6.
A visitor is never from the country visited ("Sullivan visited New Delhi"); someone met on
a trip is from the country the sentence places the meeting in (`NameMention.met_in`: "In
Kenya, the Envoy met with Foreign Minister Mutua"), before any rule above but the headline.
A person is left without a country when the evidence is not unique.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from newsgraph import lexicon
from newsgraph.annotate import gazetteer
from newsgraph.annotate.entities import orgheads, roles
from newsgraph.annotate.entities.coref import Person, _full

# Offices assumed for a country the table does not list (no vice presidents: few have one).
ANY_OFFICE = frozenset({"president", "prime_minister", "minister", "monarch", "chancellor"})
# Home evidence needed: one more unlabelled office or country-specific title than labels.
HOME_MIN = 1
# Kinds of affiliation read from the text itself (not guessed from context).
STATED = frozenset({"country", "role", "office", "party", "organisation", "title-context"})


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


def _candidates(kinds: set[str], countries: list[str]) -> list[str]:
    cands = [c for c in countries if kinds <= _government(c).offices]
    if len(kinds) == 1 and kinds <= roles.LEADER_KINDS:
        # "President X" in the news is an executive president: a ceremonial one (Israel's,
        # India's) comes with the country named.
        (kind,) = kinds
        return [c for c in cands if _government(c).leader in (kind, None)]
    return cands


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


def _home(people: list[Person]) -> str | None:
    # Offices named in running text are no evidence: US releases speak of "the Kremlin".
    score: Counter[str] = Counter()
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


BORDER_RE = re.compile(r"\s+(?:border|boundary|frontier|crossing)s?\b", re.IGNORECASE)
PAIR_RE = re.compile(r"\b[A-Z][A-Za-z.]*(?: ?[-–] ?[A-Z][A-Za-z.]*)+")


def pairs(text: str) -> set[frozenset[str]]:
    """Bilateral pairs the article names: "U.S.-India", "India-US", "U.S.-Polish"."""
    out = set()
    for m in PAIR_RE.finditer(text):
        if BORDER_RE.match(text, m.end()):
            continue  # "Poland-Ukraine Border": a place between two countries, no relation
        parts = [gazetteer.lookup_country(p.rstrip(".") if p.count(".") == 1 else p)
                 for p in (x.strip() for x in re.split(r"[-–]", m.group(0)))]
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


def _main_pair(doc_countries: Counter[str], bilateral: set[frozenset[str]]
               ) -> frozenset[str] | None:
    """The pair an article is about ("U.S.-Italy"): named as a pair and the two countries
    it names most."""
    ranked = doc_countries.most_common(3)
    if len(bilateral) != 1 or len(ranked) < 2:
        return None
    (pair,) = bilateral
    top = frozenset(c for c, _ in ranked[:2])
    if top != pair or (len(ranked) == 3 and ranked[2][1] == ranked[1][1]):
        return None
    return pair


@dataclass
class _Article:
    """What the article as a whole says about where its people are from."""

    people: list[Person]
    doc_countries: Counter[str]
    countries: list[str]  # most named first
    explicit: dict[int, str | None]  # id(person) -> the country the text states for them
    travel_from: int | None  # where a trip is first named
    home: str | None
    partner: str | None
    main_pair: frozenset[str] | None


def resolve(people: list[Person], doc_countries: Counter[str],
            bilateral: set[frozenset[str]] | None = None) -> None:
    """Fill `affiliation` of people the text did not tie to a country, where unambiguous."""
    # In a trip report the hosts go unlabelled too ("met President Milei and Chief of
    # Cabinet Posse"): no home country there.
    trips = [n.start for p in people for n in p.names if n.visited]
    labelled = {p.affiliation for p in people if p.affiliation_kind == "country"}
    art = _Article(
        people, doc_countries, [c for c, _ in doc_countries.most_common()],
        {id(p): p.affiliation for p in people if p.affiliation_kind in STATED},
        min(trips) if trips else None, _home(people),
        _partner(labelled, bilateral or set()), _main_pair(doc_countries, bilateral or set()))
    for p in people:
        if p.affiliation is not None or not p.roles:
            continue
        met = {n.met_in for n in p.names if n.met_in} - p.visited()
        if len(met) == 1 and doc_countries[next(iter(met))] >= 2:
            # Met on a trip, in the country the trip goes to ("In Kenya, the Envoy met with
            # Foreign Minister Mutua"); a country named once is a venue, not the host.
            p.affiliation, p.affiliation_kind = met.pop(), "context"
            continue
        country = _by_role(p, art)
        if country is not None:
            p.affiliation, p.affiliation_kind = country, "context"


def _by_role(p: Person, art: _Article) -> str | None:
    """The one country whose government has the person's office, after the rules above."""
    kinds = {k for k in (roles.role_kind(r) for r in p.roles) if k}
    leader = bool(kinds & (roles.LEADER_KINDS | {"vice_president"}))
    cands = _led_that_way(kinds, leader, art)
    same = Counter(art.explicit[id(q)] for q in art.people if q is not p
                   and id(q) in art.explicit and set(q.roles) & set(p.roles))
    peers = [c for c, n in same.items() if n >= 2]
    if len(same) == 1 and peers and peers[0] not in p.visited():
        # Peers, not a counterpart: two or more holders of the title, all from one country
        # ("Japan Innovation Party leader", "Constitutional Democratic Party of Japan
        # leader"), say it has many holders there; a third is one of them.
        return peers[0]
    others = set(same) | p.visited()
    cands = _without_counterparts(cands, kinds, others, p)
    cands = _salient(cands, leader, art)
    cands = _partner_or_home(cands, kinds, leader, others, p, art)
    return cands[0] if len(cands) == 1 else None


def _led_that_way(kinds: set[str], leader: bool, art: _Article) -> list[str]:
    """The countries named whose government has these offices."""
    countries = art.countries
    cands = _candidates(kinds, countries) if kinds else list(countries)
    if leader and len(cands) == len(countries):
        # The form of government told nothing apart: the one country an article names
        # ("President Biden" in a readout on Ukraine) is often not the leader's.
        cands = cands if len(cands) > 1 else []
    elif leader and len(cands) == 1 and art.doc_countries[cands[0]] < 2 \
            and art.doc_countries.most_common(1)[0][1] >= 3:
        # The only country led that way, named once in passing in an article about
        # another ("Russia's war" in remarks at a summit in Japan: President Biden's
        # country is not named at all).
        cands = []
    return cands


def _without_counterparts(cands: list[str], kinds: set[str], others: set[str | None],
                          p: Person) -> list[str]:
    """Not a country visited, nor the country of someone with the same title."""
    cands = [c for c in cands if c not in p.visited()]
    if not kinds:
        # A role that exists everywhere ("National Security Advisor") needs a
        # counterpart to go on.
        rest = [c for c in cands if c not in others]
        return rest if others and len(rest) == 1 else []
    if len(cands) > 1 or others:
        cands = [c for c in cands if c not in others]
    return cands


def _salient(cands: list[str], leader: bool, art: _Article) -> list[str]:
    """The article's main pair first; then a country named twice as often as any other."""
    if len(cands) > 1 and art.main_pair is not None:
        cands = [c for c in cands if c in art.main_pair] or cands
    if len(cands) > 1 and not leader:
        # Not for heads of state or government: the country an article is about
        # ("President Putin" in a call about Ukraine) is often not the leader's.
        top = [art.doc_countries[c] for c in cands]
        best = max(top)
        if best >= 2 and sorted(top)[-2] * 2 <= best:
            cands = [cands[top.index(best)]]
    return cands


def _partner_or_home(cands: list[str], kinds: set[str], leader: bool,
                     others: set[str | None], p: Person, art: _Article) -> list[str]:
    # Hosts in a trip report go unlabelled too ("met President Milei and Chief of
    # Cabinet Posse"): after the trip is named, only leaders take these two rules.
    hosts = art.travel_from is not None and p.first > art.travel_from
    partner, home = art.partner, art.home
    if len(cands) != 1 and partner is not None and partner not in others \
            and all(k in _government(partner).offices for k in kinds) \
            and (leader or not hosts):
        cands = [partner]
    former = any(r.startswith("Former ") for r in p.roles)
    # Only officials: a public role or a post in a public body. Staff of an organisation
    # (a company, a university, a campaign), named or not, are no officials of the home
    # country ("Steve Ward, director of communications for digital security firm FireEye").
    staff = not any(public_role(r) for r in p.roles) and not orgheads.public_employer(p, home)
    if len(cands) != 1 and home is not None and home not in others and not former \
            and not leader and not hosts and not staff \
            and all(k in _government(home).offices for k in kinds):
        cands = [home]
    return cands


PUBLIC_WORDS = lexicon.role_words().tagged("public")
PRIVATE_WORDS = lexicon.role_words().tagged("private")
# The article is about one country when it names it this often, and twice as often as any
# other (country words, demonyms, capitals, offices, US states, party labels); its own
# institutions, states and parties (`stated.domestic`) need only DOMESTIC_MIN.
DOMINANT_MIN = 3
DOMESTIC_MIN = 2


def public_role(role: str) -> bool:
    """A role in government, politics, the forces or the courts (`data/role_words.tsv`)."""
    words = set(role.lower().split())
    words |= {part for w in words if "-" in w for part in w.split("-")}
    return bool(words & PUBLIC_WORDS) and not words & PRIVATE_WORDS


def dominant(evidence: Counter[str], minimum: int = DOMINANT_MIN) -> str | None:
    """The country an article is about, when one stands out (see DOMINANT_MIN)."""
    ranked = evidence.most_common(2)
    if not ranked or ranked[0][1] < minimum:
        return None
    if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
        return None
    return ranked[0][0]


def from_dominant(people: list[Person], evidence: Counter[str], leaders: bool = True,
                  minimum: int = DOMINANT_MIN) -> None:
    """News names its own country's officials without the country: a holder of a public
    role still without one takes the country the article is about, where that country's
    government has the office ("President" in an article about Namibia; a prime minister is
    never the United States'). `leaders`: heads of state and government too; `minimum`: the
    evidence the country needs."""
    country = dominant(evidence, minimum)
    if country is None:
        return
    offices = _government(country).offices
    for p in people:
        if p.affiliation is not None or country in p.visited():
            continue  # a visitor is not from the country visited
        # A public role, or any post in a public body ("Cleveland Police Chief", "Judiciary
        # Committee Chairman").
        employed = orgheads.public_employer(p, country)
        if not employed and not any(public_role(r) for r in p.roles):
            continue
        if p.organisation is not None and p.affiliation_kind is None and not employed:
            continue  # staff of an organisation the article names: its country is not said
        kinds = {k for k in (roles.role_kind(r) for r in p.roles) if k and k != "not_in_office"}
        if not leaders and kinds & roles.LEADER_KINDS:
            continue  # a country named most is often not a leader's ("President Putin")
        if kinds <= offices:
            p.affiliation, p.affiliation_kind = country, "context"


def spouses(people: list[Person]) -> None:
    """A first lady or first gentleman is of the country of the leader who shares the
    surname ("First Lady Jill Biden" beside "President Joe Biden")."""
    for p in people:
        if p.affiliation is not None or not any(
                "first lady" in r.lower() or "first gentleman" in r.lower() for r in p.roles):
            continue
        surname = p.surname()
        found = {q.affiliation for q in people if q is not p and q.affiliation
                 and q.surname() == surname and any(
                     roles.role_kind(r) in roles.LEADER_KINDS for r in q.roles)}
        if len(found) == 1:
            p.affiliation, p.affiliation_kind = found.pop(), "context"
