"""One head of state (or of government) per country at a time.

An article about one country's affairs names its leader by title alone ("President Obama")
and often a foreign one the same way ("the government of President Bashar al-Assad"). The
article-wide rule of `affiliation.from_dominant` would give both the domestic country;
`foreign_heads` runs first. Of two or more current holders of one leader office with no
country, one takes a foreign country when its sentences name that country more often than
the home country and lean to it more than any other holder's do ("In Washington, President
Obama ..." leans home), or as much while named less often (an American story on Syria
names President Obama more than Mr. Assad); the holder named most needs at least half its
sentences to lean abroad (`STRONG_LEAN`). The country is one named at least twice, led by
that office, with no holder of it stated, named in the person's sentences at least twice as
often as any other such country; a holder named once is left alone (a past leader of the
home country, "President Jimmy Carter", in passing). Where none stands out, nothing is
set and the later rules decide as before (two American presidents of different years,
"President Obama" and "President George W. Bush", in a story naming no other republic).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from newsgraph.annotate.entities import affiliation, parties, roles
from newsgraph.annotate.entities.coref import Person
from newsgraph.annotate.gazetteer import Hit

# How often a foreign country must be named to be a leader's.
NAMED_MIN = 2
# The lean abroad that overrides being the holder named most (share of sentences).
STRONG_LEAN = 0.5
# Mentions a holder needs to be given a foreign country: a leader named once in passing is
# as often a past one of the home country ("President Jimmy Carter agonized over embassy
# workers held hostage by Iran").
MENTIONS_MIN = 2


def _leader_kind(p: Person) -> str | None:
    kinds = {roles.role_kind(r) for r in p.roles}
    if "not_in_office" in kinds:
        return None
    found = kinds & roles.LEADER_KINDS
    return next(iter(found)) if len(found) == 1 else None


def _stated(people: list[Person]) -> set[tuple[str, str]]:
    """(country, office) of the leaders whose country the text states."""
    return {(p.affiliation, k) for p in people if p.affiliation
            and p.affiliation_kind in affiliation.STATED
            and (k := _leader_kind(p)) is not None}


def _sentences(doc: Doc, hits: list[Hit], p: Person,
               named: Counter[str] | None = None) -> list[set[str]]:
    """The countries named in each sentence that names `p`, by name, capital or demonym,
    or by one of their parties' labels ("For most GOP candidates, ... Obama's plan": a
    sentence of US politics)."""
    starts = set()
    for n in p.names:
        span = doc.char_span(n.start, n.end, alignment_mode="expand")
        if span is not None and len(span):
            starts.add(span[0].sent.start)
    by_sent: dict[int, set[str]] = {i: set() for i in starts}
    for h in hits:
        i = doc[h.start].sent.start
        if i in by_sent and h.place.country and h.place.kind in ("country", "capital",
                                                                   "demonym"):
            if h.place.kind == "demonym" and h.end < len(doc) and doc[h.end].tag_ == "NNS":
                continue  # "Syrian refugees": people of the country, not its state
            by_sent[i].add(h.place.country)
    for i in by_sent:
        for tok in doc[i].sent:
            if parties.is_label(tok.text) and tok.text[:1].isupper():
                row = parties.resolve(tok.text, named or {})
                if row is not None:
                    by_sent[i].add(row.country)
    return list(by_sent.values())


def _lean(sents: list[set[str]], country: str, home: str) -> float:
    """How much more often the person's sentences name `country` than the home country."""
    if not sents:
        return 0.0
    return (sum(country in s for s in sents) - sum(home in s for s in sents)) / len(sents)


def _abroad(kind: str, home: str, doc_countries: Counter[str],
            taken: set[tuple[str, str]], p: Person, near: set[str]) -> str | None:
    cands = {c: n for c, n in doc_countries.items() if c != home and n >= NAMED_MIN
             and (c, kind) not in taken and c not in p.visited() and c in near
             and affiliation.governments().get(c, affiliation.Government(kind, frozenset()))
             .leader == kind}
    ranked = sorted(cands.values(), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[1] * 2 > ranked[0]):
        return None
    return next(c for c, n in cands.items() if n == ranked[0])


def foreign_heads(doc: Doc, hits: list[Hit], people: list[Person],
                  domestic: Counter[str], doc_countries: Counter[str]) -> None:
    """Give the one of several unlabelled holders of one leader office whose sentences
    lean to a foreign country the article is about that country."""
    home = affiliation.dominant(domestic, affiliation.DOMESTIC_MIN)
    if home is None:
        return
    by_kind: dict[str, list[Person]] = {}
    for p in people:
        kind = _leader_kind(p) if p.affiliation is None else None
        if kind is not None:
            by_kind.setdefault(kind, []).append(p)
    taken = _stated(people)
    for kind, holders in by_kind.items():
        if len(holders) < 2:
            continue
        sents = {id(p): _sentences(doc, hits, p, doc_countries) for p in holders}
        for p in holders:
            if len(p.names) < MENTIONS_MIN:
                continue
            near = set().union(*sents[id(p)])
            country = _abroad(kind, home, doc_countries, taken, p, near)
            if country is None:
                continue
            # Leaning further abroad; at a tie, named less: the home leader is the one an
            # article about its affairs names most.
            rank = (_lean(sents[id(p)], country, home), -len(p.names))
            most = all(len(p.names) >= len(q.names) for q in holders)
            rivals = [(_lean(sents[id(q)], country, home), -len(q.names))
                      for q in holders if q is not p]
            if rank[0] >= (STRONG_LEAN if most else 0) and all(r < rank for r in rivals):
                p.affiliation, p.affiliation_kind = country, "context"
                taken.add((country, kind))
