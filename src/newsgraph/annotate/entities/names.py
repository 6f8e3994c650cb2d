"""Name mentions: the records people are found as, and the token tests that find them.

`Scan` holds what one Doc's pass needs (gazetteer hits by token, which tokens are already
names, which lines are headlines); the helpers decide what a name token is and fix the
edges of a spaCy PERSON span.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import numpy
from spacy.tokens import Doc, Span, Token

from newsgraph import lexicon
from newsgraph.annotate.entities import nonpersons, occupations, parties, roles
from newsgraph.annotate.entities.roles import Title
from newsgraph.annotate.gazetteer import Hit

PARTICLES = frozenset({"bin", "bint", "binti", "ibn", "al", "el", "von", "van", "der", "den",
                       "de", "da", "dos", "das", "du", "la", "le", "di", "ben", "y", "abu"})
SUFFIXES = frozenset({"Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"})
# Capitalised words that spaCy sometimes takes for names.
NOT_NAMES = frozenset("""
laughter laughs applause inaudible crosstalk question covid covid-19 q a.m. p.m. et
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december today tonight yesterday tomorrow
readout statement remarks fact sheet joint administration government cabinet team family
campaign foundation center centre institute university airport doctrine plan act law forum
summit partnership initiative group council fund program programme corridor street road
avenue building hall room square park station agreement declaration treaty accord
ministerial dialogue visit secretariat office ministry department agency bureau embassy
mission command twitter facebook instagram youtube linkedin whatsapp telegram
academy alliance architecture caucus gate capital scholar workshop address award report
agenda corporation company centers centres summits workshops scholars alliances court
number format one two three four five six
""".split())
# Words that open the name of a thing or a place ("Operation Spear of Justice", "Fort
# Bragg") and words never a person alone ("Cmdr", "Guard"): `data/not_people.tsv`.
THING_OPENERS = lexicon.not_people().tagged("opens")
NEVER_ALONE = lexicon.not_people().tagged("alone")
THING_WORDS = lexicon.not_people().tagged("thing")
COMPOUND_TAILS = lexicon.not_people().tagged("compound_tail")
# Determiners that make a capitalised word a common noun ("the Court", "these Summits"),
# and the words that may still stand between one and a name ("the late Shireen Abu Akleh").
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "both", "each",
                         "every"})
BEFORE_A_NAME = frozenset({"late", "former", "then"})
# Nouns that name a portfolio, not a person: "Under Secretary for Civilian Security,
# Democracy, and Human Rights Uzra Zeya", "Minister of Health and Prevention Abdul Rahman
# Al Owais". The model often reads the last of them as the start of the name after it.
FIELD_WORDS = frozenset("""
human rights refugee migrant migration population democracy service crime prevention
protection response resilience investment implementation innovation accountability market
internal war violence gun peace financial civil civilian citizen passport conflict growth
environment environmental transborder transnational equity equality inclusion governance
reform issue program initiative assistance narcotics counternarcotics enforcement terrorism
trafficking persons religious freedom reconciliation reconstruction infrastructure tourism
culture sport ocean fisheries mining petroleum housing veterans disability children aging
labor labour trade climate finance financing budget revenue customs aviation research
sciences humanitarian relief recovery insurance training banking manufacturing shipping
anti scientific change water agriculture energy health education transport
""".split())
# Abstract nouns by their ending, with a minimum length that keeps given names out
# ("Clement", "Constance", "Florence", "Felicity", "Stacy"). Surnames that are also common
# nouns ("Power", "Waters", "Youth") are not listed: a lone surname must stay a name.
FIELD_ENDINGS = (("tion", 6), ("sion", 6), ("ment", 8), ("ity", 9), ("acy", 7), ("ism", 7),
                 ("ness", 7), ("ship", 8), ("ics", 7), ("ance", 10), ("ence", 10))
# What stands between a title and the portfolio words after it.
PORTFOLIO_LINKS = frozenset({"for", "of", "and", "&", ",", "the"})
INITIAL_RE = re.compile(r"^(?:[A-Z]\.){1,2}$")
# Auxiliaries that open a question and that the model reads as a first name ("Will").
QUESTION_OPENERS = frozenset({"will", "can", "may", "shall", "would", "could", "should",
                              "did", "does", "do", "has", "have", "is", "was", "are"})
POSSESSIVE = frozenset({"’s", "'s", "’", "'"})
WORD_RE = re.compile(r"[^\W\d_][\w’'-]{3,}")
# Words a headline leaves in lower case.
SMALL_WORDS = frozenset({"with", "from", "into", "over", "upon", "after", "before", "about",
                         "than", "that", "this", "their", "amid", "against", "during"})
STOP_PUNCT = frozenset({",", ".", ";", ":", ")", "(", "!", "?", "—", "–", "\""})


@dataclass
class NameMention:
    """A person named in the text (the name only, titles excluded), as char offsets."""

    start: int
    end: int
    words: list[str]
    title: Title = field(default_factory=Title)
    # ner | title | label | bare-label | absorbed | headline (a label's full name found only
    # in the headline: no span in the text, start == end)
    source: str = "ner"
    headline: bool = False
    # Followed by an apposition (", Secretary of State"): a name even in a headline line.
    appositive: bool = False
    # Countries this person visits or travels to in the sentence: not theirs.
    visited: set[str] = field(default_factory=set)
    # The one country where a trip's meeting in this sentence takes place, for someone who
    # is not the traveller ("In Kenya, the Envoy met with Foreign Minister Mutua").
    met_in: str | None = None
    # The title before the name is plural ("Sens. Cory Booker and Kamala Harris"): it is
    # also the title of the names listed after this one.
    plural_title: bool = False


@dataclass
class RoleMention:
    """A person referred to by title alone ("the Secretary", "THE PRESIDENT:")."""

    start: int
    end: int
    role: str


@dataclass
class Found:
    names: list[NameMention] = field(default_factory=list)
    role_refs: list[RoleMention] = field(default_factory=list)
    # Char spans of title phrases: other entities inside them ("External Affairs") are not
    # organisations.
    title_spans: list[tuple[int, int]] = field(default_factory=list)
    # The Doc's text (Doc.text is rebuilt on every access).
    text: str = ""
    # The scan the names were found with, for rules that read the text again later.
    scan: Scan | None = None


SENTENCE_FINAL = frozenset(".!?;:…")
CLOSING = frozenset({"”", "\"", "’", "'", ")", "]"})


def abbreviated_title(doc: Doc, i: int) -> bool:
    """Token i is the full stop of an abbreviated title ("Lt." read as "Lt" + ".")."""
    tok = doc[i]
    if tok.text == "." and i > 0 and not doc[i - 1].whitespace_:
        tok = doc[i - 1]
    elif not tok.text.endswith("."):
        return False
    return tok.text[:1].isupper() and (roles.is_title_word(tok.text)
                                       or tok.lower_ in roles.HONORIFICS)


def _ends_sentence(doc: Doc, i: int) -> bool:
    tok = doc[i]
    if abbreviated_title(doc, i):
        return False  # "Cmdr. Lisa Reed", "Lt. Paul Hart": an abbreviated title
    if tok.is_space or tok.text[-1] in SENTENCE_FINAL:
        return True
    return tok.text in CLOSING and i > 0 and (doc[i - 1].text[-1] in SENTENCE_FINAL
                                              or doc[i - 1].text in CLOSING)


class Scan:
    """What one Doc's scan needs: the doc, gazetteer hits by token, headline sentences."""

    def __init__(self, doc: Doc, hits: list[Hit]) -> None:
        self.doc = doc
        # Doc.text and Token.sent are rebuilt on every access: read them once.
        self.text = doc.text
        self._sent_starts = [0]
        if len(doc) and doc.has_annotation("SENT_START"):
            flags = doc.to_array("SENT_START")
            # A sentence does not start after a word or a bracket: the parser's splits
            # inside "High Commissioner for Refugees (UNHCR) Filippo Grandi" are undone.
            self._sent_starts += [int(i) for i in numpy.flatnonzero(flags == 1)
                                  if i > 0 and _ends_sentence(doc, int(i) - 1)]
        self.hit_at: dict[int, Hit] = {}
        for h in hits:
            for i in range(h.start, h.end):
                self.hit_at[i] = h
        self.name_tokens: set[int] = set()
        self._headline: dict[int, bool] = {}

    def sent(self, i: int) -> Span:
        """The sentence of token i."""
        k = bisect.bisect_right(self._sent_starts, i) - 1
        end = self._sent_starts[k + 1] if k + 1 < len(self._sent_starts) else len(self.doc)
        return self.doc[self._sent_starts[k]:end]

    def hit_starting(self, i: int) -> Hit | None:
        h = self.hit_at.get(i)
        return h if h is not None and h.start == i else None

    def is_headline(self, tok: Token) -> bool:
        """Title Case Lines Like This (a headline in scraped text) make bad names."""
        text = self.text
        start = text.rfind("\n", 0, tok.idx) + 1
        if start not in self._headline:
            end = text.find("\n", tok.idx)
            line = text[start:end if end >= 0 else len(text)].strip()
            words = [w for w in WORD_RE.findall(line) if w.lower() not in SMALL_WORDS]
            caps = sum(1 for w in words if w[0].isupper())
            self._headline[start] = (len(words) >= 3 and caps >= 0.8 * len(words)
                                     and not line.endswith((".", "?", "!", ":", "\"", "”")))
        return self._headline[start]


