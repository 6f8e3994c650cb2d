"""Names the model tags PERSON that are no person of the story, by the form of the text.

Mention tests (`not_a_name`, read by `names.valid_name`, so by every source of names):
- a hashtag or a handle ("#MakeAmericaGreatAgain", "#PalinTrump", "@SarahPalinUSA");
- an editorial letter in brackets that opens a word ("[W]e encourage ...");
- a people or a group in the plural ("Latinos", "Ottoman Turks", "Kurds", "Democrats",
  "the Clintons"): `data/not_people.tsv`, use "group", and the plurals of the demonyms;
- the names of operations after "operations" ("operations Desert Shield and Desert Storm")
  and a name right after a lower-case "operation" or "exercise" that it does not open a
  clause in ("during operation Iron Sting"; not "the operation Obama ordered");
- an abbreviated title alone before its full stop ("Sec. Clinton" read as "Sec");
- the second party of a court case ("Ashcroft v. Iqbal");
- a name after "alias", "pseudonym", ... ("used the alias Carlos Danger": `not_people.tsv`,
  use "alias");
- a place after a person's age ("said Gonzalez, 55, of Brigantine").

Person tests (`story_people`, after coreference):
- a given name alone after a kinship noun ("his wife, Jane,", "his daughter Rebekah", "Her
  father, Brad,"): a relative named only by a given name is not named (the gold names
  people at least by surname);
- a one-word name used only as a modifier of a common noun after it ("a Reagan appointee",
  "former Obama adviser", "the Koch operation", "the Oscar-nominated actor"): a surname
  alone there names an era, a family or a brand, as with "the Obama administration"
  (`names.names_a_thing`); a full name still names the person ("top Hillary Clinton
  aide", "a Donald Trump supporter"). Not a head where the person acts (`not_people.tsv`,
  use "acts_for": "the Maduro regime" acts for Maduro);
- a name the kind of thing it is modifies ("the newspaper Dagens Nyheter");
- a name of two words or more only ever quoted alone, as a term (" to be replaced by
  ''Coco Beach.''"; one word so quoted is a nickname: "Chrabaszcz, who goes by “Vito,”").
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from newsgraph import lexicon

if TYPE_CHECKING:
    from newsgraph.annotate.entities.coref import Person

HANDLE_MARKS = frozenset({"#", "@"})
# "[W]e", "[T]hey": a bracketed capital that opens a lower-case word.
_EDITORIAL = re.compile(r"^\[?[A-Z]\][a-z]")
OPERATION_WORDS = frozenset({"operation", "operations", "exercise", "exercises"})
# How far back a plural "operations" may open a list of names.
LIST_REACH = 8
CASE_MARKS = frozenset({"v.", "vs.", "v", "vs"})
MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "npadvmod"})
# Tags of a capitalised word that opens a sentence and is no part of the name after it
# ("Said Comey, ...", "Among Latinos, ...", "Billionaire Donald Trump praised ...", "Will
# Warren continue ...?").
OPENER_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBG", "VBN", "VB", "MD", "IN", "RB", "NN",
                         "NNS", "JJ", "JJR", "JJS", "CC", "DT", "WRB", "WP", "PRP$"})
OPEN_QUOTES = frozenset({"“", "\"", "''", "‘", "``"})
CLOSE_QUOTES = frozenset({"”", "\"", "''", "’"})
OPENING_PUNCT = frozenset({"“", "\"", "‘", "'", "(", "[", "—", "–", "-"})


@cache
def _words(use: str) -> frozenset[str]:
    return lexicon.not_people().tagged(use)


@cache
def _group_plurals() -> frozenset[str]:
    """Plural words for peoples and groups: the table's and the demonyms' (+s, +es)."""
    out = set(_words("group"))
    for row in lexicon.tsv_rows("demonyms.tsv"):
        dem = row[0].lower()
        if " " not in dem and not dem.endswith(("s", "sh", "ch", "ese")):
            out.add(dem + "s")
    return frozenset(out)


def not_a_name(doc: Doc, start: int, end: int) -> bool:
    """Tokens [start, end) are no person's name by their form (see the module docstring)."""
    toks = doc[start:end]
    if any(_handle(t) for t in toks) or any(_EDITORIAL.match(t.text) for t in toks):
        return True
    last = toks[-1]
    if last.lower_ in _group_plurals() and last.text[:1].isupper():
        return True
    if start > 0 and doc[start - 1].lower_ in CASE_MARKS and start > 1 \
            and doc[start - 2].text[:1].isupper():
        return True  # "Ashcroft v. Iqbal"
    if len(toks) == 1 and last.lower_.rstrip(".") in _words("abbrev") and end < len(doc) \
            and doc[end].text == "." and not last.whitespace_:
        return True  # "Sec. Clinton": the title, cut from its name
    if start > 0 and doc[start - 1].lower_ in _words("alias"):
        return True  # "the alias Carlos Danger": a name someone used, no one of its own
    return _operation(doc, start) or _hometown(doc, start)


def sentence_opener(doc: Doc, start: int, end: int, sent_start: int) -> bool:
    """Token `start` opens the sentence (or its line, or a quotation), is no proper noun
    and a proper noun follows it in the span: a word capitalised for its place ("Said
    Comey", "Billionaire Donald Trump"), cut from the name."""
    tok = doc[start]
    if end - start < 2 or tok.tag_ not in OPENER_TAGS or not tok.is_alpha \
            or doc[start + 1].pos_ != "PROPN":
        return False
    if start == sent_start or start == 0:
        return True
    prev = doc[start - 1]
    return prev.is_space or "\n" in prev.text_with_ws or (prev.text in OPENING_PUNCT
                                                          and (start - 1 == sent_start))


