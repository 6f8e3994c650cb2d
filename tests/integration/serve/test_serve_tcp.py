"""The worker processes' HTTP protocol turns Nagle's algorithm off on each connection."""

from __future__ import annotations

import socket
from typing import Any

import pytest

from newsgraph.serve import tcp


class _Transport:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def get_extra_info(self, name: str) -> Any:
        return self.sock if name == "socket" else None


def test_connection_gets_tcp_nodelay(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Any] = []
    # Only the option matters here; uvicorn's own setup needs a running server.
    monkeypatch.setattr(tcp._Base, "connection_made", lambda self, t: seen.append(t))
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        # Protocol 0, as uvicorn makes the shared socket for --workers N.
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        client = socket.create_connection(listener.getsockname())
        conn, _ = listener.accept()
        with client, conn:
            assert conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0
            proto = tcp.NoDelayHTTPProtocol.__new__(tcp.NoDelayHTTPProtocol)
            transport = _Transport(conn)
            proto.connection_made(transport)  # type: ignore[arg-type]
            assert conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
            assert seen == [transport]


def test_import_string_names_the_class() -> None:
    from uvicorn.importer import import_from_string

    assert import_from_string(tcp.HTTP) is tcp.NoDelayHTTPProtocol
