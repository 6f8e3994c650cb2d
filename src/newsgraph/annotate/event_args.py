"""The arguments of an event: its actors (with roles), its place and its date.

Actors are the article's canonical entities (`doc._.ng_entities`, found with `entity_at`).
A phrase whose head is not a name ("the government of Colombia", "Russian forces", "U.S.
support") stands for the country or organisation named in it. Roles follow PLOVER: the
subject is the source and the object the target; a visitor is the source and the host the
target; when the subject lists all sides and there is no object ("X and Y met"), each is a
participant.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.annotate import gazetteer
from newsgraph.annotate.dates import Direction, resolve_date
from newsgraph.annotate.entities import entity_at
from newsgraph.annotate.event_rules import Candidate
from newsgraph.annotate.plover import lemma
from newsgraph.record import Entity, EventActor

ACTOR_TYPES = {"PERSON", "ORG", "GPE", "NORP", "LOC"}
RELATIVE = {"that", "which", "who", "whom"}
TARGET_PREPS = {"with", "to", "on", "upon", "against", "for", "at", "into", "toward",
                "towards", "from"}
PLACE_PREPS = {"in", "at", "inside", "near"}
PLACE_LABELS = {"GPE", "FAC", "LOC"}
SIGNING = {"sign", "ratify", "conclude", "finalize", "finalise", "ink"}


# ------------------------------------------------------------------ entities of a phrase

def _entity(doc: Doc, tok: Token) -> Entity | None:
    ent = entity_at(doc, tok.idx, tok.idx + len(tok.text))
    if ent is None or ent.type not in ACTOR_TYPES:
        return None
    return ent


def _country(text: str) -> str | None:
    return gazetteer.lookup_country(text)


@dataclass
class Ref:
    """An actor found in a phrase: an entity of the article, or a bare country name."""

    entity: Entity | None
    country: str | None = None

    @property
    def key(self) -> str:
        if self.entity is not None and self.entity.type not in ("GPE", "NORP"):
            return self.entity.id
        return self.country or (self.entity.id if self.entity else "")


def _ref(ent: Entity) -> Ref:
    country = None
    if ent.type in ("GPE", "NORP"):
        country = ent.affiliation or _country(ent.name)
    return Ref(ent, country)


def _actor(doc: Doc, ref: Ref, role: str) -> EventActor:
    """An actor from a reference; countries (and their adjectives) under the country's name
    and the id of the article's entity for that country."""
    ent = ref.entity
    if ref.country and (ent is None or ent.type in ("GPE", "NORP")):
        same = next((e for e in doc._.ng_entities or []
                     if e.type == "GPE" and (e.affiliation or _country(e.name)) == ref.country),
                    ent)
        return EventActor(id=same.id if same else None, name=ref.country,
                          role=role, affiliation=ref.country)  # type: ignore[arg-type]
    assert ent is not None
    return EventActor(id=ent.id, name=ent.name, role=role,  # type: ignore[arg-type]
                      affiliation=ent.affiliation or _title_country(doc, ent))


def _title_country(doc: Doc, ent: Entity) -> str | None:
    """A country in the words just before a person's name ("US Defence Secretary X")."""
    if ent.type != "PERSON" or not ent.mentions:
        return None
    s, _ = ent.mentions[0]
    head = doc.char_span(s, ent.mentions[0][1], alignment_mode="expand")
    if head is None:
        return None
    for t in head.root.children:
        if t.dep_ in ("compound", "amod", "nmod") and t.i < head.start:
            c = _country(t.text)
            if c:
                return c
    for p in head.root.children:
        if p.dep_ == "prep" and p.lower_ == "of":
            for o in p.children:
                c = _country(o.text)
                if c:
                    return c
    return None


