"""The sense of a trigger verb given its arguments.

The lexicon (`plover.VERBS`) gives a word's default sense; `refine_verb` checks it against
what the verb says it is about: "met the leaders" is CONSULT but "met the target" nothing,
"call on X to" REQUEST and "called X" a phone call, "deploy troops" MOBILIZE and "deploy
technology" nothing, "pardon me" no pardon. `phrasal` handles verb + particle senses ("took
to the streets", "set fire to", "voted against").
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph import lexicon
from newsgraph.annotate.event_words import (
    AID_WORDS,
    PEOPLE,
    TROOPS,
    WEAPONS,
    aid_mode,
    dated,
    has_money,
    has_prt,
    is_personal,
    kids,
    lems,
    objects,
    prep_objs,
    subjects_of,
)
from newsgraph.annotate.plover import Sense, lemma, noun_sense

# Word lists of the rules below (data/plover_lexicon.json, "lists").
_LISTS = lexicon.plover_lexicon()
COOPERATION = _LISTS.words("cooperation")
GROW_VERBS = _LISTS.words("grow_verbs")
# Nouns that make "provide X" a briefing rather than aid.
REPORT_NOUNS = _LISTS.words("report_nouns")
# What a government allows that eases restrictions on political freedoms (CONCEDE, 0811).
FREEDOM_ACTS = _LISTS.words("freedom_acts")


def refine_verb(v: Token, sense: Sense) -> Sense | None:  # noqa: C901 - one rule per word
    """The sense of trigger verb `v` given its arguments, or None when it is no event."""
    lem = lemma(v)
    objs = objects(v)
    olems = set().union(*(lems(o) for o in objs)) if objs else set()
    if v.dep_ in ("amod", "compound") or (v.dep_ == "acl" and not kids(v, "aux", "auxpass")
                                           and v.tag_ == "VBN" and not dated(v)):
        return None  # participle used as an adjective: "wrongfully detained Americans"
    if lem in GROW_VERBS:  # "deepened their cooperation", "expand defence ties"
        if olems & COOPERATION:
            return Sense("COOPERATE")
        if lem != "advance":  # "advanced its forces" is a troop movement
            return None
    if lem == "meet":
        if olems & {"need", "target", "goal", "demand", "challenge", "standard", "deadline",
                    "requirement", "obligation", "commitment", "expectation", "moment",
                    "criterion", "threshold", "test"}:
            return None
        return sense
    if lem in ("speak", "talk"):
        subj = kids(v, "nsubj")
        several = subj and (kids(subj[0], "conj") or subj[0].lower_ == "they" or (
            subj[0].tag_ in ("NNS", "NNPS") and is_personal(subj[0])))
        if several and not prep_objs(v, "at", "to", "before", "on"):
            return Sense("CONSULT")  # "Olaf and I spoke", "the leaders spoke about"
        if prep_objs(v, "with", "to") or prep_objs(v, "by") and \
                any(lemma(p) in ("phone", "telephone", "video") for p in prep_objs(v, "by")):
            return Sense("CONSULT", "phone" if prep_objs(v, "by") else None)
        return None
    if lem == "call":
        if has_prt(v, "on", "upon", "for"):
            return Sense("REQUEST")
        if v.dep_ == "amod" or kids(v, "oprd") or v.tag_ == "VBN" and kids(v, "auxpass"):
            return None  # "so-called", "called X a Y", "commonly called"
        return sense if any(is_personal(o) for o in objs) else None
    if lem == "travel":
        return sense if prep_objs(v, "to") else None
    if lem in ("visit", "host", "convene", "discuss", "negotiate", "consult", "confer"):
        return sense
    if lem in ("attend", "receive", "engage"):
        if lem == "engage":
            return sense if prep_objs(v, "with") else None
        ok = any(noun_sense(o) is not None or o.pos_ == "PROPN" or is_personal(o)
                 for o in objs)
        return sense if ok else None
    if lem == "thank" and not prep_objs(v, "for") and all(
            o.lower_ in ("you", "everyone", "everybody", "all") for o in objs):
        return None  # "thank you very much": politeness, not an act of support
    if lem == "welcome" and not objs and not kids(v, "ccomp", "xcomp", "nsubj"):
        return None  # "Welcome to the briefing"
    if lem == "welcome":
        guest = any(o.ent_type_ == "PERSON" or lemma(o) in PEOPLE for o in objs)
        return Sense("CONSULT", "visit") if guest and prep_objs(v, "to") else \
            Sense("SUPPORT")
    if lem == "recognize" or lem == "recognise":
        return None if kids(v, "ccomp") else sense
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
        if v.tag_ == "VBN" and kids(v, "agent") or olems & {"crime", "atrocity", "violence",
                                                              "abuse", "act", "offense"}:
            return None
        if prep_objs(v, "to") and not any(p.tag_ == "VBG" or p.pos_ == "VERB"
                                           for p in prep_objs(v, "to")):
            return Sense("SUPPORT")  # "committed to the WTO"
        return sense
    if lem == "accept":
        return sense if olems & {"invitation", "proposal", "offer", "plan", "deal",
                                 "agreement", "term"} else None
    if lem == "work":
        together = has_prt(v, "together", "jointly", "closely", "hand")
        return sense if together or any(is_personal(p) for p in prep_objs(v, "with")) \
            else None
    if lem == "share":
        if olems & {"intelligence", "information", "data", "technology", "expertise",
                    "practice", "experience"}:
            return Sense("COOPERATE", "intelligence" if olems & {"intelligence", "data"}
                         else None)
        return None
    if lem in ("team", "partner"):
        return sense if v.pos_ == "VERB" and (lem == "partner" or has_prt(v, "up")) \
            else None
    if lem == "coordinate":
        return sense if prep_objs(v, "with") or has_prt(v, "closely") else None
    if lem == "launch":
        if olems & {"partnership", "initiative", "dialogue", "mechanism", "program",
                    "programme", "platform", "cooperation", "project", "fund", "alliance",
                    "coalition", "corridor"}:
            return Sense("COOPERATE")
        if olems & WEAPONS:
            return Sense("ASSAULT", "heavy-weapons") if prep_objs(
                v, "at", "against", "on", "into") else Sense("MOBILIZE", "weapons")
        return None
    if lem == "establish":
        if olems & {"relation", "relations", "tie", "ties"}:
            return Sense("SUPPORT")
        return Sense("COOPERATE") if olems & {"partnership", "mechanism", "dialogue",
                                              "group", "force", "framework", "fund",
                                              "program", "center", "centre"} else None
    if sense.category == "AID":
        if objs and all(lemma(o) in REPORT_NOUNS for o in objs):
            return None  # "provided an update on assistance": a briefing, not aid
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
        if olems & AID_WORDS or any(has_money(o) for o in objs):
            return Sense("AID", aid_mode(olems))
        return None
    if lem == "withdraw":
        froms = prep_objs(v, "from")
        flems = set().union(*(lems(f) for f in froms)) if froms else set()
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
        words = olems | set().union(*(lems(x) for x in kids(v, "ccomp", "xcomp")))
        who = objs + [s for x in kids(v, "ccomp", "xcomp") for s in kids(x, "nsubj")]
        if words & FREEDOM_ACTS and any(is_personal(o) for o in who) and \
                not kids(v, "auxpass"):  # a government letting them: "should be allowed" is not
            return Sense("CONCEDE")  # "allowing Venezuelans to participate in elections"
        return sense if words & {"access", "aid", "assistance", "entry", "inspector",
                                 "observer", "delivery", "humanitarian"} else None
    if lem in ("lift", "ease", "relax"):
        if olems & {"sanction", "embargo", "tariff", "cap", "control", "blockade", "duty"}:
            return Sense("RETREAT", "ease")
        if olems & {"restriction", "ban", "curfew", "prohibition", "measure", "limit",
                    "rule"}:
            return Sense("CONCEDE")
        return None
    if lem == "pardon":  # "pardon me" is politeness; "were pardoned" a pardon
        if kids(v, "auxpass"):
            return sense
        return None if any(o.lower_ in ("me", "us") for o in objs) or not objs else sense
    if lem == "commute":
        return sense if olems & {"sentence"} else None
    if lem == "ask":
        if olems & {"question", "questions"} or not (objs or kids(v, "xcomp", "ccomp")):
            return None
        return sense
    if lem == "press":
        return sense if kids(v, "xcomp") or has_prt(v, "for") else None
    if lem == "charge":
        return Sense("COERCE", "arrest") if prep_objs(v, "with") else None
    if lem == "decline":
        return sense if kids(v, "xcomp") or objs else None
    if lem in ("threaten", "warn"):
        if lem == "warn" and not any(is_personal(o) for o in objs) and not kids(
                v, "xcomp") and not prep_objs(v, "against"):
            return None  # "warned of potential war crimes": a warning, not a threat
        subj = subjects_of(v)
        if subj:  # "variants threaten us" is a danger, not a threat; a name is an actor
            return sense if any(is_personal(s) or s.pos_ == "PROPN" for s in subj) else None
        # no subject (a passive, a clause sharing one): a threat made to someone, or to do
        # something ("have been threatened", "can never threaten Israel", "threatened to kill")
        return sense if any(is_personal(o) for o in objs) or olems & {
            "country", "countries", "nation", "nations", "neighbor", "neighbour", "ally",
            "allies"} or kids(v, "xcomp") else None
    if lem == "demonstrate" or lem == "march":
        return sense if not objs else None
    if lem == "designate":
        as_ = prep_objs(v, "as") + kids(v, "oprd")
        words = olems | set().union(*(lems(a) for a in as_)) if as_ else olems
        return Sense("SUPPORT") if words & {"partner", "ally", "friend"} else sense
    if lem == "impose":
        if olems & {"curfew"}:
            return Sense("COERCE", "curfew")
        if olems & {"law"} and "martial" in olems:
            return Sense("COERCE", "martial-law")
        return sense if olems & {"sanction", "cost", "restriction", "tariff", "penalty",
                                 "control", "embargo", "ban", "measure", "consequence",
                                 "fine", "duty", "duties"} else None
    if lem == "inflict":  # "inflict massive costs on" is a sanction; "inflict casualties" harm
        if olems & {"cost", "costs", "consequence", "consequences", "penalty", "penalties",
                    "pain"}:
            return Sense("SANCTION")
        return Sense("ASSAULT") if olems & {"casualty", "casualties", "damage", "harm",
                                            "loss", "losses"} else None
    if lem in ("suspend", "sever", "cut", "halt", "terminate", "freeze", "downgrade"):
        if olems & {"tie", "relation", "aid", "assistance", "talk", "negotiation",
                    "cooperation", "service", "trade", "export", "import", "funding",
                    "membership", "participation", "flight", "asset", "account", "dialogue",
                    "program", "operation", "contact", "exchange", "shipment"} or \
                has_prt(v, "off"):
            return sense
        return None
    if lem in ("cancel", "postpone"):
        return sense if olems & {"meeting", "visit", "summit", "talk", "trip", "event",
                                 "contract", "deal", "exercise", "dialogue",
                                 "conference"} else None
    if lem == "expel":
        # expelling a person is deportation (COERCE); expelling diplomats, inspectors or
        # peacekeepers reduces relations (SANCTION) - codebook 174 vs 166
        if olems & {"diplomat", "ambassador", "envoy", "inspector", "observer",
                    "peacekeeper", "attache", "staff", "mission"}:
            return sense
        if olems & {"journalist", "individual", "migrant", "refugee"} or any(
                o.ent_type_ == "PERSON" or o.lower_ in ("he", "she", "him", "her")
                for o in objs):
            return Sense("COERCE", "deport")
        return sense
    if lem == "recall":
        return Sense("SANCTION", "withdraw") if olems & {"ambassador", "envoy",
                                                         "diplomat"} else None
    if lem in ("mobilize", "mobilise", "mass", "amass", "station", "advance"):
        return sense if olems & TROOPS or (lem == "mobilize" and not objs and any(
            lemma(s) in TROOPS for s in kids(v, "nsubj"))) else None
    if lem == "deploy":
        if olems & (TROOPS | WEAPONS) or olems & {"soldier"}:
            if prep_objs(v, "against"):
                return Sense("ASSAULT")
            return Sense("MOBILIZE", "weapons" if olems & WEAPONS and not olems & TROOPS
                         else "troops")
        if prep_objs(v, "against"):
            return Sense("ASSAULT")
        return None
    if lem == "test":
        return sense if olems & (WEAPONS | {"nuclear", "device", "weapon"}) else None
    if lem in ("seize", "confiscate"):
        return None if olems & {"opportunity", "moment", "chance", "initiative"} else sense
    if lem == "sentence":
        return sense if objs or prep_objs(v, "to") else None
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
                                               for x in subjects_of(v)) else sense
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
        return sense if kids(v, "xcomp") or olems & PEOPLE else None
    if lem == "disperse":
        return sense if any(is_personal(o) for o in objs) or olems & {
            "demonstration", "protest", "rally", "crowd", "gathering", "march"} else None
    if lem == "support":
        return sense if objs or prep_objs(v, "in") else None
    if lem == "sign":  # "signed the accord", "signed on", "signed for Armenia"
        if any(lemma(o) == "law" for o in prep_objs(v, "into")):
            return None  # "signs it into law": enacting a domestic law
        return sense if objs or has_prt(v, "on") or prep_objs(v, "for") else None
    return sense


# verb lemma, particle or preposition -> sense (data/plover_lexicon.json, "phrasal")
PHRASAL = {key: Sense(c, m) for key, (c, m) in _LISTS.phrasal.items()}
TIES = _LISTS.words("ties")


def phrasal(v: Token) -> Sense | None:
    lem = lemma(v)
    for c in v.children:
        if c.dep_ in ("prt", "prep", "advmod") and (lem, c.lower_) in PHRASAL:
            return PHRASAL[(lem, c.lower_)]
    if lem == "take" and any(lemma(o) == "street" or o.lower_ == "streets"
                             for o in prep_objs(v, "to")):
        return Sense("PROTEST", "demo")  # "took to the streets"
    if lem == "set" and any(o.lower_ == "fire" for o in kids(v, "dobj")):
        return Sense("ASSAULT", "destroy")  # "set fire to government buildings"
    if lem in ("restore", "resume", "normalize", "normalise", "upgrade") and any(
            lemma(o) in TIES or o.lower_ in TIES for o in objects(v)):
        return Sense("SUPPORT")  # "restored diplomatic ties"
    return None
