"""Entities: one canonical entity per person, place and organisation in an article.

spaCy's NER is the starting point; tables (`gazetteer`) fix countries, demonyms, capitals
used as metonyms, regions and offices; `people` finds names with their titles, `coref` joins
the mentions of one person, and `affiliation` fills a person's country from the article when
the title does not say. Entities are numbered e1, e2, ... in order of first mention.

Other components (quotes, events) bind a span of text to the canonical entity that has a
mention there with `docindex.entity_at`.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.annotate import gazetteer
from newsgraph.annotate.entities import (
    affiliation,
    areas,
    clauses,
    constituencies,
    contests,
    coref,
    credits,
    dateline,
    descriptions,
    heads,
    later,
    names,
    nonpersons,
    orgheads,
    people,
    personhood,
    roleform,
    roles,
    staff,
    stated,
)
from newsgraph.annotate.entities import home as home_country
from newsgraph.annotate.gazetteer import Hit
from newsgraph.record import Entity

log = logging.getLogger(__name__)

# Entities whose name opening a title is the employer or jurisdiction, not the post.
ORG_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC"})
TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}
# Tokens that never make an entity on their own ("MR" read as a place, "Jr." as a GPE).
JUNK = frozenset({"mr", "ms", "mrs", "dr", "mr.", "ms.", "mrs.", "dr.", "jr.", "sr.", "jr",
                  "q", "inaudible", "laughter", "applause"})
LEADING = ("the ", "The ", "THE ", "a ", "an ")
COUNTRY_KINDS = ("country", "capital", "demonym", "office")
# Prepositions of place: "troops into Rafah", "here in Jaipur", "towards Kharkiv".
PLACE_PREPS = frozenset({"in", "into", "near", "toward", "towards", "outside", "inside",
                         "across", "throughout", "within", "around"})


@dataclass
class _Group:
    name: str
    type: str
    affiliation: str | None = None
    mentions: set[tuple[int, int]] = field(default_factory=set)


def _overlaps(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < e and s < b for a, b in spans)


def _inside(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= s and e <= b for a, b in spans)


def _trim(span: Span) -> tuple[int, int, str]:
    """An entity span without a leading article, possessive, trailing punctuation or the
    part after a line break ("Office of the Spokesperson\\n\\nThe")."""
    text = span.text
    start = span.start_char
    cut = text.find("\n")
    if cut >= 0:
        text = text[:cut]
    for lead in LEADING:
        if text.startswith(lead):
            text, start = text[len(lead):], start + len(lead)
    text = text.rstrip(" ,;:-(")
    if text.endswith(".") and "." not in text[:-1]:
        text = text[:-1]  # a sentence's full stop, not "U.S." or "D.C."
    for poss in ("’s", "'s", "’", "'"):
        if text.endswith(poss):
            text = text[: -len(poss)]
    text = text.rstrip()
    return start, start + len(text), text


class _Builder:
    def __init__(self) -> None:
        self.groups: dict[str, _Group] = {}
        self.countries: Counter[str] = Counter()

    def add(self, name: str, type_: str, span: tuple[int, int],
            affiliation: str | None = None) -> None:
        key = name.lower()
        g = self.groups.get(key)
        if g is None:
            g = self.groups[key] = _Group(name, type_, affiliation)
        elif g.affiliation is None:
            g.affiliation = affiliation
        g.mentions.add(span)


def _add_hits(b: _Builder, doc: Doc, hits: list[Hit], names: list[tuple[int, int]]) -> None:
    for h in hits:
        s, e = doc[h.start].idx, doc[h.end - 1].idx + len(doc[h.end - 1])
        if _overlaps(s, e, names):
            continue
        place = h.place
        b.add(place.name, place.label, (s, e), place.country)
        if place.kind in COUNTRY_KINDS and place.country:
            b.countries[place.country] += 1


def _org_affiliation(doc: Doc, span: Span, by_token: dict[int, Hit]) -> str | None:
    found = {by_token[i].place.country for i in range(span.start, span.end)
             if i in by_token and by_token[i].place.kind in COUNTRY_KINDS}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def _add_ner(b: _Builder, doc: Doc, hits: list[Hit], names: list[tuple[int, int]],
             titles: list[tuple[int, int]]) -> None:
    by_token = {i: h for h in hits for i in range(h.start, h.end)}
    hit_spans = {(doc[h.start].idx, doc[h.end - 1].idx + len(doc[h.end - 1])) for h in hits}
    for ent in doc.ents:
        if ent.label_ not in TYPES or ent.label_ == "PERSON":
            continue
        s, e, text = _trim(ent)
        if not text or e <= s or text.lower() in JUNK or _overlaps(s, e, names) \
                or _inside(s, e, titles) or (s, e) in hit_spans:
            continue
        words = [w for w in text.replace("-", " ").split() if w]
        if all(roles.is_title_word(w) or w.lower() in roles.CONNECTORS for w in words):
            continue  # "National Security Advisor", "External Affairs", "State"
        inner = [h for h in hits if doc[h.start].idx >= s and doc[h.end - 1].idx < e]
        rest = text
        for h in inner:
            rest = rest.replace(h.span(doc).text, "")
        if inner and not rest.replace("region", "").strip(" -,’'s"):
            continue  # "the Indo-Pacific region", "North Korea’s": the table hit covers it
        if "-" in text and all(gazetteer.lookup_country(p) for p in text.split("-")):
            # "U.S.-India" as one token: a mention of each country.
            pos = s
            for part in text.split("-"):
                country = gazetteer.lookup_country(part)
                if country:
                    b.add(country, "GPE", (pos, pos + len(part)), country)
                    b.countries[country] += 1
                pos += len(part) + 1
            continue
        label = ent.label_
        inner_span = doc.char_span(s, e, alignment_mode="expand")
        aff = (_org_affiliation(doc, inner_span, by_token)
               if label in {"ORG", "FAC"} and inner_span is not None else None)
        b.add(text, label, (s, e), aff)


def _link_acronyms(b: _Builder, text: str) -> None:
    """ "the US Department of Defence (DoD)": the acronym names the same organisation."""
    for g in list(b.groups.values()):
        if g.type not in {"ORG", "FAC"}:
            continue
        for _s, e in sorted(g.mentions):
            if text[e:e + 2] != " (":
                continue
            close = text.find(")", e + 2, e + 14)
            if close < 0:
                continue
            acro = b.groups.get(text[e + 2:close].lower())
            if acro is not None and acro is not g and acro.type in {"ORG", "FAC"}:
                g.mentions |= acro.mentions
                g.affiliation = g.affiliation or acro.affiliation
                del b.groups[acro.name.lower()]
            break


def _absorb_person_words(b: _Builder, persons: list[coref.Person]) -> None:
    """A surname the model tagged ORG or GPE ("Blinken" as ORG) is the person's mention."""
    for key, g in list(b.groups.items()):
        if g.type not in {"ORG", "GPE", "NORP", "FAC"}:
            continue
        full = coref._full(g.name.split())
        if not full or not all(w[:1].isupper() for w in g.name.split()):
            continue
        fits = [p for p in persons if set(full) <= p.words()]
        if len(fits) == 1:
            for s, e in g.mentions:
                fits[0].add(names.NameMention(s, e, g.name.split(), source="absorbed"))
            del b.groups[key]


