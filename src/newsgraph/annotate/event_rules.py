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

from newsgraph.annotate.plover import (
    CARRIERS,
    LIGHT_VERBS,
    Sense,
    lemma,
    noun_sense,
    verb_sense,
)

PEOPLE = set("people civilian person citizen national hostage prisoner detainee journalist "
             "protester protestor activist official leader minister president diplomat student "
             "child woman man family member soldier worker refugee migrant dissident "
             "individual counterpart delegation team representative envoy ambassador "
             "participant group community mariner american volunteer opposition chancellor "
             "secretary premier king queen prince crew staff employee parliamentarian "
             "lawmaker senator governor mayor commander general admiral officer partner ally "
             "country nation government authority administration regime agency organization "
             "organisation institution council side junta militia rebel insurgent army "
             "military force police troop navy guard party movement faction cartel gang "
             "terrorist militant demonstrator crowd rioter supporter villager resident "
             "worker".split())
AID_WORDS = set("assistance aid support funding fund funds money dollar million billion dose "
                "vaccine weapon arm equipment ammunition food loan grant relief supply system "
                "aircraft missile training vehicle hospital ventilator shelter medicine "
                "package contribution financing investment".split())
MILITARY = set("military security defense defence weapon arm ammunition missile aircraft "
               "javelin stinger tank artillery drone howitzer helicopter ship vessel "
               "training vehicle equipment".split())
HUMANITARIAN = set("humanitarian food vaccine dose medical relief disaster refugee shelter "
                   "health hospital ventilator covid-19 emergency".split())
ECONOMIC = set("economic financial funding loan investment grant budget development "
               "million billion fund infrastructure".split())
TROOPS = set("troop force soldier personnel army military reservist battalion brigade unit "
             "marine".split())
WEAPONS = set("warship ship carrier aircraft jet bomber missile system asset submarine "
              "weapon drone rocket icbm battery".split())
PERSONS_ENTS = {"PERSON", "NORP", "ORG", "GPE"}


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


def _kids(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _lems(tok: Token) -> set[str]:
    """Lemmas of a phrase's head and its modifiers ("security assistance" -> both)."""
    out = {lemma(tok)}
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod", "nummod", "quantmod", "poss", "appos",
                      "conj"):
            out.add(lemma(c))
        if c.dep_ == "prep":
            out.update(lemma(p) for p in _kids(c, "pobj"))
    return {w.rstrip("s") if w.endswith("s") and w not in ("arms", "aids") else w
            for w in out} | out


def _objects(verb: Token) -> list[Token]:
    """Direct objects, passive subjects, and their conjuncts; a verb with none shares the
    object of the verb conjoined to it ("supporting and strengthening our partners")."""
    objs = _kids(verb, "dobj", "nsubjpass", "attr", "oprd")
    if not objs:
        for c in _kids(verb, "conj"):
            if c.pos_ == "VERB":
                objs = _kids(c, "dobj")
                break
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not objs:
        objs = [verb.head]  # reduced relative: "ICBMs launched on March 24"
    for o in list(objs):
        objs.extend(_kids(o, "conj"))
    return objs


def _prep_objs(verb: Token, *preps: str) -> list[Token]:
    out = []
    for p in _kids(verb, "prep", "agent", "dative"):
        if p.lower_ in preps:
            out.extend(_kids(p, "pobj", "pcomp"))
    return out


def _has_prt(verb: Token, *words: str) -> bool:
    return any(c.lower_ in words for c in _kids(verb, "prt", "advmod", "prep"))


def _dated(v: Token) -> bool:
    """A participle with a date or an agent is a reduced clause reporting an act."""
    for p in _kids(v, "prep", "agent"):
        if p.dep_ == "agent" or any(o.ent_type_ in ("DATE", "TIME") for o in p.children):
            return True
    return False


def _subject_of(v: Token) -> list[Token]:
    """Subjects of `v`, or of the verb it is the complement or conjunct of."""
    cur = v
    for _ in range(4):
        subj = _kids(cur, "nsubj") + _prep_objs(cur, "by")
        if subj or cur.dep_ not in ("xcomp", "conj", "advcl") or cur.head == cur:
            return subj
        cur = cur.head
    return []


