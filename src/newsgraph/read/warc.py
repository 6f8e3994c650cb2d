"""HTML responses inside WARC files, as Common Crawl's news crawl ships them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsgraph.read.sources import MAX_INPUT_BYTES, InputError, Item, RawInput


def iter_warc(path: Path, *, offset: int = 0, first: int = 1,
              last: int | None = None) -> Iterator[Item]:
    """HTML responses of a WARC file. A shard of a parallel run reads records number
    `first`..`last` (1-based, inclusive), the first of them starting at byte `offset`."""
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:  # pragma: no cover - warcio is a core dependency
        yield InputError(str(path), "reading WARC needs warcio: pip install warcio")
        return
    if offset == 0 and not _starts_like_warc(path):
        yield InputError(str(path), "not a WARC file (no WARC/1.x or ARC header at the start)")
        return
    try:
        with open(path, "rb") as fh:
            fh.seek(offset)
            records = ArchiveIterator(fh)
            for n, rec in enumerate(records, start=first):
                if last is not None and n > last:
                    break
                if rec.rec_type != "response":
                    continue
                uri = rec.rec_headers.get_header("WARC-Target-URI")
                src = f"{path}#{n}"
                ctype = (rec.http_headers.get_header("Content-Type") or "") if rec.http_headers \
                    else ""
                if ctype and "html" not in ctype.lower():
                    continue
                body = rec.content_stream().read(MAX_INPUT_BYTES + 1)
                if len(body) > MAX_INPUT_BYTES:
                    yield InputError(src, "response too large")
                    continue
                # The crawl date (WARC-Date) is not the publication date; htmldate finds that.
                yield RawInput(source=src, data=body, url=uri, hint="html")
    except ArchiveLoadFailed as e:
        yield InputError(str(path), f"not a WARC file ({e})"[:200])
    except OSError as e:
        yield InputError(str(path), f"cannot read WARC ({e})"[:200])


_MAGIC = (b"WARC/1.0", b"WARC/1.1", b"filedesc")  # WARC, and ARC's first record


def _starts_like_warc(path: Path) -> bool:
    """warcio reads almost anything as records (it also speaks the older ARC format), so a
    text file named .warc would yield empty "responses": check the magic first."""
    import gzip

    try:
        with open(path, "rb") as fh:
            head = fh.read(2)
            fh.seek(0)
            if head == b"\x1f\x8b":
                with gzip.open(fh) as gz:
                    return gz.read(8) in _MAGIC
            return fh.read(8) in _MAGIC
    except (OSError, EOFError):
        return False
