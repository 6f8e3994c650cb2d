"""Which tokens of a sentence carry an event, and in which PLOVER sense.

Three ways a sentence states an event:
- a trigger verb, its sense checked against its arguments ("met the leaders" vs "met the
  target"; "call on X to" vs "call X"; "deploy troops" vs "deploy technology");
- a verb that says nothing by itself but lends its tense to an event noun: a light verb
  ("held talks", "imposed sanctions") or a communication verb ("expressed support",
  "reiterated their condemnation", "voiced concern");
- an event noun in a context that makes it a particular event ("the upcoming summit",
  "talks to be held", "at the Quad summit"); event nouns that are only the topic of another
  act ("condemned Russia's attacks") are not events of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from newsgraph.annotate.events.verb_rules import VerbRules
from newsgraph.annotate.events.verb_senses import phrasal, refine_verb
from newsgraph.annotate.events.words import (
    WEAPONS,
    adjectival_participle,
    aid_mode,
    has_prt,
    is_personal,
    kids,
    lems,
    objects,
    prep_objs,
)
from newsgraph.annotate.plover import (
    CARRIERS,
    LIGHT_VERBS,
    Sense,
    lemma,
    noun_sense,
    verb_sense,
)


@dataclass
class Candidate:
    """One event found in a sentence, before its arguments are read."""

    anchor: Token  # the word the event is about (verb or event noun)
    sense: Sense
    governor: Token  # the verb whose tense and stance the event takes
    trigger: list[Token] = field(default_factory=list)
    reversed_roles: bool = False  # "X hosted Y": the guest is the source
    # Acts that are the content of this one ("agreed to provide aid to X").
    content: list[Candidate] = field(default_factory=list)
    # Which way of stating an event found it: verb, phrasal, fire, carrier, light,
    # concerned, noun (a feature of the event judge).
    rule: str = "verb"


ADJECTIVAL = {"commit", "oppose"}  # "we are committed to", "are opposed to"


def verb_candidate(v: Token, rules: VerbRules) -> Candidate | None:
    """The event verb `v` states, its sense checked by the verb `rules`."""
    if v.tag_ in ("JJ", "VBN") and v.dep_ in ("acomp", "ROOT", "conj") and \
            lemma(v) in ADJECTIVAL:
        sense = verb_sense(v)
        return Candidate(v, sense, v, [v], rule="adjectival") if sense else None
    if not (v.pos_ == "VERB" or v.tag_.startswith("VB")) or adjectival_participle(v):
        return None
    phr = phrasal(v)
    if phr is not None:
        return Candidate(v, phr, v, [v] + [c for c in v.children if c.dep_ == "prt"],
                         rule="phrasal")
    if lemma(v) == "fire":
        targets = prep_objs(v, "on", "at", "upon", "into", "toward", "towards")
        weapons = set().union(*(lems(o) for o in kids(v, "dobj"))) & (
            WEAPONS | {"missiles", "rockets", "shell", "shells", "mortar", "artillery"})
        if weapons:  # "fired a missile into the sea" is a show of force; "at a city" an attack
            hit = any(is_personal(t) or t.ent_type_ in ("GPE", "FAC", "LOC") for t in targets)
            sense = Sense("ASSAULT", "heavy-weapons") if hit else Sense("MOBILIZE", "weapons")
            return Candidate(v, sense, v, [v], rule="fire")
        if targets:
            return Candidate(v, Sense("ASSAULT", "firearms"), v, [v], rule="fire")
        return None
    sense = verb_sense(v)
    if sense is None:
        return None
    refined = refine_verb(v, sense, rules)
    if refined is None:
        return None
    row = rules.explain(v, sense)
    return Candidate(v, refined, v, [v], reversed_roles=lemma(v) in ("host", "receive") or (
        lemma(v) == "welcome" and refined.category == "CONSULT"),
        rule="verb" if row is None else f"verb:{row.when}")


# ------------------------------------------------------------------ nouns

CARRIER_NOUNS = {
    "support": "SUPPORT", "solidarity": "SUPPORT", "condolence": "SUPPORT",
    "sympathy": "SUPPORT", "gratitude": "SUPPORT", "appreciation": "SUPPORT",
    "thanks": "SUPPORT", "congratulation": "SUPPORT", "friendship": "SUPPORT",
    "admiration": "SUPPORT", "respect": "SUPPORT", "backing": "SUPPORT",
    "commitment": "AGREE", "pledge": "AGREE", "promise": "AGREE", "intent": "AGREE",
    "resolve": "AGREE", "determination": "AGREE",
    "intention": "AGREE", "desire": "AGREE", "willingness": "AGREE", "interest": "AGREE",
    "concern": "ACCUSE", "condemnation": "ACCUSE", "outrage": "ACCUSE", "alarm": "ACCUSE",
    "dismay": "ACCUSE", "disappointment": "ACCUSE", "displeasure": "ACCUSE",
    "opposition": "REJECT", "objection": "REJECT", "rejection": "REJECT",
}
BONDS = {"partnership", "relationship", "alliance", "tie", "cooperation", "friendship",
         "bond"}
# Carrier nouns that mean an act only with a to-infinitive ("interest in" is not a pledge).
NEED_INFINITIVE = {"intent", "intention", "desire", "willingness", "interest", "resolve",
                   "determination"}


def _infinitive(noun: Token) -> bool:
    for c in noun.children:
        if c.dep_ == "acl" and any(a.lower_ == "to" for a in kids(c, "aux")):
            return True
        if c.dep_ == "prep" and c.lower_ == "to" and any(
                p.tag_ == "VBG" for p in kids(c, "pcomp", "pobj")):
            return True
    return False


def carrier_candidates(v: Token) -> list[Candidate]:
    """'expressed support', 'reaffirmed their commitment to', 'voiced concern'."""
    if lemma(v) not in CARRIERS:
        return []
    out = []
    for o in objects(v):
        cat = CARRIER_NOUNS.get(lemma(o)) or CARRIER_NOUNS.get(lemma(o).rstrip("s"))
        if lemma(o) in ("importance", "value", "strength", "significance", "centrality") and \
                any(lemma(x).rstrip("s") in BONDS for x in prep_objs(o, "of")):
            cat = "SUPPORT"  # "reaffirmed the importance of the U.S.-Romania partnership"
        if cat is None:
            continue
        if cat == "AGREE":
            if lemma(o) in NEED_INFINITIVE and not _infinitive(o):
                continue
            if not _infinitive(o) and lemma(o) == "commitment":
                cat = "SUPPORT"  # "reaffirmed their commitment to Israel's security"
        if lemma(v) == "offer" and lemma(o) in ("support", "backing"):
            cat = "AGREE"  # "offered continued U.S. support" is a promise of it
        mode = "disapprove" if cat == "ACCUSE" else None
        out.append(Candidate(o, Sense(cat, mode), v, [v, o], rule="carrier"))
    return out


def concerned_candidate(adj: Token) -> Candidate | None:
    """'remain gravely concerned about Russia's build-up', 'concerned by'."""
    if adj.lower_ != "concerned" or adj.dep_ not in ("acomp", "ROOT", "xcomp", "conj"):
        return None
    if not prep_objs(adj, "about", "by", "over", "at", "with"):
        return None
    return Candidate(adj, Sense("ACCUSE", "disapprove"), adj.head if adj.dep_ == "acomp"
                     else adj, [adj], rule="concerned")


