"""Titles and roles: which words make a title, and one canonical spelling per role.

A title phrase is what stands before a name ("US Defence Secretary"), after it in an
apposition ("India's foreign minister") or in a transcript label ("SECRETARY"). `parse_title`
splits it into the country or organisation it names (the affiliation) and the role, and
`normalize_role` gives the role one canonical form (documented in docs/entities.md):

- American spelling for the words that vary: Defence -> Defense, Adviser -> Advisor,
  Labour -> Labor, Counsellor -> Counselor; Spokesman/Spokeswoman -> Spokesperson.
- US cabinet posts read "Secretary of X" ("Defence Secretary" -> "Secretary of Defense").
- Ministers read "X Minister" ("Minister of External Affairs" -> "External Affairs Minister",
  "Minister of Foreign Affairs" -> "Foreign Minister"); "Minister of State" stays.
- "to ..." (an ambassador's host country, "Advisor to the President") is not part of the role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsgraph import lexicon
from newsgraph.geo import places

# Title words and honorifics are listed in data/titles.tsv (uses "head", "modifier",
# "honorific"): heads end a title, a phrase is a title only if it contains one; modifiers may
# open a title or stand inside one before the head; honorifics are courtesy titles, stripped
# from names and never roles.
HEADS = lexicon.titles().words("head")
CHAMBERS = lexicon.public_bodies().tagged("chamber")
MODIFIERS = lexicon.titles().words("modifier")
HONORIFICS = lexicon.titles().words("honorific")
COURTESY = lexicon.titles().words("courtesy")
# Title words that are also surnames ("Carole King").
SURNAMES = lexicon.titles().words("surname")

CONNECTORS = frozenset({"of", "for", "and", "the", "to", "on", "&"})

# Rank words: "the Minister" must not stand for a Prime Minister, nor "the President" for a
# Vice President; a Co-Founder is not said more fully as Founder (both are kept).
RANKS = frozenset({"deputy", "vice", "assistant", "under", "acting", "principal", "senior",
                   "associate", "first", "prime", "crown", "chief", "special", "co"})

SPELLING = {
    "defence": "Defense", "adviser": "Advisor", "labour": "Labor", "counsellor": "Counselor",
    "councillor": "Councilor", "spokesman": "Spokesperson", "spokeswoman": "Spokesperson",
    "gen.": "General", "adm.": "Admiral", "lt.": "Lieutenant", "col.": "Colonel",
    "capt.": "Captain", "sgt.": "Sergeant", "cpl.": "Corporal", "rep.": "Representative",
    "sen.": "Senator", "sens.": "Senator", "sens": "Senator", "reps.": "Representative",
    "reps": "Representative",
    "gov.": "Governor", "amb.": "Ambassador", "sec.": "Secretary",
    "cmdr.": "Commander", "cmdr": "Commander", "lt": "Lieutenant", "sgt": "Sergeant",
    "mp": "MP", "ceo": "CEO", "charge": "Chargé", "d'affaires": "d’Affaires",
    "d’affaires": "d’Affaires", "frontrunner": "Front-Runner",
    "paediatric": "Pediatric", "paediatrician": "Pediatrician",
    "orthopaedic": "Orthopedic", "gynaecologist": "Gynecologist",
    "anaesthetist": "Anesthetist", "labourer": "Laborer", "jeweller": "Jeweler",
}

# "X Secretary" is "Secretary of X" for these US departments.
US_DEPARTMENTS = {
    "defense": "Defense", "treasury": "the Treasury", "homeland security": "Homeland Security",
    "commerce": "Commerce", "energy": "Energy", "agriculture": "Agriculture",
    "labor": "Labor", "education": "Education", "transportation": "Transportation",
    "justice": "Justice", "interior": "the Interior",
    "health and human services": "Health and Human Services",
    "housing and urban development": "Housing and Urban Development",
    "veterans affairs": "Veterans Affairs", "army": "the Army", "navy": "the Navy",
    "air force": "the Air Force",
}

# Roles whose wording names the country by itself (title words, not people).
ROLE_COUNTRY = {
    "External Affairs Minister": "India", "Union Minister": "India",
    "Chief Minister": "India", "State Councilor": "China",
    "Secretary of State": "United States", "Director of National Intelligence": "United States",
    "Second Gentleman": "United States",
    **{f"Secretary of {d}": "United States" for d in US_DEPARTMENTS.values()},
}

LOWER_WORDS = {"of", "for", "and", "the", "to", "on", "d’Affaires"}
# Words that may stand before a jurisdiction in a title ("former Massachusetts governor").
LEADING_RANKS = frozenset({"former", "retired", "acting", "outgoing", "incoming", "late"})
# Posts that "State" before them only places ("Lagos State Governor", "Kano State
# Commissioner for Health"), unlike "State Councilor" or "State Secretary".
STATE_POSTS = frozenset({"governor", "commissioner", "deputy", "assembly", "house",
                         "police", "chairman", "chairperson"})
# A body whose name opens a title: "Innovation Party leader", "National Assembly Speaker".
INSTITUTIONS = frozenset({"party", "assembly"})
ROMAN_RE = re.compile(r"^[IVX]+$")


@dataclass
class Title:
    """A parsed title phrase: roles (canonical), their wording, and who the holder acts for."""

    roles: list[str] = field(default_factory=list)
    role_texts: list[str] = field(default_factory=list)
    affiliation: str | None = None
    # Where the affiliation comes from: "country" (a country word in the title: "US ...",
    # "Indian ...", "... of India"), "role" (the wording of the role: "External Affairs
    # Minister"), "office" ("White House Press Secretary"), "org" (an international
    # organisation: the value is its name), "context" (the rest of the article).
    affiliation_kind: str | None = None
    # A party label said with the title ("Republican", "BJP": a key of `data/parties.tsv`).
    party: str | None = None
    # The organisation the holder works for, named in the title ("the chief executive of
    # Meta", "a professor at Tufts University").
    organisation: str | None = None
    # The person whose post this is, named in the phrase ("Mr. Netanyahu's national
    # security adviser", "an adviser to Mr. Netanyahu"): the holder serves their country.
    possessor: str | None = None


def is_head(word: str) -> bool:
    low = word.lower()
    return low in HEADS or ("-" in low and any(p in HEADS for p in low.split("-")))


def is_plural_head(word: str) -> bool:
    """A title head in the plural ("Sens.", "Senators"): the title of several names."""
    low = word.lower().rstrip(".")
    return low in {"sens", "reps"} or (low.endswith("s") and low[:-1] in HEADS)


def is_title_word(word: str) -> bool:
    w = word.lower()
    if w.endswith("s") and w[:-1] in HEADS:
        w = w[:-1]  # "the two National Security Advisors"
    return w in HEADS or w in MODIFIERS


def _case(word: str) -> str:
    low = word.lower()
    if low in SPELLING:
        return SPELLING[low]
    if low in CONNECTORS:
        return low
    if word.isupper() and len(word) > 1 and "." not in word and low not in HEADS | MODIFIERS:
        return word  # an acronym inside a title ("NSC", "UN")
    return "-".join(p.lower() if p.lower() in CONNECTORS | {"in"} and i else
                    p[:1].upper() + p[1:].lower() for i, p in enumerate(word.split("-")))


def member_of_chamber(words: list[str]) -> bool:
    """ "Member of Parliament", "former member of the Knesset": membership of a legislature
    (`data/public_bodies.tsv`, use "chamber") is a post, though "member" alone is none."""
    low = [w.lower() for w in words]
    for i, w in enumerate(low[:-2]):
        if w == "member" and low[i + 1] == "of":
            rest = low[i + 2:]
            if rest and rest[0] == "the":
                rest = rest[1:]
            cut = next((k for k, r in enumerate(rest) if r in ("for", "from", "in")), len(rest))
            return 0 < cut <= 3 and rest[cut - 1] in CHAMBERS  # not "the House leadership"
    return False


def normalize_role(text: str) -> str:
    """The canonical form of a role's wording (see the module docstring)."""
    t = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip(" ,;:")
    t = re.sub(r"(?i)\bsecretary[ -]general\b", "Secretary-General", t)
    t = re.sub(r"(?i)\b(vice|prime)-", r"\1 ", t)
    # "Ambassador to India", "Advisor to the President" (but "Assistant to the President").
    t = re.sub(r"(?i)\b(ambassador|envoy|representative|advisor|adviser|counselor|coordinator)"
               r"\s+to\s+.*$", r"\1", t)
    # "a candidate for president", "the nominee for governor": the office sought is no
    # part of the role ("presidential candidate" keeps its adjective)
    t = re.sub(r"(?i)\b(candidate|nominee)\s+for\s+.*$", r"\1", t)
    # "Spokesperson for the Ministry of Foreign Affairs": the employer, not the post
    t = re.sub(r"(?i)\b(spokesperson|spokesman|spokeswoman)\s+(?:for|of)\s+the\s+.*$", r"\1", t)
    words = [_case(w) for w in t.split(" ") if w]
    t = " ".join(words)
    t = re.sub(r"\bMinister for\b", "Minister of", t)
    # "Deputy Minister of Foreign Affairs" -> "Deputy Foreign Minister"
    m = re.match(r"^(?P<pre>(?:[A-Z][\w’'-]* )*?)Minister of (?P<port>(?!State\b).+)$", t)
    if m:
        port = m["port"].removeprefix("the ")  # "Minister of the Interior"
        t = f"{m['pre']}{port} Minister"
    t = re.sub(r"\bForeign Affairs Minister\b", "Foreign Minister", t)
    if t.endswith(" Secretary"):
        words = t.split(" ")[:-1]
        for i in range(len(words)):
            dep = " ".join(words[i:]).lower()
            if dep in US_DEPARTMENTS:
                t = " ".join(words[:i] + ["Secretary", "of", US_DEPARTMENTS[dep]])
                break
    return t


