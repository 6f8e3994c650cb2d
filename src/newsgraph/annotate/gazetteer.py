"""Tables of places and institutions, and one PhraseMatcher that finds them in a Doc.

Countries come from pycountry (canonical name = its common name, or its name, with the
overrides below), plus `data/country_aliases.tsv` ("U.S.", "ROK", "Burma"). Demonyms,
capitals (used as metonyms: "Washington and New Delhi agree"), regions, government offices
with a known country and international organisations come from the other files in
`newsgraph/data/`. Everything is matched case-sensitively on token text in one pass.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import pycountry
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

# pycountry names that are not what news (or the DESIGN) calls the country.
CANONICAL_OVERRIDES = {
    "Russian Federation": "Russia",
    "Congo, The Democratic Republic of the": "DR Congo",
    "Holy See (Vatican City State)": "Holy See",
    "Palestine, State of": "Palestine",
    "Micronesia, Federated States of": "Micronesia",
    "Brunei Darussalam": "Brunei",
    "Korea, Republic of": "South Korea",
    "Korea, Democratic People's Republic of": "North Korea",
}

# US states whose name holds a country's ("New Jersey", "New Mexico"): matched whole, so that
# the country inside is no hit of its own.
US_STATES_WITH_COUNTRY_NAMES = ("New Jersey", "New Mexico")

# Hit kinds, in order of preference when two tables claim the same words.
KINDS = ("office", "intl", "country", "capital", "region", "demonym")


@dataclass(frozen=True)
class Place:
    """One table entry: what a phrase names."""

    kind: str  # one of KINDS
    name: str  # canonical name of the thing named
    label: str  # spaCy-style entity type: GPE, LOC, NORP, ORG, FAC
    country: str | None = None  # the country it belongs to / stands for


@dataclass
class Hit:
    """A table entry found in a Doc, as a token span [start, end)."""

    start: int
    end: int
    place: Place

    def span(self, doc: Doc) -> Span:
        return doc[self.start:self.end]


def _rows(filename: str) -> list[list[str]]:
    text = resources.files("newsgraph.data").joinpath(filename).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def country_canonical(name: str) -> str:
    return CANONICAL_OVERRIDES.get(name, name)


@lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """Every country name we know -> canonical country name."""
    out: dict[str, str] = {}
    for c in pycountry.countries:
        canon = country_canonical(getattr(c, "common_name", None) or c.name)
        for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if n and "," not in n and "(" not in n:
                out[n] = canon
    for alias, canon in _rows("country_aliases.tsv"):
        out[alias] = canon
    for canon in list(out.values()):
        out.setdefault(canon, canon)
    return out


def canonical_countries() -> set[str]:
    return set(countries().values())


@lru_cache(maxsize=1)
def entries() -> dict[str, Place]:
    """phrase -> Place for every table; later tables in KINDS order win ties."""
    table: dict[str, Place] = {}
    for dem, country in _rows("demonyms.tsv"):
        place = Place("demonym", dem, "NORP", country)
        table[dem] = place
        # The group noun: "Indians", "Israelis", "Filipinos".
        if dem[-1] in "nio":
            table[dem + "s"] = place
    for line in _rows("regions.txt"):
        table[line[0]] = Place("region", line[0], "LOC")
    # "New Mexico" is no mention of Mexico.
    table.update({name: Place("region", name, "GPE") for name in US_STATES_WITH_COUNTRY_NAMES})
    for name, country in _rows("capitals.tsv"):
        canon = name.split(",")[0]
        table[name] = Place("capital", canon, "GPE", country)
    for alias, canon in countries().items():
        table[alias] = Place("country", canon, "GPE", canon)
    for alias, canon in _rows("intl_orgs.tsv") + _rows("armed_groups.tsv"):
        table[alias] = Place("intl", canon, "ORG")
    for name, label, country in _rows("offices.tsv"):
        table[name] = Place("office", name, label, country)
    # Typographic variants: news writes both ' and ’.
    for phrase in list(table):
        if "'" in phrase:
            table.setdefault(phrase.replace("'", "\u2019"), table[phrase])
    return table


_lock = threading.Lock()
_matchers: dict[int, tuple[Vocab, PhraseMatcher]] = {}


def _matcher(vocab: Vocab) -> PhraseMatcher:
    """One PhraseMatcher per vocabulary, built on first use."""
    with _lock:
        held = _matchers.get(id(vocab))
        if held is not None and held[0] is vocab:
            return held[1]
        import spacy

        blank = spacy.blank("en", vocab=vocab)
        matcher = PhraseMatcher(vocab, attr="ORTH")
        matcher.add("PLACE", [blank.make_doc(p) for p in entries()])
        _matchers[id(vocab)] = (vocab, matcher)
        return matcher


def find(doc: Doc) -> list[Hit]:
    """Non-overlapping table hits in `doc`, longest first, in text order."""
    table = entries()
    spans = _matcher(doc.vocab)(doc, as_spans=True)
    hits: list[Hit] = []
    taken: set[int] = set()
    for sp in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if taken.intersection(range(sp.start, sp.end)):
            continue
        place = table.get(sp.text)
        if place is None:
            continue
        taken.update(range(sp.start, sp.end))
        hits.append(Hit(sp.start, sp.end, place))
    hits.sort(key=lambda h: h.start)
    return hits


def lookup_country(text: str) -> str | None:
    """The country a phrase names or stands for ("U.S.", "Indian", "India's", "New Delhi")."""
    t = text.strip()
    for suffix in ("'s", "\u2019s"):
        if t.endswith(suffix):
            t = t[: -len(suffix)]
    if t.startswith(("the ", "The ")):
        t = t[4:]
    place = entries().get(t)
    if place is None or place.kind in ("region", "intl"):
        return None
    return place.country


def lookup_intl(text: str) -> str | None:
    t = text[4:] if text.startswith(("the ", "The ")) else text
    place = entries().get(t)
    return place.name if place is not None and place.kind == "intl" else None
