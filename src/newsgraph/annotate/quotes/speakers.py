"""Speaker resolution: from the subject of a cue (a name, a title, a pronoun) or a transcript
label to the canonical entity of the article.

Names go through `docindex.entity_at`, so a speaker is always the article's canonical entity.
What the entity step may leave open is done here, where the quote context is known:
- pronouns ("he said"): the most recent person mentioned outside quotes, sentence by sentence
  backwards, compatible in gender (from Mr/Ms, given names and earlier resolutions), preferring the
  subject of a sentence and the previous speaker; people named *inside* quotes never count;
- title-only subjects ("the Secretary", "THE PRESIDENT:") -> the person the article gives that
  title to;
- transcript labels ("MR PRICE") -> the person with that surname ("Ned Price").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph import lexicon
from newsgraph.annotate.docindex import entity_at, text_of, token_at
from newsgraph.annotate.quotes import gender
from newsgraph.annotate.quotes.sources import kind_of_noun
from newsgraph.annotate.quotes.subjects import is_group, noun_phrase
from newsgraph.annotate.quotes.transcripts import HONORIFICS, ROLES, TITLES
from newsgraph.record import Entity

MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})


def _honorific_before(gender: str) -> re.Pattern[str]:
    """A word that tells `gender` right before a name ("Mr. ", "Queen "; data/titles.tsv)."""
    forms = "|".join(map(re.escape, lexicon.titles().gendered(gender)))
    return re.compile(rf"\b(?:{forms})\.?\s+$")


_MALE_HON = _honorific_before("m")
_FEMALE_HON = _honorific_before("f")
# Capitalised title words right before a name ("Secretary of State Antony Blinken").
_TITLE_BEFORE = re.compile(r"((?:(?:[A-Z][\w.'\u2019-]*|of|for)[ \t]+)+)$")
# How far back (characters) a pronoun may look for its person.
LOOKBACK = 2500
_NOT_NAMES = frozenset(w.lower() for w in (TITLES | HONORIFICS | ROLES)) | {"the", "of", "and",
    "u.s.", "us", "u.s", "indian", "american", "national", "security", "advisor", "adviser"}


@dataclass
class Speaker:
    name: str | None
    entity: Entity | None = None
    span: tuple[int, int] | None = None  # the mention the quote was attributed through
    # For a source that is not a named entity (quotes/sources.py): its kind, the phrase as
    # written, and the organisation or country it stands for.
    kind: str | None = None
    source_text: str | None = None
    stands_for: str | None = None

    @property
    def id(self) -> str | None:
        return self.entity.id if self.entity is not None else None

    @property
    def key(self) -> str | None:
        return self.entity.id if self.entity is not None else self.name


@dataclass
class _Mention:
    start: int
    end: int
    speaker: Speaker
    is_subject: bool
    sent_start: int
    was_speaker: bool = False


@dataclass
class SpeakerResolver:
    doc: Doc
    quoted: bytearray  # 1 for characters inside quotation marks
    mentions: list[_Mention] = field(default_factory=list)
    gender: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        text = text_of(self.doc)
        for ent in self.doc._.ng_entities or []:
            if ent.type != "PERSON" and not self._person_by_name(ent):
                continue
            kind = None if ent.type == "PERSON" else "person"
            for s, e in ent.mentions:
                if s >= len(text) or self.quoted[s] or not text[s:e][:1].isupper():
                    continue
                if text[s:e].lower() in MALE | FEMALE:
                    continue
                tok = token_at(self.doc, e - 1)
                if tok is None or _modifies_noun(tok):
                    continue
                self.mentions.append(_Mention(
                    s, e, Speaker(ent.name, ent, (s, e), kind),
                    tok.dep_ in ("nsubj", "nsubjpass"), tok.sent.start_char))
                self._gender_from_honorific(ent, s)
        self._gender_from_given_names()
        self.mentions.sort(key=lambda m: m.start)

    # ------------------------------------------------------------------ lookups

    def _person_by_name(self, ent: Entity) -> bool:
        """"Eva Horak" typed as an organisation by the model: a name of two or three words
        opening with a given name of known gender is a person that "she" may refer to."""
        words = ent.name.split()
        if not 2 <= len(words) <= 3 or any(w.lower() in _NOT_NAMES for w in words):
            return False
        if any(not w[:1].isupper() or w.isupper() for w in words):
            return False
        g = gender.of_given_name(ent.name, _NOT_NAMES)
        if g is not None:
            self.gender[ent.id] = g
        return g is not None

    def _gender_from_given_names(self) -> None:
        """"Eva Horak": the given name tells the gender when no honorific did."""
        for ent in self.doc._.ng_entities or []:
            if ent.type == "PERSON" and ent.id not in self.gender:
                g = gender.of_given_name(ent.name, _NOT_NAMES)
                if g is not None:
                    self.gender[ent.id] = g

    def _gender_from_honorific(self, ent: Entity, start: int) -> None:
        before = text_of(self.doc)[max(0, start - 12):start]
        if _MALE_HON.search(before):
            self.gender.setdefault(ent.id, "m")
        elif _FEMALE_HON.search(before):
            self.gender.setdefault(ent.id, "f")

    def remember(self, speaker: Speaker, at: int, pronoun: str | None = None) -> None:
        """Record that `speaker` spoke at `at`: later pronouns may refer back to them."""
        if speaker.entity is not None and pronoun:
            if pronoun in MALE:
                self.gender.setdefault(speaker.entity.id, "m")
            elif pronoun in FEMALE:
                self.gender.setdefault(speaker.entity.id, "f")
        tok = token_at(self.doc, at)
        sent_start = tok.sent.start_char if tok is not None else at
        m = _Mention(at, at + 1, speaker, True, sent_start, was_speaker=True)
        bisect.insort(self.mentions, m, key=lambda x: x.start)

    # ------------------------------------------------------------------ entry points

    def from_token(self, tok: Token) -> Speaker | None:
        """The speaker named by the subject token `tok` of a cue."""
        low = tok.lower_
        if low in MALE or low in FEMALE:
            return self.from_pronoun(tok)
        if tok.pos_ == "PRON" or low in _NON_SPEAKERS:
            return None
        if is_group(tok):
            return None  # "Blinken and Wang said": a joint statement, not one speaker
        np = noun_phrase(tok)
        hit = self._named(tok, np)
        if hit is not None:
            return hit
        titled = self.from_title(np.text, np.start_char)
        if titled is not None:
            titled.span = (np.start_char, np.end_char)
            return titled
        name = _trailing_name(tok)
        if name is not None:
            return Speaker(name.text, None, (name.start_char, name.end_char))
        if tok.ent_type_ == "PERSON" or (_looks_like_name(tok) and not tok.ent_type_ and (
                tok.pos_ == "PROPN" or not tok.is_sent_start)):
            # A proper noun that speaks is a person, named or not by the model; so is a
            # capitalised word the tagger took for a noun inside a sentence ("..., D'Souza
            # replied").
            return Speaker(np.text, None, (np.start_char, np.end_char))
        return None

    def _named(self, tok: Token, np: Span) -> Speaker | None:
        """The entity the subject names; a surname the model typed as a place or
        organisation ("Jordan said"), or did not type, is the article's person with that
        surname."""
        hit = self._entity_in(tok, np)
        if hit is not None and hit.entity is not None and hit.entity.type != "PERSON":
            person = self._person_with_surname(hit.entity.name)
            if person is not None:
                return Speaker(person.name, person, hit.span)
        if hit is not None:
            return hit
        if _looks_like_name(tok):
            person = self._person_with_surname(tok.text)
            if person is not None:
                return Speaker(person.name, person, (np.start_char, np.end_char))
        return None

    def _person_with_surname(self, word: str) -> Entity | None:
        """The article's one person whose name ends with the single word `word`."""
        key = word.replace("\u2019", "'").lower()
        if " " in key:
            return None
        ents = [ent for ent in self.doc._.ng_entities or []
                if _ends_with(ent.name.replace("\u2019", "'").lower(), key)]
        found = {ent.id: ent for ent in ents if ent.type == "PERSON"}
        if not found:
            # "Brett O'Donnell" typed as an organisation: a name opening with a given name.
            found = {ent.id: ent for ent in ents if gender.is_given_name(ent.name, _NOT_NAMES)}
        return next(iter(found.values())) if len(found) == 1 else None

    def _entity_in(self, tok: Token, np: Span) -> Speaker | None:
        """The entity the subject names. A person named inside a long title ("Assistant
        Secretary of State for ... Eliot Kang") or in an apposition ("General Prosecutor of
        Ukraine, Iryna Venediktova") wins over the organisation or country in the title."""
        doc = self.doc
        cands: list[Token] = [tok]
        cands += [c for c in tok.children if c.dep_ == "appos"]
        if _is_title_word(tok):
            cands += [t for t in tok.subtree if t.pos_ == "PROPN" and t.i != tok.i]
        other: Speaker | None = None
        for t in cands:
            ent = entity_at(doc, t.idx, t.idx + len(t.text))
            if ent is None:
                continue
            if ent.type == "PERSON":
                span = (t.idx, t.idx + len(t.text)) if t is not tok else (np.start_char,
                                                                          np.end_char)
                return Speaker(ent.name, ent, span)
            if other is None and t is tok and ent.type in ("ORG", "GPE", "NORP"):
                other = Speaker(ent.name, ent, (np.start_char, np.end_char))
        if other is None:
            ent = entity_at(doc, np.start_char, np.end_char)
            if ent is not None and ent.type in ("PERSON", "ORG", "GPE", "NORP") and not (
                    ent.type in ("GPE", "NORP") and tok.pos_ == "NOUN"):
                # ("a senior European diplomat said": the nationality of an unnamed
                # speaker is no speaker)
                other = Speaker(ent.name, ent, (np.start_char, np.end_char))
        return other

    def from_pronoun(self, tok: Token) -> Speaker | None:
        low = tok.lower_
        want = "m" if low in MALE else "f" if low in FEMALE else None
        pos = tok.idx
        lo = bisect.bisect_left(self.mentions, pos - LOOKBACK, key=lambda m: m.start)
        hi = bisect.bisect_left(self.mentions, pos, key=lambda m: m.start)
        window = self.mentions[lo:hi]
        # Group by sentence, most recent first.
        by_sent: dict[int, list[_Mention]] = {}
        for m in window:
            by_sent.setdefault(m.sent_start, []).append(m)
        own = tok.sent.start_char
        for sent_start in sorted(by_sent, reverse=True):
            group = [m for m in by_sent[sent_start] if self._compatible(m.speaker, want)]
            if sent_start != own and self._pronoun_subject(sent_start, low):
                # "He thanked President Ruto. He emphasized ...": a sentence whose subject is
                # the same pronoun continues the same person; its objects are not them.
                group = [m for m in group if m.was_speaker]
            if not group:
                continue
            known = [m for m in group if self._gender_of(m.speaker) == want]
            pool = known or group
            best = max(pool, key=lambda m: (m.was_speaker, m.is_subject, m.start))
            sp = best.speaker
            return Speaker(sp.name, sp.entity, (tok.idx, tok.idx + len(tok.text)), sp.kind)
        return None

    def _pronoun_subject(self, sent_start: int, pronoun: str) -> bool:
        """Whether the sentence at `sent_start` has the same kind of pronoun (he/she) as the
        subject of its main verb."""
        tok = token_at(self.doc, sent_start)
        if tok is None:
            return False
        same = MALE if pronoun in MALE else FEMALE if pronoun in FEMALE else frozenset()
        root = tok.sent.root
        return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in same
                   for c in root.children)

    def _gender_of(self, sp: Speaker) -> str | None:
        return self.gender.get(sp.entity.id) if sp.entity is not None else None

    def _compatible(self, sp: Speaker, want: str | None) -> bool:
        g = self._gender_of(sp)
        return want is None or g is None or g == want

    def from_title(self, phrase: str, pos: int) -> Speaker | None:
        """"the Secretary" -> the person the article calls Secretary (nearest before `pos`,
        else the first after)."""
        words = [w for w in re.split(r"\s+", phrase.strip()) if w]
        determined = bool(words) and words[0].lower() in ("the", "our", "this", "that")
        if determined:
            words = words[1:]
        # News writes titles in lower case after "the" ("the minister said"); without a
        # determiner a lower-case word is no title ("officials said").
        if not words or not (determined or all(w[:1].isupper() for w in words)):
            return None
        if not all(w.upper() in TITLES or w.lower() in ("of", "state", "defense", "defence")
                   for w in words):
            return None
        query = " ".join(w.lower() for w in words)
        before: _Mention | None = None
        after: _Mention | None = None
        text = text_of(self.doc)
        for m in self.mentions:
            if m.was_speaker:
                continue
            pre = _TITLE_BEFORE.search(text[max(0, m.start - 60):m.start])
            if pre is None or not _title_matches(pre.group(1).lower(), query):
                continue
            if m.start < pos:
                before = m
            elif after is None:
                after = m
        hit = before or after
        if hit is None:
            return self._title_in_headline(query)
        return Speaker(hit.speaker.name, hit.speaker.entity, None)

    def _title_in_headline(self, query: str) -> Speaker | None:
        """"THE VICE PRESIDENT:" in "Remarks by Vice President Harris ...": the name after
        the title in the headline, bound to the person entity with that surname if any."""
        headline = self.doc._.ng_title or ""
        title = r"\s+".join(re.escape(w) for w in query.split())
        pat = re.compile(r"(?<![\w-])(?i:" + title + r")"
                         + r"\s+((?:[A-Z][\w.'\u2019-]*\s+){0,3}[A-Z][\w'\u2019-]+)")
        for m in pat.finditer(headline):
            before = headline[:m.start()].split()
            if before and not _title_matches(f"{before[-1].lower()} {query}", query):
                continue  # "Vice President X" is not "the President"
            words = [w for w in m.group(1).split() if w.lower().strip(".") not in _NOT_NAMES]
            if not words or not words[-1][:1].isupper():
                continue
            surname = words[-1].lower()
            for ent in self.doc._.ng_entities or []:
                if ent.type == "PERSON" and _ends_with(ent.name.lower(), surname):
                    return Speaker(ent.name, ent, None)
            return Speaker(" ".join(words), None, None)
        return None

    def first_person(self, tok: Token) -> Speaker | None:
        """"I said, "..."" in the text of a speech: the one person the headline gives the
        words to ("Remarks by President Biden Celebrating ...", "Secretary Blinken's
        Remarks to ..."). None where the headline names no single speaker."""
        m = _HEADLINE_SPEAKER.search(self.doc._.ng_title or "")
        if m is None:
            return None
        name: list[str] = []
        for w in (m.group("by") or m.group("own") or "").split():
            if w.lower() in ("and", "&"):
                return None  # two speakers
            if w.lower() in _HEADLINE_STOPS or w.endswith("ing") or not w[:1].isupper():
                break
            if w.lower().strip(".") not in _NOT_NAMES:  # titles: "Press Secretary"
                name.append(w.rstrip(",:"))
        if not name:
            return None
        surname = name[-1].lower()
        span = (tok.idx, tok.idx + len(tok.text))
        for ent in self.doc._.ng_entities or []:
            if ent.type == "PERSON" and _ends_with(ent.name.lower(), surname):
                return Speaker(ent.name, ent, span)
        return Speaker(" ".join(name), None, span)

    def from_label(self, label: str, name_span: tuple[int, int] | None) -> Speaker | None:
        """A transcript label ("SECRETARY BLINKEN", "THE PRESIDENT") -> its speaker."""
        if name_span is None:
            return self.from_title(label.title(), name_span[0] if name_span else 0)
        surname = text_of(self.doc)[name_span[0]:name_span[1]]
        key = surname.replace("\u2019", "'").lower()
        best: Entity | None = None
        for ent in self.doc._.ng_entities or []:
            if ent.type == "PERSON" and _ends_with(ent.name.lower(), key):
                if best is None or len(ent.name) > len(best.name):
                    best = ent
        if best is not None:
            return Speaker(best.name, best, name_span)
        return Speaker(self._name_in_text(surname), None, name_span)

    def _name_in_text(self, surname: str) -> str:
        """The fullest proper name in the text ending with `surname` ("Ned Price")."""
        proper = "-".join(p.capitalize() for p in surname.lower().split("-"))
        proper = " ".join(p[:1].upper() + p[1:] for p in proper.split(" "))
        best = proper
        pat = re.compile(r"((?:[A-Z][\w.'\u2019-]*\s+){0,3})" + re.escape(proper) + r"\b")
        # The headline often names the speakers of a transcript ("Press Briefing by Press
        # Secretary Karine Jean-Pierre").
        for m in pat.finditer(f"{self.doc._.ng_title or ''}\n{text_of(self.doc)}"):
            words = [w for w in m.group(1).split() if w.lower().strip(".") not in _NOT_NAMES]
            cand = " ".join(words + [proper])
            if len(cand) > len(best):
                best = cand
        return best