def role_words(role: str) -> set[str]:
    return {w.lower() for w in role.replace("-", " ").split() if w.lower() not in CONNECTORS}


def compatible(short: str, full: str) -> bool:
    """Whether a title-only reference ("the Secretary") can mean a holder of `full`
    ("Secretary of State"): its words are all in `full`, and `full` has no rank word
    ("Vice", "Deputy", "Prime") that `short` lacks."""
    s, f = role_words(short), role_words(full)
    if not s or not s <= f:
        return False
    return not ((f - s) & RANKS)


def subsumed(role: str, others: list[str]) -> bool:
    """A role said more fully elsewhere ("Secretary" beside "Secretary of State")."""
    return any(o != role and compatible(role, o) for o in others)


def role_kind(role: str) -> str | None:
    """Which kind of office a role is, for guessing the country from the document."""
    w = role_words(role)
    if "elect" in w or "former" in w:
        return "not_in_office"  # no country holds this office: never guessed
    if "vice" in w and "president" in w:
        return "vice_president"
    if "president" in w and not w & {"deputy", "assistant"}:
        return "president"
    if "prime" in w and "minister" in w:
        return "minister" if w & RANKS - {"prime"} else "prime_minister"
    if "minister" in w:
        return "minister"
    if w & {"king", "queen", "emir", "amir", "sultan", "crown", "prince", "princess"}:
        return "monarch"
    m = re.search(r"\bSecretary of (?:the )?([A-Z][\w ]*?)(?: for .*)?$", role)
    if m:
        # A US-style cabinet post, or a minister by another name ("Secretary of Foreign
        # Affairs" in the Philippines).
        return "secretary" if m.group(1).lower() in {*US_DEPARTMENTS, "state"} else "minister"
    if role.startswith(("Deputy Secretary", "Under Secretary", "Assistant Secretary")):
        return "secretary"
    if "chancellor" in w:
        return "chancellor"
    return None


