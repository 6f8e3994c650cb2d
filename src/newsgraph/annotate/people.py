"""Mentions of people in a Doc, each with the title the text binds to it.

Sources, all cheap (they look only at spaCy's PERSON spans, at title words found by a
Matcher, and at transcript labels found by one regular expression):

- spaCy PERSON spans, with their edges fixed: titles and honorifics cut off the front
  ("Envoy Malley"), a first name the model left out put back ("Antony" + "J. Blinken"),
  particles joined ("Ursula von der Leyen"), editorial brackets read ("[Donald] Trump").
- names the model missed or mislabelled, found after a title ("Spokesperson Ned Price",
  "Prime Minister Modi").
- transcript labels ("SECRETARY BLINKEN:", "MR PRICE:", "THE PRESIDENT:").
- title-only references ("the Secretary", "The Vice President").

Each name mention carries the title found before it ("US Defence Secretary"), in an
apposition after it (", India's foreign minister,") or in its label, parsed by `roles`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from newsgraph.annotate import gazetteer, roles
from newsgraph.annotate.gazetteer import Hit
from newsgraph.annotate.roles import Title

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
mission command
""".split())
# Transcript labels that are not a person.
GENERIC_LABEL_WORDS = frozenset("""
QUESTION QUESTIONS MODERATOR OPERATOR PARTICIPANT PARTICIPANTS AUDIENCE MEMBER STAFF
INTERPRETER ANNOUNCER AIDE GUEST VESSEL OFFICIAL OFFICIALS NARRATOR REPORTER CROWD ALL
SPEAKER VOICE MAN WOMAN NOTE END BACKGROUND PRESS
""".split())
LABEL_RE = re.compile(r"(?m)^(?P<label>[A-Z][A-Z.’'\- ]*[A-Z.])(?:\s+\([^)\n]*\))?:[ \t]")
INITIAL_RE = re.compile(r"^(?:[A-Z]\.){1,2}$")
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
    source: str = "ner"  # ner | title | label | bare-label | absorbed
    headline: bool = False
    # Followed by an apposition (", Secretary of State"): a name even in a headline line.
    appositive: bool = False
    # Countries this person visits or travels to in the sentence: not theirs.
    visited: set[str] = field(default_factory=set)


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


class _Ctx:
    """What one Doc's scan needs: the doc, gazetteer hits by token, headline sentences."""

    def __init__(self, doc: Doc, hits: list[Hit]) -> None:
        self.doc = doc
        self.hit_at: dict[int, Hit] = {}
        for h in hits:
            for i in range(h.start, h.end):
                self.hit_at[i] = h
        self.name_tokens: set[int] = set()
        self._headline: dict[int, bool] = {}

    def hit_starting(self, i: int) -> Hit | None:
        h = self.hit_at.get(i)
        return h if h is not None and h.start == i else None

    def is_headline(self, tok: Token) -> bool:
        """Title Case Lines Like This (a headline in scraped text) make bad names."""
        text = self.doc.text
        start = text.rfind("\n", 0, tok.idx) + 1
        if start not in self._headline:
            end = text.find("\n", tok.idx)
            line = text[start:end if end >= 0 else len(text)].strip()
            words = [w for w in WORD_RE.findall(line) if w.lower() not in SMALL_WORDS]
            caps = sum(1 for w in words if w[0].isupper())
            self._headline[start] = (len(words) >= 3 and caps >= 0.8 * len(words)
                                     and not line.endswith((".", "?", "!", ":", "\"", "”")))
        return self._headline[start]


def _is_name_token(ctx: _Ctx, tok: Token) -> bool:
    t = tok.text
    if t in {"[", "]"} or t in SUFFIXES or INITIAL_RE.match(t):
        return True
    if t.lower() in PARTICLES:
        return True
    if t == "-" and not tok.whitespace_ and tok.i > 0 and not tok.nbor(-1).whitespace_:
        return True
    if not t[:1].isupper() or not any(c.isalpha() for c in t) or any(c.isdigit() for c in t):
        return False
    low = t.lower()
    if low in NOT_NAMES or roles.is_title_word(t) or low in roles.HONORIFICS:
        return False
    return tok.i not in ctx.hit_at


