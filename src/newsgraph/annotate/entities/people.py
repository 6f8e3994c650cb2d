"""Mentions of people in a Doc, each with the title the text binds to it.

Sources, all cheap (they look only at spaCy's PERSON spans, at title words found by a
Matcher, and at transcript labels found by one regular expression):

- spaCy PERSON spans, with their edges fixed: titles and honorifics cut off the front
  ("Envoy Malley"), a first name the model left out put back ("Antony" + "J. Blinken"),
  particles joined ("Ursula von der Leyen"), editorial brackets read ("[Donald] Trump").
- names the model missed or mislabelled, found after a title ("Spokesperson Ned Price",
  "Prime Minister Modi").
- transcript labels ("SECRETARY BLINKEN:", "MR PRICE:", "THE PRESIDENT:") and the full
  names they stand for (`labels`).
- title-only references ("the Secretary", "The Vice President").

Each name mention carries the title found before it ("US Defence Secretary"), in an
apposition after it (", India's foreign minister,") or in its label, parsed by `roles`.
"""

from __future__ import annotations

import re

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from newsgraph.annotate import gazetteer
from newsgraph.annotate.entities import (
    appositions,
    asroles,
    inverted,
    labels,
    lists,
    occupations,
    orgnames,
    parties,
    plurals,
    roles,
)
from newsgraph.annotate.entities.chained import after_name
from newsgraph.annotate.entities.names import (
    NOT_NAMES,
    PARTICLES,
    PORTFOLIO_LINKS,
    Found,
    NameMention,
    RoleMention,
    Scan,
    clean_words,
    common_noun_phrase,
    fix_edges,
    in_portfolio,
    is_field_word,
    is_name_token,
    names_a_thing,
    valid_name,
)
from newsgraph.annotate.entities.roles import Title
from newsgraph.annotate.entities.titles import country_after, merge_title, title_after, title_before
from newsgraph.annotate.gazetteer import Hit

# "Rakesh Asthana, ..., led the Indian delegation."
DELEGATION_RE = re.compile(r"^[^.;]*?\b(?:led|leads|headed|heads|leading|heading)\s+(?:the|a|an)\s+"
                           r"([A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*)?)\s+(?:delegation|side|team)\b")
# A country someone visits is not theirs: "Sullivan visited New Delhi, India".
# "led a U.S. delegation to New Delhi", "made a trip to"
TRIP_NOUNS = frozenset({"delegation", "trip", "visit", "tour", "journey"})
VISIT_WORDS = frozenset({"visit", "visits", "visited", "visiting", "travel", "travels",
                         "traveled", "travelled", "traveling", "travelling", "arrive",
                         "arrives", "arrived", "trip", "tour", "toured"})


# Words that make a sentence a meeting on a trip; "met" alone is not enough, as meetings
# at a summit take place in a third country.
TRIP_WORDS = VISIT_WORDS | TRIP_NOUNS | {"traveling", "stop", "leg"}
# Not demonyms: "the Brazilian delegation is arriving" names the travellers, not the host.
PLACE_KINDS = ("country", "capital")
MEET_WORDS = frozenset({"meet", "meets", "met", "meeting", "meetings"})


def _met_in(ctx: Scan, sent: Span, start: int) -> str | None:
    """The country a trip sentence takes place in: the country it opens with ("In the
    Kingdom of Saudi Arabia, ... met with") or, where it speaks of a trip, the only one it
    names ("travel to Libreville, Gabon, where she will meet with President ..."); None for
    other sentences. Only the line of the name counts: the parser can run a header line
    into the paragraph after it."""
    doc = ctx.doc
    if doc[start].dep_ in ("nsubj", "nsubjpass") or doc[start].head.dep_ in ("nsubj",
                                                                           "nsubjpass"):
        return None
    lo, hi = _line_of(doc, sent, start)
    if not any(doc[k].lower_ in MEET_WORDS or (doc[k].lower_ == "on" and doc[k - 1].lower_
                                                in {"call", "calls", "called"})
               for k in range(lo, start)):
        return None  # the host is the one met, named after the meeting word
    opening = _opening_country(ctx, lo, hi)
    if opening is not None:
        return opening
    if not any(doc[k].lower_ in TRIP_WORDS for k in range(lo, hi)):
        return None
    return _only_place(ctx, lo, hi)


