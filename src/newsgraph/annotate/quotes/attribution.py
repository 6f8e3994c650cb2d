"""Where a quote's speaker is named: cue verbs around quoted segments, and reported speech.

Works on the dependency parse; returns token positions, leaving entity resolution to
`speakers.SpeakerResolver`.
- `segment_cue`: for a quoted segment, the cue and subject in the words right after it
  ("...," he said) or right before it (Jaishankar said, "..." / He went on: "...").
- `statements`: reported speech (X said that ..., X emphasized ..., according to X, ...),
  with the span of what was reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.annotate.docindex import text_of
from newsgraph.annotate.grammar import SPEAKER, own_subject, subject_of
from newsgraph.annotate.quotes import cues
from newsgraph.annotate.quotes import verbforms as vf
from newsgraph.annotate.quotes.quotemarks import Segment

# Tokens after a closing mark within which "he said" must start.
POST_REACH = 8
# ... or further, when all the words before the cue are its subject with an apposition
# ('"...," Ahmed Karimi, a spokesman for the aid group, said').
POST_REACH_APPOS = 20
_CLAUSE = ("ccomp", "parataxis", "xcomp")
# What was said is at least this many words ("referred to the audit"); a stance may be held
# toward one name ("endorsed Sanders").
MIN_SAID_WORDS = 2


@dataclass
class Cue:
    verb: Token | None  # the cue verb; None for "according to X" and bare colons
    subject: Token | None  # the token naming the speaker
    text: str  # the cue as written ("said", "went on", "according to")
    # Names or pronouns next to the cue, tried when the parse's subject names no one
    # ("who, as David Beasley said, ...").
    nearby: list[Token] = field(default_factory=list)


@dataclass
class Statement:
    """Reported speech: `subject` said (through `cue`) what lies in [start, end)."""

    cue: Cue
    start: int
    end: int
    sent_start: int
    explicit: bool = True  # the cue has its own subject (not one inherited from its head)
    belief: bool = False  # a thought, intention or feeling attributed, not speech


def tokens_in(doc: Doc, start: int, end: int) -> Span:
    span = doc.char_span(start, end, alignment_mode="contract")
    return span if span is not None else doc[0:0]


def speaker_subject(verb: Token) -> Token | None:
    """The subject of cue `verb`, inherited from the governing verb for "went on to say",
    participles ("..., noting that ...") and "closed the session by highlighting ..."."""
    above = _cue_above(verb)
    return subject_of(above if above is not None else verb, SPEAKER)


def _cue_above(verb: Token) -> Token | None:
    """"X said the talks were useful, adding that ...": the parser hangs the participle in
    the reported clause, but the one adding is the speaker of the cue above it."""
    if verb.tag_ == "VBG" and verb.dep_ == "advcl":
        up = verb.head
        while up.dep_ in ("ccomp", "parataxis", "conj") and up.head is not up:
            up = up.head
            if is_cue(up):
                return up
    return None


def cue_text(verb: Token) -> str:
    """The cue as written: "said", "went on", "went on to say"."""
    if verb.dep_ == "xcomp" and cues.lemma(verb.head) == "go" and verb.head.i < verb.i:
        return verb.doc[verb.head.i:verb.i + 1].text
    parts = [verb] + cues.particles(verb)
    return " ".join(t.text for t in sorted(parts, key=lambda t: t.i))


def is_cue(tok: Token) -> bool:
    return cues.cue_lemma(tok) is not None


def is_quote_cue(tok: Token) -> bool:
    """A cue next to a quotation, which may be a verb that reports no clause ("read")."""
    return cues.quotes_lemma(tok) is not None


def _nearby(window: Span, verb: Token) -> list[Token]:
    """Names and he/she within three tokens of the cue, nearest first."""
    out = []
    for t in window:
        if t.i == verb.i or abs(t.i - verb.i) > 3:
            continue
        if t.pos_ == "PROPN" or t.lower_ in ("he", "she"):
            while t.dep_ == "compound" and t.head.pos_ == "PROPN":
                t = t.head  # the head of a multiword name ("Secretary Blinken" -> Blinken)
            if t.dep_ == "conj" or any(c.dep_ == "conj" for c in t.children):
                continue  # one of several people ("Biden and Ardern recalled")
            if t not in out:
                out.append(t)
    return sorted(out, key=lambda t: abs(t.i - verb.i))


def post_cue(doc: Doc, seg: Segment, stop: int) -> Cue | None:
    """'"...," he said' / '"..." Hegseth concluded.' / '"...," said Blinken'."""
    if seg.close_at is None:
        return None
    window = tokens_in(doc, seg.close_at + 1, stop)
    words = [t for t in window if not t.is_punct and not t.is_space]
    if not words:
        return None
    inner = text_of(doc)[seg.start:seg.end].rstrip()
    ends_sentence = inner[-1:] in ".!" if inner else False
    if ends_sentence and words[0].text[:1].isupper() and len(words) > 6 and not (
            len(words) > 1 and is_quote_cue(words[1])):
        # a new sentence, not an attribution ('"All the way!" Dawson shouted, ...' is one)
        return None
    for k, t in enumerate(words[:POST_REACH_APPOS]):
        if is_quote_cue(t):
            subj = speaker_subject(t)
            if k >= POST_REACH and not _subject_fills(words[:k], subj):
                break
            return Cue(t, subj, cue_text(t), _nearby(window, t))
        if t.lower_ == "according" and t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "to":
            return Cue(None, _pobj_head(doc[t.i + 1]), "according to")
    return None


def _subject_fills(words: list[Token], subj: Token | None) -> bool:
    if subj is None:
        return False
    inside = {t.i for t in subj.subtree}
    return all(t.i in inside for t in words)


def pre_cue(doc: Doc, seg: Segment, start: int) -> Cue | None:
    """'Jaishankar said, "..."' / 'He went on, "..."' / 'He also pointed to ...: "..."'."""
    before = text_of(doc)[start:seg.open_at].rstrip()
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
        if t.lower_ == "words" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "of":
            return Cue(None, _pobj_head(doc[t.i + 1]), "in the words of")
        if is_quote_cue(t) and (last in ",:" or t.i == words[-1].i
                                or _only_object_between(t, seg)):
            return Cue(t, speaker_subject(t), cue_text(t), _nearby(window, t))
    if last == ",":
        return _as_clause_cue(window, words)
    if last == ":":
        return _colon_cue(doc, seg, start, words)
    return None


def _as_clause_cue(window: Span, words: list[Token]) -> Cue | None:
    """ "as President Zelenskyy has soberly attested, "..."": any verb of an as-clause."""
    verb = next((t for t in reversed(words) if t.pos_ == "VERB"), None)
    if verb is not None and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return Cue(verb, speaker_subject(verb), verb.text, _nearby(window, verb))
    return None


def _colon_cue(doc: Doc, seg: Segment, start: int, words: list[Token]) -> Cue | None:
    # "He also spoke of the summit: "..."": the subject of the introducing clause.
    root = words[-1].sent.root
    subj = speaker_subject(root)
    if subj is not None and start <= subj.idx < seg.open_at:
        return Cue(None, subj, "")
    # "Tom Palmer, President and CEO, Newmont Corporation: "..."": a name heading the
    # paragraph labels the quote.
    line_start = text_of(doc).rfind("\n", 0, seg.open_at) + 1
    if start <= line_start and len(words) <= 15:
        person = next((t for t in words if t.ent_type_ == "PERSON"), None)
        if person is not None:
            while person.dep_ == "compound" and person.head.ent_type_ == "PERSON":
                person = person.head
            return Cue(None, person, "")
    return None


def _only_object_between(verb: Token, seg: Segment) -> bool:
    """'told reporters "..."': only a short object lies between the cue and the quote."""
    gap = text_of(verb.doc)[verb.idx + len(verb.text):seg.open_at].strip()
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
            st = _according(tok, sent) if tok.lower_ == "according" else (
                _reported(tok, sent) or _belief(tok, sent))
            if st is not None and len(text_of(doc)[st.start:st.end].split()) >= (
                    1 if st.belief else MIN_SAID_WORDS):
                found.append(st)
        out.extend(_nest(found))
    return out


def _nest(found: list[Statement]) -> list[Statement]:
    """Statements inside the content of another one. "The DoD added that Hegseth mentioned
    ...": the inner one names its own speaker, whose words they are; the outer one goes.
    "She noted that ... and underscored ...": the inner one shares the outer's subject; it is
    a second statement, and the outer one ends where it starts."""
    keep = []
    for st in found:
        inner = [o for o in found if o is not st and st.start <= _anchor(o) < st.end]
        if not st.belief and any(o.explicit and not o.belief for o in inner):
            continue
        inner = [o for o in inner if not o.belief]
        for o in inner:
            st.end = min(st.end, _clause_start(o))
        st.end = _trim_end(st.cue, st.start, st.end)
        if st.end > st.start:
            keep.append(st)
    return keep


def _clause_start(st: Statement) -> int:
    verb = st.cue.verb
    return verb.idx if verb is not None else st.start


def _trim_end(cue: Cue, start: int, end: int) -> int:
    anchor = cue.verb or cue.subject
    if anchor is None:
        return end
    text = text_of(anchor.doc)
    while True:
        stripped = text[start:end].rstrip(" ,;:\n\t")
        for word in (" and", " but", " as well as"):
            if stripped.endswith(word):
                stripped = stripped[:-len(word)]
        new_end = start + len(stripped)
        if new_end == end:
            return end
        end = new_end


def _anchor(st: Statement) -> int:
    tok = st.cue.verb or st.cue.subject
    return tok.idx if tok is not None else st.start


def _reported(verb: Token, sent: Span) -> Statement | None:
    lem = cues.cue_lemma(verb)
    if lem is None or vf.states_nothing(verb) or vf.unreal(verb):
        return None
    base = lem.split()[0]
    subj, explicit = _cue_subject(verb)
    if subj is None or subj.dep_ == "nsubjpass" or any(c.dep_ == "auxpass"
                                                       for c in verb.children):
        return None  # "was told he would never walk again": the subject heard, not said
    if "\n" in text_of(verb.doc)[min(subj.idx, verb.idx):max(subj.idx, verb.idx)]:
        return None  # a parse that ran over a paragraph break
    st = _statement(verb, subj, base, lem, sent)
    if st is not None:
        st.explicit = explicit
    return st


def _belief(verb: Token, sent: Span) -> Statement | None:
    """"Officials fear that the truce will fail", "the campaign wants to win Ohio": what the
    subject thinks, intends or feels is the clause after the verb."""
    if cues.belief_lemma(verb) is None or vf.states_nothing(verb):
        return None
    if any(c.dep_ == "aux" and c.lower_ in vf.MODALS for c in verb.children):
        return None
    subj, explicit = _cue_subject(verb)
    if subj is None or subj.dep_ == "nsubjpass":
        return None
    deps = ("ccomp", "xcomp", "dobj") if cues.lemma(verb) in cues.STANCE else ("ccomp", "xcomp")
    clause = [c for c in verb.children if c.i > verb.i and (
        c.dep_ in deps or (c.dep_ == "prep" and c.lower_ in _STANCE_PREPS
                           and deps[-1] == "dobj"))]
    if not clause:
        obj = vf.prep_object(verb)
        return None if obj is None else _held(verb, subj, obj, obj, sent, explicit)
    # "accused the mayor of lying", "blamed the board for the delay": the object and the
    # charge together are what is held.
    return _held(verb, subj, clause[0], clause[-1], sent, explicit)


def _held(verb: Token, subj: Token, first: Token, last: Token, sent: Span,
          explicit: bool) -> Statement | None:
    st = _make(verb, subj, first.left_edge.i, last.right_edge.i, sent)
    if st is not None:
        st.belief, st.explicit = True, explicit
    return st


def _cue_subject(verb: Token) -> tuple[Token | None, bool]:
    """The subject of a cue, and whether it is the cue's own. "which the Secretary said":
    two subjects; the one next to the cue is the speaker. "..., noting that ...", "...
    and vowed to ...": the subject of the verb above. "a statement saying ...", "a group
    backing the mayor": the noun the participle hangs on."""
    subj = own_subject(verb, SPEAKER)
    if subj is not None:
        return subj, True
    if verb.dep_ in ("advcl", "conj", "pcomp") or (
            verb.dep_ == "xcomp" and cues.lemma(verb.head) in cues.RAISING):
        return speaker_subject(verb), False
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head, False
    return None, False


