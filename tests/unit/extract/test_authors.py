"""Authors: one name per person, no publisher beside a person, no byline words. Composed
names and pages."""

from __future__ import annotations

import pytest

from newsgraph.extract import extract
from newsgraph.extract.authors import clean_authors
from newsgraph.extract.meta import PageMeta

SITE = ["Harbour Gazette", "harbourgazette.com"]


def _clean(raw: list[str], ld: list[str] | None = None) -> list[str]:
    return clean_authors(raw, PageMeta(authors=ld or [], site_names=SITE))


@pytest.mark.parametrize(("raw", "expected"), [
    (["By Jane Doe"], ["Jane Doe"]),
    (["Von Jane Doe"], ["Jane Doe"]),
    (["Opinion by Jane Doe"], ["Jane Doe"]),
    (["Magazine Von Jane Doe"], ["Jane Doe"]),
    (["Ursula von der Leyen"], ["Ursula von der Leyen"]),
    (["Jane Doe og John Roe"], ["Jane Doe", "John Roe"]),
    (["Jane Doe and John Roe"], ["Jane Doe", "John Roe"]),
    (["Jane Doe (jdo)", "jane.doe@harbourgazette.com"], ["Jane Doe"]),
    (["Jane Doe, Senior Correspondent"], ["Jane Doe"]),
    (["Jane Doe", "Jane-Doe"], ["Jane Doe"]),
    (["Jane Doe", "Harbour Gazette"], ["Jane Doe"]),
    (["Jane Doe", "Www Harbourgazette Com"], ["Jane Doe"]),
    (["Jane Doe, Harbour Gazette"], ["Jane Doe"]),
    # the newsroom as the only byline stays
    (["Harbour Gazette"], ["Harbour Gazette"]),
    # a surname-first pair is one person; a place in a name is no separator
    (["Brazil, Rachel"], ["Brazil, Rachel"]),
    (["Rachel Brazil"], ["Rachel Brazil"]),
    (["Jordan Georgia Smith"], ["Jordan Georgia Smith"]),
    (["Professor of political science at the university of the bay"], []),
])
def test_clean_authors(raw: list[str], expected: list[str]) -> None:
    assert _clean(raw) == expected


def test_json_ld_persons_come_first() -> None:
    assert _clean(["Brazil", "Rachel"], ld=["Rachel Brazil"]) == ["Rachel Brazil"]
    # nothing left of them: the other source
    assert _clean(["Jane Doe"], ld=["Senior Reporter"]) == ["Jane Doe"]


def test_page_authors_one_person_no_publisher() -> None:
    page = ("<html><head><title>Ministers agree to expand naval drills</title>"
            '<meta property="og:site_name" content="Harbour Gazette">'
            '<meta name="dc.creator" content="Brazil, Rachel">'
            '<script type="application/ld+json">{"@context": "https://schema.org",'
            ' "@type": "WebPage", "mainEntity": {"@type": "NewsArticle",'
            ' "headline": "Ministers agree to expand naval drills",'
            ' "author": [{"@type": "Person", "name": "Rachel Brazil"},'
            ' {"@type": "Person", "name": "Harbour Gazette"}]}}</script></head><body><article>'
            "<h1>Ministers agree to expand naval drills</h1>"
            "<p>The defence ministers of both countries met in the capital on Monday and agreed "
            "to expand joint naval exercises in the coming year, officials said.</p>"
            "<p>The agreement also covers the exchange of liaison officers and a new hotline "
            "between the two navies, according to a statement released after the meeting.</p>"
            "</article></body></html>")
    assert extract(page).authors == ["Rachel Brazil"]
