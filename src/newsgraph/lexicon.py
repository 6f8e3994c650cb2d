"""Word lists and rule tables from `newsgraph/data/`, read once per process.

The files are plain text meant to be edited by hand (`data/README.md` lists them). In a TSV
file a line starting with `#` is a comment and runs of tabs separate the columns, so columns
may be lined up; "-" stands for an empty field. Every loader takes the file name, defaulting
to the shipped file (an absolute path names another file in the same format), and is
cached per name: the rules that read a table hold it in a module constant, and a test or a
component may load another table by name.

The module sits at the top of the package, not under `annotate/`, because `resolve/` and
`serve/` read the same tables (title words, nicknames, the PLOVER categories) without
importing spaCy.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

_COLUMNS = re.compile(r"\t+")


def data_text(name: str) -> str:
    """The text of a shipped data file, or of the file at `name` if it is an absolute path
    (another table in the same format)."""
    if os.path.isabs(name):
        return Path(name).read_text(encoding="utf-8")
    return resources.files("newsgraph").joinpath("data", name).read_text(encoding="utf-8")


def tsv_lines(name: str) -> list[tuple[int, list[str]]]:
    """The rows of a TSV data file with their line numbers, comments and blank lines left
    out, fields stripped."""
    rows = []
    for number, line in enumerate(data_text(name).splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append((number, [f.strip() for f in _COLUMNS.split(line.strip())]))
    return rows


def tsv_rows(name: str) -> list[list[str]]:
    """The rows of a TSV data file, comments and blank lines left out, fields stripped."""
    return [row for _, row in tsv_lines(name)]


def _words(field_text: str) -> list[str]:
    return [] if field_text == "-" else field_text.split()


@dataclass(frozen=True)
class TaggedWords:
    """A table of words, each with the uses (tags) it is listed for and extra columns."""

    tags: dict[str, frozenset[str]] = field(default_factory=dict)
    columns: dict[str, dict[str, str]] = field(default_factory=dict)

    def tagged(self, *tags: str) -> frozenset[str]:
        """The words listed for any of `tags`."""
        return frozenset().union(*(self.tags.get(t, frozenset()) for t in tags))

    def column(self, name: str) -> dict[str, str]:
        """word -> value of column `name`, for the words that have one."""
        return self.columns.get(name, {})


def _tagged_table(name: str, extra: tuple[str, ...], tags_last: bool) -> TaggedWords:
    """Rows `word<TAB>extra...<TAB>tags` (or `word<TAB>tags<TAB>extra...`)."""
    tags: dict[str, set[str]] = {}
    columns: dict[str, dict[str, str]] = {c: {} for c in extra}
    for row in tsv_rows(name):
        word, rest = row[0], row[1:]
        if len(rest) != len(extra) + 1:
            raise ValueError(f"{name}: {word!r} has {len(rest) + 1} columns, "
                             f"expected {len(extra) + 2}")
        tag_field, values = (rest[-1], rest[:-1]) if tags_last else (rest[0], rest[1:])
        for t in _words(tag_field):
            tags.setdefault(t, set()).add(word)
        for c, v in zip(extra, values, strict=True):
            if v != "-":
                columns[c][word] = v
    return TaggedWords({t: frozenset(w) for t, w in tags.items()}, columns)


# ------------------------------------------------------------------ titles and honorifics


@dataclass(frozen=True)
class TitleWords:
    """`titles.tsv`: title words and honorifics by use, and the gender some of them tell."""

    table: TaggedWords

    def words(self, use: str) -> frozenset[str]:
        return self.table.tagged(use)

    def gendered(self, gender: str) -> list[str]:
        """The written forms that tell `gender` ("m"/"f") before a name: capitalised, and in
        capitals where the row says `gender_caps`."""
        caps = self.table.tagged("gender_caps")
        out = []
        for word, g in sorted(self.table.column("gender").items()):
            if g == gender:
                out.append(word.capitalize())
                if word in caps:
                    out.append(word.upper())
        return out


@cache
def titles(name: str = "titles.tsv") -> TitleWords:
    return TitleWords(_tagged_table(name, ("gender",), tags_last=True))


# ------------------------------------------------------------------ bylines


@cache
def byline_words(name: str = "byline_words.tsv") -> TaggedWords:
    """`byline_words.tsv`: byline prefixes, name joiners and job titles, by use."""
    return _tagged_table(name, (), tags_last=True)


@cache
def not_people(name: str = "not_people.tsv") -> TaggedWords:
    """`not_people.tsv`: words that make a PERSON span something else, by use."""
    return _tagged_table(name, (), tags_last=True)


@cache
def role_words(name: str = "role_words.tsv") -> TaggedWords:
    """`role_words.tsv`: words of roles said in a noun phrase, by use."""
    return _tagged_table(name, (), tags_last=True)


@cache
def contest_words(name: str = "contest_words.tsv") -> TaggedWords:
    """`contest_words.tsv`: words of an electoral contest, by use."""
    return _tagged_table(name, (), tags_last=True)


@cache
def description_words(name: str = "description_words.tsv") -> TaggedWords:
    """`description_words.tsv`: modifiers of a description that refers back to a person."""
    return _tagged_table(name, (), tags_last=True)


@cache
def travel_words(name: str = "travel_words.tsv") -> TaggedWords:
    """`travel_words.tsv`: words of a journey, and the prepositions of its ends, by use."""
    return _tagged_table(name, (), tags_last=True)


@cache
def org_heads(name: str = "org_heads.tsv") -> TaggedWords:
    """`org_heads.tsv`: posts of an organisation's head and staff, and words of private
    organisations' names, by use."""
    return _tagged_table(name, (), tags_last=True)


