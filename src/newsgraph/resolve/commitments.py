"""Commitments: what named people said they (or their side) will do, followed to the outcome.

A commitment is a quote by a person in which a first-person subject ("we", "I", "our two
countries") states an intention ("hope to", "will", "intend to", "look forward to") to do a
concrete act ("sign", "finalize", "deliver", ...) — "we hope we can finalize some big
outstanding US defence sales ... and then formally sign a new 10-year Framework". When the
quote names an agreement, the agreement's later status signals settle it: a later "signed"
fulfils it, a later "cancelled" contradicts it. A commitment with a clear deadline ("this
year") that passes with no outcome in the stored articles has lapsed; otherwise it is open.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from newsgraph.resolve.agreements import content_words, normalise

SUBJECT = r"(?:\bI|\bwe|\bour (?:two )?(?:countries|nations|governments|sides|teams|leaders)|" \
          r"\bthe two (?:countries|nations|sides|leaders|governments))"
CUE = (r"(?:hope(?:s|d)?(?: that)?(?: to| we can| we will| we'll)?|expect(?:s)? to|"
       r"intend(?:s)? to|plan(?:s|ning)? to|aim(?:s)? to|look(?:ing)? forward to|"
       r"(?:are|am|is|remain) (?:committed|determined|ready|set|poised|going|working) to|"
       r"seek(?:s)? to|will|shall|'ll)")
# Concrete acts a government commits to; conversational ones ("start", "open", "provide an
# update") are left out, as are the cues "want to" / "would like to" ("I want to thank").
ACTION = (r"(?:sign|finali[sz]e|conclude|complete|deliver|deploy|launch|establish|"
          r"approve|ratify|implement|purchase|buy|procure|acquire|transfer|negotiate|"
          r"co-?produce|supply|seal|formali[sz]e|expedite)(?:s|ed|ing)?")
# A new sentence: the agreement named there is not the object of the intent before it.
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’]?\s+[\"“‘]?[A-Z]")
# Up to four words between cue and act, none opening a clause with another subject
# ("committed to ensuring that Iran can never acquire" is not a promise to acquire).
INTENT = re.compile(SUBJECT + r"(?:\s+\w+){0,2}?\s+(?P<cue>" + CUE + r")\s+"
                    r"(?:(?!that\b|which\b|who\b|if\b|whether\b|never\b|not\b)\w+\s+){0,4}?"
                    r"(?P<action>" + ACTION + r")\b", re.IGNORECASE)
DEADLINES = [
    (re.compile(r"\b(?:by|before) the end of (?:this|the) year\b|\b(?:later )?this year\b",
                re.I), "year"),
    (re.compile(r"\bnext year\b", re.I), "next-year"),
    (re.compile(r"\bthis month\b", re.I), "month"),
    (re.compile(r"\bnext month\b", re.I), "next-month"),
    (re.compile(r"\bin the coming (?:days|weeks)\b", re.I), "weeks"),
    (re.compile(r"\bin the coming months\b", re.I), "months"),
    # vague: no date can be held against them
    (re.compile(r"\b(?:very )?(?:shortly|soon)\b", re.I), "vague"),
]
FULFILLED = {"signed", "ratified", "in-force", "implemented", "completed", "delivered",
             "concluded", "finalized", "approved"}
CONTRADICTED = {"cancelled", "canceled", "suspended", "withdrawn", "terminated", "rejected",
                "collapsed", "stalled", "postponed", "expired"}


@dataclass
class Intent:
    cue: str
    action: str
    deadline_text: str | None
    deadline_date: str | None
    at: int = 0          # where the statement of intent starts in the text


_ACTION = re.compile(r"\b" + ACTION + r"\b", re.IGNORECASE)


def _end_of_month(d: dt.date) -> dt.date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def _deadline(kind: str, said: dt.date | None) -> str | None:
    if said is None or kind == "vague":
        return None
    if kind == "year":
        return f"{said.year}-12-31"
    if kind == "next-year":
        return f"{said.year + 1}-12-31"
    if kind == "month":
        return _end_of_month(said).isoformat()
    if kind == "next-month":
        return _end_of_month(_end_of_month(said) + dt.timedelta(days=1)).isoformat()
    if kind == "weeks":
        return (said + dt.timedelta(days=42)).isoformat()
    return (said + dt.timedelta(days=183)).isoformat()


def _day(said: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(said[:10]) if said else None
    except ValueError:
        return None


def find_intent(text: str, said: str | None, about: int | None = None) -> Intent | None:
    """The statement of intent in `text`, with its deadline when it gives one. With `about`
    (where an agreement is named in `text`), the act is the one nearest before that name and
    the deadline the first one after it: "finalize some sales ... and then formally sign a
    new Framework ... which we hope to do very shortly"."""
    m = INTENT.search(text)
    if m is None:
        return None
    action, start = m.group("action").lower(), m.start()
    if about is not None and about > m.start():
        acts = [a for a in _ACTION.finditer(text, m.start("action"), about)]
        if acts:
            action = acts[-1].group(0).lower()
        start = about
    for pattern, kind in DEADLINES:
        d = pattern.search(text, start)
        if d:
            return Intent(" ".join(m.group("cue").lower().split()), action, d.group(0),
                          _deadline(kind, _day(said)), m.start())
    return Intent(" ".join(m.group("cue").lower().split()), action, None, None, m.start())