LIGHT_PREPS = {"in", "on"}  # "participate in talks", "engage in negotiations"


def light_candidates(v: Token) -> list[Candidate]:
    """An event noun governed by a verb that only lends it tense: 'held talks'."""
    lem = lemma(v)
    if lem == "look" and has_prt(v, "forward"):
        nouns = prep_objs(v, "to")  # "look forward to a fruitful meeting"
    elif lem in LIGHT_VERBS:
        nouns = objects(v) + [p for p in prep_objs(v, *LIGHT_PREPS)]
        for o in list(nouns):
            if o.ent_type_ == "MONEY":  # "announced $2.8 billion in food assistance"
                nouns += prep_objs(o, "in", "of")
    else:
        return []
    out = []
    for n in nouns:
        s = refine_noun(n, noun_sense(n))
        if s is None or n.pos_ not in ("NOUN", "PROPN") or n.ent_type_ in NOT_EVENTS:
            continue
        if lemma(v) in ("reach", "finalize", "finalise", "conclude") and s.category == "AGREE":
            s = Sense("AGREE")
        if lemma(v) == "sign" and s.category == "AGREE":
            continue  # "signed an agreement": the verb is the event
        out.append(Candidate(n, s, v, [v, n], reversed_roles=lemma(v) == "host",
                             rule="light"))
    return out


EVENT_PREPS = {"at", "during", "after", "following", "before", "ahead", "for", "since",
               "throughout", "amid", "on"}
FRAME_NOUNS = {"occasion", "sideline", "sidelines", "margin", "margins", "eve", "start",
               "end", "opening", "conclusion", "outcome", "beginning", "day", "close",
               "wake", "run-up", "preparation", "preparations", "anniversary", "advance",
               "ahead"}
