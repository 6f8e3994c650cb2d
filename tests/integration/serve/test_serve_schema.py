"""schemathesis against the OpenAPI schema: whatever the schema allows, no 5xx."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from newsgraph.serve.app import ServeOptions, create_app
from newsgraph.store import Store

pytestmark = pytest.mark.slow


class Switch:
    """An ASGI app that forwards to `target`: the schema is read at import time, before the
    session's store exists, from an app over an empty store; the test then points it at the
    app over the real one."""

    def __init__(self, target: Any) -> None:
        self.target = target

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await self.target(scope, receive, send)


_empty = Path(tempfile.mkdtemp(prefix="ng-schema-")) / "empty.db"
Store(_empty).close()
APP = Switch(create_app(ServeOptions(db=_empty)))
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(autouse=True, scope="module")
def real_store(serve_db: Path) -> Iterator[None]:
    # No token: POST /api/articles answers 403 and the store is never written.
    empty_app = APP.target
    APP.target = create_app(ServeOptions(db=serve_db))
    yield
    APP.target = empty_app


@schema.parametrize()
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                 HealthCheck.function_scoped_fixture])
def test_no_server_errors(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=[not_a_server_error])
