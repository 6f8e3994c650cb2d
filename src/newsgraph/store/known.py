"""Which articles a database already holds, for worker processes that never write.

A worker asks before annotating an input, so that a rerun skips what is stored. The answer
is only a shortcut: a database that is missing, not yet a store, or unreadable knows no
article, and the worker annotates the input as if it were new.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


class KnownArticles:
    def __init__(self, path: str | None) -> None:
        self._conn = _open_readonly(path)

    def __contains__(self, article_id: object) -> bool:
        if self._conn is None:
            return False
        try:
            return self._conn.execute("SELECT 1 FROM articles WHERE id = ?",
                                      (article_id,)).fetchone() is not None
        except sqlite3.Error:
            return False


def _open_readonly(path: str | None) -> sqlite3.Connection | None:
    if not path or not Path(path).exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{Path(path).absolute()}?mode=ro", uri=True)
        conn.execute("SELECT 1 FROM articles LIMIT 1")
        return conn
    except sqlite3.Error:
        return None
