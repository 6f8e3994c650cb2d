"""Attributions carried by a noun: "Trump's claim that the vote was rigged", "her support
for the bill", "his plan to cut taxes" (data/cue_nouns.tsv).

The owner is the possessive before the cue noun; what is said or held is the noun's
that-clause, its infinitive, or the object of its preposition. A cue noun without an owner
("the claim that ...") names no source and gives nothing.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph import lexicon
from newsgraph.annotate.quotes.attribution import Cue, Statement, span_statement

_KINDS = {row[0]: row[1] for row in lexicon.tsv_rows("cue_nouns.tsv")}
# Prepositions whose object is what a cue noun is about.
_ABOUT = frozenset("for of against on to about over with".split())


def statements(doc: Doc, blocked: bytearray) -> list[Statement]:
    """Every owned cue noun outside quotation marks (`blocked`) with what it says."""
    out = []
    for sent in doc.sents:
        for tok in sent:
            if tok.pos_ == "NOUN" and tok.lower_ in _KINDS and not blocked[tok.idx]:
                st = _statement(tok, sent)
                if st is not None:
                    out.append(st)
    return out


def _statement(noun: Token, sent: Span) -> Statement | None:
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.i < noun.i), None)
    what = _content(noun)
    if owner is None or what is None:
        return None
    st = span_statement(Cue(noun, owner, noun.text), what.left_edge.i, what.right_edge.i,
                        sent)
    if st is not None:
        st.belief = _KINDS[noun.lower_] == "belief"
    return st


def _content(noun: Token) -> Token | None:
    """The that-clause or infinitive on the noun, else its preposition's object."""
    for c in noun.rights:
        if c.dep_ in ("acl", "ccomp", "relcl") and any(
                g.dep_ == "mark" and g.lower_ == "that" or g.dep_ == "aux" and g.lower_ == "to"
                for g in c.children):
            return c
        if c.dep_ == "prep" and c.lower_ in _ABOUT:
            return next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
    return None