def is_personal(tok: Token) -> bool:
    """Is this noun phrase a who (people, a country, an organisation)?"""
    if tok.ent_type_ in PERSONS_ENTS or tok.pos_ == "PRON":
        return True
    return lemma(tok).rstrip("s") in PEOPLE or lemma(tok) in PEOPLE


def aid_mode(words: set[str]) -> str | None:
    if words & MILITARY:
        return "military"
    if words & HUMANITARIAN:
        return "humanitarian"
    if words & ECONOMIC:
        return "economic"
    return None


def _money(tok: Token) -> bool:
    return any(t.ent_type_ == "MONEY" or t.text == "$" for t in tok.subtree)


# ------------------------------------------------------------------ verbs

def refine_verb(v: Token, sense: Sense) -> Sense | None:  # noqa: C901 - one rule per word
    """The sense of trigger verb `v` given its arguments, or None when it is no event."""
    lem = lemma(v)
    objs = _objects(v)
    olems = set().union(*(_lems(o) for o in objs)) if objs else set()
    if v.dep_ in ("amod", "compound") or (v.dep_ == "acl" and not _kids(v, "aux", "auxpass")
                                           and v.tag_ == "VBN" and not _dated(v)):
        return None  # participle used as an adjective: "wrongfully detained Americans"
    if lem == "meet":
        if olems & {"need", "target", "goal", "demand", "challenge", "standard", "deadline",
                    "requirement", "obligation", "commitment", "expectation", "moment",
                    "criterion", "threshold", "test"}:
            return None
        return sense
    if lem in ("speak", "talk"):
        subj = _kids(v, "nsubj")
        if subj and _kids(subj[0], "conj") and not _prep_objs(v, "of", "about", "at", "on"):
            return Sense("CONSULT")  # "Olaf and I spoke"
        if _prep_objs(v, "with", "to") or _prep_objs(v, "by") and \
                any(lemma(p) in ("phone", "telephone", "video") for p in _prep_objs(v, "by")):
            return Sense("CONSULT", "phone" if _prep_objs(v, "by") else None)
        return None
    if lem == "call":
        if _has_prt(v, "on", "upon", "for"):
            return Sense("REQUEST")
        if v.dep_ == "amod" or _kids(v, "oprd") or v.tag_ == "VBN" and _kids(v, "auxpass"):
            return None  # "so-called", "called X a Y", "commonly called"
        return sense if any(is_personal(o) for o in objs) else None
    if lem == "travel":
        return sense if _prep_objs(v, "to") else None
    if lem in ("visit", "host", "convene", "discuss", "negotiate", "consult", "confer"):
        return sense
    if lem in ("attend", "receive", "engage"):
        if lem == "engage":
            return sense if _prep_objs(v, "with") else None
        ok = any(noun_sense(o) is not None or o.pos_ == "PROPN" or is_personal(o)
                 for o in objs)
        return sense if ok else None
    if lem == "thank" and not _prep_objs(v, "for") and all(
            o.lower_ in ("you", "everyone", "everybody", "all") for o in objs):
        return None  # "thank you very much": politeness, not an act of support
    if lem == "welcome" and not objs and not _kids(v, "ccomp", "xcomp", "nsubj"):
        return None  # "Welcome to the briefing"
    if lem == "welcome":
        guest = any(o.ent_type_ == "PERSON" or lemma(o) in PEOPLE for o in objs)
        return Sense("CONSULT", "visit") if guest and _prep_objs(v, "to") else \
            Sense("SUPPORT")
    if lem == "recognize" or lem == "recognise":
        return None if _kids(v, "ccomp") else sense
    if lem == "rally":
        return Sense("SUPPORT") if objs else Sense("PROTEST", "demo")
    if lem == "back":
        return sense if objs and v.pos_ == "VERB" else None
    if lem == "approve":
        return Sense("AID", "military") if olems & {"sale", "transfer", "export"} else sense
    if lem in ("offer",):
        if olems & {"condolence", "condolences", "thanks", "congratulation", "prayer",
                    "sympathy", "gratitude"}:
            return Sense("SUPPORT")
        return sense
    if lem == "commit":
        if v.tag_ == "VBN" and _kids(v, "agent") or olems & {"crime", "atrocity", "violence",
                                                              "abuse", "act", "offense"}:
            return None
        if _prep_objs(v, "to") and not any(p.tag_ == "VBG" or p.pos_ == "VERB"
                                           for p in _prep_objs(v, "to")):
            return Sense("SUPPORT")  # "committed to the WTO"
        return sense
    if lem == "accept":
        return sense if olems & {"invitation", "proposal", "offer", "plan", "deal",
                                 "agreement", "term"} else None
    if lem == "work":
        together = _has_prt(v, "together", "jointly", "closely", "hand")
        return sense if together or any(is_personal(p) for p in _prep_objs(v, "with")) \
            else None
    if lem == "share":
        if olems & {"intelligence", "information", "data", "technology", "expertise",
                    "practice", "experience"}:
            return Sense("COOPERATE", "intelligence" if olems & {"intelligence", "data"}
                         else None)
        return None
    if lem in ("team", "partner"):
        return sense if v.pos_ == "VERB" and (lem == "partner" or _has_prt(v, "up")) \
            else None
    if lem == "coordinate":
        return sense if _prep_objs(v, "with") or _has_prt(v, "closely") else None
    if lem == "launch":
        if olems & {"partnership", "initiative", "dialogue", "mechanism", "program",
                    "programme", "platform", "cooperation", "project", "fund", "alliance",
                    "coalition", "corridor"}:
            return Sense("COOPERATE")
        if olems & WEAPONS:
            return Sense("ASSAULT", "heavy-weapons") if _prep_objs(
                v, "at", "against", "on", "into") else Sense("MOBILIZE", "weapons")
        return None
    if lem == "establish":
        if olems & {"relation", "relations", "tie", "ties"}:
            return Sense("SUPPORT")
        return Sense("COOPERATE") if olems & {"partnership", "mechanism", "dialogue",
                                              "group", "force", "framework", "fund",
                                              "program", "center", "centre"} else None
    if sense.category == "AID":
        if lem == "send":
            if olems & TROOPS:
                return Sense("MOBILIZE", "troops")
            if olems & {"delegation", "envoy", "team", "representative", "emissary"}:
                return Sense("CONSULT", "visit")  # "send a delegation to the talks"
            if olems & {"message", "letter", "signal", "delegation", "invitation", "note"}:
                return None
        if lem == "donate":
            return Sense("AID", aid_mode(olems) or "humanitarian")
        if lem == "invest":
            return Sense("AID", "economic")
        if olems & AID_WORDS or any(_money(o) for o in objs):
            return Sense("AID", aid_mode(olems))
        return None
    if lem == "withdraw":
        froms = _prep_objs(v, "from")
        flems = set().union(*(_lems(f) for f in froms)) if froms else set()
        if olems & TROOPS or (not objs and not froms) or flems & {"territory", "area",
                                                                  "region", "border"}:
            return Sense("RETREAT", "withdraw")
        if olems & {"law", "bill", "proposal", "nomination", "application", "draft",
                    "resolution", "demand"}:
            return Sense("CONCEDE")
        if froms:
            if any(f.ent_type_ == "GPE" for f in froms) and not olems - TROOPS:
                return Sense("RETREAT", "withdraw")
            return Sense("SANCTION", "withdraw")
        return Sense("RETREAT", "withdraw")
    if lem in ("release", "free"):
        return sense if any(is_personal(o) for o in objs) else None
    if lem == "return":
        if objs and not olems & {"favor", "call", "fire"}:
            return Sense("RETREAT", "return")
        return None
    if lem == "allow":
        words = olems | set().union(*(_lems(x) for x in _kids(v, "ccomp", "xcomp")))
        return sense if words & {"access", "aid", "assistance", "entry", "inspector",
                                 "observer", "delivery", "humanitarian"} else None
    if lem in ("lift", "ease", "relax"):
        if olems & {"sanction", "embargo", "tariff", "cap", "control", "blockade", "duty"}:
            return Sense("RETREAT", "ease")
        if olems & {"restriction", "ban", "curfew", "prohibition", "measure", "limit",
                    "rule"}:
            return Sense("CONCEDE")
        return None
    if lem == "pardon":
        return None if any(o.lower_ in ("me", "us") for o in objs) or not objs else sense
    if lem == "commute":
        return sense if olems & {"sentence"} else None
    if lem == "ask":
        if olems & {"question", "questions"} or not (objs or _kids(v, "xcomp", "ccomp")):
            return None
        return sense
    if lem == "press":
        return sense if _kids(v, "xcomp") or _has_prt(v, "for") else None
    if lem == "charge":
        return Sense("COERCE", "arrest") if _prep_objs(v, "with") else None
    if lem == "decline":
        return sense if _kids(v, "xcomp") or objs else None
    if lem in ("threaten", "warn"):
        if lem == "warn" and not any(is_personal(o) for o in objs) and not _kids(
                v, "xcomp") and not _prep_objs(v, "against"):
            return None  # "warned of potential war crimes": a warning, not a threat
        subj = _subject_of(v)
        return sense if any(is_personal(s) for s in subj) else None
    if lem == "demonstrate" or lem == "march":
        return sense if not objs else None
    if lem == "designate":
        as_ = _prep_objs(v, "as") + _kids(v, "oprd")
        words = olems | set().union(*(_lems(a) for a in as_)) if as_ else olems
        return Sense("SUPPORT") if words & {"partner", "ally", "friend"} else sense
    if lem == "impose":
        if olems & {"curfew"}:
            return Sense("COERCE", "curfew")
        if olems & {"law"} and "martial" in olems:
            return Sense("COERCE", "martial-law")
        return sense if olems & {"sanction", "cost", "restriction", "tariff", "penalty",
                                 "control", "embargo", "ban", "measure", "consequence",
                                 "fine", "duty"} else None
    if lem in ("suspend", "sever", "cut", "halt", "terminate", "freeze", "downgrade"):
        if olems & {"tie", "relation", "aid", "assistance", "talk", "negotiation",
                    "cooperation", "service", "trade", "export", "import", "funding",
                    "membership", "participation", "flight", "asset", "account", "dialogue",
                    "program", "operation", "contact", "exchange", "shipment"} or \
                _has_prt(v, "off"):
            return sense
        return None
    if lem in ("cancel", "postpone"):
        return sense if olems & {"meeting", "visit", "summit", "talk", "trip", "event",
                                 "contract", "deal", "exercise", "dialogue",
                                 "conference"} else None
    if lem == "expel":
        return Sense("COERCE", "deport") if olems & {"journalist", "individual", "migrant",
                                                     "refugee"} else sense
    if lem == "recall":
        return Sense("SANCTION", "withdraw") if olems & {"ambassador", "envoy",
                                                         "diplomat"} else None
    if lem in ("mobilize", "mobilise", "mass", "station", "advance"):
        return sense if olems & TROOPS or (lem == "mobilize" and not objs and any(
            lemma(s) in TROOPS for s in _kids(v, "nsubj"))) else None
    if lem == "deploy":
        if olems & (TROOPS | WEAPONS) or olems & {"soldier"}:
            if _prep_objs(v, "against"):
                return Sense("ASSAULT")
            return Sense("MOBILIZE", "weapons" if olems & WEAPONS and not olems & TROOPS
                         else "troops")
        if _prep_objs(v, "against"):
            return Sense("ASSAULT")
        return None
    if lem == "test":
        return sense if olems & (WEAPONS | {"nuclear", "device", "weapon"}) else None
    if lem in ("seize", "confiscate"):
        return None if olems & {"opportunity", "moment", "chance", "initiative"} else sense
    if lem == "sentence":
        return sense if objs or _prep_objs(v, "to") else None
    if lem in ("silence",):
        return sense if v.pos_ == "VERB" else None
    if lem == "strike":
        if olems & {"deal", "balance", "tone", "chord", "agreement", "bargain", "note"}:
            return Sense("AGREE") if olems & {"deal", "agreement", "bargain"} else None
        return sense
    if lem in ("execute", "beat", "destroy"):
        if lem == "execute" and not any(is_personal(o) for o in objs):
            return None
        if lem == "beat" and not any(is_personal(o) for o in objs):
            return None
        return sense
    if lem == "attack":
        return sense
    if lem == "target":
        return None
    if lem == "close":
        if olems & {"embassy", "consulate", "mission"}:
            return Sense("SANCTION", "sever")
        return sense if olems & {"border", "crossing", "airspace", "port", "strait",
                                 "road", "checkpoint"} else None
    if lem == "clash":
        crowd = {"protester", "protestor", "demonstrator", "crowd", "student", "supporter",
                 "rioter", "protesters", "demonstrators", "supporters"}
        return Sense("PROTEST", "riot") if any(lemma(x) in crowd or x.lower_ in crowd
                                               for x in _subject_of(v)) else sense
    if lem == "block":
        if olems & {"access", "website", "site", "platform", "internet", "broadcast",
                    "account", "media", "outlet"}:
            return Sense("COERCE", "censor")
        if olems & {"package", "resolution", "decision", "deal", "aid", "assistance", "bill",
                    "proposal", "membership", "accession", "statement", "sanction", "bid",
                    "agreement", "plan", "nomination", "appointment"}:
            return Sense("REJECT")
        return None
    if lem == "order":
        return sense if _kids(v, "xcomp") or olems & PEOPLE else None
    if lem == "disperse":
        return sense if any(is_personal(o) for o in objs) else None
    if lem == "support":
        return sense if objs or _prep_objs(v, "in") else None
    if lem == "sign":
        return sense if objs or _has_prt(v, "on") else None
    return sense


