"""The actors of an event, with PLOVER roles.

Actors are the article's canonical entities (`doc._.ng_entities`, found with `docindex.entity_of`).
A phrase whose head is not a name ("the government of Colombia", "Russian forces", "U.S.
support") stands for the country or organisation named in it; a government ("the Russian
Government") is its country; a named agreement or meeting ("the U.S.-Romania Strategic
Partnership") is not an actor, the countries named in it are.

Roles: the subject is the source and the object the target; in the passive the agent is the
source and the subject the target; a visitor is the source and the host the target; when
the subject lists every side of a meeting or a cooperation and there is no object ("X and Y
met"), each is a participant.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from spacy.tokens import Doc, Token

from newsgraph import lexicon
from newsgraph.annotate import gazetteer
from newsgraph.annotate.docindex import entity_of
from newsgraph.annotate.events.groups import is_pair_phrase, pair_members
from newsgraph.annotate.events.rules import Candidate
from newsgraph.annotate.events.words import is_personal
from newsgraph.annotate.grammar import conjuncts as _conjuncts
from newsgraph.annotate.grammar import subject_of
from newsgraph.annotate.plover import NOUNS, lemma
from newsgraph.record import Entity, EventActor

ACTOR_TYPES = {"PERSON", "ORG", "GPE", "NORP", "LOC"}
RELATIVE = {"that", "which", "who", "whom"}
# Prepositions that introduce the other side of an act, by category.
TARGET_PREPS = {
    "CONSULT": {"with", "to"},
    "SUPPORT": {"for", "to", "with", "behind"},
    "AID": {"to", "for"},
    "REQUEST": {"on", "upon", "to"},
    "SANCTION": {"on", "against", "from"},
    "ASSAULT": {"on", "against", "at", "into"},
    "THREATEN": {"against", "with", "to"},  # "threats of force to Syria"
    "ACCUSE": {"against", "of"},
}
DEFAULT_TARGET_PREPS = {"with", "to", "on", "against"}
SIGNING = {"sign", "ratify", "conclude", "finalize", "finalise", "ink"}
# Heads of names that are things, not actors: "the U.S.-Romania Strategic Partnership".
NOT_ACTORS = set("partnership agreement framework initiative dialogue summit conference "
                 "meeting forum strategy treaty act program programme plan mechanism corridor "
                 "mou memorandum declaration statement accord convention resolution deal "
                 "roadmap charter alliance ministerial session games olympics".split())
GOVERNMENT = re.compile(r"\b(government|regime|administration|authorities|cabinet)\b", re.I)
SYMMETRIC = {"CONSULT", "COOPERATE"}
T = TypeVar("T")
# Nouns whose prepositional objects are the other side ("export controls on X").
# Party names as adjectives ("Republican senators") and datelines ("DUBAI —") are no actors.
PARTY_ADJECTIVES = {w.lower() for w in lexicon.plover_lexicon().words("party_adjectives")}
EVENT_NOUNS = set(NOUNS) | set("control restriction measure cost penalty tariff duty pressure "
                               "consequence effort work".split())


@dataclass
class Ref:
    """An actor found in a phrase: an entity of the article, or a bare country name."""

    entity: Entity | None
    country: str | None = None
    name: str | None = None  # a name the entity step did not find ("RosKomNadzor")

    @property
    def key(self) -> str:
        if self.entity is not None and self.country is None:
            return self.entity.id
        return self.country or (self.entity.id if self.entity else "") or self.name or ""


def _country(text: str) -> str | None:
    return gazetteer.lookup_country(text)


def _countries(text: str) -> list[str]:
    """Countries named in one token, hyphenated pairs included ("U.S.-Romania")."""
    whole = _country(text)
    if whole:
        return [whole]
    return [c for part in re.split(r"[-\u2013/]", text) if part and (c := _country(part))]


def _entity(doc: Doc, tok: Token) -> Entity | None:
    ent = entity_of(tok)
    if ent is None or ent.type not in ACTOR_TYPES:
        return None
    return ent


def _is_thing(ent: Entity) -> bool:
    words = ent.name.lower().replace("\u2019", "'").split()
    return bool(words) and words[-1].strip(".,'s") in NOT_ACTORS


def _ref(ent: Entity) -> Ref:
    if ent.type in ("GPE", "NORP"):
        return Ref(ent, ent.affiliation or _country(ent.name))
    if ent.type == "ORG" and GOVERNMENT.search(ent.name):
        country = ent.affiliation or next(
            (c for w in ent.name.split() if (c := _country(w))), None)
        if country:
            return Ref(ent, country)  # "the Russian Government" acts as Russia
    return Ref(ent, None)


def _actor(doc: Doc, ref: Ref, role: str) -> EventActor:
    """Countries under the country's name and the id of the article's entity for it."""
    if ref.country:
        same = next((e for e in doc._.ng_entities or []
                     if e.type == "GPE" and (e.affiliation or _country(e.name)) == ref.country),
                    ref.entity)
        return EventActor(id=same.id if same else None, name=ref.country,
                          role=role, affiliation=ref.country)  # type: ignore[arg-type]
    ent = ref.entity
    if ent is None:
        return EventActor(id=None, name=ref.name or "", role=role)  # type: ignore[arg-type]
    return EventActor(id=ent.id, name=ent.name, role=role,  # type: ignore[arg-type]
                      affiliation=ent.affiliation or _title_country(doc, ent))


def _title_country(doc: Doc, ent: Entity) -> str | None:
    """A country in the words of a person's title ("US Defence Secretary X", "X of India")."""
    if ent.type != "PERSON" or not ent.mentions:
        return None
    span = doc.char_span(ent.mentions[0][0], ent.mentions[0][1], alignment_mode="expand")
    if span is None:
        return None
    for t in span.root.children:
        if t.dep_ in ("compound", "amod", "nmod") and t.i < span.start and \
                (c := _country(t.text)):
            return c
        if t.dep_ == "prep" and t.lower_ == "of":
            for o in t.children:
                if c := _country(o.text):
                    return c
    return None


