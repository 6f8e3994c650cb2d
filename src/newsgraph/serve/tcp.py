"""uvicorn's HTTP protocol with Nagle's algorithm off on every connection.

asyncio turns TCP_NODELAY on only for sockets whose protocol number is TCP; the listening
socket uvicorn binds itself for `--workers N` is made with protocol 0, so connections
accepted by worker processes keep Nagle on. A response is written as headers, then body:
the body then waits for the client's (delayed) acknowledgement of the headers, about 40 ms
per response on Linux. `newsgraph serve --workers N` names this class as uvicorn's `http`.
"""

from __future__ import annotations

import asyncio
import socket
from typing import Any

from uvicorn.config import HTTP_PROTOCOLS
from uvicorn.importer import import_from_string

_Base: Any = import_from_string(HTTP_PROTOCOLS["auto"])


class NoDelayHTTPProtocol(_Base):  # type: ignore[misc,valid-type]
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            except OSError:  # a socket already closed by the peer: nothing to speed up
                pass
        super().connection_made(transport)


# The import string for uvicorn's `http` setting.
HTTP = f"{__name__}:NoDelayHTTPProtocol"