PHRASAL = {  # verb lemma, particle or preposition -> sense
    ("vote", "against"): Sense("REJECT"),
    ("vote", "for"): Sense("SUPPORT"),
    ("get", "together"): Sense("CONSULT"),
    ("sit", "down"): Sense("CONSULT"),
    ("back", "down"): Sense("CONCEDE"),
    ("step", "down"): Sense("RETREAT", "resign"),
    ("crack", "down"): Sense("COERCE", "restrict"),
    ("shut", "down"): Sense("COERCE", "censor"),
    ("shoot", "down"): Sense("ASSAULT"),
    ("set", "fire"): Sense("ASSAULT", "destroy"),
}
TIES = {"tie", "ties", "relation", "relations"}
ADJECTIVAL = {"commit", "oppose"}  # "we are committed to", "are opposed to"


def _phrasal(v: Token) -> Sense | None:
    lem = lemma(v)
    for c in v.children:
        if c.dep_ in ("prt", "prep", "advmod") and (lem, c.lower_) in PHRASAL:
            return PHRASAL[(lem, c.lower_)]
    if lem == "take" and any(lemma(o) == "street" or o.lower_ == "streets"
                             for o in _prep_objs(v, "to")):
        return Sense("PROTEST", "demo")  # "took to the streets"
    if lem == "set" and any(o.lower_ == "fire" for o in _kids(v, "dobj")):
        return Sense("ASSAULT", "destroy")  # "set fire to government buildings"
    if lem in ("restore", "resume", "normalize", "normalise", "upgrade") and any(
            lemma(o) in TIES or o.lower_ in TIES for o in _objects(v)):
        return Sense("SUPPORT")  # "restored diplomatic ties"
    return None


