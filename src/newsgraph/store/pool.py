"""Stores shared by threads: per-thread read-only connections, and one writer thread.

A server (FastAPI runs plain `def` endpoints on its worker thread pool) has each worker
thread open its own read-only store the first time it needs one (a sqlite3 connection must
not be shared between threads). Every write (ingest over HTTP) is a job on a queue drained
by one thread that owns the only writable connection, so writers never contend for SQLite's
lock.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from newsgraph.store.db import Store

T = TypeVar("T")


@dataclass
class ReadPool:
    """One read-only Store per thread, opened lazily and closed together."""

    path: Path
    _local: threading.local = field(default_factory=threading.local)
    _all: list[Store] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # Bumped by close(): a thread holding a store from before reopens instead of using a
    # closed connection (an app can be shut down and started again, as test clients do).
    _generation: int = 0

    def store(self) -> Store:
        st: Store | None = getattr(self._local, "store", None)
        if st is None or getattr(self._local, "generation", -1) != self._generation:
            st = Store(self.path, readonly=True)
            # Even a faulty query cannot write through a reader.
            st.conn.execute("PRAGMA query_only = 1")
            self._local.store = st
            self._local.generation = self._generation
            with self._lock:
                self._all.append(st)
        return st

    def close(self) -> None:
        with self._lock:
            self._generation += 1
            for st in self._all:
                st.close()
            self._all.clear()


@dataclass
class _Job:
    fn: Callable[[], Any]
    future: Future[Any]


class Writer:
    """Runs write jobs one at a time on a single thread, in submission order."""

    def __init__(self, name: str = "newsgraph-writer") -> None:
        self.name = name
        self._queue: queue.Queue[_Job | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()

    def submit(self, fn: Callable[[], T]) -> Future[T]:
        with self._start_lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
                self._thread.start()
        fut: Future[T] = Future()
        self._queue.put(_Job(fn, fut))
        return fut

    def _run(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            if not job.future.set_running_or_notify_cancel():
                continue
            try:
                job.future.set_result(job.fn())
            except BaseException as e:  # noqa: BLE001 - handed to the waiting request
                job.future.set_exception(e)

    def close(self, timeout: float = 10.0) -> None:
        with self._start_lock:
            if self._thread is not None and self._thread.is_alive():
                self._queue.put(None)
                self._thread.join(timeout)
            self._thread = None