@dataclass
class QuoteRow:
    """One stored quote with a speaker, its article's date and the speaker's corpus entity
    (None where the speaker was not resolved)."""

    pk: int
    article_id: str
    local_id: str
    published: str | None
    speaker: str | None          # the entity's name, else the speaker as written
    entity_id: str | None
    text: str
    start: int | None
    end: int | None
    entity_type: str | None


@dataclass
class AgreementPlace:
    """Where an article mentions an agreement."""

    agreement_id: str
    start: int | None
    end: int | None


@dataclass
class StatusRow:
    status: str
    article_id: str
    date: str | None
    evidence: str


@dataclass
class CommitmentInputs:
    quotes: list[QuoteRow] = field(default_factory=list)         # by date, article, quote
    aliases: list[tuple[str, str]] = field(default_factory=list)  # (agreement id, alias)
    places: dict[str, list[AgreementPlace]] = field(default_factory=dict)  # by article
    # by agreement, in order of date, article and status
    statuses: dict[str, list[StatusRow]] = field(default_factory=dict)
    latest: str | None = None    # the latest publication date stored


@dataclass
class Commitment:
    id: str
    quote_pk: int
    article_id: str
    date: str | None
    speaker: str | None
    speaker_entity_id: str | None
    text: str
    cue: str
    action: str
    deadline_text: str | None
    deadline_date: str | None
    agreement_id: str | None
    outcome: str
    outcome_article_id: str | None
    outcome_date: str | None
    outcome_evidence: str | None


@dataclass
class Said:
    key: str              # stable id source
    quote_pk: int
    article_id: str
    date: str | None
    speaker: str | None
    speaker_entity_id: str | None
    text: str
    start: int | None
    end: int | None


def _quotes(rows: list[QuoteRow]) -> list[Said]:
    # Only people make commitments here; "the ministry said" is not a named official.
    return [Said(f"{r.article_id}|{r.local_id}", r.pk, r.article_id, r.published, r.speaker,
                 r.entity_id, r.text, r.start, r.end)
            for r in rows if r.entity_type == "PERSON"
            or (r.entity_type is None and _looks_personal(r.speaker))]


def _looks_personal(name: str | None) -> bool:
    words = (name or "").split()
    org = {"ministry", "department", "office", "house", "embassy", "government", "agency",
           "council", "spokesperson", "statement", "officials", "official", "sources"}
    return 2 <= len(words) <= 6 and not any(w.lower() in org for w in words)