def _is_place(doc: Doc, p: coref.Person, places: set[str], named: set[str]) -> bool:
    """A town the model took for a name. Never with evidence that it is a person (a title,
    an honorific, a speech verb: `personhood`). A name the place gazetteer knows ("strikes
    near Kramatorsk", "Chasiv Yar") is a place; another one-word name is where it is the
    object of a preposition of place ("into Rafah"; people are met, called and thanked, not
    gone into) or the model itself tags the word as a place after one ("here in Jaipur")."""
    if any(n.source != "ner" for n in p.names) or personhood.used_as_person(doc, p):
        return False
    if personhood.place_name(doc, p, named) is not None:
        return True
    if any(len(n.words) > 1 for n in p.names):
        return False
    if p.names[0].words[0] in places:
        return True
    for n in p.names:
        span = doc.char_span(n.start, n.end)
        if span is not None and _after_place_prep(span.root):
            return True
    return False


def _after_place_prep(tok: Token) -> bool:
    return tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS


# Entity.affiliation_source for each kind of affiliation (roles.Title.affiliation_kind).
SOURCES = {"country": "title", "role": "role", "office": "office",
           "org": "international-organisation", "party": "party",
           "organisation": "organisation", "title-context": "title-in-context",
           "context": "article", "possessor": "possessor", "contest": "election"}


def _place_names(b: _Builder) -> list[str]:
    return [g.name for g in b.groups.values() if g.type in {"GPE", "LOC"}]


def _person_entity(p: coref.Person) -> Entity:
    return Entity(id="", name=p.name, type="PERSON", roles=list(p.roles),
                  affiliation=p.affiliation, mentions=p.mentions(),
                  role_texts=list(p.role_texts),
                  affiliation_source=SOURCES.get(p.affiliation_kind or "")
                  if p.affiliation else None,
                  organisation=p.organisation, party=p.party)


