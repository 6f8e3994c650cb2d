"""Attributions that name no source, and passives whose agent is the source.

News attributes much of what it reports without saying who said or thought it
(`data/unsourced_cues.tsv` lists the words):
- a passive verb of saying, thinking or expecting: "the plant is expected to close" (what is
  expected: the subject with its infinitive), "it is believed that ..." (the clause), "the
  mayor was told that ..." and "Asked about the vote, she ..." (what was told or asked: the
  clause or the preposition's object, not the one told); with a "by" agent the agent is the
  source ("was warned by officials that ...");
- a verb of appearance with a complement: "the senator seemed to tire", "the race looks
  weak", "it appears that ..." (the writer's perception);
- a hedging adverb: "the company reportedly paid ...", "allegedly met";
- "it is unclear whether ...", "it is not known why ...".

A statement here has the cue's agent as its subject, or none: the quote then has no speaker
and the speaker kind `unattributed`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph import lexicon
from newsgraph.annotate.quotes import cues
from newsgraph.annotate.quotes import verbforms as vf
from newsgraph.annotate.quotes.attribution import Cue, Statement, span_statement

_USES: dict[str, set[str]] = {}
for _row in lexicon.tsv_rows("unsourced_cues.tsv"):
    _USES.setdefault(_row[0], set()).update(_row[1].split())

# Complements that carry what was said, expected or perceived.
_CLAUSE = ("ccomp", "xcomp", "oprd", "acomp", "attr")
# Prepositions whose object is what was held ("seen as", "accused of", "known for", "charged
# with"), and for the one told or asked, what it was about ("asked about", "briefed on").
_PREPS = frozenset({"as", "of", "for", "with"})
_HEARER_PREPS = frozenset({"about", "on", "of"})
# Words that open an embedded question or a that-clause after "it is unclear".
_QUESTION = frozenset({"whether", "if", "why", "how", "what", "who", "when", "where",
                       "which", "that"})


def statements(doc: Doc, blocked: bytearray, skip: set[int]) -> list[Statement]:
    """The unsourced and agent-sourced attributions of `doc`; tokens inside quotation marks
    (`blocked`) and cue tokens in `skip` (already attributing something) are left out."""
    out: list[Statement] = []
    for sent in doc.sents:
        for tok in sent:
            uses = _USES.get(tok.lower_)
            if uses is None or tok.i in skip or blocked[tok.idx]:
                continue
            st = None
            if "passive" in uses and tok.tag_ == "VBN":
                st = _passive(tok, sent, "hearer" in uses)
            if st is None and "raising" in uses and tok.pos_ in ("VERB", "AUX"):
                st = _raising(tok, sent)
            if st is None and "adverb" in uses and tok.dep_ == "advmod":
                st = _adverb(tok, sent)
            if st is None and "unclear" in uses and tok.dep_ == "acomp":
                st = _unclear(tok, sent)
            if st is not None:
                st.belief = "belief" in uses
                out.append(st)
    return out


def _complement(verb: Token, hearer: bool) -> Token | None:
    """The first clause, complement or object of an attributing preposition after `verb`;
    an infinitive, not a participle ("was seen leaving" is no attribution)."""
    preps = _HEARER_PREPS if hearer else _PREPS
    for c in verb.rights:
        if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and not vf.infinitive(c) and not (
                any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)):
            continue
        if c.dep_ in _CLAUSE or (c.dep_ == "prep" and c.lower_ in preps):
            return c
    return None


def _subject(verb: Token, deps: tuple[str, ...]) -> Token | None:
    return next((c for c in verb.children if c.dep_ in deps), None)


def _expletive(tok: Token | None) -> bool:
    return tok is not None and tok.lower_ == "it" and tok.dep_ in ("nsubj", "nsubjpass",
                                                                   "expl")


def _agent(verb: Token) -> Token | None:
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    if by is None:
        return None
    return next((c for c in by.children if c.dep_ == "pobj"), None)


def _passive(verb: Token, sent: Span, hearer: bool) -> Statement | None:
    """"is expected to win", "it is believed that ...", "was told that ...", "Asked about
    the vote, ..."."""
    subj = _subject(verb, ("nsubjpass",))
    is_passive = subj is not None or any(c.dep_ == "auxpass" for c in verb.children)
    # "Asked about the vote, she ...", "the plant, expected to close in May, ...": a
    # participle without a subject or object of its own; not "said" (the parse tags many an
    # active "said" so), nor "known as" (a name: "the group known as ...").
    bare = (verb.dep_ in ("advcl", "acl") and verb.lower_ not in ("said", "known")
            and not any(c.dep_ in ("nsubj", "dobj") for c in verb.children))
    if not (is_passive or bare):
        return None
    what = _complement(verb, hearer)
    if what is None:
        return None  # nothing said or held
    first = what.left_edge.i
    if what.dep_ == "prep":
        first = what.i + 1
        if not list(what.children):
            return None  # "seen as" with nothing after it
    if subj is not None and not hearer and not _expletive(subj) and what.dep_ != "ccomp":
        first = subj.left_edge.i  # "the plant ... to close": the subject is what is expected
    elif subj is None and not hearer and verb.dep_ == "acl" and verb.head.i < verb.i:
        first = verb.head.left_edge.i  # "a state seen as critical": the noun is held so
    st = span_statement(Cue(verb, _agent(verb), _cue_text(verb)), first, what.right_edge.i,
                        sent)
    return st