# Particles after which a title word is a given name: "bin Sultan", "ibn Amir".
NAME_LINKS = frozenset({"bin", "bint", "binti", "ibn", "abu"})


def given_name_title(tok: Token) -> bool:
    """A title word that is a given name here ("Mohamed bin Zayed bin Sultan Al Nahyan",
    "Dr. Sultan Al Jaber"): after a patronymic particle or an honorific, and followed by
    more of the name (a particle or a capitalised word that is no title)."""
    if not roles.is_title_word(tok.text) or not tok.text[:1].isupper() or tok.i == 0 \
            or tok.i + 1 >= len(tok.doc):
        return False
    prev, nxt = tok.nbor(-1), tok.nbor(1)
    if prev.lower_ not in NAME_LINKS and prev.lower_ not in roles.HONORIFICS:
        return False
    return nxt.lower_ in PARTICLES or (nxt.text[:1].isupper() and nxt.is_alpha
                                       and not roles.is_title_word(nxt.text)
                                       and nxt.lower_ not in roles.HONORIFICS)


def surname_title(tok: Token) -> bool:
    """A title word that is a surname here ("Carole King", "Anna Bishop"): a word that is
    also a surname (`titles.tsv`, use "surname"), after a capitalised word that is no title
    and not followed by more of a title ("King of Jordan")."""
    if tok.lower_ not in roles.SURNAMES or not tok.text[:1].isupper() or tok.i == 0:
        return False
    prev = tok.nbor(-1)
    if not (prev.text[:1].isupper() and prev.is_alpha and prev.pos_ == "PROPN") \
            or roles.is_title_word(prev.text) or prev.lower_ in roles.HONORIFICS \
            or parties.is_label(prev.text):
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    # "Circuit Court Judge David McKeague": before a name the word is the title
    return nxt is None or not (nxt.lower_ in {"of", "for", "to"}
                               or roles.is_title_word(nxt.text)
                               or (nxt.pos_ == "PROPN" and nxt.is_alpha and nxt.is_title
                                   and nxt.text not in SUFFIXES))