# ------------------------------------------------------------------ phrases

def phrase_actors(doc: Doc, head: Token, exclude: Token | None = None) -> list[Ref]:
    """The actors a noun phrase stands for (its head, or the names that qualify it).

    `exclude` is the event's own word: a named event ("the India-US Defence Acceleration
    Ecosystem Summit") is not its own actor, but the countries in its name are.
    """
    own = _entity(doc, exclude) if exclude is not None else None
    out: list[Ref] = []

    def add(r: Ref) -> None:
        if r.key and all(r.key != o.key for o in out):
            out.append(r)

    for h in _conjuncts(head):
        _head_actors(doc, head, h, own, add)
    return out


def _restated(doc: Doc, head: Token, h: Token) -> bool:
    """A name restated in brackets: "Golos Ameriki (VOA Russian)" is one."""
    return h.dep_ == "appos" and h != head and _entity(doc, h.head) is not None and \
        doc[h.left_edge.i - 1].text == "(" if h.left_edge.i > 0 else False


def _head_actors(doc: Doc, head: Token, h: Token, own: Entity | None,
                 add: Callable[[Ref], None]) -> None:
    """The actors that `h`, the head of `head`'s phrase or a conjunct of it, stands for."""
    if h.lower_ in RELATIVE and h.head.dep_ == "relcl":
        h = h.head.head
    if _restated(doc, head, h):
        return
    if is_pair_phrase(h):  # "the two leaders": the pair named just before, if plain
        _pair_actors(doc, h, add)
        return
    if h.pos_ == "PRON":
        ref = _pronoun(doc, h)
        if ref is not None:
            add(ref)
        return
    if h.tag_ == "VBG":  # "support for Sweden joining NATO"
        h = next((c for c in h.children if c.dep_ == "nsubj"), h)
    ent = _entity(doc, h)
    if ent is None and _unfound_name(h):
        add(Ref(None, None, _name_words(h)))
    elif ent is not None:
        _entity_actors(doc, h, ent, own, add)
    elif h.dep_ != "appos":  # "Cherelle Griner, the wife of Brittney Griner": one person
        _qualifiers(doc, h, own, add, depth=2)


def _pair_actors(doc: Doc, h: Token, add: Callable[[Ref], None]) -> None:
    members = pair_members(doc, h, lambda t: _entity(doc, t))
    for e in members.entities:
        add(_ref(e))
    for country in members.countries:
        add(Ref(None, country))


