"""The sense of a trigger verb given its arguments.

The lexicon (`plover.VERBS`) gives a word's default sense; `refine_verb` checks it against
what the verb says it is about, by the rows of data/verb_rules.tsv: "met the leaders" is
CONSULT but "met the target" nothing, "call on X to" REQUEST and "called X" a phone call,
"deploy troops" MOBILIZE and "deploy technology" nothing, "pardon me" no pardon. `phrasal`
handles verb + particle senses ("took to the streets", "set fire to", "voted against").
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph import lexicon
from newsgraph.annotate.events.verb_rules import VerbRules
from newsgraph.annotate.events.words import kids, objects, prep_objs
from newsgraph.annotate.plover import Sense, lemma


def refine_verb(v: Token, sense: Sense, rules: VerbRules) -> Sense | None:
    """The sense of trigger verb `v` given its arguments, or None when it is no event: the
    first row of the verb rules (data/verb_rules.tsv, or the table the events component is
    configured with) that applies to it (see `verb_rules`)."""
    return rules.refine(v, sense)


_LISTS = lexicon.plover_lexicon()
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