def is_name_token(ctx: Scan, tok: Token) -> bool:
    t = tok.text
    if given_name_title(tok) or surname_title(tok):
        return tok.i not in ctx.hit_at
    if t in {"[", "]"} or t in SUFFIXES or INITIAL_RE.match(t):
        return True
    if t.lower() in PARTICLES:
        return True
    if t == "-" and not tok.whitespace_ and tok.i > 0 and not tok.nbor(-1).whitespace_:
        return True
    if _hyphen_tail(tok):
        return True  # "Tsai Ing-wen", "Lai Ching-te": the second syllable of a given name
    if not t[:1].isupper() or not any(c.isalpha() for c in t) or any(c.isdigit() for c in t):
        return False
    low = t.lower()
    if low in NOT_NAMES or roles.is_title_word(t) or low in roles.HONORIFICS \
            or parties.is_label(t) or occupations.capitalised(tok):
        return False
    return tok.i not in ctx.hit_at


def _hyphen_tail(tok: Token) -> bool:
    """A lower-case word after a hyphen inside the second word of a name ("Tsai Ing-wen";
    not "the Trump-era rules", "a Moscow-backed force")."""
    if not (tok.is_lower and tok.is_alpha and tok.i > 2 and len(tok) <= 5) \
            or tok.lower_.endswith("ed") or tok.lower_ in COMPOUND_TAILS:
        return False  # "the Hilary Clinton-run State Department", "Trump-made"
    hyphen, before, first = tok.nbor(-1), tok.nbor(-2), tok.nbor(-3)
    if len(before) > 6:
        return False  # a syllable of a given name is short ("Ing", "Ching", "Sung")
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.is_lower and nxt.pos_ in ("NOUN", "ADJ", "PROPN"):
        return False  # "an Elizabeth Warren-style progressive": a modifier
    return hyphen.text == "-" and not hyphen.whitespace_ and not before.whitespace_ \
        and before.is_title and before.is_alpha and first.is_title and first.is_alpha \
        and bool(first.whitespace_)


