"""Light-verb and idiomatic cues (data/light_verbs.tsv): a verb with the noun it takes, or
with its particle, that attributes a statement or a stance to the verb's subject.

- "Díaz made the case for reading widely": the verb "make" with "case" as its object; what
  was said is the object of the noun's preposition (or of the verb's, where the parser hung
  the preposition on the verb), else the noun's that-clause or infinitive.
- "The senator took aim at the plan", "raised concerns about the audit", "threw her support
  behind the mayor": stances (beliefs) held toward the preposition's object.
- "The governor weighed in on the dispute", "lashed out at the board": a verb with its particle;
  what was said is the preposition's object, else the verb's object.

Statements not made ("will make the case", "did not take aim") and passives give nothing;
so does a verb whose subject the parse took across a paragraph break.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph import lexicon
from newsgraph.annotate.docindex import text_of
from newsgraph.annotate.quotes import attribution as at
from newsgraph.annotate.quotes import cues
from newsgraph.annotate.quotes import verbforms as vf

_CLAUSE_DEPS = ("acl", "ccomp", "relcl", "xcomp")


@dataclass(frozen=True)
class _Row:
    nouns: frozenset[str]
    particles: frozenset[str]
    belief: bool
    received: bool = False  # "the plan drew criticism from the union": the union holds it


def _words(field: str) -> list[str]:
    return [] if field == "-" else field.split()


def _load() -> tuple[dict[str, str], dict[str, list[_Row]]]:
    forms: dict[str, str] = {}
    rows: dict[str, list[_Row]] = {}
    for verb, irregular, nouns, particles, kind in lexicon.tsv_rows("light_verbs.tsv"):
        for form in cues.inflections(verb) | set(_words(irregular)):
            forms.setdefault(form, verb)
        rows.setdefault(verb, []).append(_Row(frozenset(_words(nouns)),
                                              frozenset(_words(particles)),
                                              kind != "indirect", kind == "received"))
    return forms, rows


_FORMS, _ROWS = _load()


def statements(doc: Doc, blocked: bytearray) -> list[at.Statement]:
    """Every light-verb cue outside quotation marks (`blocked`) with what it says."""
    out = []
    for sent in doc.sents:
        for tok in sent:
            if tok.lower_ in _FORMS and tok.pos_ in ("VERB", "AUX") and not blocked[tok.idx]:
                st = _statement(tok, sent)
                if st is not None:
                    out.append(st)
    return out


def _statement(verb: Token, sent: Span) -> at.Statement | None:
    if vf.unreal(verb) or vf.states_nothing(verb):
        return None
    if any(c.dep_ == "auxpass" for c in verb.children):
        return None
    for row in _ROWS[_FORMS[verb.lower_]]:
        if row.received:
            st = _received(verb, row, sent)
            if st is not None:
                return st
            continue
        found = _content(verb, row)
        if found is not None:
            return _attributed(verb, found, sent, row)
    return None


def _attributed(verb: Token, found: tuple[Token, Token], sent: Span,
                row: _Row) -> at.Statement | None:
    subj, explicit = at.cue_subject(verb)
    if subj is None or subj.dep_ == "nsubjpass":
        return None
    if "\n" in text_of(verb.doc)[min(subj.idx, verb.idx):max(subj.idx, verb.idx)]:
        return None
    head, what = found
    cue = at.Cue(verb, subj, verb.doc[verb.i:head.i + 1].text if head.i > verb.i else verb.text)
    st = at.span_statement(cue, what.left_edge.i, what.right_edge.i, sent)
    if st is not None:
        st.belief, st.explicit = row.belief, explicit
    return st


def _received(verb: Token, row: _Row, sent: Span) -> at.Statement | None:
    """"The plan drew sharp criticism from the union", "the bill won praise from the
    mayor": the one named after "from" holds the stance toward the verb's subject."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    noun = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ in row.nouns), None)
    if subj is None or noun is None or subj.lower_ in ("who", "which", "that"):
        return None
    for c in list(noun.children) + list(verb.children):
        if c.dep_ == "prep" and c.lower_ in row.particles and c.i > noun.i:
            source = _object(c)
            if source is not None:
                cue = at.Cue(verb, source, verb.doc[verb.i:c.i + 1].text)
                st = at.span_statement(cue, subj.left_edge.i, subj.right_edge.i, sent)
                if st is not None:
                    st.belief = True
                return st
    return None


def _content(verb: Token, row: _Row) -> tuple[Token, Token] | None:
    """(the last word of the cue, the head of what was said or held), or None."""
    if not row.nouns:
        return _particle_content(verb, row)
    noun = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
                 and c.i > verb.i and c.lower_ in row.nouns), None)
    if noun is None or any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return None  # "gave no details": nothing was said
    for c in list(noun.children) + list(verb.children):
        # on the verb only right after the noun: "made comments Thursday on CNBC" is where
        if c.dep_ == "prep" and c.lower_ in row.particles and c.i > noun.i and (
                c.head.i == noun.i or c.i == noun.right_edge.i + 1):
            obj = _object(c)
            if obj is not None:
                return c, obj
    for holder in (noun, verb):
        for c in holder.children:
            if c.dep_ in _CLAUSE_DEPS and c.i > noun.i and _is_clause(c):
                return noun, c
    return None


def _particle_content(verb: Token, row: _Row) -> tuple[Token, Token] | None:
    prt = next((c for c in verb.children if c.i > verb.i and c.lower_ in row.particles
                and c.dep_ in ("prt", "advmod") and c.i <= verb.i + 2), None)
    if prt is None:
        return None  # "weighing on", "spoke on Tuesday": no particle, no idiom
    for p in verb.children:
        if p.dep_ == "prep" and p.lower_ in row.particles and prt.i < p.i <= prt.i + 2:
            obj = _object(p)
            if obj is not None:
                return p, obj
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    return (prt, obj) if obj is not None else None


def _object(prep: Token) -> Token | None:
    return next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)


def _is_clause(c: Token) -> bool:
    """A that-clause or an infinitive ("the case that ...", "a plea to reopen ...")."""
    return any(g.dep_ == "mark" and g.lower_ == "that" or g.dep_ == "aux" and g.lower_ == "to"
               for g in c.children)
