"""A wall-clock limit for one document, so a pathological page cannot hang a batch."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from newsgraph.errors import BadInput


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise BadInput when the block runs longer than `seconds`.

    Uses SIGALRM, so it applies in the main thread of a process (the CLI, pool workers,
    Spark Python workers); elsewhere the block runs without a limit.
    """
    if not seconds or threading.current_thread() is not threading.main_thread() \
            or not hasattr(signal, "setitimer"):
        yield
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise BadInput(f"extraction took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
