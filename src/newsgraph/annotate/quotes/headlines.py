"""Attributions in a headline: "Trump: 'I'm the Worst Thing ...'", "Obama Says Deal Is Near",
"Clinton Warns of Recession", "Poll: Sanders Leads in Iowa".

Headlines drop the grammar the parse needs (Title Case, no articles, no verb of saying
after a colon), so these rules read the words themselves:
- SOURCE: CONTENT, where the source is at most six words and names one of the article's
  entities, or ends in a source noun (`data/source_nouns.tsv`: "Poll", "Report", "Officials"),
  and is not a section label (`data/headline_labels.tsv`: "The Latest:", "Exclusive:");
- SOURCE VERB CONTENT, where the verb is a cue verb in the present or past ("Says",
  "Warns", "Endorses", "Slams"; `data/cue_verbs.tsv`) within the first seven words and
  everything before it is capitalised.

A headline quote is `direct` where most of its words are in quotation marks, a `belief`
where the verb is one of belief or stance, else `indirect`. The source is the entity whose
name shares the source's last capitalised word, else the source phrase itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph import lexicon
from newsgraph.annotate import gazetteer
from newsgraph.annotate.quotes import cues
from newsgraph.annotate.quotes.quotemarks import find_segments, quoted_mask
from newsgraph.record import Entity

_HEADLINE_WORDS = lexicon.tsv_rows("headline_labels.tsv")
_LABELS = {row[0] for row in _HEADLINE_WORDS if row[1] == "label"}
_ADVERBS = {row[0] for row in _HEADLINE_WORDS if row[1] == "adverb"}
_NOT_PLURAL = {row[0] for row in _HEADLINE_WORDS if row[1] == "not_plural"}
_NOT_SOURCE = {row[0] for row in _HEADLINE_WORDS if row[1] == "not_source"}
_NOUNS = {row[0] for row in _HEADLINE_WORDS if row[1] == "noun"}
_SOURCE_NOUNS = {row[0]: row[1] for row in lexicon.tsv_rows("source_nouns.tsv")}
# The source before a colon is at most this many words, and the colon at most
# MAX_COLON_AT words in when a preposition ends the source ("Gillibrand on Hillary
# Releasing Her Transcripts: ...").
MAX_SOURCE_WORDS = 6
MAX_COLON_AT = 14
_SOURCE_ENDS = frozenset({"on", "at", "to", "in", "about"})
# The cue verb stands at most this many words into the headline.
MAX_VERB_AT = 7
# What is said is at least this many words.
MIN_CONTENT_WORDS = 2
_WORD = re.compile(r"\S+")
# A headline left as the first line of a text is at most this long.
MAX_HEADLINE_WORDS = 30
_SENTENCE_INSIDE = re.compile(r"(\S*?)[.!?]\s+\S")
# A capitalised word of at most this many letters before a full stop is an abbreviation.
MAX_ABBREVIATION = 5
_EDGE = "\"'\u2018\u2019\u201c\u201d.,:;!?()[]"
# A share of the content's letters inside quotation marks from which it is a direct quote.
DIRECT_SHARE = 0.6
# Words after a cue verb that open what was said rather than belong to it.
_OPENERS = frozenset({"that"})
# Speech and belief cues that make no headline attribution: raising verbs, "go".
_NOT_HEADLINE = cues.RAISING | {"go", "make", "put", "push", "press", "react", "lash", "rail"}


@dataclass
class HeadlineQuote:
    start: int
    end: int
    kind: str
    cue: str
    source: tuple[int, int]
    entity: Entity | None
    source_kind: str | None  # the kind of an unnamed source ("document" for "Poll")


def find(title: str, entities: list[Entity]) -> list[HeadlineQuote]:
    """The attribution in headline `title`, if it has one (offsets into `title`)."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(title)]
    if len(words) < 3:
        return []
    got = _colon(title, words, entities) or _verb(title, words, entities)
    return [got] if got is not None else []


def first_line(text: str) -> str | None:
    """The first line of `text` when it reads as a headline: one line of at most
    MAX_HEADLINE_WORDS words and one sentence, with a paragraph after it."""
    line, sep, rest = text.partition("\n")
    if not sep or not rest.strip() or len(line.split()) > MAX_HEADLINE_WORDS:
        return None
    if line.rstrip().endswith(":"):
        return None  # a line that introduces what follows
    # "Clinton wins Ohio; Sanders vows to fight on": the headline, then its deck
    line = line.split(";")[0]
    for m in _SENTENCE_INSIDE.finditer(line.rstrip()):
        word = m.group(1)
        if line[m.end(1)] == "." and ("." in word or len(word) <= MAX_ABBREVIATION
                                      and word[:1].isupper()):
            continue  # an abbreviation: "U.S.", "Gov.", "Calif."
        return None
    return line


def _clean(w: str) -> str:
    return w.strip(_EDGE)


