"""Gender of a person from the given name, for resolving "he" and "she".

The names table is the one gender-guesser ships (offline, no lookup): only names it gives as
"male" or "female" count; "mostly_male", "mostly_female", "andy" (either) and unknown names
give no gender. The table is read once, on the first name asked about.
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _detector() -> Any:
    import gender_guesser.detector as guesser

    return guesser.Detector(case_sensitive=False)


_GENDERS = {"male": "m", "female": "f"}


def of_given_name(name: str, skip: frozenset[str]) -> str | None:
    """"m", "f" or None for the first word of `name` that is a given name: words in `skip`
    (titles, honorifics) and initials ("J.") are passed over; a name of one word (a surname
    alone) tells nothing."""
    words = [w.strip(",") for w in name.split()]
    words = [w for w in words if w.lower().rstrip(".") not in skip]
    if len(words) < 2:
        return None
    first = words[0]
    if first.endswith(".") or len(first) < 2 or not first[:1].isupper():
        return None
    return _GENDERS.get(_detector().get_gender(first))


def is_given_name(name: str, skip: frozenset[str]) -> bool:
    """Whether `name` has two or three capitalised words and opens with a word the table knows
    as a given name, of either gender ("Brett O'Donnell", "Chris Lane")."""
    words = [w.strip(",") for w in name.split()]
    words = [w for w in words if w.lower().rstrip(".") not in skip]
    if not 2 <= len(words) <= 3 or any(not w[:1].isupper() or w.isupper() for w in words):
        return False
    return _detector().get_gender(words[0]) != "unknown"
