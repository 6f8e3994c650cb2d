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
from newsgraph.run.load import RESOLVED_DIR, RESOLVED_MARKER, finished_shards
from newsgraph.run.parquet import SCHEMA_VERSION, TABLES
from newsgraph.run.process import ProcessOptions
from newsgraph.run.shards import Shard, plan_shards
from newsgraph.run.steps import ShardResult, is_done, process_shard

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame, SparkSession

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
    # Also resolve across articles on Spark (`resolve_on_spark`), for `newsgraph load`.
    resolve: bool = False


@dataclass
class SparkReport:
    shards: int = 0
    skipped: int = 0
    results: list[ShardResult] = field(default_factory=list)
    # Inputs that could not be planned (missing paths, stdin) and inputs that failed in a shard.
    errors: list[str] = field(default_factory=list)
    failed_shards: list[str] = field(default_factory=list)
    seconds: float = 0.0
    resolution: ResolveReport | None = None

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
    # applyInPandas is given functools.partial bodies, whose type hints it cannot read.
    warnings.filterwarnings("ignore", message="Cannot infer the eval type from type hints",
                            category=UserWarning)
    builder = (SparkSession.builder.master(options.master).appName(options.app_name)
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               # Reused workers keep their loaded pipeline from one shard to the next.
               .config("spark.python.worker.reuse", "true")
               .config("spark.sql.execution.arrow.pyspark.enabled", "true"))
    if options.master.startswith("local"):   # resolution's shuffles are small on one machine
        builder = builder.config("spark.sql.shuffle.partitions", "8")
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
    if pending or opts.resolve:
        from pyspark.sql import SparkSession

        # Called from inside a Spark application (a notebook, a test), run in its session and
        # leave it open; otherwise start one for this run and stop it after.
        active = SparkSession.getActiveSession()
        spark = active or session(opts)
        try:
            report.results = run_shards(spark, pending, out_dir, opts.steps)
            if opts.resolve:
                report.resolution = resolve_on_spark(spark, out_dir, finished_shards(out_dir))
        finally:
            if active is None:
                spark.stop()
    for r in report.results:
        report.errors.extend(r.errors)
        if r.failure:
            report.failed_shards.append(f"{r.shard}: {r.failure}")
    report.seconds = round(time.perf_counter() - start, 2)
    return report


# ------------------------------------------------------- resolution on Spark

_TAGGED = "group string, table string, payload string"


@dataclass
class ResolveReport:
    shards: int = 0
    articles: int = 0
    rows: dict[str, int] = field(default_factory=dict)    # by resolved table
    seconds: dict[str, float] = field(default_factory=dict)   # by step


def resolve_on_spark(spark: SparkSession, out_dir: Path, shards: list[str]) -> ResolveReport:
    """Resolve the articles of the finished `shards` across articles on Spark, with the step
    functions of `newsgraph.resolve`, and write every resolved table (and the state that
    incremental resolution keeps) as Parquet under `out_dir/resolved/`, marked done last.
    `newsgraph load` then stores them as they are instead of resolving in one process."""
    from newsgraph.run import resolve_rows

    out = out_dir.resolve()
    marker = out / RESOLVED_DIR / RESOLVED_MARKER
    marker.unlink(missing_ok=True)
    shutil.rmtree(out / resolve_rows.ROWS_DIR, ignore_errors=True)  # only these shards' rows
    report = ResolveReport(shards=len(shards))
    clock = time.perf_counter()
    frame = spark.createDataFrame([(s,) for s in shards], "shard string")
    frame.repartition(max(1, min(len(shards), 64))).mapInPandas(
        functools.partial(_write_rows, out_dir=str(out)), "articles long").collect()
    first = _first_copies(spark, out)
    rows = {t: spark.read.schema(resolve_rows.ddl(t)).parquet(
        str(out / resolve_rows.ROWS_DIR / t)).join(first, ["article_id", "shard", "seq"],
                                                   "left_semi").drop("shard", "seq").persist()
            for t in resolve_rows.SCHEMAS}
    tables: dict[str, DataFrame] = {"resolved_articles": rows["articles"].select("article_id")}
    clock = _save(spark, out, tables, report, "rows", clock)
    for step in (_resolve_entities, _resolve_copies, _resolve_events, _resolve_agreements,
                 _resolve_commitments):
        step(rows, tables)
        clock = _save(spark, out, tables, report, step.__name__.removeprefix("_resolve_"),
                      clock)
    report.articles = report.rows["resolved_articles"]
    marker.write_text(json.dumps({"shards": shards, "articles": report.articles,
                                  "rows": report.rows}, indent=1), encoding="utf-8")
    return report