def is_field_word(word: str) -> bool:
    """A word that names a portfolio or field ("Rights", "Migration"), never a person."""
    low = word.lower()
    if low in FIELD_WORDS or (low.endswith("s") and low[:-1] in FIELD_WORDS):
        return True
    stem = low[:-1] if low.endswith("s") else low
    return any(stem.endswith(end) and len(stem) >= n for end, n in FIELD_ENDINGS)


def after_portfolio_link(ctx: Scan, start: int, sent: Span) -> bool:
    """Whether token `start` follows "for"/"of"/"and"/a comma inside a title phrase
    ("Assistant Secretary for Passport Services", "... Population, Refugees, and Migration"):
    capitalised words there belong to the title until the name begins."""
    doc = ctx.doc
    if start <= sent.start or doc[start - 1].lower_ not in PORTFOLIO_LINKS:
        return False
    j = start - 1
    while j >= max(sent.start, start - 20):
        tok = doc[j]
        if roles.is_head(tok.text):
            return True
        if tok.i in ctx.name_tokens or not (tok.lower_ in PORTFOLIO_LINKS
                                            or tok.lower_ in roles.CONNECTORS
                                            or tok.text[:1].isupper() or j in ctx.hit_at):
            return False
        j -= 1
    return False


def clean_words(span_tokens: list[Token]) -> list[str]:
    """Name words without editorial brackets: "[Donald] Trump" -> Donald Trump."""
    words: list[str] = []
    glue = False
    for t in span_tokens:
        text = t.text.strip("[]")
        if t.text == "-":
            glue = True
            continue
        if not text:
            continue
        if glue and words:
            words[-1] += "-" + text
        else:
            words.append(text)
        glue = False
    if words and len(words[-1]) > 3 and words[-1].endswith(("’s", "'s")):
        # "Putin’s—in my words": before a dash the tokenizer leaves the possessive on
        words[-1] = words[-1][:-2]
    return words


def valid_name(ctx: Scan, start: int, end: int) -> bool:
    toks = ctx.doc[start:end]
    full = [t for t in toks if t.text[:1].isupper() and not INITIAL_RE.match(t.text)
            and t.text not in SUFFIXES and t.text not in {"[", "]"}]
    if not full or sum(w[:1].isupper() for w in clean_words(list(toks))) > 6:
        return False  # hyphenated parts are one word: "Nawaf Al-Ahmad Al-Jaber Al-Sabah"
    if any(t.text.endswith("-") and len(t) > 1 for t in toks) \
            or nonpersons.not_a_name(ctx.doc, start, end):
        return False  # a word cut off in speech ("Schef-"); "#PalinTrump", "[W]e", "Ottoman
        # Turks", "operations Desert Storm" (nonpersons)
    if len(full) == 1 and full[0].lower_ in NEVER_ALONE:
        return False  # "Guard", "Cmdr"
    if any(t.lower_ in THING_WORDS for t in full):
        return False  # "Pohamba Private Hospital", "Manchester United"
    if toks[0].lower_ in THING_OPENERS or (start > 0 and ctx.doc[start - 1].lower_
                                           in THING_OPENERS
                                           and ctx.doc[start - 1].text[:1].isupper()):
        return False  # "Operation Spear of Justice", "Fort Bragg", not "Dave Camp"
    if not all(is_name_token(ctx, t) for t in toks):
        return False
    # All-capitals words outside a transcript label are headings or acronyms.
    if all(t.text.isupper() and len(t.text) > 1 for t in full):
        return False
    if not any(t.pos_ == "PROPN" for t in full):
        return False  # "So am I. Thank you."
    if all(is_field_word(t.text) for t in full):
        return False  # "Human Services", "Organization": a portfolio, not a name
    return not (len(toks) == 1 and toks[0].tag_ == "NNPS")


def common_noun_phrase(ctx: Scan, start: int, end: int) -> bool:
    """ "for the Court", "a bipartisan, bicameral Quad Caucus": a determiner on the head of
    the span makes it a common noun phrase, unless a title stands between ("the Prime
    Minister Modi")."""
    doc = ctx.doc
    root = doc[start:end].root
    for child in root.children:
        if child.dep_ in ("det", "predet") and child.lower_ in DETERMINERS and child.i < start:
            between = doc[child.i + 1:start]
            if any(t.is_space or (t.is_punct and t.text != ",") for t in between):
                return False  # a parse across a line or a dash: "a final – Michel, ..."
            if end - start >= 2 and doc[start].ent_type_ == "PERSON" and between \
                    and all(t.is_lower and t.is_alpha for t in between):
                return False  # "the even wealthier Michael Bloomberg": a full name
            return not any(roles.is_title_word(t.text) or t.lower_ in roles.HONORIFICS
                           or t.lower_ in BEFORE_A_NAME or t.i in ctx.hit_at
                           for t in between)  # "for the DPRK Sung Kim": "the DPRK"
    return False


