"""Events: PLOVER-coded events with actors, place, resolved date and modality.

Method: rules on spaCy's dependency parse, no second parse and no trained model. For each
sentence `event_rules` finds the words that carry an event and their PLOVER sense,
`modality` reads whether it happened, `event_args` reads who, where and when. Then the
codebook's own rules are applied on top:
- an act that another act governs is part of it: "urged Russia to withdraw" is one REQUEST
  (mode yield), "pledged to work together" one AGREE;
- a cooperative act that is only intended, and a promised (future) act of cooperation or aid,
  is AGREE ("hope to sign the framework", "will provide $100 million"); signing is SUPPORT
  once done, AGREE before; a declared but not yet carried-out withdrawal is CONCEDE.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.annotate.events.actors import actors_of
from newsgraph.annotate.events.args import date_of, location_of
from newsgraph.annotate.events.judge import features, judge
from newsgraph.annotate.events.rules import Candidate, sentence_candidates
from newsgraph.annotate.events.verb_rules import VerbRules
from newsgraph.annotate.events.words import is_personal
from newsgraph.annotate.grammar import subject_of
from newsgraph.annotate.modality import (
    ModalityResult,
    conditional_consequent,
    fragment_stance,
    modality_of,
)
from newsgraph.annotate.plover import COOPERATIVE, Sense, lemma, noun_sense
from newsgraph.record import Event, EventActor

# Acts that take another act as their content ("agreed to X", "urged Y to X").
GOVERNING = {"AGREE", "REQUEST", "REJECT", "THREATEN", "CONCEDE", "ACCUSE"}
SIGNING = {"sign", "ratify", "conclude", "finalize", "finalise", "ink"}
REQUEST_MODES = {  # the mode of a demand follows what is demanded
    "RETREAT": "yield", "CONCEDE": "yield", "CONSULT": "meet", "AID": "assist",
    "COOPERATE": "assist", "SUPPORT": "assist",
}
THREAT_MODES = {"SANCTION": "restrict", "ASSAULT": "violence", "COERCE": "arrest",
                "MOBILIZE": "violence"}
YIELD_WORDS = {"cease", "stop", "end", "halt", "de-escalate", "deescalate", "stand",
               "refrain", "abide", "comply"}
MEET_WORDS = {"negotiate", "engage", "return", "resume", "dialogue"}


def find_events(doc: Doc, rules: VerbRules) -> list[Event]:
    """The events of `doc`, trigger verbs given their sense by the verb `rules`."""
    return [e for e, _ in find_scored(doc, rules)]


def find_scored(doc: Doc, rules: VerbRules) -> list[tuple[Event, dict[str, str]]]:
    """The events of `doc`, each with the features the judge scored it by."""
    events: list[tuple[Event, dict[str, str]]] = []
    for sent in doc.sents:
        events.extend(sentence_scored(doc, sent, rules, start_id=len(events) + 1))
    return events


CONTENT_PREPS = {"to", "in", "on", "for", "of"}  # "committed to working", "join in condemning"


def _governs(top: Token, low: Token, purpose: bool = False, accusation: bool = False
             ) -> bool:
    """Is `low` inside the content of the act `top` ("agreed to expand", "call on X to")?
    `purpose`: purpose clauses count too ("met with X to discuss"); `accusation`: only what
    an accusation is about counts ("accused Russia of shelling")."""
    deps = {"xcomp", "ccomp", "pcomp", "prep", "acl", "conj", "dobj", "pobj", "oprd", "aux"}
    if purpose:
        deps |= {"advcl", "relcl"}
    if accusation:
        deps = {"pcomp", "prep", "pobj"}
    cur = low
    for _ in range(6):
        if cur.head == cur:
            return False
        dep = cur.dep_
        # "press Myanmar to end": an object-control verb whose infinitive the parser hung
        # as an advcl; without an object it is a purpose ("working together to impose")
        infinitive = dep == "advcl" and not accusation and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in cur.children) and any(
            c.dep_ == "dobj" for c in cur.head.children)
        if (dep not in deps and not infinitive) or (
                dep == "prep" and cur.lower_ not in CONTENT_PREPS):
            return False
        if dep == "prep" and cur.head == top and cur.i < top.i:
            return False  # a fronted phrase sets the scene: "On the eve of the Conference,"
        cur = cur.head
        if cur == top:
            return True
    return False


def _absorb(cands: list[Candidate]) -> list[Candidate]:
    """Drop acts that are the content of another act; let them set its mode."""
    keep: list[Candidate] = []
    gone: set[int] = set()
    for low in cands:
        for top in cands:
            if top is low or top.anchor.i in gone:
                continue
            # one meeting or protest told by two verbs ("met ... to discuss"); an event noun
            # ("discussed the upcoming summit") stays an event of its own
            same = low.anchor.pos_ == "VERB" and (
                top.sense.category == low.sense.category in ("CONSULT", "PROTEST", "ASSAULT")
                or (top.sense.category, low.sense.category) == ("PROTEST", "REQUEST"))
            if (top.sense.category in GOVERNING or same) and \
                    _governs(top.anchor, low.anchor, purpose=same,
                             accusation=top.sense.category == "ACCUSE") and \
                    not _own_subject(low, top):
                gone.add(low.anchor.i)
                top.sense = _content_mode(top.sense, low.sense)
                if top.sense.category in ("AGREE", "THREATEN"):  # "threatened to block X"
                    top.content.append(low)
                break
    for c in cands:
        if c.anchor.i not in gone:
            keep.append(c)
    return keep


def _own_subject(low: Candidate, top: Candidate) -> bool:
    """A conjoined clause with a subject of its own is a separate act ("X condemned ... and
    Y called on ..."); so is a clause joined to a noun."""
    a = low.anchor
    if a.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in a.children):
        return True
    if top.sense.category == "AGREE" or not a.pos_ == top.anchor.pos_ == "VERB":
        return False
    if a.dep_ == "conj" and a.tag_ == "VB" and top.anchor.tag_ in ("VBD", "VBZ", "VBP") and \
            not any(c.dep_ == "aux" for c in a.children):
        return False  # a bare infinitive cannot be coordinate with "calls": it continues
        # what is demanded ("call on China to press Russia ... and withdraw its troops")
    if a.dep_ == "conj" and a.head == top.anchor:
        return True
    if low.sense.category == top.sense.category:
        return False
    cur = a  # "threatened, detained, or kidnapped": a list of acts, each its own
    while cur.dep_ == "conj" and cur.head != cur:
        cur = cur.head
        if cur == top.anchor:
            return True
    return False