def phrase_actors(doc: Doc, head: Token, exclude: Token | None = None) -> list[Ref]:
    """The actors a noun phrase stands for (its head, or the names that qualify it).

    `exclude` is the event's own word: a named event ("the India-US Defence Acceleration
    Ecosystem Summit") is not its own actor, but the countries in its name are.
    """
    heads = [head] + [c for c in head.children if c.dep_ == "conj"]
    for h in list(heads[1:]):
        heads.extend(c for c in h.children if c.dep_ == "conj" and c not in heads)
    own = _entity(doc, exclude) if exclude is not None else None
    out: list[Ref] = []

    def add(r: Ref) -> None:
        if r.key and all(r.key != o.key for o in out):
            out.append(r)

    for h in heads:
        if h.lower_ in RELATIVE and h.head.dep_ == "relcl":
            h = h.head.head
        ent = _entity(doc, h)
        if ent is not None and ent is not own:
            add(_ref(ent))
            if ent.type in ("GPE", "NORP"):  # "India-US": both sides
                for c in h.children:
                    if c.dep_ in ("compound", "appos", "conj", "nmod") and \
                            (e2 := _entity(doc, c)) is not None and e2.type in ("GPE", "NORP"):
                        add(_ref(e2))
            continue
        if ent is not None and ent is own:
            named = [n for t in h.subtree if t.i <= h.i and (n := _country(t.text))]
            for country in named:
                add(Ref(None, country))
            if named:
                continue
        # not a name: the countries / organisations that qualify it
        for c in h.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod") or (
                    c.dep_ == "prep" and c.lower_ in ("of", "from", "by")):
                targets = [c] if c.dep_ != "prep" else [p for p in c.children
                                                        if p.dep_ == "pobj"]
                for t in targets:
                    for x in [t] + [k for k in t.children if k.dep_ in ("conj", "appos")]:
                        e = _entity(doc, x)
                        if e is not None and e is not own:
                            add(_ref(e))
                        elif (xc := _country(x.text)) is not None:
                            add(Ref(None, xc))
    return out


# ------------------------------------------------------------------ who does what to whom

def _subject(tok: Token) -> Token | None:
    """The subject of the clause `tok` belongs to, climbing through xcomp / conj / pcomp."""
    cur = tok
    for _ in range(6):
        subj = [c for c in cur.children if c.dep_ in ("nsubj", "csubj")]
        if subj:
            return subj[0]
        agents = [p for c in cur.children if c.dep_ == "agent" for p in c.children
                  if p.dep_ == "pobj"]
        if agents:
            return agents[0]
        if cur.dep_ in ("xcomp", "conj", "advcl", "pcomp", "prep", "acl", "ccomp") and \
                cur.head is not cur:
            if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN"):
                return None
            cur = cur.head
            continue
        if cur.dep_ == "relcl":
            return cur.head
        return None
    return None


def _objects(tok: Token) -> list[Token]:
    out = [c for c in tok.children if c.dep_ in ("dobj", "dative", "iobj")]
    if any(c.dep_ == "agent" for c in tok.children):
        out += [c for c in tok.children if c.dep_ == "nsubjpass"]
    for p in tok.children:
        if p.dep_ in ("prep", "dative") and p.lower_ in TARGET_PREPS:
            out += [o for o in p.children if o.dep_ == "pobj"]
    return out


def _noun_args(noun: Token) -> tuple[list[Token], list[Token]]:
    """Source and target phrases of an event noun ("Russia's attack on Ukraine")."""
    src: list[Token] = []
    tgt: list[Token] = []
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and c.ent_type_):
            src.append(c)
        elif c.dep_ == "prep":
            objs = [o for o in c.children if o.dep_ == "pobj"]
            if c.lower_ == "by":
                src += objs
            elif c.lower_ in TARGET_PREPS or c.lower_ in ("between", "among", "of"):
                tgt += objs if c.lower_ not in ("between", "among") else []
                if c.lower_ in ("between", "among"):
                    src += objs
    return src, tgt


