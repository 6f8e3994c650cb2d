"""Distinctive words shared by two sentences, weighted by how rare they are in the store.

Two reports of one meeting often share no annotated actor ("today's 2+2 is an opportunity",
"the 2+2 Ministerial Dialogue held on April 11") but share the words that name it; words
every report uses ("said", "United States") weigh next to nothing. The weight of a word is
its inverse document frequency over the report sentences of a reference corpus
(`data/event_idf.tsv`), not over the store: a weight that changes with every stored report
would make every clustering depend on the whole store, so no part of it could be redone
alone.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

# "2+2", "u.s.-india" and "co-production" stay one word.
_TOKEN = re.compile(r"[a-z0-9]+(?:[+\-'.][a-z0-9]+)*")
STOP = frozenset("""
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself yourselves
said says say today yesterday tomorrow week month year mr ms mrs dr also one two new
""".split())


def terms(text: str) -> frozenset[str]:
    return frozenset(t for t in _TOKEN.findall(text.lower()) if t not in STOP and len(t) > 1)


@dataclass
class Idf:
    n_docs: int
    weights: dict[str, float]
    default: float | None = None   # the weight of a word not in `weights`

    @classmethod
    def build(cls, docs: Iterable[frozenset[str]]) -> Idf:
        df: Counter[str] = Counter()
        n = 0
        for d in docs:
            df.update(d)
            n += 1
        return cls(n, {t: math.log((n + 1) / (c + 1)) for t, c in df.items()})

    @classmethod
    def from_counts(cls, n_docs: int, df: dict[str, int]) -> Idf:
        """Weights from a table of document frequencies; a word the table lacks weighs as
        one found in a single document (the table leaves those out)."""
        return cls(n_docs, {t: math.log((n_docs + 1) / (c + 1)) for t, c in df.items()},
                   math.log((n_docs + 1) / 2))

    def weight(self, term: str) -> float:
        w = self.weights.get(term)
        if w is not None:
            return w
        return self.default if self.default is not None else math.log(self.n_docs + 1)

    def weight_of_df(self, df: int) -> float:
        """The weight of a word found in `df` documents."""
        return math.log((self.n_docs + 1) / (df + 1))

    def total(self, words: frozenset[str]) -> float:
        # fsum is exactly rounded, so the total does not depend on the order a set of
        # strings iterates in, which changes with each process's hash seed.
        return math.fsum(self.weight(t) for t in words)

    def overlap(self, a: frozenset[str], b: frozenset[str], total_a: float | None = None,
                total_b: float | None = None) -> float:
        """Weight of the shared words over the weight of the smaller set's words (0..1).
        Callers comparing one set many times pass its total weight."""
        if not a or not b:
            return 0.0
        shared = a & b
        if not shared:
            return 0.0
        smaller = min(self.total(a) if total_a is None else total_a,
                      self.total(b) if total_b is None else total_b)
        return math.fsum(self.weight(t) for t in shared) / smaller if smaller > 0 else 0.0