def fix_edges(ctx: Scan, start: int, end: int, sent: Span) -> tuple[int, int]:
    doc = ctx.doc
    while end > start and (doc[end - 1].text in POSSESSIVE | STOP_PUNCT | {"-"}
                           or (roles.is_title_word(doc[end - 1].text)
                               and not (end - 1 > start and surname_title(doc[end - 1])))):
        end -= 1
    while start < end and (doc[start].lower_ in roles.HONORIFICS
                           or (parties.is_label(doc[start].text) and start + 1 < end)
                           or occupations.opens_name(doc, start, end)  # "Lawyers Tom Ray"
                           or (roles.is_title_word(doc[start].text)
                               and not given_name_title(doc[start]))
                           or doc[start].lower_ in roles.CONNECTORS
                           or start in ctx.hit_at or doc[start].text in STOP_PUNCT
                           or doc[start].text in SUFFIXES  # "Foreign Minister II Dato Erywan"
                           or nonpersons.sentence_opener(doc, start, end, sent.start)
                           or (start == sent.start and doc[start].lower_ in QUESTION_OPENERS
                               and doc[sent.end - 1].text == "?")):  # "Will Guaidó be ...?"
        start += 1
    # A first name or bracketed name the model left out: "Antony" + "J. Blinken".
    start = _extend_left(ctx, start, sent)
    # Particles before a surname the model left out ("Ursula von" + "der Leyen"), or the
    # last part of a name ("Yoon Suk" + "Yeol").
    end = _extend_right(ctx, end, sent)
    # "... Refugees, and Migration Marta Youth": portfolio words at the front go back to the
    # title; at least two words stay (a given name can be a field word: "Rosa", "Hope").
    if in_portfolio(ctx, start, sent):
        while end - start > 2 and is_field_word(doc[start].text):
            start += 1
    return start, end


def in_portfolio(ctx: Scan, start: int, sent: Span) -> bool:
    """Token `start` continues a title's portfolio, right after its link word or after
    capitalised words that follow one ("Director of Public Prosecution Eva-Marie ...")."""
    k = start
    while k > sent.start and ctx.doc[k - 1].text[:1].isupper() and k - 1 not in ctx.name_tokens \
            and not roles.is_head(ctx.doc[k - 1].text):
        k -= 1
    return after_portfolio_link(ctx, k, sent)


def _extend_left(ctx: Scan, start: int, sent: Span) -> int:
    doc = ctx.doc
    while start > sent.start:
        prev = doc[start - 1]
        if prev.text == "]":
            j = start - 2
            while j > sent.start and doc[j].text != "[":
                j -= 1
            if doc[j].text == "[" and all(is_name_token(ctx, t) for t in doc[j:start]):
                start = j
                continue
            break
        if prev.pos_ == "PROPN" and is_name_token(ctx, prev) and prev.text not in {"[", "]"} \
                and prev.i not in ctx.name_tokens and not prev.text.isupper():
            start -= 1
            continue
        break
    return start


def _extend_right(ctx: Scan, end: int, sent: Span) -> int:
    doc = ctx.doc
    while end < sent.end:
        j = end
        while j < sent.end and doc[j].lower_ in PARTICLES:
            j += 1
        if j + 1 < sent.end and _hyphen_tail(doc[j + 1]) and j + 1 not in ctx.name_tokens:
            end = j + 2  # "Tsai Ing" + "-wen"
            continue
        nxt = doc[j] if j < sent.end else None
        if nxt is None or not (nxt.text[:1].isupper() and is_name_token(ctx, nxt)
                               and nxt.pos_ == "PROPN" and nxt.ent_type_ in {"", "PERSON"}
                               and not nxt.text.isupper() and nxt.i not in ctx.name_tokens):
            break
        end = j + 1
    return end


def names_a_thing(ctx: Scan, end: int) -> bool:
    """The name ending before token `end` is part of a longer name of a thing ("Ronald
    Reagan Washington National Airport", "the Obama administration")."""
    doc = ctx.doc
    for k in range(end, min(end + 5, len(doc))):
        tok = doc[k]
        if tok.lower_ in THING_WORDS:
            return True
        if not (tok.text[:1].isupper() and tok.is_alpha):
            return False
    return False

