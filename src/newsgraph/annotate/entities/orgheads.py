"""The organisation a person works for, and whether it is a public body or a private one.

Titles often open with the employer ("CNN President Jeff Zucker", "Judicial Watch President
Tom Fitton", "Cleveland Police Chief Calvin Williams", "Judiciary Committee Chairman Chuck
Grassley"); the role keeps only the post, so `employers` gives the person that organisation
where no other is named. Then:

- a public body (an office of `data/offices.tsv`, a body of `data/public_bodies.tsv`: a
  police department, a county, a committee of a legislature) employs public servants: a
  chairman, a chief or a detective there holds a public post like a senator does
  (`public_employer`), so the article-wide rules of `affiliation` may give them the
  article's country;
- the head or staff of a private organisation ("the conservative advocacy group Citizens
  United", "CNN", "the Cato Institute", "American Unity Fund", "Planned Parenthood
  Federation of America") act for no state (`data/org_heads.tsv`: the posts of an
  organisation's head and staff, and the words that make an organisation's name a private
  one): `private_heads` takes back a country guessed from the article, and a country word
  that is part of the organisation's own name ("American Unity Fund president", "president
  of Students For Life of America") or a capital that names a newsroom or a beat ("Washington
  Post reporter", "Washington Political Editor") is no country of theirs either.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from newsgraph import lexicon
from newsgraph.annotate import gazetteer
from newsgraph.annotate.entities import bodies, parties, roles
from newsgraph.annotate.entities.coref import Person
from newsgraph.geo import places

TABLE = lexicon.org_heads()
HEAD_WORDS = TABLE.tagged("head")
STAFF_WORDS = TABLE.tagged("staff")
MEDIA_WORDS = TABLE.tagged("media")
PRIVATE_NAME_WORDS = TABLE.tagged("private")
POSTS = HEAD_WORDS | STAFF_WORDS | MEDIA_WORDS
# How far before a name its title may begin, in characters.
WINDOW = 80
WORD_RE = re.compile(r"[\w.&’'-]+")
SENTENCE_END_RE = re.compile(r"[a-z0-9\"”)][.!?]\s+")
TOKEN_RE = re.compile(r"[\w.&’'-]+|[^\w\s]")
POSSESSIVE = ("’s", "'s", "’", "'")
# The employer after a post: "of the conservative advocacy group Citizens United" (the
# description, then the name).
EMPLOYER_RE = re.compile(r"\b(?:of|for|at|with)\s+(?:the\s+|a\s+|an\s+)?((?:[a-z][\w-]*\s+)*)"
                         r"([A-Z][\w.&’'-]*(?:\s+(?:(?:of|for|and|the|on)\s+)*[A-Z][\w.&’'-]*)*)")
# Words that describe a private organisation before its name ("the advocacy group", "the
# digital security firm"), or instead of one ("one of four groups").
DESCRIPTIONS = TABLE.tagged("description")
# Words of a post in the police, a public body even unnamed ("a Jupiter police spokesman").
POLICE = frozenset({"police", "sheriff", "sheriff's", "sheriff’s"})
# Kinds of affiliation a title or the article gave, that a private employer takes back.
GUESSED = frozenset({"context", "contest"})


def _words(role: str) -> set[str]:
    return {w.lower() for w in re.split(r"[\s-]+", role) if w}


def _opening_before(text: str, start: int, post: set[str]) -> str | None:
    """The capitalised name right before the title before a name: "CNN" in "CNN President
    Jeff Zucker", "Judicial Watch" in "said Judicial Watch President Tom Fitton"."""
    line = max(text.rfind("\n", 0, start) + 1,
               max((m.end() for m in SENTENCE_END_RE.finditer(text, max(0, start - WINDOW),
                                                           start)), default=0))
    pre = text[max(line, start - WINDOW):start]
    toks = TOKEN_RE.findall(pre)
    i = len(toks)
    while i > 0 and (toks[i - 1].lower() in post or roles.is_title_word(toks[i - 1])
                     or toks[i - 1].lower() in roles.HONORIFICS):
        i -= 1
    if i == len(toks):
        return None  # no title right before the name
    j = i
    while j > 0 and toks[j - 1][:1].isupper() and not roles.is_title_word(toks[j - 1]) \
            and toks[j - 1].lower() not in roles.LEADING_RANKS and i - j < 5:
        j -= 1
    while j < i and toks[j].lower() in STOP_WORDS:
        j += 1  # "When President Obama ...": a sentence's first word
    if j == i:
        return None
    name = " ".join(toks[j:i])
    for poss in POSSESSIVE:
        name = name.removesuffix(poss)
    return name or None


def _place(name: str) -> bool:
    """A place by its main name ("Jupiter", "New York"), not by an alternate one (airport
    codes: "CNN" is one of Kannur's)."""
    return places.is_main_name(name)