@cache
def public_bodies(name: str = "public_bodies.tsv") -> TaggedWords:
    """`public_bodies.tsv`: head words of the names of public bodies, by use."""
    return _tagged_table(name, (), tags_last=True)


@cache
def occupations(name: str = "occupations.tsv") -> TaggedWords:
    """`occupations.tsv`: occupations and professions (one or more words), by use."""
    return _tagged_table(name, (), tags_last=True)


@cache
def relative_roles(name: str = "relative_roles.tsv") -> dict[str, str]:
    """`relative_roles.tsv`: verb form of a relative clause -> the role it gives."""
    out = {}
    for number, row in tsv_lines(name):
        if len(row) != 2:
            raise ValueError(f"{name}:{number}: expected 2 columns, got {len(row)}")
        out[row[0]] = row[1]
    return out


@dataclass(frozen=True)
class PartyLabel:
    """A row of `parties.tsv`: a party label, its party, its country, the country the
    article must name for the row to apply (None: any article) and the label as a role."""

    label: str
    party: str
    country: str
    needs: str | None
    role: str


@dataclass(frozen=True)
class TitleCountry:
    """A row of `title_countries.tsv`: a role, the country it tells, the evidence needed."""

    role: str
    country: str
    needs: str


@cache
def title_countries(name: str = "title_countries.tsv") -> dict[str, list[TitleCountry]]:
    """`title_countries.tsv`: role (lower case) -> its rows, in file order."""
    out: dict[str, list[TitleCountry]] = {}
    for number, row in tsv_lines(name):
        if len(row) != 3:
            raise ValueError(f"{name}:{number}: expected 3 columns, got {len(row)}")
        out.setdefault(row[0], []).append(TitleCountry(*row))
    return out


@cache
def parties(name: str = "parties.tsv") -> dict[str, list[PartyLabel]]:
    """`parties.tsv`: label -> its rows, in file order."""
    out: dict[str, list[PartyLabel]] = {}
    for number, row in tsv_lines(name):
        if len(row) != 5:
            raise ValueError(f"{name}:{number}: expected 5 columns, got {len(row)}")
        label, party, country, needs, role = row
        out.setdefault(label, []).append(
            PartyLabel(label, party, country, None if needs == "-" else needs, role))
    return out


# ------------------------------------------------------------------ speech cues


@cache
def cue_verbs(name: str = "cue_verbs.tsv") -> TaggedWords:
    """`cue_verbs.tsv`: cue lemmas by use, with columns particles, irregular, before_quote."""
    return _tagged_table(name, ("particles", "irregular", "before_quote"), tags_last=True)


# ------------------------------------------------------------------ group words


@cache
def groups(name: str = "groups.tsv") -> TaggedWords:
    """`groups.tsv`: words that speak of several people or sides, by use."""
    return _tagged_table(name, (), tags_last=True)


# ------------------------------------------------------------------ nicknames


@dataclass(frozen=True)
class Nicknames:
    """`nicknames.tsv`: groups of forms of one given name (resolve/names) and the short forms
    coref rewrites to their given name (annotate/entities/coref)."""

    groups: list[frozenset[str]]
    coref: dict[str, str]


@cache
def nicknames(name: str = "nicknames.tsv") -> Nicknames:
    groups: list[frozenset[str]] = []
    coref: dict[str, str] = {}
    for given, forms, short in tsv_rows(name):
        if _words(forms):
            groups.append(frozenset([given, *_words(forms)]))
        for s in _words(short):
            if coref.setdefault(s, given) != given:
                raise ValueError(f"{name}: coref form {s!r} names two given names")
    return Nicknames(groups, coref)


# ------------------------------------------------------------------ PLOVER categories


