"""The employer named inside a role phrase before its head: "Boise State University
political scientist", "a University of Washington professor", "former National Security
Council official" (the capitalised run is the organisation, not part of the role).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsgraph.annotate.entities import parties, roles
from newsgraph.annotate.entities.names import Scan


def employer_run(ctx: Scan, toks: Span) -> set[int]:
    """The capitalised words before a lower-case head that name an employer ("Boise State
    University political scientist", "former National Security Council official"): a run
    with a word that is no title word, no party label and no place. Empty if none."""
    if not len(toks) or not toks[-1].is_lower:
        return set()
    run = [t for t in toks if t.text[:1].isupper() or t.lower_ == "of" and 0 < t.i - toks.start
           < len(toks) - 1 and t.nbor(-1).is_title and t.nbor(1).is_title]
    if run and run[0].is_sent_start and run[0].tag_ in ("JJ", "NN", "VBN"):
        run = run[1:]  # "Political analyst Jane Roe", "Talk show host ..." open a sentence
    if not run or run[-1].i - run[0].i + 1 != len(run) or not all(
            t.is_lower or not t.is_alpha for t in toks[run[-1].i + 1 - toks.start:]):
        return set()
    if any(t.lower_ == "of" for t in run):
        return {t.i for t in run}  # "University of Washington": a place inside the name
    if any(not roles.is_title_word(t.text) and not parties.is_label(t.text)
           and ctx.hit_at.get(t.i) is None for t in run):
        return {t.i for t in run if ctx.hit_at.get(t.i) is None
                or ctx.hit_at[t.i].place.kind in ("office", "intl")}
    return set()


def inside_name(doc: Doc, i: int, stop: int) -> bool:
    """ "of" inside an employer's name before a lower-case head ("a University of
    Washington professor"), not the "of" after the head."""
    return doc[i].lower_ == "of" and doc[i - 1].is_title and i + 1 < stop \
        and doc[i + 1].is_title and doc[stop - 1].is_lower and doc[stop - 1].is_alpha \
        and all(t.is_title or t.is_lower is False or t.lower_ == "of" for t in doc[i:stop - 1])
