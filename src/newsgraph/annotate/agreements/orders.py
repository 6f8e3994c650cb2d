"""Commercial orders and trade agreements between states.

- A purchase between companies ("Emirates ordered 30 787-9 Dreamliner jets from Boeing for
  $8.8 billion") is an `order`, not an arms sale, unless the sentence is military: a
  government's armed force buys, the item is a weapon or a military system, or the sale is a
  Foreign Military Sale. Its parties are the companies (the buyer, the seller or the maker of
  the item); value, quantity and system as for arms sales.
- An unnamed trade agreement ("Japan and the United States signed a trade deal", "a
  free-trade agreement between Canada and Mexico") is a `trade` agreement when two or more
  states are its sides; it is named after them ("Canada-Mexico trade agreement").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from newsgraph import lexicon
from newsgraph.annotate.plover import lemma

_WORDS = lexicon.plover_lexicon()
# Words that make a purchase military (data/plover_lexicon.json "military_purchase").
MILITARY = _WORDS.words("military_purchase")
TRADE_WORDS = _WORDS.words("trade_deal")
ORG_TYPES = ("ORG",)


def military_sentence(sent: Span, system_words: frozenset[str]) -> bool:
    """Does the sentence make a purchase military (armed forces, weapons, a named system)?"""
    low = sent.text.lower()
    words = {t.lower_ for t in sent} | {lemma(t) for t in sent}
    return bool(words & (MILITARY | system_words)) or any(
        "_" in w and w.replace("_", " ") in low for w in MILITARY)


def _org(tok: Token) -> str | None:
    """The company a token names (its whole entity)."""
    if tok.ent_type_ not in ORG_TYPES:
        return None
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent.text
    return None


def _first_org(tokens: list[Token]) -> str | None:
    """The first company named in `tokens`; else a proper name heading them ("Emirates",
    which the model does not tag)."""
    found = next((o for t in tokens if (o := _org(t))), None)
    if found is None and tokens:
        head = min(tokens, key=lambda t: abs(t.head.i - t.i) if t.head not in tokens else 0)
        if head.pos_ == "PROPN" and not head.ent_type_:
            return " ".join(t.text for t in tokens if t.pos_ == "PROPN" and
                            (t == head or t.head == head))
    return found


def order_sides(head: Token, maker: str | None) -> tuple[str | None, str | None]:
    """Seller and buyer companies of an order: the subject of the ordering verb buys,
    "from X" sells; the maker of the item sells when nothing else does."""
    verb = head if head.pos_ == "VERB" else head.head
    buyer = seller = None
    for c in verb.children:
        if c.dep_ in ("nsubj", "agent") and buyer is None:
            buyer = _first_org(list(c.subtree))
        if c.dep_ == "prep" and c.lower_ == "from" and seller is None:
            seller = _first_org(list(c.subtree))
    for c in head.children:  # "an order from Emirates for ...", "Emirates' order"
        if c.dep_ == "poss" and buyer is None:
            buyer = _first_org(list(c.subtree))
    return seller or maker, buyer


def trade_parties(head: Token, find: Callable[[list[Token]], list[str]]) -> list[str]:
    """The states (`find` reads them from tokens) that are the sides of an unnamed trade
    agreement headed by `head`."""
    if not any(lemma(c) in TRADE_WORDS or c.lower_ in TRADE_WORDS for c in head.lefts):
        return []
    scope: list[Token] = []
    for p in head.rights:
        if p.dep_ == "prep" and p.lower_ in ("between", "with"):
            scope.extend(p.subtree)
    verb = head.head
    if head.dep_ in ("dobj", "nsubjpass", "pobj") and verb.tag_.startswith("VB"):
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass", "agent") or (
                    c.dep_ == "prep" and c.lower_ in ("with", "between")):
                scope.extend(c.subtree)
    parties = find(scope)
    return parties if len(parties) >= 2 else []
