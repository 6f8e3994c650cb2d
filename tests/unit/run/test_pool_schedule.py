"""How the local pool hands out work: chunk sizes, the tail, and in-order results."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from newsgraph.read import InputError, RawInput
from newsgraph.run.pool import ChunkResult, chunked, in_order


def _inputs(n: int, size: int = 100) -> list[RawInput]:
    return [RawInput(source=f"in-{i}", data="x" * size) for i in range(n)]


@pytest.mark.parametrize("n", [0, 1, 5, 16, 17, 47, 48, 49, 200, 1001])
@pytest.mark.parametrize("workers", [1, 2, 4])
def test_chunked_keeps_every_input_once_in_order(n: int, workers: int) -> None:
    items = _inputs(n)
    chunks = list(chunked(items, 16, workers))
    assert [it for c in chunks for it in c] == items
    assert all(1 <= len(c) <= 16 for c in chunks)


def test_one_worker_gets_full_chunks() -> None:
    sizes = [len(c) for c in chunked(_inputs(100), 16, 1)]
    assert sizes == [16] * 6 + [4]


def test_the_tail_is_cut_small_for_several_workers() -> None:
    sizes = [len(c) for c in chunked(_inputs(200), 16, 2)]
    # The body goes out in full chunks; what is left after the last full chunk (between
    # 32 and 47 inputs) in about 8 pieces of equal weight.
    body = [s for s in sizes if s == 16]
    tail = sizes[len(body):]
    assert sizes[:len(body)] == body and 32 <= sum(tail) <= 47
    assert len(tail) >= 8 and max(tail) <= 6


def test_the_tail_is_cut_by_weight_not_count() -> None:
    items = _inputs(47, size=10) + [RawInput(source="big", data="x" * 10_000)]
    tail = list(chunked(items, 16, 2))
    # The one long input makes a chunk of its own; the many short ones share the rest.
    assert [it.source for it in tail[-1]] == ["big"]
    assert [it for c in tail for it in c] == items


def test_unreadable_inputs_weigh_little_but_are_kept() -> None:
    items: list = [InputError(f"bad-{i}", "no such file") for i in range(5)] + _inputs(3)
    chunks = list(chunked(items, 16, 2))
    assert [it for c in chunks for it in c] == items


def _echo(chunk: list) -> ChunkResult:
    return ChunkResult(errors=[it.source for it in chunk])


def test_results_leave_in_input_order_whatever_finishes_first() -> None:
    delays = iter([0.05, 0.0, 0.03, 0.0, 0.01, 0.0, 0.02, 0.0] * 3)

    def slow_echo(chunk: list) -> ChunkResult:
        time.sleep(next(delays))
        return _echo(chunk)

    items = _inputs(48)
    with ThreadPoolExecutor(max_workers=2) as ex:
        out = list(in_order(lambda c: ex.submit(slow_echo, c), iter(chunked(items, 2, 1)), 2))
    assert [s for r in out for s in r.errors] == [it.source for it in items]


def test_a_slow_chunk_at_the_head_does_not_starve_the_other_workers() -> None:
    # Chunk 0 finishes only once chunk 6 has run. With 2 workers, at most 4 chunks are queued
    # or running, so chunk 6 is submitted only if finished chunks behind the head free their
    # places while chunk 0 is still running.
    sixth_done = threading.Event()
    waited: list[bool] = []

    def work(chunk: list) -> ChunkResult:
        first = chunk[0].source
        if first == "in-0":
            waited.append(sixth_done.wait(timeout=10))
        elif first == "in-6":
            sixth_done.set()
        return _echo(chunk)

    items = _inputs(10)
    with ThreadPoolExecutor(max_workers=2) as ex:
        out = list(in_order(lambda c: ex.submit(work, c), iter(chunked(items, 1, 1)), 2))
    assert waited == [True]
    assert [s for r in out for s in r.errors] == [it.source for it in items]


def test_finished_results_held_back_are_bounded() -> None:
    release = threading.Event()
    submitted = 0
    yielded = 0
    most = 0

    def work(chunk: list) -> ChunkResult:
        if chunk[0].source == "in-0":
            release.wait(timeout=10)
        return _echo(chunk)

    def submit(ex: ThreadPoolExecutor, c: list):
        nonlocal submitted, most
        submitted += 1
        most = max(most, submitted - yielded)
        if submitted - yielded >= 16:  # everything the bound allows is out: let the head go
            release.set()
        return ex.submit(work, c)

    items = _inputs(100)
    with ThreadPoolExecutor(max_workers=2) as ex:
        for _ in in_order(lambda c: submit(ex, c), iter(chunked(items, 1, 1)), 2):
            yielded += 1
    assert yielded == 100
    assert most == 16  # 8 * workers, never more