def verb_candidate(v: Token) -> Candidate | None:
    if v.tag_ in ("JJ", "VBN") and v.dep_ in ("acomp", "ROOT", "conj") and \
            lemma(v) in ADJECTIVAL:
        sense = verb_sense(v)
        return Candidate(v, sense, v, [v]) if sense else None
    if not (v.pos_ == "VERB" or v.tag_.startswith("VB")):
        return None
    phr = _phrasal(v)
    if phr is not None:
        return Candidate(v, phr, v, [v] + [c for c in v.children if c.dep_ == "prt"])
    if lemma(v) == "fire":
        targets = _prep_objs(v, "on", "at", "upon", "into", "toward", "towards")
        weapons = set().union(*(_lems(o) for o in _kids(v, "dobj"))) & (
            WEAPONS | {"missiles", "rockets", "shell", "shells", "mortar", "artillery"})
        if weapons:  # "fired a missile into the sea" is a show of force; "at a city" an attack
            hit = any(is_personal(t) or t.ent_type_ in ("GPE", "FAC", "LOC") for t in targets)
            sense = Sense("ASSAULT", "heavy-weapons") if hit else Sense("MOBILIZE", "weapons")
            return Candidate(v, sense, v, [v])
        if targets:
            return Candidate(v, Sense("ASSAULT", "firearms"), v, [v])
        return None
    sense = verb_sense(v)
    if sense is None:
        return None
    refined = refine_verb(v, sense)
    if refined is None:
        return None
    return Candidate(v, refined, v, [v], reversed_roles=lemma(v) in ("host", "receive") or (
        lemma(v) == "welcome" and refined.category == "CONSULT"))