def _entity_actors(doc: Doc, h: Token, ent: Entity, own: Entity | None,
                   add: Callable[[Ref], None]) -> None:
    """The entity `h` names; for the event itself or a thing, the countries named in it."""
    if ent is own or _is_thing(ent):
        for t in h.subtree:
            if t.i <= h.i:
                for country in _countries(t.text):
                    add(Ref(None, country))
        return
    add(_ref(ent))
    if ent.type in ("GPE", "NORP"):  # "India-US": both sides
        for c in h.children:
            if c.dep_ in ("compound", "nmod") and (e2 := _entity(doc, c)) is not None \
                    and e2.type in ("GPE", "NORP"):
                add(_ref(e2))


def _name_words(h: Token) -> str:
    """The proper-name words of the phrase up to `h`, after any title ("National Security
    Advisors Sullivan" -> "Sullivan"; "Biden, Jr." -> "Biden Jr.")."""
    words = [t for t in h.subtree if t.i <= h.i and (t.pos_ == "PROPN" or t == h)
             and t.lower_ not in ("the", "a", "an")]
    titles = [k for k, t in enumerate(words) if t.lower_.rstrip("s") in TITLE_WORDS]
    if titles:
        words = words[titles[-1] + 1:] or [h]
    return " ".join(t.text for t in words)


def _unfound_name(h: Token) -> bool:
    """A proper name acting as a subject that the entity step did not find (an agency or
    a group the model does not know: "RosKomNadzor has threatened to block ...")."""
    if any(c.dep_ in ("det", "poss") for c in h.children) or h.lower_ in TITLE_WORDS or \
            len(h.text) < 3 or h.tag_ == "NNPS" or (h.is_sent_start and h.text.istitle()):
        return False  # "the Secretary": a title; "Q", "MS": transcript labels; "Jews";
        # a capitalised first word may be a heading run into the sentence ("Priority")
    return h.pos_ == "PROPN" and not h.ent_type_ and h.dep_ in ("nsubj", "nsubjpass") and \
        h.lower_ not in NOT_ACTORS and lemma(h) not in NOUNS and h.text[:1].isupper() and \
        not _countries(h.text)


# Titles before a name in an actor phrase (data/titles.tsv, use "actor").
TITLE_WORDS = lexicon.titles().words("actor")


def _qualifier_preps(h: Token) -> set[str]:
    preps = {"of", "from", "by"}
    if is_personal(h):
        preps.add("including")  # "individuals, including U.S. citizens"
    if lemma(h) in EVENT_NOUNS or lemma(h).rstrip("s") in EVENT_NOUNS:
        preps |= {"on", "against", "to", "for"}  # "sanctions on Russia"
    return preps


def _qualifier_parts(c: Token, preps: set[str]) -> list[Token]:
    """The phrases that child `c` of a noun qualifies it with."""
    if c.dep_ in ("poss", "compound", "amod", "nmod"):
        return [c]
    if c.dep_ == "prep" and c.lower_ in preps:
        return [p for p in c.children if p.dep_ == "pobj"]
    return []


def _qualifiers(doc: Doc, h: Token, own: Entity | None, add: Callable[[Ref], None],
                depth: int) -> None:
    """The countries / organisations that qualify a noun that is not a name ("Mongolia's
    work", "the development of Mongolia's framework", "sanctions on Russia")."""
    preps = _qualifier_preps(h)
    for c in h.children:
        for t in _qualifier_parts(c, preps):
            for x in _conjuncts(t):
                _qualifier(doc, c, x, own, add, depth)


def _qualifier(doc: Doc, c: Token, x: Token, own: Entity | None, add: Callable[[Ref], None],
               depth: int) -> None:
    """The actors of one qualifying phrase `x` (under child `c` of the noun)."""
    e = _entity(doc, x)
    if e is not None and e is not own and not _is_thing(e):
        add(_ref(e))
    elif e is None and (xcs := _countries(x.text)):
        for xc in xcs:
            add(Ref(None, xc))
    elif e is not None and _is_thing(e):
        for xc in (c for w in x.subtree for c in _countries(w.text)):
            add(Ref(None, xc))
    elif e is None and depth > 1 and c.dep_ == "prep":
        _qualifiers(doc, x, own, add, depth - 1)


FIRST_SINGULAR = {"i", "me", "my"}
FIRST_PLURAL = {"we", "us", "our"}
THIRD_SINGULAR = {"he", "she", "him", "her", "his"}


