"""Modality of an event: did it happen, is it happening, is it planned, hoped for,
hypothetical, or denied?

Read from the dependency parse around the word that carries the event: its auxiliaries
("will", "would", "did not"), the verbs that govern it ("hope to", "plan to", "continue to",
"refused to" is handled as an event of its own), conditional clauses ("if"), and for event
nouns their modifiers ("the upcoming summit", "ongoing negotiations"). The same rules apply
inside quotes: "we hope to do very shortly" is intended wherever it stands.

The tense found on the way gives the direction in which a date like "on Tuesday" resolves.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph import lexicon
from newsgraph.annotate.dates import Direction
from newsgraph.annotate.plover import INTEND_VERBS, PLAN_VERBS, lemma
from newsgraph.record import Modality

PLANNED_ADJ = set("upcoming forthcoming planned proposed scheduled next future coming "
                  "expected prospective pending outstanding".split())
ONGOING_ADJ = set("ongoing continuing current continued underway".split())
PAST_ADJ = set("recent last previous past former earlier".split())
HYPOTHETICAL_ADJ = set("possible potential hypothetical".split())
# Nouns whose to-infinitive is a plan or an intention ("decision to withdraw", "intent to").
PLAN_NOUNS = set("plan plans decision proposal schedule agenda".split())
INTEND_NOUNS = set("intent intention interest hope desire willingness readiness aim goal "
                   "wish ambition aspiration".split())
READY_ADJ = set("ready willing eager prepared keen determined excited".split())
HYPOTHETICAL_MODALS = {"would", "could", "might", "may", "should", "can", "must"}
FUTURE_MODALS = {"will", "shall"}
CONDITIONAL_MARKS = {"if", "unless", "whether", "should", "lest"}
# Reporting verbs: "announced that X would" reports a plan (data/cue_verbs.tsv).
REPORTING = lexicon.cue_verbs().tagged("reports_plan")
# Verbs whose that-clause, as a to-infinitive, is an aim ("the first thing is to see that
# Russia withdraws its forces").
AIM_VERBS = {"see", "ensure"}
# Verbs whose complement clause shares their stance ("we hope we can finalize").
ATTITUDE = INTEND_VERBS | {"plan"}
# States that last: in the present passive they are going on ("who is wrongfully detained").
DURATIVE = set("detain imprison jail hold occupy ban restrict blockade besiege deploy station "
               "block".split())


@dataclass
class ModalityResult:
    modality: Modality
    direction: Direction  # how to resolve "on Tuesday" for this event
    marker: str | None = None  # the word that decided it


def _children(tok: Token, deps: set[str]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _lends_stance(tok: Token) -> bool:
    """Whether `tok` takes its stance or tense from its head, so the chain goes on up."""
    dep, head = tok.dep_, tok.head
    if dep == "xcomp" or dep == "pcomp":
        return True
    if dep == "prep" and tok.pos_ == "ADP":
        return True
    if dep == "ccomp" and lemma(head) in ATTITUDE:
        return True
    if dep == "conj" and tok.tag_ in ("VB", "VBG", "VBN") and not _children(
            tok, {"aux", "auxpass", "nsubj"}) and (tok.tag_ in ("VB", "VBG", head.tag_)
                                                   or head.pos_ != "VERB"):
        return True  # "will travel to X and meet Y": "meet" shares "will"; a past form
        # joined to a bare verb is a clause of its own ("continue to reject ...,
        # condemned hate speech")
    if dep == "advcl" and _children(tok, {"aux"}) and any(
            c.lower_ == "to" for c in _children(tok, {"aux"})):
        return True  # purpose clause: "met ... to discuss"
    if dep == "acl" and head.pos_ in ("NOUN", "PROPN"):
        return True  # "the decision to withdraw", "ongoing efforts to rally"
    if dep == "acomp" and (lemma(tok) in READY_ADJ or tok.lower_ in ("able", "unable",
                                                                     "about")):
        return True  # "we'll be able to discuss", "is about to impose"
    # an event noun takes the stance of the verb it hangs from
    return tok.pos_ in ("NOUN", "PROPN") and dep in ("pobj", "dobj", "nsubj", "nsubjpass",
                                                      "attr", "appos", "conj")


def _chain(anchor: Token) -> list[Token]:
    """The anchor and the governing words that lend it their stance or tense."""
    chain = [anchor]
    tok = anchor
    for _ in range(8):
        if tok.head == tok or not _lends_stance(tok):
            break
        tok = tok.head
        chain.append(tok)
    return chain


def _aux(tok: Token) -> list[Token]:
    return _children(tok, {"aux", "auxpass"})


def _is_negated(tok: Token) -> bool:
    for c in tok.children:
        if c.dep_ == "neg":
            nxt = c.doc[c.i + 1] if c.i + 1 < len(c.doc) else None
            if nxt is not None and nxt.lower_ in ("only", "just"):
                continue  # "not only ... but also"
            return True
        if c.dep_ == "det" and c.lower_ == "no" and tok.pos_ == "NOUN":
            return True
        if c.dep_ == "advmod" and c.lower_ == "longer" and c.i > 0 and \
                c.doc[c.i - 1].lower_ == "no":
            return True
    return lemma(tok) in ("fail", "refrain") or (
        tok.lower_ == "yet" and tok.dep_ == "advmod" and tok.head.lower_ in ("has", "have"))


def _conditional(tok: Token) -> bool:
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in tok.children):
        return True
    for c in _children(tok, {"advcl"}):
        if any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
            return True
    return False


def conditional_consequent(anchor: Token) -> bool:
    """Is the act said to follow from an if/unless clause, with 'will' or 'would'
    ("if Russia invades, the United States will respond and impose costs")?"""
    chain = _chain(anchor)
    modal = any(a.lower_ in ("will", "would", "'ll", "wo") for t in chain for a in _aux(t))
    return modal and any(
        any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
        for t in chain for c in _children(t, {"advcl"}))


def _future_in_past(chain: list[Token]) -> bool:
    """'announced that the United States would provide': a report of a plan, not a guess."""
    top = chain[-1]
    return top.dep_ == "ccomp" and lemma(top.head) in REPORTING and top.head.tag_ == "VBD"


def _noun_markers(noun: Token) -> ModalityResult | None:
    for c in noun.children:
        w = c.lower_
        if c.dep_ in ("amod", "compound", "advmod", "nmod") or (c.dep_ == "poss"):
            if w in PLANNED_ADJ:
                return ModalityResult("planned", "future", c.text)
            if w in ONGOING_ADJ:
                return ModalityResult("ongoing", "unknown", c.text)
            if w in PAST_ADJ:
                return ModalityResult("occurred", "past", c.text)
            if w in HYPOTHETICAL_ADJ:
                return ModalityResult("hypothetical", "future", c.text)
        if c.dep_ in ("acl", "relcl") and c.tag_ == "VBN" and any(
                a.lower_ == "to" for a in _children(c, {"aux", "auxpass"})):
            return ModalityResult("planned", "future", "to be " + c.text)  # "to be held"
        if c.dep_ == "acl" and c.tag_ == "VB" and lemma(c) in ("take", "be"):
            if any(a.lower_ == "to" for a in _children(c, {"aux"})):
                return ModalityResult("planned", "future", "to " + c.text)
    return None


def _yes_no_question(top: Token) -> bool:
    """'Are you willing to make concessions?', 'Will they meet?': a question asserts nothing
    (the verb or auxiliary comes before the subject, and the sentence ends in '?')."""
    if not top.sent.text.rstrip().endswith("?"):
        return False
    subj = [c for c in top.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if not subj:
        return False
    before = [c for c in top.children if c.dep_ in ("aux", "auxpass") and c.i < subj[0].i]
    return bool(before) or (top.pos_ == "AUX" and top.i < subj[0].i)


def _ahead_of(noun: Token) -> bool:
    """'ahead of the summit', 'in advance of the Ninth Summit', 'on the eve of the
    Conference': an event still to come."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ != "of":
        return False
    frame = head.head.lower_
    return frame in ("ahead", "eve") or (frame == "advance" and head.head.head.lower_ == "in")


