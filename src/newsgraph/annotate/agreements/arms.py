"""Recognise defence systems in text by their general shape, not from a closed list.

A system is named by an alphanumeric designator ("MQ-9B", "P-8I", "F414", "C-130J",
"AH-64E", "S-400"), optionally preceded by its maker ("GE F414", "General Atomics MQ-9B")
and followed by a class noun ("drones", "engines", "aircraft"); or by a known system word
("Javelin", "Stryker", "HIMARS") that also works as a common word elsewhere only rarely.
Designators that are not weapons ("COVID-19", "G20", "5G", "H-1B") are filtered out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

# "MQ-9B", "F414", "AH-64E", "S-400", "Su-30MKI", "Mi-17"
DESIGNATOR = re.compile(r"^[A-Z](?:[A-Z]{0,3}|[a-z])-?\d{1,4}[A-Z]{0,4}$")
# Airliners: "787-9", "A350-1000", "A321neo", "777X"
AIRLINER = re.compile(r"^(?:\d{3}-\d{1,4}[A-Z]?|A\d{3}(?:-\d{1,4}|neo)?|\d{3}X)$")
NOT_SYSTEMS = re.compile(r"^(?:COVID-?19|G-?\d{1,2}|[2-6]G|H-?1B|B-?[12]|P-?5|SDGs?\d*|"
                         r"E-?\d{1,2}|I-?\d+|UNSCR?-?\d+|FY-?\d+|Q[1-4]|CO2|PM2|N95|A\d)$", re.I)
# Named systems that are ordinary words too rarely to matter in defence news.
SYSTEM_WORDS = {
    "javelin", "javelins", "stryker", "strykers", "himars", "nasams", "stinger", "stingers",
    "patriot", "patriots", "harpoon", "harpoons", "apache", "apaches", "chinook", "chinooks",
    "abrams", "bradley", "bradleys", "hellfire", "tomahawk", "tomahawks", "excalibur",
    "rafale", "rafales", "brahmos", "tejas", "predator", "reaper", "reapers", "hawkeye",
    "seahawk", "seahawks", "poseidon", "switchblade", "switchblades", "guardian", "aegis",
    "thaad", "atacms", "gmlrs", "mlrs", "leopard", "leopards", "typhoon", "gripen",
}
# Class nouns that say what kind of system a designator names.
CLASS_NOUNS = {
    "drone", "drones", "aircraft", "jet", "jets", "fighter", "fighters", "engine", "engines",
    "helicopter", "helicopters", "missile", "missiles", "system", "systems", "tank", "tanks",
    "vehicle", "vehicles", "howitzer", "howitzers", "frigate", "frigates", "submarine",
    "submarines", "radar", "radars", "rifle", "rifles", "launcher", "launchers", "munition",
    "munitions", "rocket", "rockets", "ship", "ships", "vessel", "vessels", "bomber",
    "bombers", "transport", "transports", "interceptor", "interceptors", "carrier",
    "destroyer", "destroyers", "corvette", "corvettes", "gun", "guns", "shell", "shells",
    "plane", "planes", "airliner", "airliners", "widebody", "widebodies",
}
MAKERS = {"GE", "Boeing", "Lockheed", "Martin", "Raytheon", "Atomics", "General", "Northrop",
          "Grumman", "Dynamics", "Airbus", "Dassault", "Saab", "BAE", "HAL", "Sikorsky",
          "Bell", "Textron", "RTX", "L3Harris", "Rafael", "IAI", "Embraer"}
GENERIC = CLASS_NOUNS | {"arms", "weapons", "weapon", "ammunition", "equipment", "platforms"}


@dataclass
class System:
    """A defence system named in a sentence."""

    name: str
    start: int  # token offsets in the Doc
    end: int
    quantity: int | None = None


_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                 "fifteen": 15, "sixteen": 16, "twenty": 20, "thirty": 30, "dozen": 12}


def _number(tok: Token) -> int | None:
    txt = tok.text.replace(",", "").lower()
    if txt.isdigit():
        return int(txt)
    return _NUMBER_WORDS.get(txt)


def _quantity(tok: Token) -> int | None:
    """The number counting `tok` ("six P-8I aircraft")."""
    for t in tok.children:
        if t.dep_ == "nummod" and (n := _number(t)) is not None:
            return n
    return None


def is_designator(text: str) -> bool:
    t = text.strip(".,;:()")
    if AIRLINER.match(t):
        return True
    return bool(DESIGNATOR.match(t)) and not NOT_SYSTEMS.match(t) and any(
        c.isdigit() for c in t) and any(c.isalpha() for c in t)


def find_systems(sent: Span) -> list[System]:
    """Designators and named systems in a sentence, with maker, class noun and quantity."""
    out: list[System] = []
    doc = sent.doc
    i = sent.start
    while i < sent.end:
        tok = doc[i]
        named = tok.lower_ in SYSTEM_WORDS and (tok.text[0].isupper() or tok.text.isupper())
        split = _split_airliner(sent, i)
        if not (is_designator(tok.text) or named or split):
            i += 1
            continue
        start, end = i, split or i + 1
        while start - 1 >= sent.start and doc[start - 1].text in MAKERS:
            start -= 1
        while end < sent.end and (is_designator(doc[end].text) or doc[end].text == "/"):
            end += 1  # "F-16/F-35" shares one mention
        while end + 1 < sent.end and _model_word(doc[end]) and \
                doc[end + 1].lower_ in CLASS_NOUNS:
            end += 1  # "787-9 Dreamliner jets": the model name before the class noun
        if end < sent.end and doc[end].lower_ in CLASS_NOUNS:
            end += 1
        elif split or AIRLINER.match(tok.text) or (not named and not _defence_context(sent)):
            i = end
            continue
        qty = _quantity(doc[end - 1]) or _quantity(tok)
        if qty is None and start > sent.start:
            qty = _number(doc[start - 1])  # "31 General Atomics MQ-9B"
        out.append(System(doc[start:end].text, start, end, qty))
        i = end
    return out


def _split_airliner(sent: Span, i: int) -> int | None:
    """The end of an airliner designator the tokenizer split ("787", "-", "9"; "A350",
    "-", "1000")."""
    doc = sent.doc
    if i + 2 < sent.end and re.match(r"^A?\d{3}$", doc[i].text) and \
            doc[i + 1].text == "-" and not doc[i].whitespace_ and \
            not doc[i + 1].whitespace_ and doc[i + 2].text.isdigit():
        return i + 3
    return None


def _model_word(tok: Token) -> bool:
    """A model name after a designator ("Dreamliner", "MAX", "neo")."""
    return tok.is_alpha and (tok.text[:1].isupper() or tok.text.isupper()) and \
        tok.lower_ not in CLASS_NOUNS


DEFENCE_WORDS = {"defense", "defence", "military", "arms", "weapon", "weapons", "armed",
                 "army", "navy", "air force", "missile", "drone", "aircraft", "fighter",
                 "munitions", "security assistance"}


def _defence_context(sent: Span) -> bool:
    low = sent.text.lower()
    return any(w in low for w in DEFENCE_WORDS)