HAPPEN_VERBS = {"take", "hold", "begin", "start", "open", "conclude", "end", "convene",
                "resume", "continue", "kick", "come", "happen", "occur", "mark", "be",
                "bring", "include", "involve", "set", "proceed"}


FREEDOMS = {"freedom", "truth", "democracy", "right", "press", "media", "speech",
            "expression", "liberty", "independence", "information", "journalism"}


CONTAINERS = {"package", "programme", "program", "tranche", "shipment", "consignment",
              "round", "set", "wave", "series"}


def refine_noun(n: Token, sense: Sense | None) -> Sense | None:
    """'an assault on media freedom' is repression, not violence; 'an aid package' is aid."""
    if lemma(n).rstrip("s") == "engagement":  # "the engagements between Biden and Xi"
        met = prep_objs(n, "between", "with")
        return Sense("CONSULT") if any(is_personal(m) for m in met) else None
    if sense is not None and lemma(n) == "pause":  # a truce, not "a pause in the talks"
        words = {lemma(c) for c in n.children} | set().union(
            *(lems(o) for o in prep_objs(n, "in")))
        return sense if words & {"humanitarian", "fighting", "hostility", "hostilities",
                                 "war", "combat"} else None
    if sense is None and lemma(n) in CONTAINERS:
        return _container_sense(n)
    if _unarmed_launch(n, sense):
        return None  # "the launch of a new airline", "a performance test"
    if sense is None or sense.category != "ASSAULT":
        return sense
    targets = set().union(*(lems(o) for o in prep_objs(n, "on", "against")))
    if targets & FREEDOMS:
        censor = targets & {"press", "media", "speech", "expression", "truth",
                            "information", "journalism"}
        return Sense("COERCE", "censor" if censor else "restrict")
    return sense


def _container_sense(n: Token) -> Sense | None:
    """"a new military aid package", "a new round of talks": the sense of what it holds."""
    for c in n.children:
        inner = noun_sense(c) if c.dep_ in ("compound", "nmod") else None
        if c.dep_ == "prep" and c.lower_ == "of":
            inner = next((noun_sense(p) for p in kids(c, "pobj") if noun_sense(p)), None)
        if inner is not None:
            if inner.category == "AID":
                return Sense("AID", aid_mode({lemma(t) for t in n.subtree}))
            return inner
    return None


def _unarmed_launch(n: Token, sense: Sense | None) -> bool:
    """A launch or a test with no weapon named is no show of force."""
    return sense is not None and sense.category == "MOBILIZE" and \
        lemma(n) in ("launch", "test") and not {lemma(t) for t in n.subtree} & WEAPONS


NOT_EVENTS = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}


def _scheduled(n: Token) -> bool:
    """'the upcoming State Visit': a particular meeting even as the topic of another act."""
    return any(c.lower_ in ("upcoming", "forthcoming", "planned", "scheduled", "next")
               for c in n.children if c.dep_ in ("amod", "compound", "nmod"))


def _standalone_sense(n: Token, claimed: set[int]) -> Sense | None:
    """The sense of event noun `n` if it may be an event of its own, not only a topic."""
    if n.pos_ not in ("NOUN", "PROPN") or n.ent_type_ in NOT_EVENTS:
        return None
    if n.i in claimed and not (noun_sense(n) and noun_sense(n).category == "CONSULT"  # type: ignore[union-attr]
                               and _scheduled(n)):
        return None
    s = refine_noun(n, noun_sense(n))
    if s is None:
        return None
    if s.category in ("AGREE", "SUPPORT", "REQUEST", "REJECT", "ACCUSE") or (
            s.category == "THREATEN" and not _owned(n)):
        return None  # verbal acts need their verb ("expressed support"); "Erdogan's
        # threats" name the one who made them
    if lemma(n) in ("assistance", "aid", "support", "cooperation", "collaboration",
                    "war", "fighting", "hostilities", "concern", "deal", "sale") and \
            not _scheduled(n):
        return None  # mostly topics; their events come through verbs ("forthcoming
        # assistance" is a particular one)
    if n.lower_ == "demonstration" and prep_objs(n, "of"):
        return None
    return s


def _eventive_modifier(n: Token) -> bool:
    """A word of the noun that makes it a particular event ("the upcoming summit",
    "today's meeting", "talks to be held")."""
    for c in n.children:
        if c.dep_ in ("amod", "advmod", "nmod", "compound") and c.lower_ in (
                "upcoming", "forthcoming", "planned", "scheduled", "next", "recent",
                "ongoing", "first", "inaugural", "annual", "today", "tomorrow", "proposed",
                "virtual", "continuing", "latest", "last", "future"):
            return True
        if c.dep_ == "poss" and c.lower_ in ("today", "tomorrow", "today's", "tomorrow's"):
            return True
        if c.dep_ in ("acl", "relcl") and lemma(c) in ("hold", "take", "schedule", "plan",
                                                        "convene"):
            return True
    return False


