"""The article's home country, read from the places it names at home and abroad.

A story names the countries its people travel to, come back from or fly over ("flew him
back home from the United States", "left for the US", "flying over Nigeria"): those are
places abroad for the story (`data/travel_words.tsv`), so they are no evidence of the
country whose affairs it reports. `abroad` counts them; `at_home` is the article's
evidence without them.

News names its own head of state or government by title alone ("President Mbumba" in a
Namibian paper). `home_leaders` gives such a leader the article's home country, where the
evidence fixes one beyond doubt: the country named at least `affiliation.DOMINANT_MIN` times
outside travel, twice as often as any other, with no other country named more than once
outside travel (a rival named twice, as "Russia" in a story about Ukraine, may be the
leader's own: "President Putin"); and no one else is stated to hold that leader's office
there ("Ukrainian President Zelensky" beside an unlabelled "President Biden"); nor where
the sentence naming them first names a private body ("the union's leadership, helmed by
President James Hoffa"); nor where two leaders without a country meet in one sentence
("the meeting between President Biden and President Boric").
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from newsgraph import lexicon
from newsgraph.annotate.entities import affiliation, bodies, roles
from newsgraph.annotate.entities.coref import Person
from newsgraph.annotate.gazetteer import Hit

JOURNEY = lexicon.travel_words().tagged("journey")
ENDS = lexicon.travel_words().tagged("end")
MEETING = lexicon.travel_words().tagged("meeting")
COUNTRY_KINDS = ("country", "capital", "demonym", "office")
# How far up from the preposition the word of travel may stand ("flew him back home from").
REACH = 3
# A rival country named this often outside travel may be a leader's own.
RIVAL_MIN = 2


def _journey_end(tok: Token) -> bool:
    """`tok` is the object of a preposition of a journey's end or route."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ENDS:
        return False
    head = tok.head
    for _ in range(REACH):
        if head.lower_ in JOURNEY:
            return True
        if head.head is head:
            return False
        head = head.head
    return head.lower_ in JOURNEY


def abroad(doc: Doc, hits: list[Hit]) -> Counter[str]:
    """How often each country is named as where a journey goes to, comes from or passes."""
    out: Counter[str] = Counter()
    ends: set[int] = set()  # token after each country counted, for "(US)" right after it
    for h in sorted(hits, key=lambda x: x.start):
        if h.place.kind not in ("country", "capital") or not h.place.country:
            continue
        # "from the United States (US)": the short form in brackets is the same mention.
        echo = h.start >= 1 and doc[h.start - 1].text == "(" and h.start - 1 in ends
        if echo or _journey_end(h.span(doc).root):
            out[h.place.country] += 1
            ends.add(h.end)
    return out


def at_home(evidence: Counter[str], away: Counter[str]) -> Counter[str]:
    """The evidence without the countries' mentions as places abroad."""
    out = Counter(evidence)
    out.subtract(away)
    return +out


def _holders(people: list[Person], country: str) -> set[str]:
    """The leader offices someone is stated to hold in `country`."""
    return {k for q in people if q.affiliation == country
            and q.affiliation_kind in affiliation.STATED
            for k in (roles.role_kind(r) for r in q.roles) if k in roles.LEADER_KINDS}


def _private_setting(doc: Doc, p: Person) -> bool:
    """The sentence that first names `p` names a private body: "the union's leadership,
    helmed by President James Hoffa" is a union's president, not the state's."""
    first = min(p.names, key=lambda n: n.start)
    span = doc.char_span(first.start, first.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    return any(t.lower_ in bodies.PRIVATE_WORDS for t in span[0].sent)


def _sentence_starts(doc: Doc, p: Person) -> set[int]:
    out = set()
    for n in p.names:
        span = doc.char_span(n.start, n.end, alignment_mode="expand")
        if span is not None and len(span):
            out.add(span[0].sent.start)
    return out


def _summit(doc: Doc, leaders: list[Person]) -> bool:
    """Two leaders named in one sentence of a meeting ("the meeting between President
    Biden and President Boric"): they lead two countries, not the home country both."""
    seen: dict[int, int] = {}
    for p in leaders:
        for i in _sentence_starts(doc, p):
            seen[i] = seen.get(i, 0) + 1
    return any(n >= 2 and any(t.lower_ in MEETING for t in doc[i].sent)
               for i, n in seen.items())


def home_leaders(doc: Doc, people: list[Person], evidence: Counter[str]) -> None:
    """Give current heads of state or government without a country the article's home
    country, where `evidence` (outside travel) fixes it beyond doubt."""
    country = affiliation.dominant(evidence)
    if country is None or any(n >= RIVAL_MIN for c, n in evidence.items() if c != country):
        return
    offices = affiliation.governments().get(country)
    held = _holders(people, country)
    leaders = [p for p in people if p.affiliation is None
               and {roles.role_kind(r) for r in p.roles} & roles.LEADER_KINDS]
    if _summit(doc, leaders):
        return
    for p in people:
        if p.affiliation is not None or country in p.visited() \
                or not any(affiliation.public_role(r) for r in p.roles):
            continue
        if p.organisation is not None and p.affiliation_kind is None:
            continue  # "local president" of a union the article names: not the state's
        kinds = {roles.role_kind(r) for r in p.roles}
        if not kinds & roles.LEADER_KINDS or "not_in_office" in kinds or kinds & held:
            continue
        if offices is not None and not kinds - {None} <= offices.offices:
            continue
        if _private_setting(doc, p):
            continue
        p.affiliation, p.affiliation_kind = country, "context"
