"""The Article record: the one type every stage reads and writes.

`Article.to_dict()` is the JSON that `newsgraph analyze` prints (see README, "The Article
record"). Offsets are character offsets into `Article.text`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import re
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

Span = list[int]  # [start, end) character offsets into Article.text

QuoteKind = Literal["direct", "mixed", "indirect", "belief"]
# Who a quote is from: a named person, an organisation or country speaking as one, a person
# left unnamed on purpose ("a senior official"), a person described but not named ("the
# doctor"), or a text ("a joint statement", "the indictment").
SpeakerKind = Literal["person", "organisation", "anonymous", "descriptor", "document",
                      "unattributed"]
ActorRole = Literal["source", "target", "participant"]
Modality = Literal["occurred", "ongoing", "planned", "intended", "hypothetical", "negated"]
# How exactly a place is known: a building or base, a town, a province or state, only a
# country, or a region of several countries (a sea, "the Middle East").
GeoPrecision = Literal["facility", "city", "admin1", "country", "region"]

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_day(value: str | dt.date | None) -> dt.date | None:
    """The calendar day of `YYYY-MM-DD` (or of a longer ISO timestamp, whose first ten
    characters it is); None when the value names no valid day. Publication dates are parsed
    here once, where they enter (a feed, a page, a command-line option, a stored record)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    m = _DAY.match(value.strip())
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def day_text(value: dt.date | str | None) -> str | None:
    """A day as the record prints it: `YYYY-MM-DD`, or None."""
    return value.isoformat() if isinstance(value, dt.date) else value


@dataclass
class Removed:
    """A piece of the input that extraction dropped, and why."""

    reason: str
    text: str


@dataclass
class Geo:
    """Where a place or an event is, at the precision the text supports: a country or a region
    has no point (lat, lon null); GeoNames id where the place is a GeoNames place."""

    precision: GeoPrecision
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    name: str | None = None  # the place's own name ("Arlington", "Pentagon")


@dataclass
class Entity:
    id: str
    name: str
    type: str
    roles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    mentions: list[Span] = field(default_factory=list)
    # The article's own wording of each role ("Defence Secretary"), parallel to `roles`
    # when it differs from the normalised form.
    role_texts: list[str] = field(default_factory=list)
    # Which rule gave `affiliation` (docs/entities.md, "Affiliation"): title, role, office,
    # international-organisation, party, organisation, title-in-context, article.
    affiliation_source: str | None = None
    # The organisation a person works for or belongs to ("Stratfor", "Tufts University",
    # the party of a party label).
    organisation: str | None = None
    # The party label the article gives a person ("Republican", "BJP").
    party: str | None = None
    # Places (GPE, LOC, FAC): where it is, from geocoding in the article's context.
    geo: Geo | None = None


@dataclass
class Quote:
    id: str
    text: str
    kind: QuoteKind
    span: Span
    speaker: str | None = None
    speaker_id: str | None = None
    speaker_span: Span | None = None
    cue: str | None = None
    # True for a journalist's question in a transcript ("QUESTION: ...").
    is_question: bool = False
    # What kind of source the quote has (None where it has none), the source phrase as
    # written ("people familiar with the talks", "the ministry") and the organisation or
    # country the source stands for when the text gives it.
    speaker_kind: SpeakerKind | None = None
    source_text: str | None = None
    speaker_for: str | None = None
    # True for an attribution in the headline ("Trump: ..."): `span` and `speaker_span` are
    # offsets into the article's title, not its text.
    in_title: bool = False


@dataclass
class EventActor:
    id: str | None
    name: str
    role: ActorRole
    affiliation: str | None = None


@dataclass
class Event:
    id: str
    category: str
    mode: str | None = None
    actors: list[EventActor] = field(default_factory=list)
    location: str | None = None
    location_country: str | None = None
    # A day (YYYY-MM-DD) or null; an expression naming a coarser time ("last week",
    # "next month") leaves `date` null and gives the ISO 8601 period in `period`
    # ("2025-W26", "2025-08", "2025").
    date: str | None = None
    date_text: str | None = None
    period: str | None = None
    modality: Modality = "occurred"
    sentence: str = ""
    span: Span = field(default_factory=lambda: [0, 0])
    trigger: str | None = None
    # The event judge's probability (0-1) that this is a real event of its category with
    # an actor right; views hide events below the judge's threshold. None: not judged.
    confidence: float | None = None
    # Where the event happened: its location resolved, or its country when the text gives
    # only that; null when the text does not say.
    geo: Geo | None = None


@dataclass
class Agreement:
    name: str
    kind: str
    parties: list[str] = field(default_factory=list)
    status: str = "proposed"
    span: Span = field(default_factory=lambda: [0, 0])
    # Arms sales and procurement only.
    system: str | None = None
    quantity: int | None = None
    value: str | None = None
    supplier: str | None = None
    recipient: str | None = None


