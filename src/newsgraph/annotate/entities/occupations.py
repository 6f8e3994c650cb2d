"""Occupations and professions as roles (`data/occupations.tsv`): the jobs news gives the
people it quotes who hold no office, in the places a title stands.

- before the name: "Economist Paul Grant said" (a capitalised occupation that opens the
  sentence), "prison guards Tom Ray and Ann Finn" (a plural over a list: each name gets
  Prison Guard), "police officer Dan Cobb" (the compound the table lists, not Officer);
- after it, in the apposition rules of `appositions`: the words this module lets through
  or drops ("a retired surgeon", "a visiting fellow", "a 54-year-old nurse", "an
  Austin-based pollster", "an award-winning journalist"), and where the phrase ends ("a
  lawyer representing the family");
- as a predicate: "Lee is a real estate agent" (an indefinite predicate gives a role only
  when its head is listed here), "Lee, who works as a paramedic".

A capitalised occupation that is also a common name ("Baker", "Dean", "Judge": use "name")
is read as a name. A word ran into a name by the model ("Lawyers Tom Ray") is cut off it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from newsgraph import lexicon
from newsgraph.annotate.entities import roles
from newsgraph.annotate.entities.roles import Title

if TYPE_CHECKING:
    from newsgraph.annotate.entities.names import Scan

PHRASES = lexicon.occupations().tagged("occupation")
NAME_WORDS = lexicon.occupations().tagged("name")
SINGLE = frozenset(p for p in PHRASES if " " not in p)
EVALUATIVE = lexicon.role_words().tagged("evaluative")
WORKS_AS = lexicon.role_words().tagged("works_as")
AUXILIARIES = frozenset({"is", "was", "has", "had", "have", "now", "also"})
# Words before a compound that stay in the role ("former police officer").
KEPT_BEFORE = frozenset({"former", "retired"})
# What may stand before a capitalised occupation that opens a clause: a quotation mark, a
# dash, a colon ("— Economist Paul Grant said").
CLAUSE_OPENERS = frozenset({"\"", "“", "‘", "'", "—", "–", "-", ":", "(", ";", ","})
POSSESSIVE = frozenset({"’s", "'s"})
MAX_COMPOUND = 4


def _plural(word: str) -> str:
    if word.endswith("man"):
        return word[:-3] + "men"  # "businessmen", "chairmen"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    if word.endswith(("s", "sh", "ch", "x")):
        return word + "es"
    return word + "s"


# "lawyers" -> "lawyer", "prison guards" -> "prison guard"
PLURALS = {" ".join([*p.split()[:-1], _plural(p.split()[-1])]): p for p in PHRASES}


def is_occupation(word: str) -> bool:
    """A listed one-word occupation, singular ("designer", "nurse", "pollster")."""
    return word.lower() in SINGLE


def singular(word: str) -> str | None:
    """The listed occupation a plural stands for ("lawyers" -> "lawyer"), or None."""
    return PLURALS.get(word.lower())


def capitalised(tok: Token) -> bool:
    """A capitalised occupation, singular or plural, that is no common name ("Economist",
    "Lawyers"; not "Baker", "Dean")."""
    low = tok.lower_
    return tok.is_title and tok.is_alpha and low not in NAME_WORDS \
        and (low in SINGLE or PLURALS.get(low, "") in SINGLE) and not roles.is_title_word(tok.text)


def opens_name(doc: Doc, start: int, end: int) -> bool:
    """A capitalised occupation the model ran into a name of two more words ("Firefighter
    Mary Lowe", "Lawyers Tom Ray"), or into one it calls an organisation ("Pastor Tunde
    Bakare"): the words after it must look like a name."""
    return end - start >= 3 and capitalised(doc[start]) and all(
        t.is_title and t.is_alpha for t in doc[start + 1:end])


def compound_start(doc: Doc, h: int, sent: Span, last: str | None = None) -> int | None:
    """Where the longest listed compound that ends at token h starts ("real estate agent",
    "police officer"); `last` is the head's singular. None when no compound is listed."""
    last = last or doc[h].lower_
    for n in range(MAX_COMPOUND, 1, -1):
        s = h - n + 1
        if s < sent.start or not all(t.is_alpha and (t.is_lower or t.i == sent.start)
                                     for t in doc[s:h]):
            continue
        if " ".join([*(t.lower_ for t in doc[s:h]), last]) in PHRASES:
            return s
    return None


def _title(doc: Doc, k: int, h: int, head: str | None = None) -> Title:
    words = [t.text for t in doc[k:h]] + [head or doc[h].text]
    return Title(roles=[roles.normalize_role(" ".join(words))], role_texts=[doc[k:h + 1].text])


def capitalised_before(ctx: Scan, start: int, sent: Span) -> Title | None:
    """ "Economist Paul Grant said ...", "— Designer Anna Pell", "Arizona's Sheriff Joe
    Arpaio": a capitalised occupation right before the name that opens the sentence or a
    clause or follows a lower-case word or a possessive (not a run of capitalised words,
    which names an organisation)."""
    doc = ctx.doc
    h = start - 1
    if h < sent.start or h in ctx.hit_at or h in ctx.name_tokens:
        return None
    tok = doc[h]
    if not capitalised(tok) or tok.lower_ not in SINGLE:
        return None
    if h > sent.start and doc[h - 1].text not in CLAUSE_OPENERS and not (
            doc[h - 1].is_lower or doc[h - 1].text in POSSESSIVE):
        return None  # "Arizona's Sheriff Joe Arpaio", "said Coach Ann Lee"
    return _title(doc, h, h)


def plural_before(ctx: Scan, start: int, end: int, sent: Span) -> Title | None:
    """ "prison guards Tom Ray and Ann Finn", "Lawyers Tom Ray and Ann Finn filed ...": a
    plural occupation right before a list of names gives each its singular (the people
    rules share it over the list)."""
    doc = ctx.doc
    h = start - 1
    if h < sent.start or end >= sent.end or doc[end].lower_ not in ("and", ",") \
            or end - start < 2:
        return None  # "architects John and Donald Parkinson": "John" may join a namesake
    tok = doc[h]
    one = singular(tok.lower_)
    if one is None or h in ctx.name_tokens or h in ctx.hit_at or tok.lower_ == one:
        return None
    if not tok.is_lower and not (capitalised(tok) and (h == sent.start or not doc[h - 1].is_title)):
        return None  # "attended by Pastors David Jeremiah and ..."; not "Trial Lawyers ..."
    head = one.split()[-1]
    k = compound_start(doc, h, sent, head)
    if k is None:
        k = h
        if " " in one:
            return None
    return _title(doc, k, h, head[:1].upper() + head[1:] if tok.is_title else head)


def second_before(ctx: Scan, start: int, sent: Span, title: Title) -> None:
    """ "comedian and actor Peter Serafin": a listed occupation joined by "and" to the one
    right before the name is a second role of the same person."""
    doc = ctx.doc
    j = start - 3
    if len(title.roles) != 1 or title.role_texts[0] != doc[start - 1].text or j < sent.start \
            or doc[j + 1].lower_ != "and" or not doc[j].is_lower or doc[j].lower_ not in SINGLE:
        return
    title.roles.append(roles.normalize_role(doc[j].text))
    title.role_texts.append(doc[j].text)


def widen(ctx: Scan, title: Title, first: int, start: int, sent: Span) -> None:
    """A lower-case title before the name that ends a listed compound takes the whole
    compound: "police officer Dan Cobb" is a Police Officer, "former prison officer ..." a
    Former Prison Officer (the title rules read only "officer")."""
    doc = ctx.doc
    if len(title.roles) != 1 or first >= start \
            or not all(t.is_lower for t in doc[first:start]):
        return
    k = compound_start(doc, start - 1, sent)
    if k is None or k >= first:
        return
    while k > sent.start and doc[k - 1].lower_ in KEPT_BEFORE:
        k -= 1
    text = doc[k:start].text
    title.roles, title.role_texts = [roles.normalize_role(text)], [text]


def predicate_role(doc: Doc, attr: Token, k: int, sent: Span) -> bool:
    """ "Lee is a real estate agent", "she was a nurse": an indefinite predicate whose head
    is a listed occupation (not a judgement: "a transformative leader", "a front-runner")."""
    return doc[k].lower_ in ("a", "an", "the") and attr.tag_ == "NN" and (
        attr.lower_ in SINGLE or compound_start(doc, attr.i, sent) is not None)


def employer_after(attr: Token) -> bool:
    """A predicate that is no title says whose it is only with a name: "she is an
    economist at the World Bank", not "he is the architect of his party's plan", "a vocal
    advocate of trade deals", "the author of the bill" (a figure of speech)."""
    if roles.is_head(attr.text):
        return True
    for prep in attr.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is None or not obj.text[:1].isupper():
                return False
    return True


def works_as(doc: Doc, k: int, sent: Span) -> int | None:
    """ "who works as a paramedic", "who has worked as a teacher", "who is employed as a
    cleaner": where the noun phrase after "as" starts (past its article), or None."""
    if doc[k].lower_ in AUXILIARIES and k + 1 < sent.end and doc[k + 1].lower_ in WORKS_AS:
        k += 1
    if k + 2 >= sent.end or doc[k].lower_ not in WORKS_AS or doc[k + 1].lower_ != "as":
        return None
    return k + 3 if doc[k + 2].lower_ in ("a", "an", "the") else k + 2


def modifier_verb(tok: Token) -> bool:
    """A participle that describes the holder, not a clause's verb: "a retired surgeon",
    "a visiting fellow", "an award-winning journalist"."""
    doc = tok.doc
    in_compound = tok.i > 0 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_
    return tok.tag_ in ("VBN", "VBG") and (tok.dep_ in ("amod", "compound") or in_compound)


def clause_after_head(tok: Token) -> bool:
    """A participle clause after the head ends the role phrase: "a lawyer representing the
    family", "an analyst based in London", "a spokesman speaking on condition ...", "a
    lawyer hoping to ..." (a word in -ing before an infinitive, whatever its tag)."""
    doc = tok.doc
    if len(tok) > 5 and tok.lower_.endswith("ing") and tok.i + 2 < len(doc) \
            and doc[tok.i + 1].lower_ == "to" and doc[tok.i + 2].tag_ == "VB":
        return True  # "the former secretary of state bidding to make history"
    if tok.pos_ == "ADV" and tok.i + 1 < len(doc):
        tok = doc[tok.i + 1]  # "an Iowa operative currently working for ..."
        k = tok.i - 1
    else:
        k = tok.i
    return tok.tag_ in ("VBG", "VBN") and tok.dep_ == "acl" and k > 0 \
        and doc[k - 1].pos_ == "NOUN" and doc[k - 1].is_lower


def joins_compound(doc: Doc, i: int) -> bool:
    """The hyphen of a modifier inside a role phrase: "54-year-old", "Austin-based",
    "award-winning" (a lower-case word after it; not "Institute-Brookings")."""
    return doc[i].text == "-" and 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_ \
        and not doc[i].whitespace_ and (doc[i - 1].is_alpha or doc[i - 1].is_digit) \
        and doc[i + 1].is_lower and doc[i + 1].is_alpha


def clean_words(words: list[str], toks: Span) -> list[str]:
    """The words of a role (`toks`) less the modifiers that are no part of it: a place or
    an employer joined to a participle ("Austin-based", "Harvard-trained"), a judgement
    ("award-winning"), an age ("54-year-old"). None when the head is a judgement ("a
    30-year veteran of the agency")."""
    if len(toks) and toks[-1].lower_ in EVALUATIVE:
        return []
    doc = toks.doc
    if len(words) > 1 and toks.start > 1 and doc[toks.start - 1].text == "-" \
            and not doc[toks.start - 2].whitespace_ and words[0] == toks[0].text:
        words = words[1:]  # "Mumbai-based economist": the compound began before the role
    out = []
    for i, w in enumerate(words):
        parts = w.split("-")
        last = i == len(words) - 1
        if not last and len(parts) > 1 and (
                w.lower() in EVALUATIVE or any(c.isdigit() for c in w)
                or (parts[0][:1].isupper() and all(p.islower() for p in parts[1:]))):
            continue
        out.append(w)
    return out
