"""PLOVER trigger lexicon: which words can carry which event category and mode.

The lexicon gives a word's default sense; `event_rules` refines it from the words around it
("call" is CONSULT/phone, "call on" is REQUEST; "deploy troops" is MOBILIZE, "deploy
technology" is nothing). Categories and modes follow the PLOVER codebook (Open Event Data
Alliance, draft 0.8); REQUEST is the codebook's DEMAND under the name POLECAT uses.

The statistical pipeline runs without spaCy's lemmatizer (it is disabled for speed), so the
lexicon carries its own inflections: `lemma()` maps "met", "spoke", "pledging", "sanctions"
back to the entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from newsgraph import lexicon

# The categories, in the codebook's order, and the cooperative ones: an intended (hoped,
# planned-to) act of these is coded AGREE, as the codebook codes "express intent to cooperate
# / meet / provide aid" (data/plover_scheme.json).
CATEGORIES = lexicon.plover_scheme().categories
COOPERATIVE = lexicon.plover_scheme().intent_is_agree


@dataclass(frozen=True)
class Sense:
    """What a trigger word means by default."""

    category: str
    mode: str | None = None


def _senses(category: str, words: str, mode: str | None = None) -> dict[str, Sense]:
    return {w: Sense(category, mode) for w in words.split()}


# ------------------------------------------------------------------ verbs (lemmas)

VERBS: dict[str, Sense] = {
    **_senses("AGREE", "agree pledge promise commit vow undertake offer concur consent "
                       "recommit accept"),
    **_senses("CONSULT", "meet discuss talk speak consult confer negotiate attend convene "
                         "engage"),
    **_senses("CONSULT", "visit travel", "visit"),
    **_senses("CONSULT", "host receive welcome"),  # welcome: SUPPORT unless a guest arrives
    **_senses("CONSULT", "phone telephone call", "phone"),
    **_senses("SUPPORT", "commend praise applaud congratulate thank hail salute celebrate laud "
                         "endorse back support appreciate recognize recognise sign ratify "
                         "honor honour approve rally"),
    **_senses("COOPERATE", "cooperate collaborate coordinate partner team co-develop "
                           "codevelop co-produce coproduce extradite share launch establish "
                           "work deepen expand strengthen enhance accelerate advance boost "
                           "intensify increase broaden elevate bolster"),
    **_senses("AID", "provide give send deliver donate supply grant fund finance contribute "
                     "invest allocate sell transfer"),
    **_senses("RETREAT", "withdraw release free return", "release"),
    **_senses("RETREAT", "resign", "resign"),
    **_senses("RETREAT", "disarm demobilize demobilise", "disarm"),
    **_senses("RETREAT", "allow", "access"),
    **_senses("RETREAT", "lift ease relax", "ease"),
    **_senses("CONCEDE", "apologize apologise pardon commute concede compromise relent"),
    **_senses("REQUEST", "urge ask request demand appeal press encourage implore exhort "
                         "order"),
    **_senses("ACCUSE", "condemn denounce criticize criticise deplore decry slam rebuke "
                        "censure fault", "disapprove"),
    **_senses("ACCUSE", "accuse allege blame charge indict sue", "allege"),
    **_senses("ACCUSE", "investigate probe", "investigate"),
    **_senses("REJECT", "reject refuse decline veto oppose rebuff dismiss deny defy spurn "
                        "block"),
    **_senses("THREATEN", "threaten warn"),
    **_senses("PROTEST", "protest demonstrate march", "demo"),
    **_senses("PROTEST", "riot", "riot"),
    **_senses("PROTEST", "boycott", "boycott"),
    **_senses("SANCTION", "sanction embargo blacklist designate impose penalize penalise fine "
                          "restrict inflict"),
    **_senses("SANCTION", "suspend sever cut halt terminate downgrade", "sever"),
    **_senses("SANCTION", "freeze"),
    **_senses("SANCTION", "cancel postpone", "cancel"),
    **_senses("SANCTION", "expel recall", "expel"),
    **_senses("SANCTION", "convict", "convict"),
    **_senses("MOBILIZE", "mobilize mobilise deploy mass amass station advance", "troops"),
    **_senses("MOBILIZE", "test", "weapons"),
    **_senses("COERCE", "arrest detain imprison jail sentence", "arrest"),
    **_senses("COERCE", "deport", "deport"),
    **_senses("COERCE", "ban", "ban"),
    **_senses("COERCE", "censor silence", "censor"),
    **_senses("COERCE", "confiscate seize annex occupy", "confiscate"),
    **_senses("COERCE", "suppress repress blockade disperse close", "restrict"),
    **_senses("ASSAULT", "attack strike invade raid storm ambush target bombard", None),
    **_senses("ASSAULT", "kill wound injure massacre murder"),
    **_senses("ASSAULT", "bomb", "explosives"),
    **_senses("ASSAULT", "shell", "heavy-weapons"),
    **_senses("ASSAULT", "torch clash"),
    **_senses("ASSAULT", "shoot", "firearms"),
    **_senses("ASSAULT", "assassinate", "assassinate"),
    **_senses("ASSAULT", "abduct kidnap hijack", "abduct"),
    **_senses("ASSAULT", "torture", "torture"),
    **_senses("ASSAULT", "execute", "execute"),
    **_senses("ASSAULT", "beat", "beat"),
    **_senses("ASSAULT", "rape", "sexual"),
    **_senses("ASSAULT", "destroy", "destroy"),
}

# ------------------------------------------------------------------ nouns (singular)

NOUNS: dict[str, Sense] = {
    **_senses("CONSULT", "meeting talk visit trip travel summit dialogue ministerial "
                         "conference consultation negotiation discussion bilateral forum "
                         "2+2 gathering session conversation"),
    **_senses("CONSULT", "call phone-call", "phone"),
    **_senses("AGREE", "pledge commitment agreement deal promise"),
    **_senses("SUPPORT", "ratification signing endorsement condolence congratulation "
                         "support solidarity gratitude appreciation thanks sympathy"),
    **_senses("COOPERATE", "exercise drill co-development coproduction co-production "
                           "cooperation collaboration"),
    **_senses("AID", "assistance aid donation sale grant loan"),
    **_senses("RETREAT", "release withdrawal", "release"),
    **_senses("RETREAT", "ceasefire truce pause", "ceasefire"),  # pause: only humanitarian
    **_senses("RETREAT", "resignation", "resign"),
    **_senses("REQUEST", "appeal demand request"),
    **_senses("ACCUSE", "condemnation criticism concern accusation allegation", "disapprove"),
    **_senses("ACCUSE", "investigation probe", "investigate"),
    **_senses("REJECT", "refusal rejection veto"),
    **_senses("CONCEDE", "concession"),
    **_senses("THREATEN", "threat ultimatum warning"),
    **_senses("PROTEST", "protest demonstration rally march", "demo"),
    **_senses("PROTEST", "riot", "riot"),
    **_senses("PROTEST", "strike", "strike-gen"),
    **_senses("SANCTION", "sanction embargo designation penalty tariff"),
    **_senses("SANCTION", "expulsion", "expel"),
    **_senses("MOBILIZE", "buildup build-up deployment mobilization mobilisation", "troops"),
    **_senses("MOBILIZE", "launch test", "weapons"),
    **_senses("COERCE", "arrest detention imprisonment crackdown", "arrest"),
    **_senses("COERCE", "annexation occupation seizure", "confiscate"),
    **_senses("COERCE", "blockade", "restrict"),
    **_senses("ASSAULT", "attack invasion assault raid offensive airstrike air-strike war "
                         "fighting hostilities"),
    **_senses("ASSAULT", "bombing", "explosives"),
    **_senses("ASSAULT", "shelling bombardment", "heavy-weapons"),
    **_senses("ASSAULT", "assassination", "assassinate"),
    **_senses("ASSAULT", "killing massacre"),
}

# Words that turn a noun into the thing a verb or carrier is about ("expressed support",
# "reaffirmed commitment", "voiced concern"): communication verbs with no event of their
# own, whose object noun carries the event.
CARRIERS = set("express reaffirm reiterate affirm underscore emphasize emphasise stress "
               "highlight extend voice convey renew restate register share raise offer "
               "reconfirm underline".split())

# Verbs that lend their tense to an event noun ("held talks", "imposed sanctions",
# "announced assistance", "reached an agreement").
LIGHT_VERBS = set("hold have conduct host attend participate join convene chair co-chair "
                  "launch stage carry impose provide make reach announce begin start open "
                  "resume continue complete conclude finalize finalise lead sign implement "
                  "extend observe declare undertake pursue wage mount order engage".split())

# Verbs that state an attitude towards an act rather than an act: the act they govern is
# intended (and they are not events themselves).
INTEND_VERBS = set("hope intend aim seek want wish desire strive aspire look endeavor "
                   "endeavour".split())
PLAN_VERBS = set("plan schedule expect prepare".split())

# Irregular forms of lexicon entries and of the verbs the rules look at.
IRREGULAR = {
    "met": "meet", "spoke": "speak", "spoken": "speak", "held": "hold", "sent": "send",
    "gave": "give", "given": "give", "sold": "sell", "took": "take", "taken": "take",
    "made": "make", "sought": "seek", "fought": "fight", "struck": "strike",
    "stricken": "strike", "shot": "shoot", "withdrew": "withdraw", "withdrawn": "withdraw",
    "led": "lead", "brought": "bring", "bought": "buy", "undertook": "undertake",
    "undertaken": "undertake", "froze": "freeze", "frozen": "freeze", "beaten": "beat",
    "broke": "break", "broken": "break", "stood": "stand", "did": "do", "done": "do",
    "has": "have", "had": "have", "was": "be", "were": "be", "is": "be", "are": "be",
    "am": "be", "been": "be", "'s": "be", "'re": "be", "'m": "be", "began": "begin",
    "begun": "begin", "went": "go", "gone": "go", "came": "come", "kept": "keep",
    "lent": "lend", "paid": "pay", "saw": "see", "seen": "see", "told": "tell",
    "forgave": "forgive", "forgiven": "forgive", "cut": "cut", "set": "set", "put": "put",
    "shut": "shut", "ran": "run", "woke": "wake", "won": "win", "rose": "rise",
    "risen": "rise", "wrote": "write", "written": "write", "drove": "drive",
    "driven": "drive", "chose": "choose", "chosen": "choose", "felt": "feel", "left": "leave",
    "lost": "lose", "meant": "mean", "heard": "hear", "thought": "think", "said": "say",
    "ca": "can", "wo": "will", "'ll": "will", "'d": "would", "n't": "not",
    "talks": "talk", "mass": "mass", "press": "press", "crisis": "crisis",
    "hostilities": "hostilities", "thanks": "thanks", "sanctions": "sanction",
}


def _verb_forms(lemma: str) -> set[str]:
    """Regular inflections; over-generation ("visitted") is harmless since it never occurs."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    if lemma.endswith("ie"):
        forms.add(lemma[:-2] + "ying")
    return forms


