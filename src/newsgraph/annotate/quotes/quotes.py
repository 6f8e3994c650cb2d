"""Quotes with resolved speakers: what the `newsgraph_quotes_v1` component finds.

Three sources, merged in text order:
- transcript turns ("MR PRICE: ...") are direct quotes of the labelled speaker; a
  journalist's turn ("QUESTION: ...") is marked `is_question`;
- quoted segments become direct quotes when they stand as speech (a cue next to them, a
  sentence of their own, a continuation of the previous paragraph's quote), and make the
  surrounding reported speech a *mixed* quote when they are a fragment inside it; scare
  quotes and titles in quotation marks are neither;
- reported speech without quotation marks (X said that ..., X emphasized ..., according to X)
  is an *indirect* quote when its speaker resolves to an entity.

Speakers are resolved in text order, so "he" can refer back to the previous speaker.
See docs/quotes.md for the rules and the span conventions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsgraph import lexicon
from newsgraph.annotate.docindex import text_of, token_at
from newsgraph.annotate.quotes import attribution as at
from newsgraph.annotate.quotes import cues, headlines, lightverbs, nominal, parenthetical, passives
from newsgraph.annotate.quotes import fragments as fr
from newsgraph.annotate.quotes.fragments import WORD, has_letters, is_fragment
from newsgraph.annotate.quotes.quotemarks import Segment, find_segments, quoted_mask, word_count
from newsgraph.annotate.quotes.sources import describe
from newsgraph.annotate.quotes.speakers import (
    FEMALE,
    MALE,
    Speaker,
    SpeakerResolver,
    described,
)
from newsgraph.annotate.quotes.subjects import conjoined_span, is_group
from newsgraph.annotate.quotes.transcripts import Turn, find_turns
from newsgraph.record import Entity, Quote

# Group words that stand for sides already named ("the leaders", "the ministers"), never an
# unnamed source (data/groups.tsv, use "speaker_group").
_NAMED_SIDES = lexicon.groups().tagged("speaker_group")
# A quoted segment that stands alone needs this many words to count as speech (shorter ones
# are mostly names and slogans).
MIN_STANDALONE_WORDS = 4
# An attribution between two quotes of one speaker is at most this long ('" he said. "').
MAX_GAP_WORDS = 8
_SENT_END = ".!?"
_SENTENCE_BREAK = re.compile(r"[.!?](?:\s|$)")
# The source of an attribution that names none ("is expected to", "it is believed that").
UNATTRIBUTED = Speaker(None, kind="unattributed")


@dataclass
class _Item:
    """A quote found but not yet given its speaker."""

    kind: str
    start: int
    end: int
    how: str  # "cue" | "inherit" | "context" | "label" | "unsourced"
    cue: at.Cue | None = None
    seg: Segment | None = None
    turn: Turn | None = None
    marks: list[int] = field(default_factory=list)  # quote-mark offsets inside a mixed span
    speaker: Speaker | None = None
    prev: _Item | None = None  # the quote this one continues


def find_quotes(doc: Doc) -> list[Quote]:
    text = text_of(doc)
    turns = find_turns(text)
    in_turn = bytearray(len(text))
    for t in turns:
        in_turn[t.label_span[0]:t.end] = b"\x01" * (t.end - t.label_span[0])
    segments = [s for s in find_segments(text) if not in_turn[s.open_at]]
    quoted = quoted_mask(text, segments)
    resolver = SpeakerResolver(doc, quoted)

    items: list[_Item] = [_Item("direct", t.start, t.end, "label", turn=t) for t in turns]
    direct, embedded = _classify(doc, segments)
    items += direct
    used = {i.cue.verb.i for i in direct if i.cue is not None and i.cue.verb is not None}
    blocked = bytearray(quoted)
    for k, v in enumerate(in_turn):
        if v:
            blocked[k] = 1
    stated = (at.statements(doc, blocked, used) + nominal.statements(doc, blocked)
              + lightverbs.statements(doc, blocked)
              + parenthetical.statements(doc, blocked, used))
    cued = used | {st.cue.verb.i for st in stated if st.cue.verb is not None}
    for st in stated + passives.statements(doc, blocked, cued):
        if any(d.seg is not None and _overlaps(st.start, st.end, *d.seg.outer) for d in direct):
            continue
        inside = [s for s in embedded if st.start <= s.open_at and s.outer[1] <= st.end + 1
                  and is_fragment(text, s)]
        kind = "belief" if st.belief else "mixed" if inside else "indirect"
        marks = [m for s in inside for m in (s.open_at, s.close_at) if m is not None]
        # A statement without a subject names no source ("it is expected that ...").
        how = "cue" if st.cue.subject is not None else "unsourced"
        items.append(_Item(kind, st.start, st.end, how, cue=st.cue, marks=marks,
                           speaker=UNATTRIBUTED if how == "unsourced" else None))
    for f in fr.closing_fragments(doc, embedded, items, blocked, used):
        items.append(_Item(f.kind, f.start, f.end, "cue", cue=f.cue, seg=f.seg, marks=f.marks))
    for f in fr.named_as(doc, embedded, items, blocked):
        items.append(_Item(f.kind, f.start, f.end, "cue", cue=f.cue, seg=f.seg, marks=f.marks))

    items.sort(key=lambda i: i.start)
    _resolve(doc, items, resolver, quoted)
    out = _records(text, items)
    title, in_title = doc._.ng_title, True
    if title is None:
        # Plain text whose headline extraction could not tell from a sentence: the first
        # line, when a short paragraph of one sentence opens a longer text.
        title, in_title = headlines.first_line(text), False
    found = _headline(title, doc._.ng_entities or [], len(out), in_title)
    return out + [q for q in found if in_title or not any(
        _overlaps(q.span[0], q.span[1], o.span[0], o.span[1]) for o in out)]


def _headline(title: str | None, entities: list[Entity], n: int,
              in_title: bool) -> list[Quote]:
    """The attribution in the headline (quotes/headlines.py); its offsets are into the title
    (`in_title`), or into the text where the headline is its first line."""
    out: list[Quote] = []
    for h in headlines.find(title or "", entities):
        ent = h.entity
        src = (title or "")[h.source[0]:h.source[1]]
        kind = None if ent is None else "person" if ent.type == "PERSON" else "organisation"
        out.append(Quote(
            id=f"q{n + len(out) + 1}", text=(title or "")[h.start:h.end],
            kind=h.kind,  # type: ignore[arg-type]
            span=[h.start, h.end], speaker=ent.name if ent is not None else (
                None if h.source_kind is not None else src),
            speaker_id=ent.id if ent is not None else None, speaker_span=list(h.source),
            cue=h.cue, speaker_kind=kind or h.source_kind,  # type: ignore[arg-type]
            source_text=src, in_title=in_title))
    return out


def _overlaps(a: int, b: int, c: int, d: int) -> bool:
    return a < d and c < b


# ---------------------------------------------------------------- quoted segments


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    return lo, (len(text) if hi < 0 else hi)


def _classify(doc: Doc, segments: list[Segment]) -> tuple[list[_Item], list[Segment]]:
    """Quoted segments -> direct quotes (with how to find the speaker) and embedded
    fragments (candidates for mixed quotes)."""
    text = text_of(doc)
    direct: list[_Item] = []
    embedded: list[Segment] = []
    by_seg: dict[int, _Item] = {}
    for i, seg in enumerate(segments):
        lo, hi = _line_bounds(text, seg.open_at)
        prev = segments[i - 1] if i > 0 else None
        nxt = segments[i + 1] if i + 1 < len(segments) else None
        pre_start = max(lo, prev.outer[1] if prev is not None and prev.line == seg.line else lo,
                        _sentence_start(doc, seg.open_at, lo))
        post_stop = min(hi, nxt.open_at if nxt is not None and nxt.line == seg.line else hi,
                        _sentence_end(doc, seg.outer[1], hi))
        # Emphasis marks around a quote (*"..."*) are layout, not words.
        before = text[pre_start:seg.open_at].rstrip(" \t*_")
        standalone = not before or before[-1] in _SENT_END + ",:;\u2014\u2013-("
        continues = (not text[lo:seg.open_at].strip() and prev is not None
                     and prev.close_at is None and prev.line < seg.line
                     and id(prev) in by_seg)
        words = word_count(text[seg.start:seg.end])
        if _is_name(text[seg.start:seg.end]):
            continue  # a title, theme or name in quotation marks, not speech
        cue = at.pre_cue(doc, seg, pre_start) or (
            at.post_cue(doc, seg, post_stop) if standalone or not before else None)
        item: _Item | None = None
        if continues:
            item = _Item("direct", seg.start, seg.end, "inherit", seg=seg,
                         prev=by_seg[id(prev)])
            if cue is not None:
                item.cue, item.how = cue, "cue"
        elif cue is not None and _attributed(text, seg, cue, before, standalone):
            item = _Item("direct", seg.start, seg.end, "cue", cue=cue, seg=seg)
        elif standalone and words >= MIN_STANDALONE_WORDS:
            follows = _follows(text, seg, by_seg.get(id(prev)) if prev is not None else None)
            if follows is not None:
                # Verbless words right after an attributed quote ('"The greed. The showing
                # off."') go on with it.
                item = _Item("direct", seg.start, seg.end, "inherit", seg=seg, prev=follows)
            elif _is_clause(doc, seg):
                item = _Item("direct", seg.start, seg.end, "context", seg=seg)
        if item is None:
            embedded.append(seg)
            continue
        by_seg[id(seg)] = item
        direct.append(item)
    return direct, embedded


def _follows(text: str, seg: Segment, prev_item: _Item | None) -> _Item | None:
    """'"...," Hegseth concluded. "They're profound."': the quote of the same line that
    `seg` continues, when only that quote's attribution lies between them (so the speaker
    is the same)."""
    prev = prev_item.seg if prev_item is not None else None
    if prev_item is None or prev is None or prev.line != seg.line:
        return None
    gap = text[prev.outer[1]:seg.open_at]
    cue_verb = prev_item.cue.verb if prev_item.cue is not None else None
    attribution_only = (cue_verb is not None and prev.outer[1] <= cue_verb.idx < seg.open_at
                        and len(_SENTENCE_BREAK.findall(gap)) <= 1)
    return prev_item if word_count(gap) <= MAX_GAP_WORDS or attribution_only else None


_MINOR = frozenset("a an the and or of for to in on at by with from as but nor vs".split())


def _is_name(quoted: str) -> bool:
    """Title Case without sentence punctuation ("Recover Together, Recover Stronger",
    "Making Peace for the World") is the name of something, not words someone said."""
    words = WORD.findall(quoted)
    if not words or re.search(r"[.!?]\s+\S", quoted.strip()):
        return False
    major = [w for w in words if w.lower() not in _MINOR]
    if len(major) < 2:
        return False
    return all(w[0].isupper() for w in major)


def _attributed(text: str, seg: Segment, cue: at.Cue, before: str, standalone: bool) -> bool:
    """Whether a cue next to a quoted segment makes it a direct quote: the segment stands
    apart from the words before it, or follows a verb of speech directly ('he yelled "You
    lie!"', 'writing "Feels great ..."'), and is words, not a name."""
    quoted = text[seg.start:seg.end]
    if not (standalone or _cue_right_before(before) or _utterance_after_verb(text, seg, cue)):
        return False
    if word_count(quoted) >= 2:
        return has_letters(quoted)
    # One word is an answer or an exclamation when punctuated as a sentence of its own
    # ('"Denver," he answered.', 'said, "No."').
    return bool(WORD.fullmatch(quoted.rstrip(",.!?"))) and _ends_utterance(text, seg)


def _utterance_after_verb(text: str, seg: Segment, cue: at.Cue) -> bool:
    """'a man yelled "Stay there!"': a verb of speech right before the opening mark, and the
    quote starts as a sentence (a capital letter) and ends as one."""
    verb = cue.verb
    if verb is None or verb.idx + len(verb.text) < len(text[:seg.open_at].rstrip()):
        return False
    return text[seg.start:seg.start + 1].isupper() and _ends_utterance(text, seg)


def _ends_utterance(text: str, seg: Segment) -> bool:
    close = seg.close_at if seg.close_at is not None else seg.end
    return text[max(seg.start, close - 1):close + 1][:1] in ",.!?"


def _cue_right_before(before: str) -> bool:
    # 'He told reporters "..."': no comma, but the words before end in a speech act.
    return bool(cues.BEFORE_QUOTE.search(before))


def _is_clause(doc: Doc, seg: Segment) -> bool:
    """A quoted sentence has a verb; a quoted title or slogan usually does not."""
    span = at.tokens_in(doc, seg.start, seg.end)
    return any(t.pos_ in ("VERB", "AUX") for t in span)


def _sentence_start(doc: Doc, pos: int, floor: int) -> int:
    """Start of the sentence the text right before `pos` belongs to (>= floor)."""
    k = pos - 1
    while k >= floor and text_of(doc)[k].isspace():
        k -= 1
    if k < floor or text_of(doc)[k] in _SENT_END:
        return pos
    tok = token_at(doc, k)
    if tok is None:
        return floor
    return max(floor, tok.sent.start_char)


def _sentence_end(doc: Doc, pos: int, ceiling: int) -> int:
    k = pos
    while k < ceiling and text_of(doc)[k].isspace():
        k += 1
    if k >= ceiling:
        return pos
    tok = token_at(doc, k)
    if tok is None:
        return ceiling
    return min(ceiling, tok.sent.end_char)


# ---------------------------------------------------------------- speakers


def _resolve(doc: Doc, items: list[_Item], resolver: SpeakerResolver,
             quoted: bytearray) -> None:
    for item in items:
        pron: str | None = None
        if item.how == "label" and item.turn is not None:
            item.speaker = _label_speaker(item.turn, resolver)
        elif item.how == "cue" and item.cue is not None:
            item.speaker, pron = _cue_speaker(item, item.cue, resolver)
        if item.speaker is None and item.prev is not None:
            item.speaker = item.prev.speaker
            if item.cue is None:
                item.cue = item.prev.cue
        if item.speaker is None and item.how == "context" and item.seg is not None:
            item.speaker = _context_speaker(doc, item.seg, resolver, quoted)
        if item.speaker is not None and item.speaker.entity is not None:
            anchor = item.speaker.span[0] if item.speaker.span else item.start
            resolver.remember(item.speaker, anchor, pron)
    # A quote continued over paragraphs may be attributed only in its last part.
    for item in reversed(items):
        if item.prev is not None and item.prev.speaker is None and item.speaker is not None:
            item.prev.speaker = item.speaker
            item.prev.cue = item.prev.cue or item.cue


def _label_speaker(t: Turn, resolver: SpeakerResolver) -> Speaker | None:
    speaker = resolver.from_label(t.label, t.name_span) if not t.is_question else None
    if speaker is None and t.role is not None:
        speaker = Speaker(t.role)
    return speaker


def _cue_speaker(item: _Item, cue: at.Cue, resolver: SpeakerResolver
                 ) -> tuple[Speaker | None, str | None]:
    """The speaker a cue names, and the pronoun it was named with (he / she), if any."""
    speaker: Speaker | None = None
    subj0 = _outside_quote(item, cue)
    subjects = [_antecedent(subj0)] if subj0 is not None else []
    # Names next to the cue stand in for a subject that names no one ("who, as
    # David Beasley said"), not for a group ("Biden and Ardern recalled").
    nearby = [] if subjects and is_group(subjects[0]) else [
        t for t in cue.nearby if not _addressed(t, cue, bool(subjects))]
    for subj in subjects + nearby:
        # "I said, "..."" quotes the speaker of a speech; "I noted that ..." is the
        # issuing voice of a statement, not a quote.
        speaker = (resolver.first_person(subj)
                   if subj.lower_ == "i" and item.kind == "direct"
                   else resolver.from_token(subj))
        if speaker is not None:
            return speaker, subj.lower_ if subj.lower_ in MALE | FEMALE else None
    for subj in subjects:
        # "The leaders emphasized ...": the joint voice of several named sides is no source.
        src = describe(subj)
        joint = conjoined_span(subj)
        if joint is not None and (src is None or src.kind != "anonymous"):
            # "Khizr and Ghazala Khan said": a joint source, kept as written.
            text = subj.doc.text[joint[0]:joint[1]]
            return Speaker(None, None, joint, "descriptor", text), None
        if src is not None and src.kind != "anonymous" and subj.lower_ in _NAMED_SIDES:
            continue
        if src is not None:
            return Speaker(None, None, src.span, src.kind, src.text, src.stands_for), None
    if item.kind == "direct" and subjects:
        return described(subjects[0]), None
    return speaker, None


def _outside_quote(item: _Item, cue: at.Cue) -> Token | None:
    """The cue's subject; where the parse took it from inside the quotation ('"We were
    wrong," Ramos, 58, told AFP' with "We" as the subject of "told"), the first noun
    between the closing mark and the cue instead."""
    subj, seg, verb = cue.subject, item.seg, cue.verb
    if subj is None or seg is None or verb is None or not seg.start <= subj.idx < seg.end:
        return subj
    between = at.tokens_in(verb.doc, seg.outer[1], verb.idx)
    return next((t for t in between if t.pos_ in ("PROPN", "NOUN", "PRON")
                 and t.dep_ != "compound"), None)


def _addressed(tok: Token, cue: at.Cue, has_subject: bool) -> bool:
    """"told Reuters", "said on Facebook", "wrote in the Post": the one the words were said
    to, or where they appeared, is not who said them. Without a subject, a name in object
    position is the speaker after the verb that the parse misread ('"...," said Under
    Secretary Zeya', with "Under" a preposition)."""
    verb = cue.verb
    if verb is None:
        return False
    if tok.head.i == verb.i and tok.dep_ in ("dobj", "dative", "iobj"):
        return has_subject
    return has_subject and tok.dep_ == "pobj" and tok.head.dep_ == "prep" \
        and tok.head.head.i == verb.i


def _antecedent(subj: Token) -> Token:
    """"the senator, who said ...", "the union, which endorsed ...": the subject of a
    relative clause is the noun it hangs on."""
    if subj.lower_ in ("who", "which", "that") and subj.head.dep_ == "relcl" \
            and subj.head.head.i != subj.i:
        return subj.head.head
    return subj


def _context_speaker(doc: Doc, seg: Segment, resolver: SpeakerResolver,
                     quoted: bytearray) -> Speaker | None:
    """A quote with no cue of its own belongs to the subject of the sentence before it
    ('Hegseth attributed ... . "Near the outset ..."'), within this or the previous
    paragraph."""
    text = text_of(doc)
    k = seg.open_at - 1
    newlines = 0
    while k >= 0 and (text[k].isspace() or text[k] in "*_"):
        newlines += text[k] == "\n"
        k -= 1
    if k < 0 or newlines > 2:
        return None
    tok = token_at(doc, k)
    if tok is None:
        return None
    root = tok.sent.root
    subj = at.speaker_subject(root)
    if subj is None or quoted[subj.idx]:
        return None
    sp = resolver.from_token(subj)
    if sp is not None and (sp.entity is None or sp.entity.type == "PERSON"):
        return sp
    return None


# ---------------------------------------------------------------- records


def _can_report(sp: Speaker | None, kind: str) -> bool:
    """Reported speech counts only with a speaker who is a person, an organisation or a
    group ("Republicans said ..."): "the United States reaffirmed ..." is a country's
    position, coded as an event, not a quote. A belief may be a country's ("Moscow
    believes ...")."""
    if sp is None:
        return False
    return sp.entity is None or sp.entity.type in ("PERSON", "ORG", "NORP") or (
        kind == "belief" and sp.entity.type == "GPE")


def _speaker_kind(sp: Speaker | None) -> str | None:
    if sp is None:
        return None
    if sp.kind is not None:
        return sp.kind
    if sp.entity is not None:
        return "person" if sp.entity.type == "PERSON" else "organisation"
    return "person" if sp.name else None


def _source_text(text: str, sp: Speaker | None) -> str | None:
    if sp is None:
        return None
    if sp.source_text is not None:
        return sp.source_text
    if sp.span is not None:
        return text[sp.span[0]:sp.span[1]]
    return sp.name


def _records(text: str, items: list[_Item]) -> list[Quote]:
    out: list[Quote] = []
    for item in items:
        if item.kind != "direct" and not _can_report(item.speaker, item.kind):
            continue
        body = text[item.start:item.end]
        if item.marks:
            drop = {m - item.start for m in item.marks}
            body = "".join(ch for k, ch in enumerate(body) if k not in drop)
        sp = item.speaker
        cue = item.cue.text if item.cue is not None and item.cue.text else None
        out.append(Quote(
            id=f"q{len(out) + 1}", text=body, kind=item.kind,  # type: ignore[arg-type]
            span=[item.start, item.end],
            speaker=sp.name if sp is not None else None,
            speaker_id=sp.id if sp is not None else None,
            speaker_span=list(sp.span) if sp is not None and sp.span is not None else None,
            cue=cue,
            is_question=bool(item.turn is not None and item.turn.is_question),
            speaker_kind=_speaker_kind(sp),  # type: ignore[arg-type]
            source_text=_source_text(text, sp),
            speaker_for=sp.stands_for if sp is not None else None))
    return out