# Heads that never continue with another title word: "National Security Advisor
# Ambassador" is two roles, while "Secretary General" and "Chief Minister" are one.
# "Secretary General", "Major General": "General" continues these; after anything else it
# is a rank of its own ("Chairman of the Joint Chiefs of Staff General Mark Milley").
GENERAL_COMPOUNDS = frozenset({"secretary", "attorney", "director", "surgeon", "inspector",
                               "lieutenant", "major", "brigadier", "governor", "consul",
                               "commissioner", "solicitor", "auditor", "postmaster",
                               "adjutant", "advocate", "-", "lt.", "maj."})
# "Lieutenant" before these is one rank or post with them ("Lt. Gov.", "Lieutenant Colonel").
LIEUTENANT = frozenset({"lieutenant", "lt.", "lt"})
LIEUTENANT_OF = frozenset({"governor", "gov.", "colonel", "col.", "commander", "cmdr.",
                           "cmdr"})
PURE_HEADS = HEADS - MODIFIERS - {"general", "chief", "head", "lady"}


def split_roles(words: list[str]) -> list[list[str]]:
    """ "Crown Prince and Prime Minister" holds two roles."""
    parts: list[list[str]] = [[]]
    for w in words:
        prev = parts[-1][-1].lower() if parts[-1] else ""
        again = w.lower() in PURE_HEADS and w.lower() in {x.lower() for x in parts[-1]}
        if w.lower() in {"general", "gen."} and prev in GENERAL_COMPOUNDS \
                or prev in LIEUTENANT and w.lower() in LIEUTENANT_OF:
            parts[-1].append(w)  # "Lt. Gen.", "Major General", "Secretary General", "Lt. Gov."
        elif again and prev not in PURE_HEADS:
            parts.append([w])  # "Secretary of Commerce Secretary Gina Raimondo"
        elif w.lower() in PURE_HEADS and prev and prev not in MODIFIERS | CONNECTORS \
                and any(is_head(x) for x in parts[-1]):
            parts.append([w])  # "Head of Delegation Chairperson": two posts
        elif w.lower() == "and" and any(is_head(x) for x in parts[-1]):
            parts.append([])
        elif (prev in PURE_HEADS and is_title_word(w) and w.lower() not in {"general", "elect"}) \
                or (w.lower() in {"general", "gen."} and prev and prev not in GENERAL_COMPOUNDS):
            parts.append([w])
        else:
            parts[-1].append(w)
    if len(parts) > 1 and not any(is_head(x) for x in parts[-1]):
        # "Minister of Foreign Affairs and Trade": the "and" is inside one role.
        merged = parts[-2] + ["and"] + parts[-1]
        parts = parts[:-2] + [merged]
    return [p for p in parts if p]


