"""The local executor: a process pool that extracts and annotates, results back in order.

Each worker loads the spaCy pipeline once (`annotate.get_nlp()` in the initializer) and runs
the one route of `newsgraph.run.process` on chunks of inputs. Workers never write: they
may open the database read-only to skip articles already stored (same clean text, same id),
which makes a rerun cheap; every write happens in the parent, the store's one writer.

At most `2 * workers` chunks are queued or running, and at most `8 * workers` are held in all
(finished ones wait to leave in input order), so memory stays flat however large the input.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field

from newsgraph.read import InputError, Item, RawInput
from newsgraph.record import Article
from newsgraph.run.process import Outcome, ProcessOptions, process
from newsgraph.store.known import KnownArticles


@dataclass
class PoolOptions:
    # 0 runs everything in this process (no pool); N >= 1 starts N worker processes.
    workers: int = 2
    # Inputs per task sent to a worker.
    chunk_size: int = 16
    # Database to consult (read-only) for articles already stored; None: annotate all.
    known_db: str | None = None
    # What the workers do with each input (dates, URL, nlp.pipe batch size, time limit).
    process: ProcessOptions = field(default_factory=ProcessOptions)


@dataclass
class Known:
    """An input whose article is already stored: only its source may be new."""

    article_id: str
    source: str | None
    url: str | None


@dataclass
class ChunkResult:
    articles: list[Article] = field(default_factory=list)   # newly annotated
    known: list[Known] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)          # one line per failed input
    # Every input's outcome in input order, for a caller that wants them so (`process_parallel`
    # fills this instead of the three lists above).
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def done(self) -> int:
        return len(self.articles) + len(self.known)


class _Worker:
    """Per-process state: the pipeline and the read-only connection, made once."""

    known: KnownArticles | None = None
    options: PoolOptions | None = None


def _init(options: PoolOptions) -> None:
    from newsgraph.annotate import get_nlp

    get_nlp()
    _Worker.options = options
    _Worker.known = KnownArticles(options.known_db)


def process_chunk(items: list[Item]) -> ChunkResult:
    """Extract, skip what is stored, annotate the rest (runs inside a worker)."""
    opts = _Worker.options or PoolOptions()
    out = ChunkResult()

    def stored(art: Article) -> bool:
        if _Worker.known is None or art.id not in _Worker.known:
            return False
        out.known.append(Known(art.id, art.source, art.url))
        return True

    # The whole chunk is annotated in one go, whatever its size.
    step = dataclasses.replace(opts.process, chunk_size=max(1, len(items)))
    for o in process(items, step, skip=stored):
        if isinstance(o, InputError):
            out.errors.append(o.line())
        else:
            out.articles.append(o)
    return out


def outcomes_chunk(items: list[Item]) -> ChunkResult:
    """Every input's outcome, in order (runs inside a worker)."""
    opts = _Worker.options or PoolOptions()
    step = dataclasses.replace(opts.process, chunk_size=max(1, len(items)))
    # The cause of an internal error stays here: not every exception survives pickling.
    return ChunkResult(outcomes=[InputError(o.source, o.reason) if isinstance(o, InputError)
                                 else o for o in process(items, step)])


def process_parallel(items: Iterable[Item], options: ProcessOptions, workers: int,
                     chunk_size: int = 16) -> Iterator[Outcome]:
    """`process` on `workers` processes: the same outcomes, in the same order."""
    pool = PoolOptions(workers=workers, chunk_size=chunk_size, process=options)
    for result in _results(outcomes_chunk, items, pool):
        yield from result.outcomes


def chunked(items: Iterable[Item], size: int, workers: int = 1) -> Iterator[list[Item]]:
    """Inputs in lists of `size`, the last ones smaller so that the workers finish together.

    The tail is where a pool loses time: when one worker takes the last full chunk, the others
    sit idle until it is done. So the last `size * (workers + 1)` inputs, known by reading that
    far ahead, are cut by weight (bytes of input) into about `4 * workers` small chunks, and
    every worker keeps taking a share until the end.
    """
    size = max(1, size)
    ahead = size * (workers + 1)
    buf: deque[Item] = deque()
    for it in items:
        buf.append(it)
        if len(buf) >= ahead:
            yield [buf.popleft() for _ in range(size)]
    if workers <= 1:
        while buf:
            yield [buf.popleft() for _ in range(min(size, len(buf)))]
        return
    weights = [_weight(it) for it in buf]
    share = sum(weights) / (4 * workers)
    chunk: list[Item] = []
    load = 0
    for it, w in zip(buf, weights, strict=True):
        if chunk and (load + w > share or len(chunk) >= size):
            yield chunk
            chunk, load = [], 0
        chunk.append(it)
        load += w
    if chunk:
        yield chunk


def _weight(item: Item) -> int:
    """Work an input stands for, roughly: its size (an unreadable input costs nothing)."""
    return len(item.data) + 1 if isinstance(item, RawInput) else 1


def run(items: Iterable[Item], options: PoolOptions) -> Iterator[ChunkResult]:
    """Process all inputs; yields one result per chunk, in input order."""
    if options.workers <= 0:
        _init(options)
        for chunk in chunked(items, options.chunk_size):
            yield process_chunk(chunk)
        return
    yield from _results(process_chunk, items, options)


def _results(work: Callable[[list[Item]], ChunkResult], items: Iterable[Item],
             options: PoolOptions) -> Iterator[ChunkResult]:
    # spawn, not fork: the parent runs a progress thread and holds a database connection,
    # neither of which survives a fork safely.
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=options.workers, mp_context=ctx, initializer=_init,
                             initargs=(options,)) as pool:
        yield from in_order(lambda chunk: pool.submit(work, chunk),
                            chunked(items, options.chunk_size, options.workers), options.workers)


def in_order(submit: Callable[[list[Item]], Future[ChunkResult]],
             chunks: Iterator[list[Item]], workers: int) -> Iterator[ChunkResult]:
    """Keep every worker fed while results leave in input order.

    Up to `2 * workers` chunks are queued or running at any time. A chunk that finishes
    before the ones ahead of it waits in a buffer and does not hold back the next submission,
    so one long chunk at the head never leaves the other workers idle. The buffer is bounded
    too (`8 * workers` chunks in all), which keeps memory flat on any input.
    """
    busy_limit, total_limit = 2 * workers, 8 * workers
    pending: deque[tuple[list[str], Future[ChunkResult]]] = deque()
    running: set[Future[ChunkResult]] = set()
    exhausted = False
    while True:
        while not exhausted and len(running) < busy_limit and len(pending) < total_limit:
            chunk = next(chunks, None)
            if chunk is None:
                exhausted = True
                break
            future = submit(chunk)
            pending.append(([it.source for it in chunk], future))
            running.add(future)
        if not pending:
            return
        if pending[0][1].done():
            sources, future = pending.popleft()
            running.discard(future)
            yield _result(sources, future)
            continue
        done, _ = wait(running, return_when=FIRST_COMPLETED)
        running -= done


def _result(sources: list[str], future: Future[ChunkResult]) -> ChunkResult:
    """A chunk whose worker died is reported input by input; the run goes on."""
    try:
        return future.result()
    except Exception as e:  # noqa: BLE001 - one broken chunk never stops a batch
        reason = f"worker failed ({e.__class__.__name__}: {e})"[:300]
        return ChunkResult(errors=[f"{s}: {reason}" for s in sources],
                           outcomes=[InputError(s, reason) for s in sources])