def _line_of(doc: Doc, sent: Span, start: int) -> tuple[int, int]:
    """The tokens [lo, hi) of the sentence on the same line as token `start`."""
    lo, hi = sent.start, sent.end
    for k in range(start - 1, sent.start - 1, -1):
        if "\n" in doc[k].text_with_ws:
            lo = k + 1
            break
    for k in range(start, sent.end):
        if "\n" in doc[k].text_with_ws:
            hi = k + 1
            break
    return lo, hi


def _opening_country(ctx: Scan, lo: int, hi: int) -> str | None:
    """ "In (the) <country>, ...": the country a line opens with (a country entry always
    names its country)."""
    doc = ctx.doc
    i = lo
    if doc[i].lower_ == "in":
        i += 2 if i + 1 < hi and doc[i + 1].lower_ == "the" else 1
        hit = ctx.hit_starting(i)
        if hit is not None and hit.place.kind == "country" and hit.end < hi \
                and doc[hit.end].text == ",":
            return hit.place.country
    return None


def _only_place(ctx: Scan, lo: int, hi: int) -> str | None:
    """The one country the tokens [lo, hi) name as a place, if only one."""
    doc = ctx.doc
    found = set()
    for k in range(lo, hi):
        hit = ctx.hit_starting(k)
        if hit is None or hit.place.kind not in PLACE_KINDS or not hit.place.country:
            continue
        if (k > lo and doc[k - 1].text in "-–") or (hit.end < hi and doc[hit.end].text in "-–"):
            continue  # "U.S.-South African cooperation": a pair, not a place
        found.add(hit.place.country)
    return found.pop() if len(found) == 1 else None


def _counterpart_country(ctx: Scan, start: int, sent: Span) -> str | None:
    """ "her Indian counterpart, Subrahmanyam Jaishankar", "his Japanese counterpart
    Hayashi": the country word before "counterpart" is the named person's."""
    doc = ctx.doc
    j = start - 1
    while j > sent.start and (doc[j].text == "," or doc[j].lower_ in roles.HONORIFICS):
        j -= 1
    if j <= sent.start or doc[j].lower_ not in {"counterpart", "counterparts"}:
        return None
    k = j - 1
    while k >= sent.start and k in ctx.hit_at and ctx.hit_at[k].start != k:
        k -= 1  # back to the first token of a country phrase ("South African")
    hit = ctx.hit_starting(k) if k >= sent.start else None
    if hit is None or hit.end != j or hit.place.kind not in ("country", "demonym"):
        return None
    return hit.place.country


def _untitled(ctx: Scan, found: Found, start: int, end: int, sent: Span) -> Title:
    """The role of a name with no title right before it: a plural title over a list, or a
    noun phrase set off before it ("the Republican nominee, Mr. Trump,")."""
    title = lists.listed_after(ctx, found, start)
    if not title.roles:
        title = appositions.role_before(ctx, start, end, sent) \
            or inverted.role_set_before(ctx, start, end, sent) \
            or occupations.plural_before(ctx, start, end, sent) or title
    return title


def _party(ctx: Scan, first: int, end: int) -> str | None:
    """A party label before the name or its title ("Republican Sen. Mike Braun",
    "Democrat Amy Klobuchar"), or after it in the US form ("Tim Kaine, D-Va.")."""
    doc = ctx.doc
    return parties.label_before(doc, first) or parties.label_after(
        ctx.text, doc[end - 1].idx + len(doc[end - 1]))


def _title_before_name(ctx: Scan, found: Found, start: int, end: int, sent: Span
                       ) -> tuple[Title, tuple[Title, int] | None, bool]:
    """The title before a name, the title phrase found there (and where it starts), and
    whether the title is plural (shared over a list of names)."""
    doc = ctx.doc
    before = title_before(ctx, start, sent)
    if before is not None:
        title = before[0]
        occupations.widen(ctx, title, before[1], start, sent)  # "police officer Dan Cobb"
        found.title_spans.append((doc[before[1]].idx, doc[start].idx))
    else:
        title = _untitled(ctx, found, start, end, sent)
    plural = bool(title.roles) and (before is None or any(
        roles.is_plural_head(t.text) for t in doc[before[1]:start]))
    if not title.roles and before is None:
        # "businessman Andrew Yang": one person's trade, not a plural title over a list
        title = appositions.role_right_before(ctx, start, sent) \
            or occupations.capitalised_before(ctx, start, sent) \
            or inverted.lower_title_before(ctx, start, sent) or title
        occupations.second_before(ctx, start, sent, title)  # "comedian and actor X"
    return title, before, plural


