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

from spacy.matcher import Matcher
from spacy.tokens import Doc

from newsgraph.annotate import gazetteer, roles
from newsgraph.annotate.gazetteer import Hit
from newsgraph.annotate.names import (
    INITIAL_RE,
    PARTICLES,
    PORTFOLIO_LINKS,
    Found,
    NameMention,
    RoleMention,
    Scan,
    clean_words,
    fix_edges,
    is_name_token,
    valid_name,
)
from newsgraph.annotate.roles import Title
from newsgraph.annotate.titles import country_after, merge_title, title_after, title_before

# Transcript labels that are not a person.
GENERIC_LABEL_WORDS = frozenset("""
QUESTION QUESTIONS MODERATOR OPERATOR PARTICIPANT PARTICIPANTS AUDIENCE MEMBER STAFF
INTERPRETER ANNOUNCER AIDE GUEST VESSEL OFFICIAL OFFICIALS NARRATOR REPORTER CROWD ALL
SPEAKER VOICE MAN WOMAN NOTE END BACKGROUND PRESS
""".split())
LABEL_RE = re.compile(r"(?m)^(?P<label>[A-Z][A-Z.’'\- ]*[A-Z.])(?:\s+\([^)\n]*\))?:[ \t]")
# "Rakesh Asthana, ..., led the Indian delegation."
DELEGATION_RE = re.compile(r"^[^.;]*?\b(?:led|leads|headed|heads|leading|heading)\s+(?:the|a|an)\s+"
                           r"([A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*)?)\s+(?:delegation|side|team)\b")
# A country someone visits is not theirs: "Sullivan visited New Delhi, India".
# "led a U.S. delegation to New Delhi", "made a trip to"
TRIP_NOUNS = frozenset({"delegation", "trip", "visit", "tour", "journey"})
VISIT_WORDS = frozenset({"visit", "visits", "visited", "visiting", "travel", "travels",
                         "traveled", "travelled", "traveling", "travelling", "arrive",
                         "arrives", "arrived", "trip", "tour", "toured"})


def _add_name(ctx: Scan, found: Found, start: int, end: int, source: str) -> None:
    doc = ctx.doc
    sent = ctx.sent(start)
    title = Title()
    before = title_before(ctx, start, sent)
    if before is not None:
        title = before[0]
        found.title_spans.append((doc[before[1]].idx, doc[start].idx))
    after = title_after(ctx, end, sent)
    if after is not None:
        merge_title(title, after[0])
        found.title_spans.append((doc[end].idx, doc[after[1] - 1].idx + len(doc[after[1] - 1])))
    if title.affiliation_kind in (None, "role"):
        # "Minister of External Affairs Subrahmanyam Jaishankar of India": a label.
        country = country_after(ctx, end)
        if country is not None:
            title.affiliation, title.affiliation_kind = country, "country"
    rest = ctx.text[doc[end - 1].idx + len(doc[end - 1]):sent.end_char]
    m = DELEGATION_RE.match(rest)
    if m and title.affiliation_kind != "country":
        country = gazetteer.lookup_country(m.group(1))
        if country:
            title.affiliation, title.affiliation_kind = country, "country"
    visited: set[str] = set()
    verb = doc[end - 1].head
    if doc[end - 1].dep_ == "nsubj" and (verb.lower_ in VISIT_WORDS or any(
            c.dep_ == "dobj" and c.lower_ in TRIP_NOUNS for c in verb.children)):
        visited = {h.place.country for i in range(verb.i, verb.right_edge.i + 1)
                   if (h := ctx.hit_starting(i)) and h.place.kind in ("country", "capital")
                   and h.place.country}
    ctx.name_tokens.update(range(start, end))
    found.names.append(NameMention(
        start=doc[start].idx, end=doc[end - 1].idx + len(doc[end - 1]),
        words=clean_words(list(doc[start:end])), title=title, source=source,
        headline=ctx.is_headline(doc[start]), appositive=after is not None,
        visited=visited))


