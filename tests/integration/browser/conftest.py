"""A real server on a loopback port, and Debian's Chromium driven by Playwright.

The server is uvicorn in a thread of the test process, on a socket bound to port 0 (so two
runs never collide), serving the session's `serve_db` store. Chromium is the system one;
Playwright's own browser download is never used.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from live_server import serving
from paths import ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def server(serve_db: Path) -> Iterator[str]:
    with serving(serve_db) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        # A failure, not a skip: a suite that passes without its browser tests hides a gap.
        pytest.fail(f"{CHROMIUM} is absent: `make test` installs it as root "
                    "(scripts/system-deps.sh), or run `apt-get install chromium`", pytrace=False)
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: object) -> Iterator[object]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    pg = ctx.new_page()
    yield pg
    ctx.close()


@pytest.fixture()
def page_nojs(browser: object) -> Iterator[object]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900},  # type: ignore[attr-defined]
                              java_script_enabled=False)
    pg = ctx.new_page()
    yield pg
    ctx.close()


@pytest.fixture(scope="session")
def shot() -> object:
    """Save a full-page screenshot as a test artifact: shot(page, "name")."""

    def save(page: object, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)  # type: ignore[attr-defined]
        return path

    return save
