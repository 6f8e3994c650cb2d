"""Inputs as users have them: files, folders, .jsonl feeds, gzip, WARC.

Every input yields a `RawInput` (bytes or text plus what is known of it) or an `InputError`
naming the input and the reason; reading never stops a batch.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

# One document larger than this is refused, not read: news pages are well under 5 MiB, and
# parsing time and memory grow with size in C code that a time limit cannot interrupt.
MAX_INPUT_BYTES = 20 * 1024 * 1024

TEXT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".shtml", ".json"}
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")
SKIP_NAMES = {".DS_Store", "Thumbs.db"}


@dataclass
class RawInput:
    """One document to extract: `data` is bytes (undecoded) or str (already text)."""

    source: str
    data: bytes | str
    url: str | None = None
    published: str | None = None
    title: str | None = None
    id: str | None = None
    # "html" or "text" when the feed says so; None: detect from the content.
    hint: str | None = None


@dataclass
class InputError:
    source: str
    reason: str
    # The exception behind an internal error, for a traceback (never sent between processes).
    cause: BaseException | None = field(default=None, repr=False, compare=False)

    def line(self) -> str:
        return f"{self.source}: {self.reason}"


Item = RawInput | InputError


def iter_inputs(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Item]:
    """Yield every document under `paths` in a stable order."""
    for p in paths:
        if str(p) == "-":
            import sys

            yield RawInput(source="<stdin>", data=sys.stdin.buffer.read())
            continue
        for found in discover(p):
            if isinstance(found, InputError):
                yield found
            else:
                yield from _iter_file(found)


def iter_sources(sources: Iterable[object], documents: set[str] | None = None
                 ) -> Iterator[Item]:
    """Items for the Python API, in order. A str or bytes is one document (HTML or text); a
    `(document, url)` pair is a document and its URL; an `os.PathLike` (`pathlib.Path`) is a
    file, folder, .jsonl or WARC, read as the command line reads it. A document is named
    `<input N>` by its position in `sources`; the names are added to `documents`."""
    for i, src in enumerate(sources):
        if isinstance(src, os.PathLike):
            yield from iter_inputs([src])
            continue
        name = f"<input {i}>"
        url = None
        if isinstance(src, tuple) and len(src) == 2 and isinstance(src[1], str | None):
            src, url = src
        if documents is not None:
            documents.add(name)
        if isinstance(src, str | bytes):
            yield RawInput(source=name, data=src, url=url)
        else:
            yield InputError(name, f"expected text, bytes, a (text, url) pair or a path, not "
                             f"{type(src).__name__}")


def discover(path: str | os.PathLike[str]) -> Iterator[Path | InputError]:
    """The files one input path stands for, in a stable order: the path itself, or every file
    under a folder except hidden ones and system litter; an InputError for a missing path or
    an empty folder. Standard input (`-`) is the caller's to handle."""
    p = Path(path)
    if not p.exists():
        yield InputError(str(path), "no such file or directory")
    elif not p.is_dir():
        yield p
    else:
        files = sorted(f for f in p.rglob("*") if f.is_file() and f.name not in SKIP_NAMES
                       and not any(part.startswith(".") for part in f.relative_to(p).parts))
        if not files:
            yield InputError(str(path), "folder holds no files")
        yield from files


def count_inputs(paths: Iterable[str | os.PathLike[str]]) -> int | None:
    """How many documents `iter_inputs(paths)` yields, when it is cheap to tell: None for
    standard input, a missing path or a WARC file (which would have to be read through)."""
    total = 0
    for p in paths:
        if str(p) == "-" or not Path(p).exists():
            return None
        for found in discover(p):
            if isinstance(found, InputError):
                continue
            n = _count_file(found)
            if n is None:
                return None
            total += n
    return total


def _count_file(path: Path) -> int | None:
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return None
    if not name.endswith(JSONL_SUFFIXES):
        return 1
    opener = gzip.open if name.endswith(".gz") else open
    try:
        with opener(path, "rb") as fh:  # type: ignore[operator]
            return sum(1 for line in fh if line.strip())
    except OSError:
        return 1


def _iter_file(path: Path) -> Iterator[Item]:
    name = path.name.lower()
    try:
        if name.endswith(WARC_SUFFIXES):
            from newsgraph.read.warc import iter_warc

            yield from iter_warc(path)
            return
        if name.endswith(JSONL_SUFFIXES):
            yield from iter_jsonl(path)
            return
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            yield InputError(str(path), f"file too large ({size // (1024 * 1024)} MiB; "
                             f"limit {MAX_INPUT_BYTES // (1024 * 1024)} MiB)")
            return
        data = path.read_bytes()
        if name.endswith(".gz"):
            try:
                data = gzip.decompress(data)
            except (OSError, EOFError) as e:
                yield InputError(str(path), f"broken gzip data ({e})")
                return
            if len(data) > MAX_INPUT_BYTES:
                yield InputError(str(path), "decompressed file too large")
                return
        yield RawInput(source=str(path), data=data)
    except PermissionError:
        yield InputError(str(path), "permission denied")
    except OSError as e:
        yield InputError(str(path), f"cannot read ({e.strerror or e})")


def iter_jsonl(path: Path, *, first_line: int = 1, last_line: int | None = None,
               offset: int = 0) -> Iterator[Item]:
    """One article per line: `text` or `html`, optional `title`, `date`, `url`, `id`.

    `first_line`..`last_line` (1-based, inclusive) read a slice of the file, as a shard of a
    parallel run does; `offset` is the byte where `first_line` starts (plain files only: gzip
    cannot seek, so there the earlier lines are skipped unread).
    """
    gz = path.name.lower().endswith(".gz")
    opener = gzip.open if gz else open
    with opener(path, "rb") as fh:  # type: ignore[operator]
        start = 1
        if offset and not gz:
            fh.seek(offset)
            start = first_line
        for lineno, raw in enumerate(fh, start=start):
            if lineno < first_line:
                continue
            if last_line is not None and lineno > last_line:
                break
            src = f"{path}:{lineno}"
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError) as e:
                yield InputError(src, f"not a JSON object ({e.__class__.__name__}: {e})"[:200])
                continue
            if not isinstance(rec, dict):
                yield InputError(src, "line is JSON but not an object")
                continue
            item = from_record(rec, src)
            yield item


def from_record(rec: dict[str, object], src: str) -> Item:
    """A feed record (`text` or `html` plus metadata) as a RawInput."""
    html, text = rec.get("html"), rec.get("text")
    data: object
    if isinstance(html, str) and html.strip():
        data, hint = html, "html"
    elif isinstance(text, str) and text.strip():
        data, hint = text, None
    else:
        return InputError(src, "record has no 'text' or 'html'")
    published = rec.get("published") or rec.get("date")
    ident = rec.get("id")

    def s(v: object) -> str | None:
        return v if isinstance(v, str) and v.strip() else None

    pub = s(published)
    return RawInput(source=src, data=str(data), url=s(rec.get("url")),
                    published=pub[:10] if pub else None, title=s(rec.get("title")),
                    id=str(ident) if ident is not None else None, hint=hint)
