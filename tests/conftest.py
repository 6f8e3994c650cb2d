"""Shared fixtures. Tests never read ../shared: what they need is in tests/fixtures/."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "seed" / "hegseth-jaishankar-pentagon.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_article(seed_text: str):  # type: ignore[no-untyped-def]
    """The seed analysed once per test session (loads the spaCy model)."""
    import newsgraph

    return newsgraph.analyze(seed_text, published="2025-07-02")