def _clean_words(span_tokens: list[Token]) -> list[str]:
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
    return words


def _valid_name(ctx: _Ctx, start: int, end: int) -> bool:
    toks = ctx.doc[start:end]
    full = [t for t in toks if t.text[:1].isupper() and not INITIAL_RE.match(t.text)
            and t.text not in SUFFIXES and t.text not in {"[", "]"}]
    if not full or len(full) > 6:
        return False
    if not all(_is_name_token(ctx, t) for t in toks):
        return False
    # All-capitals words outside a transcript label are headings or acronyms.
    if all(t.text.isupper() and len(t.text) > 1 for t in full):
        return False
    if not any(t.pos_ == "PROPN" for t in full):
        return False  # "So am I. Thank you."
    return not (len(toks) == 1 and toks[0].tag_ == "NNPS")


def _fix_edges(ctx: _Ctx, start: int, end: int, sent: Span) -> tuple[int, int]:
    doc = ctx.doc
    while end > start and (doc[end - 1].text in POSSESSIVE | STOP_PUNCT | {"-"}
                           or roles.is_title_word(doc[end - 1].text)):
        end -= 1
    while start < end and (doc[start].lower_ in roles.HONORIFICS
                           or roles.is_title_word(doc[start].text)
                           or doc[start].lower_ in roles.CONNECTORS
                           or start in ctx.hit_at or doc[start].text in STOP_PUNCT):
        start += 1
    # A first name or bracketed name the model left out: "Antony" + "J. Blinken".
    while start > sent.start:
        prev = doc[start - 1]
        if prev.text == "]":
            j = start - 2
            while j > sent.start and doc[j].text != "[":
                j -= 1
            if doc[j].text == "[" and all(_is_name_token(ctx, t) for t in doc[j:start]):
                start = j
                continue
            break
        if prev.pos_ == "PROPN" and _is_name_token(ctx, prev) and prev.text not in {"[", "]"} \
                and prev.i not in ctx.name_tokens and not prev.text.isupper():
            start -= 1
            continue
        break
    # Particles before a surname the model left out ("Ursula von" + "der Leyen"), or the
    # last part of a name ("Yoon Suk" + "Yeol").
    while end < sent.end:
        j = end
        while j < sent.end and doc[j].lower_ in PARTICLES:
            j += 1
        nxt = doc[j] if j < sent.end else None
        if nxt is None or not (nxt.text[:1].isupper() and _is_name_token(ctx, nxt)
                               and nxt.pos_ == "PROPN" and nxt.ent_type_ in {"", "PERSON"}
                               and not nxt.text.isupper() and nxt.i not in ctx.name_tokens):
            break
        end = j + 1
    return start, end


def _phrase_title(ctx: _Ctx, toks: list[Token]) -> Title:
    """Parse title tokens. A country or international organisation that opens the phrase
    ("US ...", "India's ...", "NATO ...") or follows "of" ("... of India") is the
    affiliation; after "for" or "to" it is the portfolio or the host country ("Special
    Envoy for Yemen", "Ambassador to India") and stays in the wording. An office keeps its
    words ("Chairman of the Joint Chiefs of Staff") and gives its country."""
    words: list[str] = []
    aff: str | None = None
    kind: str | None = None
    i, n = 0, len(toks)
    while i < n:
        tok = toks[i]
        if (tok.text == "-" or (words and words[-1].endswith("-"))) and words \
                and not ctx.doc[tok.i - 1].whitespace_:
            words[-1] += tok.text  # "Commander-in-Chief" is one word
            i += 1
            continue
        hit = ctx.hit_starting(tok.i)
        if hit is not None and hit.end <= toks[-1].i + 1:
            place = hit.place
            after_of = bool(words) and words[-1].lower() in {"of", "the"}
            binding = not words or after_of
            found: str | None
            if place.kind == "intl":
                found, fkind = place.name, "org"
            elif place.kind == "office":
                found, fkind = place.country, "office"
            else:
                found, fkind = place.country, "country"
            leading = all(w.lower() in LEADING_MODIFIERS for w in words)
            binding = binding or leading
            if place.kind == "region" or (place.kind == "office" and words) or not binding \
                    or (place.kind == "demonym" and words and not leading):
                # "... of the Ukrainian Armed Forces": the adjective stays in the wording.
                words.extend(t.text for t in hit.span(ctx.doc))
            elif after_of and place.kind != "demonym" and words:
                # "Minister of Foreign Affairs of India": drop the dangling "of (the)".
                while words and words[-1].lower() in {"of", "the"}:
                    words.pop()
            if found and aff is None and (binding or place.kind == "office"):
                aff, kind = found, fkind
            i += hit.end - hit.start
            if i < n and toks[i].text in POSSESSIVE:
                i += 1
            continue
        if tok.text in POSSESSIVE:
            i += 1
            continue
        words.append(tok.text)
        i += 1
    return roles.make_title(words, aff, kind)


