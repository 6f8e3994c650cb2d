"""A candidate's staff are no officials of the state.

"Clinton spokesman Jesse Ferguson", "Rubio spokesman Alex Conant", "Michael Briggs,
Sanders's spokesman", "a senior adviser to Mr. Sanders": a title right after the surname of
another person of the article, or one said to be that person's, makes its holder that
person's staff. Where that person holds no current public office (a candidate, a former
official, a private person), or runs in the election the article reports (a senator
running for president: "Cruz spokeswoman Catherine Frazier"), the staff work for a
campaign, not a government: the article-wide guess of a country (kinds "context" and
"possessor", `affiliation`) is taken back. Staff of a current official who is no candidate
("Obama spokesman Eric Schultz") keep it.

A spokesperson, adviser, aide or strategist whose employer the text does not name
("spokesman Alex Conant said ... as returns came in", "her top foreign policy adviser Jake
Sullivan") is a campaign's where their sentence, or the one before it, speaks of the
contest (`data/contest_words.tsv`) and the article names a candidate's campaign.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsgraph.annotate.entities import contests, roles
from newsgraph.annotate.entities.affiliation import public_role
from newsgraph.annotate.entities.coref import Person

# Roles that are no current office even where their words are public ones.
NOT_IN_OFFICE_RE = re.compile(r"\b(?:Former|Candidate|Nominee|Hopeful|Front-Runner)\b",
                              re.IGNORECASE)
SURNAME_RE = re.compile(r"([A-Z][\w’'-]+)(?:['’]s)?\s+$")
# The posts of a campaign's staff ("Spokesperson", "Senior Advisor", "Aide", "Strategist");
# not "National Security Advisor" or "Former Administration Advisor", posts in government.
CAMPAIGN_POSTS = frozenset({"spokesperson", "spokesman", "spokeswoman", "advisor", "adviser",
                            "aide", "strategist", "pollster", "consultant"})
GOVERNMENT_POSTS = frozenset({"security", "economic", "climate", "national", "legal",
                              "administration", "former"})
CAMPAIGN_WORDS = frozenset({"campaign", "campaigns", "camp", "team"})
# Kinds of country an article-wide rule gave, which a campaign's staff do not keep.
GUESSED = frozenset({"context", "possessor"})


def _in_office(p: Person) -> bool:
    return any(public_role(r) and not NOT_IN_OFFICE_RE.search(r) for r in p.roles)


def _leader(p: Person) -> bool:
    """A current head of state or government: no candidate in a campaign story."""
    return any(roles.role_kind(r) in roles.LEADER_KINDS and not NOT_IN_OFFICE_RE.search(r)
               for r in p.roles)


def _employer(text: str, p: Person, by_surname: dict[str, Person]) -> Person | None:
    """The person whose surname stands right before p's title ("Clinton spokesman"), or
    whose post it is ("Sanders's spokesman", "a spokesman for Mrs. Clinton")."""
    for n in p.names:
        for role in p.role_texts:
            at = text.rfind(role, max(0, n.start - len(role) - 40), n.start)
            if at < 0 or text[at + len(role):n.start].strip():
                continue
            m = SURNAME_RE.search(text[max(0, at - 30):at])
            q = by_surname.get(m.group(1).lower()) if m else None
            if q is not None and q is not p:
                return q
    if p.possessor:
        q = by_surname.get(p.possessor.split()[-1].lower())
        if q is not None and q is not p:
            return q
    return None


def _campaign_named(text: str, q: Person) -> bool:
    """The article speaks of q's campaign ("the Clinton campaign", "Cruz's camp")."""
    surname = q.surname()
    if not surname:
        return False
    return re.search(rf"\b{re.escape(surname)}(?:['’]s?)?\s+(?:[\w-]+\s+)?"
                     rf"(?:{'|'.join(CAMPAIGN_WORDS)})\b", text, re.IGNORECASE) is not None


def _candidate(doc: Doc, q: Person) -> bool:
    """q runs in the contest the article reports: a candidate's role, a country from the
    election rule, a campaign of theirs named, or a sentence of the contest naming them."""
    if _leader(q):
        return False
    if any(NOT_IN_OFFICE_RE.search(r) and not r.startswith("Former") for r in q.roles) \
            or q.affiliation_kind == "contest":
        return True
    if _campaign_named(doc.text, q):
        return True
    return any(contests._in_contest(doc, n.start, n.end) for n in q.names if n.end > n.start)


def _campaign_post(p: Person) -> bool:
    return any(roles.role_words(r) & CAMPAIGN_POSTS and not roles.role_words(r) & GOVERNMENT_POSTS
               for r in p.roles)


def _campaign_sentence(doc: Doc, p: Person) -> bool:
    """A sentence of p's, or the one before it, speaks of the contest or a campaign."""
    for n in p.names:
        span = doc.char_span(n.start, n.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        sent = span[0].sent
        sents = [sent]
        if sent.start > 0:
            sents.append(doc[sent.start - 1].sent)
        for s in sents:
            words = {t.lower_ for t in s}
            if words & (contests.CONTEST | CAMPAIGN_WORDS):
                return True
    return False


def undo_campaign_guesses(doc: Doc, people: list[Person]) -> None:
    """Take back the article-wide country of the staff of people in no current office or
    running in the election, and of campaign staff whose employer goes unnamed."""
    text = doc.text
    by_surname = {}
    for q in people:
        s = q.surname()
        if s:
            by_surname[s] = q
    campaigns = any(_campaign_named(text, q) for q in people)
    for p in people:
        if p.affiliation_kind not in GUESSED or not p.roles:
            continue
        boss = _employer(text, p, by_surname)
        if boss is not None:
            if (p.affiliation_kind == "context" and not _in_office(boss)) \
                    or (_campaign_post(p) and _candidate(doc, boss)):
                p.affiliation = p.affiliation_kind = None
        elif campaigns and _campaign_post(p) and p.organisation is None \
                and _campaign_sentence(doc, p):
            p.affiliation = p.affiliation_kind = None
