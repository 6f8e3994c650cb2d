"""Transcript labels ("SECRETARY BLINKEN:", "MR PRICE:", "THE PRESIDENT:") and the full
names they stand for.

A label gives a surname and often a title. The full name is looked for in the text (a
header line "Ned Price, Department Spokesperson", "This is Ricardo Zuniga.") even where the
model missed it, and else in the headline ("Press Briefing by Press Secretary Karine
Jean-Pierre"), so that the label, the full name and a first name used in address ("Thank
you, Karine") make one person.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsgraph.annotate import gazetteer
from newsgraph.annotate.entities import roles
from newsgraph.annotate.entities.names import (
    INITIAL_RE,
    NOT_NAMES,
    PARTICLES,
    Found,
    NameMention,
    RoleMention,
    Scan,
    is_name_token,
)

# How people.py adds a name found at tokens [start, end) (with its titles).
AddName = Callable[[Scan, Found, int, int, str], None]

# Transcript labels that are not a person.
GENERIC_LABEL_WORDS = frozenset("""
QUESTION QUESTIONS MODERATOR OPERATOR PARTICIPANT PARTICIPANTS AUDIENCE MEMBER STAFF
INTERPRETER ANNOUNCER AIDE GUEST VESSEL OFFICIAL OFFICIALS NARRATOR REPORTER CROWD ALL
SPEAKER VOICE MAN WOMAN NOTE END BACKGROUND PRESS
""".split())
LABEL_RE = re.compile(r"(?m)^(?P<label>[A-Z][A-Z.’'\- ]*[A-Z.])(?:\s+\([^)\n]*\))?:[ \t]")


def words_title_case(words: list[str]) -> list[str]:
    out = []
    for w in words:
        out.append("-".join(p[:1] + p[1:].lower() for p in w.split("-")))
    return out


def from_labels(ctx: Scan, found: Found) -> list[tuple[int, int]]:
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
        cased = words_title_case(title_words)
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
            start=offset, end=m.end("label"), words=words_title_case(name_words),
            title=title, source=source))
    return spans


def full_names(ctx: Scan, found: Found, labels: list[tuple[int, int]], add: AddName) -> None:
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
        start = given_names_before(ctx, i)
        if start == i:
            continue
        add(ctx, found, start, i + 1, "ner")
        mention = found.names[-1]
        mention.headline = False  # the label shows it is a name, even on a header line
        if all(w.isupper() for w in mention.words):
            mention.words = words_title_case(mention.words)


def given_names_before(ctx: Scan, i: int) -> int:
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


HEADLINE_NAME = r"([A-Z][\w’'-]+(?: [A-Z]\.)*) +"


def headline_names(found: Found, headline: str | None) -> None:
    """ "Press Briefing by Press Secretary Karine Jean-Pierre": the full name of a label
    ("MS. JEAN-PIERRE:") the text gives only by surname, where the text also calls the
    person by the given name ("Thank you, Karine."): the headline joins the two. The name
    has no span in the text; it is recorded as a mention of no length at the first label."""
    if not headline:
        return
    known = {n.words[-1].lower() for n in found.names if len(n.words) >= 2}
    given_names = {n.words[0].lower() for n in found.names
                   if len(n.words) == 1 and n.source == "ner"}
    firsts: dict[str, NameMention] = {}
    for n in found.names:
        if n.source in ("label", "bare-label") and len(n.words) == 1:
            firsts.setdefault(n.words[0].lower(), n)
    for low, label in firsts.items():
        if low in known:
            continue
        m = re.search(HEADLINE_NAME + "(" + re.escape(label.words[0]) + r")\b", headline,
                      re.IGNORECASE)
        if m is None:
            continue
        given = m.group(1).split()
        first = given[0]
        if first.lower() not in given_names or roles.is_title_word(first) \
                or first.lower() in roles.HONORIFICS or first.lower() in NOT_NAMES \
                or gazetteer.lookup_country(first):
            continue
        found.names.append(NameMention(start=label.start, end=label.start,
                                       words=[*given, m.group(2)], source="headline"))