def _add_name(ctx: Scan, found: Found, start: int, end: int, source: str) -> None:
    doc = ctx.doc
    sent = ctx.sent(start)
    title, before, plural = _title_before_name(ctx, found, start, end, sent)
    merge_title(title, plurals.list_role(ctx, start, end, sent, bool(title.roles)) or Title())
    after = after_name(ctx, end, sent)
    if after is not None:
        merge_title(title, after[0])
        found.title_spans.append((doc[end].idx, doc[after[1] - 1].idx + len(doc[after[1] - 1])))
    else:
        merge_title(title, appositions.role_predicate(ctx, end, sent)
                    or asroles.role_as(ctx, end, sent) or Title())
    title.party = title.party or _party(ctx, before[1] if before else start, end)
    if title.affiliation is None and before is None:
        title.affiliation = inverted.demonym_before(ctx, start)
        title.affiliation_kind = "country" if title.affiliation else None
    if title.affiliation_kind in (None, "role"):
        # "Minister of External Affairs Subrahmanyam Jaishankar of India": a label.
        country = country_after(ctx, end)
        if country is not None:
            title.affiliation, title.affiliation_kind = country, "country"
    if title.affiliation_kind in (None, "role"):
        country = _counterpart_country(ctx, start, sent)
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
    if (doc[end - 1].dep_ == "nsubj" and (verb.lower_ in VISIT_WORDS or any(
            c.dep_ == "dobj" and c.lower_ in TRIP_NOUNS for c in verb.children))) \
            or (doc[end - 1].dep_ == "poss" and verb.lower_ in TRIP_NOUNS):
        # "Sullivan visited New Delhi", "Prime Minister Modi’s state visit to the US"
        visited = {h.place.country for i in range(verb.i, verb.right_edge.i + 1)
                   if (h := ctx.hit_starting(i)) and h.place.kind in ("country", "capital")
                   and h.place.country}
    ctx.name_tokens.update(range(start, end))
    found.names.append(NameMention(
        start=doc[start].idx, end=doc[end - 1].idx + len(doc[end - 1]),
        words=clean_words(list(doc[start:end])), title=title, source=source,
        headline=ctx.is_headline(doc[start]), appositive=after is not None,
        visited=visited, met_in=None if visited else _met_in(ctx, sent, start),
        plural_title=plural))


def _from_ner(ctx: Scan, found: Found, labels: list[tuple[int, int]]) -> None:
    doc = ctx.doc
    for ent in doc.ents:
        if any(s < ent.end_char and ent.start_char < e for s, e in labels):
            continue  # the label reader handles "KIRBY" in "MR. KIRBY:"
        if ent.label_ == "PERSON":
            start, end = fix_edges(ctx, ent.start, ent.end, ctx.sent(ent.start))
        elif ent.label_ in {"ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "LAW"} \
                and (roles.is_title_word(ent[0].text) or occupations.opens_name(doc, ent.start,
                                                                                ent.end)):
            # "Spokesperson Ned Price", "Pastor Tunde Bakare" (ORG): a title glued to a name.
            start, end = fix_edges(ctx, ent.start, ent.end, ctx.sent(ent.start))
            if start == ent.start or doc[start - 1].lower_ in PORTFOLIO_LINKS:
                continue  # "State for Civilian Security": a portfolio, no name
            if not any(roles.is_head(t.text) or roles.is_plural_head(t.text)
                       or t.lower_ in roles.HONORIFICS
                       or occupations.opens_name(doc, t.i, end) for t in doc[ent.start:start]):
                continue  # "National Review", "National Public Radio": modifiers, no title
        elif (span := orgnames.person_span(ctx, ent)) is not None:
            start, end = span  # "Carly Fiorina" (ORG): a given name and a surname
        else:
            continue
        if end - start == 1 and end + 1 < len(doc) and roles.is_head(doc[end].text) \
                and doc[end].text[:1].isupper() and doc[end + 1].ent_type_ == "PERSON":
            continue  # "Gauteng Premier Panyaza Lesufi": the jurisdiction of the title
        if start < end and valid_name(ctx, start, end) and not names_a_thing(ctx, end) \
                and not ctx.name_tokens.intersection(range(start, end)) \
                and not (common_noun_phrase(ctx, start, end)
                         and title_before(ctx, start, ctx.sent(start)) is None):
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


