"""Is this HTML or plain text? Decided by content, not by file name."""

from __future__ import annotations

import re

_TAG = re.compile(r"<\s*(html|head|body|div|p|article|meta|title|span|a|br|section|table|"
                  r"script|!doctype)\b", re.I)


def is_html(text: str) -> bool:
    head = text[:20000]
    stripped = head.lstrip().lower()
    if stripped.startswith(("<!doctype html", "<html", "<?xml")):
        return True
    tags = len(_TAG.findall(head))
    return tags >= 3 and tags * 40 > min(len(head), 20000) / 50