def _own_noun_stance(noun: Token) -> ModalityResult | None:
    """An event noun's own words: "ahead of the summit", "the upcoming summit"."""
    if _ahead_of(noun):
        return ModalityResult("planned", "future", "ahead of")
    found = _noun_markers(noun)
    if found is None:
        return None
    if found.modality != "occurred" and any(_is_negated(t) for t in _chain(noun)):
        return ModalityResult("negated", found.direction, "not")
    return found


def _as_though(anchor: Token, chain: list[Token]) -> ModalityResult | None:
    """"It is not as though we accuse X": an act in an as-though / as-if clause did not
    happen; under a negation it is denied, otherwise only imagined."""
    top = chain[-1]
    marks = {c.lower_ for c in top.children if c.dep_ == "mark"}
    if top.dep_ != "advcl" or "as" not in marks or not marks & {"though", "if"}:
        return None
    if _is_negated(top.head):
        return ModalityResult("negated", "past", "not as though")
    return ModalityResult("hypothetical", "future", "as though")


def _negated(anchor: Token, chain: list[Token]) -> ModalityResult | None:
    """Negation of the act itself or of the verb that carries it."""
    if not any(_is_negated(t) for t in chain):
        return None
    future = any(a.lower_ in FUTURE_MODALS for x in chain for a in _aux(x))
    return ModalityResult("negated", "future" if future else "past", "not")


