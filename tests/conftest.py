"""Shared fixtures. Tests never read ../shared: what they need is in tests/fixtures/."""

from __future__ import annotations

from pathlib import Path

import pytest

from paths import FIXTURES, SEED, TESTS

# Tests are grouped by folder; each folder's tests carry its marker, so `-m gold` runs the
# accuracy floors and `-m "not perf"` leaves out the performance checks.
FOLDER_MARKERS = {"unit": "unit", "integration": "integration", "gold": "gold", "perf": "perf"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        parts = Path(str(item.path)).resolve().relative_to(TESTS).parts
        if parts and parts[0] in FOLDER_MARKERS:
            item.add_marker(FOLDER_MARKERS[parts[0]])


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The pipeline, loaded once per test session."""
    from newsgraph.annotate.pipeline import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def seed_article(seed_text: str):  # type: ignore[no-untyped-def]
    """The seed analysed once per test session (loads the spaCy model)."""
    import newsgraph

    return newsgraph.analyze(seed_text, published="2025-07-02")


@pytest.fixture(scope="session")
def serve_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store for the serve tests, built once: the seed, the 40-article corpus sample and a
    hostile article (markup and SQL in its title and text), ingested and resolved."""
    import datetime as dt

    from newsgraph.annotate import annotate
    from newsgraph.cli.common import Tally, articles
    from newsgraph.extract import extract
    from newsgraph.geo.article import geocode_article
    from newsgraph.run.process import ProcessOptions
    from newsgraph.store import Store

    db = tmp_path_factory.mktemp("serve") / "serve.db"
    tally = Tally()
    extract_only = ProcessOptions(annotate=False)
    arts = list(articles([str(SEED)], tally,
                         ProcessOptions(published=dt.date(2025, 7, 2), annotate=False)))
    arts += list(articles([str(FIXTURES / "serve" / "corpus-sample.jsonl")], tally,
                          extract_only))
    hostile = (FIXTURES / "serve" / "hostile.txt").read_text(encoding="utf-8")
    arts.append(extract(hostile, published="2025-07-03", hint="text"))
    assert not tally.failed, tally.failed
    with Store(db) as st:
        st.write_articles(geocode_article(a) for a in annotate(arts))
        st.resolve()
    return db