cue_subject = _cue_subject  # also read by quotes/lightverbs

# Prepositions completing a stance toward its object ("blamed X for Y", "accused X of Y").
_STANCE_PREPS = frozenset({"for", "of", "as"})


def _statement(verb: Token, subj: Token, base: str, lem: str, sent: Span) -> Statement | None:
    return (_clause_said(verb, subj, sent) or _requested(verb, subj, base, sent)
            or _object_said(verb, subj, base, lem, sent))


def _clause_said(verb: Token, subj: Token, sent: Span) -> Statement | None:
    """What was said as a clause: "said that ...", "..., he said", "vowed to ...", "asked
    the board to resign" (a promise or a request: a belief, what the speaker intends)."""
    parts = {t.i for t in cues.particles(verb)}
    clause = [c for c in verb.children if c.i not in parts and (
        c.dep_ in ("ccomp", "parataxis") or vf.to_clause(c))]
    left = [c for c in clause if c.i < verb.i]
    right = [c for c in clause if c.i > verb.i]
    if left and not right and subj.i > left[0].i:
        # "The talks were productive, he said."
        c = left[0]
        return _make(verb, subj, c.left_edge.i, c.right_edge.i, sent)
    if right:
        c = right[0]
        last = c.right_edge.i
        if verb.dep_ == "ccomp" and verb.head.i > verb.i:
            # "He reiterated that should Moscow invade, it would result in ...": the parser
            # made the end of the reported clause the main clause.
            last = verb.head.right_edge.i
        # "the plan, which the mayor said was overdue": the clause's subject is the relative
        # pronoun before the cue; what was said starts after the cue.
        first = c.left_edge.i if c.left_edge.i > verb.i else verb.i + 1
        obj = [o for o in verb.children if o.dep_ == "dobj" and verb.i < o.i < c.i]
        if c.dep_ == "xcomp" and obj:
            first = obj[0].left_edge.i  # "asked the board to resign": who is asked, too
        st = _make(verb, subj, first, last, sent)
        if st is not None:
            st.belief = c.dep_ == "xcomp"
        return st
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < sent.end else None
    if (verb.dep_ == "relcl" and nxt is not None and nxt.head is not verb
            and nxt.tag_ in ("VBZ", "VBD", "VBP", "MD")):
        # "..., which the Vice President underscored is an essential element of ...": the
        # parser attached the reported verb elsewhere; it follows the cue directly.
        return _make(verb, subj, nxt.i, sent.end - 1, sent)
    return None