def _title_before(ctx: _Ctx, start: int, sent: Span) -> tuple[Title, int] | None:
    """The title phrase that ends right before token `start`, and where it starts."""
    doc = ctx.doc
    j = start - 1
    while j >= sent.start and doc[j].lower_ in roles.HONORIFICS:
        j -= 1
    # "the Crown Prince and Prime Minister of the Kingdom of Bahrain, His Royal Highness
    # Salman ...": a title, a comma, honorifics, the name.
    inverted = j > sent.start and doc[j].text == "," and j < start - 1
    if inverted:
        j -= 1
    end = j + 1
    acronym: Token | None = None
    while j >= sent.start:
        tok = doc[j]
        if tok.is_space or tok.i in ctx.name_tokens:
            break
        if tok.text == ")" and j - 2 >= sent.start and doc[j - 2].text == "(" \
                and ctx.hit_starting(j - 1) is not None:
            # "... Agency for Palestine Refugees (UNRWA) Commissioner General": the acronym
            # stands for the organisation named before it.
            acronym = doc[j - 1]
            break
        low = tok.lower_
        if low == "and" and j > sent.start and doc[j - 1].ent_type_ == "PERSON" \
                and not roles.is_title_word(doc[j - 1].text):
            break  # "Administrator Power and Canadian ... Minister Ahmed Hussen"
        if tok.text in POSSESSIVE or low in roles.CONNECTORS or j in ctx.hit_at:
            j -= 1
            continue
        if (tok.text == "-" or (tok.lower_ == "in" and doc[j - 1].text == "-")) \
                and not tok.whitespace_:
            j -= 1  # "Commander-in-Chief"
            continue
        if tok.text[:1].isupper() or roles.is_title_word(tok.text):
            j -= 1
            continue
        break
    first = j + 1
    # Open on a title word or a country/organisation, never on "Readout of ...".
    while first < end:
        tok = doc[first]
        if roles.is_title_word(tok.text) or ctx.hit_starting(first) is not None:
            break
        first += 1
    if inverted and not (first > sent.start and doc[first - 1].lower_ == "the"):
        return None
    if not inverted and first > sent.start and doc[first - 1].lower_ in {"the", "a", "an"}:
        # "the Vice President and President Yoon": the part before "and" is someone else.
        ands = [k for k in range(first, end) if doc[k].lower_ == "and"
                and any(roles.is_head(t.text) for t in doc[first:k])]
        if ands:
            first = ands[-1] + 1
    hit = ctx.hit_starting(first)
    if hit is not None and hit.place.kind == "office" and first > sent.start \
            and doc[first - 1].lower_ in {"the", "to", "at", "in", "from"}:
        first = hit.end  # "welcoming to the White House Prime Minister Scott Morrison"
    toks = list(doc[first:end])
    if acronym is not None and first == j + 1:
        toks = [acronym, *toks]
    if not toks or not any(roles.is_head(t.text) for t in toks):
        return None
    title = _phrase_title(ctx, toks)
    prev = doc[first - 1] if first > sent.start else None
    if prev is not None and prev.is_alpha and prev.text[:1].isupper() \
            and title.affiliation_kind == "country" and acronym is None:
        # "Invitation to Visit Italy President Trump": a heading run into the text.
        title.affiliation = title.affiliation_kind = None
    return (title, first) if title.roles else None


