"""HTML: trafilatura's main text plus what it misses; metadata; one blank line between
paragraphs."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re

import pytest

from newsgraph.errors import BadInput
from newsgraph.extract import extract
from paths import FIXTURES

AEB = FIXTURES / "aeb"
FOX = "51374560f40088e227f0053ff1bb0b8525d10a8d7bfbff1cd6033f42347fd85b"
WSJ = "7ab16ade32386ece353b8d31fc3bb7e660189efd5bf3c8549aaba101ad3f5ef5"

PARAS = [
    "The defence ministers of both countries met in the capital on Monday and agreed to "
    "expand joint naval exercises in the coming year, officials said.",
    "The agreement also covers the exchange of liaison officers and a new hotline between the "
    "two navies, according to a statement released after the meeting.",
    "Opposition lawmakers criticised the deal, arguing that parliament had not been consulted "
    "before the ministers signed it, and demanded a debate next week.",
]


def _page(name: str) -> bytes:
    return gzip.decompress((AEB / "html" / f"{name}.html.gz").read_bytes())


def _html(body: str, title: str = "Ministers agree to expand naval drills") -> str:
    return (f"<!DOCTYPE html><html><head><title>{title} - Example Times</title>"
            f'<meta property="og:site_name" content="Example Times">'
            f'<meta name="author" content="Jane Doe">'
            f'<meta property="article:published_time" content="2024-03-05T09:00:00Z">'
            f"</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{title}</h1>{body}</article>"
            f"<footer>© 2024 Example Times</footer></body></html>")


def test_metadata_from_a_real_page() -> None:
    art = extract(_page(FOX))
    assert art.title == "Home Depot sales miss, shares plunge"
    assert art.published == dt.date(2019, 11, 19)
    assert art.authors == ["Jonathan Garber"]
    assert art.site == "Fox Business"
    assert art.url == "https://www.foxbusiness.com/markets/home-depot-sales-earnings-retail"


def test_body_does_not_repeat_the_headline_and_keeps_the_table() -> None:
    art = extract(_page(FOX))
    assert not art.text.startswith(art.title or "")
    # the standfirst stays: it is the article's own text, not page furniture
    assert art.text.split("\n\n")[:2] == [
        "The home-improvement retailer earned $2.8 billion in the third quarter.",
        "Dow component Home Depot reported third-quarter earnings that topped estimates as "
        "revenue fell short, sending shares lower ahead of the opening bell. Rival Lowe's was "
        "also lower following the results."]
    assert any(r.reason == "title" for r in art.removed)
    assert "| HD | THE HOME DEPOT INC. |" in art.text


def test_headline_is_preferred_to_a_sectioned_page_title() -> None:
    art = extract(_page(WSJ))
    assert art.title == "Is Football Violence a Crime?"


def test_paragraphs_are_separated_by_one_blank_line() -> None:
    for f in sorted((AEB / "html").iterdir()):
        text = extract(gzip.decompress(f.read_bytes())).text
        assert "\n\n\n" not in text, f.name
        assert text == text.strip()
        # single line breaks only inside a table or a list
        for block in text.split("\n\n"):
            lines = block.split("\n")
            assert len(lines) == 1 or all(x.startswith(("|", "- ")) for x in lines), block


def test_what_trafilatura_leaves_is_removed_and_recorded() -> None:
    body = (f"<p>{PARAS[0]}</p><p>Advertisement</p><p>{PARAS[1]}</p>"
            f"<p>Read more: Navy chief warns of budget cuts</p><p>{PARAS[0]}</p>"
            f"<p>{PARAS[2]}</p>")
    art = extract(_html(body), url="https://example.org/naval-drills")
    assert art.text == "\n\n".join(PARAS)
    assert [r.reason for r in art.removed] == \
        ["title", "advertisement", "related-link", "duplicate-paragraph"]
    assert art.title == "Ministers agree to expand naval drills"
    assert art.authors == ["Jane Doe"]
    assert art.published == dt.date(2024, 3, 5)
    assert art.site == "Example Times"
    assert art.url == "https://example.org/naval-drills"


def test_repeated_list_items_are_kept() -> None:
    items = "".join("<li>Eat every 2 to 3 hours</li><li>Drink water</li>" for _ in range(2))
    art = extract(_html(f"<p>{PARAS[0]}</p><ul>{items}</ul><p>{PARAS[1]}</p>"))
    assert art.text.count("Eat every 2 to 3 hours") == 2


@pytest.mark.parametrize("html", [
    "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
    "<html><body><script>var x = 1;</script></body></html>",
])
def test_html_without_an_article_is_bad_input(html: str) -> None:
    with pytest.raises(BadInput, match="no article"):
        extract(html)


JA_PARAS = [
    "政府は五日、来年度の予算案を閣議決定した。防衛費は過去最大となり、社会保障費も増える見通しだ。",
    "野党は「国会での説明が足りない」と批判しており、来週から予算委員会で審議が始まる。",
]
ZH_PARAS = [
    "两国国防部长星期一在首都会晤，同意在明年扩大联合海军演习，官员表示。",
    "反对派议员批评这项协议，认为部长们签署之前没有征求议会的意见，并要求下周进行辩论！",
]


@pytest.mark.parametrize("paras, title", [
    (JA_PARAS, "来年度予算案を閣議決定"),
    (ZH_PARAS, "两国同意扩大海军演习"),
])
def test_pages_in_scripts_without_spaces_are_extracted(paras: list[str], title: str) -> None:
    art = extract(_html("".join(f"<p>{p}</p>" for p in paras), title=title))
    assert art.text.split("\n\n") == paras


@pytest.mark.parametrize("html", [
    "<html><body><article><p>ホーム</p><p>ニュース</p><p>お問い合わせ</p></article></body></html>",
    "<html><body><article><p>首页</p><p>新闻</p><p>关于我们。</p></article></body></html>",
    "<html><body><article><p>Home</p><p>World news</p><p>Contact us</p></article></body></html>",
])
def test_a_few_navigation_words_are_still_refused(html: str) -> None:
    with pytest.raises(BadInput, match="no article"):
        extract(html)


def test_benchmark_pages_keep_their_gold_text() -> None:
    """Every gold paragraph of more than 30 words that trafilatura finds survives our rules."""
    gold = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    for pid, g in gold.items():
        kept = re.sub(r"\W+", " ", extract(_page(pid)).text)
        import trafilatura

        raw = re.sub(r"\W+", " ", trafilatura.extract(_page(pid).decode()) or "")
        for par in g["articleBody"].split("\n"):
            k = re.sub(r"\W+", " ", par).strip()
            if len(k.split()) > 30 and k in raw:
                assert k in kept, (pid, par[:80])


def _long_page(n: int) -> str:
    paras = "".join(f"<p>{PARAS[i % len(PARAS)]} This is paragraph number {i} of the report.</p>"
                    for i in range(n))
    return _html(paras)


def _fast_run_keeps(monkeypatch: pytest.MonkeyPatch, keep: int) -> list[dict[str, object]]:
    """Make trafilatura's fast run return only the first `keep` characters; record calls."""
    import trafilatura

    real = trafilatura.bare_extraction
    calls: list[dict[str, object]] = []

    def fake(tree: object, **kw: object) -> object:
        calls.append(kw)
        doc = real(tree, **kw)  # type: ignore[arg-type]
        if kw.get("fast") and doc is not None and not isinstance(doc, dict):
            doc.text = (doc.text or "")[:keep]
        return doc

    monkeypatch.setattr(trafilatura, "bare_extraction", fake)
    return calls