def extract(doc: Doc) -> list[Entity]:
    hits = areas.us_georgia(doc, gazetteer.find(doc))
    found = people.find(doc, hits)
    persons = coref.cluster(found.names, found.role_refs)
    constituencies.split_seats(found.text, persons)
    model_places = {e.text for e in doc.ents if e.label_ in ("GPE", "LOC")
                    and _after_place_prep(e.root)}
    named = {h.place.country for h in hits if h.place.country and h.place.kind in COUNTRY_KINDS}
    places = [p for p in persons if _is_place(doc, p, model_places, named)]
    persons = credits.story_people(doc, [p for p in persons if p not in places])
    persons = nonpersons.story_people(doc, persons)
    roleform.apply(persons, doc, ORG_LABELS)
    name_spans = [(n.start, n.end) for p in persons for n in p.names if n.end > n.start]
    b = _Builder()
    for p in places:
        for n in p.names:
            b.add(p.name, "GPE", (n.start, n.end))
    _add_hits(b, doc, hits, name_spans)
    _add_ner(b, doc, hits, name_spans, found.title_spans)
    text = found.text
    _link_acronyms(b, text)
    _absorb_person_words(b, persons)
    affiliation.from_headline(doc._.ng_title, persons)
    orgheads.employers(text, persons)
    areas.apply(text, persons)
    divisions = areas.evidence(text)
    evidence = stated.evidence(b.countries, _place_names(b), persons) + divisions
    stated.apply(persons, evidence,
                 {g.name.lower(): g.affiliation for g in b.groups.values() if g.affiliation},
                 text)
    for p in persons:
        if p.affiliation and p.affiliation_kind in affiliation.STATED:
            b.countries[p.affiliation] += 1
    home = stated.domestic([h.place.country for h in hits if h.place.kind == "office"
                            and h.place.country], _place_names(b), persons, b.countries,
                           stated.party_words(doc, persons))
    filed_from = dateline.country(text)
    if filed_from is not None:
        home[filed_from] += 1  # "NEW DELHI:": one piece of evidence, never enough alone
    heads.foreign_heads(doc, hits, persons, home, b.countries)
    affiliation.from_dominant(persons, home, minimum=affiliation.DOMESTIC_MIN)
    affiliation.resolve(persons, b.countries, affiliation.pairs(text))
    stated.from_possessors(persons)
    local = home_country.at_home(evidence, home_country.abroad(doc, hits))
    affiliation.from_dominant(persons, local, leaders=False)
    home_country.home_leaders(doc, persons, local)
    stated.from_possessors(persons)
    contests.from_contests(doc, persons, home, b.countries)
    affiliation.spouses(persons)
    if found.scan is not None:
        # Roles said at later mentions, after the affiliation rules: a role found only
        # there does not change how the person's country is guessed.
        later.read(found.scan, persons, evidence)
        clauses.read(found.scan, persons, evidence)
        descriptions.resolve(found.scan, persons, evidence)
        roleform.apply(persons, doc, ORG_LABELS)  # the same form for the roles found late
        # A role found late that names its country by itself ("who is now the acting
        # secretary of the Army") or with the article's evidence ("was elected senator of
        # Wisconsin") is still the person's own evidence.
        stated.from_late_roles(persons, evidence, text)
    staff.undo_campaign_guesses(doc, persons)
    orgheads.private_heads(text, persons)
    out = [_person_entity(p) for p in persons]
    for g in b.groups.values():
        out.append(Entity(id="", name=g.name, type=g.type, affiliation=g.affiliation,
                          mentions=[list(m) for m in sorted(g.mentions)]))
    out.sort(key=lambda x: (x.mentions[0][0], x.type != "PERSON"))
    for i, ent in enumerate(out, 1):
        ent.id = f"e{i}"
    return out


def plain(doc: Doc) -> list[Entity]:
    """spaCy's entities grouped by text: what is left when `extract` fails on a document."""
    by_name: dict[tuple[str, str], Entity] = {}
    for ent in doc.ents:
        if ent.label_ in TYPES:
            e = by_name.setdefault((ent.label_, ent.text), Entity(
                id=f"e{len(by_name) + 1}", name=ent.text, type=ent.label_))
            e.mentions.append([ent.start_char, ent.end_char])
    return list(by_name.values())


def find_entities(doc: Doc) -> list[Entity]:
    """The article's entities; spaCy's own, grouped, if the rules fail on it."""
    try:
        return extract(doc)
    except Exception:  # one odd document must not stop a batch
        log.exception("entities: rule-based pass failed; keeping plain NER entities")
        return plain(doc)