def _raising(verb: Token, sent: Span) -> Statement | None:
    """"the senator seemed to tire", "the race seems close", "it appears that ..."."""
    if verb.dep_ == "aux" and verb.head.i > verb.i and verb.head.tag_ in ("VBN", "JJ"):
        # "the treasurer seemed rattled by ...", parsed as an auxiliary of "rattled"
        head = verb.head
        subj = _subject(head, ("nsubj", "nsubjpass"))
        first = subj.left_edge.i if subj is not None and not _expletive(subj) else verb.i + 1
        return span_statement(Cue(verb, None, _cue_text(verb)), first, head.right_edge.i, sent)
    what = next((c for c in verb.rights if c.dep_ in ("xcomp", "acomp", "ccomp", "oprd",
                                                      "attr")
                 or (c.dep_ == "prep" and c.lower_ == "like")), None)
    if what is None or cues.cue_lemma(what) is not None:
        return None  # "seemed to suggest that ...": the inner cue is the attribution
    if what.dep_ == "xcomp" and what.pos_ == "VERB" and what.tag_ != "VBN" and not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in what.children):
        return None  # "appeared smiling": a manner, not a perception held ("seemed rattled")
    subj = _subject(verb, ("nsubj",))
    if subj is None and what.dep_ != "ccomp":
        return None
    first = what.left_edge.i if subj is None or _expletive(subj) else subj.left_edge.i
    if what.dep_ == "prep":
        if not any(c.dep_ == "pobj" for c in what.children):
            return None
    # "it now seems inevitable that ...": the clause after the adjective is held too
    last = max([what.right_edge.i] + [c.right_edge.i for c in verb.rights
                                      if c.dep_ == "ccomp" and c.i > what.i])
    return span_statement(Cue(verb, None, _cue_text(verb)), first, last, sent)


def _adverb(adv: Token, sent: Span) -> Statement | None:
    """"the company reportedly paid ...": the clause the adverb hedges."""
    head = adv.head
    if head.pos_ not in ("VERB", "AUX") or head.i == adv.i:
        return None
    subj = _subject(head, ("nsubj", "nsubjpass"))
    first = min(subj.left_edge.i if subj is not None else head.i, adv.i + 1, head.i)
    last = max(c.right_edge.i for c in head.rights) if list(head.rights) else head.i
    return span_statement(Cue(adv, None, adv.text), first, last, sent)


def _unclear(adj: Token, sent: Span) -> Statement | None:
    """"it is unclear whether ...", "it is not known why ..."."""
    be = adj.head
    if not _expletive(_subject(be, ("nsubj", "expl"))):
        return None
    what = next((c for c in list(adj.rights) + list(be.rights) if c.dep_ == "ccomp"), None)
    if what is None:
        return None
    opener = what.doc[what.left_edge.i]
    if opener.lower_ not in _QUESTION:
        return None
    cue = adj.doc[be.i:adj.i + 1].text
    return span_statement(Cue(adj, None, cue), what.left_edge.i, what.right_edge.i, sent)


def _cue_text(verb: Token) -> str:
    """The cue with its auxiliaries and negation: "is expected", "was not told"."""
    doc = verb.doc
    first = verb.i
    for c in verb.lefts:
        if c.dep_ in ("aux", "auxpass", "neg") and c.i >= verb.i - 4:
            first = min(first, c.i)
    return doc[first:verb.i + 1].text