@dataclass(frozen=True)
class PloverScheme:
    """`plover_scheme.json`: categories, their quad classes and modes, and the modalities."""

    categories: tuple[str, ...]  # in the codebook's order
    classes: tuple[str, ...]  # quad classes, cooperation to conflict
    class_label: dict[str, str]
    class_of: dict[str, str]
    modes: dict[str, tuple[str, ...]]
    intent_is_agree: frozenset[str]
    modalities: tuple[str, ...]

    def by_class(self) -> tuple[str, ...]:
        """The categories class by class (in the order of `classes`), codebook order within."""
        return tuple(c for k in self.classes for c in self.categories if self.class_of[c] == k)


@cache
def plover_scheme(name: str = "plover_scheme.json") -> PloverScheme:
    doc = json.loads(data_text(name))
    cats = doc["categories"]
    return PloverScheme(
        categories=tuple(c["name"] for c in cats),
        classes=tuple(k["name"] for k in doc["classes"]),
        class_label={k["name"]: k["label"] for k in doc["classes"]},
        class_of={c["name"]: c["class"] for c in cats},
        modes={c["name"]: tuple(c["modes"]) for c in cats},
        intent_is_agree=frozenset(c["name"] for c in cats if c["intent_is_agree"]),
        modalities=tuple(doc["modalities"]))


# ------------------------------------------------------------------ PLOVER lexicon

Sense = tuple[str, str | None]  # category, mode


@dataclass(frozen=True)
class PloverLexicon:
    """`plover_lexicon.json`: the default sense of trigger verbs and nouns, the named word
    lists of the event rules, phrasal senses and irregular forms."""

    verbs: dict[str, Sense]
    nouns: dict[str, Sense]  # in the order of the file: the first lemma claims a shared form
    lists: dict[str, frozenset[str]]
    phrasal: dict[tuple[str, str], Sense]
    irregular_verbs: dict[str, str]
    irregular_nouns: dict[str, str]

    def words(self, name: str) -> frozenset[str]:
        return self.lists[name]


def _joined(words: str | list[str]) -> list[str]:
    """A word list written as one string or as lines of one."""
    return (words if isinstance(words, str) else " ".join(words)).split()


def _senses(name: str, part: str, entries: list[dict[str, object]]) -> dict[str, Sense]:
    out: dict[str, Sense] = {}
    for e in entries:
        for w in _joined(e["words"]):  # type: ignore[arg-type]
            if w in out:
                raise ValueError(f"{name}: {part} {w!r} is in two entries")
            out[w] = (str(e["category"]), e["mode"])  # type: ignore[assignment]
    return out


@cache
def plover_lexicon(name: str = "plover_lexicon.json") -> PloverLexicon:
    doc = json.loads(data_text(name))
    return PloverLexicon(
        verbs=_senses(name, "verb", doc["verbs"]),
        nouns=_senses(name, "noun", doc["nouns"]),
        lists={k: frozenset(_joined(v["words"])) for k, v in doc["lists"].items()},
        phrasal={(p["verb"], p["particle"]): (p["category"], p["mode"]) for p in doc["phrasal"]},
        irregular_verbs=dict(doc["irregular_verbs"]),
        irregular_nouns=dict(doc["irregular_nouns"]))


@cache
def event_judge(name: str = "event_judge.json") -> dict[str, Any]:
    """`event_judge.json`: the event judge's weights, bias and threshold (see
    `annotate/events/judge.py`); an empty judge (threshold 0) when the file is absent."""
    try:
        return dict(json.loads(data_text(name)))
    except FileNotFoundError:
        return {"weights": {}, "bias": 0.0, "threshold": 0.0}


def event_threshold() -> float:
    """The confidence below which the views hide an event by default."""
    return float(event_judge()["threshold"])


@dataclass(frozen=True)
class EventIdf:
    """`event_idf.tsv`: in how many event reports of a reference corpus each word and each
    actor occur (`n_docs` reports in all); event clustering weighs words and actors by it."""

    n_docs: int
    words: dict[str, int] = field(default_factory=dict)
    actors: dict[str, int] = field(default_factory=dict)   # by folded name


@cache
def event_idf(name: str = "event_idf.tsv") -> EventIdf:
    n_docs, tables = 0, {"word": {}, "actor": {}}   # type: tuple[int, dict[str, dict[str, int]]]
    for number, row in tsv_lines(name):
        if len(row) != 3 or not row[2].isdigit() or (row[0] not in tables and row[0] != "docs"):
            raise ValueError(f"{name}:{number}: expected 'word|actor|docs<TAB>key<TAB>count'")
        if row[0] == "docs":
            n_docs = int(row[2])
        else:
            tables[row[0]][row[1]] = int(row[2])
    return EventIdf(n_docs, tables["word"], tables["actor"])
