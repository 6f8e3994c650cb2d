"""Roles given once over a list of names: a plural role phrase before the list gives every
name in it the singular ("Democratic presidential candidates Hillary Clinton and Bernie
Sanders", "Justices Samuel Alito, Clarence Thomas and Sonia Sotomayor", "Several leading
Republican candidates, including Donald Trump and Senators Ted Cruz and Marco Rubio,",
"The Democratic candidates, Hillary Clinton and Senator Bernie Sanders, have ...").

A name's own title stays (Sanders is a Senator and a Candidate); a party label in the
phrase is every listed person's party.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph import lexicon
from newsgraph.annotate.entities import appositions, occupations, parties, roles
from newsgraph.annotate.entities.names import Scan
from newsgraph.annotate.entities.roles import Title
from newsgraph.annotate.entities.titles import merge_title

# Words between the names of a list, and the words that open a list after its role phrase.
SEPARATORS = frozenset({",", "and", "or", "&"})
OPENERS = frozenset({"including", ":", "--", "—", "–", "("})
POSSESSIVES = frozenset({"'s", "’s"})
# "such senior Republicans as John McCain and ...": how far before "as" "such" may stand.
SUCH_REACH = 5
# How many tokens a prepositional tail may run after the plural head ("justices on the court").
TAIL_REACH = 6
# The prepositions of such a tail: the body or the place the holders serve ("senators from
# Texas"); not the circumstance ("the candidates in the race").
TAIL_PREPS = frozenset({"of", "from"})
# How many tokens a list may run back from a name, and how long a role phrase may be.
LIST_REACH = 30
PHRASE_REACH = 5
# "other", "fellow", "several": words that count the holders, and "black", "female": words
# of who they are; neither is part of the role.
QUANTIFIERS = lexicon.role_words().tagged("quantifier", "identity")
PUBLIC = lexicon.role_words().tagged("public", "trade", "field")
GENERIC = lexicon.role_words().tagged("generic")


def singular(word: str) -> str | None:
    """The role word a plural stands for ("candidates" -> "candidate", "Justices" ->
    "Justice", "lawyers" -> "lawyer"), or None."""
    low = word.lower().rstrip(".")
    if low in ("sens", "reps"):
        return None  # abbreviated plurals have their own rule (lists.listed_after)
    one = occupations.singular(low)
    if one is not None and " " not in one:
        return one
    if low.endswith("ies") and low[:-3] + "y" in PUBLIC:
        return low[:-3] + "y"  # "deputies"
    if len(low) > 3 and low.endswith("s") and not low.endswith("ss"):
        stem = low[:-1]
        if roles.is_head(stem) or stem in PUBLIC:
            return stem
    return None


def _skippable(ctx: Scan, tok: Token) -> bool:
    """A token inside a list of names: a name, a separator, an honorific or a singular
    title word of one listed name ("and Senator Bernie Sanders", "Mr. Sanders")."""
    if _plural_head(tok) is not None:
        return False  # "and Senators Ted Cruz and Marco Rubio": a list of its own
    doc = ctx.doc
    if tok.text == "." and tok.i > 0 and roles.is_title_word(doc[tok.i - 1].text):
        return True  # "Reps" "." split by the tokenizer
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if _place(ctx, tok) and nxt is not None and (nxt.text in POSSESSIVES or (
            nxt.text[:1].isupper() and roles.is_title_word(nxt.text.rstrip(".")))):
        return True  # "including U.S. Reps. Ileana Ros-Lehtinen", "Arizona's John McCain"
    if tok.text in POSSESSIVES and tok.i > 0 and _place(ctx, doc[tok.i - 1]):
        return True
    return tok.i in ctx.name_tokens or tok.ent_type_ == "PERSON" or tok.lower_ in SEPARATORS \
        or tok.lower_ in roles.HONORIFICS or (tok.text[:1].isupper() and roles.is_title_word(
            tok.text.rstrip(".")))


def _place(ctx: Scan, tok: Token) -> bool:
    return tok.i in ctx.hit_at or tok.ent_type_ == "GPE"


def _list_start(ctx: Scan, start: int, sent: Span) -> int:
    """The first token of the list of names the name at `start` ends or is part of."""
    doc = ctx.doc
    first = start
    k = start - 1
    while k >= max(sent.start, start - LIST_REACH) and _skippable(ctx, doc[k]):
        if doc[k].lower_ not in SEPARATORS:
            first = k
        k -= 1
    while first < start and (doc[first].lower_ in SEPARATORS):
        first += 1
    return first


def _closed(ctx: Scan, end: int, sent: Span) -> bool:
    """The list a name ends, or runs on after it, is closed by a comma ("The Democratic
    candidates, Hillary Clinton and Senator Bernie Sanders, have ..."): an apposition."""
    doc = ctx.doc
    k = end
    while k < sent.end and _skippable(ctx, doc[k]) and doc[k].text != ",":
        k += 1
    return k < sent.end and doc[k].text == "," and k + 1 < sent.end \
        and not _skippable(ctx, doc[k + 1])


def _phrase_end(ctx: Scan, first: int, end: int, sent: Span) -> int | None:
    """The last token of the plural role phrase before a list that starts at `first`:
    right before it, before an opener ("including", a colon, a dash) or before a comma
    that opens an apposition closed after the list."""
    doc = ctx.doc
    h = first - 1
    if h < sent.start:
        return None
    if doc[h].lower_ in OPENERS or (doc[h].lower_ == "as" and doc[h - 1].lower_ == "such") \
            or (doc[h].lower_ == "them" and doc[h - 1].lower_ == "among"):
        h -= 2 if doc[h].lower_ in ("as", "them") else 1
        if h >= sent.start and doc[h].text == ",":
            h -= 1
    elif doc[h].lower_ == "as":
        such = [j for j in range(max(sent.start, h - SUCH_REACH), h) if doc[j].lower_ == "such"]
        if not such or such[-1] >= h - 1:
            return None
        h -= 1  # "such senior Republicans as ...": the phrase ends before "as"
    elif doc[h].text == ",":
        if not _closed(ctx, end, sent):
            return None
        h -= 1
    return h if h >= sent.start else None


def _head_before_tail(doc: Doc, h: int, sent: Span) -> int:
    """The plural role noun a prepositional tail follows ("members of Congress from
    Florida", "senators from both parties"): where the phrase's head is; `h` itself when the
    token is no such tail's end."""
    k = h
    for _ in range(2):
        tok = doc[k]
        if _headlike(tok) or tok.dep_ != "pobj" or tok.head.lower_ not in TAIL_PREPS:
            break
        k = tok.head.head.i
        if not sent.start <= k < h or h - k > TAIL_REACH:
            return h
    return k if _headlike(doc[k]) else h


def _headlike(tok: Token) -> bool:
    return _plural_head(tok) is not None or tok.lower_ == "members"


def _of_tail(doc: Doc, h: int, end: int) -> list[str]:
    """ "of" and the capitalised words after a plural head ("members of Congress"): part of
    the role."""
    i = h + 2
    if i < end and doc[i].lower_ == "the":
        i += 1
    if i < end and doc[h + 1].lower_ == "of" and doc[i].is_title:
        words = ["of"]
        for t in doc[i:end]:
            if not t.is_title:
                break
            words.append(t.text)
        return words
    return []


def _plural_head(tok: Token) -> str | None:
    """The singular of a plural role noun ("candidates", "Justices"), or None."""
    if tok.tag_ not in ("NNS", "NNPS") and not (tok.tag_ == "NNP" and roles.is_plural_head(
            tok.text)) or tok.lower_.rstrip(".") in ("sens", "reps"):
        return None
    return singular(tok.text)


def list_role(ctx: Scan, start: int, end: int, sent: Span, titled: bool) -> Title | None:
    """The roles plural phrases before the list of names that holds [start, end) give
    each listed name, with the phrases' party label; None where there is none. A list
    inside a list has both ("candidates, including Donald Trump and Senators Ted Cruz and
    Marco Rubio": Cruz is a Senator and a Candidate). A `titled` name (one with a title
    of its own) takes no generic role ("senior officials, including Secretary Blinken")."""
    found = _one_list_role(ctx, start, end, sent, titled)
    if found is None:
        return None
    title, k = found
    outer = _one_list_role(ctx, k, end, sent, titled) if k > sent.start and \
        ctx.doc[k - 1].lower_ in SEPARATORS else None
    if outer is not None:
        merge_title(title, outer[0])
    return title


def _singular_at(doc: Doc, h: int, sent: Span, tail_end: int) -> tuple[str | None, int]:
    """The singular of the plural role noun at token h, and where the noun starts (a
    hyphenated one: "front-runners")."""
    one = _plural_head(doc[h])
    if one is None and doc[h].lower_ == "members" and _of_tail(doc, h, tail_end):
        one = "member"  # "members of Congress", "members of the Knesset"
    if h - 2 >= sent.start and doc[h - 1].text == "-" and not doc[h - 2].whitespace_ \
            and not doc[h - 1].whitespace_:
        return singular(doc[h - 2].text + "-" + doc[h].text), h - 2
    return one, h


def _one_list_role(ctx: Scan, start: int, end: int, sent: Span, titled: bool
                   ) -> tuple[Title, int] | None:
    """The role of the nearest plural phrase before the list that holds token `start`,
    and where that phrase starts."""
    doc = ctx.doc
    first = _list_start(ctx, start, sent)
    h = _phrase_end(ctx, first, end, sent)
    if h is None:
        return None
    if parties.is_label(doc[h].text) and doc[h].text.endswith("s"):
        return Title(party=doc[h].text), h  # "Republicans Ted Cruz and Marco Rubio"
    tail_end = h + 1
    h = _head_before_tail(doc, h, sent)
    if h in ctx.hit_at:
        return None
    one, k = _singular_at(doc, h, sent, tail_end)
    if one is None:
        return None
    while k > max(sent.start, h - PHRASE_REACH) and k - 1 not in ctx.name_tokens:
        prev = doc[k - 1]
        if prev.dep_ in appositions.MODIFIER_DEPS | {"nummod"} \
                and prev.pos_ in ("ADJ", "NOUN", "PROPN", "NUM", "VERB") \
                or parties.is_label(prev.text) or prev.lower_ in QUANTIFIERS:
            k -= 1
        else:
            break
    title = Title()
    words = appositions.phrase_words(ctx, doc[k:h + 1], title)[:-1]
    words = [w for w in words if w.lower() not in QUANTIFIERS and not parties.is_label(w)]
    if titled and one in GENERIC:
        title.roles, title.role_texts = [], []
        return title, k
    head = one[:1].upper() + one[1:] if doc[h].text[:1].isupper() else one
    title.roles.append(roles.normalize_role(" ".join([*words, head, *_of_tail(doc, h,
                                                                         tail_end)])))
    title.role_texts.append(doc[k:h + 1].text)
    countries = {ctx.hit_at[i].place.country for i in range(k, h) if i in ctx.hit_at}
    if len(countries) > 1:
        # "Cuban American politicians": a heritage, not the country each of them serves
        title.affiliation = title.affiliation_kind = None
    return title, k
