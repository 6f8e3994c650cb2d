"""Where a quote's speaker is named: cue verbs around quoted segments, and reported speech.

Works on the dependency parse; returns token positions, leaving entity resolution to
`speakers.SpeakerResolver`.
- `segment_cue`: for a quoted segment, the cue and subject in the words right after it
  ("...," he said) or right before it (Jaishankar said, "..." / He went on: "...").
- `statements`: reported speech (X said that ..., X emphasized ..., according to X, ...),
  with the span of what was reported.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.annotate import cues
from newsgraph.annotate.quotemarks import Segment

# Tokens after a closing mark within which "he said" must start.
POST_REACH = 8
_SUBJ = ("nsubj", "nsubjpass")
_CLAUSE = ("ccomp", "parataxis", "xcomp")


@dataclass
class Cue:
    verb: Token | None  # the cue verb; None for "according to X" and bare colons
    subject: Token | None  # the token naming the speaker
    text: str  # the cue as written ("said", "went on", "according to")


@dataclass
class Statement:
    """Reported speech: `subject` said (through `cue`) what lies in [start, end)."""

    cue: Cue
    start: int
    end: int
    sent_start: int


def tokens_in(doc: Doc, start: int, end: int) -> Span:
    span = doc.char_span(start, end, alignment_mode="contract")
    return span if span is not None else doc[0:0]


def subject_of(verb: Token) -> Token | None:
    """The subject of `verb`, inherited from the governing verb for "went on to say" and
    participles ("..., adding that ...")."""
    tok: Token | None = verb
    for _ in range(4):
        if tok is None:
            return None
        for c in tok.children:
            if c.dep_ in _SUBJ:
                return c
        if tok.dep_ in ("xcomp", "conj", "advcl") and tok.head is not tok:
            tok = tok.head
            continue
        return None
    return None


def cue_text(verb: Token) -> str:
    """The cue as written: "said", "went on", "went on to say"."""
    if verb.dep_ == "xcomp" and cues.lemma(verb.head) == "go" and verb.head.i < verb.i:
        return verb.doc[verb.head.i:verb.i + 1].text
    parts = [verb] + [c for c in verb.children if c.dep_ == "prt"]
    return " ".join(t.text for t in sorted(parts, key=lambda t: t.i))


def is_cue(tok: Token) -> bool:
    return cues.cue_lemma(tok) is not None


def _nearby_subject(window: Span, verb: Token) -> Token | None:
    """When the parse gives the cue no subject, a name or pronoun next to it."""
    best: Token | None = None
    for t in window:
        if t.i == verb.i or abs(t.i - verb.i) > 3:
            continue
        if t.pos_ == "PROPN" or t.lower_ in ("he", "she"):
            if best is None or abs(t.i - verb.i) < abs(best.i - verb.i):
                best = t
    if best is not None and best.pos_ == "PROPN":
        # Use the head of a multiword name ("Secretary Blinken" -> Blinken).
        while best.dep_ == "compound" and best.head.pos_ == "PROPN":
            best = best.head
    return best


def post_cue(doc: Doc, seg: Segment, stop: int) -> Cue | None:
    """'"...," he said' / '"..." Hegseth concluded.' / '"...," said Blinken'."""
    if seg.close_at is None:
        return None
    window = tokens_in(doc, seg.close_at + 1, stop)
    words = [t for t in window if not t.is_punct and not t.is_space]
    if not words:
        return None
    inner = doc.text[seg.start:seg.end].rstrip()
    ends_sentence = inner[-1:] in ".!" if inner else False
    if ends_sentence and words[0].text[:1].isupper() and len(words) > 6:
        return None  # a new sentence, not an attribution
    for t in words[:POST_REACH]:
        if is_cue(t):
            subj = subject_of(t)
            if subj is None or not (seg.close_at < subj.idx < stop):
                subj = _nearby_subject(window, t) or subj
            return Cue(t, subj, cue_text(t))
        if t.lower_ == "according" and t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "to":
            return Cue(None, _pobj_head(doc[t.i + 1]), "according to")
    return None


def pre_cue(doc: Doc, seg: Segment, start: int) -> Cue | None:
    """'Jaishankar said, "..."' / 'He went on, "..."' / 'He also pointed to ...: "..."'."""
    before = doc.text[start:seg.open_at].rstrip()
    if not before:
        return None
    window = tokens_in(doc, start, seg.open_at)
    words = [t for t in window if not t.is_punct and not t.is_space]
    if not words:
        return None
    last = before[-1]
    for t in reversed(words):
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            return Cue(None, _pobj_head(doc[t.i + 1]), "according to")
        if is_cue(t) and (last in ",:" or t.i == words[-1].i or _only_object_between(t, seg)):
            return Cue(t, subject_of(t), cue_text(t))
    if last == ":":
        # "He also spoke of the summit: "..."": the subject of the introducing clause.
        root = words[-1].sent.root
        subj = subject_of(root)
        if subj is not None and start <= subj.idx < seg.open_at:
            return Cue(None, subj, "")
    return None


def _only_object_between(verb: Token, seg: Segment) -> bool:
    """'told reporters "..."': only a short object lies between the cue and the quote."""
    gap = verb.doc.text[verb.idx + len(verb.text):seg.open_at].strip()
    return len(gap.split()) <= 2 and not gap.endswith(".")


def _pobj_head(prep: Token) -> Token | None:
    for c in prep.children:
        if c.dep_ == "pobj":
            return c
    return None


# ---------------------------------------------------------------- reported speech


def statements(doc: Doc, quoted: bytearray, skip: set[int]) -> list[Statement]:
    """Reported speech in every sentence; cue tokens in `skip` (already used to attribute a
    direct quote) and cues inside quotation marks are left out."""
    out: list[Statement] = []
    for sent in doc.sents:
        found: list[Statement] = []
        for tok in sent:
            if tok.i in skip or quoted[tok.idx]:
                continue
            st = _according(tok, sent) if tok.lower_ == "according" else _reported(tok, sent)
            if st is not None and st.end - st.start >= 12:
                found.append(st)
        # "The DoD added that Hegseth mentioned ...": keep the innermost speaker.
        for st in found:
            if not any(o is not st and st.start <= _anchor(o) < st.end for o in found):
                out.append(st)
    return out


def _anchor(st: Statement) -> int:
    tok = st.cue.verb or st.cue.subject
    return tok.idx if tok is not None else st.start


def _reported(verb: Token, sent: Span) -> Statement | None:
    lem = cues.cue_lemma(verb)
    if lem is None:
        return None
    base = lem.split()[0]
    subj = next((c for c in verb.children if c.dep_ in _SUBJ), None)
    if subj is None and verb.dep_ in ("advcl", "conj") and not is_cue(verb.head):
        subj = subject_of(verb)  # "..., noting that ...": the subject of the main verb
    if subj is None or subj.dep_ == "nsubjpass":
        return None
    clause = [c for c in verb.children if c.dep_ in _CLAUSE]
    left = [c for c in clause if c.i < verb.i]
    right = [c for c in clause if c.i > verb.i]
    if left and not right and subj.i > left[0].i:
        # "The talks were productive, he said."
        c = left[0]
        return _make(verb, subj, c.left_edge.i, c.right_edge.i, sent)
    if right:
        c = right[0]
        first = c.left_edge.i
        return _make(verb, subj, first, verb.right_edge.i, sent)
    if base in cues.STATEMENT and lem not in cues.NEEDS_CLAUSE:
        objs = [c for c in verb.children if c.dep_ in ("dobj", "prep", "attr") and c.i > verb.i]
        if objs:
            return _make(verb, subj, objs[0].left_edge.i, verb.right_edge.i, sent)
    return None


def _according(tok: Token, sent: Span) -> Statement | None:
    doc = tok.doc
    if tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    who = _pobj_head(doc[tok.i + 1])
    if who is None:
        return None
    phrase = {t.i for t in tok.subtree}
    rest = [t for t in sent if t.i not in phrase and not t.is_punct]
    if not rest:
        return None
    cue = Cue(None, who, "according to")
    return _span_statement(cue, rest[0].i, rest[-1].i, sent)


def _make(verb: Token, subj: Token, first: int, last: int, sent: Span) -> Statement | None:
    return _span_statement(Cue(verb, subj, cue_text(verb)), first, last, sent)


def _span_statement(cue: Cue, first: int, last: int, sent: Span) -> Statement | None:
    doc = sent.doc
    last = min(last, sent.end - 1)
    first = max(first, sent.start)
    # Trim a leading "that", commas, colons and trailing punctuation.
    while first <= last and (doc[first].is_punct or doc[first].lower_ == "that"
                             and doc[first].dep_ == "mark"):
        first += 1
    while last >= first and (doc[last].is_punct and doc[last].text not in ")\u201d\"'"
                             or doc[last].is_space):
        last -= 1
    if last < first:
        return None
    start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
    return Statement(cue, start, end, sent.start_char)
