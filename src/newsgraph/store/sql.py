"""Small helpers for safe, paginated SQL."""

from __future__ import annotations

import re

MAX_LIMIT = 1000


def page(limit: int, offset: int) -> tuple[int, int]:
    """Clamp pagination so no caller can ask for an unbounded result."""
    return max(0, min(int(limit), MAX_LIMIT)), max(0, int(offset))


def fts_query(text: str) -> str:
    """User words as an FTS5 query: every word must appear; operators in the input are text.

    Each word is quoted, so "Indo-Pacific" is the phrase indo pacific rather than a syntax
    error, and a stray quote or asterisk cannot break the query.
    """
    words = [w for w in re.split(r"\s+", text.strip()) if w]
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def like(text: str) -> str:
    """A LIKE pattern matching `text` anywhere (use with ESCAPE '\\')."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def marks(n: int) -> str:
    """Placeholders for an IN list; an empty list matches nothing."""
    return ",".join("?" * n) or "NULL"