def _pronoun(doc: Doc, tok: Token) -> Ref | None:
    """Who a pronoun stands for, where the text makes it plain: "I" in a quote is its
    speaker, "we" the speaker's country; "he"/"she" the person who was the subject of the
    previous sentence of the same paragraph. Anything else stays unresolved."""
    low = tok.lower_
    if low in FIRST_SINGULAR | FIRST_PLURAL:
        ids = {e.id: e for e in doc._.ng_entities or []}
        for q in doc._.ng_quotes or []:
            if not q.in_title and q.span[0] <= tok.idx < q.span[1] and q.speaker_id in ids:
                speaker = ids[q.speaker_id]
                if low in FIRST_PLURAL:
                    return Ref(None, speaker.affiliation) if speaker.affiliation else None
                return _ref(speaker)
        return None
    if low not in THIRD_SINGULAR:
        return None
    sent = tok.sent
    if sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    if "\n" in doc[prev.end - 1:sent.start + 1].text_with_ws or any(
            t.ent_type_ == "PERSON" and t.i < tok.i for t in sent):
        return None  # a new paragraph, or another person named before the pronoun
    people = [e for t in prev if t.dep_ == "nsubj" and (e := _entity(doc, t)) is not None
              and e.type == "PERSON"]
    return _ref(people[0]) if len(people) == 1 else None


# ------------------------------------------------------------------ clause arguments

def _passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def _passive_subjects(tok: Token) -> list[Token]:
    """The passive subject, shared along a list of verbs ("have been threatened, detained
    or kidnapped": all three happened to the same people)."""
    cur = tok
    for _ in range(4):
        subj = [c for c in cur.children if c.dep_ == "nsubjpass"]
        if subj or cur.dep_ != "conj" or cur.head == cur:
            return subj
        cur = cur.head
    return []


def _agent(tok: Token) -> list[Token]:
    return [p for c in tok.children if c.dep_ == "agent" for p in c.children
            if p.dep_ == "pobj"]


def _targets(tok: Token, category: str) -> list[Token]:
    preps = TARGET_PREPS.get(category, DEFAULT_TARGET_PREPS)
    # the object of giving is the thing given: "send Patriot missiles to Ukraine"
    # and what is discussed is a topic: "discussed Taiwan"
    topic = category == "CONSULT" and lemma(tok) in ("discuss", "negotiate", "review")
    deps = ("dative", "iobj") if category == "AID" or topic else ("dobj", "dative", "iobj")
    out = [c for c in tok.children if c.dep_ in deps]
    for p in tok.children:
        if p.dep_ in ("prep", "dative") and p.lower_ in preps:
            out += [o for o in p.children if o.dep_ in ("pobj", "pcomp")]
    if category == "REQUEST" and not out:  # "wants Washington to remove": who is asked
        out += [s for c in tok.children if c.dep_ in ("ccomp", "xcomp")
                for s in c.children if s.dep_ == "nsubj" and is_personal(s)]
    return out


def _noun_args(noun: Token, category: str) -> tuple[list[Token], list[Token]]:
    """Source and target phrases of an event noun ("Russia's attack on Ukraine")."""
    src: list[Token] = []
    tgt: list[Token] = []
    preps = TARGET_PREPS.get(category, DEFAULT_TARGET_PREPS) | {"of"}
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and (
                c.ent_type_ == "ORG" or c.ent_type_ in ("GPE", "NORP") and _countries(c.text))):
            src.append(c)  # "Russian attacks", "Hamas attacks"; not "the Balikatan exercises"
        elif c.dep_ == "prep":
            objs = [o for o in c.children if o.dep_ == "pobj"]
            if c.lower_ in ("by", "between", "among"):
                src += objs
            elif c.lower_ == "of" and (category == "CONSULT" or lemma(noun) == "support"):
                src += objs  # "a meeting of NATO ministers", "the support of the US"
            elif c.lower_ in preps:
                tgt += objs
    return src, tgt


@dataclass
class _Sides(Generic[T]):
    """Who acts and who is acted on, as phrases or as actors."""

    sources: list[T]
    targets: list[T]


def _passive_anchor(anchor: Token) -> bool:
    """A passive, or a past participle joined to one ("were detained and tortured")."""
    return _passive(anchor) or (anchor.dep_ == "conj" and anchor.tag_ == "VBN" and _passive(
        anchor.head) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in anchor.children))


