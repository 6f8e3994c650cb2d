"""The Store: one SQLite file (WAL, FTS5, named migrations) with one writer.

    from newsgraph.store import Store
    with Store("newsgraph.db") as st:
        st.write_articles(articles)     # per-article rows, one transaction
        st.resolve()                    # cross-article entities, events, agreements
        st.entities(type="PERSON", limit=10)

Writes go through `transaction()`, which holds a process-wide lock and SQLite's write lock
(BEGIN IMMEDIATE) for its whole length, so there is exactly one writer at a time. Readers
(`Store(path, readonly=True)`, one per thread) never block it: WAL lets them read the last
committed state while it writes.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from newsgraph.errors import NewsgraphError
from newsgraph.record import Article
from newsgraph.store import write as _write
from newsgraph.store.migrations import ARTICLE_TABLES, RESOLVED_TABLES, migrate
from newsgraph.store.models import Stats
from newsgraph.store.read import Reader
from newsgraph.store.resolved import ResolveReport, resolve_all, resolve_new


class StoreError(NewsgraphError):
    """A database that cannot be opened or used."""


class Store(Reader):
    def __init__(self, path: str | Path = ":memory:", *, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        self._lock = threading.RLock()
        try:
            if readonly:
                if self.path != ":memory:" and not Path(self.path).exists():
                    raise StoreError(f"{self.path}: no such database (run `newsgraph ingest` "
                                     "first)")
                uri = f"file:{Path(self.path).absolute()}?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, isolation_level=None,
                                            check_same_thread=False)
            else:
                parent = Path(self.path).parent
                if self.path != ":memory:" and not parent.is_dir():
                    raise StoreError(f"{self.path}: cannot create the database, folder "
                                     f"{parent} does not exist")
                self.conn = sqlite3.connect(self.path, isolation_level=None,
                                            check_same_thread=False, timeout=60.0)
                self.conn.execute("PRAGMA journal_mode=WAL")
                # WAL + NORMAL is durable against process crashes (kill -9); only a power
                # loss may drop the last transactions, never corrupt the file.
                self.conn.execute("PRAGMA synchronous=NORMAL")
                self.conn.execute("PRAGMA foreign_keys=ON")
                migrate(self.conn)
            self.conn.execute("PRAGMA busy_timeout=60000")
            if readonly:
                self._check_schema()
        except sqlite3.OperationalError as e:
            raise StoreError(f"{self.path}: cannot open the database ({e})") from None
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: not a newsgraph database ({e})") from None

    def _check_schema(self) -> None:
        row = self.conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND "
                                "name='articles'").fetchone()
        if row is None:
            raise StoreError(f"{self.path}: not a newsgraph database (no articles table)")

    # -------------------------------------------------------------- lifecycle

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """The one way to write: all or nothing, one writer at a time."""
        if self.readonly:
            raise StoreError(f"{self.path}: opened read-only")
        with self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    # ---------------------------------------------------------------- writes

    def has_article(self, article_id: str) -> bool:
        return _write.has_article(self.conn, article_id)

    def write_articles(self, articles: Iterable[Article]) -> list[_write.WriteResult]:
        """Store annotated articles in one transaction; already stored ones add nothing."""
        with self.transaction() as conn:
            return [_write.write_article(conn, a) for a in articles]

    def add_source(self, article_id: str, source: str | None, url: str | None = None) -> bool:
        with self.transaction() as conn:
            return _write.add_source(conn, article_id, source, url)

    def write_batch(self, articles: Iterable[Article], sources: Iterable[_write.Source] = ()
                    ) -> list[_write.WriteResult]:
        """Store `articles` and record new `sources` of stored ones, all in one transaction.

        A source gives a result that is never `added`. Raises StoreError, with SQLite's
        message, when any row is refused: then nothing of the batch is stored.
        """
        try:
            with self.transaction() as conn:
                out = [_write.write_article(conn, a) for a in articles]
                for s in sources:
                    new = _write.add_source(conn, s.article_id, s.source, s.url)
                    out.append(_write.WriteResult(s.article_id, False, new))
                return out
        except sqlite3.Error as e:
            raise StoreError(str(e)) from e

    def resolve(self, full: bool = False) -> ResolveReport:
        """Bring every cross-article table up to date with the stored articles (one
        transaction): incrementally from the articles stored since the last resolution, or
        with `full` rebuilt from all of them. Both end with the same tables."""
        with self.transaction() as conn:
            return resolve_all(conn) if full else resolve_new(conn)

    # ----------------------------------------------------------------- stats

    def stats(self) -> Stats:
        """Row counts of every table (what `ingest` reports and tests compare)."""
        counts = {}
        for t in ARTICLE_TABLES + tuple(reversed(RESOLVED_TABLES)):
            counts[t] = int(self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
        return Stats(counts)
