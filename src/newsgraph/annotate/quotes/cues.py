"""Speech cues: the verbs and phrases that attribute words to a speaker.

Two tiers, because news and readouts use them differently:
- SPEECH verbs introduce quoted words or a that-clause ("said", "told reporters", "added").
- STATEMENT verbs also report a statement through a plain noun phrase ("emphasized the shared
  awareness ...", "termed the interaction as productive"); they make an indirect quote even
  without a that-clause. Verbs that code an action rather than a statement (welcomed,
  condemned, discussed, thanked) are events, not quotes, and are deliberately absent.
"""

from __future__ import annotations

from spacy.tokens import Token

# Lemmas that introduce direct or reported speech.
SPEECH = frozenset("""
say state tell add note emphasize emphasise underscore stress reiterate reaffirm highlight
affirm assert declare explain observe term describe argue insist warn acknowledge confirm
claim mention remark conclude comment recall predict suggest caution write ask answer reply
respond announce continue quip concede admit maintain contend estimate proclaim vow pledge
promise point label call attest testify
""".split())

# Of those, the ones whose plain object is itself the statement (no that-clause needed).
STATEMENT = frozenset("""
emphasize emphasise underscore stress reiterate reaffirm highlight note term describe
acknowledge mention label observe affirm
""".split())

# Verbs that only count as cues with a particle or a following phrase.
PHRASAL = {"go": {"on"}, "point": {"out", "to"}, "sum": {"up"}, "spell": {"out"},
           "make": {"clear"}, "put": {"it"}}

# Verbs that need a clausal complement or a quote to be speech: "called for sanctions" is a
# request and "announced $5 million" an action, but "announced that ..." is a statement.
NEEDS_CLAUSE = frozenset("announce call continue ask answer reply respond confirm pledge "
                         "promise vow point".split())

# Irregular forms; regular ones are generated below. (The lemmatizer is excluded from our
# pipeline for speed, so cues are matched on surface forms.)
_IRREGULAR = {"said": "say", "says": "say", "told": "tell", "wrote": "write",
              "written": "write", "went": "go", "goes": "go", "gone": "go", "spoke": "speak",
              "made": "make"}


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


_DOUBLED = {"label", "sum", "quip", "admit", "omit"}
_FORM_TO_LEMMA: dict[str, str] = {}
for _lem in SPEECH | set(PHRASAL):
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


def particles(tok: Token) -> list[Token]:
    """The words completing a phrasal cue ("went *on*", "pointed *to*", "made *clear*")."""
    words = PHRASAL.get(lemma(tok), set())
    return [c for c in tok.children
            if c.lower_ in words and c.dep_ in ("prt", "prep", "advmod", "ccomp", "acomp",
                                                 "oprd", "dobj")]
