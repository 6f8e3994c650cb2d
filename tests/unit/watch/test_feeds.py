"""Feed parsing: RSS, Atom, news sitemaps, sitemap indexes, and bodies that are none."""

from __future__ import annotations

import pytest

from newsgraph.watch.feeds import FeedError, normalise_url, parse_feed

BASE = "http://127.0.0.1:8000/feeds/main.xml"


def test_rss_items_in_order_absolute_and_once() -> None:
    body = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
      <item><title>B</title><link>/news/b?utm_source=rss</link></item>
      <item><title>A</title><link>http://127.0.0.1:8000/news/a#top</link></item>
      <item><title>B again</title><link>/news/b</link></item>
      <item><title>mail</title><link>mailto:desk@example.org</link></item>
    </channel></rss>"""
    feed = parse_feed(body, BASE)
    assert feed.kind == "rss" and feed.title == "Wire"
    assert [i.url for i in feed.items] == ["http://127.0.0.1:8000/news/b",
                                          "http://127.0.0.1:8000/news/a"]


def test_atom_alternate_link() -> None:
    body = b"""<?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title><id>urn:x</id>
      <updated>2025-07-02T10:00:00Z</updated>
      <entry><title>One</title><id>urn:1</id><updated>2025-07-02T10:00:00Z</updated>
        <link rel="alternate" href="http://127.0.0.1:8000/a/1"/></entry>
    </feed>"""
    feed = parse_feed(body, BASE)
    assert feed.kind == "atom"
    assert [i.url for i in feed.items] == ["http://127.0.0.1:8000/a/1"]
    assert feed.items[0].published


def test_news_sitemap_and_index() -> None:
    body = b"""<?xml version="1.0"?>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
            xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>http://127.0.0.1:8000/n/1</loc><news:news><news:title>T1</news:title>
        <news:publication_date>2025-07-02</news:publication_date></news:news></url>
      <url><loc>http://127.0.0.1:8000/n/2</loc><lastmod>2025-07-01</lastmod></url>
    </urlset>"""
    feed = parse_feed(body, BASE)
    assert feed.kind == "sitemap"
    assert [(i.url, i.title, i.published) for i in feed.items] == [
        ("http://127.0.0.1:8000/n/1", "T1", "2025-07-02"),
        ("http://127.0.0.1:8000/n/2", None, "2025-07-01")]
    index = parse_feed(b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>/sitemap-news.xml</loc></sitemap></sitemapindex>""", BASE)
    assert index.kind == "sitemapindex"
    assert index.feeds == ["http://127.0.0.1:8000/sitemap-news.xml"]


@pytest.mark.parametrize("body", [b"", b"\x00\x01\x02\xff" * 200, b"<html><body>hi</body></html>",
                                  b"just words", b"<urlset><url><loc>x</urlset>"])
def test_not_a_feed_is_an_error_with_a_reason(body: bytes) -> None:
    with pytest.raises(FeedError) as e:
        parse_feed(body, BASE)
    assert str(e.value)


def test_normalise_url() -> None:
    assert normalise_url("HTTP://127.0.0.1:8000/a/?utm_medium=x") == "http://127.0.0.1:8000/a/"
    assert normalise_url("/b", BASE) == "http://127.0.0.1:8000/b"
    assert normalise_url("javascript:alert(1)") is None
    assert normalise_url("  ") is None
