"""The article's title: the page's headline without the site's name.

Pages put their name around the headline in <title> and og:title: "Headline - Lesotho
Times", "Headline | TechCrunch | Politics", "Headline | DW | 28.04.2023", "Site: Headline".
A part is cut only with evidence that it is the site: it matches one of the names the page
gives itself (og:site_name, application-name, the JSON-LD publisher, its handle, its domain
"lesothotimes.com" ~ "Lesotho Times"), or is a date or a byline standing after the headline.
A two-part headline ("Biden in Kyiv: what we know") has no such part and stays whole.
"""

from __future__ import annotations

import re
import unicodedata

from newsgraph.extract.meta import PageMeta

# Separators between a headline and the site's name: spaced dashes, bars, colons, bullets,
# double colons; bars, the full-width colon and bar of CJK pages and the Hangul letter ㅣ
# that Korean pages use as a bar also unspaced.
_SEP = re.compile(r"(\s+(?:[|\-–—:·•»~/]|::)\s+|\s*[|｜：ㅣ]\s*)")
# What may join the JSON-LD headline to the rest of a title: any separator, or a dash.
_JOIN = re.compile(_SEP.pattern + r"|\s*[-–—]\s*")
_DATE = re.compile(r"^\d{1,4}([./-]\d{1,2}){1,2}([./-]\d{2,4})?$")
_BYLINE = re.compile(r"^by\s+\S", re.I)
_MAX_TRAILERS = 2  # short parts (a section name) allowed after the site's name
_SECTION_WORDS = 3
# A site key inside a longer one, with a few characters more ("Lesotho Times Online",
# "Www Washingtontimes Com"); a headline that starts with the site's name is not it.
_MIN_CONTAINED = 5
_MAX_EXTRA = 6


def site_key(text: str) -> str:
    """Letters and digits only, accents folded, case folded: "Seznam Zprávy" ~
    "seznamzpravy"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


def site_keys(names: list[str]) -> set[str]:
    """Keys of the site's names; a domain also without its suffix ("mdr.de" -> "mdrde",
    "mdr"; "bbc.co.uk" -> "bbc")."""
    keys = set()
    for name in names:
        keys.add(site_key(name))
        if re.fullmatch(r"[\w-]+(\.[\w-]+)+", name):
            labels = name.split(".")
            keys.add(site_key(labels[0]))
            keys.add(site_key("".join(labels[:-1])))
    keys.discard("")
    return keys


def is_site(text: str, keys: set[str]) -> bool:
    k = site_key(text)
    if not k:
        return False
    if k in keys:
        return True
    for s in keys:
        short, long_ = (k, s) if len(k) <= len(s) else (s, k)
        if len(short) >= _MIN_CONTAINED and len(long_) - len(short) <= _MAX_EXTRA and \
                (long_.startswith(short) or long_.endswith(short)):
            return True
    return False


def _trailer(part: str) -> bool:
    """A part that may follow the site's name: a date, a byline, a short section name."""
    p = part.strip()
    return bool(_DATE.match(p) or _BYLINE.match(p)) or len(p.split()) <= _SECTION_WORDS


def _join(segments: list[str], seps: list[str], start: int, end: int) -> str:
    out = segments[start]
    for i in range(start + 1, end):
        out += seps[i - 1] + segments[i]
    return out


def _suffix_start(segments: list[str], keys: set[str]) -> int | None:
    """Where the site's name (and what may follow it) begins, or None."""
    n = len(segments)
    for start in range(1, n):
        for end in range(start + 1, n + 1):
            trailers = segments[end:]
            if len(trailers) > _MAX_TRAILERS or not all(_trailer(t) for t in trailers):
                continue
            if is_site(" ".join(segments[start:end]), keys):
                return start
    # no site name: trailing dates alone
    start = n
    while start > 1 and _DATE.match(segments[start - 1].strip()):
        start -= 1
    return start if start < n else None


def strip_site(title: str, names: list[str]) -> str:
    """The title without the site's name (and a date or byline after it) at its end, or the
    site's name at its start."""
    pieces = _SEP.split(title)
    segments, seps = pieces[0::2], pieces[1::2]
    if len(segments) < 2:
        return title
    keys = site_keys(names)
    end = _suffix_start(segments, keys) or len(segments)
    start = 0
    for k in range(1, min(end, 3)):
        if is_site(" ".join(segments[:k]), keys):
            start = k
            break
    if start == 0 and end == len(segments):
        return title
    rest = _join(segments, seps, start, end).strip()
    return rest if rest and not is_site(rest, keys) else title


def choose_title(title: str | None, meta: PageMeta) -> str | None:
    """The given title (trafilatura's: og:title, <title> or the h1) without the site's name.
    Where no part is recognised as the site's but the title is the page's JSON-LD headline
    plus a part before or after it, that headline: the extra part is the page's, not the
    article's. No title: the JSON-LD headline."""
    keys = site_keys(meta.site_names)
    headline = strip_site(meta.headline, meta.site_names) if meta.headline else None
    if not title:
        return headline
    stripped = strip_site(title, meta.site_names)
    if headline and _extends(stripped, headline):
        return headline
    return stripped if not is_site(stripped, keys) else (headline or title)


def _extends(title: str, headline: str) -> bool:
    """`title` is `headline` with a separated part before or after it."""
    t, h = title.casefold(), headline.casefold()
    if len(h) >= len(t) or not h.strip():
        return False
    if t.startswith(h):
        return bool(_JOIN.match(t[len(h):]))
    if t.endswith(h):
        return bool(re.search(f"(?:{_JOIN.pattern})$", t[: -len(h)]))
    return False