def resolve_spark(out_dir: Path, options: SparkOptions | None = None) -> ResolveReport:
    """Resolve the finished shards of `out_dir` on Spark (see `resolve_on_spark`)."""
    from pyspark.sql import SparkSession

    shards = finished_shards(out_dir)
    active = SparkSession.getActiveSession()
    spark = active or session(options or SparkOptions())
    try:
        return resolve_on_spark(spark, out_dir, shards)
    finally:
        if active is None:
            spark.stop()


def _save(spark: SparkSession, out: Path, tables: dict[str, DataFrame], report: ResolveReport,
          step: str, since: float) -> float:
    """Write the tables a step made and read them back from there, so that the steps after
    it start from the files, not from the plan that made them; time the step."""
    for name in [t for t in tables if t not in report.rows]:
        path = str(out / RESOLVED_DIR / name)
        tables[name].write.mode("overwrite").parquet(path)
        tables[name] = spark.read.parquet(path)
        report.rows[name] = tables[name].count()
    now = time.perf_counter()
    report.seconds[step] = round(now - since, 2)
    return now


def _write_rows(batches: Iterator[pd.DataFrame], out_dir: str) -> Iterator[pd.DataFrame]:
    import pandas as pd

    from newsgraph.run.resolve_rows import write_rows

    for batch in batches:
        yield pd.DataFrame({"articles": [write_rows(Path(out_dir), s) for s in batch["shard"]]})


def _first_copies(spark: SparkSession, out: Path) -> DataFrame:
    """(article id, shard, seq) of the first copy of each article (by shard id, then
    position), which is the one `newsgraph load` stores."""
    from pyspark.sql import functions as F

    from newsgraph.run.resolve_rows import ROWS_DIR, ddl

    return (spark.read.schema(ddl("articles")).parquet(str(out / ROWS_DIR / "articles"))
            .groupBy("article_id").agg(F.min(F.struct("shard", "seq")).alias("f"))
            .select("article_id", "f.shard", "f.seq").persist())


def _tag(frame: DataFrame, group: Any, kind: str, cols: list[str] | None = None
         ) -> DataFrame:
    """Rows as (group, kind, JSON payload), so that rows of several kinds meet in a group."""
    from pyspark.sql import functions as F

    payload = F.to_json(F.struct(*(cols or [c for c in frame.columns if c != "group"])),
                        {"ignoreNullFields": "false"})
    return frame.select(F.col(group).cast("string").alias("group"), F.lit(kind).alias("kind"),
                        payload.alias("payload"))


