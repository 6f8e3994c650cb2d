"""Roles from a definite description that refers back to one named person.

News writing names a person once and then refers to them by what they are: "Donald Trump
has something to prove. ... in Iowa, where the real-estate mogul led in the polls",
"Assange ... The Wikileaks founder always argued ...", "Buttigieg stepped into the lane, but
donors remain skeptical of the small-city mayor's chances". Such a phrase ("the" + a noun of
a post or trade, as the subject or the possessor of a clause) gives its role to the person
it refers to, when only one can be meant:

- the people named (outside quoted speech) earlier in its sentence, or, where there are
  none, in the nearest of the three sentences before it that names someone, are the
  candidates; a person the previous sentence has as its subject is a candidate too; a
  person named after the phrase in its own sentence is not ("The Labour peer has given Sir
  Keir ...": not Sir Keir);
- exactly one candidate must be left (a surname used as a modifier, "Trump fans", counts
  as a mention), and the phrase must not stand in that person's clause or noun phrase
  ("Noah showed that the businessman ...", "Singer's account of the tycoon's response"),
  nor be one of two joined by "and";
- the head noun is not used just before of anyone else ("by a candidate than the
  candidate's", "warn the local king ... The king listened"), the phrase does not hang on
  the person's own name ("Ferre, who took over after the director quit"), and a country it
  names ("the Israeli leader") is the person's;
- no other person of the article may hold a role with the same head noun (then "the
  president" is that holder, not the one named last), nor, for "the leader", the post of
  a head of state or government;
- a public office in force ("the secretary-general") is not given to a person who holds
  another one (a foreign minister): it is an office someone else holds; a former one is;
- never inside quoted speech, in a headline line, with a name right after the phrase (an
  apposition: read elsewhere), with "of"/"for"/"to" after the head ("the president of the
  party": whose post it is may be someone else's), with "then", with a word that ranks
  ("the most unlikely candidate", "the only senator") or speaks of a post, not its holder
  ("the next president": `data/description_words.tsv`).

Adjectives that describe the holder rather than the post are left out of the role ("the
embattled senator" -> Senator, "the black former governor" -> Former Governor); ranks
("former", "acting"), title words ("chief", "deputy"), words of standing ("presumptive"),
party labels and compounds ending in a noun ("the real-estate mogul", "the real estate
mogul") stay.
"""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Span, Token

from newsgraph import lexicon
from newsgraph.annotate.entities import appositions, parties, roles
from newsgraph.annotate.entities.affiliation import public_role
from newsgraph.annotate.entities.coref import Person
from newsgraph.annotate.entities.later import add_title, post_noun
from newsgraph.annotate.entities.names import Scan
from newsgraph.annotate.entities.roles import Title

