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


# ------------------------------------------------------------------ the lexicon

# Default senses of verbs (lemmas) and nouns (singular), the verb lists and the irregular
# forms are listed in data/plover_lexicon.json.
_LEXICON = lexicon.plover_lexicon()
VERBS: dict[str, Sense] = {w: Sense(c, m) for w, (c, m) in _LEXICON.verbs.items()}
NOUNS: dict[str, Sense] = {w: Sense(c, m) for w, (c, m) in _LEXICON.nouns.items()}

# Communication verbs with no event of their own, whose object noun carries the event
# ("expressed support", "reaffirmed commitment", "voiced concern").
CARRIERS = _LEXICON.words("carriers")

# Verbs that lend their tense to an event noun ("held talks", "imposed sanctions").
LIGHT_VERBS = _LEXICON.words("light_verbs")

# Verbs that state an attitude towards an act rather than an act: the act they govern is
# intended (and they are not events themselves).
INTEND_VERBS = _LEXICON.words("intend_verbs")
PLAN_VERBS = _LEXICON.words("plan_verbs")

# Irregular forms of lexicon entries and of the verbs the rules look at.
IRREGULAR = _LEXICON.irregular_verbs


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
                | _LEXICON.words("other_verbs"))


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
    table.update(_LEXICON.irregular_nouns)
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
