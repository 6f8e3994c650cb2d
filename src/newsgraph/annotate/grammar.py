"""Reading spaCy's dependency parse: the helpers more than one component uses.

`subject_of` finds who does what a verb says. The components ask it two different
questions, so it takes the rule to apply:
- `DOER` (events): the subject of the clause an act belongs to, through control verbs
  ("urged Russia to withdraw": Russia) and nouns with an owner ("the efforts of the United
  States to rally": the United States); with several subjects, the first.
- `SPEAKER` (quotes): the one who says; a passive subject counts ("was quoted as saying"),
  and with several subjects the one nearest the verb ("General Prosecutor of Ukraine, Iryna
  Venediktova said": the name, not the title).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token


@dataclass(frozen=True)
class SubjectRule:
    """Which children are a verb's subject, and how a subject is inherited from above."""

    deps: frozenset[str]  # dependency labels of a subject
    climb: frozenset[str]  # a clause joined to its head this way shares the head's subject
    steps: int  # how many heads up to look
    nearest: bool  # several subjects: the one nearest the verb (else the first)
    control: bool  # an object-control verb's object, a noun's owner, count as the subject


DOER = SubjectRule(
    deps=frozenset({"nsubj", "csubj"}),
    climb=frozenset({"xcomp", "conj", "advcl", "pcomp", "prep", "acomp"}),
    steps=6, nearest=False, control=True)
SPEAKER = SubjectRule(
    deps=frozenset({"nsubj", "nsubjpass"}),
    climb=frozenset({"xcomp", "conj", "advcl", "pcomp", "prep"}),
    steps=5, nearest=True, control=False)


def own_subject(tok: Token, rule: SubjectRule = DOER) -> Token | None:
    """The subject among `tok`'s own children, or None."""
    subjects = [c for c in tok.children if c.dep_ in rule.deps]
    if not subjects:
        return None
    if rule.nearest:
        at = tok.i
        return min(subjects, key=lambda c: abs(c.i - at))
    return subjects[0]


def subject_of(tok: Token, rule: SubjectRule = DOER) -> Token | None:
    """The subject of the clause `tok` belongs to, climbing through the rule's relations."""
    cur = tok
    for _ in range(rule.steps):
        subj = own_subject(cur, rule)
        if subj is not None:
            return subj
        if cur.head == cur:
            return None
        if rule.control:
            found, up = _controller(cur)
            if found is not None:
                return found
            if up is not None:
                cur = up
                continue
            if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN"):
                return None
        if cur.dep_ in rule.climb:
            cur = cur.head
            continue
        return None
    return None


def _controller(cur: Token) -> tuple[Token | None, Token | None]:
    """Who controls the subject of an xcomp or of a clause on a noun: (the subject, None);
    or (None, the verb to go on from); (None, None) when neither applies."""
    if cur.dep_ == "xcomp":
        ctrl = [c for c in cur.head.children if c.dep_ == "dobj"]
        if ctrl and cur.head.pos_ == "VERB":
            return ctrl[0], None  # "urged Russia to withdraw", "led America to designate"
    if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN"):
        # "the efforts of the United States to rally": the noun's owner; "announcing
        # plans to welcome": the subject of the verb the noun depends on
        noun = cur.head
        owner = [c for c in noun.children if c.dep_ == "poss"] + [
            p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "by")
            for p in c.children if p.dep_ == "pobj"]
        if owner:
            return owner[0], None
        if noun.dep_ in ("dobj", "pobj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
            return None, noun.head
    return None, None


def conjuncts(head: Token) -> list[Token]:
    """The head and the phrases coordinated or in apposition with it."""
    out, todo = [head], [head]
    while todo:
        for c in todo.pop().children:
            if c.dep_ in ("conj", "appos") and c not in out:
                out.append(c)
                todo.append(c)
    return out


def ent_span(tok: Token) -> Span | None:
    """The named-entity span a token is part of (from its IOB tags: no scan of doc.ents)."""
    if not tok.ent_type_:
        return None
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]
