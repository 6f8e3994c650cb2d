"""Roles said of a person in a relative clause or a predicate that the apposition readers
do not take: a post held or taken ("Eric Lowe, who was his chief of staff and is now the
acting secretary of the Army,", "Ann Lowe, who served as ambassador to Chile,", "Taft, who
was appointed governor of the territory,"), and a change of post stated as a fact ("Lowe
became prime minister in July", "Lowe was elected mayor", "Lowe served as chief justice").

Only what the text states of the person: a modal, a condition or an infinitive ("could
become president", "if Lowe becomes president", "hopes to become mayor") gives nothing, nor
does quoted speech, and the clause must hang on the name. "who is the director of ..." is
left to the apposition readers.
The role is read from the noun phrase after the verb up to its first preposition, keeping a
portfolio written with "of" and title words ("secretary of the Army", "chief of staff"; not
the jurisdiction in "mayor of Dayton"); descriptive adjectives go as in `descriptions`.
"""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Doc, Span

from newsgraph.annotate.entities import roles
from newsgraph.annotate.entities.coref import Person
from newsgraph.annotate.entities.descriptions import in_quote, phrase_title
from newsgraph.annotate.entities.later import add_title, post_noun
from newsgraph.annotate.entities.names import Scan
from newsgraph.annotate.entities.roles import Title

BE = frozenset({"is", "was", "has been", "had been"})
# Verbs after which the noun phrase is the post taken or held, with or without "as".
TAKING = frozenset({"became", "becomes", "has become", "had become", "served", "serves",
                    "has served", "had served"})
# Passive verbs of getting a post: "was elected mayor", "was named ambassador".
APPOINTED = frozenset({"appointed", "named", "elected", "chosen", "confirmed", "sworn"})
ADVERBS = frozenset({"also", "now", "later", "then", "previously", "once", "briefly"})
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their"})
ARTICLES = frozenset({"the", "a", "an"})
# A clause these open says what would follow, not what is: "If Lowe becomes president".
CONDITIONS = frozenset({"if", "unless", "whether"})
# Words that rank the holder among others, not a post ("the first candidate to ...").
RANKING = frozenset({"first", "last", "only", "second", "third"})
MODALS = frozenset({"could", "would", "might", "may", "will", "should", "can", "must"})
NP_POS = frozenset({"ADJ", "NOUN", "PROPN"})
MAX_NP = 8


def _np_end(ctx: Scan, k: int, sent: Span) -> int:
    """Where the role's noun phrase starting at token k ends."""
    doc = ctx.doc
    j = k
    while j < sent.end and j - k < MAX_NP and (
            doc[j].pos_ in NP_POS or roles.is_title_word(doc[j].text)
            or (doc[j].text == "-" and not doc[j].whitespace_)) and j not in ctx.name_tokens:
        j += 1
    if j + 1 < sent.end and doc[j].lower_ in ("of", "for"):
        m = j + 1
        if doc[m].lower_ == "the" and m + 1 < sent.end:
            m += 1
        n = m
        while n < sent.end and roles.is_title_word(doc[n].text) and n not in ctx.hit_at:
            n += 1  # "chief of staff", "secretary of the Army"; not "mayor of Dayton"
        if n > m and (n >= sent.end or not doc[n].text[:1].isupper()):
            return n
    return j


def _role_at(ctx: Scan, k: int, sent: Span) -> tuple[Title, int] | None:
    """The role of the noun phrase at token k (after a determiner, if any)."""
    doc = ctx.doc
    skip = 1 if k < sent.end and doc[k].lower_ in DETERMINERS else 0
    end = _np_end(ctx, k + skip, sent)
    if end <= k + skip:
        return None
    if end < sent.end and (end in ctx.name_tokens or doc[end].ent_type_ == "PERSON"
                           or doc[end].text in ("’s", "'s")):
        return None  # "served as President Clinton's sherpa": someone else's title
    if any(doc[i].tag_ in ("JJS", "RBS") or doc[i].lower_ in RANKING
           for i in range(k + skip, end)):
        return None  # "the first woman to ...", "the only candidate": a ranking, no post
    head = max((i for i in range(k + skip, end) if doc[i].pos_ in ("NOUN", "PROPN")
                and (roles.is_head(doc[i].text) or post_noun(doc[i].lower_))), default=None)
    if head is None:
        return None
    core = phrase_title(ctx, doc[k:head + 1], skip)
    if core is None:
        return None
    if end > head + 1 and doc[head + 1].lower_ in ("of", "for"):
        core.roles = [roles.normalize_role(" ".join([core.roles[0], doc[head + 1:end].text]))]
    return core, end


