"""Verb forms the attribution rules read: infinitives, modals and negation, a cue's own
preposition, and the complements that carry what was said."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.annotate.quotes import cues

COMPLEMENTS = ("dobj", "prep", "attr", "oprd", "ccomp", "xcomp", "acomp", "dative")


def to_clause(c: Token) -> bool:
    """"vowed to keep the plant open", "asked the board to resign": an infinitive clause
    reports what was promised or asked."""
    # "continues to lead" is no promise; in "went on to say" the inner verb is the cue.
    return (c.dep_ == "xcomp" and infinitive(c) and cues.lemma(c.head) not in cues.RAISING
            and cues.cue_lemma(c) is None)


def purpose(c: Token) -> bool:
    """"mentioned US initiatives to enhance India's readiness": an infinitive that the parser
    hung on the verb but that belongs to the object."""
    return c.dep_ == "advcl" and infinitive(c)


MODALS = frozenset("will shall may might could should can would must 'll".split())


def unreal(verb: Token) -> bool:
    """"The Under Secretary will emphasize ...", "did not say": nothing has been said."""
    return any((c.dep_ == "aux" and c.lower_ in MODALS) or c.dep_ == "neg"
               for c in verb.children)


def infinitive(verb: Token) -> bool:
    """"to underscore the importance ...": a purpose or intention, not a statement."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to"
                                     for c in verb.children)


def states_nothing(verb: Token) -> bool:
    """An infinitive cue that states nothing: "to underscore the importance ..." is a
    purpose; "seemed to suggest that ...", "tried to blame the board" are the subject's
    statement or stance."""
    return infinitive(verb) and not (verb.dep_ == "xcomp"
                                      and cues.lemma(verb.head) in cues.RAISING)


def prep_object(verb: Token) -> Token | None:
    """"referred to the plan", "voted against the bill", "warned of a recession": the
    object of the cue's own preposition is what was said or held."""
    for p in cues.particles(verb):
        if p.dep_ == "prep" and p.i > verb.i:
            for c in p.children:
                if c.dep_ in ("pobj", "pcomp"):
                    return c
    return None