def _question(anchor: Token, chain: list[Token]) -> ModalityResult | None:
    if _yes_no_question(chain[-1]):
        return ModalityResult("hypothetical", "future", "?")
    return None


def _intended_at(anchor: Token, t: Token) -> ModalityResult | None:
    lem = lemma(t)
    if t.dep_ == "ccomp" and lemma(t.head) in AIM_VERBS and any(
            a.lower_ == "to" for a in _aux(t.head)):
        return ModalityResult("intended", "future", t.head.text)  # "to see that X"
    if lem in INTEND_VERBS and t != anchor:
        if lem == "look" and not any(c.lower_ == "forward" for c in t.children):
            return None
        return ModalityResult("intended", "future", t.text)
    if t.dep_ == "acl" and lemma(t.head) in INTEND_NOUNS:
        return ModalityResult("intended", "future", t.head.text)
    if t.dep_ in ("xcomp",) and lemma(t.head) in READY_ADJ:
        return ModalityResult("intended", "future", t.head.text)
    if any(a.lower_ == "would" for a in _aux(t)) and any(c.lower_ == "like" for c in [t]):
        return ModalityResult("intended", "future", "would like")
    return None


def _intended(anchor: Token, chain: list[Token]) -> ModalityResult | None:
    """"hope to", "intend to", "look forward to", "the intention to", "ready to"."""
    return next((r for t in chain if (r := _intended_at(anchor, t)) is not None), None)


def _hypothetical(anchor: Token, chain: list[Token]) -> ModalityResult | None:
    """An if-clause or a modal ("would", "could", "may"); "announced that X would" is a
    report of a plan."""
    for t in chain:
        if _conditional(t):
            return ModalityResult("hypothetical", "future", "if")
        for a in _aux(t):
            if a.lower_ in HYPOTHETICAL_MODALS or lemma(a) in HYPOTHETICAL_MODALS:
                if lemma(a) == "would" and _future_in_past(chain):
                    return ModalityResult("planned", "future", a.text)
                return ModalityResult("hypothetical", "future", a.text)
    return None


def _planned_verb_at(anchor: Token, t: Token) -> ModalityResult | None:
    lem = lemma(t)
    if lem in PLAN_VERBS and t != anchor:
        return ModalityResult("planned", "future", t.text)
    if t.dep_ == "acl" and lemma(t.head) in PLAN_NOUNS:
        return ModalityResult("planned", "future", t.head.text)
    if lem == "go" and t.tag_ == "VBG" and any(lemma(a) == "be" for a in _aux(t)):
        return ModalityResult("planned", "future", "going to")
    if lem == "be" and t != anchor and t.tag_ in ("VBZ", "VBP") and \
            any(c.dep_ == "xcomp" for c in t.children):
        return ModalityResult("planned", "future", "is to")
    return None