def employers(text: str, people: list[Person]) -> None:
    """Give each titled person without an organisation the one that opens a title before
    their name, where it is no country, no place and no party label."""
    for p in people:
        if p.organisation is not None and _person_name(p.organisation, p, people):
            p.organisation = None  # "a Reagan appointee": whose appointee, no employer
        if p.organisation is not None or not p.roles:
            continue
        # The post's own words ("President", "tunneling expert"), not a name in it ("CNN").
        post = {w.lower() for r in p.roles + p.role_texts for w in re.split(r"[\s-]+", r)
                if w and (w.islower() or roles.is_title_word(w))}
        for n in p.names:
            name = _opening_before(text, n.start, post)
            if name is None or _place(name) or _country_word_in_name(name) \
                    or name.split()[-1] in {"Republican", "Democratic", "Democrat"}:
                continue  # "U.S. District Judge": the country is the title's own
            if any(set(name.lower().split()) & q.words() for q in people):
                continue  # "Clinton spokesman": a person's staff (`staff`)
            p.organisation = name
            break


# Bodies of a party that a party label opens ("the Republican committee organizing the
# convention"): the party's national bodies, whose officials act for its country.
PARTY_BODIES = frozenset({"committee", "convention", "party"})


def _person_name(org: str, p: Person, people: list[Person]) -> bool:
    """The "organisation" is another person of the article named by surname, for a public
    post ("Justice Kennedy, a Reagan appointee"); a campaign's staff keep it ("Clinton
    spokesman")."""
    from newsgraph.annotate.entities.affiliation import public_role

    words = set(org.lower().split())
    return any(public_role(r) for r in p.roles) \
        and not any(_words(r) & STAFF_WORDS for r in p.roles) \
        and any(q is not p and words <= q.words() for q in people)


def _country_word_in_name(name: str) -> bool:
    """A country word opens the name ("U.S. District", "Indian"): the title's country, read
    by the title's own rules, not an employer's name; an office ("FBI") is an employer, and
    so is a private organisation named with a country word ("American Unity Fund")."""
    words = WORD_RE.findall(name)
    if {w.lower() for w in words} & (PRIVATE_NAME_WORDS | bodies.PRIVATE_WORDS):
        return False
    for n in (3, 2, 1):
        place = gazetteer.entries().get(" ".join(words[:n]))
        if place is not None and place.kind in ("country", "demonym", "capital"):
            return True
    return False


def _office_country(org: str) -> str | None:
    """The country of an office named inside an organisation's name ("Homeland Security
    Investigations in San Diego"), of a country's public body ("U.S. Embassy in Tripoli"),
    or of a party's body ("Republican committee")."""
    words = WORD_RE.findall(org)
    if len(words) > 1 and parties.is_label(words[0]) \
            and {w.lower() for w in words[1:]} & PARTY_BODIES:
        row = parties.resolve(words[0], {row.country for rows in parties.ROWS.values()
                                         for row in rows if row.needs is None})
        if row is not None:
            return row.country
    for n in range(len(words), 0, -1):
        for i in range(len(words) - n + 1):
            place = gazetteer.entries().get(" ".join(words[i:i + n]))
            if place is not None and place.kind == "office":
                return place.country
    for n in (2, 1):
        country = gazetteer.lookup_country(" ".join(words[:n]))
        rest = words[n:]
        # The body's own name, up to a place it is in ("Embassy in Tripoli").
        cut = next((k for k, w in enumerate(rest) if w in ("in", "at")), len(rest))
        if country and rest[:cut] and bodies.public_body(" ".join(rest[:cut]), country):
            return country
    return None


def _body_name(org: str, country: str | None) -> bool:
    """A public body's name: a capitalised body word ("Jupiter Police Department", "Orange
    County"; not "the Financial Crime Prevention agency", a firm's description), no private
    word, and no other country's word."""
    words = bodies.WORD_RE.findall(org)
    low = {w.lower() for w in words}
    if not {w.lower() for w in words if w[:1].isupper()} & bodies.BODY_WORDS \
            or low & (bodies.PRIVATE_WORDS | PRIVATE_NAME_WORDS):
        return False
    return country is None or bodies.public_body(org, country)


def public_employer(p: Person, country: str | None = None) -> bool:
    """The person works for a public body: an office of one country, or a body whose name
    has a public body's word ("Jupiter Police Department", "Miami-Dade County"; "a Jupiter
    police spokesman")."""
    if p.organisation and (_office_country(p.organisation)
                           or _body_name(p.organisation, country)):
        return True
    return any(_words(t) & POLICE or _office_country(t) or _body_name(t, country)
               for t in p.role_texts)


def org_country(org: str) -> str | None:
    """The country a public body inside an organisation's name belongs to."""
    return _office_country(org)


def _spelled_out(acronym: str, text: str) -> str | None:
    """The name an acronym stands for in the article: "California Public Utilities
    Commission (CPUC)", or the capitalised words whose initials spell it."""
    m = re.search(r"((?:[A-Z][\w.&'’-]*\s+(?:(?:of|for|and|the|on)\s+)*){2,8})\(\s*"
                  + re.escape(acronym) + r"\s*\)", text)
    if m:
        return m.group(1).strip()
    for m in re.finditer(r"(?:[A-Z][\w'’-]*(?:\s+(?:of|for|and|the|on))*\s+){1,7}[A-Z][\w'’-]*",
                         text):
        words = [w for w in m.group(0).split() if w[:1].isupper()]
        for i in range(len(words)):
            if "".join(w[0] for w in words[i:]) == acronym:
                return " ".join(words[i:])
    return None