def _eventive_place(n: Token) -> bool:
    """Where the noun stands makes it a particular event ("at the summit", "on the
    occasion of the Dialogue", "the talks took place", "there was a protest")."""
    head = n.head
    if n.dep_ == "pobj" and head.lower_ in EVENT_PREPS and (
            head.lower_ != "for" or head.head.pos_ not in ("NOUN", "PROPN")):
        return True  # "travelled to Tokyo for the summit"; not "Advisor for the Summit"
    if n.dep_ == "pobj" and head.lower_ == "of" and lemma(head.head) in FRAME_NOUNS:
        return True
    if n.dep_ in ("nsubj", "nsubjpass") and lemma(head) in HAPPEN_VERBS and not \
            lemma(head) == "be":
        return True
    if _existential(n):  # "there was a huge protest", "if there were an attack"
        return True
    # the sentence's own predication; "the meeting between X and Y is"
    return n.dep_ == "ROOT" or (n.dep_ in ("nsubj", "nsubjpass") and bool(prep_objs(n, "between")))


def noun_candidate(n: Token, claimed: set[int]) -> Candidate | None:
    """An event noun standing on its own as a particular event."""
    s = _standalone_sense(n, claimed)
    if s is None or not (_eventive_modifier(n) or _eventive_place(n)):
        return None
    return Candidate(n, s, n, [n], rule="noun")


def _owned(n: Token) -> bool:
    """Does an act noun name who did it ("Erdogan's latest threats", "threats by Iran")?"""
    return any(c.dep_ == "poss" and is_personal(c) for c in n.children) or any(
        is_personal(o) for o in prep_objs(n, "by", "from"))


QUANTITY_NOUNS = {"couple", "number", "series", "string", "wave", "spate", "handful", "lot"}


def _existential(n: Token) -> bool:
    """Is `n` what a 'there is / there were' clause says exists (also 'a couple of X')?"""
    if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lower_ in QUANTITY_NOUNS:
        n = n.head.head
    if n.dep_ not in ("attr", "nsubj") or lemma(n.head) != "be":
        return False
    if n.tag_ == "NN" and not any(c.dep_ in ("det", "poss", "nummod") for c in n.children):
        return False  # "there was even talk of ...": a rumour, not a particular event
    if n.dep_ == "attr" and not any(c.dep_ in ("nsubj", "csubj", "expl")
                                    for c in n.head.children):
        return True  # "has already been a couple of pauses": the subject left out
    # "there are - has already been a couple of pauses": the expletive may sit on a
    # neighbouring 'be' the parser split off
    bes = [n.head] + [h for h in (n.head.head, *n.head.children) if lemma(h) == "be"]
    return any(c.dep_ == "expl" for b in bes for c in b.children)


def sentence_candidates(sent: Span, rules: VerbRules) -> list[Candidate]:
    """Every event candidate of the sentence, at most one per anchor token; the verb `rules`
    give trigger verbs their sense."""
    found: dict[int, Candidate] = {}
    light_governors: set[int] = set()
    for t in sent:
        for c in carrier_candidates(t) + light_candidates(t):
            found.setdefault(c.anchor.i, c)
            light_governors.add(t.i)
        cc = concerned_candidate(t)
        if cc is not None:
            found.setdefault(cc.anchor.i, cc)
    for t in sent:
        if t.i in found or t.i in light_governors:
            continue
        vc = verb_candidate(t, rules)
        if vc is not None:
            found[t.i] = vc
    claimed = set(found) | _topic_nouns(sent, found)
    for t in sent:
        nc = noun_candidate(t, claimed)
        if nc is not None:
            found[t.i] = nc
    return [found[i] for i in sorted(found)]


def _topic_nouns(sent: Span, found: dict[int, Candidate]) -> set[int]:
    """Nouns inside the object of another event ("condemned Russia's attacks")."""
    out: set[int] = set()
    for c in found.values():
        if c.anchor.pos_ in ("NOUN", "PROPN"):
            continue
        for o in objects(c.anchor) + prep_objs(c.anchor, "of", "about", "over", "for",
                                                  "on", "against"):
            if o.dep_ == "pobj" and o.head.i < c.anchor.i:
                continue  # a fronted phrase sets the scene: "On the eve of the Conference,"
            out.update(t.i for t in o.subtree)
    return out