def actors_of(doc: Doc, cand: Candidate) -> list[EventActor]:
    anchor, gov = cand.anchor, cand.governor
    src_phr: list[Token] = []
    tgt_phr: list[Token] = []
    if anchor.pos_ in ("NOUN", "PROPN") and anchor is not gov:
        s, t = _noun_args(anchor)
        subj = _subject(gov)
        src_phr = ([subj] if subj is not None else []) + s
        tgt_phr = t + [o for o in _objects(gov) if o is not anchor]
    elif anchor.pos_ in ("NOUN", "PROPN"):
        src_phr, tgt_phr = _noun_args(anchor)
    else:
        subj = _subject(anchor)
        src_phr = [subj] if subj is not None else []
        tgt_phr = _objects(anchor)
        if anchor.dep_ == "relcl" and not src_phr:
            src_phr = [anchor.head]
    sources = [r for p in src_phr for r in phrase_actors(doc, p, anchor)]
    src_keys = {r.key for r in sources}
    targets = [r for p in tgt_phr for r in phrase_actors(doc, p, anchor)
               if r.key not in src_keys]
    if cand.reversed_roles:
        sources, targets = targets, sources
    if lemma(anchor) in SIGNING or lemma(gov) in SIGNING:
        # the sides of an agreement are named in it: "the US-India Framework"
        for o in _objects(gov if anchor.pos_ == "VERB" else anchor) + [anchor]:
            for w in o.subtree:
                wc = _country(w.text)
                if wc and all(r.key != wc for r in sources + targets):
                    sources.append(Ref(None, wc))
    out: list[EventActor] = []
    seen: set[str] = set()
    symmetric = cand.sense.category == "CONSULT" and not targets and len(sources) > 1
    for ents, role in ((sources, "participant" if symmetric else "source"),
                       (targets, "target")):
        for r in ents:
            a = _actor(doc, r, role)
            key = a.id or a.name
            if key not in seen:
                seen.add(key)
                out.append(a)
    return out


# ------------------------------------------------------------------ where and when

def _clause_tokens(cand: Candidate) -> list[Token]:
    """The words whose modifiers describe this event: anchor, governor and their heads."""
    toks = [cand.anchor, cand.governor]
    cur = cand.governor
    for _ in range(3):
        if cur.dep_ in ("xcomp", "conj", "pcomp", "prep", "advcl") and cur.head is not cur:
            cur = cur.head
            toks.append(cur)
        else:
            break
    return toks


def location_of(doc: Doc, cand: Candidate) -> tuple[str | None, str | None]:
    for tok in _clause_tokens(cand):
        for p in tok.children:
            if p.dep_ != "prep" or p.lower_ not in PLACE_PREPS | {"to"}:
                continue
            if p.lower_ == "to" and lemma(cand.anchor) not in ("travel", "visit", "trip"):
                continue
            for o in p.children:
                if o.dep_ == "pobj" and o.ent_type_ in PLACE_LABELS:
                    return _place(doc, o)
        if lemma(tok) == "visit":
            for o in tok.children:
                if o.dep_ == "dobj" and o.ent_type_ in PLACE_LABELS:
                    return _place(doc, o)
    return None, None


def _place(doc: Doc, tok: Token) -> tuple[str, str | None]:
    span = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
    name = span.text if span is not None else tok.text
    if name.lower().startswith("the "):
        name = name[4:]
    country = _country(name)
    for c in tok.children:  # "Geneva, Switzerland", "Hiroshima, Japan"
        if c.dep_ in ("appos", "npadvmod", "conj") and country is None:
            country = _country(c.text)
    if country is None:
        ent = entity_at(doc, tok.idx, tok.idx + len(tok.text))
        country = ent.affiliation if ent is not None else None
    return name, country


def date_of(doc: Doc, cand: Candidate, direction: Direction
            ) -> tuple[str | None, str | None]:
    """The date expression attached to the event's clause, and what it resolves to."""
    published = doc._.ng_published
    clause = {t.i for t in _clause_tokens(cand)}
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME") or not (
                cand.anchor.sent.start <= ent.start < cand.anchor.sent.end):
            continue
        root = ent.root
        head = root.head
        # "on Tuesday" (prep -> pobj), "today" (npadvmod), "the June 3 meeting" (compound)
        attached = head.i in clause or (head.dep_ == "prep" and head.head.i in clause)
        if not attached:
            continue
        resolved = resolve_date(ent.text, published, direction)
        return ent.text, resolved.value
    return None, None
