"""Roles said after a name in a noun phrase or a relative clause, where the words are not
all title words: "Mike DuHaime, a Republican strategist,", "Jack Dorsey, the chief executive
of Twitter,", "Rita Katz, the director of the SITE Intelligence Group,", "Scott Paul, who
heads the Alliance for American Manufacturing,".

The phrase gives a role (its head noun with the words before it, less judgements: "a top
adviser" -> Advisor, `data/role_words.tsv`), a party label ("a Republican strategist":
Republican), a country (a country word or demonym in it) and an organisation (the name after
"of", "for", "at" or "with": "Twitter"). A field after the head stays in the role ("a
professor of political science", "an expert on Syria"). Relations and circumstances are no
role ("his wife", "a hostage").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph import lexicon
from newsgraph.annotate.entities import employers, occupations, parties, roles
from newsgraph.annotate.entities.names import Scan
from newsgraph.annotate.entities.roles import Title
from newsgraph.annotate.gazetteer import Hit

EVALUATIVE = lexicon.role_words().tagged("evaluative")
# "his national security adviser at the time": a time, not an employer.
TEMPORAL = lexicon.role_words().tagged("temporal")
# Heads whose country word is the subject studied ("a Russia analyst", "Ukraine expert").
FIELD_HEADS = lexicon.role_words().tagged("field")
AGENT_ENDINGS = tuple(e.lstrip("-") for e in lexicon.role_words().tagged("agent_ending"))
TRADES = lexicon.role_words().tagged("trade", "field")
# A trade at the end of a compound word: "neurosurgeon", "newsanchor".
LONG_TRADES = tuple(t for t in TRADES if len(t) >= 6)
NOT_ROLES = lexicon.role_words().tagged("not_role")
PORTFOLIO_HEADS = lexicon.role_words().tagged("portfolio")
VERB_ROLES = lexicon.relative_roles()
# "the chief executive of Twitter", "a spokesman for the Kremlin", "a professor at Tufts".
ORG_PREPS = frozenset({"of", "for", "at", "with"})
# "an expert on Syria", "a professor of political science", "assistant professor in ...".
FIELD_PREPS = frozenset({"of", "for", "on", "in"})
STOPS = frozenset({",", ";", ":", ".", "(", ")", "—", "–", "-", "\"", "”", "“", "?", "!",
                   "who", "which", "that", "whose", "and", "but", "or", "since", "until",
                   "when", "where", "because", "after", "before", "from", "to", "as", "during"})
ARTICLES = frozenset({"a", "an", "the"})
# What opens a phrase set off before a name ("his national security adviser, Susan Rice,").
OPENERS = ARTICLES | {"his", "her", "their", "its", "our"}
MAX_WORDS = 10
# After "of", "at", ...: the name of an organisation may be long ("the Conference of
# Presidents of Major American Jewish Organizations").
MAX_WITH_NAME = 20


def role_after(ctx: Scan, end: int, sent: Span) -> tuple[Title, int] | None:
    """The role in a phrase after the name ending before token `end`, and where it ends."""
    doc = ctx.doc
    if end + 2 >= sent.end or doc[end].text != ",":
        return None
    j = end + 1
    if doc[j].lower_ == "who":
        return relative_at(ctx, j + 1, sent)
    return phrase_at(ctx, j, sent)


def phrase_at(ctx: Scan, j: int, sent: Span) -> tuple[Title, int] | None:
    """The role phrase that starts at token j ("the mayor of London", "Mr. Netanyahu's
    national security adviser"), and where it ends."""
    doc = ctx.doc
    owner = _possessor_end(ctx, j, sent)
    if owner is not None:
        # "Uzi Arad, Mr. Netanyahu's former national security adviser,"
        found = _noun_phrase(ctx, owner + 1, sent)
        if found is not None:
            found[0].possessor = _possessor_name(doc[j:owner])
        return found
    found = _plain_phrase(ctx, j, sent)
    if found is not None and found[0].possessor is None:
        found[0].possessor = _served(ctx, found[1], sent)
    return found


def _plain_phrase(ctx: Scan, j: int, sent: Span) -> tuple[Title, int] | None:
    """The role phrase that starts at token j, with an article or without one."""
    doc = ctx.doc
    if doc[j].lower_ in ARTICLES:
        return _noun_phrase(ctx, j + 1, sent)
    if doc[j].is_lower and doc[j].is_alpha:
        # "press secretary for Erdogan", "associate professor of epidemiology at ...": no
        # article, but a title word or an occupation heads the phrase
        found = _noun_phrase(ctx, j, sent)
        if found is not None and any(roles.is_head(w) or occupations.is_occupation(w)
                                     for r in found[0].roles for w in r.split()):
            return found
        return None
    if not roles.is_head(doc[j].text):
        return None
    # "Louise Brown, Director of the Financial Crime Prevention agency, Advisense,": a title
    # with common nouns in it, which the title rules do not read; not a list of titled names
    found = _noun_phrase(ctx, j, sent)
    if found is None or any(t.ent_type_ == "PERSON" or t.i in ctx.name_tokens
                            for t in doc[j:found[1]]):
        return None
    common = any(t.is_lower and t.is_alpha and t.lower_ not in ORG_PREPS | FIELD_PREPS
                 | ARTICLES for t in doc[j:found[1]])
    return found if common else None


def _possessor_end(ctx: Scan, j: int, sent: Span) -> int | None:
    """The possessive after a name that opens a phrase ("Mr. Netanyahu's ..."): its index."""
    doc = ctx.doc
    k = j
    while k < sent.end and doc[k].lower_ in roles.HONORIFICS:
        k += 1
    named = k
    while k < min(sent.end, named + 4) and doc[k].text[:1].isupper() and doc[k].is_alpha:
        k += 1
    if k == named or k >= sent.end or doc[k].text not in ("’s", "'s"):
        return None
    if all(roles.is_title_word(t.text) for t in doc[named:k]) or k - 1 in ctx.hit_at:
        return None  # "the President's", "India's": a title or a place, not a person
    return k


def _possessor_name(span: Span) -> str:
    words = [t.text for t in span if t.lower_ not in roles.HONORIFICS
             and not roles.is_title_word(t.text)]
    return " ".join(words)


def _served(ctx: Scan, stop: int, sent: Span) -> str | None:
    """ "an adviser to Mr. Netanyahu": the person the holder serves, after "to"."""
    doc = ctx.doc
    if stop + 1 >= sent.end or doc[stop].lower_ != "to":
        return None
    k = stop + 1
    while k < sent.end and (doc[k].lower_ in roles.HONORIFICS or roles.is_title_word(doc[k].text)):
        k += 1
    first = k
    while k < sent.end and doc[k].ent_type_ == "PERSON":
        k += 1
    name = _possessor_name(doc[first:k])
    return name or None


def role_before(ctx: Scan, start: int, end: int, sent: Span) -> Title | None:
    """The role in a noun phrase set off before the name ("the Republican nominee, Mr.
    Trump,", "Mr. Obama's Republican opponent, Mitt Romney,"): the phrase opens with an
    article or a possessive, and a comma closes the name."""
    doc = ctx.doc
    j = start - 1
    while j > sent.start and doc[j].lower_ in roles.HONORIFICS:
        j -= 1
    if j <= sent.start or doc[j].text != "," or end >= sent.end or doc[end].text != ",":
        return None
    head = j - 1
    k = head
    while k > max(sent.start, head - 6) and doc[k - 1].lower_ not in OPENERS \
            and doc[k - 1].text not in ("’s", "'s") and doc[k - 1].text not in STOPS \
            and doc[k - 1].pos_ != "ADP":
        k -= 1
    if k <= sent.start or not (doc[k - 1].lower_ in OPENERS or doc[k - 1].text in ("’s", "'s")):
        return None
    relation = doc[head].lower_ in NOT_ROLES  # "his Republican rival": the party only
    if k > head or not (relation or _role_head(doc[head])) or doc[head].text[:1].isupper() \
            and not parties.is_label(doc[head].text) \
            or any(t.pos_ in ("VERB", "AUX") for t in doc[k:head + 1]):
        return None
    title = Title()
    words = _role_words(ctx, doc[k:head + 1], title)
    if words and not (len(words) == 1 and parties.is_label(words[0])) and not relation:
        title.roles.append(roles.normalize_role(" ".join(words)))
        title.role_texts.append(doc[k:head + 1].text)
    return title if title.roles or title.party else None


# How the words of a role written right before a name hang together ("Wikileaks co-founder").
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
# The forms of "be" a predicate role follows (the pipeline may run without a lemmatizer).
BE_FORMS = frozenset({"is", "was", "are", "were", "be", "been", "’s", "'s"})


def role_right_before(ctx: Scan, start: int, sent: Span) -> Title | None:
    """A common noun of a post or a trade right before the name, with its modifiers
    ("businessman Andrew Yang", "Political analyst Henning Melber", "Wikileaks co-founder
    Julian Assange", "Democratic front-runner Hillary Clinton")."""
    doc = ctx.doc
    h = start - 1
    if h < sent.start:
        return None
    head = doc[h]
    if head.tag_ != "NN" or (head.dep_ != "compound" or head.head.i < start) \
            and not occupations.is_occupation(head.text) or not _role_head(head) \
            or head.i in ctx.hit_at or not _trade(head.lower_):
        return None
    k = h
    while k > max(sent.start, h - 4) and k - 1 not in ctx.name_tokens:
        prev = doc[k - 1]
        if prev.text == "-" and k - 2 > sent.start and _infix_hyphen(doc, k - 1):
            k -= 2  # "co-founder", whatever the parser made of it
        elif prev.dep_ in MODIFIER_DEPS and prev.pos_ in ("ADJ", "NOUN", "PROPN", "VERB"):
            k -= 1
        else:
            break
    toks = doc[k:h + 1]
    if any(t.lower_ in NOT_ROLES for t in toks):
        return None  # "accused sex trafficker Jeffrey Epstein": a circumstance
    title = Title()
    words = _role_words(ctx, toks, title)
    if words and not (len(words) == 1 and parties.is_label(words[0])):
        title.roles.append(roles.normalize_role(" ".join(words)))
        title.role_texts.append(toks.text)
    return title if title.roles or title.party else None


def _trade(word: str) -> bool:
    """A noun of a trade or post: a title head, a listed trade, or an agent noun's ending
    ("-er", "-ist", "-man"; not "-ment")."""
    last = word.rsplit("-", 1)[-1]
    return roles.is_head(word) or last in TRADES or occupations.is_occupation(last) or any(
        last.endswith(t) for t in LONG_TRADES) or (
        len(last) > 4 and last.endswith(AGENT_ENDINGS) and not last.endswith("ment"))


def role_predicate(ctx: Scan, end: int, sent: Span) -> Title | None:
    """The role or party said of a name as the subject of "be" ("Mark Kirk and Susan Collins
    were the only Republicans to vote against it", "she is the director of the agency")."""
    doc = ctx.doc
    subj = doc[end - 1]
    while subj.dep_ == "conj" and subj.head.i < subj.i and subj.head.ent_type_ == "PERSON":
        subj = subj.head
    verb = subj.head
    if subj.dep_ != "nsubj" or verb.lower_ not in BE_FORMS or not sent.start <= verb.i < sent.end:
        return None
    attr = next((c for c in verb.rights if c.dep_ == "attr"), None)
    if attr is None or attr.pos_ not in ("NOUN", "PROPN") or attr.ent_type_ == "PERSON":
        return None
    label = attr.text[:-1] if attr.tag_ in ("NNS", "NNPS") else attr.text
    if parties.is_label(label):
        return Title(party=label)  # "the only Republicans"
    if not (attr.tag_ == "NN" and (roles.is_head(attr.text) or _trade(attr.lower_))
            or attr.tag_ == "NNP" and roles.is_head(attr.text)):  # "Hege is the CEO of DH"
        return None
    k = attr.left_edge.i
    if not occupations.predicate_role(doc, attr, k, sent) and (doc[k].lower_ != "the" or not any(
            c.dep_ == "prep" and c.lower_ in ORG_PREPS for c in attr.rights)) \
            or not occupations.employer_after(attr):
        return None  # "Abe was a transformative leader", "Biden is still a front-runner"
    found = _noun_phrase(ctx, k + 1, sent, second=True)
    return found[0] if found is not None else None


def _phrase_end(ctx: Scan, k: int, sent: Span) -> int:
    doc = ctx.doc
    stop, limit = k, MAX_WORDS
    while stop < sent.end and stop - k < limit and not doc[stop].is_space \
            and (doc[stop].lower_ not in STOPS or _infix_hyphen(doc, stop)
                 or occupations.joins_compound(doc, stop)) \
            and not occupations.clause_after_head(doc[stop]):
        if doc[stop].lower_ in ORG_PREPS | FIELD_PREPS:
            limit = MAX_WITH_NAME  # "director of business development at CHRIS Well ..."
        stop += 1
    return stop


def _infix_hyphen(doc: Doc, i: int) -> bool:
    """The hyphen inside a common-noun compound the tokenizer split ("front-runner"; not
    the names in "the Urban Institute-Brookings Institution")."""
    return doc[i].text == "-" and i > 0 and not doc[i - 1].whitespace_ \
        and not doc[i].whitespace_ and i + 1 < len(doc) and doc[i + 1].is_lower \
        and doc[i - 1].is_lower


def _second_role(ctx: Scan, stop: int, sent: Span, title: Title) -> int:
    """A second role joined by "and", perhaps past an aside ("a Republican and, at the
    time, chairman of the committee"): merged into `title`; where the phrase ends."""
    doc = ctx.doc
    if stop + 1 >= sent.end or doc[stop].lower_ != "and":
        return stop
    j = stop + 1
    if doc[j].text == ",":
        close = next((i for i in range(j + 1, min(j + 6, sent.end)) if doc[i].text == ","),
                     None)
        if close is None:
            return stop
        j = close + 1
    article = j < sent.end and doc[j].lower_ in ARTICLES
    found = _noun_phrase(ctx, j + 1 if article else j, sent, second=True)
    if found is None or not (article or any(roles.is_head(w) or _trade(w.lower())
                                            for r in found[0].roles for w in r.split())):
        return stop  # "a clinical psychologist and jail suicide expert": a trade too
    extra, end = found
    for role, text in zip(extra.roles, extra.role_texts, strict=True):
        if role not in title.roles:
            title.roles.append(role)
            title.role_texts.append(text)
    title.party = title.party or extra.party
    title.organisation = title.organisation or extra.organisation
    if title.affiliation is None:
        title.affiliation, title.affiliation_kind = extra.affiliation, extra.affiliation_kind
    return end


def _noun_phrase(ctx: Scan, k: int, sent: Span,
                 second: bool = False) -> tuple[Title, int] | None:
    doc = ctx.doc
    stop = _phrase_end(ctx, k, sent)
    if stop >= sent.end or stop == k or doc[stop].lower_ not in STOPS \
            and not occupations.clause_after_head(doc[stop]):
        return None
    prep = next((i for i in range(k, stop) if doc[i].lower_ in ORG_PREPS | FIELD_PREPS
                 and not employers.inside_name(doc, i, stop)), stop)
    if prep == k:
        return None
    head = doc[prep - 1]
    chamber = roles.member_of_chamber([t.text for t in doc[prep - 1:stop]])
    if not (_role_head(head) or chamber) or any(
            t.pos_ in ("VERB", "AUX") and t.lower_ not in EVALUATIVE
            and not roles.is_title_word(t.text)  # "acting"
            and not occupations.modifier_verb(t)  # "retired"
            for t in doc[k:prep]):
        return None  # a clause ("met the King of Sweden"), not a noun phrase
    title = Title()
    words = _role_words(ctx, doc[k:prep], title)
    if prep < stop:
        _after_head(ctx, doc[prep:stop], words, title)
        if chamber:  # "a former member of Parliament (for Tooting)": ... of Parliament
            chamber_end = next(t.i for t in doc[prep:stop] if t.lower_ in roles.CHAMBERS) + 1
            words.extend(t.text for t in doc[prep:chamber_end] if t.lower_ != "the")
    if words and not (len(words) == 1 and parties.is_label(words[0])):
        title.roles.append(roles.normalize_role(" ".join(words)))
        title.role_texts.append(doc[k:stop].text)
    if not title.roles and not title.party:
        return None
    return title, stop if second else _second_role(ctx, stop, sent, title)


def _role_head(tok: Token) -> bool:
    """A noun that can name a post ("strategist", "professor", "Republican")."""
    low = tok.lower_
    if parties.is_label(tok.text):
        return True
    if tok.pos_ not in ("NOUN", "PROPN") or not tok.is_alpha and "-" not in tok.text:
        return False
    if low in NOT_ROLES or low.rstrip("s") in NOT_ROLES:
        return False
    return tok.is_lower or roles.is_title_word(tok.text)


def _role_words(ctx: Scan, toks: Span, title: Title) -> list[str]:
    """The words of the role before its head; party labels, countries and organisation
    names go to the title's party, affiliation and organisation."""
    words: list[str] = []
    org: list[str] = []
    employer = employers.employer_run(ctx, toks)
    field_head = len(toks) > 0 and toks[-1].lower_ in FIELD_HEADS
    for tok in toks:
        if tok.i in employer and parties.is_label(tok.text) and tok.i + 1 not in employer \
                and tok.text[:1].isupper():
            title.party = title.party or tok.text  # "a D.C.-based Democratic strategist"
            continue
        if tok.i in employer:
            org.append(tok.text)
            _office_country(ctx.hit_at.get(tok.i), title)
            continue
        if tok.lower_ in EVALUATIVE or tok.pos_ in ("DET", "NUM", "PRON") or tok.text in \
                ("’s", "'s") or (tok.pos_ == "ADV" and tok.i != toks.end - 1) \
                or (tok.is_lower and tok.i + 1 < toks.end and tok.nbor(1).text in ("’s", "'s")):
            continue  # "the country's top diplomat": whose post, not the post
        if parties.is_label(tok.text):
            title.party = title.party or tok.text
            if tok.i == toks.end - 1:
                words.append(tok.text)
            continue
        hit = ctx.hit_at.get(tok.i)
        if hit is not None and not (field_head and hit.place.kind == "country"):
            _place_word(hit, tok, title, org)
            continue  # "a Ukraine expert" keeps the field, not the country served
        if hit is None and tok.text[:1].isupper() and not roles.is_title_word(tok.text) \
                and tok.i != toks.end - 1 and tok.i != toks.start:
            org.append(tok.text)  # "the Hewlett-Packard chief executive": the employer
            continue
        words.append(tok.text)
    if org and title.organisation is None:
        title.organisation = " ".join(org)
    return occupations.clean_words(_join_hyphens(words), toks)


def phrase_words(ctx: Scan, toks: Span, title: Title) -> list[str]:
    """The words of a role phrase that ends in its head (the head last); its party label,
    country and employer go to `title`."""
    return _role_words(ctx, toks, title)


def _office_country(hit: Hit | None, title: Title) -> None:
    if hit is not None and hit.place.kind == "office" and hit.place.country \
            and title.affiliation is None:
        title.affiliation, title.affiliation_kind = hit.place.country, "office"


def _place_word(hit: Hit, tok: Token, title: Title, org: list[str]) -> None:
    """A country or demonym in the role is the affiliation; an office is the employer."""
    if hit.place.country and title.affiliation is None and hit.place.kind in (
            "country", "demonym", "capital"):
        title.affiliation, title.affiliation_kind = hit.place.country, "country"
    elif hit.place.kind in ("office", "intl"):
        org.append(tok.text)


def _join_hyphens(words: list[str]) -> list[str]:
    """ "front", "-", "runner" -> "front-runner" (the phrase holds only infix hyphens)."""
    out: list[str] = []
    for w in words:
        if out and (w == "-" or out[-1].endswith("-")):
            out[-1] += w
        else:
            out.append(w)
    # "six-term congresswoman", "right-leaning journalist": the modifier's first part was
    # dropped (a number, an adverb), so the rest of it goes too; "then-administrator"
    # keeps its head
    return [w.lstrip("-") if i == len(out) - 1 else w for i, w in enumerate(out)
            if i == len(out) - 1 or not w.startswith("-")]


def _after_head(ctx: Scan, toks: Span, words: list[str], title: Title) -> None:
    """ "of Twitter" (the organisation) or "on Syria", "of political science" (a field),
    then "at the University of Akron" (the organisation)."""
    cuts = [i for i, t in enumerate(toks) if t.lower_ in ORG_PREPS | FIELD_PREPS
            and (i == 0 or t.lower_ != "of" or toks[i - 1].is_lower)] + [len(toks)]
    first = True
    for a, b in zip(cuts, cuts[1:], strict=False):
        prep, obj = toks[a], toks[a + 1:b]
        if not len(obj):
            return
        named = obj[1:] if obj[0].lower_ == "the" else obj
        if not len(named) or named[-1].lower_ in TEMPORAL or obj[0].lower_ in ("a", "an"):
            return  # "the owner of a bakery": no field and no employer's name
        capital = obj[0].lower_ == "the" or named[0].text[:1].isupper()
        portfolio = first and obj[0].lower_ != "the" and prep.lower_ in ("of", "for") \
            and bool(words) and words[-1].lower() in PORTFOLIO_HEADS
        if first and (prep.lower_ == "on" or not capital or portfolio) \
                and prep.lower_ in FIELD_PREPS:
            if any(t.ent_type_ == "PERSON" for t in obj):
                return
            words.extend([prep.text, *(t.text for t in named)])
        elif prep.lower_ in ORG_PREPS and capital:
            _organisation(ctx, ctx.doc[named.start:toks.end], title)
            return
        else:
            return
        first = False


def _organisation(ctx: Scan, named: Span, title: Title) -> None:
    """The employer after the role: its country if a country is named, else its name."""
    hit = ctx.hit_at.get(named[0].i)
    if hit is not None and hit.end == named.end and hit.place.kind in ("country", "capital") \
            and hit.place.country:  # "a spokesman for Ukraine", not "the Washington Institute"
        if title.affiliation is None:
            title.affiliation, title.affiliation_kind = hit.place.country, "country"
        return
    if title.organisation is None and not any(t.ent_type_ == "PERSON" for t in named):
        title.organisation = named.text


def relative_at(ctx: Scan, k: int, sent: Span) -> tuple[Title, int] | None:
    """ "who heads the Alliance for American Manufacturing" -> Head; "who is a professor
    at ..." -> the noun phrase's role (k: the token after "who")."""
    doc = ctx.doc
    if k + 1 >= sent.end:
        return None
    if doc[k].lower_ in ("has", "had") and doc[k + 1].lower_ in VERB_ROLES:
        k += 1  # "who had headed the agency"
    verb = doc[k].lower_
    if (j := occupations.works_as(doc, k, sent)) is not None:
        return _noun_phrase(ctx, j, sent)  # "who works as a paramedic"
    if verb in ("is", "was") and doc[k + 1].pos_ == "ADV" and k + 2 < sent.end:
        k += 1  # "who is also the Minister of Works", "who is now a senator"
    if verb in ("is", "was") and doc[k + 1].lower_ in ARTICLES:
        return _noun_phrase(ctx, k + 2, sent)
    role = VERB_ROLES.get(verb)
    if role is None:
        return None
    title = Title(roles=[role], role_texts=[doc[k].text])
    stop = _phrase_end(ctx, k + 1, sent)
    obj = doc[k + 1:stop]
    named = obj[1:] if len(obj) and obj[0].lower_ == "the" else obj
    if len(named) and named[0].text[:1].isupper():
        title.organisation = named.text
    # "who leads the opposition Labour Party": the party is the holder's
    title.party = next((t.text for t in named if parties.is_label(t.text)), None)
    return title, stop
