"""Agreements and arms deals, with the status this article signals.

Two kinds of mention:
- a named agreement: a noun phrase headed by an agreement word (framework, treaty, MoU,
  accord, joint statement, arrangement, ...) that carries a name ("the 10-year Framework for
  the US-India Major Defence Partnership", "a Reciprocal Defense Procurement agreement");
  an unnamed "the agreement" is left alone;
- an arms sale or procurement: a sale / purchase / procurement / delivery word in a
  defence context, or a defence system ("31 MQ-9B drones", "GE F414 engines") that is sold,
  bought, delivered or approved; with quantity, value ("$3.99 billion"), supplier and
  recipient.

Parties, supplier and recipient are country names (the gazetteer's canonical names). The
status comes from the verb that governs the mention and from the event's modality: "hope to
sign" is proposed, "signed" signed, "approved a possible sale" approved, "negotiations on"
negotiating, "delivered" delivered, "stalled" stalled, "cancelled" cancelled; a mention with
no such signal is "mentioned".
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph import lexicon
from newsgraph.annotate import gazetteer
from newsgraph.annotate.agreements.arms import (
    AIRLINER,
    CLASS_NOUNS,
    SYSTEM_WORDS,
    System,
    find_systems,
)
from newsgraph.annotate.agreements.orders import military_sentence, order_sides, trade_parties
from newsgraph.annotate.grammar import ent_span
from newsgraph.annotate.modality import fragment_stance, modality_of
from newsgraph.annotate.plover import lemma
from newsgraph.record import Agreement

KINDS = {
    "framework": "framework", "treaty": "treaty", "mou": "mou", "memorandum": "mou",
    "accord": "accord", "pact": "agreement", "agreement": "agreement", "arrangement":
    "arrangement", "protocol": "protocol", "convention": "convention", "declaration":
    "declaration", "statement": "joint-statement", "roadmap": "roadmap", "charter":
    "charter", "deal": "agreement", "compact": "agreement",
}
SALE_NOUNS = {"sale", "sales", "purchase", "purchases", "procurement", "acquisition",
              "deal", "deals", "delivery", "deliveries", "buy"}
# Nouns that name a deal only together with a named system or the word arms / weapons.
WEAK_SALE_NOUNS = {"contract", "contracts", "order", "orders", "transfer", "transfers",
                   "export", "exports"}
SALE_VERBS = {"sell", "buy", "purchase", "procure", "acquire", "order", "deliver", "supply",
              "transfer", "export", "import"}
BUYER_VERBS = {"buy", "purchase", "procure", "acquire", "order", "import"}
DEFENCE = {"defense", "defence", "military", "arms", "weapon", "weapons", "security",
           "armament"}
# Status signals, strongest first: a later, stronger signal for the same agreement wins.
STATUS_RANK = ["cancelled", "stalled", "delivered", "signed", "approved", "negotiating",
               "proposed", "mentioned"]
STATUS_VERBS = {
    "sign": "signed", "ink": "signed", "conclude": "signed", "finalize": "signed",
    "finalise": "signed", "ratify": "signed", "reach": "signed", "seal": "signed",
    "agree": "signed", "adopt": "signed", "approve": "approved", "clear": "approved",
    "authorize": "approved", "authorise": "approved", "notify": "approved",
    "negotiate": "negotiating", "discuss": "negotiating", "pursue": "negotiating",
    "deliver": "delivered", "receive": "delivered", "arrive": "delivered",
    "stall": "stalled", "delay": "stalled", "suspend": "stalled", "freeze": "stalled",
    "cancel": "cancelled", "scrap": "cancelled", "terminate": "cancelled",
    "withdraw": "cancelled", "abandon": "cancelled", "propose": "proposed",
    "consider": "proposed", "plan": "proposed", "seek": "proposed",
}
STATUS_NOUNS = {"negotiation": "negotiating", "negotiations": "negotiating", "talks":
                "negotiating", "signing": "signed", "delivery": "delivered", "deliveries":
                "delivered", "approval": "approved", "ratification": "signed"}
STATUS_ADJ = {"pending": "proposed", "outstanding": "proposed", "possible": "proposed",
              "proposed": "proposed", "planned": "proposed", "potential": "proposed",
              "stalled": "stalled", "delayed": "stalled", "cancelled": "cancelled",
              "canceled": "cancelled", "signed": "signed", "approved": "approved"}
PARTY_WORDS = {w.lower() for w in lexicon.plover_lexicon().words("party_adjectives")}
MAKER_NAMES = {"Boeing", "Airbus", "Embraer", "Bombardier", "COMAC", "ATR"}
# Words dropped from the front of a name: "some big outstanding US defence sales".
NAME_NOISE = {"a", "an", "the", "some", "big", "key", "major", "new", "several", "this",
              "that", "these", "those", "its", "their", "our", "his", "her", "possible",
              "outstanding", "pending", "proposed", "potential", "historic", "landmark",
              "important", "such", "any", "all", "other", "further", "first"}


@dataclass
class _Mention:
    agreement: Agreement
    rank: int


def _country(text: str) -> str | None:
    return gazetteer.lookup_country(text)


def _country_at(tok: Token) -> str | None:
    """The country a token names, reading a whole entity ("the United States")."""
    span = ent_span(tok)
    if span is not None and tok.ent_type_ in ("GPE", "NORP"):
        return _country(span.text)
    return _country(tok.text)


def _named_country(text: str) -> str | None:
    """A country named by its name ("India", "U.S."), not by a capital or an adjective: in
    "the Paris Agreement" or "the American Convention" no country is a party by name."""
    place = gazetteer.entries().get(text)
    return place.country if place is not None and place.kind == "country" else None


def _countries_in(tokens: list[Token]) -> list[str]:
    out: list[str] = []
    for t in tokens:
        for part in [t.text, *t.text.replace("\u2013", "-").split("-")]:
            c = _named_country(part)
            if c and c not in out:
                out.append(c)
                break
    return out


def _verb_status(verb: Token) -> str | None:
    """The status a verb gives its agreement ("signed", "approved"), in the light of its
    modality: a planned signing is a proposal, a signing denied is a negotiation."""
    st = STATUS_VERBS.get(lemma(verb))
    if st is None:
        return None
    mod = (fragment_stance(verb) or modality_of(verb)).modality
    if mod in ("planned", "intended", "hypothetical") and st in ("signed", "delivered",
                                                                 "approved"):
        return "proposed"
    if mod == "negated" and st == "signed":
        return "negotiating"
    return st


def _status(head: Token) -> str:
    """The status a mention's context signals (see module docstring): the verb it hangs
    from first ("approved a possible sale" is approved), then its own modifiers."""
    cur = head
    for _ in range(4):  # the verb the mention hangs from ("sign a framework", "talks on")
        if cur.dep_ == "pobj" and cur.head.head.lower_ in STATUS_NOUNS:
            return STATUS_NOUNS[cur.head.head.lower_]
        if cur.head == cur:
            break
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX") or cur.tag_.startswith("VB"):
            st = _verb_status(cur)
            if st is None:
                continue
            return st
        if cur.lower_ in STATUS_NOUNS:
            return STATUS_NOUNS[cur.lower_]
    for c in head.children:
        if c.dep_ in ("amod", "compound") and c.lower_ in STATUS_ADJ:
            return STATUS_ADJ[c.lower_]
    return "mentioned"


# ------------------------------------------------------------------ named agreements

def _name_span(head: Token) -> Span:
    """The name of an agreement: its modifiers and its "for/on/of/between" complement."""
    doc = head.doc
    left = [t for t in head.lefts if t.dep_ in ("compound", "amod", "nummod", "nmod", "npadvmod",
                                                 "punct", "quantmod")]
    start = min([head.i] + [t.left_edge.i for t in left])
    while start < head.i and (doc[start].lower_ in NAME_NOISE | {"-", "(", ","} or (
            doc[start].is_lower and doc[start].is_alpha)):
        start += 1  # "a new", "endorsed": not part of the name
    end = head.i + 1
    for p in head.rights:
        if p.dep_ == "prep" and p.lower_ in ("for", "on", "of", "between", "concerning"):
            end = p.right_edge.i + 1
            break
        if p.dep_ in ("appos",) and p.text.isupper():
            end = p.i + 1
    while end - 1 > head.i and doc[end - 1].is_punct:
        end -= 1
    opened = [t.i for t in doc[start:end] if t.text == "("]
    if opened and not any(t.text == ")" for t in doc[opened[-1]:end]):
        end = max(opened[-1], head.i + 1)  # "... Trade (Agreement": the acronym is cut off
    return doc[start:end]


def _named(sent: Span) -> list[tuple[Agreement, Token]]:
    out = []
    for tok in sent:
        word = tok.lower_.rstrip("s") if tok.lower_ not in ("mou", "mous") else "mou"
        kind = KINDS.get(word) or KINDS.get(tok.lower_)
        if kind is None or not _agreement_head(tok, kind):
            continue
        span = _name_span(tok)
        capitalised = any(t.text[:1].isupper() for t in span if not t.is_punct) and (
            tok.text[:1].isupper() or any(t.text[:1].isupper() and t.i < tok.i
                                          for t in span if t.dep_ in ("compound", "nmod")))
        if not capitalised or len(span) < 2:
            trade = _trade(tok) if kind == "agreement" else None
            if trade is not None:
                out.append((trade, tok))
            continue  # "the agreement", "a deal": not a named one
        if kind == "convention" and _party_meeting(span):
            continue  # "the Democratic National Convention" is a party's meeting
        parties = _countries_in(list(span))
        for p in _side_phrases(tok):
            for c in _countries_in(list(p.subtree)):
                if c not in parties:
                    parties.append(c)
        out.append((Agreement(name=span.text, kind=kind, parties=parties,
                              status=_status(tok), span=[span.start_char, span.end_char]),
                    tok))
    return out


def _agreement_head(tok: Token, kind: str) -> bool:
    """Does `tok` head an agreement's name ("the agreement text" is about a text; a
    "statement" must be joint, a "memorandum" of understanding)?"""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ == "compound":
        return False
    if kind == "joint-statement":
        return any(c.lower_ == "joint" for c in tok.lefts)
    if kind == "mou" and tok.lower_ == "memorandum":
        return any(p.lower_ == "of" and any(o.lower_ == "understanding" for o in p.children)
                   for p in tok.rights)
    return True


def _party_meeting(span: Span) -> bool:
    words = {t.lower_ for t in span}
    return "national" in words or bool(words & PARTY_WORDS)


def _side_phrases(head: Token) -> list[Token]:
    """Subjects and objects of the verb that signs / negotiates the agreement."""
    verb = head.head
    if head.dep_ not in ("dobj", "nsubjpass", "pobj") or not verb.tag_.startswith("VB"):
        return []
    out = [c for c in verb.children if c.dep_ in ("nsubj", "agent")]
    out += [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("with", "between")
            for o in p.children]
    return out


# ------------------------------------------------------------------ arms sales

def _sale_head(sent: Span, systems: list[System]) -> list[Token]:
    heads: list[Token] = []
    for tok in sent:
        low = tok.lower_
        if low in SALE_NOUNS | WEAK_SALE_NOUNS and tok.pos_ in ("NOUN", "PROPN"):
            words = {lemma(t) for t in tok.subtree} | {t.lower_ for t in tok.subtree}
            named = any(tok.left_edge.i <= s.start <= tok.right_edge.i for s in systems)
            if named or words & {"arms", "weapons", "weapon"} or (
                    low in SALE_NOUNS and words & (DEFENCE | CLASS_NOUNS)):
                heads.append(tok)
        elif tok.pos_ == "VERB" and lemma(tok) in SALE_VERBS:
            if any(h.left_edge.i <= tok.i <= h.right_edge.i for h in heads):
                continue  # "a contract to buy ...": one deal
            obj = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
            if any(o.left_edge.i <= s.start <= o.right_edge.i for o in obj for s in systems):
                heads.append(tok)
    return heads


def _system_of(head: Token, systems: list[System]) -> System | None:
    """The system a deal is about: inside its phrase, or hanging from the same verb
    ("approved a possible Foreign Military Sale to India of six P-8I aircraft")."""
    for scope in (head, head.head if head.dep_ in ("dobj", "nsubjpass") else None):
        if scope is None:
            continue
        inside = [s for s in systems if scope.left_edge.i <= s.start <= scope.right_edge.i]
        if inside:
            return inside[0]
    return None


@dataclass
class _Parties:
    """Supplier and recipient of a sale; the first country found for each stays."""

    supplier: str | None = None
    recipient: str | None = None

    def supplied_by(self, country: str | None) -> None:
        self.supplier = self.supplier or country

    def received_by(self, country: str | None) -> None:
        self.recipient = self.recipient or country


def _prep_sides(a: Token, parties: _Parties) -> None:
    """"sale to India", "purchase from the United States", "helicopters from X"."""
    for p in a.children:
        if p.dep_ not in ("prep", "dative"):
            continue
        country = next((x for o in p.subtree if (x := _country_at(o))), None)
        if country and p.lower_ in ("to", "for"):
            parties.received_by(country)
        elif country and p.lower_ in ("from", "by"):
            parties.supplied_by(country)
    for o in a.subtree:  # "helicopters from the United States" hangs from the object
        if o.dep_ == "prep" and o.lower_ == "from" and o.head.i != a.i:
            parties.supplied_by(next((x for t in o.subtree if (x := _country_at(t))), None))


def _sides(head: Token) -> tuple[str | None, str | None]:
    """Supplier and recipient of a sale, from the words around its noun or verb."""
    acts = [head] + [c for c in head.children if c.dep_ in ("acl", "relcl")
                     and lemma(c) in SALE_VERBS]
    buyer = any(lemma(a) in BUYER_VERBS or a.lower_ in ("purchase", "purchases",
                                                         "procurement", "acquisition")
                for a in acts)
    seller = any(lemma(a) in ("sell", "export", "supply", "transfer") or a.lower_ in (
        "sale", "sales", "export", "exports") for a in acts)
    parties = _Parties()
    for c in head.children:  # "US defence sales", "India's purchase"
        if c.dep_ in ("compound", "amod", "nmod", "poss") and (cc := _country_at(c)):
            if buyer and not seller:
                parties.received_by(cc)
            else:
                parties.supplied_by(cc)
    verb = head.head if head.dep_ in ("dobj", "nsubjpass") else None
    for a in acts + ([verb] if verb is not None else []):
        _prep_sides(a, parties)
    subj_verb = verb if verb is not None else (head if head.pos_ == "VERB" else None)
    for c in subj_verb.children if subj_verb is not None else ():
        if c.dep_ == "nsubj" and (cc := _country_at(c)):
            if buyer:
                parties.received_by(cc)
            elif seller:
                parties.supplied_by(cc)
    return parties.supplier, parties.recipient


def _deals(sent: Span) -> list[tuple[Agreement, Token]]:
    systems = find_systems(sent)
    out = []
    for head in _sale_head(sent, systems):
        system = _system_of(head, systems)
        supplier, recipient = _sides(head)
        if "foreign military sale" in sent.text.lower() and supplier is None:
            supplier = "United States"  # FMS is the US government's programme
        money = next((e.text for e in sent.ents if e.label_ == "MONEY"), None)  # per sentence
        if head.pos_ in ("NOUN", "PROPN"):
            name_span = _name_span(head)
            # "sales to India", whether "to" hangs from the noun or from its verb
            to = [p for p in list(head.rights) + list(head.head.rights) if p.dep_ == "prep"
                  and p.lower_ == "to" and p.i == name_span.end]
            if to:
                name_span = head.doc[name_span.start:to[0].right_edge.i + 1]
        elif system is not None:
            name_span = head.doc[system.start:system.end]
        else:
            name_span = head.doc[head.i:head.i + 1]
        kind = "procurement" if head.lower_ in ("procurement", "purchase", "acquisition") or \
            lemma(head) in BUYER_VERBS else "arms-sale"
        if not _military(sent, system):
            kind = "order"  # a company's order: the companies are its sides
            seller, buyer = order_sides(head, _maker(head, system))
            supplier, recipient = seller or supplier, buyer or recipient
        parties = [p for p in (supplier, recipient) if p]
        out.append((Agreement(
            name=name_span.text, kind=kind, parties=parties, status=_status(head),
            span=[name_span.start_char, name_span.end_char],
            system=system.name if system else None,
            quantity=system.quantity if system else None, value=money,
            supplier=supplier, recipient=recipient), head))
    return out


def _military(sent: Span, system: System | None) -> bool:
    """Is the deal military: a weapon or military system, or armed forces in the sentence?
    An airliner bought by a company is an order, not an arms sale."""
    if system is not None and not any(AIRLINER.match(w) for w in system.name.split()):
        return True
    return military_sentence(sent, frozenset(SYSTEM_WORDS))


def _maker(head: Token, system: System | None) -> str | None:
    """The company named before the system ("Boeing 787-9 jets")."""
    if system is None:
        return None
    first = head.doc[system.start]
    return first.text if first.ent_type_ == "ORG" or first.text in MAKER_NAMES else None


def _trade(tok: Token) -> Agreement | None:
    """An unnamed trade agreement between states ("Canada and Mexico signed a trade deal")."""
    parties = trade_parties(tok, _states_in)
    if not parties:
        return None
    span = _name_span(tok)
    return Agreement(name=f"{'-'.join(parties)} trade {tok.lower_}", kind="trade",
                     parties=parties, status=_status(tok),
                     span=[span.start_char, span.end_char])


def _states_in(tokens: list[Token]) -> list[str]:
    out: list[str] = []
    for t in tokens:
        c = _country_at(t) if t.ent_type_ in ("GPE", "NORP") else None
        if c and c not in out:
            out.append(c)
    return out


def find_agreements(doc: Doc) -> list[Agreement]:
    """One record per agreement or deal, with the strongest status the article gives it."""
    found: dict[tuple[str, str], _Mention] = {}
    for sent in doc.sents:
        for agr, _ in _named(sent) + _deals(sent):
            key = (agr.kind, agr.name.lower())
            rank = STATUS_RANK.index(agr.status) if agr.status in STATUS_RANK else 99
            old = found.get(key)
            if old is None:
                found[key] = _Mention(agr, rank)
            elif rank < old.rank:  # a stronger signal later in the article
                old.agreement.status, old.rank = agr.status, rank
                for p in agr.parties:
                    if p not in old.agreement.parties:
                        old.agreement.parties.append(p)
    return [m.agreement for m in found.values()]
