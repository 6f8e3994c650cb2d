"""Engine-free steps: inputs -> Article records, and one shard -> Parquet files + marker.

Executors (the local process pool, Spark) call these unchanged; only the executors know about
parallelism. One bad input never stops a batch: it comes out as an `InputError` naming it.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from newsgraph.errors import BadInput
from newsgraph.extract import TIME_LIMIT_S, extract_raw
from newsgraph.read import InputError, Item
from newsgraph.record import Article
from newsgraph.run.parquet import ShardWriter
from newsgraph.run.shards import Shard, read_shard

DONE_DIR = "_done"


@dataclass
class StepOptions:
    # Documents per `nlp.pipe` batch; bounded so a worker's memory does not depend on the
    # shard size.
    batch_size: int = 64
    # Articles annotated per call (one spaCy memory zone each) and per Parquet row group.
    chunk_size: int = 256
    time_limit_s: float | None = TIME_LIMIT_S


def extract_items(items: Iterable[Item], failed: list[InputError],
                  time_limit_s: float | None = TIME_LIMIT_S) -> Iterator[Article]:
    """Extract every input; bad ones are appended to `failed` and skipped."""
    for item in items:
        if isinstance(item, InputError):
            failed.append(item)
            continue
        try:
            yield extract_raw(item, time_limit_s=time_limit_s)
        except BadInput as e:
            failed.append(InputError(item.source, e.reason))
        except Exception as e:  # noqa: BLE001 - one bad input never stops a batch
            failed.append(InputError(item.source, _internal(e)))


def _internal(e: Exception) -> str:
    return f"internal error ({e.__class__.__name__}: {e})"[:300]


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for a in articles:
        chunk.append(a)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def annotate_chunk(chunk: list[Article], options: StepOptions,
                   failed: list[InputError]) -> list[Article]:
    """Annotate a chunk in one `nlp.pipe` run; when it fails, redo it one article at a time so
    only the article that breaks a component is lost (and reported)."""
    from newsgraph.annotate import PipelineOptions, annotate

    opts = PipelineOptions(batch_size=options.batch_size)
    try:
        return list(annotate(chunk, opts))
    except Exception:  # noqa: BLE001 - isolate the bad article below
        pass
    done: list[Article] = []
    for a in chunk:
        try:
            done.extend(annotate([a], opts))
        except Exception as e:  # noqa: BLE001 - one bad input never stops a batch
            failed.append(InputError(a.source or a.id, "annotation failed: " + _internal(e)))
    return done


def process_items(items: Iterable[Item], options: StepOptions | None = None
                  ) -> Iterator[Article | InputError]:
    """Extract and annotate; yields annotated Articles (in input order) and InputErrors."""
    opts = options or StepOptions()
    failed: list[InputError] = []
    for chunk in _chunks(extract_items(items, failed, opts.time_limit_s), opts.chunk_size):
        done = annotate_chunk(chunk, opts, failed)
        yield from failed
        failed.clear()
        yield from done
    yield from failed


@dataclass
class ShardResult:
    shard: str
    articles: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    pid: int = 0
    # True when this shard paid for loading the spaCy pipeline in its worker process.
    loaded_model: bool = False
    skipped: bool = False
    # Set when the shard as a whole failed (its marker is not written; a rerun retries it).
    failure: str | None = None

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> ShardResult:
        return cls(**json.loads(text))


def marker_path(out_dir: Path, shard_id: str) -> Path:
    return out_dir / DONE_DIR / f"{shard_id}.json"


def is_done(out_dir: Path, shard_id: str) -> bool:
    return marker_path(out_dir, shard_id).is_file()


def process_shard(shard: Shard, out_dir: Path, options: StepOptions | None = None
                  ) -> ShardResult:
    """Run one shard: read, extract, annotate, write its Parquet files, then mark it done.

    The marker is written last, so a shard interrupted anywhere before it is simply redone.
    """
    from newsgraph.annotate import pipeline

    opts = options or StepOptions()
    start = time.perf_counter()
    result = ShardResult(shard=shard.id, pid=os.getpid(), loaded_model=not pipeline.is_loaded())
    writer = ShardWriter(out_dir, shard.id, flush_rows=opts.chunk_size)
    try:
        for out in process_items(read_shard(shard), opts):
            if isinstance(out, InputError):
                result.errors.append(out.line())
            else:
                writer.add(out)
        writer.commit()
    except Exception as e:  # noqa: BLE001 - reported per shard; the other shards go on
        writer.abort()
        result.failure = _internal(e)
        result.seconds = time.perf_counter() - start
        return result
    result.articles = writer.articles
    result.seconds = round(time.perf_counter() - start, 3)
    marker = marker_path(out_dir, shard.id)
    marker.parent.mkdir(parents=True, exist_ok=True)
    tmp = marker.with_suffix(".tmp")
    tmp.write_text(result.to_json(), encoding="utf-8")
    tmp.replace(marker)
    return result
