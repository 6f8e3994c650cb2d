"""Politicians named without a title in an election story or a story on party politics.

News about one country's politics names its candidates, past presidents and party figures
by name alone ("As much as Joe Biden is still a front-runner, so are Elizabeth Warren, Pete
Buttigieg and Bernie Sanders"). A person with no title and no country, named in a sentence
about an electoral contest (`data/contest_words.tsv`: primary, nomination, candidate,
campaign, votes, ...) or in one that names a party of that country by its label ("Jeb Bush
... the Republican Party", "top Senate Democrats, including Harry Reid"; `data/parties.tsv`),
or joined by "and" to a person stated to be of that country ("Donald J. Trump and
Senator Bernie Sanders have both argued"), is taken to be of the country whose domestic
affairs the article reports: the one whose
institutions, states, party labels and titles read in context it names at least twice,
twice as often as any other (`stated.domestic`). A country merely named in the article is
not enough, and nobody with a role is touched: their role is read by the rules of
`affiliation`.

Private people in such stories are told by the way the text names them, and are left
alone: an age after the name ("Carole Bower, 75, a retiree"), an outlet or another
organisation owning the name ("Fox News's Megyn Kelly", "MSNBC's Rachel Maddow"; a place,
"Arizona's John McCain", is no owner), or an organisation after it ("Megyn Kelly of Fox
News", "Stephen Vladeck of the University of Texas School of Law"), or a noun of kinship,
support or circumstance before it or heading an apposition after it ("Clinton ally James
Carville", "Heidi Cruz, Senator Ted Cruz's wife"; `contest_words.tsv`, use "private").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container

from spacy.tokens import Doc

from newsgraph import lexicon
from newsgraph.annotate import gazetteer
from newsgraph.annotate.entities import affiliation, orgheads, parties
from newsgraph.annotate.entities.coref import Person
from newsgraph.geo import places

CONTEST = lexicon.contest_words().tagged("contest")
PRIVATE = lexicon.contest_words().tagged("private")
# Chambers that may stand before a party label: "Senate Republicans", "House Democrats".
LEGISLATURES = frozenset({"senate", "house", "congressional", "state"})
# Words as written, hyphens kept: the tokenizer splits "front-runner" into three tokens.
WORD_RE = re.compile(r"\w+(?:-\w+)*")
# ", 75," right after a name: the age of a private person (voters, witnesses, suspects).
AGE_RE = re.compile(r",\s*\d{1,3}\s*,(?!\d)")  # not "Clinton leads Sanders, 1,428 to 1,153"
# "Roger Ailes (Fox News Chairman and CEO)": a post in brackets after the name.
BRACKETED_RE = re.compile(r"\s*\(([^()]{1,60})\)")
# "Fox News's", "MSNBC's", "The Post's" right before a name: an organisation's staff.
OWNER_RE = re.compile(r"((?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*)(?:'s|’s|')\s+$")
# "of Fox News", "at the Brookings Institution", "from the University of Texas" after a name.
ORG_AFTER_RE = re.compile(r"\s+(?:of|at|from|with)\s+(?:the\s+)?([A-Z][\w.&'’-]*"
                          r"(?:\s+(?:(?:of|for|and|the|on|&)\s+)*[A-Z][\w.&'’-]*){0,6})")
# The noun heading an apposition after a name ("Heidi Cruz, Senator Ted Cruz's wife,").
APPOSITION_RE = re.compile(r",\s+((?:[\w.'’-]+\s+){0,6}?)([a-z]+)\s*(?=[,.;]|$)")
POSSESSIVE_RE = re.compile(r"\w(?:'s|’s|'|’)\s")
# A relative clause of a private trade: "Lee Epstein, who teaches constitutional law",
# "Whit Ayres, who was Rubio's campaign pollster".
PRIVATE_CLAUSE_RE = re.compile(
    r",\s+who\s+(?:teaches|taught|works|worked|writes|wrote|hosts|hosted|owns|owned)\b"
    r"|,\s+who\s+(?:is|was)\s+(?:[\w.'’-]+\s+){0,5}?(?:pollster|strategist|consultant|"
    r"spokesman|spokeswoman|adviser|advisor|reporter|columnist|professor|owner)\b")
WORD_BEFORE_RE = re.compile(r"(?<![\w.'’-])([a-z]+)\s+$")


def _sentence(doc: Doc, start: int, end: int):  # type: ignore[no-untyped-def]
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span[0].sent


def _in_contest(doc: Doc, start: int, end: int) -> bool:
    sent = _sentence(doc, start, end)
    if sent is None:
        return False
    words = WORD_RE.findall(sent.text.lower())
    # The whole word and its parts: "front-runner", "vice-presidential".
    return any(w in CONTEST or CONTEST & set(w.split("-")) for w in words)


def _party_sentence(doc: Doc, start: int, end: int, country: str,
                    named: Container[str]) -> bool:
    """The sentence names a party of `country` by its label ("Republicans", "GOP",
    "Democratic"), outside a longer name of an organisation ("Log Cabin Republicans")."""
    sent = _sentence(doc, start, end)
    if sent is None:
        return False
    for tok in sent:
        if not parties.is_label(tok.text) or not tok.text[:1].isupper():
            continue
        row = parties.resolve(tok.text, named)
        if row is None or row.country != country:
            continue
        prev = tok.nbor(-1) if tok.i > sent.start else None
        if prev is not None and prev.text[:1].isupper() and prev.is_alpha \
                and prev.lower_ not in LEGISLATURES and not _place(prev.text):
            continue  # the end of an organisation's name: "Log Cabin Republicans"
        return True
    return False


def _place(name: str) -> bool:
    return bool(gazetteer.lookup_country(name)) or bool(places.lookup(name))


def private_mention(text: str, start: int, end: int, people: list[Person]) -> bool:
    """The text names the person as a private one (see the module): by what stands before
    the name or after it."""
    return _private_before(text, start, people) or _private_after(text, end)


def _private_before(text: str, start: int, people: list[Person]) -> bool:
    """ "Clinton ally James Carville", "Orlando shooter Omar Mateen", "Fox News's Megyn
    Kelly" (an owner that is no place and no person of the article)."""
    m = WORD_BEFORE_RE.search(text[max(0, start - 30):start])
    if m and m.group(1) in PRIVATE:
        return True
    line_start = text.rfind("\n", 0, start) + 1
    m = OWNER_RE.search(text[max(line_start, start - 60):start])
    if m:
        owner = m.group(1).removeprefix("The ").removeprefix("the ")
        words = set(owner.lower().split())
        return not _place(owner) and not any(words & q.words() for q in people)
    return False


