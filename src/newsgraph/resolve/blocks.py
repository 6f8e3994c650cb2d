"""Blocking keys: which stored entities an entity of a new article can end up with.

Entity resolution only ever compares an entity with the candidates that share a key with it
(`people` compares names within surname blocks, `entities` merges other entities by their
normalised name). Each per-article entity gets the keys below, and two entities interact
only when they are joined by a chain of shared keys. So the entities of the connected
component a new entity reaches, clustered on their own with the same functions, give the
clusters a full rebuild gives them; incremental resolution re-clusters only those.

A key has a role. A "link" key joins every entity holding it; a "target" key (a full name's
first word) and a "probe" key (a lone word that may be that first name) join only across
the two roles: "Karine" joins every Karine named in full, but two people merely sharing a
first name are not joined by it.

The keys cover, for people (`people.cluster_people`):
- full names that can merge: the same surname block, the same words in another order, the
  same transliteration of the surname, the first three letters of a compound surname;
- a name written first where the family name comes first ("Yoon Suk" for "Yoon Suk Yeol"):
  the shorter name is a target, every beginning of the longer one a probe;
- initials and bare surnames: their surname block; a bare word: the first names it may be.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsgraph.resolve.countries import canonical_country
from newsgraph.resolve.names import PersonName, block_key, parse_person, translit, words

LINK, TARGET, PROBE = "link", "target", "probe"


def other_key(typ: str, norm: str) -> str:
    """The one key of a non-person entity: its group (type and normalised name)."""
    return f"grp:{typ}|{norm}"


def person_keys(name: str) -> list[tuple[str, str]]:
    """(key, role) pairs of a per-article PERSON entity named `name`."""
    return name_keys(parse_person(name))


def name_keys(p: PersonName) -> list[tuple[str, str]]:
    """(key, role) pairs of a parsed person name (of a name form: `resolve.forms`)."""
    if not p.surname:
        return []
    keys = [("sur:" + block_key(p.surname), LINK)]
    if p.tier == "bare":
        keys.append(("first:" + p.surname, PROBE))
        return keys
    keys.append(("first:" + p.given[0], TARGET))
    if p.tier == "full":
        keys += _full_keys(p)
    return keys


def _full_keys(p: PersonName) -> list[tuple[str, str]]:
    w = words(p)
    keys = [("words:" + " ".join(sorted(w)), LINK)]
    if len(p.surname) >= 5:
        keys.append(("tr:" + translit(p.surname), LINK))
    if " " in p.surname:
        keys.append(("s3:" + p.surname[:3], LINK))
    if len(w) >= 2 and all(len(x) > 1 for x in w):
        keys.append(("pre:" + " ".join(w), TARGET))
    keys += [("pre:" + " ".join(w[:n]), PROBE) for n in range(2, len(w))]
    return keys


def is_person(typ: str, name: str) -> bool:
    """Resolved as a person (a country tagged PERSON is resolved as a country)."""
    return typ == "PERSON" and not canonical_country(name)


def joins(roles: Iterable[str]) -> bool:
    """Whether the entities holding one key are joined by it."""
    seen = set(roles)
    return LINK in seen or (TARGET in seen and PROBE in seen)
