"""The conditions and result functions that the rows of `data/verb_rules.tsv` name.

A condition reads the arguments of a trigger verb (`VerbArgs`) and the argument groups
written in its row (`object_in(sale transfer)`: one group; `prep_head_in(by; phone)`: two),
and says whether the row applies. A result function computes the sense a row gives, where
a fixed CATEGORY/mode will not do. Register a new one with `@condition("name", groups=n)`
or `@result("name", groups=n)`; the table loader rejects a row that names an unknown one or
gives it the wrong number of groups.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from spacy.tokens import Token

from newsgraph.annotate.events.words import (
    aid_mode,
    dated,
    has_money,
    has_prt,
    is_personal,
    kids,
    lems,
    objects,
    prep_objs,
    singular,
    subjects_of,
)
from newsgraph.annotate.plover import Sense, lemma, noun_sense

Groups = tuple[frozenset[str], ...]


@dataclass
class VerbArgs:
    """A trigger verb, its lexicon sense, and views of its arguments read once per verb."""

    verb: Token
    sense: Sense
    lemma: str

    @cached_property
    def objs(self) -> list[Token]:
        return objects(self.verb)

    @cached_property
    def olems(self) -> set[str]:
        """Lemmas of the objects' heads and modifiers (see `event_words.lems`)."""
        return set().union(*(lems(o) for o in self.objs)) if self.objs else set()

    @cached_property
    def subjects(self) -> list[Token]:
        return subjects_of(self.verb)

    @cached_property
    def clauses(self) -> list[Token]:
        """Clausal complements ("allowed them to vote", "allow that ...")."""
        return kids(self.verb, "ccomp", "xcomp")


@dataclass(frozen=True)
class Registered:
    fn: Callable[..., Any]
    groups: int  # how many argument groups it takes
    optional: int = 0  # how many of them a row may leave out


CONDITIONS: dict[str, Registered] = {}
RESULTS: dict[str, Registered] = {}


def condition(name: str, groups: int = 0) -> Callable[[Callable[..., bool]],
                                                      Callable[..., bool]]:
    def register(fn: Callable[..., bool]) -> Callable[..., bool]:
        CONDITIONS[name] = Registered(fn, groups)
        return fn
    return register


def result(name: str, groups: int = 0, optional: int = 0
           ) -> Callable[[Callable[..., Sense | None]], Callable[..., Sense | None]]:
    def register(fn: Callable[..., Sense | None]) -> Callable[..., Sense | None]:
        RESULTS[name] = Registered(fn, groups, optional)
        return fn
    return register


# ------------------------------------------------------------------ the verb itself


@condition("lemma", groups=1)
def _lemma(a: VerbArgs, words: frozenset[str]) -> bool:
    return a.lemma in words


@condition("category", groups=1)
def _category(a: VerbArgs, cats: frozenset[str]) -> bool:
    """The lexicon sense has one of these categories."""
    return a.sense.category in cats


@condition("dep", groups=1)
def _dep(a: VerbArgs, deps: frozenset[str]) -> bool:
    return a.verb.dep_ in deps


@condition("tag", groups=1)
def _tag(a: VerbArgs, tags: frozenset[str]) -> bool:
    return a.verb.tag_ in tags


@condition("pos", groups=1)
def _pos(a: VerbArgs, tags: frozenset[str]) -> bool:
    return a.verb.pos_ in tags


@condition("child", groups=1)
def _child(a: VerbArgs, deps: frozenset[str]) -> bool:
    """The verb has a child with one of these dependency labels."""
    return any(c.dep_ in deps for c in a.verb.children)


@condition("dated")
def _dated(a: VerbArgs) -> bool:
    """A participle with a date or an agent: a reduced clause reporting an act."""
    return dated(a.verb)


@condition("particle", groups=1)
def _particle(a: VerbArgs, words: frozenset[str]) -> bool:
    """A particle, adverb or preposition of the verb is one of `words` ("call on")."""
    return has_prt(a.verb, *words)


# ------------------------------------------------------------------ objects


@condition("has_object")
def _has_object(a: VerbArgs) -> bool:
    return bool(a.objs)


@condition("object_in", groups=1)
def _object_in(a: VerbArgs, words: frozenset[str]) -> bool:
    """A word of an object phrase (head or modifier, see `VerbArgs.olems`) is in `words`."""
    return not a.olems.isdisjoint(words)


@condition("objects_within", groups=1)
def _objects_within(a: VerbArgs, words: frozenset[str]) -> bool:
    """Every word of the object phrases is in `words` (true when there is none)."""
    return a.olems <= words


@condition("object_head_in", groups=1)
def _object_head_in(a: VerbArgs, words: frozenset[str]) -> bool:
    return any(lemma(o) in words for o in a.objs)


@condition("every_object_head_in", groups=1)
def _every_object_head_in(a: VerbArgs, words: frozenset[str]) -> bool:
    """Every object's head lemma is in `words` (true when there is none)."""
    return all(lemma(o) in words for o in a.objs)


@condition("object_word", groups=1)
def _object_word(a: VerbArgs, words: frozenset[str]) -> bool:
    """An object is one of `words` as written (lower case): "pardon me"."""
    return any(o.lower_ in words for o in a.objs)


@condition("every_object_word", groups=1)
def _every_object_word(a: VerbArgs, words: frozenset[str]) -> bool:
    """Every object is one of `words` as written (true when there is none)."""
    return all(o.lower_ in words for o in a.objs)


