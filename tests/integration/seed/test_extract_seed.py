"""The reference article: every extraction item of issue 2's "Done when".

The expected paragraphs were written by reading the scraped file: a headline, 13 body
paragraphs (14 real paragraphs with the headline), the lead printed twice, eight
"Advertisement" placeholders and two "Read also|" links.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.extract import extract
from newsgraph.record import Article

HEADLINE = "US Defence Secretary Hegseth Seeks Swift Approval of Key Pending Arms Deals With India"
LEAD = ("On Tuesday, External Affairs Minister S. Jaishankar met US Defence Secretary Pete "
        "Hegseth at the Pentagon.")
# The first words of each real body paragraph, in order.
BODY_STARTS = [
    "On Tuesday, External Affairs Minister S. Jaishankar met",
    "The United States has indicated optimism",
    "After discussions, Jaishankar termed the interaction",
    "As per a report published by the US Department of Defence",
    "The DoD added that Hegseth mentioned US initiatives",
    "In the future, Hegseth went on to say",
    "Jaishankar, in his address, underscored",
    "He went on, \"It's not constructed just on common interest",
    "Talking more generally about the changing world environment",
    "Hegseth attributed the initiative by both countries' leaders",
    "He also pointed to the continued development",
    "Beyond examining ongoing initiatives",
    "\"We're excited to work with you",
]
RELATED_HEADLINES = ["Pakistan to Take Over UN Security Council Presidency",
                     "Quad Foreign Ministers Reassert Vision"]


@pytest.fixture(scope="module")
def seed(seed_text: str) -> Article:
    return extract(seed_text)


def test_title_is_the_headline(seed: Article) -> None:
    assert seed.title == HEADLINE
    assert HEADLINE not in seed.text


def test_every_real_paragraph_once_in_order(seed: Article) -> None:
    pars = seed.text.split("\n\n")
    assert len(pars) == len(BODY_STARTS) == 13  # + the headline: the 14 real paragraphs
    for par, start in zip(pars, BODY_STARTS, strict=True):
        assert par.startswith(start)


def test_lead_occurs_exactly_once(seed: Article) -> None:
    assert seed.text.count(LEAD) == 1
    assert seed.text.startswith(LEAD)


def test_no_debris_left(seed: Article) -> None:
    assert "Advertisement" not in seed.text
    assert "Read also" not in seed.text
    for h in RELATED_HEADLINES:
        assert h not in seed.text


def test_every_removal_is_recorded_with_its_reason(seed: Article, seed_text: str) -> None:
    reasons = [r.reason for r in seed.removed]
    assert reasons.count("advertisement") == 8
    assert reasons.count("related-link") == 2
    assert reasons.count("duplicate-paragraph") == 1
    assert len(reasons) == 11
    assert [r.text for r in seed.removed if r.reason == "duplicate-paragraph"] == [LEAD]
    related = [r.text for r in seed.removed if r.reason == "related-link"]
    for h in RELATED_HEADLINES:
        assert any(h in t for t in related)
    # nothing vanished silently: every input line is kept, the title, or recorded as removed
    accounted = seed.text.split("\n\n") + [HEADLINE] + [r.text for r in seed.removed]
    for line in (x.strip() for x in seed_text.splitlines()):
        if line:
            assert line in accounted


def test_paragraphs_separated_by_one_blank_line(seed: Article) -> None:
    assert "\n\n\n" not in seed.text
    assert all(p and "\n" not in p for p in seed.text.split("\n\n"))


def test_cli_extract_prints_the_same_record(seed_path: Path, seed: Article) -> None:
    r = CliRunner().invoke(main, ["extract", str(seed_path), "--format", "json"])
    assert r.exit_code == 0, r.output
    import json

    d = json.loads(r.stdout)
    assert d["title"] == HEADLINE and d["text"] == seed.text
    assert len(d["removed"]) == 11


@pytest.mark.slow
def test_analyze_keeps_the_extraction(seed_article: Article, seed: Article) -> None:
    assert seed_article.title == HEADLINE
    assert seed_article.text == seed.text
    assert seed_article.published == dt.date(2025, 7, 2)
    assert [r.reason for r in seed_article.removed] == [r.reason for r in seed.removed]
