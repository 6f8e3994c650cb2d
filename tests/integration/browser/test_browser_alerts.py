"""The alerts pages in a real browser: the list, one alert's new matches with the articles
they came from, the "new since" filter, and the way to the article."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph_fixtures import Ev, build
from graph_samples import PEOPLE, event_articles

pytestmark = [pytest.mark.browser, pytest.mark.slow]
LATER = "Antony Blinken met S. Jaishankar in Tokyo to discuss the Quad and maritime security."


@pytest.fixture(scope="module")
def alert_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from live_server import serving
    from newsgraph.store import Store
    from newsgraph.watch.alerts import add_alert, check_alerts

    db = tmp_path_factory.mktemp("alerts") / "alerts.db"
    with Store(db) as st:
        st.write_articles(event_articles())
        st.resolve()
        add_alert(st, "in-us", {"dyad": ["India", "United States"]})
        st.write_articles([build(LATER, "2022-09-20", ents=PEOPLE, title="Quad talks in Tokyo",
                                 events=[Ev("CONSULT", [("Antony Blinken", "source"),
                                                        ("S. Jaishankar", "target")],
                                            "2022-09-20", "occurred", "Tokyo")])])
        st.resolve()
        assert check_alerts(st, 1, []) == {"in-us": 1}
    with serving(Path(db)) as url:
        yield url


def test_alert_list_then_matches_then_article(page, alert_server, shot) -> None:  # type: ignore[no-untyped-def]
    page.goto(alert_server + "/alerts")
    link = page.locator("section.alert h2 a", has_text="in-us")
    assert link.count() == 1
    assert "1 new match" in page.locator("section.alert .meta").inner_text()
    link.click()
    page.wait_for_url("**/alerts/in-us")
    matches = page.locator("section.match")
    assert matches.count() == 1
    assert "CONSULT" in matches.first.locator("h2").inner_text()
    source = matches.first.locator("ul.sources a")
    assert source.inner_text() == "Quad talks in Tokyo"
    shot(page, "alerts-01-match")
    page.fill("input[name=since]", "2099-01-01")
    page.click("form.filters button")
    page.wait_for_url("**since=2099-01-01*")
    assert page.locator("section.match").count() == 0
    assert "Nothing new since 2099-01-01" in page.locator("main").inner_text()
    page.go_back()
    page.locator("ul.sources a").first.click()
    page.wait_for_url("**/article/**")
    assert "Quad talks in Tokyo" in page.locator("h1").inner_text()
