"""Country names as pycountry spells their common name ("United States", "India").

Used to compare affiliations, agreement parties and dyad sides written in different ways
("U.S.", "USA", "America", "Republic of India").
"""

from __future__ import annotations

import functools
import re
from typing import Any

import pycountry

# Spellings pycountry does not know, or knows under another name.
ALIASES = {
    "us": "United States", "u s": "United States", "usa": "United States",
    "u s a": "United States", "america": "United States",
    "united states of america": "United States", "the united states": "United States",
    "uk": "United Kingdom", "u k": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "south korea": "Korea, Republic of", "republic of korea": "Korea, Republic of",
    "rok": "Korea, Republic of", "north korea": "Korea, Democratic People's Republic of",
    "dprk": "Korea, Democratic People's Republic of", "russia": "Russian Federation",
    "iran": "Iran, Islamic Republic of", "taiwan": "Taiwan, Province of China",
    "vietnam": "Viet Nam", "prc": "China", "people's republic of china": "China",
    "republic of india": "India", "syria": "Syrian Arab Republic",
    "czech republic": "Czechia", "turkey": "Türkiye", "uae": "United Arab Emirates",
}


def _key(name: str) -> str:
    return re.sub(r"[^a-z' ]+", " ", name.lower().replace(".", " ")).strip()


def _common(country: Any) -> str:
    return str(getattr(country, "common_name", None) or country.name)


@functools.lru_cache(maxsize=1 << 17)
def canonical_country(name: str | None) -> str | None:
    """The pycountry common name of a country, or None when `name` is not a country."""
    if not name or not name.strip():
        return None
    key = " ".join(_key(name).split())
    if key.startswith("the "):
        key = key[4:]
    target = ALIASES.get(key)
    if target is None and len(key.replace(" ", "")) <= 3:
        # "in", "and", "can", "per" are ISO codes too; short forms count only when listed
        return None
    try:
        country = pycountry.countries.lookup(target or name.strip())
    except LookupError:
        return None
    return _common(country)


def same_country(a: str | None, b: str | None) -> bool:
    ca, cb = canonical_country(a), canonical_country(b)
    return ca is not None and ca == cb


def compatible_affiliation(a: str | None, b: str | None) -> bool:
    """Unknown is compatible with anything; two known affiliations must agree."""
    if not a or not b:
        return True
    ca, cb = canonical_country(a) or a.strip().lower(), canonical_country(b) or b.strip().lower()
    return ca == cb
