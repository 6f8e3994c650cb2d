"""Scraped plain text: debris rules, repeats, headline, and the article inside a whole page."""

from __future__ import annotations

import json

import pytest

from newsgraph.extract import extract
from newsgraph.extract.debris import classify
from newsgraph.extract.mainblock import find_article
from newsgraph.extract.text import clean_text, paragraphs
from paths import FIXTURES

FIXTURES = FIXTURES

PROSE = [
    "The two ministers met at the Pentagon on Tuesday to discuss a new framework for defence "
    "cooperation, officials from both governments said after the talks.",
    "According to the statement, the framework would cover joint production of armoured "
    "vehicles, maritime patrols and the exchange of intelligence on regional threats.",
    "\u201cWe are building something that will last for a decade,\u201d the secretary told "
    "reporters, adding that the agreement was likely to be signed before the end of the year.",
    "Analysts said the deal reflected a broader convergence of interests between the two "
    "countries, though several sticking points over technology transfer remained unresolved.",
]


@pytest.mark.parametrize("line, reason", [
    ("Advertisement", "advertisement"),
    ("ADVERTISEMENT", "advertisement"),
    ("Story continues below advertisement", "advertisement"),
    ("Read also| Quad Foreign Ministers Reassert Vision for the Indo-Pacific", "related-link"),
    ("READ MORE: China plague outbreak confirmed in Beijing", "related-link"),
    ("Also Read: Minister to visit Tokyo next week", "related-link"),
    ("Related Articles", "related-link"),
    ("Most read in world news", "related-link"),
    ("Plane passengers quarantined after outbreak [VIDEO]", "related-link"),
    ("Subscribe to our newsletter for the latest updates.", "share-subscribe"),
    ("Sign up for our daily briefing, delivered to your inbox", "share-subscribe"),
    ("Follow us on Twitter and Facebook", "share-subscribe"),
    ("Facebook Twitter Email Print", "share-subscribe"),
    ("We use cookies to improve your experience on our site.", "share-subscribe"),
    ("Copyright © 2019 Example News. All rights reserved.", "legal-notice"),
    ("Photo: Reuters", "image-credit"),
    ("The protests kicked off in June (Image: GETTY)", "image-credit"),
    ("Image 3 of 9", "image-credit"),
    ("Home > World > Asia", "navigation"),
])
def test_debris_is_recognised(line: str, reason: str) -> None:
    verdict = classify(line)
    assert verdict is not None and verdict.reason == reason


@pytest.mark.parametrize("line", [
    # real sentences that mention debris words
    "The company updated its privacy policy on Tuesday after regulators complained.",
    "Twitter seemed a bit confused by the campaign:",
    "Readers who signed up for the newsletter were told the service would close.",
    "Read the full statement, the spokesperson said, before drawing conclusions.",
    "\u201cSubscribe to nothing and trust no one,\u201d he joked.",
    "Related discussions continued late into the night.",
    "Washington, DC",
    "SECRETARY BLINKEN: Thank you. Good afternoon, everyone.",
    "6:04 P.M. EST",
    "Follow-up talks are planned for March.",
    *PROSE,
])
def test_real_text_is_kept(line: str) -> None:
    assert classify(line) is None


@pytest.mark.parametrize("line, reason", [
    ("By Jonathan Garber", "byline"),
    ("Published 11:11 PM EST Nov 19, 2019", "timestamp"),
    ("PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019", "timestamp"),
    ("Close", "page-control"),
    ("Learn More", "page-control"),
])
def test_page_tier_applies_to_web_pages_only(line: str, reason: str) -> None:
    verdict = classify(line, page=True)
    assert verdict is not None and verdict.reason == reason
    assert classify(line) is None


def test_headline_becomes_title_and_debris_is_recorded() -> None:
    text = "\n\n".join(["Ministers Agree on a New Defence Framework", PROSE[0], "Advertisement",
                       PROSE[1], "Read also| Another headline about something else", PROSE[2]])
    c = clean_text(text)
    assert c.title == "Ministers Agree on a New Defence Framework"
    assert c.text == "\n\n".join(PROSE[:3])
    assert [(r.reason, r.text) for r in c.removed] == [
        ("advertisement", "Advertisement"),
        ("related-link", "Read also| Another headline about something else")]