def _agreements_in(places: list[AgreementPlace], s: Said, known: list[tuple[str, str]]
                   ) -> list[tuple[str, int]]:
    """The agreements the quote names, with where (offset into the quote): agreement mentions
    inside it, else known agreement names found in its words."""
    found: dict[str, int] = {}
    if s.start is not None and s.end is not None:
        for p in places:
            if (p.start is not None and p.end is not None and p.start >= s.start
                    and p.end <= s.end):
                found.setdefault(p.agreement_id, p.start - s.start)
    if not found:
        text = " " + normalise(s.text) + " "
        for key, agreement_id in known:
            if f" {key} " in text:
                # position in the normalised text only orders the names; no offsets needed
                found.setdefault(agreement_id, len(s.text))
    return sorted(found.items(), key=lambda kv: (kv[1], kv[0]))


@dataclass
class _Outcome:
    outcome: str = "open"
    article_id: str | None = None
    date: str | None = None
    evidence: str | None = None


def _outcome(statuses: dict[str, list[StatusRow]], agreement_id: str | None,
             said: str | None) -> _Outcome:
    if agreement_id is None or said is None:
        return _Outcome()
    for st in statuses.get(agreement_id, []):
        if st.date is None or not st.date > said:
            continue
        if st.status in FULFILLED:
            return _Outcome("fulfilled", st.article_id, st.date, st.evidence)
        if st.status in CONTRADICTED:
            return _Outcome("contradicted", st.article_id, st.date, st.evidence)
    return _Outcome()


def _excerpt(text: str, start: int, about: int | None) -> str:
    """The sentences from the statement of intent to the agreement it names."""
    end = max(start, about if about is not None and about < len(text) else start)
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(stops) + 1 if stops else len(text)
    return " ".join(text[left:right].split())[:800]


def known_names(aliases: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Agreement names long enough to be recognised inside a quote's own words, longest
    first: (normalised name, agreement id)."""
    return sorted(((normalise(alias), agreement_id) for agreement_id, alias in aliases
                   if len(content_words(normalise(alias))) >= 3),
                  key=lambda t: (-len(t[0]), t))


def resolve_commitments(inputs: CommitmentInputs) -> list[Commitment]:
    known = known_names(inputs.aliases)
    out: list[Commitment] = []
    for s in _quotes(inputs.quotes):
        first = find_intent(s.text, s.date)
        if first is None:
            continue
        # a transcript turn can be long: only an agreement in the sentence of the intent is
        # its object ("... and then formally sign a new 10-year Framework ...")
        named: list[tuple[str | None, int | None]] = [
            (a, at) for a, at in _agreements_in(inputs.places.get(s.article_id, []), s, known)
            if at >= len(s.text) or not _SENTENCE_BREAK.search(
                s.text, min(at, first.at), max(at, first.at))]
        # one commitment per agreement the statement names, or one for the statement
        out += [_commitment(s, agreement_id, at, inputs)
                for agreement_id, at in named or [(None, None)]]
    return out


def _commitment(s: Said, agreement_id: str | None, at: int | None,
                inputs: CommitmentInputs) -> Commitment:
    intent = find_intent(s.text, s.date, at if at is not None and at < len(s.text) else None)
    assert intent is not None
    o = _outcome(inputs.statuses, agreement_id, s.date)
    # Lapsed only where the outcome could have been seen: an agreement we follow.
    if (o.outcome == "open" and agreement_id and intent.deadline_date and inputs.latest
            and inputs.latest > intent.deadline_date):
        o.outcome = "lapsed"
    key = s.key if agreement_id is None else f"{s.key}|{agreement_id}"
    return Commitment("cm-" + hashlib.sha1(key.encode()).hexdigest()[:12], s.quote_pk,
                      s.article_id, s.date, s.speaker, s.speaker_entity_id,
                      _excerpt(s.text, intent.at, at), intent.cue, intent.action,
                      intent.deadline_text, intent.deadline_date, agreement_id, o.outcome,
                      o.article_id, o.date, o.evidence)
