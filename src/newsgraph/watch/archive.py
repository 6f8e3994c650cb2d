"""`--archive DIR`: every 2xx response a watch round reads, kept as a WARC response record.

One gzipped WARC file per round (`newsgraph-<UTC time>-<pid>.warc.gz`), written with warcio
and flushed record by record, so a round that is killed leaves a readable file with what it
read so far. The body is stored decoded (as it was analysed), so the headers that described
the transfer (Content-Encoding, Transfer-Encoding, Content-Length) are replaced by the
decoded length. `newsgraph ingest DIR` reads the HTML responses back.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path
from typing import BinaryIO

from newsgraph.watch.fetch import Response

_TRANSFER = ("content-encoding", "transfer-encoding", "content-length")


class Archive:
    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path: Path | None = None
        self._fh: BinaryIO | None = None
        self._writer: object | None = None
        self.records = 0

    def _open(self) -> object:
        from warcio.warcwriter import WARCWriter

        if self._writer is None:
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
            self.path = self.folder / f"newsgraph-{stamp}-{os.getpid()}.warc.gz"
            self._fh = open(self.path, "ab")
            self._writer = WARCWriter(self._fh, gzip=True)
        return self._writer

    def write(self, resp: Response) -> None:
        from warcio.statusandheaders import StatusAndHeaders

        writer = self._open()
        headers = [(k.title(), v) for k, v in resp.headers.items() if k not in _TRANSFER]
        headers.append(("Content-Length", str(len(resp.body))))
        http = StatusAndHeaders(f"{resp.status} {_reason(resp.status)}", headers,
                                protocol="HTTP/1.1")
        record = writer.create_warc_record(  # type: ignore[attr-defined]
            resp.final_url, "response", payload=io.BytesIO(resp.body), http_headers=http)
        writer.write_record(record)  # type: ignore[attr-defined]
        assert self._fh is not None
        self._fh.flush()
        self.records += 1

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
            self._writer = None


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"
