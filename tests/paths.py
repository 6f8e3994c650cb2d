"""Where the test data lives, for tests in any folder below tests/."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
FIXTURES = TESTS / "fixtures"
GOLD_DIR = TESTS / "gold"
SEED = FIXTURES / "seed" / "hegseth-jaishankar-pentagon.txt"