@condition("object_entity", groups=1)
def _object_entity(a: VerbArgs, types: frozenset[str]) -> bool:
    return any(o.ent_type_ in types for o in a.objs)


@condition("object_pos", groups=1)
def _object_pos(a: VerbArgs, tags: frozenset[str]) -> bool:
    return any(o.pos_ in tags for o in a.objs)


@condition("personal_object")
def _personal_object(a: VerbArgs) -> bool:
    """An object is a who (people, a country, an organisation)."""
    return any(is_personal(o) for o in a.objs)


@condition("event_object")
def _event_object(a: VerbArgs) -> bool:
    """An object is an event noun of the lexicon ("attended the summit")."""
    return any(noun_sense(o) is not None for o in a.objs)


@condition("money_object")
def _money_object(a: VerbArgs) -> bool:
    return any(has_money(o) for o in a.objs)


# ------------------------------------------------------------------ prepositions


@condition("prep", groups=1)
def _prep(a: VerbArgs, preps: frozenset[str]) -> bool:
    """The verb has an object of one of these prepositions ("travel to")."""
    return bool(prep_objs(a.verb, *preps))


@condition("prep_head_in", groups=2)
def _prep_head_in(a: VerbArgs, preps: frozenset[str], words: frozenset[str]) -> bool:
    """The head lemma of an object of `preps` is in `words` ("spoke by phone")."""
    return any(lemma(p) in words for p in prep_objs(a.verb, *preps))


@condition("prep_words_in", groups=2)
def _prep_words_in(a: VerbArgs, preps: frozenset[str], words: frozenset[str]) -> bool:
    """A word of an object phrase of `preps` (head or modifier) is in `words`."""
    return any(not lems(p).isdisjoint(words) for p in prep_objs(a.verb, *preps))


@condition("prep_entity", groups=2)
def _prep_entity(a: VerbArgs, preps: frozenset[str], types: frozenset[str]) -> bool:
    return any(p.ent_type_ in types for p in prep_objs(a.verb, *preps))


@condition("prep_personal", groups=1)
def _prep_personal(a: VerbArgs, preps: frozenset[str]) -> bool:
    return any(is_personal(p) for p in prep_objs(a.verb, *preps))


@condition("prep_verb", groups=1)
def _prep_verb(a: VerbArgs, preps: frozenset[str]) -> bool:
    """An object of `preps` is a verb or gerund ("committed to working")."""
    return any(p.tag_ == "VBG" or p.pos_ == "VERB" for p in prep_objs(a.verb, *preps))


# ------------------------------------------------------------------ subjects and clauses


@condition("has_subject")
def _has_subject(a: VerbArgs) -> bool:
    """A subject of the verb, or of the verb it complements or is conjoined to."""
    return bool(a.subjects)


@condition("actor_subject")
def _actor_subject(a: VerbArgs) -> bool:
    """A subject is a who or a name ("variants threaten us" has neither)."""
    return any(is_personal(s) or s.pos_ == "PROPN" for s in a.subjects)


@condition("subject_in", groups=1)
def _subject_in(a: VerbArgs, words: frozenset[str]) -> bool:
    return any(lemma(s) in words or s.lower_ in words for s in a.subjects)


@condition("nsubj_head_in", groups=1)
def _nsubj_head_in(a: VerbArgs, words: frozenset[str]) -> bool:
    """The verb's own subject has its head lemma in `words` ("troops mobilized", "the army
    mobilized"); a plural head counts by its singular, as object words do."""
    return any(lemma(s) in words or singular(lemma(s)) in words for s in kids(a.verb, "nsubj"))


@condition("several_subjects")
def _several_subjects(a: VerbArgs) -> bool:
    """The subject names several people: "Olaf and I", "they", "the leaders"."""
    subj = kids(a.verb, "nsubj")
    if not subj:
        return False
    first = subj[0]
    return bool(kids(first, "conj") or first.lower_ == "they" or (
        first.tag_ in ("NNS", "NNPS") and is_personal(first)))


@condition("content_in", groups=1)
def _content_in(a: VerbArgs, words: frozenset[str]) -> bool:
    """A word of the objects or of a clausal complement is in `words` ("allowed access",
    "allowed them to vote")."""
    found = a.olems | set().union(*(lems(x) for x in a.clauses))
    return not found.isdisjoint(words)


@condition("personal_content")
def _personal_content(a: VerbArgs) -> bool:
    """An object, or the subject of a clausal complement, is a who."""
    who = a.objs + [s for x in a.clauses for s in kids(x, "nsubj")]
    return any(is_personal(o) for o in who)


@condition("designated_as", groups=1)
def _designated_as(a: VerbArgs, words: frozenset[str]) -> bool:
    """The objects, or what they are designated as, hold a word of `words`."""
    as_ = prep_objs(a.verb, "as") + kids(a.verb, "oprd")
    found = a.olems | set().union(*(lems(x) for x in as_)) if as_ else a.olems
    return not found.isdisjoint(words)


# ------------------------------------------------------------------ result functions


@result("aid_sense", groups=1, optional=1)
def _aid_sense(a: VerbArgs, default: frozenset[str] = frozenset()) -> Sense | None:
    """AID with the mode its objects' words give (military, humanitarian, economic), else
    the mode written in the row, if any ("aid_sense(humanitarian)")."""
    return Sense("AID", aid_mode(a.olems) or next(iter(default), None))