def _title_after(ctx: _Ctx, end: int, sent: Span) -> tuple[Title, int] | None:
    """An apposition: "Jaishankar, India's foreign minister," / "Blinken, Secretary of State"."""
    doc = ctx.doc
    if end >= sent.end or doc[end].text != ",":
        return None
    j = end + 1
    if j < len(doc) and doc[j].lower_ in {"the", "a", "an"}:
        j += 1
    first = j
    after_prep = False
    while j < sent.end:
        tok = doc[j]
        if tok.is_space or tok.text in STOP_PUNCT:
            break
        if j in ctx.hit_at or tok.text in POSSESSIVE or tok.lower_ in roles.CONNECTORS:
            after_prep = after_prep or tok.lower_ in {"of", "for", "to"}
            j += 1
            continue
        if tok.ent_type_ == "PERSON" and not roles.is_title_word(tok.text):
            return None  # a list of people: "Sullivan, Secretary of Defense Lloyd Austin"
        if roles.is_title_word(tok.text) or (after_prep and tok.text[:1].isupper()):
            j += 1
            continue
        return None  # a clause, not a title: "Blinken, who met ..."
    toks = list(doc[first:j])
    if not toks or not any(roles.is_head(t.text) for t in toks):
        return None
    if not (roles.is_title_word(toks[0].text) or ctx.hit_starting(toks[0].i) is not None):
        return None
    if not (roles.is_title_word(toks[-1].text) or toks[-1].i in ctx.hit_at):
        return None  # ends in a name: "Minister of Defence Oleksii Reznikov" is someone else
    title = _phrase_title(ctx, toks)
    return (title, j) if title.roles else None


# "Rakesh Asthana, ..., led the Indian delegation."
DELEGATION_RE = re.compile(r"^[^.;]*?\b(?:led|leads|headed|heads|leading|heading)\s+the\s+"
                           r"([A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*)?)\s+(?:delegation|side|team)\b")
# A country someone visits is not theirs: "Sullivan visited New Delhi, India".
VISIT_WORDS = frozenset({"visit", "visits", "visited", "visiting", "travel", "travels",
                         "traveled", "travelled", "traveling", "travelling", "arrive",
                         "arrives", "arrived", "trip", "tour", "toured"})
# Words that may stand before the country in a title: "former Japanese Prime Minister".
LEADING_MODIFIERS = frozenset({"former", "then", "acting", "outgoing", "incoming", "late",
                               "the"})


def _country_after(ctx: _Ctx, end: int) -> str | None:
    """ "President Isaac Herzog of Israel": the country named right after the name."""
    doc = ctx.doc
    if end < len(doc) and doc[end].lower_ == "of":
        j = end + 1
        if j < len(doc) and doc[j].lower_ == "the":
            j += 1
        hit = ctx.hit_starting(j)
        if hit is not None and hit.place.kind in ("country", "capital"):
            return hit.place.country
    return None


def _merge_title(base: Title, extra: Title) -> None:
    for r, t in zip(extra.roles, extra.role_texts, strict=True):
        if r not in base.roles:
            base.roles.append(r)
            base.role_texts.append(t)
    if base.affiliation is None and extra.affiliation is not None:
        base.affiliation, base.affiliation_kind = extra.affiliation, extra.affiliation_kind


def _add_name(ctx: _Ctx, found: Found, start: int, end: int, source: str) -> None:
    doc = ctx.doc
    sent = doc[start].sent
    title = Title()
    before = _title_before(ctx, start, sent)
    if before is not None:
        title = before[0]
        found.title_spans.append((doc[before[1]].idx, doc[start].idx))
    after = _title_after(ctx, end, sent)
    if after is not None:
        _merge_title(title, after[0])
        found.title_spans.append((doc[end].idx, doc[after[1] - 1].idx + len(doc[after[1] - 1])))
    if title.affiliation_kind in (None, "role"):
        # "Minister of External Affairs Subrahmanyam Jaishankar of India": a label.
        country = _country_after(ctx, end)
        if country is not None:
            title.affiliation, title.affiliation_kind = country, "country"
    rest = doc.text[doc[end - 1].idx + len(doc[end - 1]):sent.end_char]
    m = DELEGATION_RE.match(rest)
    if m and title.affiliation_kind != "country":
        country = gazetteer.lookup_country(m.group(1))
        if country:
            title.affiliation, title.affiliation_kind = country, "country"
    visited: set[str] = set()
    verb = doc[end - 1].head
    if doc[end - 1].dep_ == "nsubj" and verb.lower_ in VISIT_WORDS:
        visited = {h.place.country for i in range(verb.i, verb.right_edge.i + 1)
                   if (h := ctx.hit_starting(i)) and h.place.kind in ("country", "capital")
                   and h.place.country}
    ctx.name_tokens.update(range(start, end))
    found.names.append(NameMention(
        start=doc[start].idx, end=doc[end - 1].idx + len(doc[end - 1]),
        words=_clean_words(list(doc[start:end])), title=title, source=source,
        headline=ctx.is_headline(doc[start]), appositive=after is not None,
        visited=visited))