def _after_verb(doc_words: list[str], j: int) -> int | None:
    """Past "was elected", "served as", "became" (and an adverb) from token j: where the
    role starts, or None when no verb of a post is there."""
    k = j
    while k < len(doc_words) and doc_words[k] in ADVERBS:
        k += 1
    two = " ".join(doc_words[k:k + 2])
    if two in BE or two in TAKING:
        k += 2
    elif doc_words[k:k + 1] and (doc_words[k] in BE or doc_words[k] in TAKING):
        k += 1
    else:
        return None
    while k < len(doc_words) and doc_words[k] in ADVERBS:
        k += 1
    if k < len(doc_words) and doc_words[k] in APPOINTED:
        k += 1
        if k < len(doc_words) and doc_words[k] == "in":
            k += 1  # "was sworn in as"
    if k < len(doc_words) and doc_words[k] == "as":
        k += 1
    elif "served" in doc_words[j:k] or "serves" in doc_words[j:k]:
        return None  # "who served under President Lowe": no post named
    return k


def _relative(ctx: Scan, end: int, sent: Span, words: list[str]) -> list[Title]:
    """ "<name>, who was his chief of staff and is now the acting secretary of the Army" """
    if end + 2 >= sent.end or ctx.doc[end].text != "," or words[end + 1] != "who":
        return []
    return relative_from(ctx, end + 2, sent, words)


def relative_from(ctx: Scan, first: int, sent: Span, words: list[str],
                  articles: bool = False) -> list[Title]:
    """The posts a relative clause whose verb is at token `first` (after "who") states;
    "who is the ..." only with `articles` (else the apposition readers take it)."""
    doc = ctx.doc
    out: list[Title] = []
    j = first
    while True:
        k = _after_verb(words, j)
        if k is None or k >= sent.end:
            break
        if words[k - 1] in BE and k < sent.end and words[k] not in DETERMINERS \
                and not _bare_post(doc, k):
            break  # "who is considering ...": a verb, not a post
        if words[k - 1] in ("is", "was") and words[k] in ARTICLES and j == first \
                and not articles:
            break  # "who is the director of ...": read with the apposition
        found = _role_at(ctx, k, sent)
        if found is None:
            break
        out.append(found[0])
        j = found[1]
        while j < sent.end and words[j] not in ("and", ",", ";", "."):
            j += 1  # past "at the time"
        if j + 1 >= sent.end or words[j] != "and":
            break
        j += 1
    return out


def _bare_post(doc: Doc, k: int) -> bool:
    """ "who is chairman of the committee", "who was White House communications director":
    a post without an article after "is"/"was", not a verb ("who is considering")."""
    return doc[k].pos_ in NP_POS and doc[k].tag_ not in ("VBG", "VBN", "JJR", "JJS") \
        and not doc[k].is_stop


def _predicate(ctx: Scan, end: int, sent: Span, words: list[str]) -> Title | None:
    """ "<name> became prime minister", "<name> was elected mayor", "<name> served as ..." """
    doc = ctx.doc
    subj = doc[end - 1]
    verb = subj.head
    if subj.dep_ not in ("nsubj", "nsubjpass") or verb.i < end \
            or any(c.lower_ in MODALS | CONDITIONS or c.dep_ == "neg" for c in verb.children) \
            or in_quote(ctx.text, doc[end - 1].idx):
        return None
    k = _after_verb(words, end)
    if k is None or k >= sent.end or k - end > 5:
        return None
    if words[k - 1] in BE or "been" in words[end:k]:
        return None  # "Lowe is the director": read by `appositions.role_predicate`
    found = _role_at(ctx, k, sent)
    return found[0] if found is not None else None


def read(ctx: Scan, people: list[Person], named: Container[str] = ()) -> None:
    """Add to each person the roles their relative clauses and predicates state."""
    doc = ctx.doc
    words = [t.lower_ for t in doc]
    for p in people:
        for n in p.names:
            if n.end <= n.start or n.headline:
                continue
            span = doc.char_span(n.start, n.end, alignment_mode="expand")
            if span is None:
                continue
            sent = ctx.sent(span.start)
            end = span.end
            titles = _relative(ctx, end, sent, words)
            pred = _predicate(ctx, end, sent, words)
            if pred is not None:
                titles.append(pred)
            for title in titles:
                add_title(p, title, named)