def _content_mode(top: Sense, low: Sense) -> Sense:
    if top.mode:
        return top
    if top.category in ("REQUEST", "REJECT"):
        return Sense(top.category, REQUEST_MODES.get(low.category))
    if top.category == "THREATEN":
        mode = THREAT_MODES.get(low.category)
        if low.category == "SANCTION":
            mode = {"cancel": "relations", "sever": "relations", "expel": "expel",
                    "withdraw": "relations"}.get(low.mode or "", "restrict")
        if low.category == "COERCE":
            mode = {"ban": "ban", "confiscate": "territory", "arrest": "arrest"}.get(
                low.mode or "", "restrict")
        return Sense("THREATEN", mode)
    return top


def _request_mode(c: Candidate) -> Sense:
    """'called on X to de-escalate': the wanted act has no trigger of its own."""
    if c.sense.category not in ("REQUEST", "REJECT") or c.sense.mode:
        return c.sense
    for x in c.anchor.subtree:
        if x.dep_ in ("xcomp", "ccomp", "pcomp") and x.i > c.anchor.i:
            lem = lemma(x)
            if lem in YIELD_WORDS:
                return Sense(c.sense.category, "yield")
            if lem in MEET_WORDS:
                return Sense(c.sense.category, "meet")
        if x.dep_ == "pobj" and x.head.head.i == c.anchor.i and (s := noun_sense(x)):
            mode = REQUEST_MODES.get(s.category)  # "called for an immediate ceasefire"
            if mode:
                return Sense(c.sense.category, mode)
    return c.sense


def _recode(sense: Sense, mod: ModalityResult, cand: Candidate) -> Sense:
    """The codebook's rules that depend on whether the act is done or only intended."""
    lem = lemma(cand.anchor)
    gov = lemma(cand.governor)
    if mod.modality in ("planned", "intended") and (lem in SIGNING or gov in SIGNING):
        return Sense("AGREE")
    if mod.modality == "intended" and sense.category in COOPERATIVE:
        return Sense("AGREE")
    if mod.modality == "planned" and sense.category in ("COOPERATE", "AID") and \
            _actor_subject(cand):
        return Sense("AGREE")
    if mod.modality in ("planned", "intended") and sense.category == "RETREAT":
        return Sense("CONCEDE")
    return sense


HOSTILE = {"SANCTION", "ASSAULT", "COERCE"}


def _conditional_threat(sense: Sense, mod: ModalityResult, cand: Candidate) -> bool:
    """A hostile act promised for when a condition is met, by a named actor: the main
    clause of 'if X, Y will/would ...' (not the act inside the if-clause)."""
    return sense.category in HOSTILE and mod.modality in ("hypothetical", "planned") and \
        conditional_consequent(cand.governor) and _actor_subject(cand)