# Where the phrase stands: the subject of a clause, or the possessor ("the mayor's chances").
POSITIONS = frozenset({"nsubj", "nsubjpass", "poss"})
# What after the head makes the phrase someone else's post or a longer title.
AFTER_HEAD = frozenset({"of", "for", "to", "at", "with"})
# Tags of modifiers that describe the holder ("black", "disgraced", "37-year-old").
DESCRIBING = frozenset({"JJ", "JJR", "JJS", "VBN", "VBG", "CD", "RB"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# How many sentences back a candidate may be named.
REACH = 3
PLACE_KINDS = frozenset({"country", "demonym", "capital"})
# Modifiers that rank the holder among others ("the most unlikely candidate", "the only
# senator"): a comparison, not a reference to someone named.
RANKING = frozenset({"JJS", "RBS"})
STATUS = lexicon.description_words().tagged("status")
NOT_REFERRING = lexicon.description_words().tagged("not_referring")
DESCRIBING_WORDS = lexicon.description_words().tagged("describing")
# Determiners of a noun phrase that speaks of anyone holding a post ("a candidate", "any
# senator", "each candidate"): the same noun with "the" after it is generic too.
GENERIC = frozenset({"a", "an", "any", "each", "every", "no"})
# What a person is to a verb or noun above a description that cannot be them: its
# subject or possessor ("Noah showed that the businessman ...").
HOLDERS = frozenset({"nsubj", "nsubjpass", "poss"})
# How near a person's name the head noun stands when it is part of their own title.
OWN_REACH = 8


def _head(tok: Token) -> bool:
    """A noun of a post or trade that can head a description: lower case ("the mogul") or
    a capitalised title ("The Prime Minister")."""
    if tok.dep_ not in POSITIONS or tok.tag_ not in ("NN", "NNP"):
        return False
    if tok.tag_ == "NN":
        return appositions._role_head(tok) and post_noun(tok.lower_)
    return roles.is_head(tok.text)


def _phrase(ctx: Scan, h: Token) -> Span | None:
    """The description "the ... <h>", or None where it is not one."""
    doc = ctx.doc
    k = h.left_edge.i
    if doc[k].lower_ != "the" or k == h.i:
        return None
    mods = doc[k + 1:h.i]
    if any(t.i in ctx.name_tokens or t.ent_type_ == "PERSON" or t.lower_ == "then"
           or t.text in ("’s", "'s") or t.lower_ in appositions.NOT_ROLES
           or t.tag_ in RANKING or t.lower_ in NOT_REFERRING or t.lower_ == "only"
           or t.is_punct and t.text != "-" for t in mods):
        return None
    if h.tag_ == "NNP" and not all(roles.is_title_word(t.text) for t in mods):
        return None
    if any(t.tag_ == "CD" and not _hyphenated(t) for t in mods):
        return None  # "the 2013 FDIC inspector general's memo": a document's date
    nxt = h.i + 1
    if nxt < len(doc):
        after = doc[nxt]
        if after.lower_ in AFTER_HEAD or after.i in ctx.name_tokens \
                or after.ent_type_ == "PERSON":
            return None
        if after.text == "," and nxt + 1 < len(doc) and (
                nxt + 1 in ctx.name_tokens or doc[nxt + 1].ent_type_ == "PERSON"
                or doc[nxt + 1].lower_ in roles.HONORIFICS):
            return None
    return doc[k:h.i + 1]


def _hyphenated(tok: Token) -> bool:
    doc = tok.doc
    return (tok.i + 1 < len(doc) and not tok.whitespace_ and doc[tok.i + 1].text == "-") \
        or (tok.i > 0 and not doc[tok.i - 1].whitespace_ and doc[tok.i - 1].text == "-")


def in_quote(text: str, at: int) -> bool:
    """Whether char offset `at` is inside quoted speech in its paragraph."""
    para = text[text.rfind("\n", 0, at) + 1:at]
    if para.count("“") > para.count("”"):
        return True
    return para.count('"') % 2 == 1 or para.count("''") % 2 == 1


def _groups(span: Span, skip: int = 1) -> list[list[Token]]:
    """The words of the phrase after "the", a hyphenated compound as one group."""
    out: list[list[Token]] = []
    for tok in span[skip:]:
        prev = out[-1][-1] if out else None
        if prev is not None and not prev.whitespace_ and "-" in (tok.text, prev.text):
            out[-1].append(tok)
        else:
            out.append([tok])
    return out


def _kept(group: list[Token]) -> bool:
    words = [t for t in group if t.text != "-"]
    joined = "-".join(t.lower_ for t in words)
    if joined in DESCRIBING_WORDS:
        return False
    if joined in roles.LEADING_RANKS or joined in STATUS or roles.is_title_word(joined) \
            or parties.is_label("-".join(t.text for t in words)) \
            or all(roles.is_title_word(t.text) for t in words):
        return True
    if len(words) > 1 and words[-1].tag_ in ("NN", "NNS"):
        return True  # a field: "the real-estate mogul", "the civil-rights lawyer"
    return not any(t.tag_ in DESCRIBING for t in words)


def _in_compound(group: list[Token], head: Token) -> bool:
    """An adjective of a noun that modifies the head, not of the head itself: part of a
    compound ("the real estate mogul", "the civil rights lawyer")."""
    tok = group[-1]
    return tok.head.i != head.i and tok.head.i < head.i and tok.head.tag_ in ("NN", "NNS") \
        and tok.head.dep_ == "compound" and tok.head.head.i == head.i


def phrase_title(ctx: Scan, span: Span, skip: int = 1) -> Title | None:
    """The role a description gives (the words of `span` after its first `skip`), with its
    party, country and employer."""
    title = Title()
    words: list[str] = []
    org: list[str] = []
    head = span[-1]
    groups = [g for g in _groups(span, skip) if _kept(g) or g[-1].i == span.end - 1
              or _in_compound(g, head)]
    for g in groups:
        text = "".join(t.text_with_ws for t in g).strip()
        last = g[-1].i == span.end - 1
        hit = ctx.hit_at.get(g[0].i)
        if parties.is_label(text):
            title.party = title.party or text
            if last:
                words.append(text)
        elif hit is not None and not last:
            if hit.place.kind in PLACE_KINDS and hit.place.country:
                title.affiliation, title.affiliation_kind = hit.place.country, "country"
        elif text[:1].isupper() and not roles.is_title_word(text) and not last \
                and g[-1].tag_ in ("NNP", "NNPS"):
            org.append(text)  # "the CNN president"; not "the reality TV star"
        else:
            words.append(text)
    if not words or (len(words) == 1 and parties.is_label(words[0])):
        return None
    title.roles = [roles.normalize_role(" ".join(words))]
    title.role_texts = [span.text]
    title.organisation = " ".join(org) or None
    return title


def _mentions(ctx: Scan, people: list[Person]) -> list[tuple[int, Person, int]]:
    """(start char, person, end char) of every mention of a person in the text, and of
    their surname where it is no name mention ("Trump fans insist ..."): the person is
    present there too."""
    out = [(n.start, p, n.end) for p in people for n in p.names if n.end > n.start]
    out += [(r.start, p, r.end) for p in people for r in p.role_refs]
    known = {s for s, _p, _e in out}
    by_surname: dict[str, list[Person]] = {}
    for p in people:
        sur = p.surname()
        if sur:
            by_surname.setdefault(sur, []).append(p)
    for tok in ctx.doc:
        if tok.idx in known or not tok.text[:1].isupper():
            continue
        for holder in by_surname.get(tok.lower_, []):  # all who share it: ambiguous
            out.append((tok.idx, holder, tok.idx + len(tok)))
    return sorted(out, key=lambda m: m[0])


def _subjects(ctx: Scan, sent: Span, mentions: list[tuple[int, Person, int]]) -> set[int]:
    """The people (by id) named as the subject of a clause of the sentence."""
    out = set()
    for s, p, e in mentions:
        if sent.start_char <= s < sent.end_char:
            span = ctx.doc.char_span(s, e, alignment_mode="expand")
            if span is not None and span.root.dep_ in SUBJECTS:
                out.add(id(p))
    return out


def _candidates(ctx: Scan, span: Span, mentions: list[tuple[int, Person, int]]
                ) -> list[Person]:
    """The people the description may refer to (see the module docstring)."""
    sent = ctx.sent(span.start)
    start, end = span.start_char, span.end_char

    quoted: dict[int, bool] = {}

    def named(lo: int, hi: int) -> dict[int, Person]:
        out: dict[int, Person] = {}
        for s, p, _e in mentions:
            if lo <= s < hi:
                out[id(p)] = p
                q = in_quote(ctx.text, s)
                quoted[id(p)] = quoted.get(id(p), True) and q
        return out

    cands = named(sent.start_char, start)
    prev = ctx.sent(sent.start - 1) if sent.start > 0 else None
    if cands and prev is not None:
        everyone = named(prev.start_char, prev.end_char)
        cands.update({k: everyone[k] for k in _subjects(ctx, prev, mentions) if k in everyone})
    back = 0
    while not cands and prev is not None and back < REACH:
        cands = named(prev.start_char, prev.end_char)
        back += 1
        prev = ctx.sent(prev.start - 1) if prev.start > 0 else None
    for k in named(end, sent.end_char):
        cands.pop(k, None)
    if len(cands) == 1 and quoted.get(next(iter(cands)), False):
        return []  # named only inside quoted speech ("So Donald, ...," the governor said)
    return list(cands.values())


def _current_office(role: str) -> bool:
    words = roles.role_words(role)
    return public_role(role) and not words & {"former", "retired", "late"}


def _other_office(role: str, p: Person) -> bool:
    """The description names a public office in force and the person holds another one
    ("the secretary-general" beside a foreign minister): someone else's office."""
    head = role.split()[-1].lower()
    return _current_office(role) and any(
        _current_office(r) and r.split()[-1].lower() != head for r in p.roles)


def _generic(ctx: Scan, h: Token, p: Person) -> bool:
    """The head noun is used just before of someone other than the person: of anyone
    holding the post ("by a candidate than the candidate's", "senators ... the senator"),
    or of someone unnamed ("warn the local king ... The king listened"); or someone unnamed
    was brought in with a post ("a White House official who spoke anonymously ... The
    aide"). A use in the person's own title ("Sanders, the senator from Vermont, ...")
    does not count."""
    lo = ctx.sent(h.i).start
    near = ctx.sent(lo - 1).start if lo > 0 else lo  # the sentence before
    for _ in range(REACH):
        lo = ctx.sent(lo - 1).start if lo > 0 else lo
    word = h.lower_
    own = _own_tokens(ctx, p, lo, h.i)
    for tok in ctx.doc[lo:h.i]:
        if tok.tag_ == "NNS" and tok.lower_ in (word + "s", word + "es"):
            return True  # "Mexican officials ... they said ... the official said"
        if tok.i < near:
            continue
        mine = any(abs(tok.i - i) <= OWN_REACH and _no_verb(ctx, tok.i, i) for i in own)
        if tok.lower_ != word:
            if tok.tag_ == "NN" and post_noun(tok.lower_) and not mine and any(
                    c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
                return True  # "a White House official who spoke anonymously ... The aide"
            continue
        if any(c.dep_ == "det" and c.lower_ in GENERIC for c in tok.children) or not mine:
            return True
    return False


def _no_verb(ctx: Scan, a: int, b: int) -> bool:
    """No verb between tokens a and b: the noun is in the name's title or apposition."""
    lo, hi = min(a, b), max(a, b)
    return not any(t.pos_ in ("VERB", "AUX") for t in ctx.doc[lo + 1:hi])


def _own_tokens(ctx: Scan, p: Person, lo: int, hi: int) -> set[int]:
    """The tokens in [lo, hi) of the person's name mentions."""
    doc = ctx.doc
    spans = [(n.start, n.end) for n in p.names if n.end > n.start]
    return {i for i in range(lo, hi) if any(s <= doc[i].idx < e for s, e in spans)}


def _coordinated(h: Token) -> bool:
    """ "the business mogul and the Democratic socialist": two people, not one named; "The
    editor I was talking to, Tim Grieve,": the name in apposition is the one meant."""
    return h.dep_ == "conj" or any(c.dep_ in ("conj", "cc") or c.dep_ == "appos"
                                   and c.pos_ != "PRON" for c in h.children)


def _in_pair(ctx: Scan, span: Span, p: Person) -> bool:
    """The person is named just before as one of several joined by "and" ("Paradis and
    Bennett didn't know ..."): a description after may mean the other."""
    lo = ctx.sent(ctx.sent(span.start).start - 1).start if ctx.sent(span.start).start else 0
    for i in _own_tokens(ctx, p, lo, span.start):
        tok = ctx.doc[i]
        if tok.dep_ == "conj" and tok.head.ent_type_ == "PERSON" or any(
                c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in tok.children):
            return True
    return False


def _in_their_clause(ctx: Scan, h: Token, p: Person) -> bool:
    """The description stands in the clause or the noun phrase of the person: under a verb
    whose subject the person is ("Noah showed that the businessman was ...", "Devine
    stressed the candidate's biography"), under a noun they possess ("Singer's account of
    the tycoon's response") or under their name ("Ferre, who took over after the director
    quit"). Such a description is someone else: the person would be "he" or "his". A
    clause joined by "and" or "but" is not under the first one's subject."""
    sent = ctx.sent(h.i)
    own = _own_tokens(ctx, p, sent.start, sent.end)
    tok = h
    while tok.head.i != tok.i and tok.dep_ != "conj":
        tok = tok.head
        if tok.i in own or any(c.dep_ in HOLDERS and _names(c, own) for c in tok.children):
            return True
    return False


def _names(tok: Token, own: set[int]) -> bool:
    """The token is the person's name, or a noun with the name in apposition ("His chief
    strategist, Tad Devine, ...")."""
    return tok.i in own or any(c.dep_ == "appos" and c.i in own for c in tok.children)


def _other_country(title: Title, p: Person, people: list[Person]) -> bool:
    """The description names a country ("the German leader") that is not the one the
    person is known to act for."""
    country = title.affiliation
    return country is not None and p.affiliation != country


def _held_by_other(role: str, p: Person, people: list[Person]) -> bool:
    """Someone else holds a role with the same head noun, or, for "the leader", the post
    of a head of state or government."""
    head = role.split()[-1].lower()

    def same(r: str) -> bool:
        return r.split()[-1].lower() == head or (
            head == "leader" and roles.role_kind(r) in roles.LEADER_KINDS)

    return any(q is not p and any(same(r) for r in q.roles) for q in people)


def resolve(ctx: Scan, people: list[Person], named: Container[str] = ()) -> None:
    """Give each description's role to the one person it refers to (`named`: the
    countries the article names, for party labels)."""
    if not people:
        return
    doc = ctx.doc
    mentions = _mentions(ctx, people)
    for h in doc:
        if not _head(h):
            continue
        span = _phrase(ctx, h)
        if span is None or ctx.is_headline(span[0]) or in_quote(ctx.text, span.start_char):
            continue
        cands = _candidates(ctx, span, mentions)
        if len(cands) != 1 or _coordinated(h) or _in_pair(ctx, span, cands[0]) \
                or _generic(ctx, h, cands[0]) \
                or _in_their_clause(ctx, h, cands[0]):
            continue
        title = phrase_title(ctx, span)
        if title is None or _held_by_other(title.roles[0], cands[0], people):
            continue
        if _other_office(title.roles[0], cands[0]) or _other_country(title, cands[0], people):
            continue
        add_title(cands[0], title, named)
