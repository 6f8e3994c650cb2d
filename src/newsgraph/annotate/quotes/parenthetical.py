"""Parenthetical cues: "The two cases, the prosecutor said, were quite different", "In the
end, Ms. Ortiz said, the vote will be close".

The parser hangs such a cue on the verb of what was said (as `parataxis`), so the cue has
no clause of its own; what was said is the clause it interrupts, from its first word to
its last. Statements not made ("would say", "did not say"), passives and cues used to
attribute a quotation are left out.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.annotate.docindex import text_of
from newsgraph.annotate.quotes import attribution as at
from newsgraph.annotate.quotes import cues
from newsgraph.annotate.quotes import verbforms as vf


def statements(doc: Doc, blocked: bytearray, used: set[int]) -> list[at.Statement]:
    """Every parenthetical speech cue outside quotation marks (`blocked`) and not used for a
    direct quote (`used`), with the clause it interrupts."""
    out = []
    for sent in doc.sents:
        for tok in sent:
            if tok.dep_ == "parataxis" and tok.i not in used and not blocked[tok.idx]:
                st = _statement(tok, sent)
                if st is not None:
                    out.append(st)
    return out


def _statement(verb: Token, sent: Span) -> at.Statement | None:
    lem = cues.cue_lemma(verb)
    head = verb.head
    if lem is None or lem.split()[0] not in cues.SPEECH or head.pos_ not in ("VERB", "AUX"):
        return None
    if vf.unreal(verb) or any(c.dep_ in ("ccomp", "dobj", "auxpass") for c in verb.children):
        return None
    if not head.left_edge.i < verb.left_edge.i <= verb.right_edge.i < head.right_edge.i:
        return None  # the cue must stand inside the clause, not before or after it
    subj, _ = at.cue_subject(verb)
    if subj is None or subj.dep_ != "nsubj" or subj.i < head.left_edge.i:
        return None
    if "\n" in text_of(verb.doc)[head.left_edge.idx:head.right_edge.idx]:
        return None
    cue = at.Cue(verb, subj, at.cue_text(verb))
    return at.span_statement(cue, head.left_edge.i, head.right_edge.i, sent)
