"""Resolution gives the same numbers in every process: a word weight summed over a set of
strings must not depend on the set's iteration order, which follows the hash seed."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = """
from newsgraph.resolve.terms import Idf
words = [f"w{i}" for i in range(300)]
idf = Idf.build([frozenset(words[:k]) for k in range(1, 301)])
s = frozenset(words)
print(repr(idf.total(s)), repr(idf.overlap(s, frozenset(words[::3]))))
"""


def _run(seed: int) -> str:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True,
                          text=True, check=True)
    return done.stdout.strip()


def test_weights_do_not_depend_on_the_hash_seed() -> None:
    outputs = {_run(seed) for seed in (1, 2, 3, 4, 5)}
    assert len(outputs) == 1, outputs