@dataclass
class Article:
    id: str
    text: str
    title: str | None = None
    # The publication day; printed as `YYYY-MM-DD` (a string in that form is accepted here
    # and parsed, as `from_dict` reads it).
    published: dt.date | None = None
    authors: list[str] = field(default_factory=list)
    url: str | None = None
    site: str | None = None
    removed: list[Removed] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    # Where the input came from (path, jsonl line, url); not part of the identity.
    source: str | None = None
    # The language of `text` (ISO 639-1) and the detector's probability for it (0..1);
    # None when the text has no letters to tell by.
    language: str | None = None
    language_confidence: float | None = None
    # False when the annotators (English-only) were not run on the text, because it is in
    # another language; `annotation_skipped` then says why. Entities, quotes, events and
    # agreements are empty for such an article.
    annotated: bool = True
    annotation_skipped: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.published, dt.date):
            self.published = parse_day(self.published)

    @staticmethod
    def make_id(text: str) -> str:
        """Stable id: the same clean text always gets the same id."""
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

    @classmethod
    def new(cls, text: str, **kw: Any) -> Article:
        return cls(id=cls.make_id(text), text=text, **kw)

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["published"] = day_text(self.published)
        order = ["id", "title", "published", "authors", "url", "site", "text", "removed",
                 "entities", "quotes", "events", "agreements", "source", "language",
                 "language_confidence", "annotated", "annotation_skipped"]
        return {k: d[k] for k in order}

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        return _build(cls, d)

    def people(self) -> list[Entity]:
        return [e for e in self.entities if e.type == "PERSON"]


@functools.cache
def _fields(tp: type) -> tuple[dict[str, Any], frozenset[str]]:
    """A record class's field types and names (reading the hints costs ~1 ms a call)."""
    return get_type_hints(tp), frozenset(f.name for f in dataclasses.fields(tp))


def _build(tp: Any, value: Any) -> Any:
    """Rebuild nested dataclasses from plain JSON values."""
    if value is None:
        return None
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        hints, names = _fields(tp)
        return tp(**{k: _build(hints[k], v) for k, v in value.items() if k in names})
    origin = get_origin(tp)
    if origin is list:
        (inner,) = get_args(tp) or (Any,)
        return [_build(inner, v) for v in value]
    if origin in (Union, types.UnionType):
        for arg in get_args(tp):
            if arg is type(None):
                continue
            return _build(arg, value)
    return value


# ---------------------------------------------------------------- JSON Schema


# JSON types of the leaf values; a day is the `YYYY-MM-DD` string the record prints.
_SIMPLE: dict[Any, str] = {str: "string", int: "integer", float: "number", bool: "boolean",
                           type(None): "null", dt.date: "string"}


def _schema_for(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    if tp is typing.Any:
        return {}
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return _dataclass_schema(tp, defs)
    if get_origin(tp) is not None:
        return _generic_schema(tp, defs)
    if tp in _SIMPLE:
        return {"type": _SIMPLE[tp]}
    raise TypeError(f"no JSON Schema for {tp!r}")


def _dataclass_schema(tp: type, defs: dict[str, Any]) -> dict[str, Any]:
    """A `$ref` to the class, defined in `defs` on first use."""
    name = tp.__name__
    if name not in defs:
        defs[name] = {}  # placeholder against recursion
        hints = get_type_hints(tp)
        props: dict[str, Any] = {}
        required: list[str] = []
        for f in dataclasses.fields(tp):
            props[f.name] = _schema_for(hints[f.name], defs)
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                required.append(f.name)
        defs[name] = {"type": "object", "properties": props, "required": required,
                      "additionalProperties": False}
        if tp.__doc__ and not tp.__doc__.startswith(name + "("):
            defs[name]["description"] = tp.__doc__.strip().splitlines()[0]
    return {"$ref": f"#/$defs/{name}"}


def _generic_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    """list[...], Literal[...] and unions."""
    origin, args = get_origin(tp), get_args(tp)
    if origin is list:
        return {"type": "array", "items": _schema_for(args[0], defs) if args else {}}
    if origin is Literal:
        return {"enum": list(args)}
    if origin in (Union, types.UnionType):
        return {"anyOf": [_schema_for(a, defs) for a in args]}
    raise TypeError(f"no JSON Schema for {tp!r}")


def json_schema() -> dict[str, Any]:
    """JSON Schema (2020-12) of `Article.to_dict()`, generated from the dataclasses."""
    defs: dict[str, Any] = {}
    _schema_for(Article, defs)
    root = dict(defs.pop("Article"))
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://newsgraph.invalid/article.schema.json",
            "title": "Article", **root, "$defs": defs}