# ------------------------------------------------------------------ nouns

CARRIER_NOUNS = {
    "support": "SUPPORT", "solidarity": "SUPPORT", "condolence": "SUPPORT",
    "sympathy": "SUPPORT", "gratitude": "SUPPORT", "appreciation": "SUPPORT",
    "thanks": "SUPPORT", "congratulation": "SUPPORT", "friendship": "SUPPORT",
    "admiration": "SUPPORT", "respect": "SUPPORT", "backing": "SUPPORT",
    "commitment": "AGREE", "pledge": "AGREE", "promise": "AGREE", "intent": "AGREE",
    "intention": "AGREE", "desire": "AGREE", "willingness": "AGREE", "interest": "AGREE",
    "concern": "ACCUSE", "condemnation": "ACCUSE", "outrage": "ACCUSE", "alarm": "ACCUSE",
    "dismay": "ACCUSE", "disappointment": "ACCUSE", "displeasure": "ACCUSE",
    "opposition": "REJECT", "objection": "REJECT", "rejection": "REJECT",
}
BONDS = {"partnership", "relationship", "alliance", "tie", "cooperation", "friendship",
         "bond"}
# Carrier nouns that mean an act only with a to-infinitive ("interest in" is not a pledge).
NEED_INFINITIVE = {"intent", "intention", "desire", "willingness", "interest"}


