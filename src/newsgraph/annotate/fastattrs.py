"""The model's attribute ruler, compiled to table lookups: same output, a fraction of the time.

en_core_web_sm's `attribute_ruler` maps fine-grained tags to POS and morphology with 179
Matcher patterns tried at every token; profiling the pipeline on the demo corpus put it at
7% of all the time, more than our extraction and storage together. Its patterns are short
and fixed-length, and almost all of them name an exact TAG, LOWER or DEP value somewhere: that
value becomes a dictionary key, so each token only looks at the few patterns that can match
it. Patterns that use Matcher features not handled here (operators, other predicates) still
go through a spaCy Matcher, so any attribute ruler keeps working, only less fast.

Semantics kept from spaCy's AttributeRuler: all patterns are matched before any attribute
is set, and where several rules set the same attribute of a token, the later rule wins.
`tests/test_fastattrs.py` checks that both give identical token attributes on real text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

FACTORY = "newsgraph_fast_attribute_ruler_v1"

# Token attributes a compiled pattern may test; all are read at once with `Doc.to_array`, as
# the integers spaCy stores (string hashes, symbol ids, 0/1 for flags).
ATTRS = ("TAG", "LOWER", "ORTH", "DEP", "POS", "NORM", "LEMMA", "SHAPE", "ENT_TYPE",
         "IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "LIKE_NUM")
FLAGS = {"IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "LIKE_NUM"}
# Anchors are tried in this order: the most selective first.
ANCHOR_ORDER = ("LOWER", "ORTH", "NORM", "LEMMA", "TAG", "DEP", "POS", "ENT_TYPE", "SHAPE",
                "IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "LIKE_NUM")


@dataclass(frozen=True)
class Cond:
    attr: str
    kind: str  # "in", "not_in" or "regex"
    values: frozenset[int] = frozenset()
    regex: re.Pattern[str] | None = None

    def test(self, value: int, strings: StringStore) -> bool:
        if self.kind == "in":
            return value in self.values
        if self.kind == "not_in":
            return value not in self.values
        assert self.regex is not None
        return bool(self.regex.search(strings[value] if value else ""))


def _cond(attr: str, spec: Any, strings: StringStore) -> Cond | None:
    """One token condition, or None when it uses something this compiler does not know."""
    if attr not in ATTRS:
        return None
    if attr in FLAGS:
        return Cond(attr, "in", frozenset({int(spec)})) if isinstance(spec, bool) else None
    if isinstance(spec, str):
        return Cond(attr, "in", frozenset({strings.add(spec)}))
    if isinstance(spec, dict) and len(spec) == 1:
        ((op, arg),) = spec.items()
        if op in ("IN", "NOT_IN") and all(isinstance(a, str) for a in arg):
            return Cond(attr, op.lower(), frozenset(strings.add(a) for a in arg))
        if op == "REGEX" and isinstance(arg, str) and attr not in ("TAG", "DEP", "POS"):
            return Cond(attr, "regex", regex=re.compile(arg))
    return None


@dataclass(frozen=True)
class Rule:
    id: int
    tokens: tuple[tuple[Cond, ...], ...]
    index: int  # which token of the match gets the attributes (may be negative)

    def matches_at(self, cols: dict[str, list[int]], n: int, start: int,
                   strings: StringStore, skip: Cond | None = None) -> bool:
        if start < 0 or start + len(self.tokens) > n:
            return False
        for offset, conds in enumerate(self.tokens):
            for c in conds:
                if c is not skip and not c.test(cols[c.attr][start + offset], strings):
                    return False
        return True

    def target(self, start: int) -> int:
        return start + (self.index if self.index >= 0 else len(self.tokens) + self.index)


def _compile(rule_id: int, pattern: list[dict[str, Any]], index: int,
             strings: StringStore) -> Rule | None:
    tokens = []
    for tok in pattern:
        conds = [_cond(k, v, strings) for k, v in tok.items()]
        if not conds or any(c is None for c in conds):
            return None
        tokens.append(tuple(c for c in conds if c is not None))
    return Rule(rule_id, tuple(tokens), index)


@dataclass
class Entry:
    """What one anchor value triggers: rules that need no further check, and rules to check
    (with the token position the anchor stands at, and the anchor condition to skip)."""

    sure: list[int]
    check: list[tuple[Rule, int, Cond]]


class FastAttributeRuler:
    """Drop-in replacement for a loaded AttributeRuler (built from its patterns)."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.strings = ruler.vocab.strings
        self.attrs: list[dict[int, Any]] = list(ruler.attrs)
        self.indices: list[int] = list(ruler.indices)
        self.anchors: dict[str, dict[int, Entry]] = {}
        self.unanchored: list[Rule] = []
        self.matcher = Matcher(ruler.vocab)
        used: set[str] = set()
        for rule_id, raw in enumerate(ruler.patterns):
            spec: dict[str, Any] = dict(raw)
            for pattern in spec["patterns"]:
                rule = _compile(rule_id, pattern, spec["index"], self.strings)
                if rule is None:
                    self.matcher.add(str(rule_id), [pattern])
                    continue
                used.update(c.attr for conds in rule.tokens for c in conds)
                anchors = [(ANCHOR_ORDER.index(c.attr), pos, c)
                           for pos, conds in enumerate(rule.tokens) for c in conds
                           if c.kind == "in"]
                if not anchors:
                    self.unanchored.append(rule)
                    continue
                _, pos, cond = min(anchors, key=lambda a: (a[0], a[1]))
                sure = len(rule.tokens) == 1 and len(rule.tokens[0]) == 1
                table = self.anchors.setdefault(cond.attr, {})
                for value in cond.values:
                    entry = table.setdefault(value, Entry([], []))
                    if sure:
                        entry.sure.append(rule_id)
                    else:
                        entry.check.append((rule, pos, cond))
        self.columns = tuple(a for a in ATTRS if a in used)
        # Merged attributes per set of rules; few distinct sets occur, so this stays small.
        self._merged: dict[tuple[int, ...], dict[int, Any]] = {}

    def _merge(self, rules: tuple[int, ...]) -> dict[int, Any]:
        merged = self._merged.get(rules)
        if merged is None:
            merged = {}
            for r in rules:  # ascending: a later rule overrides an earlier one
                merged.update(self.attrs[r])
            self._merged[rules] = merged
        return merged

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        array = doc.to_array(list(self.columns)).reshape(n, len(self.columns))
        cols = {a: array[:, j].tolist() for j, a in enumerate(self.columns)}
        # Match everything first, set after: rules see the tagger's and parser's output only.
        hits: list[list[int]] = [[] for _ in range(n)]
        self._anchored(cols, n, hits)
        for rule in self.unanchored:
            self._unanchored(rule, cols, n, hits)
        if len(self.matcher):
            for match_id, start, end in self.matcher(doc, allow_missing=True):
                rule_id = int(self.strings[match_id])
                hits[doc[start:end][self.indices[rule_id]].i].append(rule_id)
        for i, found in enumerate(hits):
            if found:
                set_token_attrs(doc[i], self._merge(tuple(sorted(set(found)))))
        return doc

    def _anchored(self, cols: dict[str, list[int]], n: int, hits: list[list[int]]) -> None:
        """Rules found through an anchor value of some token."""
        for attr, table in self.anchors.items():
            for i, value in enumerate(cols[attr]):
                entry = table.get(value)
                if entry is None:
                    continue
                if entry.sure:
                    hits[i].extend(entry.sure)
                for rule, pos, cond in entry.check:
                    if rule.matches_at(cols, n, i - pos, self.strings, skip=cond):
                        hits[rule.target(i - pos)].append(rule.id)

    def _unanchored(self, rule: Rule, cols: dict[str, list[int]], n: int,
                    hits: list[list[int]]) -> None:
        """A rule with no exact value to look up, tried at every token."""
        strings = self.strings
        if len(rule.tokens) == 1:
            # Test each distinct value once (a regex on every token would cost more than
            # all the rest).
            conds = rule.tokens[0]
            ok = [{v for v in set(cols[c.attr]) if c.test(v, strings)} for c in conds]
            pairs = list(zip([cols[c.attr] for c in conds], ok, strict=True))
            for i in range(n):
                if all(col[i] in good for col, good in pairs):
                    hits[rule.target(i)].append(rule.id)
            return
        for i in range(n):
            if rule.matches_at(cols, n, i, strings):
                hits[rule.target(i)].append(rule.id)

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory(FACTORY, assigns=["token.pos", "token.morph", "token.lemma", "token.tag"],
                  requires=["token.tag"])
def make_fast_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        raise ValueError("the pipeline's attribute_ruler is not spaCy's AttributeRuler")
    return FastAttributeRuler(ruler)


def speed_up(nlp: Language) -> Language:
    """Replace the pipeline's attribute_ruler (if any) by the compiled one, in place."""
    if "attribute_ruler" in nlp.pipe_names and isinstance(nlp.get_pipe("attribute_ruler"),
                                                          AttributeRuler):
        nlp.add_pipe(FACTORY, name="fast_attribute_ruler", after="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
    return nlp
