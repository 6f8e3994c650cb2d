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
                date = rec.rec_headers.get_header("WARC-Date")
                yield RawInput(source=src, data=body, url=uri, hint="html",
                               published=None if not date else None)
                _ = date  # crawl date is not the publication date; htmldate finds that
    except ArchiveLoadFailed as e:
        yield InputError(str(path), f"not a WARC file ({e})"[:200])
    except OSError as e:
        yield InputError(str(path), f"cannot read WARC ({e})"[:200])