def _arg_phrases(cand: Candidate) -> _Sides[Token]:
    """The source and target phrases of a candidate, read from its anchor and governor."""
    anchor, gov, cat = cand.anchor, cand.governor, cand.sense.category
    if anchor.pos_ in ("NOUN", "PROPN"):
        src_phr, tgt_phr = _noun_args(anchor, cat)
        if anchor != gov:
            subj = subject_of(gov)
            src_phr = ([subj] if subj is not None else []) + src_phr
            tgt_phr += [o for o in _targets(gov, cat) if o != anchor]
        return _Sides(src_phr, tgt_phr)
    if _passive_anchor(anchor):
        tgt_phr = [c for c in _passive_subjects(anchor)] + _targets(anchor, cat)
        if anchor.dep_ in ("relcl", "acl") and not any(
                c.dep_ == "nsubjpass" and c.lower_ not in RELATIVE for c in anchor.children):
            tgt_phr.append(anchor.head)  # "Griner, who is detained", "ICBMs launched"
        return _Sides(_agent(anchor), tgt_phr)
    subj = subject_of(anchor)
    src_phr = [subj] if subj is not None else []
    if anchor.dep_ == "relcl" and (subj is None or subj.lower_ in RELATIVE):
        src_phr = [anchor.head]
    return _Sides(src_phr, _targets(anchor, cat))


def _arg_refs(doc: Doc, cand: Candidate, phrases: _Sides[Token]) -> _Sides[Ref]:
    """The actors of the phrases; a target is never a source too, and the acts that are
    the content of this one add their targets ("committed to provide assistance to X")."""
    anchor = cand.anchor
    sources = [r for p in phrases.sources for r in phrase_actors(doc, p, anchor)]
    keys = {r.key for r in sources}
    targets = [r for p in phrases.targets for r in phrase_actors(doc, p, anchor)
               if r.key not in keys]
    for content in cand.content:  # "committed to provide assistance to Ukraine"
        keys |= {r.key for r in targets}
        targets += [r for p in _targets(content.anchor, content.sense.category)
                    for r in phrase_actors(doc, p, anchor) if r.key not in keys]
    if cand.reversed_roles:
        sources, targets = targets, sources
    return _Sides(sources, targets)


def _signing_parts(cand: Candidate, refs: _Sides[Ref]) -> list[Ref]:
    """The sides of a signed agreement are named in it: "the US-India Framework"."""
    anchor, gov = cand.anchor, cand.governor
    parts: list[Ref] = []
    if lemma(anchor) in SIGNING or lemma(gov) in SIGNING:
        seen = {r.key for r in refs.sources + refs.targets}
        for o in _targets(gov if anchor.pos_ == "VERB" else anchor, cand.sense.category) + [
                anchor]:
            for w in o.subtree:
                if (wc := _country(w.text)) and wc not in seen:
                    seen.add(wc)
                    parts.append(Ref(None, wc))
    return parts


def actors_of(doc: Doc, cand: Candidate, location_country: str | None = None
              ) -> list[EventActor]:
    cat = cand.sense.category
    refs = _arg_refs(doc, cand, _arg_phrases(cand))
    parts = _signing_parts(cand, refs)
    sources, targets = refs.sources, refs.targets
    if cat == "COERCE" and not sources and location_country:
        sources = [Ref(None, location_country)]  # "detained in Russia": by Russia
    if cat in SYMMETRIC and not targets and len(sources) > 1:
        sources, parts = [], sources + parts
    out: list[EventActor] = []
    seen_keys: set[str] = set()
    for refs_, role in ((sources, "source"), (targets, "target"), (parts, "participant")):
        for r in refs_:
            a = _actor(doc, r, role)
            key = a.id or a.name
            if _not_an_actor(doc, a.name):
                continue
            if key not in seen_keys:
                seen_keys.add(key)
                out.append(a)
    return out


def _not_an_actor(doc: Doc, name: str) -> bool:
    """A party adjective read as a name, or a dateline: an upper-case place that opens a
    paragraph ("DUBAI, March 3 -", "WASHINGTON (AP) -")."""
    if name.lower() in PARTY_ADJECTIVES:
        return True
    if not name.isupper() or len(name) < 4:
        return False
    return re.search(rf"(?:^|\n)\s*{re.escape(name)}\s*[,(\u2014\u2013-]", doc.text) is not None