def _from_ner(ctx: Scan, found: Found, labels: list[tuple[int, int]]) -> None:
    doc = ctx.doc
    for ent in doc.ents:
        if any(s < ent.end_char and ent.start_char < e for s, e in labels):
            continue  # the label reader handles "KIRBY" in "MR. KIRBY:"
        if ent.label_ == "PERSON":
            start, end = fix_edges(ctx, ent.start, ent.end, ctx.sent(ent.start))
        elif ent.label_ in {"ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "LAW"} \
                and roles.is_title_word(ent[0].text):
            # "Spokesperson Ned Price" (ORG): a title glued to a name.
            start, end = fix_edges(ctx, ent.start, ent.end, ctx.sent(ent.start))
            if start == ent.start or doc[start - 1].lower_ in PORTFOLIO_LINKS:
                continue  # "State for Civilian Security": a portfolio, no name
        else:
            continue
        if start < end and valid_name(ctx, start, end) \
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


def _from_titles(ctx: Scan, found: Found, starts: list[int]) -> None:
    """Names after a title word that the model missed: "Prime Minister Modi"."""
    doc = ctx.doc
    for s in starts:
        start = s + 1
        if start in ctx.name_tokens or not is_name_token(ctx, doc[start]):
            continue
        sent = ctx.sent(start)
        end = start
        while end < sent.end and end not in ctx.name_tokens and is_name_token(ctx, doc[end]) \
                and doc[end].ent_type_ in {"", "PERSON", "ORG", "GPE", "NORP"}:
            end += 1
        while end > start and doc[end - 1].lower_ in PARTICLES | {"-", "[", "]"}:
            end -= 1
        if end > start and valid_name(ctx, start, end) \
                and title_before(ctx, start, sent) is not None:
            _add_name(ctx, found, start, end, "title")


def _words_title_case(words: list[str]) -> list[str]:
    out = []
    for w in words:
        out.append("-".join(p[:1] + p[1:].lower() for p in w.split("-")))
    return out


def _from_labels(ctx: Scan, found: Found) -> list[tuple[int, int]]:
    """Transcript turns: "SECRETARY BLINKEN:", "MR PRICE:", "THE PRESIDENT:"."""
    spans: list[tuple[int, int]] = []
    text = ctx.text
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


def _label_full_names(ctx: Scan, found: Found, labels: list[tuple[int, int]]) -> None:
    """ "MR PRICE:" labels a person the header or body names in full ("Ned Price, Department
    Spokesperson", "This is Ricardo Zuniga."): find those full names where the model missed
    them (or read them as an organisation), so that label and name make one person."""
    surnames = {n.words[-1] for n in found.names
                if n.source in ("label", "bare-label") and len(n.words) == 1}
    if not surnames:
        return
    doc, text = ctx.doc, ctx.text
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(surnames)) + r")\b",
                         re.IGNORECASE)
    for m in pattern.finditer(text):
        word = m.group()
        if not (word.istitle() or word.isupper()) \
                or any(s <= m.start() < e for s, e in labels):
            continue
        span = doc.char_span(m.start(), m.end())
        if span is None or len(span) != 1:
            continue
        i = span.start
        tok = doc[i]
        if i in ctx.name_tokens or (tok.ent_type_ == "PERSON" and not tok.text.isupper()):
            continue  # the model's own name span is read in _from_ner
        start = _given_names_before(ctx, i)
        if start == i:
            continue
        _add_name(ctx, found, start, i + 1, "ner")
        mention = found.names[-1]
        mention.headline = False  # the label shows it is a name, even on a header line
        if all(w.isupper() for w in mention.words):
            mention.words = _words_title_case(mention.words)


def _given_names_before(ctx: Scan, i: int) -> int:
    """Where the name ending in surname token i starts: one given name, with any initials
    and particles between ("Ned Price", "Antony J. Blinken", "NED PRICE")."""
    doc = ctx.doc
    sent_start = ctx.sent(i).start
    j = i
    while j > sent_start:
        prev = doc[j - 1]
        t = prev.text
        if prev.i in ctx.name_tokens or prev.is_space or not is_name_token(ctx, prev):
            break
        j -= 1
        if not (INITIAL_RE.match(t) or t.lower() in PARTICLES):
            if prev.pos_ != "PROPN":
                j += 1  # "Oil Price": not a given name
            break  # the given name: one word is enough to join the label to it
    while j < i and (INITIAL_RE.match(doc[j].text) or doc[j].lower_ in PARTICLES):
        j += 1
    return j


def _from_role_refs(ctx: Scan, found: Found, starts: list[int]) -> None:
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
        if nxt is not None and (nxt.lower_ == "of" or is_name_token(ctx, nxt)
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
    ctx = Scan(doc, hits)
    found = Found()
    labels = _from_labels(ctx, found)
    _label_full_names(ctx, found, labels)
    _from_ner(ctx, found, labels)
    starts = _matches(doc)
    _from_titles(ctx, found, starts["HEAD_NAME"])
    _from_role_refs(ctx, found, starts["ROLE_REF"])
    found.names.sort(key=lambda n: n.start)
    _share_country(ctx.text, found.names)
    found.text = ctx.text
    found.role_refs.sort(key=lambda r: r.start)
    return found
