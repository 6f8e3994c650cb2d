"""Word lists and small parse helpers shared by the event rules.

Lemmas come from `plover.lemma` (the pipeline runs without spaCy's lemmatizer). The helpers
read the arguments of a verb or noun in spaCy's dependency parse: objects (with conjuncts
and shared objects), prepositional objects, particles, subjects through complements.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph import lexicon
from newsgraph.annotate.plover import LIGHT_VERBS, lemma

# Word lists of the event rules (data/plover_lexicon.json, "lists"): nouns for a who, what
# aid is given as and the words that set its mode, armed forces, weapons.
_LISTS = lexicon.plover_lexicon()
PEOPLE = _LISTS.words("people")
AID_WORDS = _LISTS.words("aid_words")
MILITARY = _LISTS.words("military")
HUMANITARIAN = _LISTS.words("humanitarian")
ECONOMIC = _LISTS.words("economic")
TROOPS = _LISTS.words("troops")
WEAPONS = _LISTS.words("weapons")
PERSONS_ENTS = {"PERSON", "NORP", "ORG", "GPE"}


def kids(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def lems(tok: Token) -> set[str]:
    """Lemmas of a phrase's head and its modifiers ("security assistance" -> both)."""
    out = {lemma(tok)}
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod", "nummod", "quantmod", "poss", "appos",
                      "conj"):
            out.add(lemma(c))
        if c.dep_ == "prep":
            out.update(lemma(p) for p in kids(c, "pobj"))
    return {singular(w) for w in out} | out


def singular(word: str) -> str:
    """A plural lemma without its -s ("troops" -> "troop"): the model's lemmatizer is off, so
    word lists are matched on both forms. "arms" and "aids" are words of their own."""
    return word.rstrip("s") if word.endswith("s") and word not in ("arms", "aids") else word


def objects(verb: Token) -> list[Token]:
    """Direct objects, passive subjects, and their conjuncts; a verb with none shares the
    object of the verb conjoined to it ("supporting and strengthening our partners")."""
    objs = kids(verb, "dobj", "nsubjpass", "attr", "oprd")
    # a noun the parser took for a clause: "concluded ... foreign ministers meeting with"
    objs += [c for c in kids(verb, "ccomp") if c.pos_ == "NOUN"]
    for c in kids(verb, "xcomp"):
        if adjectival_participle(c):  # "imposing blocking sanctions on"
            objs += [o for o in kids(c, "dobj")]
    if not objs:
        for c in kids(verb, "conj"):
            if c.pos_ == "VERB":
                objs = kids(c, "dobj")
                break
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not objs:
        objs = [verb.head]  # reduced relative: "ICBMs launched on March 24"
    for o in list(objs):
        objs.extend(kids(o, "conj"))
    return objs


# Verbs that take a gerund as their complement ("started imposing sanctions"), and verbs
# that need a noun object.
ASPECTUAL = _LISTS.words("aspectual")


NOUN_TAKING = (LIGHT_VERBS | _LISTS.words("noun_taking")) - ASPECTUAL


def adjectival_participle(v: Token) -> bool:
    """A participle before its noun that the parser took for a verb ("are imposing
    blocking sanctions", "imposed crippling sanctions"): an -ing word right after the verb,
    with no subject or 'to', whose object follows it at once."""
    h = v.head
    # only after verbs that need a noun object ("impose", "hold", "announce"), so that
    # "support combatting cancer" keeps its gerund
    return v.tag_ == "VBG" and v.dep_ == "xcomp" and v.i == h.i + 1 and \
        lemma(h) in NOUN_TAKING and not any(
            c.dep_ in ("aux", "nsubj") for c in v.children) and any(
            c.dep_ == "dobj" and c.i == v.i + 1 for c in v.children)


def prep_objs(verb: Token, *preps: str) -> list[Token]:
    out = []
    for p in kids(verb, "prep", "agent", "dative"):
        if p.lower_ in preps:
            out.extend(kids(p, "pobj", "pcomp"))
    return out


def has_prt(verb: Token, *words: str) -> bool:
    return any(c.lower_ in words for c in kids(verb, "prt", "advmod", "prep"))


def dated(v: Token) -> bool:
    """A participle with a date or an agent is a reduced clause reporting an act."""
    for p in kids(v, "prep", "agent"):
        if p.dep_ == "agent" or any(o.ent_type_ in ("DATE", "TIME") for o in p.children):
            return True
    return False


def subjects_of(v: Token) -> list[Token]:
    """Subjects of `v`, or of the verb it is the complement or conjunct of."""
    cur = v
    for _ in range(4):
        subj = kids(cur, "nsubj") + prep_objs(cur, "by")
        if subj or cur.dep_ not in ("xcomp", "conj", "advcl") or cur.head == cur:
            return subj
        cur = cur.head
    return []


# Numbers of a group ("three of those citizens"; data/groups.tsv, use "quantifier").
QUANTIFIERS = lexicon.groups().tagged("quantifier")


def is_personal(tok: Token) -> bool:
    """Is this noun phrase a who (people, a country, an organisation)?"""
    if tok.lower_ in ("it", "this", "that", "which", "what"):
        return False
    if tok.ent_type_ in PERSONS_ENTS or tok.pos_ == "PRON":
        return True
    if tok.like_num or tok.lower_ in QUANTIFIERS:  # "three of those citizens"
        return any(is_personal(o) for o in prep_objs(tok, "of"))
    return lemma(tok).rstrip("s") in PEOPLE or lemma(tok) in PEOPLE


def aid_mode(words: set[str]) -> str | None:
    if words & MILITARY:
        return "military"
    if words & HUMANITARIAN:
        return "humanitarian"
    if words & ECONOMIC:
        return "economic"
    return None


def has_money(tok: Token) -> bool:
    return any(t.ent_type_ == "MONEY" or t.text == "$" for t in tok.subtree)


# ------------------------------------------------------------------ verbs
