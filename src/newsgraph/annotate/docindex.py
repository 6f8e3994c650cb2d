"""The `doc._.ng_*` attributes, and one cache of the look-ups components make on a Doc.

Attributes (registered once, when this module is imported):
- set from the Article before the pipeline runs (`pipeline.make_doc`): `ng_published` (the
  publication date, an ISO string or None) and `ng_title` (the headline or None);
- set by our components, in pipeline order: `ng_entities`, `ng_quotes`, `ng_events`,
  `ng_agreements` (lists of `record` dataclasses).

`index_of(doc)` is the per-Doc cache: the text, the token at a character, the entity at a
span or token, the DATE/TIME entities. spaCy rebuilds `doc.text` and `doc.ents` on every
access, and callers ask per token or per candidate, so each is computed once. The entity
look-ups follow `doc._.ng_entities` and are rebuilt when it is replaced. A component drops
the cache (`release`) when it is done, so no Doc leaves a component holding it (it refers
back to the Doc and would keep it alive past a memory zone).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.record import Entity

# Set by pipeline.make_doc from the Article, before any component runs.
INPUTS = ("ng_published", "ng_title")
# Set by our components.
OUTPUTS = ("ng_entities", "ng_quotes", "ng_events", "ng_agreements")

KEY = "newsgraph.docindex"


def register_extensions() -> None:
    for name in INPUTS + OUTPUTS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()


@dataclass
class _MentionIndex:
    """All mentions of one entity list, sorted by start, for quick lookups by span."""

    entities: list[Entity]
    size: int
    starts: list[int]
    spans: list[tuple[int, int, int, Entity]]  # start, end, order in the list, entity
    longest: int

    @classmethod
    def build(cls, ents: list[Entity]) -> _MentionIndex:
        spans = sorted((s, e, k, ent) for k, ent in enumerate(ents) for s, e in ent.mentions)
        return cls(ents, len(ents), [x[0] for x in spans], spans,
                   max((x[1] - x[0] for x in spans), default=0))

    def fits(self, ents: list[Entity]) -> bool:
        return self.entities is ents and self.size == len(ents)

    def best(self, start_char: int, end_char: int) -> Entity | None:
        best: Entity | None = None
        best_key = (0, False, 0)
        i = bisect.bisect_right(self.starts, end_char) - 1
        while i >= 0 and self.starts[i] >= start_char - self.longest:
            s, e, order, ent = self.spans[i]
            i -= 1
            overlap = min(e, end_char) - max(s, start_char)
            if overlap <= 0 and not (s == e == start_char == end_char):
                continue
            key = (max(overlap, 0), ent.type == "PERSON", -order)
            if best is None or key > best_key:
                best, best_key = ent, key
        return best


class DocIndex:
    """Look-ups on one Doc, each computed on first use."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._text: str | None = None
        self._dates: list[Span] | None = None
        self._mentions: _MentionIndex | None = None
        self._by_token: dict[int, Entity | None] = {}

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = self.doc.text
        return self._text

    @property
    def dates(self) -> list[Span]:
        """The DATE and TIME entities of the document."""
        if self._dates is None:
            self._dates = [e for e in self.doc.ents if e.label_ in ("DATE", "TIME")]
        return self._dates

    def token_at(self, char: int) -> Token | None:
        """The token whose text covers character `char` (None in the space after a token)."""
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def entity_at(self, start_char: int, end_char: int) -> Entity | None:
        """The entity with a mention overlapping [start_char, end_char), or None.

        When several overlap, the one with the largest overlap wins; ties go to a PERSON,
        since callers mostly ask "who is this" (a quote speaker, an event actor), then to
        the entity mentioned first.
        """
        ents = self.doc._.ng_entities or []
        if not ents:
            return None
        return self._index(ents).best(start_char, end_char)

    def entity_of(self, tok: Token) -> Entity | None:
        """`entity_at` for the characters of one token, remembered per token."""
        ents = self.doc._.ng_entities or []
        if not ents:
            return None
        self._index(ents)
        if tok.i not in self._by_token:
            self._by_token[tok.i] = self.entity_at(tok.idx, tok.idx + len(tok.text))
        return self._by_token[tok.i]

    def _index(self, ents: list[Entity]) -> _MentionIndex:
        held = self._mentions
        if held is None or not held.fits(ents):
            held = self._mentions = _MentionIndex.build(ents)
            self._by_token = {}
        return held


def index_of(doc: Doc) -> DocIndex:
    held = doc.user_data.get(KEY)
    if held is None:
        held = doc.user_data[KEY] = DocIndex(doc)
    return held  # type: ignore[no-any-return]


def release(doc: Doc) -> None:
    """Drop the Doc's cache (components call this when they are done)."""
    doc.user_data.pop(KEY, None)


def text_of(doc: Doc) -> str:
    """`doc.text`, computed once."""
    return index_of(doc).text


def token_at(doc: Doc, char: int) -> Token | None:
    return index_of(doc).token_at(char)


def entity_at(doc: Doc, start_char: int, end_char: int) -> Entity | None:
    """See `DocIndex.entity_at`."""
    return index_of(doc).entity_at(start_char, end_char)


def entity_of(tok: Token) -> Entity | None:
    """See `DocIndex.entity_of`."""
    return index_of(tok.doc).entity_of(tok)
