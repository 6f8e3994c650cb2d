"""Shared by the Spark tests: Java must be there."""

from __future__ import annotations

import shutil

import pytest


@pytest.fixture(scope="session", autouse=True)
def java() -> None:
    # A failure, not a skip: a suite that passes without its Spark tests hides a gap.
    if shutil.which("java") is None:
        pytest.fail("Spark needs Java on PATH: `make test` installs it as root "
                    "(scripts/system-deps.sh), or run `apt-get install default-jre-headless`",
                    pytrace=False)
