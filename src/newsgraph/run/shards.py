"""Splitting inputs into shards: units of work small enough to run anywhere, named stably.

A shard is a description (a slice of a `.jsonl` file, a run of WARC records, a list of files),
not the data: whoever runs it reads the data itself, so the planner never holds the corpus in
memory. Its id is a hash of what it covers, so the same input split with the same shard size
gives the same ids on every run, and a rerun can skip the shards already marked done.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

from newsgraph.read import InputError, Item, discover, iter_inputs
from newsgraph.read.sources import JSONL_SUFFIXES, WARC_SUFFIXES, iter_jsonl

ShardKind = Literal["jsonl", "warc", "files"]


@dataclass(frozen=True)
class Shard:
    id: str
    kind: ShardKind
    # jsonl / warc: the file; lines or records `first`..`last` (1-based), the first of them
    # starting at byte `offset`.
    path: str = ""
    first: int = 1
    last: int | None = None
    offset: int = 0
    # files: the documents, one article each.
    files: tuple[str, ...] = field(default_factory=tuple)

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> Shard:
        d = json.loads(text)
        d["files"] = tuple(d.get("files") or ())
        return cls(**d)


@dataclass
class Plan:
    shards: list[Shard] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def _slug(path: str) -> str:
    name = Path(path).name.split(".")[0] or "input"
    return re.sub(r"[^A-Za-z0-9_-]+", "-", name)[:40]


def _shard_id(kind: str, label: str, parts: Iterable[object]) -> str:
    digest = hashlib.sha1(json.dumps([kind, *parts], default=str).encode()).hexdigest()[:10]
    return f"{_slug(label)}-{digest}"


def plan_shards(paths: Iterable[str], shard_size: int) -> Plan:
    """Shards of at most `shard_size` articles covering every input under `paths`."""
    if shard_size < 1:
        raise ValueError("shard size must be at least 1")
    plan = Plan()
    for p in paths:
        if p == "-":
            plan.errors.append(InputError("<stdin>", "standard input cannot be sharded; "
                                          "write it to a file first"))
            continue
        files: list[Path] = []
        for found in discover(p):
            if isinstance(found, InputError):
                plan.errors.append(found)
            else:
                files.append(found)
        _plan_files(files, shard_size, plan)
    return plan


def _plan_files(files: list[Path], shard_size: int, plan: Plan) -> None:
    plain: list[Path] = []
    for f in files:
        name = f.name.lower()
        try:
            if name.endswith(JSONL_SUFFIXES):
                plan.shards.extend(_jsonl_shards(f, shard_size))
            elif name.endswith(WARC_SUFFIXES):
                plan.shards.extend(_warc_shards(f, shard_size))
            else:
                plain.append(f)
        except OSError as e:
            plan.errors.append(InputError(str(f), f"cannot read ({e.strerror or e})"))
    for i in range(0, len(plain), shard_size):
        chunk = tuple(str(f) for f in plain[i:i + shard_size])
        ident = _shard_id("files", str(Path(chunk[0]).parent / "files"),
                          [str(Path(f).resolve()) for f in chunk])
        plan.shards.append(Shard(id=ident, kind="files", files=chunk))


def _jsonl_shards(path: Path, shard_size: int) -> Iterator[Shard]:
    gz = path.name.lower().endswith(".gz")
    opener = gzip.open if gz else open
    where = str(path.resolve())
    first, offset, pos, lineno = 1, 0, 0, 0
    with opener(path, "rb") as fh:  # type: ignore[operator]
        for lineno, raw in enumerate(fh, start=1):
            if lineno - first == shard_size:
                yield Shard(id=_shard_id("jsonl", str(path), [where, first, lineno - 1]),
                            kind="jsonl", path=str(path), first=first, last=lineno - 1,
                            offset=0 if gz else offset)
                first, offset = lineno, pos
            pos += len(raw)
    if lineno >= first:
        yield Shard(id=_shard_id("jsonl", str(path), [where, first, lineno]), kind="jsonl",
                    path=str(path), first=first, last=lineno, offset=0 if gz else offset)


def _warc_shards(path: Path, shard_size: int) -> Iterator[Shard]:
    """Every `shard_size` response records start a new shard (requests, metadata and other
    records ride along with the shard they fall in)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    where = str(path.resolve())
    first, offset, responses, n = 1, 0, 0, 0
    with open(path, "rb") as fh:
        records = ArchiveIterator(fh)
        try:
            for n, rec in enumerate(records, start=1):
                if rec.rec_type != "response":
                    continue
                if responses == shard_size:
                    yield Shard(id=_shard_id("warc", str(path), [where, first, n - 1]),
                                kind="warc", path=str(path), first=first, last=n - 1,
                                offset=offset)
                    first, offset, responses = n, records.get_record_offset(), 0
                responses += 1
        except ArchiveLoadFailed:
            pass  # the reader reports the broken file when the shard runs
    if n >= first or n == 0:
        yield Shard(id=_shard_id("warc", str(path), [where, first, max(n, first)]), kind="warc",
                    path=str(path), first=first, last=None, offset=offset)


def read_shard(shard: Shard) -> Iterator[Item]:
    """The inputs of one shard, in order, with the same sources as reading the whole input."""
    if shard.kind == "jsonl":
        yield from iter_jsonl(Path(shard.path), first_line=shard.first, last_line=shard.last,
                              offset=shard.offset)
    elif shard.kind == "warc":
        from newsgraph.read.warc import iter_warc

        yield from iter_warc(Path(shard.path), offset=shard.offset, first=shard.first,
                             last=shard.last)
    else:
        yield from iter_inputs(shard.files)
