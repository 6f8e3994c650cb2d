"""Rules that recognise scraper debris in a paragraph, with the reason to record.

These are general patterns of news pages (ad placeholders, related-link lines, share and
cookie lines, image credits, navigation), never lines of one particular article. A rule only
fires on short paragraphs: a real paragraph that merely mentions "newsletter" is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_AD = re.compile(
    r"^(advertisement|advertisements|advert|ads?|sponsored( content| links?)?|"
    r"story continues below( this)?( advertisement| ad)?|continue reading( below| the main story)?|"
    r"scroll (down )?to continue( reading)?|article continues below( advertisement)?|"
    r"\(?adsbygoogle.*|paid (content|partner content)|promoted( content)?)\s*[.:]?$",
    re.I,
)
_RELATED = re.compile(
    r"^(read also|also read|read more|related( articles?| stories| news| coverage| content)?|"
    r"see also|more on this( story| topic)?|recommended( for you| stories)?|you (may|might) "
    r"also like|also see|must read|don'?t miss|trending( now)?|top stories|more from [\w .]+|"
    r"also watch|watch|listen|more news|latest( news| stories)?|editor'?s picks?)\s*[|:›»>\-–—]",
    re.I,
)
_RELATED_ALONE = re.compile(
    r"^(read also|also read|read more|related( articles?| stories| news| coverage)?|see also|"
    r"recommended( for you| stories)?|you (may|might) also like|more stories|trending now|"
    r"top stories|editor'?s picks?|most (read|popular|viewed))\s*[.:]?$",
    re.I,
)
_SHARE = re.compile(
    r"\b(share (this|on|via)|share (the )?article|follow us|like us on|tweet this|"
    r"subscribe (to|now|for)|sign up (for|to)|newsletter|cookies?\b|cookie policy|accept all|"
    r"privacy policy|terms of (use|service)|all rights reserved|copyright ©|©\s*\d{4}|"
    r"log ?in|sign in|register now|download (our|the) app|get the app|click here|"
    r"whatsapp|facebook|twitter|linkedin|telegram|email this|print this|comments? \(\d+\)|"
    r"leave a comment|join the conversation|enable javascript|your browser)\b",
    re.I,
)
_CREDIT = re.compile(
    r"^((file |representative |representational )?(photo|image|picture|pic|video|graphic|"
    r"illustration)s?( credit| courtesy| by)?\s*[:|/(]|"
    r"\(?(photo|image)s?:?\s*(by|courtesy|credit)\b|"
    r".{0,80}\b(getty images|reuters|ap photo|afp|shutterstock|pti photo|ani photo|"
    r"file photo)\)?\s*$)",
    re.I,
)
_NAV_SEP = re.compile(r"\s(>|»|›|/|\|)\s")
SENTENCE_END = re.compile(r"[.!?…\"'”’)]\s*$")


@dataclass
class Verdict:
    reason: str


def words(s: str) -> int:
    return len(s.split())


def classify(par: str) -> Verdict | None:
    """Return why `par` is debris, or None when it is (or may be) real text."""
    s = par.strip()
    if not s:
        return None
    n = words(s)
    if n <= 8 and _AD.match(s):
        return Verdict("advertisement")
    if n <= 30 and _RELATED.match(s):
        return Verdict("related-link")
    if n <= 6 and _RELATED_ALONE.match(s):
        return Verdict("related-link")
    if n <= 25 and _CREDIT.match(s) and not s.startswith(("“", '"')):
        return Verdict("image-credit")
    if n <= 14 and _SHARE.search(s) and not SENTENCE_END.search(s):
        return Verdict("share-subscribe")
    if n <= 25 and _SHARE.search(s) and re.search(r"\b(cookie|newsletter|subscribe|sign up)", s,
                                                     re.I) and n <= 25 and _looks_cta(s):
        return Verdict("share-subscribe")
    if n <= 12 and len(_NAV_SEP.findall(s)) >= 2 and not SENTENCE_END.search(s):
        return Verdict("navigation")
    return None


def _looks_cta(s: str) -> bool:
    """Calls to action: imperative sign-up/cookie lines, not reporting about them."""
    return bool(re.match(r"^(sign up|subscribe|get|join|we use cookies|this (site|website) uses"
                         r"|by (using|continuing)|accept|manage)", s, re.I))
