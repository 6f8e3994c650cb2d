"""The web UI in a real browser: the three journeys of the issue, and an inert hostile page."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

from paths import FIXTURES

pytestmark = [pytest.mark.browser, pytest.mark.slow]
FIXTURES = FIXTURES


def _article_id(path: Path, hint: str | None = None) -> str:
    # The stored id is the hash of the clean text: the same extraction gives the same id.
    from newsgraph.extract import extract

    return extract(path.read_text(encoding="utf-8"), hint=hint).id


def test_search_jaishankar_then_his_page(page, server, shot) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/")
    shot(page, "01-home")
    page.fill(".searchbig input[name=q]", "Jaishankar")
    page.press(".searchbig input[name=q]", "Enter")
    page.wait_for_url("**/search?q=Jaishankar*")
    people = page.locator("#people a.chip.PERSON", has_text="Jaishankar")
    assert people.count() >= 1
    assert page.locator("#articles li a").count() >= 1
    assert page.locator("#quotes li").count() >= 1
    shot(page, "02-search-jaishankar")
    people.first.click()
    page.wait_for_url("**/entity/**")
    assert "Jaishankar" in page.locator("h1").inner_text()
    quotes = page.locator("#quotes blockquote")
    assert quotes.count() >= 1, "no quotes on the person page"
    roles = page.locator("#roles tbody tr")
    assert roles.count() >= 1, "no roles on the person page"
    assert "minister" in page.locator("#roles").inner_text().lower()
    shot(page, "03-entity-jaishankar")


def test_seed_article_shows_ten_quotes_with_speakers(page, server, shot) -> None:  # type: ignore[no-untyped-def]
    aid = _article_id(FIXTURES / "seed" / "hegseth-jaishankar-pentagon.txt")
    page.goto(f"{server}/article/{aid}")
    kinds = page.eval_on_selector_all(
        ".article-text mark.quote",
        "els => Object.fromEntries(els.map(e => [e.dataset.quote, e.className]))")
    speakers = page.eval_on_selector_all(
        ".article-text .speaker", "els => els.map(e => [e.dataset.quote, e.innerText])")
    shot(page, "04-article-seed")
    # The seed's ten quotations in quotation marks; reported speech is highlighted too.
    direct = [q for q, cls in kinds.items() if "quote-direct" in cls]
    assert len(direct) == 10, f"{len(direct)} highlighted direct quotes"
    named = {q: s.strip() for q, s in speakers if s.strip() and s.strip() != "unknown speaker"}
    assert set(kinds) <= set(named), "a highlighted quote has no speaker"
    assert {named[q] for q in direct} == {"Pete Hegseth", "S. Jaishankar"}
    # Entities are links to their pages; debris is collapsed at the bottom.
    assert page.locator(".article-text a.ent").count() >= 5
    assert page.locator("details.removed").count() == 1
    assert not page.locator("details.removed").get_attribute("open")


def _badges(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [b.strip() for b in page.locator("#dyad-events td .badge").all_inner_texts()]


def test_dyad_india_united_states_filter_consult(page, server, shot) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/dyad?a=India&b={quote('United States')}")
    assert page.locator("h1").inner_text().replace("\u2013", "-") == "India - United States"
    before = _badges(page)
    assert before, "no India - United States events"
    assert page.locator("svg.timeline circle.dot").count() >= 1
    shot(page, "05-dyad-india-us")
    # With scripts on, ticking a box filters in place (htmx) and updates the address.
    page.check("#dyad-filters input[name=category][value=CONSULT]")
    page.wait_for_url("**category=CONSULT**")
    page.wait_for_function(
        "() => [...document.querySelectorAll('#dyad-events td .badge')]"
        ".every(b => b.innerText.trim() === 'CONSULT')")
    after = _badges(page)
    assert after and set(after) == {"CONSULT"}
    shot(page, "06-dyad-india-us-consult")


def test_dyad_filters_work_without_javascript(page_nojs, server) -> None:  # type: ignore[no-untyped-def]
    page = page_nojs
    page.goto(f"{server}/dyad?a=India&b={quote('United States')}")
    page.check("#dyad-filters input[name=category][value=CONSULT]")
    page.click("#dyad-filters button[type=submit]")
    page.wait_for_url("**category=CONSULT**")
    badges = _badges(page)
    assert badges and set(badges) == {"CONSULT"}
    assert page.locator("#dyad-filters input[value=CONSULT]").is_checked()


def test_reading_works_without_javascript(page_nojs, server) -> None:  # type: ignore[no-untyped-def]
    page = page_nojs
    aid = _article_id(FIXTURES / "seed" / "hegseth-jaishankar-pentagon.txt")
    page.goto(f"{server}/article/{aid}")
    assert page.locator(".article-text p").count() >= 10
    page.goto(f"{server}/search?q=Jaishankar")
    page.locator("#people a.chip", has_text="Jaishankar").first.click()
    assert "Jaishankar" in page.locator("h1").inner_text()
    assert page.locator("#met").count() == 1


def test_hostile_article_renders_inert(page, server, shot) -> None:  # type: ignore[no-untyped-def]
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    aid = _article_id(FIXTURES / "serve" / "hostile.txt", hint="text")
    page.goto(f"{server}/article/{aid}")
    shot(page, "07-article-hostile")
    assert page.evaluate("() => window.__pwned") is None
    assert dialogs == []
    body = page.locator(".article-text").inner_text()
    assert "<script>" in body  # shown as text
    for tag in ("script", "img", "iframe", "b"):
        assert page.locator(f".article-text {tag}").count() == 0, tag
    assert page.locator(".article-text a[href^='javascript']").count() == 0


def test_agreements_and_dyads_pages(page, server, shot) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/dyads")
    assert page.locator("table.data tbody tr").count() >= 1
    shot(page, "08-dyads")
    page.goto(server + "/agreements")
    assert page.locator("h1").inner_text() == "Agreements and deals"
    shot(page, "09-agreements")