def _planned_at(anchor: Token, t: Token) -> ModalityResult | None:
    for a in _aux(t):
        if lemma(a) in FUTURE_MODALS:
            return ModalityResult("planned", "future", a.text)
    found = _planned_verb_at(anchor, t)
    if found is not None:
        return found
    if t.pos_ in ("NOUN", "PROPN") and t != anchor:
        found = _noun_markers(t)
        if found is not None and found.modality in ("planned", "hypothetical", "ongoing"):
            return found
    if t.lower_ == "about" and any(c.dep_ == "xcomp" for c in t.children):
        return ModalityResult("planned", "future", "about to")
    return None


def _planned(anchor: Token, chain: list[Token]) -> ModalityResult | None:
    """"will", "plan to", "the decision to", "going to", "is to", "the upcoming ...",
    "about to"."""
    return next((r for t in chain if (r := _planned_at(anchor, t)) is not None), None)


def _ongoing_passive(t: Token) -> bool:
    """"is being held", or a lasting state in the present passive ("is detained")."""
    pas = [a for a in _aux(t) if a.dep_ == "auxpass"]
    return bool(pas) and t.tag_ == "VBN" and (
        any(a.lower_ == "being" for a in pas) and any(a.tag_ in ("VBZ", "VBP") for a in _aux(t))
        or lemma(t) in DURATIVE and any(a.tag_ in ("VBZ", "VBP") for a in pas))


def _ongoing_at(t: Token) -> ModalityResult | None:
    if lemma(t) == "continue" and t.tag_ in ("VBZ", "VBP", "VBG"):
        return ModalityResult("ongoing", "unknown", t.text)
    if t.tag_ == "VBG" and any(lemma(a) == "be" and a.tag_ in ("VBZ", "VBP")
                               for a in _aux(t)):
        return ModalityResult("ongoing", "unknown", t.text)
    if t.tag_ == "VBG" and any(a.lower_ == "been" for a in _aux(t)) and any(
            a.tag_ in ("VBZ", "VBP") for a in _aux(t)):
        return ModalityResult("ongoing", "unknown", t.text)
    if any(c.lower_ in ("currently", "underway", "still") for c in t.children) and \
            t.tag_ in ("VBZ", "VBP", "VBG"):
        return ModalityResult("ongoing", "unknown", "currently")
    if t.tag_ in ("VBZ", "VBP") and t.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in ("as", "while") for c in t.children):
        return ModalityResult("ongoing", "unknown", "as")  # "even as we withdraw"
    if _ongoing_passive(t):
        return ModalityResult("ongoing", "unknown", t.text)
    return None


def _ongoing(anchor: Token, chain: list[Token]) -> ModalityResult | None:
    """"continues to", "is meeting", "has been meeting", "currently", "is being held"."""
    return next((r for t in chain if (r := _ongoing_at(t)) is not None), None)


# The stances in the order they are looked for: the first that the chain shows decides.
_STANCES = (_as_though, _negated, _question, _intended, _hypothetical, _planned, _ongoing)


def modality_of(anchor: Token, noun_markers: bool = True) -> ModalityResult:
    """The modality of the event carried by `anchor` (a verb, or an event noun).

    `noun_markers=False` ignores the noun's own modifiers: in "reiterated their ongoing
    commitment" the act is the reiteration, which happened."""
    if anchor.pos_ in ("NOUN", "PROPN") and noun_markers:
        found = _own_noun_stance(anchor)
        if found is not None:
            return found
    chain = _chain(anchor)
    for stance in _STANCES:
        found = stance(anchor, chain)
        if found is not None:
            return found
    return ModalityResult("occurred", "past", None)


def fragment_stance(verb: Token) -> ModalityResult | None:
    """A sentence cut short by stray punctuation ("... enhance interoperability. between our
    militaries, and then formally sign ...") continues the stance of the one before: a bare
    verb with no subject or auxiliary in a sentence that starts in lower case."""
    sent = verb.sent
    first = sent[0]
    if not first.is_lower or sent.start == 0:
        return None
    if verb.tag_ != "VB" or any(c.dep_ in ("aux", "nsubj") for c in verb.children):
        return None
    prev = verb.doc[sent.start - 1].sent
    verbs = [t for t in prev if t.pos_ == "VERB"]
    if not verbs:
        return None
    carried = modality_of(verbs[-1])
    return carried if carried.modality in ("intended", "planned", "hypothetical") else None
