"""Titles shared over a list of people: a plural title before the first name ("Sens.
Cory Booker and Kamala Harris", "Sens. Mark Kirk of Illinois and Susan Collins of Maine")
passes to the names listed after it, and a plural title before a list opener ("--", ":",
"including", "among them", "such as") gives the first name its singular. Roles of a plural
role phrase over the whole list are `plurals`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsgraph.annotate.entities import parties, roles
from newsgraph.annotate.entities.names import Found, Scan
from newsgraph.annotate.entities.roles import Title

# A list of people opened by a plural title: the punctuation that opens it, how far back
# the title may stand, and the verbs that end the title's phrase.
LIST_DASHES = frozenset({"--", "—", "–", ":"})
LIST_REACH = 15
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def listed_after(ctx: Scan, found: Found, start: int) -> Title:
    """The roles of a plural title for a name listed after the first ("Sens. Cory Booker
    and Kamala Harris", "Sens. Mark Kirk of Illinois and Susan Collins of Maine": Harris and
    Collins are senators too); for the first name of a list a plural title opens ("the
    Republican senators running for president -- Ted Cruz of Texas, ...")."""
    doc = ctx.doc
    if start < 2 or not found.names:
        return _list_opened(ctx, start)
    if doc[start - 1].lower_ not in {"and", ","}:
        return _list_opened(ctx, start)
    prev = found.names[-1]
    last = _before_home(ctx, start - 2)
    if not prev.plural_title or prev.end != doc[last].idx + len(doc[last]):
        return _list_opened(ctx, start)
    return Title(roles=list(prev.title.roles), role_texts=list(prev.title.role_texts),
                 party=prev.title.party)


def _before_home(ctx: Scan, j: int) -> int:
    """The last token of a listed name ending at or before token j, past the place it
    represents ("Mark Kirk of Illinois", "Ted Cruz of South Carolina")."""
    doc = ctx.doc
    k = j
    while k > 0 and doc[k].text[:1].isupper() and j - k < 3:
        k -= 1
    if k < j and doc[k].lower_ == "of" and k > 0:
        return k - 1
    return j


def _list_opened(ctx: Scan, start: int) -> Title:
    """A plural title before a list opener ("--", ":", "including", "among them", "such
    as") a few words before the name: "senators up for re-election, among them Kelly
    Ayotte of New Hampshire, ..."; a party label before it goes with it."""
    doc = ctx.doc
    sent = ctx.sent(start)
    if start - 1 <= sent.start or not _opens_list(doc, start - 1):
        return Title()
    j = start - 2
    while j >= max(sent.start, start - LIST_REACH):
        tok = doc[j]
        if tok.tag_ in FINITE_TAGS or j in ctx.name_tokens:
            break
        if tok.text[:1].islower() and roles.is_plural_head(tok.text):
            word = tok.text[:-1] if tok.lower_.endswith("s") else tok.text
            title = roles.make_title([word[:1].upper() + word[1:]], None, None)
            title.role_texts = [tok.text for _ in title.roles]
            title.party = _plural_party(doc, j, sent)
            return title
        j -= 1
    return Title()


def _plural_party(doc: Doc, j: int, sent: Span) -> str | None:
    """The party of a plural title at token j: right before it ("Republican senators"),
    or before the plural noun the title narrows, in the same clause ("for Republican
    candidates, particularly for senators up for re-election, among them ...")."""
    k = j
    while k > sent.start and doc[k - 1].tag_ not in FINITE_TAGS:
        k -= 1
        if parties.is_label(doc[k].text) and (k + 1 == j or doc[k + 1].tag_ == "NNS"):
            return doc[k].text
    return None


def _opens_list(doc: Doc, i: int) -> bool:
    tok = doc[i]
    if tok.text in LIST_DASHES or tok.lower_ == "including":
        return True
    prev = doc[i - 1].lower_ if i > 0 else ""
    return (tok.lower_, prev) in {("them", "among"), ("as", "such")}