def _private_org(org: str, text: str = "") -> bool:
    """A named organisation that is no public body: a company, a newsroom, a group."""
    if not org or not org[:1].isupper():
        return False
    if _office_country(org) or gazetteer.lookup_country(org) or gazetteer.lookup_intl(org):
        return False
    if org.isupper() and len(org) > 1:
        full = _spelled_out(org, text)  # "CPUC": the California Public Utilities Commission
        if full is not None and not _private_org(full):
            return False
    words = {w.lower() for w in bodies.WORD_RE.findall(org)}
    if words & bodies.BODY_WORDS and not words & (bodies.PRIVATE_WORDS | PRIVATE_NAME_WORDS):
        return False
    return True


def _beat(p: Person, text: str) -> bool:
    """A journalist whose title names a capital or an office, not a country or a
    nationality: the newsroom's or the beat's ("Washington Post reporter", "White House
    bureau chief", "Breitbart News' Washington Political Editor")."""
    if not any(_words(r) & MEDIA_WORDS for r in p.roles):
        return False
    said = list(p.role_texts) + ([p.organisation] if p.organisation else [])
    for n in p.names:
        line = text.rfind("\n", 0, n.start) + 1
        said.append(text[max(line, n.start - WINDOW):n.start])
    kinds = set()
    for phrase in said:
        words = WORD_RE.findall(phrase)
        for k in (3, 2, 1):
            for i in range(len(words) - k + 1):
                place = gazetteer.entries().get(" ".join(words[i:i + k]).removesuffix("’s")
                                                .removesuffix("'s"))
                if place is not None and place.country == p.affiliation:
                    kinds.add(place.kind)
    return bool(kinds) and kinds <= {"capital", "office"}


def _heads_or_staff(p: Person) -> bool:
    return any(_words(r) & (HEAD_WORDS | STAFF_WORDS | MEDIA_WORDS) for r in p.roles)


def _country_word_in(org: str, country: str) -> bool:
    words = WORD_RE.findall(org)
    return any(gazetteer.lookup_country(" ".join(words[i:i + n])) == country
               for n in (1, 2, 3) for i in range(len(words) - n + 1))


def private_heads(text: str, people: list[Person]) -> None:
    """Take back the country of the heads and staff of private organisations where the
    article guessed it, or read it from a word of the organisation's own name, and of
    journalists where it is their newsroom's or their beat's capital."""
    from newsgraph.annotate.entities.affiliation import public_role

    for p in people:
        if p.affiliation is None or not _heads_or_staff(p):
            continue
        if p.affiliation_kind in ("country", "office") and _beat(p, text):
            p.affiliation = p.affiliation_kind = None
            continue
        if any(bodies.public_body(t, p.affiliation) or _office_country(t)
               for t in p.role_texts):
            continue
        if any(public_role(r) and not _words(r) & POSTS for r in p.roles):
            continue  # another post that is a public one: "Prime Minister", "Senator"
        private, described = _private_employers(p, text)
        if not private and not described:
            continue
        if p.affiliation_kind in GUESSED or (
                p.affiliation_kind == "country"
                and any(_country_word_in(o, p.affiliation)
                        or _country_after(o, p.affiliation, text) for o in private)):
            p.affiliation = p.affiliation_kind = None


def _private_employers(p: Person, text: str) -> tuple[list[str], bool]:
    """The private organisations the person works for, and whether the wording of a post
    describes one without a name ("attorney for one of four groups")."""
    orgs = [p.organisation] if p.organisation else []
    described = False
    # The employer after the post in its wording ("president of the Planned Parenthood
    # Federation", "president of the conservative advocacy group Citizens United"); where
    # the role holds those words, only for a country read from them ("President of
    # Students for Life" of America; not "Director of National Intelligence").
    held = set().union(*(_words(r) for r in p.roles))
    for t in p.role_texts:
        tail = re.search(r"\b(?:of|for|at|with)\s+(.*)$", t)
        described = described or bool(tail and _words(tail.group(1)) & DESCRIPTIONS)
        m = EMPLOYER_RE.search(t)
        if m is not None and (not _words(m.group(2)) <= held
                              or p.affiliation_kind == "country"):
            orgs.append(m.group(2))
    return [o for o in orgs if _private_org(o, text)], described


def _country_after(org: str, country: str, text: str) -> bool:
    """The organisation's name goes on with the country in the text: "the Planned
    Parenthood Federation of America"."""
    after = r"\s+(?:of|for|in)\s+(?:the\s+)?((?:[A-Z][\w.]*\s?){1,3})"
    for m in re.finditer(re.escape(org) + after, text):
        if gazetteer.lookup_country(m.group(1).strip().rstrip(".,;:")) == country:
            return True
    return False
