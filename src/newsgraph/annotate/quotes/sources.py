"""Sources that are not named people: "a senior administration official", "people familiar
with the talks", "the ministry", "a joint statement".

`describe(tok)` gives, for the subject token of a cue that resolved to no entity, the kind of
source (data/source_nouns.tsv: anonymous, descriptor, organisation, document), the phrase as
written, and the organisation or country it stands for when the phrase names one ("a State
Department official", "Russian officials", "a spokesman for the ministry"). A phrase that
says its source is unnamed ("who spoke on condition of anonymity", "familiar with",
"briefed on") is anonymous whatever its noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph import lexicon
from newsgraph.annotate import gazetteer
from newsgraph.annotate.docindex import entity_at
from newsgraph.annotate.quotes import cues

_KINDS = {row[0]: row[1] for row in lexicon.tsv_rows("source_nouns.tsv")}
# Words in a source phrase that say its person is unnamed on purpose.
_UNNAMED = re.compile(
    r"\b(?:familiar with|briefed on|close to|condition of anonymity|anonymity|not authori[sz]ed"
    r"|asked not to be (?:named|identified)|declined to be (?:named|identified)"
    r"|requested anonymity|insisted on anonymity)\b", re.I)
# Tokens of a source phrase at most, after its head noun.
MAX_AFTER = 12


@dataclass
class Source:
    kind: str  # "anonymous" | "descriptor" | "organisation" | "document"
    text: str
    span: tuple[int, int]
    stands_for: str | None = None


def kind_of_noun(word: str) -> str | None:
    return _KINDS.get(word.lower())


def describe(tok: Token) -> Source | None:
    """The source the subject token `tok` names, or None where it is no source noun."""
    kind = _KINDS.get(tok.lower_)
    if kind is None and tok.pos_ == "NOUN" and not tok.ent_type_:
        # A common noun not in the table ("the producer said", "the checker knows"): a
        # source described, not named.
        kind = "descriptor"
    # "Most said ...": a listed quantifier is a source whatever the tagger made of it.
    bare = tok.pos_ in ("ADJ", "ADV", "DET") and tok.dep_ == "nsubj" and not list(tok.children)
    if kind is None or (tok.pos_ not in ("NOUN", "PROPN", "PRON") and not bare):
        return None
    doc = tok.doc
    if tok.pos_ == "PRON" or bare:
        # "they said ...": the pronoun alone is the source phrase.
        return Source(kind, tok.text, (tok.idx, tok.idx + len(tok.text)))
    first, last = _phrase_bounds(tok)
    span = (doc[first].idx, doc[last].idx + len(doc[last].text))
    text = doc.text[span[0]:span[1]]
    if _UNNAMED.search(text) or (kind == "descriptor" and _unnamed_after(tok)):
        kind = "anonymous"
    return Source(kind, text, span, _stands_for(tok, first, last))


def _phrase_bounds(tok: Token) -> tuple[int, int]:
    """The noun phrase of `tok`: its premodifiers and its of/for/at/with/on phrases and short
    participles ("familiar with the talks"), up to a comma or a relative clause."""
    first = tok.left_edge.i
    while first < tok.i and tok.doc[first].is_punct:
        first += 1
    last = tok.i
    for c in tok.rights:
        if c.is_punct or c.dep_ in ("relcl", "appos", "cc", "conj") or _is_cue(c):
            break  # "a statement saying ...": the cue and what it says are no part of it
        if c.dep_ in ("prep", "amod", "acl", "compound", "nummod"):
            last = max(last, c.right_edge.i)
    last = min(last, tok.i + MAX_AFTER)
    while last > tok.i and tok.doc[last].is_punct:
        last -= 1
    return first, last


def _is_cue(tok: Token) -> bool:
    return cues.cue_lemma(tok) is not None or cues.belief_lemma(tok) is not None


def _unnamed_after(tok: Token) -> bool:
    """"an official, who spoke on condition of anonymity, said": the clause after the phrase
    says so."""
    right = tok.right_edge.i
    tail = tok.doc[tok.i:min(right + 1, tok.i + 30)].text
    return bool(_UNNAMED.search(tail))


def _stands_for(tok: Token, first: int, last: int) -> str | None:
    """The organisation or country a source phrase names ("a State Department official",
    "Russian officials", "a spokesman for the ministry")."""
    doc = tok.doc
    for t in doc[first:last + 1]:
        if t.i == tok.i:
            continue
        ent = entity_at(doc, t.idx, t.idx + len(t.text))
        if ent is None or ent.type not in ("ORG", "GPE", "NORP"):
            continue
        if ent.type == "NORP":
            return gazetteer.lookup_country(t.text) or ent.name
        return ent.name
    return None
