"""Whether a name the model took for a person is used as one, and place names that are not.

A name that is also a place ("Kramatorsk", "Jenin", "Chasiv Yar" in the GeoNames gazetteer of
`newsgraph.geo.places`) stays a person only with evidence of personhood in the article:
a title or role, an honorific ("Mr Austin"), a speech verb it is the subject of ("Jordan
said", "Austin told reporters"), "according to X", or a mention that names more than the
place ("Lloyd Austin"). Without it, the name is a place.
"""

from __future__ import annotations

from collections.abc import Container
from functools import cache

from spacy.tokens import Doc, Span, Token

from newsgraph import lexicon
from newsgraph.annotate import gazetteer
from newsgraph.annotate.entities import roles
from newsgraph.annotate.entities.coref import Person
from newsgraph.geo import places

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# A place known only by an alternate name is a place of at least this many people.
ALTERNATE_MIN_POPULATION = 20000
# A one-word name of a smaller place needs a mention that reads as a place.
SMALL_PLACE = 10000
PLACE_PREPS = frozenset({"in", "into", "near", "at", "from", "to", "toward", "towards",
                         "around", "outside", "inside", "across", "through", "over", "on",
                         "throughout", "within", "between", "via"})


def _forms(lem: str) -> set[str]:
    """Regular inflections of a verb: say -> says, sayed (harmless), saying."""
    if lem.endswith("y") and lem[-2:-1] not in "aeiou":
        return {lem, lem[:-1] + "ies", lem[:-1] + "ied", lem + "ing"}
    if lem.endswith("e"):
        return {lem, lem + "s", lem + "d", lem[:-1] + "ing"}
    return {lem, lem + "s", lem + "es", lem + "ed", lem + "ing", lem + lem[-1] + "ed"}


@cache
def speech_forms() -> frozenset[str]:
    """Every written form of the speech cue verbs of `data/cue_verbs.tsv`."""
    cues = lexicon.cue_verbs()
    out: set[str] = set()
    for lem in cues.tagged("speech", "statement"):
        out |= _forms(lem)
    for forms in cues.column("irregular").values():
        out.update(forms.split())
    return frozenset(out)


def _speaks(root: Token) -> bool:
    """The subject of a speech verb ("Austin told reporters"), or "according to X"."""
    if root.dep_ in SUBJECT_DEPS and root.head.lower_ in speech_forms():
        return True
    head = root.head
    return root.dep_ == "pobj" and head.lower_ == "to" and head.i > 0 \
        and head.nbor(-1).lower_ == "according"


def _honoured(doc: Doc, span: Span) -> bool:
    """An honorific or a title word right before the name: "Mr Austin", "National Security
    Advisors Sullivan and Akiba"."""
    if span.start == 0:
        return False
    prev = doc[span.start - 1]
    return prev.lower_ in roles.HONORIFICS or roles.is_title_word(prev.text)


def used_as_person(doc: Doc, p: Person) -> bool:
    """Evidence in the article that `p` is a person (see the module docstring)."""
    if p.roles or p.role_refs:
        return True
    for n in p.names:
        span = doc.char_span(n.start, n.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        if _honoured(doc, span) or _speaks(span.root):
            return True
    return False


def place_name(doc: Doc, p: Person, named: Container[str]) -> str | None:
    """The place every mention of `p` names ("Kramatorsk", "Khan Younis"), or None when a
    mention names more than a place ("Lloyd Austin") or the name is no place. A one-word
    name needs more, as many places share a surname ("Obama", Japan; "Sullivan", US): a
    mention where it reads as a place (after a preposition of place, or joined to a place:
    "Kherson and Sumy"), or a place of `SMALL_PLACE` people or more in a country the article
    names (`named`: canonical country names)."""
    texts = {" ".join(n.words) for n in p.names}
    if len(texts) != 1:
        return None
    (text,) = texts
    found = places.lookup(text)
    if not found:
        return None
    if not places.is_main_name(text) and found[0].population < ALTERNATE_MIN_POPULATION:
        return None  # alternate names hold given names ("Michel" for Mitchell, SD)
    if " " in text or any(_reads_as_place(doc, n.start, n.end) for n in p.names):
        return text
    return text if any(g.population >= SMALL_PLACE and _country(g) in named
                       for g in found) else None


def _country(place: places.GeoPlace) -> str | None:
    name = places.country_name(place.country_code)
    return gazetteer.lookup_country(name) if name else None


def _reads_as_place(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    first = root
    while first.dep_ == "conj" and first.head is not first:
        first = first.head  # "on Kharkiv and Sumy": the list's first item
    if first.dep_ == "pobj" and first.head.lower_ in PLACE_PREPS:
        return True
    joined = [t for t in (root.head, *root.children) if t.dep_ == "conj" or root.dep_ == "conj"]
    return any(t.ent_type_ in ("GPE", "LOC") for t in joined if t.i not in range(span.start,
                                                                                span.end))