def _infinitive(noun: Token) -> bool:
    for c in noun.children:
        if c.dep_ == "acl" and any(a.lower_ == "to" for a in _kids(c, "aux")):
            return True
        if c.dep_ == "prep" and c.lower_ == "to" and any(
                p.tag_ == "VBG" for p in _kids(c, "pcomp", "pobj")):
            return True
    return False


def carrier_candidates(v: Token) -> list[Candidate]:
    """'expressed support', 'reaffirmed their commitment to', 'voiced concern'."""
    if lemma(v) not in CARRIERS:
        return []
    out = []
    for o in _objects(v):
        cat = CARRIER_NOUNS.get(lemma(o)) or CARRIER_NOUNS.get(lemma(o).rstrip("s"))
        if lemma(o) in ("importance", "value", "strength", "significance", "centrality") and \
                any(lemma(x).rstrip("s") in BONDS for x in _prep_objs(o, "of")):
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
        out.append(Candidate(o, Sense(cat, mode), v, [v, o]))
    return out


def concerned_candidate(adj: Token) -> Candidate | None:
    """'remain gravely concerned about Russia's build-up', 'concerned by'."""
    if adj.lower_ != "concerned" or adj.dep_ not in ("acomp", "ROOT", "xcomp", "conj"):
        return None
    if not _prep_objs(adj, "about", "by", "over", "at", "with"):
        return None
    return Candidate(adj, Sense("ACCUSE", "disapprove"), adj.head if adj.dep_ == "acomp"
                     else adj, [adj])


LIGHT_PREPS = {"in", "on"}  # "participate in talks", "engage in negotiations"


def light_candidates(v: Token) -> list[Candidate]:
    """An event noun governed by a verb that only lends it tense: 'held talks'."""
    lem = lemma(v)
    if lem == "look" and _has_prt(v, "forward"):
        nouns = _prep_objs(v, "to")  # "look forward to a fruitful meeting"
    elif lem in LIGHT_VERBS:
        nouns = _objects(v) + [p for p in _prep_objs(v, *LIGHT_PREPS)]
        for o in list(nouns):
            if o.ent_type_ == "MONEY":  # "announced $2.8 billion in food assistance"
                nouns += _prep_objs(o, "in", "of")
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
        out.append(Candidate(n, s, v, [v, n], reversed_roles=lemma(v) == "host"))
    return out


EVENT_PREPS = {"at", "during", "after", "following", "before", "ahead", "for", "since",
               "throughout", "amid", "on"}
FRAME_NOUNS = {"occasion", "sideline", "sidelines", "margin", "margins", "eve", "start",
               "end", "opening", "conclusion", "outcome", "beginning", "day", "close",
               "wake", "run-up", "preparation", "preparations", "anniversary"}
HAPPEN_VERBS = {"take", "hold", "begin", "start", "open", "conclude", "end", "convene",
                "resume", "continue", "kick", "come", "happen", "occur", "mark", "be",
                "bring", "include", "involve", "set", "proceed"}