def _noun_forms(lemma: str) -> set[str]:
    forms = {lemma, lemma + "s"}
    if lemma.endswith(("s", "sh", "ch", "x")):
        forms.add(lemma + "es")
    if lemma.endswith("y") and lemma[-2:-1] not in ("a", "e", "o", "u"):
        forms.add(lemma[:-1] + "ies")
    return forms


_EXTRA_VERBS = (LIGHT_VERBS | INTEND_VERBS | PLAN_VERBS | CARRIERS
                | set("say state note add announce continue remain fail refrain take seem "
                      "decide want try keep stop end bring lead get vote sit step crack shut "
                      "fire look cease set restore resume normalize normalise upgrade kick "
                      "come happen occur mark include involve proceed".split()))


@lru_cache(maxsize=1)
def _verb_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for lemma in sorted(set(VERBS) | _EXTRA_VERBS):
        for f in _verb_forms(lemma):
            table.setdefault(f, lemma)
    table.update(IRREGULAR)
    return table


@lru_cache(maxsize=1)
def _noun_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for lemma in NOUNS:
        for f in _noun_forms(lemma):
            table.setdefault(f, lemma)
    table.update({"talks": "talk", "consultations": "consultation", "sanctions": "sanction",
                  "thanks": "thanks", "hostilities": "hostilities", "air strikes": "airstrike",
                  "airstrikes": "airstrike"})
    return table


def lemma(token: Token) -> str:
    """The dictionary form of `token` for lexicon look-ups (lower case)."""
    return _lemma(token.text, token.tag_, token.pos_, token.lemma_)


@lru_cache(maxsize=65536)
def _lemma(text: str, tag: str, pos: str, given: str) -> str:
    if given and given != text:
        return given.lower()
    low = text.lower().replace("\u2019", "'")
    if tag.startswith("N"):
        return _noun_table().get(low, low)
    if tag.startswith(("V", "MD")) or pos in ("VERB", "AUX"):
        return _verb_table().get(low, low)
    return _verb_table().get(low) or _noun_table().get(low, low)


def verb_sense(token: Token) -> Sense | None:
    return VERBS.get(lemma(token))


def noun_sense(token: Token) -> Sense | None:
    return NOUNS.get(lemma(token))
