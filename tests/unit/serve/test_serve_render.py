"""Escaped highlighting of article text, and the server-drawn timeline and network."""

from __future__ import annotations

import re

import pytest

from newsgraph.serve import charts
from newsgraph.serve.highlight import highlight

TEXT = 'Hegseth said "we <b>will</b> sign," on Tuesday.\n\nIndia & the US <script>x()</script>.'


def _article(quotes: list[dict], entities: list[dict]) -> dict:
    return {"text": TEXT, "quotes": quotes, "entities": entities}


def _href(local_id: str) -> str | None:
    return None if local_id == "e9" else f"/entity/{local_id}"


def _strip_tags(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_text_is_escaped_and_survives_intact() -> None:
    paras = highlight(_article([], []), _href)
    assert len(paras) == 2
    assert "<script>" not in paras[1].html and "&lt;script&gt;" in paras[1].html
    assert "<b>" not in paras[0].html
    # Tags removed and entities decoded, the text is the article's, nothing lost.
    import html

    assert [html.unescape(_strip_tags(p.html)) for p in paras] == TEXT.split("\n\n")


def test_quote_with_speaker_label_after_closing_mark() -> None:
    start = TEXT.index("we")
    end = TEXT.index(',"')
    q = {"id": "q1", "span": [start, end], "kind": "direct", "speaker": "Hegseth",
         "speaker_id": "e1"}
    ents = [{"id": "e1", "name": "Pete Hegseth", "type": "PERSON", "mentions": [[0, 7]]}]
    html = str(highlight(_article([q], ents), _href)[0].html)
    assert html.count('<mark class="quote quote-direct" data-quote="q1"') == 1
    # The label uses the entity's canonical name, links to it, and follows `,"`.
    assert re.search(r'sign</mark>,&#34;<span class="speaker" data-quote="q1">'
                     r'<a href="/entity/e1">Pete Hegseth</a></span>', html), html
    assert '<a class="ent ent-person" href="/entity/e1"' in html


def test_crossing_spans_nest_properly() -> None:
    # An entity mention that starts before a quote and ends inside it.
    q = {"id": "q1", "span": [13, 30], "kind": "direct", "speaker": None}
    ents = [{"id": "e2", "name": "X", "type": "ORG", "mentions": [[8, 16]]}]
    html = str(highlight(_article([q], ents), _href)[0].html)
    stack: list[str] = []
    for closing, tag in re.findall(r"<(/?)(a|mark|span)\b", html):
        if closing:
            assert stack and stack.pop() == tag, html
        else:
            stack.append(tag)
    assert stack == []
    assert "unknown speaker" in html


@pytest.mark.parametrize("span", [[-1, 4], [5, 5], [0, 10_000], ["a", "b"], [3], None])
def test_bad_spans_are_ignored(span: object) -> None:
    q = {"id": "q1", "span": span, "kind": "direct"}
    ents = [{"id": "e9", "name": "Y", "type": "GPE", "mentions": [span]}]
    html = "".join(str(p.html) for p in highlight(_article([q], ents), _href))
    assert "<mark" not in html and "ent-gpe" not in html


def test_entity_without_page_is_a_span_not_a_link() -> None:
    at = TEXT.index("India")
    ents = [{"id": "e9", "name": "India", "type": "GPE", "mentions": [[at, at + 5]]}]
    html = str(highlight(_article([], ents), _href)[1].html)
    assert '<span class="ent ent-gpe" title="India (GPE)">India</span>' in html


def test_plover_classes_cover_every_category() -> None:
    assert set(charts.CATEGORIES) == set(charts.PLOVER_CLASS)
    assert charts.plover_class("CONSULT") == "coop-verbal"
    assert charts.plover_class("assault") == "conf-material"
    assert charts.plover_class("UNKNOWN") == "other"


def test_timeline_lanes_dates_and_hollow_modalities() -> None:
    pts = [charts.TimelinePoint("a", "CONSULT", "2021-05-28", "occurred", "met"),
           charts.TimelinePoint("b", "AGREE", "2023-06-22", "planned", "will sign"),
           charts.TimelinePoint("c", "ACCUSE", "2022-01-01", "occurred", "accused"),
           charts.TimelinePoint("d", "CONSULT", None, "occurred", "undated")]
    tl = charts.timeline(pts, width=900)
    assert [lane.label for lane in tl.lanes] == ["AGREE", "CONSULT", "ACCUSE"]
    assert tl.undated == 1
    xs = {d.id: d.x for d in tl.dots}
    assert xs["a"] < xs["c"] < xs["b"]
    assert all(tl.left <= x <= tl.width for x in xs.values())
    assert {d.id for d in tl.dots if d.hollow} == {"b"}
    assert [t.label for t in tl.ticks] == ["2022", "2023"]


def test_timeline_of_nothing_is_empty() -> None:
    tl = charts.timeline([])
    assert tl.dots == [] and tl.lanes == []


def test_network_places_neighbours_around_the_centre() -> None:
    centre = charts.Node("c", "Jaishankar", "PERSON", 10)
    others = [charts.Node(f"n{i}", f"N{i}", "PERSON", 5 - i) for i in range(5)]
    net = charts.network(centre, others, {("n0", "n1"): 2, ("n0", "zz"): 1})
    assert net.nodes[0].centre
    for n in net.nodes:
        assert 0 <= n.x <= net.width and 0 <= n.y <= net.height
    dist = {round(((n.x - centre.x) ** 2 + (n.y - centre.y) ** 2) ** 0.5) for n in others}
    assert len(dist) == 1  # one ring
    # Links: centre to each neighbour, plus the neighbour pair whose ends are both drawn.
    assert len(net.links) == 6
    assert others[0].r > others[-1].r
