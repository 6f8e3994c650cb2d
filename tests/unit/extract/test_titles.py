"""Titles: the site's name comes off only with evidence that it is the site's; real two-part
headlines stay whole. Composed pages and titles."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from newsgraph.extract import extract
from newsgraph.extract.meta import PageMeta, read_meta
from newsgraph.extract.titles import choose_title, site_key, strip_site

BODY = (
    "<p>The defence ministers of both countries met in the capital on Monday and agreed to "
    "expand joint naval exercises in the coming year, officials said.</p>"
    "<p>The agreement also covers the exchange of liaison officers and a new hotline between "
    "the two navies, according to a statement released after the meeting.</p>"
    "<p>Opposition lawmakers criticised the deal, arguing that parliament had not been "
    "consulted before the ministers signed it, and demanded a debate next week.</p>")


def _page(title: str, head: str = "", h1: str = "Ministers agree to expand naval drills",
          url: str = "https://www.harbourgazette.com/news/1") -> str:
    return (f"<html><head><title>{title}</title>{head}</head><body><article><h1>{h1}</h1>"
            f"{BODY}</article></body></html>").replace("URL", url)


@pytest.mark.parametrize(("title", "names", "expected"), [
    # the name the page gives itself
    ("Ministers agree to expand drills - Harbour Gazette", ["Harbour Gazette"],
     "Ministers agree to expand drills"),
    ("Harbour Gazette | Ministers agree to expand drills", ["Harbour Gazette"],
     "Ministers agree to expand drills"),
    # the domain spells the name without spaces or accents
    ("Ministers agree to expand drills - Harbour Gazette", ["harbourgazette.com"],
     "Ministers agree to expand drills"),
    ("Ministers agree to expand drills - Gazeta Právo", ["gazetapravo.cz"],
     "Ministers agree to expand drills"),
    ("Ministers agree to expand drills | HG.COM", ["hg.com"],
     "Ministers agree to expand drills"),
    # a name of several parts, a section and a date after the name
    ("Ministers agree to expand drills | Harbour Gazette | Politics", ["Harbour Gazette"],
     "Ministers agree to expand drills"),
    ("Ministers agree to expand drills | HG | 28.04.2023", ["hg.com"],
     "Ministers agree to expand drills"),
    ("Ministers agree | Harbour Gazette | by Jane Doe", ["Harbour Gazette"],
     "Ministers agree"),
    ("Ministers agree - Gazette of the Bay - Bay News", ["Gazette of the Bay – Bay News"],
     "Ministers agree"),
    ("港で新しい訓練が始まる：湾岸新聞", ["湾岸新聞"], "港で新しい訓練が始まる"),
    # two-part headlines without the site stay whole
    ("Biden in Kyiv: what we know", ["Harbour Gazette"], "Biden in Kyiv: what we know"),
    ("Drills expand - and neighbours worry", ["harbourgazette.com"],
     "Drills expand - and neighbours worry"),
    ("Gaza: the talks | Day two", ["Harbour Gazette"], "Gaza: the talks | Day two"),
    # a headline that starts with the site's name is no site name
    ("Harbour Gazette editor quits | Politics", ["Harbour Gazette"],
     "Harbour Gazette editor quits | Politics"),
    ("Ministers agree | Harbour Gazette Online", ["Harbour Gazette"], "Ministers agree"),
    # a title that is only the site's name is left as it is
    ("Harbour Gazette", ["Harbour Gazette"], "Harbour Gazette"),
])
def test_strip_site(title: str, names: list[str], expected: str) -> None:
    assert strip_site(title, names) == expected


def test_site_key_folds_case_accents_and_punctuation() -> None:
    assert site_key("Seznam Zprávy") == site_key("seznamzpravy") == "seznamzpravy"
    assert site_key("MDR.DE") == "mdrde"


def test_json_ld_headline_takes_off_a_part_no_name_matches() -> None:
    meta = PageMeta(headline="Two fishermen rescued off the coast",
                    site_names=["Harbour Gazette"])
    assert choose_title("Two fishermen rescued off the coast - Bayside News", meta) == \
        "Two fishermen rescued off the coast"
    # a different wording of the headline does not replace the title
    assert choose_title("Fishermen saved after two days at sea", meta) == \
        "Fishermen saved after two days at sea"
    assert choose_title(None, meta) == "Two fishermen rescued off the coast"


def test_page_metadata_is_read_from_json_ld_and_meta_tags() -> None:
    page = _page("x", head=(
        '<meta property="og:site_name" content="Harbour Gazette">'
        '<link rel="canonical" href="https://www.harbourgazette.com/news/1">'
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        '{"@type": "NewsArticle", "headline": "Ministers agree &amp; sign",'
        ' "author": [{"@type": "Person", "name": "Jane Doe"},'
        ' {"@type": "Organization", "name": "Harbour Gazette Staff"}],'
        ' "publisher": {"@type": "NewsMediaOrganization", "name": "Harbour Media Group"}}]}'
        '</script><script type="application/ld+json">{not json</script>'))
    meta = read_meta(lxml_html.fromstring(page))
    assert meta.headline == "Ministers agree & sign"
    assert meta.authors == ["Jane Doe"]
    assert {"Harbour Gazette", "Harbour Media Group", "harbourgazette.com"} <= \
        set(meta.site_names)


def test_extracted_title_loses_the_site_name() -> None:
    page = _page("Ministers agree to expand naval drills | The Harbour Gazette",
                 head='<meta property="og:site_name" content="The Harbour Gazette">')
    assert extract(page).title == "Ministers agree to expand naval drills"


def test_extracted_title_keeps_a_two_part_headline() -> None:
    page = _page("Biden in Kyiv: what we know", h1="Biden in Kyiv: what we know",
                 head='<meta property="og:site_name" content="The Harbour Gazette">')
    assert extract(page).title == "Biden in Kyiv: what we know"


def test_the_title_keeps_its_spelling_when_the_body_repeats_it() -> None:
    # the h1 drops the colon and uses a curly apostrophe: the title stays as the page's
    page = _page("Drills: Navy's plan expands", h1="Drills Navy’s plan expands",
                 head='<meta property="og:title" content="Drills: Navy\'s plan expands">')
    assert extract(page).title == "Drills: Navy's plan expands"
