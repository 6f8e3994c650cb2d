"""Title phrases around a name: before it ("US Defence Secretary Pete Hegseth"), in an
apposition after it ("Jaishankar, India's foreign minister,") and "of <country>" after it.

A phrase is parsed into roles (canonical, see `roles`) and an affiliation: a country or
international organisation that opens the phrase or follows "of" is the affiliation; after
"for" or "to" it is the portfolio or the host country and stays in the wording.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.annotate.entities import parties, roles
from newsgraph.annotate.entities.names import (
    POSSESSIVE,
    STOP_PUNCT,
    Scan,
    abbreviated_title,
    is_field_word,
    is_name_token,
)
from newsgraph.annotate.entities.personhood import speech_forms
from newsgraph.annotate.entities.roles import Title
from newsgraph.annotate.gazetteer import Hit

# Words that may stand before the country in a title: "former Japanese Prime Minister".
LEADING_MODIFIERS = frozenset({"former", "then", "acting", "outgoing", "incoming", "late",
                               "the"})


def phrase_title(ctx: Scan, toks: list[Token]) -> Title:
    """Parse title tokens. A country or international organisation that opens the phrase
    ("US ...", "India's ...", "NATO ...") or follows "of" ("... of India") is the
    affiliation; after "for" or "to" it is the portfolio or the host country ("Special
    Envoy for Yemen", "Ambassador to India") and stays in the wording. An office keeps its
    words ("Chairman of the Joint Chiefs of Staff") and gives its country."""
    words: list[str] = []
    aff: str | None = None
    kind: str | None = None
    party: str | None = None
    i, n = 0, len(toks)
    while i < n:
        tok = toks[i]
        if (tok.text == "-" or (words and words[-1].endswith("-"))) and words \
                and not ctx.doc[tok.i - 1].whitespace_:
            words[-1] += tok.text  # "Commander-in-Chief" is one word
            i += 1
            continue
        hit = ctx.hit_starting(tok.i)
        if hit is not None and hit.end <= toks[-1].i + 1:
            aff, kind = _place_in_title(ctx, hit, words, aff, kind)
            i += hit.end - hit.start
            if i < n and toks[i].text in POSSESSIVE:
                i += 1
            continue
        if tok.text in POSSESSIVE:
            i += 1
            continue
        if tok.text == "." and words and not ctx.doc[tok.i - 1].whitespace_:
            words[-1] += "."  # "Lt" + "." is "Lt."
            i += 1
            continue
        if parties.is_label(tok.text) and len(toks) > 1:
            party = party or tok.text  # "BJP leader", "Republican Senator"
            i += 1
            continue
        if tok.text == "," and words:
            words[-1] += ","  # "for Civilian Security, Democracy, and Human Rights"
            i += 1
            continue
        words.append(tok.text)
        i += 1
    title = roles.make_title(words, aff, kind)
    title.party = party
    return title


def _place_in_title(ctx: Scan, hit: Hit, words: list[str], aff: str | None,
                    kind: str | None) -> tuple[str | None, str | None]:
    """A table entry inside a title: the words it leaves in the wording go on `words`; the
    affiliation (and its kind) is returned, the first one found."""
    place = hit.place
    # "... of (the) India" names the holder's country; "Ambassador to the Russian
    # Federation" and "Special Envoy for the DPRK" name the host and the portfolio.
    tail = [w.lower() for w in words[-2:]]
    after_of = tail[-1:] == ["of"] or tail == ["of", "the"]
    binding = not words or after_of
    found: str | None
    if place.kind == "intl":
        found, fkind = place.name, "org"
    elif place.kind == "office":
        found, fkind = place.country, "office"
    else:
        found, fkind = place.country, "country"
    leading = all(w.lower() in LEADING_MODIFIERS for w in words)
    binding = binding or leading
    if place.kind == "region" or (place.kind == "office" and words) or not binding \
            or (place.kind == "demonym" and words and not leading):
        # "... of the Ukrainian Armed Forces": the adjective stays in the wording.
        words.extend(t.text for t in hit.span(ctx.doc))
    elif after_of and place.kind != "demonym" and words:
        # "Minister of Foreign Affairs of India": drop the dangling "of (the)".
        while words and words[-1].lower() in {"of", "the"}:
            words.pop()
    if found and aff is None and (binding or place.kind == "office"):
        return found, fkind
    return aff, kind


def _list_opening(ctx: Scan, comma: int, start: int, sent: Span) -> int | None:
    """For a comma inside a title's portfolio ("Under Secretary for Civilian Security,
    Democracy, and Human Rights Uzra Zeya"), the "for"/"of" that opens the list; None when
    the comma ends something else (a list of people, an apposition)."""
    doc = ctx.doc
    if any(roles.is_head(t.text) for t in doc[comma + 1:start]):
        return None  # "..., Ambassador Victoria Nuland": a title of its own after the comma
    if not any(t.lower_ in {"and", "&"} for t in doc[comma + 1:start]):
        return None  # a list ends with "and": "... to the United States, the Principal ..."
    j = comma - 1
    while j > max(sent.start, comma - 20):
        tok = doc[j]
        if tok.lower_ in {"for", "of"} and roles.is_title_word(doc[j - 1].text):
            return j
        if j in ctx.name_tokens or roles.is_head(tok.text) or not (
                tok.text[:1].isupper() or tok.text == "," or tok.lower_ in roles.CONNECTORS):
            return None
        j -= 1
    return None


def title_before(ctx: Scan, start: int, sent: Span) -> tuple[Title, int] | None:
    """The title phrase that ends right before token `start`, and where it starts."""
    doc = ctx.doc
    j, inverted = _before_honorifics(ctx, start, sent)
    end = j + 1
    j, end, acronym = _scan_back(ctx, j, end, start, sent)
    first = _opening(ctx, j + 1, end)
    if inverted and not _inverted_opening(ctx, first, sent):
        return None
    if not inverted:
        first = _after_and(ctx, first, end, sent)
    first = _past_places(ctx, first, end, sent)
    toks = list(doc[first:end])
    if acronym is not None and first == j + 1:
        toks = [acronym, *toks]
    if not toks or not any(roles.is_head(t.text) for t in toks) \
            or (len(toks) == 1 and toks[0].lower_ in roles.COURTESY):
        return None  # "Lady Starmer": a courtesy style
    title = phrase_title(ctx, toks)
    prev = doc[first - 1] if first > sent.start else None
    if prev is not None and prev.is_alpha and prev.text[:1].isupper() and not prev.is_stop \
            and title.affiliation_kind == "country" and acronym is None:
        # "Invitation to Visit Italy President Trump": a heading run into the text.
        title.affiliation = title.affiliation_kind = None
    return (title, first) if title.roles else None


def _inverted_opening(ctx: Scan, first: int, sent: Span) -> bool:
    """What may open a title set before a comma and a name: "the" ("the Chancellor of
    Germany, Olaf Scholz", "the then UK Home Secretary, Sajid Javid") or a country's
    possessive ("Sweden's Minister of Justice, Gunnar Strömmer")."""
    doc = ctx.doc
    k = first - 1
    while k >= sent.start and doc[k].lower_ in ("then", "former"):
        k -= 1
    if k >= sent.start and doc[k].lower_ == "the":
        return True
    hit = ctx.hit_starting(first)
    if hit is not None and hit.place.kind == "country" and hit.end < sent.end \
            and doc[hit.end].text in POSSESSIVE:
        return True
    # "Lagos State Governor, Babajide Sanwo-Olu, said", "said Minister of Works, X,": a
    # title (after the capitalised words of its jurisdiction) that opens the sentence or
    # follows punctuation or a verb of speech
    while k >= sent.start and doc[k].is_title and doc[k].is_alpha:
        k -= 1
    return k < sent.start or doc[k].is_punct and doc[k].text not in POSSESSIVE \
        or doc[k].lower_ in speech_forms()


def _before_honorifics(ctx: Scan, start: int, sent: Span) -> tuple[int, bool]:
    """The last token a title before the name could end on, and whether the title stands
    before a comma (inverted)."""
    doc = ctx.doc
    j = start - 1
    while j >= sent.start and doc[j].lower_ in roles.HONORIFICS:
        j -= 1
    # "the Crown Prince and Prime Minister of the Kingdom of Bahrain, His Royal Highness
    # Salman ...": a title, a comma, honorifics, the name.
    # "The President of the United States, Joseph R. Biden Jr.": also without honorifics
    # where the title ends in a title word or a country ("the Chancellor of Germany, Olaf
    # Scholz"); "the" must open it (checked by the caller), so a list of names is not read so.
    inverted = j > sent.start and doc[j].text == "," and (
        j < start - 1 or roles.is_title_word(doc[j - 1].text) or (j - 1) in ctx.hit_at)
    if inverted:
        j -= 1
    return j, inverted


def _scan_back(ctx: Scan, j: int, end: int, start: int, sent: Span
               ) -> tuple[int, int, Token | None]:
    """Back from token j over the words a title may hold: the token before the title, the
    title's end, and an organisation's acronym in brackets that opens it."""
    doc = ctx.doc
    acronym: Token | None = None
    while j >= sent.start:
        tok = doc[j]
        if tok.is_space or tok.i in ctx.name_tokens:
            break
        if tok.text == ")" and j == end - 1 and j - 3 >= sent.start and doc[j - 2].text == "(" \
                and doc[j - 1].is_upper:
            # "United Nations High Commissioner for Refugees (UNHCR) Filippo Grandi": the
            # acronym in parentheses repeats the office named before it.
            end = j - 2
            j -= 3
            continue
        if tok.text == ")" and j - 2 >= sent.start and doc[j - 2].text == "(" \
                and ctx.hit_starting(j - 1) is not None:
            # "... Agency for Palestine Refugees (UNRWA) Commissioner General": the acronym
            # stands for the organisation named before it.
            acronym = doc[j - 1]
            break
        if _person_before_and(ctx, j, start, sent) or (doc[j].lower_ == "and" and j == start - 1):
            break  # "... the acting director of the Department and Alex Azar": not Azar's
        back = _back_one(ctx, j, start, sent)
        if back is None:
            break
        j = back
    return j, end, acronym


def _person_before_and(ctx: Scan, j: int, start: int, sent: Span) -> bool:
    """ "Administrator Power and Canadian ... Minister Ahmed Hussen", "... Council Salvatore
    Sciacchitano and ICAO Secretary General Juan Carlos Salazar": the title after "and" is
    the next person's."""
    doc = ctx.doc
    return doc[j].lower_ == "and" and j > sent.start and (
        (doc[j - 1].ent_type_ == "PERSON" and not roles.is_title_word(doc[j - 1].text))
        or (_name_like(ctx, doc[j - 1])
            and any(roles.is_head(t.text) for t in doc[j + 1:start])))


def _back_one(ctx: Scan, j: int, start: int, sent: Span) -> int | None:
    """Where the scan goes on when token j belongs to the title; None when it does not."""
    doc = ctx.doc
    tok = doc[j]
    if tok.lower_ in ("to", "for") and j > sent.start and doc[j - 1].is_lower:
        return None  # "an adviser to Mr. Netanyahu", "a top adviser for President Obama"
    if tok.text in POSSESSIVE or tok.lower_ in roles.CONNECTORS or j in ctx.hit_at \
            or (tok.text == "." and abbreviated_title(doc, j)):
        return j - 1
    if tok.text == "-" and not tok.whitespace_ and j - 1 > sent.start \
            and not doc[j - 1].whitespace_ and doc[j - 1].is_lower and doc[j - 1].is_alpha:
        return j - 2  # "co-founder": the prefix belongs to the title word
    if (tok.text == "-" or (tok.lower_ == "in" and doc[j - 1].text == "-")) \
            and not tok.whitespace_:
        return j - 1  # "Commander-in-Chief"
    if tok.text == "," and j < start - 1:
        opening = _list_opening(ctx, j, start, sent)
        if opening is not None:
            return opening - 1
    if tok.text[:1].isupper() or roles.is_title_word(tok.text):
        return j - 1
    return None


def _opening(ctx: Scan, first: int, end: int) -> int:
    """Open on a title word or a country/organisation, never on "Readout of ..."."""
    doc = ctx.doc
    while first < end:
        tok = doc[first]
        if (roles.is_title_word(tok.text) and not _plural_head(tok.text)) \
                or ctx.hit_starting(first) is not None \
                or (tok.is_alpha and tok.is_upper and len(tok) > 1 and first + 1 < end
                    and roles.is_title_word(doc[first + 1].text)) \
                or (tok.is_lower and first + 2 < end and doc[first + 1].text == "-"
                    and not tok.whitespace_ and roles.is_head(doc[first + 2].text)):
            break  # "ICAO Secretary General": an organisation's acronym stays in the role
        first += 1
    return first


def _after_and(ctx: Scan, first: int, end: int, sent: Span) -> int:
    """A title for each side of an "and": "the Vice President and President Yoon" (the part
    before "and" is someone else), "Crown Prince and Prime Minister Salman" (one person).
    "the" before the first title: each title after an "and" is someone else's ("The
    Secretary and Prime Minister", "the Chinese foreign minister and the senior ...");
    a portfolio after "and" ("... Democracy, and Human Rights") holds no title word."""
    doc = ctx.doc
    ands = [k for k in range(first, end) if doc[k].lower_ == "and"
            and any(roles.is_head(t.text) for t in doc[first:k])
            and any(roles.is_title_word(t.text) for t in doc[k + 1:end])]
    if ands:
        last = ands[-1]
        if (first > sent.start and doc[first - 1].lower_ in {"the", "a", "an"}) \
                or (any(roles.is_head(t.text) for t in doc[last + 1:end])
                    and _one_office(doc[first:last], doc[last + 1:end])):
            first = last + 1
    return first


def _past_places(ctx: Scan, first: int, end: int, sent: Span) -> int:
    """A country or office at the front that belongs to something before the title."""
    doc = ctx.doc
    hit = ctx.hit_starting(first)
    if hit is not None and first - 2 >= sent.start and doc[first - 1].lower_ in {"of", "from"} \
            and (first - 2 in ctx.name_tokens or doc[first - 2].ent_type_ == "PERSON"):
        # "Prime Minister Kishida Fumio of Japan and President Yoon": Japan is Kishida's.
        first = hit.end
        while first < end and doc[first].lower_ in {"and", ","}:
            first += 1
        hit = ctx.hit_starting(first)
    if hit is not None and hit.place.kind == "office" and first > sent.start \
            and doc[first - 1].lower_ in {"the", "to", "at", "in", "from"} \
            and not _office_holds(hit.place.country, doc[hit.end:end].text):
        # "welcoming to the White House Prime Minister Scott Morrison": a place, where its
        # country has no such post; "the FBI Director James Comey" is the FBI's.
        first = hit.end
    return first


def _office_holds(country: str | None, title: str) -> bool:
    """The government of the office's country has the kind of post `title` names (no
    prime minister or minister in the United States)."""
    from newsgraph.annotate.entities import affiliation

    kind = roles.role_kind(title)
    if kind is None or kind == "not_in_office" or country is None:
        return True
    return kind in affiliation._government(country).offices


def _plural_head(word: str) -> bool:
    """ "officials", "Ministers": a group, so no one's title starts there ("U.S. interagency
    officials and AU Commissioner for Health ... Minata Samate Cessouma")."""
    low = word.lower()
    return low.endswith("s") and low[:-1] in roles.HEADS


def _name_like(ctx: Scan, tok: Token) -> bool:
    """A capitalised word that can only be part of a name here (not a title, portfolio or
    place word): "Sciacchitano" in "... Council Salvatore Sciacchitano and ..."."""
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and is_name_token(ctx, tok) \
        and not is_field_word(tok.text) and tok.text not in {"[", "]"}


def _one_office(a: Span, b: Span) -> bool:
    """Two titles for one office at different ranks ("Vice President" and "President",
    "Minister" and "Deputy Minister"): no one holds both, so they are two people's."""
    def office(span: Span) -> set[str]:
        return {t.lower_ for t in span if roles.is_title_word(t.text)} - roles.RANKS
    return bool(office(a)) and office(a) == office(b)


def title_after(ctx: Scan, end: int, sent: Span) -> tuple[Title, int] | None:
    """An apposition: "Jaishankar, India's foreign minister," / "Blinken, Secretary of State"."""
    doc = ctx.doc
    if end >= sent.end or doc[end].text != ",":
        return None
    j = end + 1
    if j < len(doc) and doc[j].lower_ in {"the", "a", "an"}:
        j += 1
    first = j
    stop = _apposition_end(ctx, first, sent)
    if stop is None:
        return None
    j = stop
    toks = list(doc[first:j])
    owner = max((i for i, t in enumerate(toks) if t.text in POSSESSIVE), default=None)
    if owner is not None and owner > 0 and toks[owner - 1].i not in ctx.hit_at:
        toks = toks[owner + 1:]  # "the president's deputy adviser": not the President
    if not toks or not any(roles.is_head(t.text) for t in toks):
        return None
    if not (roles.is_title_word(toks[0].text) or ctx.hit_starting(toks[0].i) is not None):
        return None
    if not (roles.is_title_word(toks[-1].text) or toks[-1].i in ctx.hit_at):
        return None  # ends in a name: "Minister of Defence Oleksii Reznikov" is someone else
    if _portfolio_goes_on(ctx, j, sent):
        return None
    title = phrase_title(ctx, toks)
    return (title, j) if title.roles else None


def _apposition_end(ctx: Scan, j: int, sent: Span) -> int | None:
    """Where a title that starts at token j ends (at a line break or stop punctuation);
    None when the words are no title."""
    doc = ctx.doc
    after_prep = False
    while j < sent.end:
        tok = doc[j]
        if tok.is_space or tok.text in STOP_PUNCT:
            break
        if j in ctx.hit_at or tok.text in POSSESSIVE or tok.lower_ in roles.CONNECTORS:
            after_prep = after_prep or tok.lower_ in {"of", "for", "to"}
            j += 1
            continue
        if tok.ent_type_ == "PERSON" and not roles.is_title_word(tok.text):
            return None  # a list of people: "Sullivan, Secretary of Defense Lloyd Austin"
        if roles.is_title_word(tok.text) or (after_prep and tok.text[:1].isupper()):
            j += 1
            continue
        return None  # a clause, not a title: "Blinken, who met ..."
    return j


def _portfolio_goes_on(ctx: Scan, j: int, sent: Span) -> bool:
    """ "Khalid Al-Falih, Minister of Environment, Water, and Agriculture Abdulrahman
    al-Fadhli": the comma after the "apposition" continues a portfolio that ends in the next
    person's name, so the title is that person's."""
    doc = ctx.doc
    if j >= sent.end or doc[j].text != ",":
        return False
    k, field_words = j + 1, False
    while k < sent.end:
        tok = doc[k]
        if tok.text == "," or tok.lower_ in {"and", "&"}:
            k += 1
            continue
        if roles.is_title_word(tok.text) and not is_field_word(tok.text):
            return False  # a title of its own: "..., and Secretary of Defense Austin"
        if not (tok.text[:1].isupper() and tok.is_alpha):
            return False
        if tok.ent_type_ == "PERSON" or k in ctx.name_tokens or not is_field_word(tok.text):
            return field_words  # a name after portfolio words
        field_words = True
        k += 1
    return False


def country_after(ctx: Scan, end: int) -> str | None:
    """ "President Isaac Herzog of Israel": the country named right after the name."""
    doc = ctx.doc
    if end < len(doc) and doc[end].lower_ == "of":
        j = end + 1
        if j < len(doc) and doc[j].lower_ == "the":
            j += 1
        hit = ctx.hit_starting(j)
        if hit is not None and hit.place.kind in ("country", "capital"):
            return hit.place.country
    return None


def merge_title(base: Title, extra: Title) -> None:
    for r, t in zip(extra.roles, extra.role_texts, strict=True):
        if r not in base.roles:
            base.roles.append(r)
            base.role_texts.append(t)
    if base.affiliation is None and extra.affiliation is not None:
        base.affiliation, base.affiliation_kind = extra.affiliation, extra.affiliation_kind
    base.party = base.party or extra.party
    base.organisation = base.organisation or extra.organisation
    base.possessor = base.possessor or extra.possessor
