"""The form of a person's roles once the role phrases were found: what is cut off, what is
split off, what is no role at all (the labelling rules of docs/entities.md, "Roles").

Every role of a person passes here after coreference, whichever rule found it (a title
before the name, an apposition, a predicate, a relative clause):

- a party label inside the phrase leaves it and becomes the person's party ("the
  presumptive Republican nominee" -> Presumptive Nominee, party Republican; "a Michigan
  Democrat" -> party Democrat, no other role);
- evaluative and ideological adjectives go ("an outside adviser" -> Advisor, "a
  conservative radio host" -> Radio Host);
- an organisation or a place that opens the title is the employer or the jurisdiction, not
  the post: an acronym ("FDIC Chairman"), a US state ("Fla. Governor"), an organisation or
  place the article names ("Cato Institute President"), a run of capitalised words ending
  in a noun of a body ("Foreign Ministry Spokesperson", "House Minority Leader");
- an employer after "of"/"for"/"on" is cut where it is a description ("Head of a Texas
  company" -> Head), a private organisation ("President of the Rural Voters Federation"),
  an organisation the article names, or a court or board after "on"; a field stays
  ("Professor of Political Science");
- a phrase whose head is no role word is no role ("Signal of Her Support", "Name",
  "Icon", "Prisoner of War").
Word lists: `data/role_form.tsv`, with `role_words.tsv` and `titles.tsv`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from newsgraph import lexicon
from newsgraph.annotate.entities import parties, roles
from newsgraph.annotate.entities.coref import Person
from newsgraph.geo import countries, places


def _table(name: str) -> dict[str, frozenset[str]]:
    """use -> its words, from a `word<TAB>uses` table."""
    out: dict[str, set[str]] = {}
    for word, uses in lexicon.tsv_rows(name):
        for use in uses.split():
            out.setdefault(use, set()).add(word)
    return {u: frozenset(w) for u, w in out.items()}


class _Uses:
    def __init__(self, table: dict[str, frozenset[str]]) -> None:
        self.table = table

    def tagged(self, *uses: str) -> frozenset[str]:
        return frozenset().union(*(self.table.get(u, frozenset()) for u in uses))


FORM = _Uses(_table("role_form.tsv"))
WORDS = lexicon.role_words()
EVALUATIVE = FORM.tagged("evaluative") | WORDS.tagged("evaluative")
IDEOLOGY = FORM.tagged("ideology")
BODY = FORM.tagged("body")
PRIVATE_BODY = FORM.tagged("private_body")
PUBLIC_BODY = FORM.tagged("public_body")
NAMED_BODY = FORM.tagged("named_body")
NOT_ROLE = FORM.tagged("not_role") | WORDS.tagged("not_role")
INDEFINITE = FORM.tagged("indefinite")
NOT_OPENING = FORM.tagged("not_opening")
NOT_ALONE = FORM.tagged("not_alone")
TEMPORAL = FORM.tagged("temporal") | WORDS.tagged("temporal")
ROLE_NOUNS = WORDS.tagged("public", "private", "trade", "field")
FIELD_HEADS = WORDS.tagged("field")
AGENT_ENDINGS = tuple(e.lstrip("-") for e in WORDS.tagged("agent_ending")
                      | FORM.tagged("agent_ending"))
# The roles party labels give ("Republican", "Democrat", "Labour").
PARTY_ROLES = frozenset(row.role for rows in parties.ROWS.values() for row in rows)
# Prepositions that open what follows a role's head.
TAIL = frozenset({"of", "for", "on", "at", "with", "in", "to"})
CUT_AFTER = frozenset({"of", "for", "on", "at", "with"})


@dataclass
class Form:
    """A role in its form: the role (None when the phrase is no role) and a party label the
    phrase held (a key of `data/parties.tsv`)."""

    role: str | None
    party: str | None = None


@cache
def _occupations() -> frozenset[str]:
    """The occupation table (`data/occupations.tsv`) where it is shipped: heads of roles
    that are trades ("a pollster", "an accountant")."""
    try:
        rows = lexicon.tsv_rows("occupations.tsv")
    except FileNotFoundError:
        return frozenset()
    return frozenset(r[0].split()[-1] for r in rows if r)


def is_role_head(word: str) -> bool:
    """Whether a word can end a role: a title head, a trade or a noun of an agent ("a
    pollster", "an economist"), not a circumstance ("a prisoner", "a graduate")."""
    low = word.lower().rstrip(",.")
    if low.endswith("s") and not low.endswith("ss") and roles.is_head(low[:-1]):
        low = low[:-1]  # "Advisers"
    parts = low.split("-")
    if parts[-1] in NOT_ROLE | BODY or low in NOT_ROLE or low in IDEOLOGY:
        return False
    if roles.is_head(low) or low in ROLE_NOUNS or parts[-1] in ROLE_NOUNS:
        return True
    return parts[-1].endswith(AGENT_ENDINGS) or parts[-1] in _occupations()


def _singular(word: str) -> str:
    """A title head in the plural in its singular ("Advisers", "Senators")."""
    low = word.lower()
    if low.endswith("s") and not low.endswith("ss") and roles.is_head(low[:-1]):
        return word[:-1]
    return word


def _head_index(words: list[str]) -> int:
    """Where the head of the role is: the last word before the first preposition, or the
    last word where that one is no role word ("Department of Trade Secretary")."""
    for i, w in enumerate(words):
        if i and w.lower() in TAIL:
            if is_role_head(words[i - 1]) or not is_role_head(words[-1]):
                return i - 1
            break
    last = len(words) - 1
    while last > 0 and roles.ROMAN_RE.match(words[last]):
        last -= 1  # "Foreign Minister II", a post's number
    return last


def _opening(words: list[str], orgs: Collection[str], acronyms: Collection[str]) -> int:
    """How many words after the leading ranks ("Former") name an organisation or a place
    that opens the title: 0 when none."""
    head = _head_index(words)
    if words[head].lower() in FIELD_HEADS:
        return 0  # "Ukraine Expert": the field studied
    for n in range(min(head, 4), 0, -1):
        run = words[:n]
        if not all(w[:1].isupper() for w in run) or any(roles.is_head(w) for w in run):
            continue
        if run[-1].lower() in BODY and (n > 1 or run[0].lower() in NAMED_BODY):
            return n  # "Foreign Ministry Spokesperson", "House Minority Leader"
        if all(roles.is_title_word(w) for w in run):
            continue  # "National Security Advisor": the title's own words
        name = " ".join(run)
        if n == 1 and name.isupper():
            continue  # an acronym: below
        if name.lower() in orgs or _is_place(name):
            return n
        if run[-1].lower() in BODY and not roles.is_title_word(run[0]):
            return n  # "Unity Fund President"
    if words[0] in acronyms and head > 0:
        return 1  # "FDIC Chairman", where the article speaks of the FDIC
    return 0


def _is_place(name: str) -> bool:
    """A US state by name or abbreviation ("Michigan", "Fla."): a jurisdiction."""
    return countries.us_state(name) is not None \
        or any(p.kind == "us_state" for p in places.lookup(name))


def _tail_cut(words: list[str], orgs: Collection[str]) -> list[str]:
    """The role without an employer after its head ("Head of a Texas Company" -> Head)."""
    head = _head_index(words)
    k = head + 1
    if k < len(words) and words[k].lower() == "in" \
            and any(w.lower() in TEMPORAL for w in words[k + 1:]):
        return words[:k]  # "the only candidate in modern times"
    if k >= len(words) or words[k].lower() not in CUT_AFTER:
        return words
    rest = words[k + 1:]
    if not rest:
        return words[:k]
    if rest[0].lower() in INDEFINITE:
        return words[:k]
    body = [w.lower() for w in (rest[1:] if rest[0].lower() == "the" else rest)]
    if any(w in PUBLIC_BODY for w in body):
        return words  # "Speaker of the Parliament": the office's own wording
    # An organisation the article names, not a portfolio ("of State for Political Affairs",
    # "for Passport Services").
    named = len(body) > 1 and words[k].lower() in {"of", "at", "with"} \
        and " ".join(body) in orgs \
        and not any(roles.is_title_word(w) for w in body)
    if named or (body and body[-1] in PRIVATE_BODY) \
            or (words[k].lower() == "on" and any(w in BODY | {"court"} for w in body)):
        return words[:k]
    return words


def _head_form(words: list[str]) -> list[str]:
    """ "Ex-President" is Former President; a plural head ("two Advisers" said of one of
    them) its singular."""
    if words[0].lower().startswith("ex-") and len(words[0]) > 3:
        words = ["Former", words[0][3:].capitalize(), *words[1:]]
    head = _head_index(words)
    return words[:head] + [_singular(words[head])] + words[head + 1:]


def _party_and_words(words: list[str], written: set[str] | None) -> tuple[str | None,
                                                                          list[str]]:
    """The party label a phrase holds and its other words, judgements and ideology left
    out ("Mega-Donor" -> Donor)."""
    party: str | None = None
    kept: list[str] = []
    for w in words:
        pre, _, post = w.partition("-")
        if post and pre.lower() in EVALUATIVE:
            w = post[:1].upper() + post[1:]
        if parties.is_label(w) and len(words) > 1 and (written is None or w in written):
            party = party or w
        elif w.lower() not in EVALUATIVE and not (w.lower() in IDEOLOGY and len(words) > 1):
            kept.append(w)
    return party, kept


def reform(role: str, orgs: Collection[str] = (), acronyms: Collection[str] = (),
           text: str | None = None) -> Form:
    """The form of one canonical role (`orgs`: organisation and place names the article
    gives, lower case; `acronyms`: the acronyms it uses on their own, see `acronyms`;
    `text`: the article's wording of the role, where a party label is capitalised: "a
    conservative radio host" holds an ideology, "a Conservative MP" a party)."""
    if role in PARTY_ROLES:
        return Form(role)  # "Republican", the party as a role (`stated.apply`)
    written = set(re.split(r"[\s-]+", text)) if text is not None else None
    party, kept = _party_and_words(_head_form(role.split(" ")), written)
    while len(kept) > 1 and kept[0].lower() in NOT_OPENING:
        kept = kept[1:]  # "to re-elect Sen. Rob Portman": a verb read into the title
    if len(kept) == 1 and written is not None and {w.lower() for w in written} & NOT_ALONE:
        return Form(None, party)  # "a charge" (the post is "chargé", "chargé d'affaires")
    lead = 0
    while lead < len(kept) and kept[lead].lower() in roles.LEADING_RANKS:
        lead += 1
    core = kept[lead:]
    if core:
        core = core[_opening(core, orgs, acronyms):]
        core = _tail_cut(core, orgs)
    if not core or not (is_role_head(core[_head_index(core)]) or roles.member_of_chamber(core)):
        return Form(None, party)
    return Form(roles.normalize_role(" ".join(kept[:lead] + core)), party)


def org_names(names: Iterable[str]) -> frozenset[str]:
    """The lower-case forms of organisation and place names, for `reform`."""
    return frozenset(n.lower().removeprefix("the ") for n in names if n)


def acronyms(doc: Doc) -> frozenset[str]:
    """The acronyms an article uses on their own, not only to open a title ("the FDIC
    said", "at CNN"): organisations it speaks of, so that one opening a title is the
    employer ("FDIC Chairman Martin Gruenberg"). An acronym only ever said in titles may be
    part of an office's name and stays."""
    out = set()
    for tok in doc[:-1]:
        t = tok.text
        if len(t) > 1 and t.isupper() and t.isalpha() and not roles.is_title_word(t) \
                and not roles.is_title_word(doc[tok.i + 1].text):
            out.add(t)
    return frozenset(out)


def apply(people: Iterable[Person], doc: Doc, labels: Collection[str]) -> None:
    """Give every person's roles their form (`labels`: the entity labels of organisations
    and places, whose names opening a title are not the post); a party label a role held
    becomes the person's party where none is set, and a role said more fully elsewhere
    goes."""
    orgs = org_names(e.text for e in doc.ents if e.label_ in labels)
    acr = acronyms(doc)
    for p in people:
        seen: dict[str, str] = {}
        for role, text in zip(p.roles, p.role_texts, strict=True):
            form = reform(role, orgs, acr, text)
            if form.party and p.party is None:
                p.party = form.party
            if form.role is not None:
                seen.setdefault(form.role, text)
        kept = [r for r in seen if not roles.subsumed(r, list(seen))]
        p.roles, p.role_texts = kept, [seen[r] for r in kept]
