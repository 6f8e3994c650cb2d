"""Whether a name the model took for a person is used as one, and place names that are not.

A name that is also a place ("Kramatorsk", "Jenin", "Chasiv Yar" in the GeoNames gazetteer of
`newsgraph.geo.places`) stays a person only with evidence of personhood in the article:
a title or role, an honorific ("Mr Austin"), a speech verb it is the subject of ("Jordan
said", "Austin told reporters"), "according to X", or a mention that names more than the
place ("Lloyd Austin"). Without it, the name is a place.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span, Token

from newsgraph import lexicon
from newsgraph.annotate.entities import roles
from newsgraph.annotate.entities.coref import Person
from newsgraph.geo import places

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


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
    """An honorific right before the name: "Mr Austin", "Dr. Jenin"."""
    return span.start > 0 and doc[span.start - 1].lower_ in roles.HONORIFICS


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


def place_name(p: Person) -> str | None:
    """The place every mention of `p` names ("Kramatorsk", "Khan Younis"), or None when a
    mention names more than a place ("Lloyd Austin") or the name is no place."""
    texts = {" ".join(n.words) for n in p.names}
    if len(texts) != 1:
        return None
    (text,) = texts
    return text if places.is_place(text) else None