def test_repeated_lead_is_removed_once() -> None:
    text = "\n\n".join([PROSE[0], PROSE[1], PROSE[0], PROSE[2]])
    c = clean_text(text, title="Given title")
    assert c.text.count(PROSE[0]) == 1
    assert [r.reason for r in c.removed] == ["duplicate-paragraph"]


def test_short_repeats_and_transcript_turns_are_kept() -> None:
    turn = "OPERATOR: Okay. Please, go ahead. Your line is open for your question now."
    text = "\n\n".join([PROSE[0], turn, "QUESTION: Thank you.", PROSE[1], turn,
                       "QUESTION: Thank you.", PROSE[2]])
    c = clean_text(text, title="Briefing")
    assert c.removed == []
    assert c.text.count(turn) == 2


def test_given_title_repeated_on_first_line_is_dropped() -> None:
    c = clean_text("Ministers Meet\n\n" + PROSE[0], title="Ministers Meet")
    assert c.text == PROSE[0]
    assert [r.reason for r in c.removed] == ["title"]


def test_clean_article_with_header_and_list_is_untouched() -> None:
    pars = ["Antony J. Blinken, Secretary of State", "Washington, DC", "Treaty Room", *PROSE,
            "Participants included:", "Jane Doe, CEO, Acme Corp", "John Roe, Director, Example",
            "Department of Labor", "Department of Energy", "Department of Defense", "# # #"]
    c = clean_text("\n\n".join(pars), title="Secretary Blinken Before Their Meeting")
    assert c.removed == []
    assert paragraphs(c.text) == pars


def _page(article: list[str], headline: str) -> str:
    menu = "\n".join(["Home", "World", "Politics", "Business", "Tech", "Sports", "Opinion",
                      "Video", "Podcasts", "Newsletters"])
    teasers = "\n\n".join([
        "Most Popular",
        "Senate passes spending bill after marathon session",
        "Storm leaves thousands without power in the north",
        "Central bank holds rates steady, signals caution",
    ])
    footer = "\n".join(["About Us", "Contact Us", "Privacy Policy", "Terms of Use", "Careers",
                        "Advertise", "© 2024 Example Media. All rights reserved."])
    return "\n\n".join([f"{headline} | Example News", menu, "Search", "Sign In", headline,
                        "By Jane Doe", "March 3, 2024", *article, "Share this article",
                        teasers, footer])


def test_article_is_found_inside_a_whole_page() -> None:
    art = extract(_page(PROSE, "Ministers Agree on Defence Framework"), hint="text")
    assert art.title == "Ministers Agree on Defence Framework"
    assert art.text == "\n\n".join(PROSE)
    reasons = {r.reason for r in art.removed}
    assert "page-furniture" in reasons
    removed_text = " ".join(r.text for r in art.removed)
    assert "Privacy Policy" in removed_text and "Senate passes" in removed_text


def test_comment_section_is_cut() -> None:
    comments = "\n\n".join([
        "34 Comments",
        "jdoe says:",
        "November 19, 2019 at 6:34 am",
        "This is the worst deal I have seen in years, and nobody in charge seems to care at all.",
        "frank_r says:",
        "November 19, 2019 at 6:44 am",
        "It is time for both sides to come to grips with reality; the talks are over again.",
    ])
    page = _page(PROSE, "Ministers Agree on Defence Framework").replace(
        "Share this article", comments + "\n\nShare this article")
    art = extract(page, hint="text")
    assert art.text == "\n\n".join(PROSE)
    assert any(r.reason == "comments" and "jdoe says:" in r.text for r in art.removed)


def test_quote_introductions_are_not_comments() -> None:
    pars = [PROSE[0], "President of the Republic of Indonesia Joko Widodo said:", PROSE[1],
            "President of the European Commission Ursula von der Leyen said:", PROSE[2]]
    split = find_article(pars, None)
    assert split.article == pars and split.comments == []


def test_corpus_releases_lose_no_real_paragraph() -> None:
    """Clean releases from the demo corpus: nothing but a repeated headline, the lines before
    it, or a call to follow an account on social media may go."""
    path = FIXTURES / "spark" / "corpus-30.jsonl"
    allowed = {"title", "page-header", "share-subscribe"}
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        art = extract(rec["text"], title=rec.get("title"), hint="text")
        assert {r.reason for r in art.removed} <= allowed, rec["id"]
        kept = set(paragraphs(art.text))
        for p in paragraphs(rec["text"]):
            assert p in kept or any(r.text == p for r in art.removed), (rec["id"], p)
