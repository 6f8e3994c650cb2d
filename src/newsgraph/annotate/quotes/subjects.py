"""What a cue's subject covers: the words of its name, and whether it names several speakers.

Used by `speakers` (the name to resolve) and `quotes` (a group is no single speaker).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph import lexicon

# Subjects naming several speakers (data/groups.tsv, use "speaker_group").
_GROUPS = lexicon.groups().tagged("speaker_group")


def is_group(tok: Token) -> bool:
    """A subject naming several speakers: "the leaders", "Blinken and Wang", "Deputy
    Secretary Sherman and State Secretary Michaelis"."""
    if any(c.dep_ == "conj" for c in tok.children):
        return True
    # "the ministers" is a group; "the United Nations" is one organisation.
    if tok.lower_ in _GROUPS and not (tok.pos_ == "PROPN" and tok.text[:1].isupper()
                                      and tok.ent_type_ in ("ORG", "NORP", "GPE")):
        return True
    sub = _own_words(tok)
    if not any(t.dep_ == "cc" and t.lower_ in ("and", "&") for t in sub):
        return False
    people = {t.ent_iob_ == "B" and t.i for t in sub if t.ent_type_ == "PERSON"} - {False}
    return len(people) >= 2


def conjoined_span(tok: Token) -> tuple[int, int] | None:
    """The characters of a subject that joins several names or nouns with "and" ("Khizr and
    Ghazala Khan", "Democrats and civil rights groups"), without what describes it after a
    comma; None where the subject joins nothing."""
    if not any(c.dep_ == "conj" for c in tok.children):
        return None
    words = [t for t in _own_words(tok) if not t.is_punct]
    if not words:
        return None
    first, last = min(words, key=lambda t: t.i), max(words, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def _own_words(tok: Token) -> list[Token]:
    """The subject's words without what describes it after a comma: "Ann Lee, an adviser to
    President Obama and a former director of ..." names one speaker, however many people its
    apposition or relative clause mentions."""
    doc = tok.doc
    cut: set[int] = set()
    for c in tok.rights:
        if c.dep_ in ("appos", "relcl", "acl") and c.left_edge.i > 0 \
                and doc[c.left_edge.i - 1].text == ",":
            cut.update(t.i for t in c.subtree)
    return [t for t in tok.subtree if t.i not in cut]


def noun_phrase(tok: Token) -> Span:
    """The subject's name with its premodifiers, without appositions or clauses."""
    left = tok
    for c in tok.lefts:
        if c.dep_ in ("compound", "amod", "det", "poss", "nmod", "nummod", "punct", "case",
                      "prep", "pobj"):
            left = min(left, c.left_edge, key=lambda t: t.i)
            break
    right = tok
    for c in tok.rights:
        if c.dep_ == "compound" or (c.dep_ == "flat"):
            right = c
    return tok.doc[left.i:right.i + 1]