def make_title(core_words: list[str], affiliation: str | None, kind: str | None) -> Title:
    """Roles from the words of a title with its country/organisation parts removed."""
    title = Title(affiliation=affiliation, affiliation_kind=kind if affiliation else None)
    for part in split_roles(core_words):
        words = _role_words(part)
        if words is None:
            continue
        words = _without_jurisdiction(words, title)
        if not words:
            continue
        text = " ".join(words)
        role = normalize_role(text)
        if role and role not in title.roles:
            title.roles.append(role)
            title.role_texts.append(re.sub(r"\s+", " ", text).strip())
    if title.affiliation_kind == "office" and any(
            role_kind(r) in LEADER_KINDS for r in title.roles):
        # "welcoming to the White House Prime Minister Scott Morrison": a place, not his office.
        title.affiliation = title.affiliation_kind = None
    if title.affiliation is None:
        for role, text in zip(title.roles, title.role_texts, strict=True):
            country = role_country(role, text)
            if country:
                title.affiliation, title.affiliation_kind = country, "role"
                break
    return title


def _place_words(words: list[str], i: int) -> int:
    """How many words from i name a US state ("Massachusetts", "New York"): a jurisdiction
    of its own (country words are read as the title's country before), 0 when none."""
    for n in (3, 2, 1):
        name = " ".join(words[i:i + n])
        if i + n < len(words) and name[:1].isupper() and not is_title_word(words[i]) \
                and any(p.kind == "us_state" for p in places.lookup(name)):
            return n
    return 0


def _without_jurisdiction(words: list[str], title: Title) -> list[str]:
    """A place that names the jurisdiction and a party or assembly that opens the title are
    not part of the role ("former Massachusetts governor" -> Former Governor, "Japan
    Innovation Party leader" -> Leader, organisation Innovation Party); "then" goes too."""
    words = [w for w in words if w.lower() != "then"]
    i = 0
    while i < len(words) and words[i].lower() in LEADING_RANKS:
        i += 1
    if i + 1 < len(words) and words[i] == "State" and words[i + 1].lower() in STATE_POSTS:
        words = words[:i] + words[i + 1:]  # "Lagos State Governor": the state's name went
    n = _place_words(words, i)
    if n:
        if title.affiliation is None:
            title.affiliation, title.affiliation_kind = "United States", "country"
        words = words[:i] + words[i + n:]
    for k in range(i, len(words) - 1):
        if words[k].lower() in INSTITUTIONS and words[k][:1].isupper() \
                and any(is_head(w) for w in words[k + 1:]):
            title.organisation = title.organisation or " ".join(words[i:k + 1])
            return words[:i] + words[k + 1:]
    return words


def _role_words(part: list[str]) -> list[str] | None:
    """One role's words without the connectors around them; None when they are no role."""
    while part and (part[0].lower() in CONNECTORS
                    or (part[0].lower() == "under" and len(part) > 1
                        and not part[1].lower().startswith("secretary"))):
        part = part[1:]  # "Under President Biden's leadership": a preposition
    while part and part[-1].lower() in CONNECTORS:
        part = part[:-1]
    if not part or not any(is_head(w) for w in part):
        return None
    if any(w[:1].isupper() and not is_title_word(w) and prev.lower() in PURE_HEADS
           and not ROMAN_RE.match(w)  # "Foreign Minister II" (Brunei's second one)
           for prev, w in zip(part, part[1:], strict=False)):
        return None  # "Administrator Power and ...": someone else's title and name
    return part


LEADER_KINDS = frozenset({"president", "vice_president", "prime_minister", "monarch",
                          "chancellor"})


def role_country(role: str, text: str) -> str | None:
    """The country a role's wording names by itself ("Deputy Secretary of State")."""
    words = role.split()
    ranked = False
    while words and words[0].lower() in RANKS:
        words, ranked = words[1:], True
    base = " ".join(words)
    if ranked and base.startswith("Secretary of State for"):
        base = "Secretary of State"  # "Assistant Secretary of State for ... Affairs"
    country = ROLE_COUNTRY.get(base)
    if country is None and base.startswith("Union ") and base.endswith(" Minister"):
        country = "India"  # "Union Home Minister": a minister of India's central government
    # "Defence Secretary" (a UK or Indian post as often as a US one) is not enough: only the
    # US wording "Secretary of ..." names the country.
    if country and base.startswith("Secretary of") and "secretary of" not in text.lower():
        return None
    return country