def _from_titles(ctx: Scan, found: Found, starts: list[int],
                 commas: frozenset[int] = frozenset()) -> None:
    """Names after a title word that the model missed: "Prime Minister Modi"; after the
    comma of an inverted title (`commas`), only a name the punctuation closes ("the King of
    Spain, Felipe VI.", not "the Foreign Minister, Communist Party Politburo member")."""
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
        while end - start > 2 and is_field_word(doc[start].text) \
                and in_portfolio(ctx, start, sent):
            start += 1  # "Director of Public Prosecution Eva-Marie Persson"
        if end < sent.end and doc[end].text[:1].isupper() \
                and (roles.is_head(doc[end].text) or doc[end].lower_ in NOT_NAMES):
            continue  # "Principal Scientific Advisor", "Official Working Visit": inside a title
        if s in commas and not (end < len(doc) and doc[end].is_punct and doc[end].text != "-"):
            continue
        if end > start and valid_name(ctx, start, end) \
                and title_before(ctx, start, sent) is not None:
            _add_name(ctx, found, start, end, "title")


def _from_apposition(ctx: Scan, found: Found, commas: list[int]) -> None:
    """ "Kishida, Japan's Prime Minister, said": a name the model missed or took for a
    place, found by the title in apposition after it (`commas`: token indices)."""
    doc = ctx.doc
    for c in commas:
        if (c - 1) in ctx.name_tokens or not is_name_token(ctx, doc[c - 1]):
            continue
        sent = ctx.sent(c)
        start = c
        while start > sent.start and is_name_token(ctx, doc[start - 1]) \
                and doc[start - 1].pos_ == "PROPN" and (start - 1) not in ctx.name_tokens:
            start -= 1
        if start > sent.start and (doc[start - 1].text[:1].isupper()
                                   or doc[start - 1].lower_ in PARTICLES):
            continue  # the run does not start the name: a title or place before it
        after = title_after(ctx, c, sent)
        if after is None or after[0].affiliation_kind != "country" \
                or not valid_name(ctx, start, c):
            continue
        _add_name(ctx, found, start, c, "title")


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
    spans = labels.from_labels(ctx, found)
    labels.full_names(ctx, found, spans, _add_name)
    _from_ner(ctx, found, spans)
    starts = _matches(doc)
    # Token texts read once: Token.text is rebuilt on each access.
    words = [t.text for t in doc]
    all_commas = [i for i, w in enumerate(words) if w == "," and 0 < i < len(words) - 1]
    # "the Chancellor of Germany, Olaf Scholz": a name after an inverted title's comma;
    # "Prime Minister of Japan Kishida Fumio": a name after "of <country>"
    commas = [i for i in all_commas if roles.is_title_word(words[i - 1]) or (i - 1) in ctx.hit_at]
    # and "Senior Director for Africa Dana Banks", "Minister of Investment Khalid Al-Falih"
    of_country = [h.end - 1 for h in hits if h.place.kind in ("country", "region")
                  and h.start >= 2 and words[h.start - 1] in ("of", "for")
                  and roles.is_head(words[h.start - 2]) and h.end < len(doc)]
    of_country += [i for i in range(2, len(words) - 1) if words[i - 1] in ("of", "for")
                   and words[i][:1].isupper() and roles.is_head(words[i - 2])
                   and is_field_word(words[i]) and not is_field_word(words[i + 1])]
    _from_apposition(ctx, found, all_commas)
    _from_titles(ctx, found, sorted(starts["HEAD_NAME"] + commas + of_country),
                 frozenset(commas))
    _from_role_refs(ctx, found, starts["ROLE_REF"])
    labels.headline_names(found, doc._.ng_title if doc.has_extension("ng_title") else None)
    found.names.sort(key=lambda n: n.start)
    _share_country(ctx.text, found.names)
    found.text = ctx.text
    found.scan = ctx
    found.role_refs.sort(key=lambda r: r.start)
    return found
