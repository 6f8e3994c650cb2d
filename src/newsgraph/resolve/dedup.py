"""Near-duplicate texts (wire copies): bottom-k sketches of word 5-gram shingles.

A sketch is the k smallest 64-bit hashes of an article's shingles. Two sketches estimate the
Jaccard similarity of the shingle sets: among the k smallest hashes of their union, the share
found in both. Candidate pairs come from an inverted index over sketch values, so no pair of
unrelated articles is ever compared.
"""

from __future__ import annotations

import hashlib
import heapq
import re
import struct
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

K = 64
SHINGLE = 5
# Share of shingles two texts must share to count as copies of one another.
THRESHOLD = 0.8
# Sketch values shared by more articles than this are boilerplate, useless as evidence.
MAX_POSTING = 500

_WORD = re.compile(r"\w+")


def sketch(text: str, k: int = K) -> bytes:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        grams = {" ".join(words)} if words else set()
    else:
        grams = {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    hashes = {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "little")
              for g in grams}
    smallest = heapq.nsmallest(k, hashes)
    return struct.pack(f"<{len(smallest)}Q", *smallest)


def unpack(blob: bytes | None) -> tuple[int, ...]:
    if not blob:
        return ()
    return struct.unpack(f"<{len(blob) // 8}Q", blob)


def similarity(a: tuple[int, ...], b: tuple[int, ...], k: int = K) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    if not a or not b:
        return 0.0
    sa, sb = set(a), set(b)
    union = heapq.nsmallest(k, sa | sb)
    return sum(1 for h in union if h in sa and h in sb) / len(union)


@dataclass
class Copy:
    article_id: str
    duplicate_of: str
    similarity: float


class _Groups:
    """Union-find over article positions; the earlier article stays the root."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def _postings(sketches: list[tuple[str, tuple[int, ...]]]) -> dict[int, list[int]]:
    """Sketch value -> positions of the articles whose sketch holds it, in order."""
    postings: dict[int, list[int]] = defaultdict(list)
    for i, (_, sk) in enumerate(sketches):
        for h in sk:
            postings[h].append(i)
    return postings


def common_values(counts: Iterable[tuple[int, int]]) -> frozenset[int]:
    """The sketch values that are boilerplate, from (value, number of articles) pairs."""
    return frozenset(h for h, n in counts if n > MAX_POSTING)


def _earlier_candidates(i: int, sk: tuple[int, ...], postings: dict[int, list[int]],
                        threshold: float, common: frozenset[int] | None) -> list[int]:
    """Earlier articles sharing enough sketch values with article `i` to be worth comparing
    (values shared by very many articles, boilerplate, are no evidence)."""
    shared: Counter[int] = Counter()
    for h in sk:
        post = postings[h]
        if (len(post) > MAX_POSTING) if common is None else (h in common):
            continue
        shared.update(j for j in post if j < i)
    need = needed(len(sk), threshold)
    return [j for j, n in shared.items() if n >= need]


def needed(n_values: int, threshold: float = THRESHOLD) -> int:
    """How many sketch values a later article with `n_values` must share with an earlier one
    to be compared with it."""
    return max(1, int(threshold * min(n_values, K) * 0.5))


def find_copies(items: Iterable[tuple[str, bytes | None]], threshold: float = THRESHOLD,
                common: frozenset[int] | None = None) -> list[Copy]:
    """Group near-identical articles; each copy points at the first article of its group.

    `items` are (article_id, sketch) in the order that decides which article is the original
    (callers pass them by publication date, then id), so the result does not depend on the
    order articles were ingested in. `common` are the boilerplate values of the whole store
    when `items` are only some of its articles (groups of copies, whole); by default they
    are found among `items`.
    """
    sketches: list[tuple[str, tuple[int, ...]]] = [(a, unpack(s)) for a, s in items]
    postings = _postings(sketches)
    groups = _Groups(len(sketches))
    best: dict[int, float] = {}
    for i, (_, sk) in enumerate(sketches):
        for j in _earlier_candidates(i, sk, postings, threshold, common):
            sim = similarity(sk, sketches[j][1])
            if sim >= threshold:
                groups.union(i, j)
                best[i] = max(best.get(i, 0.0), sim)
                best[j] = max(best.get(j, 0.0), sim)
    out = []
    for i, (aid, _) in enumerate(sketches):
        root = groups.find(i)
        if root != i:
            out.append(Copy(aid, sketches[root][0], round(best.get(i, threshold), 3)))
    return out
