"""Small helpers for safe, paginated SQL: a WHERE builder, LIKE patterns, FTS queries."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

MAX_LIMIT = 1000
# Where a LIKE test goes in a `Where.like` term; the pattern is bound with ESCAPE '\'.
LIKE = "LIKE ? ESCAPE '\\'"
PAGE = "LIMIT ? OFFSET ?"


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


def alias_exists(table: str, key: str, owner: str) -> str:
    """A `Where.like` term: some alias in `table` of the row `owner` names matches."""
    return f"EXISTS (SELECT 1 FROM {table} x WHERE x.{key} = {owner} AND x.alias {LIKE})"


@dataclass
class Where:
    """Conditions joined by AND, with their parameters in placeholder order.

    Each filter method takes the value to compare with; None means the caller set no such
    filter, and the condition is left out. Anything else, "" and empty lists included, is
    applied as given (callers that treat an empty string as "no filter" pass `value or None`).
    """

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> Where:
        """A condition written out, with one parameter per placeholder."""
        self.clauses.append(clause)
        self.params.extend(params)
        return self

    def eq(self, column: str, value: Any) -> Where:
        return self if value is None else self.add(f"{column} = ?", value)

    def gte(self, column: str, value: Any) -> Where:
        return self if value is None else self.add(f"{column} >= ?", value)

    def lte(self, column: str, value: Any) -> Where:
        return self if value is None else self.add(f"{column} <= ?", value)

    def in_(self, column: str, values: Sequence[Any] | None) -> Where:
        """`column` is one of `values` (an empty list matches nothing)."""
        if values is None:
            return self
        return self.add(f"{column} IN ({marks(len(values))})", *values)

    def in_json(self, column: str, values: Sequence[Any]) -> Where:
        """Like `in_`, with one JSON parameter instead of one placeholder per value, so the
        list may be longer than SQLite's limit on parameters."""
        return self.add(f"{column} IN (SELECT value FROM json_each(?))", json.dumps(values))

    def like(self, text: str | None, *terms: str) -> Where:
        """`text` occurs in any of `terms` (SQLite's LIKE: ASCII letters fold case). A term is
        a column, or a condition with `LIKE` where the test goes (see `alias_exists`)."""
        if text is None:
            return self
        tests = [t if LIKE in t else f"{t} {LIKE}" for t in terms]
        n = sum(t.count(LIKE) for t in tests)
        return self.add("(" + " OR ".join(tests) + ")", *[like(text)] * n)

    def sql(self) -> str:
        """The conditions for after WHERE ("1=1" when there are none)."""
        return " AND ".join(self.clauses) or "1=1"

    def paged(self, limit: int, offset: int) -> list[Any]:
        """The parameters followed by those of `PAGE`, clamped by `page`."""
        return [*self.params, *page(limit, offset)]