def _hometown(doc: Doc, start: int) -> bool:
    """ "said Gonzalez, 55, of Brigantine": the place after a person's age."""
    return start >= 4 and doc[start - 1].lower_ == "of" and doc[start - 2].text == "," \
        and doc[start - 3].like_num and doc[start - 4].text == ","


def _handle(tok: Token) -> bool:
    if tok.text[:1] in HANDLE_MARKS:
        return True
    if tok.i == 0:
        return False
    prev = tok.doc[tok.i - 1]
    return prev.text in HANDLE_MARKS and not prev.whitespace_


def _operation(doc: Doc, start: int) -> bool:
    """ "operations Desert Shield and Desert Storm", "during operation Iron Sting"."""
    if start == 0:
        return False
    prev = doc[start - 1]
    if prev.lower_ in OPERATION_WORDS and prev.is_lower:
        return doc[start].dep_ not in ("nsubj", "nsubjpass") or doc[start].head.i < start
    j = start - 1
    while j > 0 and start - j < LIST_REACH and (doc[j].lower_ in {"and", ",", "or"}
                                                or doc[j].text[:1].isupper()):
        j -= 1
    return j < start - 1 and doc[j].lower_ in {"operations", "exercises"} \
        and doc[j + 1].text[:1].isupper()


def story_people(doc: Doc, persons: list[Person]) -> list[Person]:
    """`persons` without relatives named by a given name alone and names used only as a
    modifier (see the module docstring)."""
    return [p for p in persons if not (_kin_given_name(doc, p) or _modifier_only(doc, p)
                                       or _quoted_only(doc, p) or _kind_named(doc, p))]


def _kind_named(doc: Doc, p: Person) -> bool:
    """A mention is named by the kind of thing it is, a common noun before it that
    modifies it ("the newspaper Dagens Nyheter", "the group Ansar al-Sharia"; `not_people
    .tsv`, use "kind"); not a noun the name only follows ("the company Elon Musk
    founded")."""
    if any(n.source != "ner" for n in p.names):
        return False
    kinds = _words("kind")
    for start, end in _spans(doc, p):
        prev = doc[start - 1] if start > 0 else None
        if prev is not None and prev.lower_ in kinds and prev.is_lower \
                and prev.dep_ == "compound" and start <= prev.head.i < end:
            return True
    return False


def _spans(doc: Doc, p: Person) -> list[tuple[int, int]]:
    out = []
    for n in p.names:
        if n.end <= n.start:
            return []  # a name from the headline only: nothing to read
        span = doc.char_span(n.start, n.end, alignment_mode="expand")
        if span is None or not len(span):
            return []
        out.append((span.start, span.end))
    return out


def _kin_given_name(doc: Doc, p: Person) -> bool:
    if p.roles or any(n.source != "ner" or len(n.words) != 1 for n in p.names):
        return False
    spans = _spans(doc, p)
    kin = _words("kin")
    for start, _end in spans:
        j = start - 1
        if j >= 0 and doc[j].text == ",":
            j -= 1
        if j >= 0 and doc[j].lower_ in kin and j > 0 and doc[j - 1].tag_ in ("PRP$", "POS"):
            return True  # "his wife, Jane", "Mercer's daughter Rebekah"
    return False


def _modifier_only(doc: Doc, p: Person) -> bool:
    if p.roles or p.role_refs or any(n.source != "ner" or len(n.words) != 1 for n in p.names):
        return False  # a full name names the person even so ("top Hillary Clinton aide")
    spans = _spans(doc, p)
    return bool(spans) and all(_modifier(doc, s, e) for s, e in spans)


def _modifier(doc: Doc, start: int, end: int) -> bool:
    """The name [start, end) modifies a common noun after it: "a Reagan appointee", "the
    Oscar-nominated actor"."""
    if end >= len(doc):
        return False
    nxt = doc[end]
    if nxt.text in ("-", "–") and not nxt.whitespace_ and not doc[end - 1].whitespace_ \
            and end + 1 < len(doc) and doc[end + 1].is_lower:
        return True  # "Oscar-nominated", "Trump-backed"
    head = doc[start:end].root
    if head.dep_ not in MODIFIER_DEPS:
        return False
    while head.i < end and head.dep_ in MODIFIER_DEPS and head.head is not head:
        head = head.head
    # "some Grizzly Adams mountain man": lower-case nouns up to the head
    return head.i >= end and all(t.is_lower and t.pos_ in ("NOUN", "ADJ")
                                 for t in doc[end:head.i + 1]) \
        and head.pos_ == "NOUN" and head.lower_ not in _words("acts_for")


def _quoted_only(doc: Doc, p: Person) -> bool:
    """Every mention is a quotation of the name alone (" to be replaced by ''Coco Beach.''",
    "\"Grizzly Adams?\" Maddow repeated"): a name as a term, no person."""
    if p.roles or p.role_refs or any(n.source != "ner" or len(n.words) < 2 for n in p.names):
        return False  # one word in quotation marks is a nickname: "who goes by “Vito,”"
    spans = _spans(doc, p)
    return bool(spans) and all(_quoted(doc, s, e) for s, e in spans)


def _quoted(doc: Doc, start: int, end: int) -> bool:
    if start == 0 or doc[start - 1].text not in OPEN_QUOTES:
        return False
    k = end
    while k < len(doc) and k - end < 2 and doc[k].is_punct and doc[k].text not in CLOSE_QUOTES:
        k += 1
    return k < len(doc) and doc[k].text in CLOSE_QUOTES