def _bucket(frame: DataFrame, column: str, per: int = 10_000) -> Any:
    """A column spreading the components (or windows) named in `column` over a few groups
    of about `per` rows: one Python call clusters a whole group, whose components stay
    apart in it as they are in the whole archive (the steps only compare rows that share a
    key), so thousands of tiny components do not cost thousands of calls."""
    from pyspark.sql import functions as F

    spark = frame.sparkSession
    n = max(4 * spark.sparkContext.defaultParallelism, -(-frame.count() // per))
    return F.pmod(F.xxhash64(column), F.lit(n)).cast("string")


def _apply(tagged: DataFrame, step: Any) -> DataFrame:
    from newsgraph.run.resolve_steps import group_frame

    return tagged.groupBy("group").applyInPandas(
        functools.partial(group_frame, step=step), _TAGGED).persist()


def _results(results: DataFrame, tables: dict[str, DataFrame], names: Iterable[str]) -> None:
    from pyspark.sql import functions as F

    from newsgraph.run.resolve_steps import RESULTS

    for name in names:
        parsed = results.filter(F.col("table") == name).select(
            F.from_json("payload", RESULTS[name]).alias("r")).select("r.*")
        tables[name] = parsed if name not in tables else tables[name].unionByName(parsed)


def components(edges: DataFrame) -> DataFrame:
    """Connected components of a graph given as (node, key) edges: (node, component), the
    component named by its smallest node, by label propagation over the keys."""
    from pyspark.sql import functions as F

    edges = edges.select("node", "key").distinct().persist()
    labels = edges.select("node").distinct().withColumn("label", F.col("node"))
    while True:
        by_key = edges.join(labels, "node").groupBy("key").agg(F.min("label").alias("label"))
        new = (edges.join(by_key, "key").groupBy("node").agg(F.min("label").alias("label"))
               .localCheckpoint())
        changed = (new.join(labels.withColumnRenamed("label", "old"), "node")
                   .filter(F.col("label") != F.col("old")).count())
        labels = new
        if not changed:
            return labels.withColumnRenamed("label", "component")


def _resolve_entities(rows: dict[str, DataFrame], tables: dict[str, DataFrame]) -> None:
    """Blocking keys -> components -> clusters per component; components whose clusters
    take ids from the same name are clustered again together (as `store.incremental`)."""
    from pyspark.sql import functions as F

    from newsgraph.resolve.blocks import LINK, PROBE, TARGET
    from newsgraph.run.resolve_steps import entity_group, key_frames

    ents = rows["entities"].withColumn("node", F.concat_ws("\x1f", "article_id", "local_id"))
    keys = ents.drop("node").mapInPandas(
        key_frames, "key string, role string, article_id string, local_id string").persist()
    roles = F.collect_set("role")
    joining = keys.groupBy("key").agg(roles.alias("roles")).filter(
        F.array_contains("roles", LINK) | (F.array_contains("roles", TARGET)
                                           & F.array_contains("roles", PROBE)))
    edges = keys.join(joining, "key", "left_semi").select(
        F.concat_ws("\x1f", "article_id", "local_id").alias("node"), "key")
    ents = ents.join(components(edges), "node", "left").withColumn(
        "group", F.coalesce("component", "node")).drop("component", "node").persist()
    ents = ents.withColumn("group", _bucket(ents, "group"))
    first = _apply(_tag(ents, "group", "entity"), entity_group)
    name_ids = first.filter(F.col("table") == "name_ids").select(
        F.col("group").alias("node"), F.get_json_object("payload", "$.name_id").alias("key"))
    shared = name_ids.groupBy("key").agg(F.countDistinct("node").alias("n")).filter("n > 1")
    merged = components(name_ids.join(shared, "key", "left_semi"))
    again = ents.join(merged.withColumnRenamed("node", "group"), "group").withColumn(
        "group", F.col("component")).drop("component")
    kept = first.join(merged.select(F.col("node").alias("group")), "group", "left_anti")
    results = kept.unionByName(_apply(_tag(again, "group", "entity"), entity_group))
    _results(results, tables, ("entities", "entity_links", "entity_aliases", "entity_roles",
                               "entity_keys"))
    tables["entity_keys"] = tables["entity_keys"].unionByName(keys).distinct()


def _resolve_copies(rows: dict[str, DataFrame], tables: dict[str, DataFrame]) -> None:
    """Articles joined by sketch values held by few enough articles -> components -> copies
    per component, with the values too common to be evidence found over the whole archive."""
    from pyspark.sql import functions as F

    from newsgraph.resolve.dedup import MAX_POSTING
    from newsgraph.run.resolve_steps import copies_group

    values = rows["sketch"].select("value", "article_id").distinct().persist()
    tables["sketch_values"] = values
    counts = values.groupBy("value").count()
    common = frozenset(r["value"] % (1 << 64) for r in
                       counts.filter(F.col("count") > MAX_POSTING).collect())
    edges = values.join(counts.filter(F.col("count") <= MAX_POSTING), "value").select(
        F.col("article_id").alias("node"), F.col("value").cast("string").alias("key"))
    comp = components(edges)
    sizes = comp.groupBy("component").count().filter("count > 1")
    arts = (rows["articles"].join(comp.withColumnRenamed("node", "article_id"), "article_id")
            .join(sizes.select("component"), "component", "left_semi")
            .select("component", "article_id", "published", F.hex("sketch").alias("sketch"))
            .persist())
    arts = arts.withColumn("group", _bucket(arts, "component")).drop("component")
    results = _apply(_tag(arts, "group", "article"),
                     functools.partial(copies_group, common=common))
    _results(results, tables, ("duplicates",))


def _resolve_events(rows: dict[str, DataFrame], tables: dict[str, DataFrame]) -> None:
    """Reports by category and date window: a window ends where no report of its category
    follows within WINDOW_UNDATED days, so no cluster is open across it. Each window gets
    its reports' articles' entity links and names, the entities and aliases its actors can
    resolve to, and its articles' originals."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    from newsgraph.resolve.events import WINDOW_UNDATED
    from newsgraph.run.resolve_steps import alias_frames, event_group

    order = Window.partitionBy("cat").orderBy("day")
    gap = F.coalesce(F.datediff("day", F.lag("day").over(order)) > WINDOW_UNDATED, F.lit(True))
    dated = rows["reports"].filter(F.col("day").isNotNull()).withColumn(
        "w", F.sum(gap.cast("int")).over(order).cast("string"))
    reports = dated.unionByName(rows["reports"].filter(F.col("day").isNull())
                                .withColumn("w", F.lit("undated"))).withColumn(
        "group", F.concat_ws("|", "cat", "w"))
    reports = reports.withColumn("group", _bucket(reports, "group", 20_000)).persist()
    arts = reports.select("group", "article_id").distinct()
    links = tables["entity_links"].join(arts, "article_id")
    names = rows["entities"].select("article_id", "local_id", "ord", "name").join(
        arts, "article_id")
    aliases = tables["entity_aliases"].mapInPandas(
        alias_frames, "entity_id string, alias string, n_articles int, folded string")
    wanted = reports.select("group", F.explode("actor_names").alias("folded")).distinct()
    found = wanted.join(aliases, "folded").select("group", "entity_id", "alias")
    ids = links.select("group", "entity_id").union(found.select("group", "entity_id"))
    info = tables["entities"].select(F.col("id").alias("entity_id"), "name", "type",
                                     "affiliation").join(ids.distinct(), "entity_id")
    originals = tables["duplicates"].join(arts, "article_id")
    cols = ["pk", "article_id", "local_id", "category", "mode", "location", "location_country",
            "date", "modality", "sentence", "published", "actors"]
    tagged = (_tag(reports, "group", "report", cols).unionByName(_tag(links, "group", "link"))
              .unionByName(_tag(names, "group", "name"))
              .unionByName(_tag(found, "group", "alias"))
              .unionByName(_tag(info.withColumnRenamed("entity_id", "id"), "group", "entity"))
              .unionByName(_tag(originals, "group", "original",
                                ["article_id", "duplicate_of"])))
    _results(_apply(tagged, event_group), tables, ("events", "event_links", "event_actors"))


def _resolve_agreements(rows: dict[str, DataFrame], tables: dict[str, DataFrame]) -> None:
    """Every agreement mention in one task: agreements are resolved as one global step
    (a few mentions per article naming one)."""
    from pyspark.sql import functions as F

    from newsgraph.run.resolve_steps import agreements_all

    mentions = rows["mentions"].withColumn("group", F.lit("all"))
    texts = rows["articles"].filter(F.col("text").isNotNull()).select(
        F.lit("all").alias("group"), "article_id", "text")
    tagged = _tag(mentions, "group", "mention").unionByName(_tag(texts, "group", "text"))
    _results(_apply(tagged, agreements_all), tables,
             ("agreements", "agreement_aliases", "agreement_links", "agreement_status"))


def _resolve_commitments(rows: dict[str, DataFrame], tables: dict[str, DataFrame]) -> None:
    """Each quote makes its own commitments against the agreements, which are few: they go
    to every task with the latest publication date; the quotes stay partitioned."""
    from pyspark.sql import functions as F

    from newsgraph.run.resolve_steps import commitment_frames

    places = tables["agreement_links"].join(rows["mentions"], ["article_id", "ord"]).select(
        "article_id", "agreement_id", "start", "end")
    context = json.dumps({
        "aliases": [r.asDict() for r in tables["agreement_aliases"].collect()],
        "places": [r.asDict() for r in places.collect()],
        "statuses": [r.asDict() for r in tables["agreement_status"].collect()],
        "latest": rows["articles"].agg(F.max("published")).collect()[0][0]})
    ents = tables["entities"].select(F.col("id").alias("entity_id"),
                                     F.col("name").alias("entity_name"),
                                     F.col("type").alias("entity_type"))
    links = tables["entity_links"].withColumnRenamed("local_id", "speaker_local_id")
    quotes = (rows["quotes"].join(links, ["article_id", "speaker_local_id"], "left")
              .join(ents, "entity_id", "left")
              .withColumn("speaker", F.coalesce("entity_name", "speaker")))
    cols = ["pk", "article_id", "local_id", "published", "speaker", "entity_id", "text",
            "start", "end", "entity_type"]
    payload = quotes.select(F.to_json(F.struct(*cols), {"ignoreNullFields": "false"})
                            .alias("payload"))
    results = payload.mapInPandas(functools.partial(commitment_frames, context=context),
                                  _TAGGED)
    _results(results, tables, ("commitments",))