def _actor_subject(cand: Candidate) -> bool:
    """Is the future act promised by someone (a subject that is an actor)?"""
    subj = subject_of(cand.governor)
    return subj is not None and is_personal(subj)


ASSAULT_MODES = [  # words near an attack -> PLOVER mode, first match wins
    ({"suicide"}, "suicide-attack"),
    ({"bomb", "bomber", "bombing", "explosive", "ied", "car-bomb", "grenade", "mine"},
     "explosives"),
    ({"missile", "rocket", "artillery", "airstrike", "drone", "shell", "shelling", "mortar",
      "tank", "air", "aerial", "ballistic"}, "heavy-weapons"),
    ({"gunman", "gunmen", "gunfire", "gun", "rifle", "shoot", "shot", "sniper"}, "firearms"),
    ({"machete", "knife", "stab", "stone", "arson", "fire"}, "primitive"),
]


def _assault_mode(cand: Candidate) -> str | None:
    near = [cand.anchor, *cand.anchor.children, *cand.anchor.head.children]
    for s in (c for c in cand.anchor.children if c.dep_ in ("nsubj", "nsubjpass", "agent")):
        near.extend(s.subtree)
    words = {lemma(t) for t in near} | {t.lower_ for t in near}
    for keys, mode in ASSAULT_MODES:
        if words & keys:
            return mode
    return None


IGO_WORDS = {"quad", "g7", "g20", "nato", "asean", "un", "eu", "au", "apec", "oas", "opec",
             "brics", "sco", "i2u2", "ministerial", "multilateral"}


def _mode_for(sense: Sense, cand: Candidate, actors: list[EventActor]) -> str | None:
    if sense.category == "ASSAULT" and sense.mode is None:
        return _assault_mode(cand)
    if sense.category != "CONSULT" or sense.mode:
        return sense.mode
    words = {lemma(t) for t in cand.anchor.subtree} | {lemma(t) for t in cand.governor.children}
    if words & {"phone", "telephone", "call", "video", "videoconference", "virtual"}:
        return "phone"
    countries = {a.affiliation for a in actors if a.affiliation}
    if words & IGO_WORDS or len(countries) >= 3:
        return "multilateral"
    return None


def sentence_events(doc: Doc, sent: Span, rules: VerbRules, start_id: int = 1
                    ) -> list[Event]:
    return [e for e, _ in sentence_scored(doc, sent, rules, start_id)]


def sentence_scored(doc: Doc, sent: Span, rules: VerbRules, start_id: int = 1
                    ) -> list[tuple[Event, dict[str, str]]]:
    """The events of one sentence with the judge's features and confidence."""
    cands = _absorb(sentence_candidates(sent, rules))
    out: list[tuple[Event, dict[str, str]]] = []
    for cand in cands:
        cand.sense = _request_mode(cand)
        # a noun with a verb that lends it tense ("held talks", "expressed support") reads
        # its stance from that verb, reached through the noun
        mod = fragment_stance(cand.governor) or modality_of(
            cand.anchor, noun_markers=cand.anchor == cand.governor)
        sense = _recode(cand.sense, mod, cand)
        if sense.category == "THREATEN" and mod.marker == "if":
            mod = ModalityResult("occurred", "past", "threat")  # a threat is conditional
        if _conditional_threat(sense, mod, cand):
            # "if Russia invades, we will impose severe costs": the statement is a threat,
            # made now (codebook 13x: threaten with sanctions / force)
            sense = _content_mode(Sense("THREATEN"), sense)
            mod = ModalityResult("occurred", "past", "if")
        location, country = location_of(doc, cand)
        date_text, date = date_of(doc, cand, mod.direction)
        period = None
        if date is not None and len(date) != 10:  # coarser than a day: keep `date` a day
            date, period = None, date
        trigger = " ".join(t.text for t in sorted(cand.trigger, key=lambda t: t.i))
        actors = actors_of(doc, cand, country)
        ev = Event(
            id=f"v{start_id + len(out)}", category=sense.category,
            mode=_mode_for(sense, cand, actors) if sense.category == cand.sense.category
            else None,
            actors=actors, location=location, location_country=country,
            date=date, date_text=date_text, period=period, modality=mod.modality,
            sentence=sent.text, span=[sent.start_char, sent.end_char], trigger=trigger)
        feats = features(cand.anchor, cand.governor, cand.rule, ev.category, ev.mode,
                         ev.modality, actors, sent)
        ev.confidence = judge().confidence(feats)
        out.append((ev, feats))
    return out
