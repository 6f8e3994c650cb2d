"""Speech cues: the verbs and phrases that attribute words to a speaker.

Two tiers, because news and readouts use them differently:
- SPEECH verbs introduce quoted words or a that-clause ("said", "told reporters", "added").
- STATEMENT verbs also report a statement through a plain noun phrase ("emphasized the shared
  awareness ...", "termed the interaction as productive"); they make an indirect quote even
  without a that-clause. Verbs that code an action rather than a statement (welcomed,
  condemned, discussed, thanked) are events, not quotes, and are deliberately absent.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from newsgraph import lexicon

# The cue verbs and their uses are listed in data/cue_verbs.tsv (its header says why each
# use is there).
_CUES = lexicon.cue_verbs()
# Lemmas that introduce direct or reported speech.
SPEECH = _CUES.tagged("speech")
# Of those, the ones whose plain object is itself the statement (no that-clause needed).
STATEMENT = _CUES.tagged("statement")
# Verbs that name what someone or something is ("called the plan a sham").
NAMING = _CUES.tagged("naming")
# Verbs of thought, intention and feeling: attributed beliefs ("officials fear that ...").
BELIEF = _CUES.tagged("belief")
# Of those, the ones whose plain object is what is held ("endorsed Sanders", "fear a collapse").
STANCE = _CUES.tagged("stance")
# Verbs that attribute a quotation next to them but report no clause of their own
# ('"...," the editorial read', '"...," Fox News reported', '"Why now?" she wondered').
QUOTING = _CUES.tagged("quoting")
# Verbs that only count as cues with a particle or a following phrase.
PHRASAL = {lem: set(parts.split()) for lem, parts in _CUES.column("particles").items()}
# Verbs that need a clausal complement or a quote to be speech.
NEEDS_CLAUSE = _CUES.tagged("needs_clause")
# Verbs whose prepositional object is what was said about ("spoke about the war").
TOPIC = _CUES.tagged("topic")
# Verbs that pass their subject to the cue in their infinitive ("seemed to suggest that ...").
RAISING = _CUES.tagged("raising")
# Irregular forms; regular ones are generated below. (The lemmatizer is excluded from our
# pipeline for speed, so cues are matched on surface forms.)
_IRREGULAR = {form: lem for lem, forms in _CUES.column("irregular").items()
              for form in forms.split()}


def _before_quote() -> re.Pattern[str]:
    """Forms that make a cue right before a quotation, with no comma ('He told reporters
    "..."'); a trailing "*" in the table stands for one more word."""
    forms = [re.escape(f[:-1]) + r" \w+" if f.endswith("*") else re.escape(f)
             for written in _CUES.column("before_quote").values() for f in written.split()]
    return re.compile(r"\b(?:" + "|".join(forms) + ")$")


BEFORE_QUOTE = _before_quote()


def _forms(lem: str) -> set[str]:
    """Regular inflections: note -> notes, noted, noting; stress -> stresses, stressed."""
    forms = {lem}
    if lem.endswith("y") and lem[-2:-1] not in "aeiou":
        forms |= {lem[:-1] + "ies", lem[:-1] + "ied", lem + "ing"}
    elif lem.endswith("e"):
        forms |= {lem + "s", lem + "d", lem[:-1] + "ing"}
    elif lem.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lem + "es", lem + "ed", lem + "ing"}
    else:
        forms |= {lem + "s", lem + "ed", lem + "ing"}
        if lem in _DOUBLED:
            forms |= {lem + lem[-1] + "ed", lem + lem[-1] + "ing"}
    return forms


# Public for the other cue tables (quotes/lightverbs).
inflections = _forms
_DOUBLED = _CUES.tagged("doubled")
_FORM_TO_LEMMA: dict[str, str] = {}
for _lem in SPEECH | BELIEF | RAISING | QUOTING | set(PHRASAL):
    for _f in _forms(_lem):
        _FORM_TO_LEMMA.setdefault(_f, _lem)
_FORM_TO_LEMMA.update(_IRREGULAR)


def lemma(tok: Token) -> str:
    low = tok.lower_
    return _FORM_TO_LEMMA.get(low, low)


def cue_lemma(tok: Token) -> str | None:
    """The cue lemma of a verb token ("went on" -> "go on"), or None if it is no cue."""
    if tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB"):
        return None
    lem = lemma(tok)
    if lem in BELIEF and lem not in SPEECH:
        return None  # a belief, also with its particle ("voted against", "worried about")
    if lem in PHRASAL:
        parts = {c.lower_ for c in particles(tok)}
        hit = parts & PHRASAL[lem]
        if hit:
            return f"{lem} {sorted(hit)[0]}"
        if lem == "go":
            # "went on to say": the cue is the inner verb, found by the caller.
            return None
    if lem in SPEECH:
        return lem
    return None


def quotes_lemma(tok: Token) -> str | None:
    """The lemma of a verb that attributes a quotation next to it: a speech cue or one of
    the QUOTING verbs; None otherwise."""
    found = cue_lemma(tok)
    if found is not None or (tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB")):
        return found
    lem = lemma(tok)
    return lem if lem in QUOTING else None


def belief_lemma(tok: Token) -> str | None:
    """The lemma of a verb of belief, intention or feeling ("fears" -> "fear"), or None."""
    if tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB"):
        return None
    lem = lemma(tok)
    return lem if lem in BELIEF else None


def particles(tok: Token) -> list[Token]:
    """The words completing a phrasal cue ("went *on*", "pointed *to*", "made *clear*")."""
    words = PHRASAL.get(lemma(tok), set())
    return [c for c in tok.children
            if c.lower_ in words and c.dep_ in ("prt", "prep", "advmod", "ccomp", "acomp",
                                                 "oprd", "dobj")]


def form_lemma(word: str) -> str | None:
    """The lemma of a written form of a speech or belief cue ("warns" -> "warn"), or None."""
    lem = _FORM_TO_LEMMA.get(word.lower())
    return lem if lem is not None and (lem in SPEECH or lem in BELIEF) else None