def _private_after(text: str, end: int) -> bool:
    """An age, an apposition of kinship, support or an organisation's post, a post in
    brackets, a clause of a private trade or an organisation right after the name."""
    if AGE_RE.match(text, end) or PRIVATE_CLAUSE_RE.match(text, end):
        return True  # "Carole Bower, 75,", "Lee Epstein, who teaches constitutional law"
    m = APPOSITION_RE.match(text[end:end + 80])
    if m and (m.group(2) in PRIVATE  # "Heidi Cruz, Senator Ted Cruz's wife,"
              or (m.group(2) in orgheads.POSTS and POSSESSIVE_RE.search(m.group(1)))):
        return True  # "Steve Adler, rVotes' owner,": an organisation's head or staff
    m = BRACKETED_RE.match(text, end)
    if m and set(re.split(r"[\s,]+", m.group(1).lower())) & orgheads.POSTS:
        return True  # "Roger Ailes (Fox News Chairman and CEO)"
    m = ORG_AFTER_RE.match(text, end)
    # A place after the name is where the person is from ("Bernie Sanders of Vermont",
    # "Jane Roe of New York"); a longer name is an organisation's, even where its first word
    # is a place's too ("the University of Texas School of Law").
    return bool(m and m.group(1).strip().rstrip(",.")
                and not _place(m.group(1).strip().rstrip(",.")))


def from_contests(doc: Doc, people: list[Person], domestic: Counter[str],
                  named: Container[str] = ()) -> None:
    """Fill the country of untitled people named in a sentence about an election or about
    the parties of the country whose affairs the article reports (`named`: the countries
    the article names, for the party labels that need one)."""
    country = affiliation.dominant(domestic, affiliation.DOMESTIC_MIN)
    if country is None:
        return
    text = doc.text
    for p in people:
        if p.affiliation is not None or p.roles or country in p.visited():
            continue
        spans = [(n.start, n.end) for n in p.names if n.end > n.start]
        if any(private_mention(text, s, e, people) for s, e in spans):
            continue
        if any(_in_contest(doc, s, e) or _party_sentence(doc, s, e, country, named)
               or _joined_to_official(doc, s, e, country, people) for s, e in spans):
            p.affiliation, p.affiliation_kind = country, "contest"


# Kinds of country a person's own words stated (not guessed from the article).
OWN_KINDS = frozenset({"country", "role", "office", "party", "organisation", "title-context"})


def _joined_to_official(doc: Doc, start: int, end: int, country: str,
                        people: list[Person]) -> bool:
    """The name is joined by "and"/"or" to someone stated to be of `country` ("Donald J.
    Trump and Senator Bernie Sanders have both argued", "Bill Clinton and Republican Newt
    Gingrich"): named alongside a politician of the country, in one phrase."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    group = {t.i for t in root.conjuncts}
    if not group:
        return False
    for q in people:
        if q.affiliation != country or q.affiliation_kind not in OWN_KINDS:
            continue
        for n in q.names:
            other = doc.char_span(n.start, n.end, alignment_mode="expand")
            if other is not None and len(other) and other.root.i in group:
                return True
    return False