def _requested(verb: Token, subj: Token, base: str, sent: Span) -> Statement | None:
    """"warned of a recession", "referred to the audit", "called for a recount": the object
    of the cue's preposition. What is called, pushed or asked for is a stance (a belief);
    what is warned of or commented on was said. A participle setting the scene of another
    statement ("Talking about the economy, she said ...") is no statement of its own; one
    after it is ("..., she said, referring to the audit")."""
    obj = vf.prep_object(verb)
    if obj is None or (verb.dep_ == "advcl" and is_cue(verb.head) and verb.i < verb.head.i):
        return None
    st = _make(verb, subj, obj.left_edge.i, obj.right_edge.i, sent)
    if st is not None:
        st.belief = base not in cues.TOPIC and (base in cues.NEEDS_CLAUSE
                                                 or base not in cues.SPEECH)
    return st


def _object_said(verb: Token, subj: Token, base: str, lem: str,
                 sent: Span) -> Statement | None:
    objects = {c.dep_: c for c in verb.children if c.i > verb.i}
    if base in cues.NAMING and "dobj" in objects and "oprd" in objects:
        # "called Trump unhinged", "calling the plan a sham": what someone was called.
        return _make(verb, subj, objects["dobj"].left_edge.i, objects["oprd"].right_edge.i,
                     sent)
    if base in cues.STATEMENT and lem not in cues.NEEDS_CLAUSE:
        # What was emphasised is the object with its complements ("termed the interaction
        # as productive"), not a following participle or conjoined verb, which are
        # statements (or acts) of their own.
        comps = [c for c in verb.children
                 if c.i > verb.i and (c.dep_ in vf.COMPLEMENTS or vf.purpose(c))]
        lead = comps[0] if comps else None
        if len(comps) > 1 and comps[0].dep_ == "dative" and comps[1].dep_ == "dobj":
            # "reaffirmed the United States' commitment to ...": a verb of statement has no
            # indirect object; the parser split a possessive from the noun it belongs to.
            lead = comps[1]
        if lead is not None and (lead.dep_ in ("dobj", "attr", "ccomp", "oprd", "xcomp") or (
                lead.dep_ == "prep" and lead.lower_ in ("on", "to"))):
            last = max(c.right_edge.i for c in comps)
            return _make(verb, subj, comps[0].left_edge.i, last, sent)
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
    return span_statement(cue, rest[0].i, rest[-1].i, sent)


def _make(verb: Token, subj: Token, first: int, last: int, sent: Span) -> Statement | None:
    return span_statement(Cue(verb, subj, cue_text(verb)), first, last, sent)


def span_statement(cue: Cue, first: int, last: int, sent: Span) -> Statement | None:
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
