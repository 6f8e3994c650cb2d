"""Roles around a name in the forms news outlets of many countries use and the title rules
do not read:

- a role phrase set off before the name without an article: "Minister of Natural
  Resources, Mohlomi Moleko, said", "South Africa's minister of electricity, Kgosientsho
  Ramokgopa, told", "Former area councillor, Seabata Moeketsi, said";
- a lower-case title with its portfolio right before the name: "minister of mines and
  energy Tom Alweendo told";
- a role after a name behind an organisation's or a country's possessive: "Scott Strenfel,
  PG&E's principal meteorologist", "Eva Persson, Sweden's deputy director of public
  prosecutions".

A country in the possessive is the affiliation; an organisation is the employer.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsgraph.annotate.entities import appositions, parties, roles
from newsgraph.annotate.entities.names import POSSESSIVE, Scan
from newsgraph.annotate.entities.personhood import speech_forms
from newsgraph.annotate.entities.roles import Title
from newsgraph.annotate.entities.titles import phrase_title, title_after

# Punctuation that ends a role phrase read backwards from the comma before a name.
BACK_STOPS = frozenset({",", ";", ":", "(", ")", "—", "–", "\"", "“", "”", "‘", "’", "'",
                        ".", "?", "!"})
ARTICLES = frozenset({"the", "a", "an"})
# Heads whose "to ..." names the host, not the post.
HOSTED = frozenset({"ambassador", "envoy", "representative", "adviser", "advisor"})
DASHES = frozenset({"—", "–", "--"})
# What closes a name set off after a role phrase.
CLOSERS = frozenset({",", ".", ";"})
MAX_PHRASE = 12
# How many words an organisation's name before a possessive may have ("PG&E's").
MAX_OWNER = 5
# Lower-case words inside an organisation's name before its possessive.
OWNER_CONNECTORS = frozenset({"of", "for", "and"})
PORTFOLIO_LINKS = frozenset({"of", "for"})
# Words after a pair of names that open a role they share ("..., both professors at").
SHARERS = frozenset({"both", "each"})
# Words after a role's head: its field or employer.
HEAD_ENDS = frozenset({"of", "for", "on", "in", "at", "with", "to"})
# What the model calls an owner that is no person.
ORG_TYPES = frozenset({"ORG", "GPE", "NORP", "FAC"})


def role_set_before(ctx: Scan, start: int, end: int, sent: Span) -> Title | None:
    """The role in a phrase before the comma before the name, when the name is closed by a
    comma or a verb; after a preposition only when a comma closes the name ("Speaking to
    the minister of finance, Ade Bello said ..." names two people)."""
    doc = ctx.doc
    j = start - 1
    while j > sent.start and doc[j].lower_ in roles.HONORIFICS:
        j -= 1
    if j <= sent.start or doc[j].text != "," or (end - start < 2 and j == start - 1):
        return None  # "the University of California, Davis": one word may be a place
    if end < sent.end and doc[end].text not in CLOSERS | {"of"} \
            and doc[end].pos_ not in ("VERB", "AUX"):
        return None
    k = _phrase_start(ctx, j, sent)
    if k == j or not _opens_apposition(ctx, k, end, sent) \
            or any(t.like_num for t in doc[k:j]):
        return None
    if doc[k].lower_ in ARTICLES:
        k += 1  # "the Republican nominee, Mr. Trump," is read by the apposition rules
        if doc[k - 1].i == j - 1:
            return None
    title = _phrase(ctx, doc[k:j], sent)
    if title is not None and doc[k].text in POSSESSIVE:
        title.possessor = _person_before(ctx, k, sent)
    return title


def _phrase_start(ctx: Scan, j: int, sent: Span) -> int:
    """Back from the comma at j over the words of a role phrase: where it starts (after
    punctuation, a verb or a name; on an article)."""
    doc = ctx.doc
    k = j
    while k > max(sent.start, j - MAX_PHRASE):
        prev = doc[k - 1]
        if prev.text in BACK_STOPS and prev.text not in POSSESSIVE or prev.is_space \
                or prev.pos_ in ("VERB", "AUX") or prev.ent_type_ == "PERSON" \
                or prev.i in ctx.name_tokens:
            break
        k -= 1
        if prev.lower_ in ARTICLES and not (k - 1 >= sent.start and doc[k - 1].lower_
                                            in appositions.ORG_PREPS | {"to"}):
            break  # but "ambassador to the UN", "minister of the interior" go on
    return k


def _person_before(ctx: Scan, k: int, sent: Span) -> str | None:
    """ "Mr Zelensky's chief of staff, Andriy Yermak,": the person before the possessive
    at k, whose post it is."""
    doc = ctx.doc
    o = k
    while o > sent.start and (doc[o - 1].ent_type_ == "PERSON" or o - 1 in ctx.name_tokens):
        o -= 1
    return appositions._possessor_name(doc[o:k]) or None


def _opens_apposition(ctx: Scan, k: int, end: int, sent: Span) -> bool:
    """What may stand before a role phrase set off before a name: the start of the sentence,
    punctuation, a verb of speech ("said Minister of Water Resources, Musa Bello,"), anything
    but a preposition when punctuation closes the name, or a preposition when a comma
    closes it ("met with the minister of finance, Jo Carter,
    on ..."; not "Speaking to the minister, Jo Carter said"). Not the object of a verb
    ("has won a number of smaller states, Sanders ...")."""
    doc = ctx.doc
    if k == sent.start:
        return True
    prev = doc[k - 1]
    if prev.pos_ != "ADP" and (end >= sent.end or doc[end].text in CLOSERS):
        return True  # the name closed: "who helped elect CTU's president, Karen Lewis."
    if prev.is_punct:
        return True
    if prev.pos_ == "ADP":
        return end < sent.end and doc[end].text == ","
    return prev.lower_ in speech_forms()


def _phrase(ctx: Scan, toks: Span, sent: Span) -> Title | None:
    """Parse a role phrase that may open with a possessive (a country's, an organisation's)."""
    if not len(toks) or any(t.ent_type_ == "PERSON" for t in toks):
        return None
    owner = max((t.i for t in toks if t.text in POSSESSIVE), default=None)
    rest = toks if owner is None else ctx.doc[owner + 1:toks.end]
    if not len(rest):
        return None
    if roles.is_title_word(rest[0].text) and rest[0].text[:1].isupper() and all(
            t.text[:1].isupper() or t.lower_ in roles.CONNECTORS or t.i in ctx.hit_at
            for t in rest):
        title = phrase_title(ctx, list(rest))  # "Minister of Natural Resources"
    else:
        found = appositions._noun_phrase(ctx, rest.start, sent, second=True)
        host = next((t.i for t in rest if t.lower_ == "to"), None)
        if (found is None or found[1] != toks.end) and host is not None \
                and ctx.doc[host - 1].lower_ in HOSTED:
            title = phrase_title(ctx, list(rest))  # "Ukraine's ambassador to the UN, ..."
        elif found is None or found[1] != toks.end:
            return None
        else:
            title = found[0]
    if not title.roles or not all(_head_is_trade(r) for r in title.roles):
        return None
    if owner is not None:
        _owner(ctx, ctx.doc[toks.start:owner], title)
    return title


def _head_is_trade(role: str) -> bool:
    """The head of a role (its last word before a field: "Minister of Energy", "Principal
    Meteorologist") names a post or a trade, not "Judgment of Another Witness"."""
    words = role.split()
    cut = next((i for i, w in enumerate(words) if w.lower() in HEAD_ENDS), len(words))
    return cut > 0 and (appositions._trade(words[cut - 1].lower())
                        or parties.is_label(words[cut - 1]))


def _owner(ctx: Scan, owner: Span, title: Title) -> None:
    """A country before the possessive is the affiliation, an organisation the employer."""
    if not len(owner):
        return
    hit = ctx.hit_starting(owner.start)
    if hit is not None and hit.end == owner.end and hit.place.country:
        if hit.place.kind in ("country", "capital", "office") and title.affiliation is None:
            title.affiliation = hit.place.country
            title.affiliation_kind = "office" if hit.place.kind == "office" else "country"
        return
    if hit is not None and hit.end == owner.end and hit.place.kind == "intl":
        title.affiliation = title.affiliation or hit.place.name
        title.affiliation_kind = title.affiliation_kind or "org"
        return
    if owner[0].text[:1].isupper() and title.organisation is None:
        title.organisation = owner.text


def role_after_owner(ctx: Scan, end: int, sent: Span) -> tuple[Title, int] | None:
    """ "Scott Strenfel, PG&E's principal meteorologist,": the role after an organisation's
    or a country's possessive (a person's is read by `appositions.role_after`)."""
    doc = ctx.doc
    if end + 3 >= sent.end or doc[end].text != ",":
        return None
    j = end + 1
    if doc[j].lower_ == "the":
        j += 1
    k = j
    while k < min(sent.end, j + MAX_OWNER) and doc[k].text not in POSSESSIVE \
            and (doc[k].text[:1].isupper() or doc[k].text in {"&", "-", "."}
                 or _inner_connector(doc, j, k)):
        k += 1
    if k == j or k + 1 >= sent.end or doc[k].text not in POSSESSIVE:
        return None
    owner = doc[j:k]
    named = {doc[i].text for i in ctx.name_tokens}
    if any(t.ent_type_ == "PERSON" or t.text in named for t in owner) or not (
            j in ctx.hit_at or all(t.ent_type_ in ORG_TYPES for t in owner)
            or any(t.lower_ in OWNER_CONNECTORS for t in owner)
            or any(not t.is_alpha for t in owner)):
        return None  # a person's post ("Mr. Netanyahu's adviser"): `appositions.role_after`
    found = appositions._noun_phrase(ctx, k + 1, sent)
    if found is None or not all(_head_is_trade(r) for r in found[0].roles):
        return None
    _owner(ctx, owner, found[0])
    return found


def _inner_connector(doc: Doc, j: int, k: int) -> bool:
    """ "for" in "Democracy for America's", "of" in "Color of Change's": a lower-case word
    inside the name of an organisation, between capitalised words."""
    return k > j and doc[k].lower_ in OWNER_CONNECTORS and k + 1 < len(doc) \
        and doc[k + 1].text[:1].isupper() and doc[k - 1].pos_ == "PROPN"


def lower_title_before(ctx: Scan, start: int, sent: Span) -> Title | None:
    """ "minister of mines and energy Tom Alweendo": a lower-case title head, "of" or "for"
    and its portfolio right before the name, perhaps after a country's possessive."""
    doc = ctx.doc
    k = start
    while k > max(sent.start, start - MAX_PHRASE) and doc[k - 1].is_lower \
            and doc[k - 1].is_alpha and doc[k - 1].pos_ not in ("VERB", "AUX", "PRON"):
        k -= 1
    toks = doc[k:start]
    link = next((t.i for t in toks if t.lower_ in PORTFOLIO_LINKS), None)
    if link is None or link == k or link + 1 >= start or not roles.is_head(doc[link - 1].text) \
            or doc[start - 1].pos_ not in ("NOUN", "PROPN") or doc[start - 1].tag_ == "NNS":
        return None
    m = link - 1
    while m > k and roles.is_title_word(doc[m - 1].text):
        m -= 1  # "deputy minister of ..."
    if any(t.lower_ in ARTICLES or t.lower_ in PORTFOLIO_LINKS and t.i != link
           for t in doc[m:start]):
        return None
    first = m
    if m - 2 >= sent.start and doc[m - 1].text in POSSESSIVE:
        hit = next((h for h in (ctx.hit_starting(i) for i in range(max(sent.start, m - 4),
                                                                     m - 1))
                    if h is not None and h.end == m - 1), None)
        if hit is not None:
            first = hit.start  # "South Africa's minister of electricity ..."
    title = phrase_title(ctx, list(doc[first:start]))
    return title if title.roles else None


def shared_after(ctx: Scan, end: int, sent: Span) -> tuple[Title, int] | None:
    """ "Kevin King and Timothy Weeks, both professors at the American University of
    Kabul,": a plural role after ", both" (or ", each"), for every name of the pair; the
    role is singular ("Professor")."""
    doc = ctx.doc
    k = end
    if k + 1 < sent.end and doc[k].lower_ == "and":
        k += 1  # past the second name of the pair
        while k < sent.end and (doc[k].text[:1].isupper() or doc[k].text in {".", "-"}):
            k += 1
    if k + 2 >= sent.end or doc[k].text != "," or doc[k + 1].lower_ not in SHARERS:
        return None
    found = appositions._noun_phrase(ctx, k + 2, sent, second=True)
    if found is None:
        return None
    title = found[0]
    title.roles = [_singular(r) for r in title.roles]
    if not title.roles or not all(_head_is_trade(r) for r in title.roles):
        return None
    return title, found[1]


def _singular(role: str) -> str:
    """ "Professors at ..." -> "Professor at ...": the head (the last word before a field
    or an employer) in the singular."""
    words = role.split()
    cut = next((i for i, w in enumerate(words) if w.lower() in HEAD_ENDS), len(words))
    head = words[cut - 1]
    if head.endswith("ies") and len(head) > 4:
        head = head[:-3] + "y"
    elif head.endswith(("sses", "shes", "ches", "xes")):
        head = head[:-2]
    elif head.endswith("s") and not head.endswith("ss"):
        head = head[:-1]
    words[cut - 1] = head
    return " ".join(words)


def demonym_before(ctx: Scan, start: int) -> str | None:
    """ "American Kevin King and Australian Timothy Weeks": a demonym right before a name,
    with no title between, is the person's nationality."""
    if start == 0:
        return None
    hit = ctx.hit_at.get(start - 1)
    if hit is None or hit.end != start or hit.place.kind != "demonym" \
            or not ctx.doc[hit.start].is_title:
        return None
    return hit.place.country


def role_after_age(ctx: Scan, end: int, sent: Span) -> tuple[Title, int] | None:
    """ "Carole Bower, 75, a retiree in Carthage,", "Benjamin Jealous, 43, who was the
    leader of the NAACP,": the apposition after the age."""
    doc = ctx.doc
    if end + 3 >= sent.end or doc[end].text != "," or not doc[end + 1].like_num \
            or doc[end + 2].text != ",":
        return None
    found = title_after(ctx, end + 2, sent) or appositions.role_after(ctx, end + 2, sent)
    if found is None or not all(_head_is_trade(r) for r in found[0].roles):
        return None  # "a Nassau County employee": a circumstance, not a post
    return found


def role_after_dash(ctx: Scan, end: int, sent: Span) -> tuple[Title, int] | None:
    """ "Peng Mei — project manager for communications —", "Ann Lee – the country's top
    diplomat – said": an apposition set off by dashes."""
    doc = ctx.doc
    if end + 2 >= sent.end or doc[end].text not in DASHES:
        return None
    j = end + 1
    if doc[j].lower_ in ARTICLES:
        j += 1
    elif not (doc[j].is_lower and doc[j].is_alpha):
        return None
    found = appositions._noun_phrase(ctx, j, sent)
    if found is None or not all(_head_is_trade(r) for r in found[0].roles):
        return None
    return found
