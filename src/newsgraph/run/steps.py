"""The engine-free shard step: one shard -> Parquet files + marker.

Spark calls it unchanged; only the executor knows about parallelism. Inside a shard the inputs
take the one route of `newsgraph.run.process`: one bad input never stops a batch, it comes out
as an `InputError` naming it.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from newsgraph.read import InputError
from newsgraph.run.parquet import ShardWriter
from newsgraph.run.process import ProcessOptions, internal_error, process
from newsgraph.run.shards import Shard, read_shard

DONE_DIR = "_done"


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


def process_shard(shard: Shard, out_dir: Path, options: ProcessOptions | None = None
                  ) -> ShardResult:
    """Run one shard: read, extract, annotate, write its Parquet files, then mark it done.

    The marker is written last, so a shard interrupted anywhere before it is simply redone.
    """
    from newsgraph.annotate import pipeline

    opts = options or ProcessOptions()
    start = time.perf_counter()
    result = ShardResult(shard=shard.id, pid=os.getpid(), loaded_model=not pipeline.is_loaded())
    writer = ShardWriter(out_dir, shard.id, flush_rows=opts.chunk_size)
    try:
        for out in process(read_shard(shard), opts):
            if isinstance(out, InputError):
                result.errors.append(out.line())
            else:
                writer.add(out)
        writer.commit()
    except Exception as e:  # noqa: BLE001 - reported per shard; the other shards go on
        writer.abort()
        result.failure = internal_error(e)
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
