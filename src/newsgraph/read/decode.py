"""Bytes to text: BOM, valid UTF-8, declared charset, then detection. Binary is refused."""

from __future__ import annotations

import codecs
import re

from newsgraph.errors import BadInput

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)


def _declared(data: bytes) -> str | None:
    head = data[:4096]
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|"
                             rb"[\xf0-\xf4][\x80-\xbf]{3}")


_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or 13 < b)
_HIGH_BYTES = bytes(range(0x80, 0x100))


def _high_bytes(data: bytes) -> int:
    return len(data) - len(data.translate(None, _HIGH_BYTES))


def _mostly_utf8(data: bytes) -> bool:
    """At least as many well-formed UTF-8 multi-byte sequences as stray high bytes."""
    seqs = _UTF8_MULTIBYTE.findall(data)
    stray = _high_bytes(data) - sum(len(m) for m in seqs)
    return bool(seqs) and stray <= len(seqs)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB: not text."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls / len(head) > 0.05


def decode(data: bytes) -> str:
    """Decode bytes of a text or HTML document; raise BadInput for binary data."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    if looks_binary(data):
        raise BadInput("binary data, not text or HTML")
    text = _as_valid_utf8(data)
    if text is None:
        text = _as_declared(data)
    if text is None:
        text = _as_utf8(data)
    if text is None:
        text = _as_western(data)
    return text if text is not None else _detected(data)


def _as_valid_utf8(data: bytes) -> str | None:
    """The text as UTF-8 when it has non-ASCII bytes and all of them form valid UTF-8, whatever
    the page declares: legacy 8-bit text with accented letters is almost never valid UTF-8 by
    chance, while pages that are UTF-8 but declare iso-8859-1 or windows-1252 are common, and
    trusting their declaration gives mojibake ("fÃ¼r")."""
    if not _high_bytes(data):
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _as_declared(data: bytes) -> str | None:
    """The text in the charset the page declares (UTF-8 strictly); None without a usable
    declaration."""
    declared = _declared(data)
    if declared == "utf-8":
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as e:
            raise BadInput(f"invalid UTF-8 at byte {e.start} (the page declares UTF-8)") from None
    if declared and declared != "ascii":
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    return None


def _as_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        if _mostly_utf8(data):
            # Valid multi-byte sequences do not happen by chance in a legacy 8-bit encoding:
            # this is UTF-8 with broken bytes, and guessing another charset would garble it.
            raise BadInput(f"invalid UTF-8 at byte {e.start}") from None
    return None


def _as_western(data: bytes) -> str | None:
    """Mostly ASCII with a few accented letters: Western European text, where short inputs
    give statistical detection too little to go on. windows-1252 is what browsers assume for
    "latin-1" pages too."""
    if _high_bytes(data) >= 0.05 * len(data):
        return None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return None


def _detected(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise BadInput("invalid UTF-8 and no other charset fits")
    try:
        return data.decode(best.encoding, errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")
