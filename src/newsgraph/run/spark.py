"""The Spark executor: shards as rows, `mapInPandas` runs the engine-free shard step.

This is the only module that imports pyspark (optional extra: pip install 'newsgraph[spark]').
Each Spark task gets one shard description; the Python worker reads that shard itself,
extracts and annotates it in bounded chunks with the pipeline it loaded once (Spark reuses
Python workers between tasks, so the model load is paid once per worker, not per shard),
writes the shard's five Parquet files with the explicit schema of `run.parquet`, and marks
the shard done. A rerun plans the same shards and skips the marked ones.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import sys
import time
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.errors import NewsgraphError
from newsgraph.run.parquet import SCHEMA_VERSION, TABLES
from newsgraph.run.process import ProcessOptions
from newsgraph.run.shards import Shard, plan_shards
from newsgraph.run.steps import ShardResult, is_done, process_shard

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import SparkSession

MANIFEST = "_manifest.json"
INSTALL_HINT = "pip install 'newsgraph[spark]'"


@dataclass
class SparkOptions:
    master: str = "local[2]"
    shard_size: int = 200
    steps: ProcessOptions = field(default_factory=lambda: ProcessOptions(batch_size=64))
    # Extra Spark settings (key -> value), e.g. spark.executor.memory on a cluster.
    conf: dict[str, str] = field(default_factory=dict)
    app_name: str = "newsgraph"


@dataclass
class SparkReport:
    shards: int = 0
    skipped: int = 0
    results: list[ShardResult] = field(default_factory=list)
    # Inputs that could not be planned (missing paths, stdin) and inputs that failed in a shard.
    errors: list[str] = field(default_factory=list)
    failed_shards: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def articles(self) -> int:
        return sum(r.articles for r in self.results)

    @property
    def model_loads(self) -> int:
        return sum(r.loaded_model for r in self.results)


def require_spark() -> None:
    """Fail with one clear line when PySpark or Java is missing."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise NewsgraphError(f"running on Spark needs PySpark: {INSTALL_HINT}") from None
    java_home = os.environ.get("JAVA_HOME")
    if not shutil.which("java") and not (java_home and Path(java_home, "bin", "java").exists()):
        raise NewsgraphError("Spark needs Java 17 or later on PATH "
                             "(Debian: apt-get install default-jre-headless)")


def _check_manifest(out_dir: Path, shard_size: int) -> None:
    """Shard ids depend on the shard size: mixing two sizes in one folder would store some
    articles twice, so a second size is refused."""
    path = out_dir / MANIFEST
    if path.exists():
        old = json.loads(path.read_text(encoding="utf-8"))
        if old.get("shard_size") != shard_size:
            raise NewsgraphError(
                f"{out_dir}: written with --shard-size {old.get('shard_size')}; rerun with "
                "that size or use a new output folder")
        return
    out_dir.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"schema_version": SCHEMA_VERSION, "shard_size": shard_size,
                                "tables": list(TABLES)}, indent=2), encoding="utf-8")


def session(options: SparkOptions) -> SparkSession:
    require_spark()
    from pyspark.sql import SparkSession

    # Python workers must run the interpreter that has newsgraph and its model installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    # PySpark 4.3 warns about pandas 3 on every mapInPandas; our use (string columns in and
    # out) is covered by its tests, so the warning is noise for users.
    warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas",
                            category=FutureWarning)
    builder = (SparkSession.builder.master(options.master).appName(options.app_name)
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               # Reused workers keep their loaded pipeline from one shard to the next.
               .config("spark.python.worker.reuse", "true")
               .config("spark.sql.execution.arrow.pyspark.enabled", "true"))
    for key, value in options.conf.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _map_shards(batches: Iterator[pd.DataFrame], out_dir: str, steps: dict[str, Any]
                ) -> Iterator[pd.DataFrame]:
    """mapInPandas body, run in a Python worker: one shard description per row in, one
    result (JSON) per row out."""
    import pandas as pd

    opts = ProcessOptions(**steps)
    out = Path(out_dir)
    for batch in batches:
        rows = []
        for spec in batch["spec"]:
            shard = Shard.from_json(spec)
            if is_done(out, shard.id):  # a retried or speculative copy of a finished task
                result = ShardResult(shard=shard.id, pid=os.getpid(), skipped=True)
            else:
                result = process_shard(shard, out, opts)
            rows.append({"shard": shard.id, "result": result.to_json()})
        yield pd.DataFrame(rows, columns=["shard", "result"])


def run_shards(spark: SparkSession, shards: list[Shard], out_dir: Path,
               steps: ProcessOptions) -> list[ShardResult]:
    """Run shards as one Spark job, one shard per task."""
    if not shards:
        return []
    rows = [(s.id, s.to_json()) for s in shards]
    # One slice per shard: tasks stay small and a slow shard does not hold others back.
    rdd = spark.sparkContext.parallelize(rows, numSlices=len(rows))
    frame = spark.createDataFrame(rdd, "shard string, spec string")
    body = functools.partial(_map_shards, out_dir=str(out_dir.resolve()), steps=asdict(steps))
    out = frame.mapInPandas(body, schema="shard string, result string").collect()
    return [ShardResult.from_json(r["result"]) for r in out]


def run_spark(paths: Iterable[str], out_dir: Path, options: SparkOptions | None = None
              ) -> SparkReport:
    """Plan shards over `paths`, run those not yet done on Spark, write Parquet to `out_dir`."""
    opts = options or SparkOptions()
    start = time.perf_counter()
    require_spark()
    plan = plan_shards(paths, opts.shard_size)
    report = SparkReport(shards=len(plan.shards), errors=[e.line() for e in plan.errors])
    _check_manifest(out_dir, opts.shard_size)
    pending = [s for s in plan.shards if not is_done(out_dir, s.id)]
    report.skipped = len(plan.shards) - len(pending)
    if pending:
        from pyspark.sql import SparkSession

        # Called from inside a Spark application (a notebook, a test), run in its session and
        # leave it open; otherwise start one for this run and stop it after.
        active = SparkSession.getActiveSession()
        spark = active or session(opts)
        try:
            report.results = run_shards(spark, pending, out_dir, opts.steps)
        finally:
            if active is None:
                spark.stop()
    for r in report.results:
        report.errors.extend(r.errors)
        if r.failure:
            report.failed_shards.append(f"{r.shard}: {r.failure}")
    report.seconds = round(time.perf_counter() - start, 2)
    return report
