"""store: one SQLite file (WAL, FTS5, named migrations, one writer) and its read API."""

from newsgraph.store.db import Store, StoreError

__all__ = ["Store", "StoreError"]
