"""The language of an article's clean text: an ISO 639-1 code and a confidence in 0..1.

py3langid's Naive Bayes model with normalised probabilities (its `norm_probs` mode scales the
scores by the text's length before the softmax, so that the confidence means the same for a
short and a long text). The model also knows a few languages that have no two-letter code
(`yue`, `gom`, ...); it is restricted to the two-letter ones so that every answer is ISO 639-1.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

# The first few thousand characters decide the language as well as the whole text does, and
# the model walks the text byte by byte in Python.
SAMPLE_CHARS = 4000
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Language:
    code: str
    confidence: float


@functools.cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages([code for code in ident.labels if len(code) == 2])
    return ident


def detect_language(text: str) -> Language | None:
    """The most probable language of `text`; None for a text without letters."""
    sample = text[:SAMPLE_CHARS]
    if not _LETTER.search(sample):
        return None
    code, confidence = _identifier().classify(sample)
    return Language(code=str(code), confidence=round(min(max(float(confidence), 0.0), 1.0), 4))
