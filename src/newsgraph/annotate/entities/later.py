"""Roles said at a person's later mentions that the name finder did not read.

The name finder reads the title before and after each name the model tags as a person. A
later mention of the surname alone is often tagged as an organisation or a place, or not at
all ("Opposition leaders questioned Ishiba, who is also the president of the LDP, ...",
"Lowe, now the party's special envoy, said"): the apposition, relative clause or predicate
after such a mention is read here, with the same readers, and its roles join the person's.

Only a surname that belongs to one person of the article is read, and only where it stands
alone (not inside a longer capitalised name: "the Lowe family", "Jeb Lowe").
"""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Doc

from newsgraph.annotate.entities import appositions, asroles, inverted, parties, roles
from newsgraph.annotate.entities.coref import Person, _full
from newsgraph.annotate.entities.names import Scan
from newsgraph.annotate.entities.roles import Title
from newsgraph.annotate.entities.titles import title_after

# Agent-noun endings that name a person ("the activist", "the chairman", "the historian").
STRONG_ENDINGS = tuple(e for e in appositions.AGENT_ENDINGS if e in ("ist", "man", "woman",
                                                                     "ian", "eer"))
# Sources whose mentions had their titles read when they were found.
READ = frozenset({"ner", "title", "label", "bare-label"})


def add_title(p: Person, title: Title, named: Container[str] = ()) -> None:
    """Merge a title read at another mention into the person: new roles (a shorter wording
    of a role held is not added, and a role the new one says more fully goes), the party
    (with its role, as `stated.apply` gives it; `named`: the countries the article names)
    and the country where the person has none (not the employer: the first mention names
    it). This runs after the article-wide affiliation rules."""
    party_roles: list[tuple[str, str]] = []
    if title.party and not p.party:
        p.party = title.party
        row = parties.resolve(title.party, named)
        if row is not None:
            party_roles.append((row.role, title.party))
            if p.affiliation is None:
                p.affiliation, p.affiliation_kind = row.country, "party"
    pairs = list(zip(title.roles, title.role_texts, strict=True)) + party_roles
    for role, text in pairs:
        if role in p.roles or roles.subsumed(role, p.roles):
            continue
        keep = [i for i, r in enumerate(p.roles) if not roles.compatible(r, role)]
        p.roles = [p.roles[i] for i in keep] + [role]
        p.role_texts = [p.role_texts[i] for i in keep] + [text]
    if p.affiliation is None and title.affiliation and title.affiliation_kind == "country":
        p.affiliation, p.affiliation_kind = title.affiliation, "country"


def _surnames(people: list[Person]) -> dict[str, Person]:
    """Surname (lower case) -> its person, for surnames only one person of the article has."""
    count: dict[str, list[Person]] = {}
    for p in people:
        for w in p.words():
            count.setdefault(w, []).append(p)
    out: dict[str, Person] = {}
    for p in people:
        sur = p.surname()
        if sur and len(count.get(sur, [])) == 1 and len(sur) > 2:
            out[sur] = p
    return out


def _alone(doc: Doc, i: int) -> bool:
    """Token i is a name standing alone: no capitalised word joined to it on either side."""
    if i + 1 < len(doc) and doc[i + 1].text[:1].isupper() and not doc[i + 1].is_punct:
        return False
    if i > 0:
        prev = doc[i - 1]
        if prev.text[:1].isupper() and prev.is_alpha and not prev.is_sent_start \
                and prev.lower_ not in roles.HONORIFICS:
            return False
    return True


def _post(role: str) -> bool:
    """A role whose head names a post or trade: "a pile of cash" after "Star of David" is
    no apposition of a person."""
    words = [w for w in role.split() if w.lower() not in roles.CONNECTORS]
    head = next((w for w in words if roles.is_head(w)), words[-1] if words else "")
    return bool(head) and (roles.is_head(head) or parties.is_label(head)
                           or post_noun(head.lower()))


def post_noun(word: str) -> bool:
    """A title head, a listed trade ("mogul", "neurosurgeon") or an agent noun with an
    unambiguous ending ("-ist", "-man"). "-er", "-or", "-ent" and "-ant" end as many things
    as people ("the answer", "the content", "a political outsider"): such a noun needs to
    be listed."""
    last = word.rsplit("-", 1)[-1]
    if last in ("man", "woman"):
        return False  # the ending alone: "the first woman to ..."
    return roles.is_head(word) or last in appositions.TRADES \
        or any(last.endswith(t) for t in appositions.LONG_TRADES) \
        or (len(last) > 4 and last.endswith(STRONG_ENDINGS))


def _after(ctx: Scan, end: int) -> Title | None:
    """The title the text gives after a name ending before token `end`."""
    sent = ctx.sent(end - 1)
    if end >= sent.end:
        return None
    after = title_after(ctx, end, sent) or inverted.role_after_owner(ctx, end, sent) \
        or appositions.role_after(ctx, end, sent) or inverted.role_after_age(ctx, end, sent)
    if after is not None:
        return after[0]
    return appositions.role_predicate(ctx, end, sent) or asroles.role_as(ctx, end, sent)


def read(ctx: Scan, people: list[Person], named: Container[str] = ()) -> None:
    """Add to each person the roles said after their surname's mentions not yet read
    (`named`: the countries the article names, for party labels)."""
    doc = ctx.doc
    by_surname = _surnames(people)
    if not by_surname:
        return
    read_at: set[int] = set()
    for p in people:
        for n in p.names:
            if n.source in READ:
                read_at.update(range(n.start, n.end))
    for tok in doc:
        if not tok.text[:1].isupper() or tok.idx in read_at:
            continue
        full = _full([tok.text])
        holder = by_surname.get(full[0]) if full else None
        if holder is None or not _alone(doc, tok.i) or ctx.is_headline(tok):
            continue
        title = _after(ctx, tok.i + 1)
        if title is None:
            continue
        kept = [(r, t) for r, t in zip(title.roles, title.role_texts, strict=True)
                if _post(r)]
        if kept:
            add_title(holder, Title(roles=[r for r, _t in kept],
                                    role_texts=[t for _r, t in kept], party=title.party),
                      named)
