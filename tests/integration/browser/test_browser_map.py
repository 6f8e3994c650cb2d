"""The map page in Chromium: points by precision, country shading, the filters with and
without JavaScript. The screenshot goes to the test artifacts; with
NEWSGRAPH_UPDATE_DOC_IMAGES=1 it also replaces the one the docs show (docs/img/map.png)."""

from __future__ import annotations

import os
import shutil

import pytest

from paths import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.browser]
DOC_IMAGE = ROOT / "docs" / "img" / "map.png"


def _categories(page) -> set[str]:  # type: ignore[no-untyped-def]
    cells = page.locator("#map-events tr.map-event td:nth-child(2) a").all_inner_texts()
    return {c.strip() for c in cells}


def test_map_draws_points_and_shades_countries(page, server, shot) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/map")
    assert page.locator("svg.worldmap path.land").count() >= 170
    # the seed's meeting is a facility point at the Pentagon
    pentagon = page.locator("svg.worldmap a circle.pin.facility")
    assert pentagon.count() >= 1
    assert page.locator("svg.worldmap path.land:not(.shade-0)").count() >= 1
    # points link to their events
    href = page.locator("svg.worldmap g.pins a").first.get_attribute("href")
    assert href and href.startswith(("/event/", "/article/"))
    path = shot(page, "09-map")
    if os.environ.get("NEWSGRAPH_UPDATE_DOC_IMAGES") == "1":
        DOC_IMAGE.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, DOC_IMAGE)


def test_map_filters_in_place_with_javascript(page, server) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/map")
    before = _categories(page)
    assert "CONSULT" in before
    pins_before = page.locator("svg.worldmap circle.pin").count()
    page.check("#map-filters input[name=category][value=CONSULT]")
    page.wait_for_url("**category=CONSULT**")
    page.wait_for_function(
        "() => [...document.querySelectorAll('#map-events tr.map-event td:nth-child(2) a')]"
        ".every(a => a.innerText.trim() === 'CONSULT')")
    assert _categories(page) == {"CONSULT"}
    assert page.locator("svg.worldmap circle.pin").count() <= pins_before
    page.locator("svg.worldmap").hover()
    page.wait_for_function("() => document.getElementById('map-pointer').textContent"
                           ".startsWith('lat ')")


def test_map_filters_work_without_javascript(page_nojs, server) -> None:  # type: ignore[no-untyped-def]
    page = page_nojs
    page.goto(server + "/map")
    page.select_option("#map-filters select[name=country]", "India")
    page.check("#map-filters input[name=category][value=CONSULT]")
    page.click("#map-filters button[type=submit]")
    page.wait_for_url("**category=CONSULT**")
    assert "country=India" in page.url
    assert _categories(page) == {"CONSULT"}
    assert page.locator("#map-filters input[value=CONSULT]").is_checked()
    assert page.locator("svg.worldmap circle.pin").count() >= 1
    assert page.locator("#map-pointer").inner_text() == ""
