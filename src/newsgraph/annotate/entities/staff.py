"""A candidate's staff are no officials of the state.

"Clinton spokesman Jesse Ferguson", "Rubio spokesman Alex Conant": a title right after the
surname of another person of the article is that person's staff. Where that person holds
no current public office (a candidate, a former official, a private person), the staff
work for a campaign, not a government: the article-wide guess of a country (kind
"context", `affiliation`) is taken back. Staff of a current official ("Obama spokesman
Eric Schultz") keep it.
"""

from __future__ import annotations

import re

from newsgraph.annotate.entities.affiliation import public_role
from newsgraph.annotate.entities.coref import Person

# Roles that are no current office even where their words are public ones.
NOT_IN_OFFICE_RE = re.compile(r"\b(?:Former|Candidate|Nominee|Hopeful|Front-Runner)\b",
                              re.IGNORECASE)
SURNAME_RE = re.compile(r"([A-Z][\w’'-]+)(?:['’]s)?\s+$")


def _in_office(p: Person) -> bool:
    return any(public_role(r) and not NOT_IN_OFFICE_RE.search(r) for r in p.roles)


def _employer(text: str, p: Person, by_surname: dict[str, Person]) -> Person | None:
    """The person whose surname stands right before p's title ("Clinton spokesman")."""
    for n in p.names:
        for role in p.role_texts:
            at = text.rfind(role, max(0, n.start - len(role) - 40), n.start)
            if at < 0 or text[at + len(role):n.start].strip():
                continue
            m = SURNAME_RE.search(text[max(0, at - 30):at])
            q = by_surname.get(m.group(1).lower()) if m else None
            if q is not None and q is not p:
                return q
    return None


def undo_campaign_guesses(text: str, people: list[Person]) -> None:
    """Take back the article-wide country of the staff of people in no current office."""
    by_surname = {}
    for q in people:
        s = q.surname()
        if s:
            by_surname[s] = q
    for p in people:
        if p.affiliation_kind != "context" or not p.roles:
            continue
        boss = _employer(text, p, by_surname)
        if boss is not None and not _in_office(boss):
            p.affiliation = p.affiliation_kind = None
