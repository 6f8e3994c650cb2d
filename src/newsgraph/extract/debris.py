"""Rules that recognise scraper debris in one line or paragraph, with the reason to record.

These are general patterns of news pages (ad placeholders, related-link lines, share and
newsletter calls to action, cookie notices, image captions and credits, navigation), never
lines of one particular article. Every rule is limited to short lines, so a real paragraph
that merely mentions "newsletter" or "Reuters" is kept: dropping a real paragraph is worse than
keeping a piece of debris.

Two tiers: `classify(line)` holds for any text, including clean articles; with `page=True` it
also removes what only a web page has around an article (bylines, timestamps, button labels),
which in a clean article may be real (a transcript's "6:04 P.M. EST").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_AD = re.compile(
    r"^(advertisements?|advert|ads?|sponsored( content| links?| post| stories)?|"
    r"story continues below( this)?( advertisement| ad)?|continue reading( below| the main story)?|"
    r"scroll (down )?to continue( reading)?|article continues (below|after)( this)?"
    r"( advertisement| ad)?|\(?adsbygoogle.*|paid (content|post|partner content)|"
    r"promoted( content| stories)?|ad choices|advertise with us)\s*[.:]?$",
    re.I,
)
# "Read also| Headline", "READ MORE: Headline", "Related: Headline", "SEE MORE: ..."
_RELATED = re.compile(
    r"^(read also|also read|read more|see more|related( articles?| stories| news| coverage|"
    r" content| links?| reading)?|see also|more on this( story| topic)?|recommended"
    r"( for you| stories| reading)?|you (may|might) also like|also see|must read|don'?t miss|"
    r"trending( now)?|top stories|more from [\w .'&-]{1,40}|also watch|watch|listen|more news|"
    r"latest( news| stories)?|editor'?s picks?|also on [\w .'&-]{1,40}|on [\w.-]+\.(com|org|net|"
    r"co\.uk)|previous (post|article)|next (post|article))\s*[|:›»>\-–—]",
    re.I,
)
_RELATED_ALONE = re.compile(
    r"^(read also|also read|read more|see more|related( articles?| stories| news| coverage|"
    r" content| links?| posts?| reading)?|see also|recommended( for you| stories| reading)?|"
    r"you (may|might) also like|more stories|trending( now| stories)?|top stories|"
    r"editor'?s picks?|most (read|popular|viewed|shared)( stories| articles| today| now|"
    r" in [\w ]{1,30})?|don'?t miss( this)?|read these next|more (in|from) [\w .'&-]{1,40}|"
    r"top stories in [\w .'&-]{1,40}|popular (stories|articles|now)|what to read next|"
    r"recommended videos|more videos|post navigation|next up( in [\w .'&-]{1,40})?)\s*[.:]?$",
    re.I,
)
# Express-style teaser links end with a bracketed tag: "... fears [VIDEO]".
_TAGGED_TEASER = re.compile(
    r"\[(video|pics?|photos?|gallery|insight|reveal|reaction|news|warning|latest|poll|"
    r"exclusive|analysis|comment|update|live|map|graphic|quiz|watch)\]\s*\|?$", re.I)
# Imperative calls to subscribe, follow or share, and the notices that go with them.
_CTA_START = re.compile(
    r"^(sign up|subscribe|get (the|our|breaking|daily|free|more|[\w']+ (news|magazine|updates|"
    r"newsletter))|join (our|us|the conversation|the discussion)|follow (us|me|[\w.@ ]{1,40} on)|"
    r"like us on|share (this|on|via|the|your)|tweet this|email this|print this|click here|"
    r"tap here|download (our|the) app|want more|stay (up to date|informed|connected)|"
    r"don'?t miss (out|a)|never miss|keep up to date|let our news|need more|"
    r"click to (share|email|print|tweet)|we use cookies|this (site|website) uses cookies|"
    r"by (using|continuing to use|clicking)|accept (all|cookies)|manage (cookies|preferences)|"
    r"no spam|you have (been )?(successfully|succesfully) subscribed|you can unsubscribe)",
    re.I,
)
_CTA_WORDS = re.compile(
    r"\b(subscrib\w*|newsletters?|sign up|inbox|unsubscribe|cookies?|app|alerts?|updates|"
    r"facebook|twitter|instagram|youtube|linkedin|whatsapp|telegram|podcast|channel|here|"
    r"email|friends?|tweet|print|privacy|spam)\b",
    re.I,
)
# Lines made only of share-button labels: "Facebook Twitter Email", "Share Tweet".
_SHARE_LABELS = re.compile(
    r"^((share|tweet|pin|email|e-mail|print|copy link|comments?|facebook|twitter|instagram|"
    r"linkedin|whatsapp|pinterest|reddit|telegram|flipboard|google\+?|messenger|sms|save|"
    r"on|via|this|article|story|link|shortlink|\d+)[\s|·•,/]*){1,12}$",
    re.I,
)
_LEGAL = re.compile(
    r"(all rights reserved|^copyright\b|^©|©\s*\d{4}|may not be (published|reproduced|"
    r"redistributed|rewritten)|affiliate commission)",
    re.I,
)
_LEGAL_LINK = re.compile(r"^(terms of (use|service)|privacy (policy|notice)|cookie policy|"
                         r"terms (and|&) conditions)\b", re.I)
# Image captions and credits: "(Image: GETTY)", "Photo: Reuters", "Image copyright EPA",
# "Jane Doe / AP file", "Image 2 of 9".
_CREDIT = re.compile(
    r"^((file |representative |representational )?(photo|image|picture|pic|video|graphic|"
    r"illustration)s?( credit| courtesy| by)?\s*[:|/(]|"
    r"\(?(photo|image)s?:?\s*(by|courtesy|credit)\b|"
    r"(image|media) (copyright|caption)\b|media playback is unsupported|"
    r"(image|photo|slide) \d+ (of|/) ?\d+|\d+ (of|/) \d+$|(back to|view) gallery|"
    r".{0,80}\b(getty images|ap photo|pti photo|ani photo|file photo|shutterstock)\)?\s*$)",
    re.I,
)
_CREDIT_END = re.compile(
    r"(\((image|photo|picture|pic|credit|source)s?:[^()]{1,60}\)|\[(file|photo|image)s?:"
    r"[^\[\]]{1,60}\]|\bcredit:\s*[\w .,&/-]{1,40}|\s/\s(ap|reuters|afp|getty( images)?|epa)"
    r"( file| photo)?)\s*$",
    re.I,
)
# Credit lines closing a news story: "Lerer reported from Los Angeles.", "Associated Press
# writer Jill Colvin contributed reporting.", "(Reporting by X; Editing by Y)". Each sentence of
# the paragraph must be one.
_CREDIT_SENTENCE = re.compile(
    r"^(?:(?:[A-Z][\w.'\u2019-]*|and|writers?|correspondents?|reporters?|staff|of|the|in)\s+)"
    r"{1,10}(?:also\s+)?(?:reported|contributed(?:\s+reporting|\s+to\s+this\s+(?:report|story|"
    r"article))?|wrote\s+this\s+(?:report|story|article))"
    r"(?:\s+(?:from|in)\s+[A-Z][\w.'\u2019 ,-]{0,60}?)?\.$")
_AGENCY_CREDIT = re.compile(
    r"^\(?(?:additional\s+)?(?:reporting|writing|editing)\s+by\s+[^()]{1,160}\)?\.?$", re.I)
_CREDIT_SPLIT = re.compile(r"(?<=\.)\s+(?=[A-Z(])")
_NAV_SEP = re.compile(r"\s(>|»|›|/|\|)\s")
SENTENCE_END = re.compile(r"[.!?…\"'”’)]\s*$")

# ---- page tier: what surrounds an article on a web page
_BYLINE = re.compile(r"^by\s+[A-Z][\w.'’-]*(\s+[\w.'’&-]+){0,7}$", re.I)
_MONTH = (r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?")
_DAY = r"(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?"
_STAMP_TOKEN = re.compile(
    rf"^({_MONTH}|{_DAY}|\d{{1,4}}(st|nd|rd|th)?[,.]?|\d{{1,2}}[:.]\d{{2}}([:.]\d{{2}})?,?|"
    r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?|[ap]\.?m\.?,?|(utc|gmt|est|edt|pst|pdt|cst|cdt|bst|ist|"
    r"cet|cest|et|pt|aest|jst)\)?,?|at|on|\||-|–|—|·|published:?|updated:?|posted:?|"
    r"last updated:?|first published( on)?:?|modified:?|date:?|on:?|\(|\))$",
    re.I,
)
_BUTTON = re.compile(
    r"^(close|copy|copied!?|caption|replay|report|learn more|read later|share|tweet|email|"
    r"print|tags?:?|popular|trending|comments?|view comments|show comments|no comments( yet)?|"
    r"loading\W*|advertisement|menu|search|home|back|next|previous|more|view all( \(\d+\))?|"
    r"load more|show more|see all|expand|collapse|play|pause|mute|unmute|skip|"
    r"view pdf/print mode|listen to (this )?article|save|bookmark|follow|unfollow|"
    r"sign in|log in|sign up|subscribe|register|highlights|contact us|about us|disclaimer|"
    r"link to this video|embed this video|more videos( \(\d+ of \d+\))?|watch( now| video)?|"
    r"\d+ (comments?|shares?|views?|reads?|min(ute)?s? read))\W*$",
    re.I,
)


@dataclass
class Verdict:
    reason: str


def words(s: str) -> int:
    return len(s.split())


def classify(par: str, page: bool = False) -> Verdict | None:
    """Return why `par` is debris, or None when it is (or may be) real text."""
    s = par.strip()
    if not s:
        return None
    n = words(s)
    for reason, rule in _RULES:
        if rule(s, n):
            return Verdict(reason)
    if page:
        return _page_furniture(s, n)
    return None


# Each rule sees the stripped paragraph and its word count; the first that holds names it.


def _advertisement(s: str, n: int) -> bool:
    return n <= 8 and bool(_AD.match(s))


def _related_link(s: str, n: int) -> bool:
    return (n <= 30 and bool(_RELATED.match(s)) or n <= 8 and bool(_RELATED_ALONE.match(s))
            or n <= 30 and bool(_TAGGED_TEASER.search(s)))


def _image_credit(s: str, n: int) -> bool:
    if s.startswith(("“", '"')):
        return False
    return n <= 30 and bool(_CREDIT.match(s)) or n <= 40 and bool(_CREDIT_END.search(s))


def _share_subscribe(s: str, n: int) -> bool:
    return _is_cta(s, n) or n <= 12 and bool(_SHARE_LABELS.match(s)) and not s.isdigit()


def _legal_notice(s: str, n: int) -> bool:
    return bool(n <= 40 and _LEGAL.search(s) or n <= 8 and _LEGAL_LINK.match(s)) \
        and not _quoted(s)


def _reporting_credit(s: str, n: int) -> bool:
    if n > 40 or _quoted(s):
        return False
    if _AGENCY_CREDIT.match(s):
        return True
    return all(_CREDIT_SENTENCE.match(x) for x in _CREDIT_SPLIT.split(s))


def _navigation(s: str, n: int) -> bool:
    return n <= 12 and len(_NAV_SEP.findall(s)) >= 2 and not SENTENCE_END.search(s)


_RULES: tuple[tuple[str, Callable[[str, int], bool]], ...] = (
    ("advertisement", _advertisement),
    ("related-link", _related_link),
    ("image-credit", _image_credit),
    ("share-subscribe", _share_subscribe),
    ("legal-notice", _legal_notice),
    ("navigation", _navigation),
    ("reporting-credit", _reporting_credit),
)


def _is_cta(s: str, n: int) -> bool:
    """Calls to action: imperative sign-up/share/cookie lines, not reporting about them."""
    if n > 40 or _quoted(s):
        return False
    return bool(_CTA_START.match(s) and _CTA_WORDS.search(s))


def _quoted(s: str) -> bool:
    return s.startswith(("“", '"', "‘", "'", "«"))


def _page_furniture(s: str, n: int) -> Verdict | None:
    if n <= 8 and _BYLINE.match(s) and not SENTENCE_END.search(s.rstrip(")")):
        return Verdict("byline")
    if n <= 16 and _is_timestamp(s):
        return Verdict("timestamp")
    if n <= 6 and _BUTTON.match(s):
        return Verdict("page-control")
    return None


def _is_timestamp(s: str) -> bool:
    """A line of nothing but date and time tokens: "Nov. 19, 2019, 8:41 AM UTC",
    "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019"."""
    toks = s.replace("|", " | ").split()
    # A time alone ("4:14 p.m.") heads an entry of a live blog: only a date marks a stamp.
    dated = re.search(rf"\b{_MONTH}|\d{{4}}|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d", s, re.I)
    return bool(dated) and all(_STAMP_TOKEN.match(t) for t in toks)

