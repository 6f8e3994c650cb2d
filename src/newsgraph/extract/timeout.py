"""A wall-clock limit for one document, so a pathological page cannot hang a batch."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from newsgraph.errors import BadInput


class _Expired(BaseException):
    """Raised by the alarm. A BaseException, so that libraries which catch `Exception` around
    their own work (trafilatura does) cannot swallow it and carry on."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise BadInput when the block runs longer than `seconds`.

    Uses SIGALRM, so it applies in the main thread of a process (the CLI, pool workers,
    Spark Python workers); elsewhere the block runs without a limit. Inputs are also capped
    in size when read (`read.sources.MAX_INPUT_BYTES`), which bounds the time spent in C code
    (lxml parsing) that a signal cannot interrupt.
    """
    if not seconds or threading.current_thread() is not threading.main_thread() \
            or not hasattr(signal, "setitimer"):
        yield
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise _Expired()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Expired:
        raise BadInput(f"extraction took longer than {seconds:g} s") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