def _from_ner(ctx: _Ctx, found: Found, labels: list[tuple[int, int]]) -> None:
    for ent in ctx.doc.ents:
        if any(s < ent.end_char and ent.start_char < e for s, e in labels):
            continue  # the label reader handles "KIRBY" in "MR. KIRBY:"
        if ent.label_ == "PERSON":
            start, end = _fix_edges(ctx, ent.start, ent.end, ent.sent)
        elif ent.label_ in {"ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "LAW"} \
                and roles.is_title_word(ent[0].text):
            # "Spokesperson Ned Price" (ORG): a title glued to a name.
            start, end = _fix_edges(ctx, ent.start, ent.end, ent.sent)
            if start == ent.start:
                continue
        else:
            continue
        if start < end and _valid_name(ctx, start, end) \
                and not ctx.name_tokens.intersection(range(start, end)):
            _add_name(ctx, found, start, end, "ner")


_matchers: dict[int, tuple[object, Matcher]] = {}


def _matches(doc: Doc) -> dict[str, list[int]]:
    """Start tokens of title words followed by a capitalised word, and of "the" + title."""
    held = _matchers.get(id(doc.vocab))
    if held is None or held[0] is not doc.vocab:
        m = Matcher(doc.vocab)
        m.add("HEAD_NAME", [[{"LOWER": {"IN": sorted(roles.HEADS | roles.MODIFIERS)}},
                             {"IS_TITLE": True, "POS": "PROPN"}]])
        m.add("ROLE_REF", [[{"LOWER": "the"},
                            {"IS_TITLE": True, "LOWER": {"IN": sorted(roles.HEADS
                                                                      | roles.MODIFIERS)}}]])
        held = (doc.vocab, m)
        _matchers[id(doc.vocab)] = held
    out: dict[str, list[int]] = {"HEAD_NAME": [], "ROLE_REF": []}
    for key, s, _e in held[1](doc):
        out[doc.vocab.strings[key]].append(s)
    return out


def _from_titles(ctx: _Ctx, found: Found, starts: list[int]) -> None:
    """Names after a title word that the model missed: "Prime Minister Modi"."""
    doc = ctx.doc
    for s in starts:
        start = s + 1
        if start in ctx.name_tokens or not _is_name_token(ctx, doc[start]):
            continue
        sent = doc[start].sent
        end = start
        while end < sent.end and end not in ctx.name_tokens and _is_name_token(ctx, doc[end]) \
                and doc[end].ent_type_ in {"", "PERSON", "ORG", "GPE", "NORP"}:
            end += 1
        while end > start and doc[end - 1].lower_ in PARTICLES | {"-", "[", "]"}:
            end -= 1
        if end > start and _valid_name(ctx, start, end) \
                and _title_before(ctx, start, sent) is not None:
            _add_name(ctx, found, start, end, "title")


def _words_title_case(words: list[str]) -> list[str]:
    out = []
    for w in words:
        out.append("-".join(p[:1] + p[1:].lower() for p in w.split("-")))
    return out


def _from_labels(ctx: _Ctx, found: Found) -> list[tuple[int, int]]:
    """Transcript turns: "SECRETARY BLINKEN:", "MR PRICE:", "THE PRESIDENT:"."""
    spans: list[tuple[int, int]] = []
    text = ctx.doc.text
    for m in LABEL_RE.finditer(text):
        label = m.group("label")
        words = label.split()
        if not words or any(w.strip(".") in GENERIC_LABEL_WORDS for w in words) \
                or len(words) > 7:
            continue
        spans.append((m.start("label"), m.end("label")))
        honor = words[0].lower() in roles.HONORIFICS
        k = 1 if honor else 0
        title_words: list[str] = []
        while k < len(words) and (roles.is_title_word(words[k])
                                  or words[k].lower() in roles.CONNECTORS):
            title_words.append(words[k])
            k += 1
        name_words = words[k:]
        cased = _words_title_case(title_words)
        aff = None
        if cased and gazetteer.lookup_country(cased[0]):
            aff = gazetteer.lookup_country(cased[0])
            cased = cased[1:]
        title = roles.make_title([w for w in cased if w.lower() != "the"], aff,
                                 "country" if aff else None)
        if not name_words:
            for role in title.roles:
                found.role_refs.append(RoleMention(m.start("label"), m.end("label"), role))
            continue
        offset = m.start("label") + label.index(" ".join(name_words)) if k else m.start()
        source = "label" if (honor or title.roles) else "bare-label"
        if len(name_words) > 4 or any(not w.replace("-", "").replace("’", "").replace(
                ".", "").isalpha() for w in name_words):
            continue
        found.names.append(NameMention(
            start=offset, end=m.end("label"), words=_words_title_case(name_words),
            title=title, source=source))
    return spans


def _from_role_refs(ctx: _Ctx, found: Found, starts: list[int]) -> None:
    """ "the Secretary", "The Vice President": a title with no name after it."""
    doc = ctx.doc
    for s in starts:
        tok = doc[s]
        j = tok.i + 1
        while j < len(doc) and doc[j].text[:1].isupper() and roles.is_title_word(doc[j].text):
            j += 1
            if j + 1 < len(doc) and doc[j].lower_ in {"of", "for"} \
                    and roles.is_title_word(doc[j + 1].text) and doc[j + 1].text[:1].isupper():
                j += 1
        if j == tok.i + 1 or not roles.is_head(doc[j - 1].text):
            continue
        nxt = doc[j] if j < len(doc) else None
        if nxt is not None and (nxt.lower_ == "of" or _is_name_token(ctx, nxt)
                                and nxt.text[:1].isupper() and nxt.text not in {"[", "]"}):
            continue  # a name follows (handled) or "the President of X" (ambiguous)
        if doc[tok.i + 1].ent_type_ == "ORG" and doc[tok.i + 1].ent_iob_ == "I":
            continue  # "Office of the Spokesperson"
        text = doc[tok.i + 1:j].text
        found.role_refs.append(RoleMention(doc[tok.i + 1].idx, doc[j - 1].idx
                                           + len(doc[j - 1]), roles.normalize_role(text)))
        found.title_spans.append((doc[tok.i + 1].idx, doc[j - 1].idx + len(doc[j - 1])))


AND_TITLE_RE = re.compile(r"\s*,?\s+and\s+[A-Z][\w’' -]*$")


def _share_country(text: str, names: list[NameMention]) -> None:
    """ "President Andrzej Duda and Prime Minister Donald Tusk of Poland": both of Poland."""
    for a, b in zip(names, names[1:], strict=False):
        if a.title.roles and a.title.affiliation is None and b.title.affiliation \
                and text[b.end:b.end + 4] == " of " and AND_TITLE_RE.match(text[a.end:b.start]):
            a.title.affiliation = b.title.affiliation
            a.title.affiliation_kind = b.title.affiliation_kind


def find(doc: Doc, hits: list[Hit]) -> Found:
    ctx = _Ctx(doc, hits)
    found = Found()
    labels = _from_labels(ctx, found)
    _from_ner(ctx, found, labels)
    starts = _matches(doc)
    _from_titles(ctx, found, starts["HEAD_NAME"])
    _from_role_refs(ctx, found, starts["ROLE_REF"])
    found.names.sort(key=lambda n: n.start)
    _share_country(doc.text, found.names)
    found.role_refs.sort(key=lambda r: r.start)
    return found