FREEDOMS = {"freedom", "truth", "democracy", "right", "press", "media", "speech",
            "expression", "liberty", "independence", "information", "journalism"}


CONTAINERS = {"package", "programme", "program", "tranche", "shipment", "consignment",
              "round", "set", "wave", "series"}


def refine_noun(n: Token, sense: Sense | None) -> Sense | None:
    """'an assault on media freedom' is repression, not violence; 'an aid package' is aid."""
    if sense is None and lemma(n) in CONTAINERS:
        for c in n.children:  # "a new military aid package", "a new round of talks"
            inner = noun_sense(c) if c.dep_ in ("compound", "nmod") else None
            if c.dep_ == "prep" and c.lower_ == "of":
                inner = next((noun_sense(p) for p in _kids(c, "pobj") if noun_sense(p)), None)
            if inner is not None:
                if inner.category == "AID":
                    return Sense("AID", aid_mode({lemma(t) for t in n.subtree}))
                return inner
        return None
    if sense is None or sense.category != "ASSAULT":
        return sense
    targets = set().union(*(_lems(o) for o in _prep_objs(n, "on", "against")))
    if targets & FREEDOMS:
        censor = targets & {"press", "media", "speech", "expression", "truth",
                            "information", "journalism"}
        return Sense("COERCE", "censor" if censor else "restrict")
    return sense


NOT_EVENTS = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}


def _scheduled(n: Token) -> bool:
    """'the upcoming State Visit': a particular meeting even as the topic of another act."""
    return any(c.lower_ in ("upcoming", "forthcoming", "planned", "scheduled", "next")
               for c in n.children if c.dep_ in ("amod", "compound", "nmod"))


def noun_candidate(n: Token, claimed: set[int]) -> Candidate | None:
    """An event noun standing on its own as a particular event."""
    if n.pos_ not in ("NOUN", "PROPN") or n.ent_type_ in NOT_EVENTS:
        return None
    if n.i in claimed and not (noun_sense(n) and noun_sense(n).category == "CONSULT"  # type: ignore[union-attr]
                               and _scheduled(n)):
        return None
    s = refine_noun(n, noun_sense(n))
    if s is None or s.category in ("AGREE", "SUPPORT", "REQUEST", "REJECT", "ACCUSE",
                                   "THREATEN"):
        return None  # verbal acts need their verb ("expressed support")
    if lemma(n) in ("assistance", "aid", "support", "cooperation", "collaboration",
                    "war", "fighting", "hostilities", "concern", "deal", "sale"):
        return None  # mostly topics; their events come through verbs
    if n.lower_ == "demonstration" and _prep_objs(n, "of"):
        return None
    head = n.head
    eventive = False
    for c in n.children:
        if c.dep_ in ("amod", "advmod", "nmod", "compound") and c.lower_ in (
                "upcoming", "forthcoming", "planned", "scheduled", "next", "recent",
                "ongoing", "first", "inaugural", "annual", "today", "tomorrow", "proposed",
                "virtual", "continuing", "latest", "last", "future"):
            eventive = True
        if c.dep_ == "poss" and c.lower_ in ("today", "tomorrow", "today's", "tomorrow's"):
            eventive = True
        if c.dep_ in ("acl", "relcl") and lemma(c) in ("hold", "take", "schedule", "plan",
                                                        "convene"):
            eventive = True
    if n.dep_ == "pobj" and head.lower_ in EVENT_PREPS:
        eventive = True
    if n.dep_ == "pobj" and head.lower_ == "of" and lemma(head.head) in FRAME_NOUNS:
        eventive = True
    if n.dep_ in ("nsubj", "nsubjpass") and lemma(head) in HAPPEN_VERBS and not \
            lemma(head) == "be":
        eventive = True
    if not eventive:
        return None
    gov = n
    return Candidate(n, s, gov, [n])


def sentence_candidates(sent: Span) -> list[Candidate]:
    """Every event candidate of the sentence, at most one per anchor token."""
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
        vc = verb_candidate(t)
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
        for o in _objects(c.anchor) + _prep_objs(c.anchor, "of", "about", "over", "for",
                                                  "on", "against"):
            out.update(t.i for t in o.subtree)
    return out