# Headlines that give the text to one speaker.
_HEADLINE_SPEAKER = re.compile(
    r"\b(?:Remarks|Statement|Address|Speech|Testimony|Op-Ed)\s+(?:by|of|from)\s+(?P<by>.+)"
    r"|^(?P<own>.+?)[\u2019']s?\s+(?:Remarks|Statement|Address|Speech)\b")
_HEADLINE_STOPS = frozenset("at on to in and & with before after during for from of "
                            "about as".split())
_NON_SPEAKERS = frozenset({"i", "we", "they", "you", "it", "one", "who", "which", "that",
                           "this", "these", "those"})
# Subjects of a direct quote's cue that name a source without a noun ("another said",
# "one wrote", "it said", "I said"); the relative pronouns are resolved before.
_BARE_SOURCES = frozenset({"another", "one", "others", "some", "many", "it", "i", "you",
                           "this", "both", "each", "all", "most", "several"})


def described(tok: Token) -> Speaker | None:
    """The speaker of a direct quote whose cue's subject names no entity and no known source
    noun ("the investor said", "the 46-year-old added", "another tweeted", "it said"): the
    phrase itself, as a descriptor. None for words that are no source ("who", "there")."""
    if tok.lower_ not in _BARE_SOURCES and tok.pos_ not in ("NOUN", "PROPN", "NUM", "ADJ"):
        return None
    np = noun_phrase(tok) if tok.pos_ != "PRON" else tok.doc[tok.i:tok.i + 1]
    return Speaker(None, None, (np.start_char, np.end_char), "descriptor", np.text)