def _colon(title: str, words: list[tuple[int, int]],
           entities: list[Entity]) -> HeadlineQuote | None:
    """"Trump: ...", "Poll: ...", "Former AG Mukasey at RNC: ..."."""
    k = next((i for i, (s, e) in enumerate(words[:MAX_COLON_AT + 1]) if title[e - 1] == ":"),
             None)
    if k is None or len(words) - k - 1 < MIN_CONTENT_WORDS:
        return None
    src_words = title[words[0][0]:words[k][1] - 1].split()
    # "CNN President On Trump: ...", "Former AG Mukasey at RNC: ...": the source is the part
    # before a preposition.
    for j, w in enumerate(src_words[1:], start=1):
        if w.lower() in _SOURCE_ENDS:
            src_words = src_words[:j]
            break
    if len(src_words) > MAX_SOURCE_WORDS:
        return None
    low = " ".join(src_words).lower()
    if not src_words[0][:1].isupper() or low.removeprefix("the ") in _LABELS or \
            _clean(src_words[-1]).lower() in _NOT_SOURCE:
        return None
    entity = _entity(src_words, entities)
    kind = _SOURCE_NOUNS.get(_clean(src_words[-1]).lower())
    if entity is None and kind is None:
        return None
    src = (words[0][0], words[0][0] + len(" ".join(src_words)))
    start, end = _content(title, words[k + 1][0], len(title))
    return HeadlineQuote(start, end, _kind(title, start, end, None), ":", src, entity, kind)


def _verb(title: str, words: list[tuple[int, int]],
          entities: list[Entity]) -> HeadlineQuote | None:
    """"Obama Says Deal Is Near", "Clinton Warns of Recession", "Poll finds ..."."""
    for k in range(1, min(MAX_VERB_AT, len(words) - 1)):
        lem = _verb_at(title, words, k, entities)
        if lem is None:
            continue
        before = [_clean(title[s:e]) for s, e in words[:k]]
        if len(before) > 1 and before[-1].lower() in _ADVERBS:
            before = before[:-1]  # "Perry Just Announced ..."
        if not all(b[:1].isupper() or b[:1].isdigit() for b in before):
            return None
        if any(title[e - 1] in ",:;" for s, e in words[:k]):
            return None
        rest = k + 1
        parts = cues.PHRASAL.get(lem, set())
        while rest < len(words) and _clean(title[words[rest][0]:words[rest][1]]).lower() in (
                _OPENERS | parts):
            rest += 1
        if len(words) - rest < 1 or (len(words) - rest < MIN_CONTENT_WORDS
                                     and lem in cues.SPEECH and lem not in cues.STANCE):
            return None
        src = (words[0][0], words[len(before) - 1][1])
        start, end = _content(title, words[rest][0], len(title))
        kind = _kind(title, start, end, lem)
        return HeadlineQuote(start, end, kind, title[words[k][0]:words[k][1]], src,
                             _entity(before, entities),
                             _SOURCE_NOUNS.get(before[-1].lower()))
    return None


def _verb_at(title: str, words: list[tuple[int, int]], k: int,
             entities: list[Entity]) -> str | None:
    """The cue lemma of the k-th word when it is a verb of the headline: the third person
    ("Says"), the past ("Warned") or the plain form after a plural ("Mourners say")."""
    written = _clean(title[words[k][0]:words[k][1]])
    w = written.lower()
    lem = cues.form_lemma(w)
    if lem is None or lem in _NOT_HEADLINE or w in _NOUNS:
        return None
    raw = title[words[k - 1][0]:words[k - 1][1]]
    if raw.endswith(("'s", "\u2019s", "s'", "s\u2019")):
        return None  # "Petrov's Remarks": a noun after a possessive
    last = _clean(raw)
    pair = f"{last.rsplit('-', 1)[-1]} {written}"
    if any(pair in ent.name for ent in entities) or gazetteer.lookup_country(pair):
        return None  # "(Australia-)United States Takes ...": the verb is part of a name
    last = last.lower()
    plural = (w == lem and last.endswith("s") and not last.endswith("ss")
              and last not in _NOT_PLURAL)
    if not (w != lem and (w.endswith("s") or w.endswith("d")) or plural):
        return None
    return lem


def _content(title: str, start: int, end: int) -> tuple[int, int]:
    """The content without a closing full stop."""
    while end > start and (title[end - 1] in ". " or title[end - 1].isspace()):
        end -= 1
    return start, end


def _kind(title: str, start: int, end: int, lem: str | None) -> str:
    mask = quoted_mask(title, find_segments(title))
    letters = [k for k in range(start, end) if title[k].isalnum()]
    if letters and sum(mask[k] for k in letters) >= DIRECT_SHARE * len(letters):
        return "direct"
    if lem is not None and lem in cues.BELIEF and lem not in cues.SPEECH:
        return "belief"
    return "indirect"


def _entity(words: list[str], entities: list[Entity]) -> Entity | None:
    """The entity whose name ends with the source's last capitalised word ("Graham" ->
    Lindsey Graham), or the person a one-word source gives the first name of ("Hillary"), a
    person before an organisation; none where the source ends in a common noun ("Clinton
    camp")."""
    last = _clean(words[-1])
    if not last[:1].isupper():
        return None
    best: Entity | None = None
    for ent in entities:
        names = ent.name.split()
        given = len(words) == 1 and ent.type == "PERSON" and names[:1] == [last]
        if ent.type not in ("PERSON", "ORG", "NORP") or (names[-1:] != [last] and not given):
            continue  # "Hillary:" names Hillary Clinton; "United" is not United Nations
        if best is None or (ent.type == "PERSON") > (best.type == "PERSON"):
            best = ent
    return best