def test_a_stub_of_the_fast_run_is_replaced_by_the_full_run(
        monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _fast_run_keeps(monkeypatch, 200)
    art = extract(_long_page(20))
    assert [c.get("fast") for c in calls] == [True, False]
    assert "paragraph number 19 of the report" in art.text
    assert art.title == "Ministers agree to expand naval drills"  # metadata of the fast run


def test_a_short_article_keeps_the_fast_run(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _fast_run_keeps(monkeypatch, 10_000)
    art = extract(_html(f"<p>{PARAS[0]}</p><p>{PARAS[1]}</p>"))
    # short, so the full run is tried, but it is not ten times longer: the fast text stays
    assert len(calls) == 2
    assert art.text == f"{PARAS[0]}\n\n{PARAS[1]}"


def test_a_long_fast_run_needs_no_second_run(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _fast_run_keeps(monkeypatch, 100_000)
    extract(_long_page(20))
    assert len(calls) == 1


MENU = ["Top stories", "- Sport", "- Weather", "- Opinion", "Read more", "- Markets", "- Culture",
        "- Travel", "Live"]


def _recall_run_adds(monkeypatch: pytest.MonkeyPatch, lines: list[str],
                     precise_keep: int | None = None) -> list[dict[str, object]]:
    """The favor_recall run gets `lines` after the article; the run without it returns the
    article (cut to `precise_keep` characters if given)."""
    import trafilatura

    real = trafilatura.bare_extraction
    calls: list[dict[str, object]] = []

    def fake(tree: object, **kw: object) -> object:
        calls.append(kw)
        doc = real(tree, **kw)  # type: ignore[arg-type]
        if doc is not None and not isinstance(doc, dict):
            if kw.get("favor_recall"):
                doc.text = (doc.text or "") + "\n" + "\n".join(lines)
            elif precise_keep is not None:
                doc.text = (doc.text or "")[:precise_keep]
        return doc

    monkeypatch.setattr(trafilatura, "bare_extraction", fake)
    return calls


def test_menus_that_favor_recall_lets_in_go_with_the_precise_run(
        monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _recall_run_adds(monkeypatch, MENU)
    art = extract(_long_page(6))
    assert [c.get("favor_recall") for c in calls] == [True, False]
    assert "Top stories" not in art.text and "- Weather" not in art.text
    assert "paragraph number 5 of the report" in art.text
    assert any(r.reason == "page-furniture" and "Weather" in r.text for r in art.removed)


def test_the_fast_run_stays_when_the_precise_one_loses_text(
        monkeypatch: pytest.MonkeyPatch) -> None:
    _recall_run_adds(monkeypatch, MENU, precise_keep=300)
    art = extract(_long_page(6))
    assert "paragraph number 5 of the report" in art.text


def test_a_few_short_lines_need_no_precise_run(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _recall_run_adds(monkeypatch, MENU[:2])
    extract(_long_page(6))
    assert len(calls) == 1