def _looks_like_name(tok: Token) -> bool:
    """A capitalised word that is no title and not all capitals, tagged proper noun or, when
    the tagger misread an unusual surname ("Waters", "O'Donnell"), noun."""
    return (tok.pos_ in ("PROPN", "NOUN") and tok.text[:1].isupper() and not tok.is_upper
            and not _is_title_word(tok) and kind_of_noun(tok.text) is None)


def _is_title_word(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.text.upper() in TITLES


def _modifies_noun(tok: Token) -> bool:
    """"the Moderna vaccine", "a Pfizer plant": a name used as a modifier of a common noun
    is no one who could speak next ("He emphasized ...")."""
    return tok.dep_ in ("compound", "amod", "nmod") and tok.head.pos_ == "NOUN"


def _trailing_name(tok: Token) -> Span | None:
    """A capitalised name closing a long title that the NER missed ("... Nonproliferation
    Eliot Kang"): the last proper noun of the subject with the proper nouns compounded to it,
    when they are not title words."""
    if not _is_title_word(tok):
        return None
    props = [t for t in tok.subtree if t.i > tok.i and t.pos_ == "PROPN"]
    if not props:
        return None
    last = props[-1]
    if last.i + 1 < len(tok.doc) and tok.doc[last.i + 1].pos_ == "PROPN":
        return None
    run = [c for c in last.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [last]
    if len(run) < 2 or any(_is_title_word(t) or not t.text[:1].isupper() for t in run):
        return None
    if run[-1].i - run[0].i + 1 != len(run):
        return None
    return tok.doc[run[0].i:run[-1].i + 1]


def _ends_with(name: str, surname: str) -> bool:
    return name == surname or name.endswith(" " + surname)


def _title_matches(before: str, query: str) -> bool:
    """Whether the title words before a name ("vice president") are the title `query`."""
    # British and American spellings name the same post.
    before, query = before.replace("defence", "defense"), query.replace("defence", "defense")
    words = before.split()
    if query not in " ".join(words):
        return False
    # "the President" is not the Vice President, "the Secretary" not an Under Secretary.
    qualifiers = {"vice", "under", "assistant", "deputy", "prime", "former"}
    q_words = set(query.split())
    head = query.split()[-1]
    idx = max(i for i, w in enumerate(words) if w == head) if head in words else -1
    if idx > 0 and words[idx - 1] in qualifiers and words[idx - 1] not in q_words:
        return False
    return True
