"""The fundus reader, its scorers and `eval extraction --fundus` on a 4-page fixture."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.evaluate import fundus
from newsgraph.evaluate.fundus import Extracted, FundusPage
from paths import FIXTURES

FUNDUS = FIXTURES / "fundus"


def test_reader_pairs_pages_and_takes_the_expected_values() -> None:
    pages = {p.id: p for p in fundus.load_fundus(FUNDUS)}
    assert sorted(pages) == ["cn/People_2024_04_24", "de/NDR_2025_06_18",
                             "kr/HankookIlbo_2026_01_29", "us/APNews_2023_04_28"]
    ap = pages["us/APNews_2023_04_28"]
    assert ap.url is not None and ap.url.startswith("https://apnews.com/")
    assert ap.published == dt.date(2023, 4, 28)
    assert ap.authors is not None and ap.title
    assert {p.id: (p.language, p.language_from) for p in pages.values()} == {
        "us/APNews_2023_04_28": ("en", "html lang"),
        "de/NDR_2025_06_18": ("de", "html lang"),
        "kr/HankookIlbo_2026_01_29": ("ko", "html lang"),
        # no <html lang>: the checked table names it
        "cn/People_2024_04_24": ("zh", "checked"),
    }


def test_gold_body_is_fundus_plain_text() -> None:
    body = {"summary": ["Teaser."],
            "sections": [{"headline": [], "paragraphs": ["One.", "Two."]},
                         {"headline": ["Sub"], "paragraphs": ["Three."]}]}
    assert fundus.gold_body(body) == "Teaser.\n\nOne.\n\nTwo.\n\nSub\n\nThree."


def test_pages_pair_with_versions_in_order(tmp_path: Path) -> None:
    country = tmp_path / "xx"
    country.mkdir()
    for day in ("2025_01_02", "2024_12_31"):
        (country / f"Pub_{day}.html.gz").write_bytes(gzip.compress(b"<html lang='fr'></html>"))
    versions = {v: {"title": v, "body": {"summary": [], "sections": []},
                    "publishing_date": None} for v in ("V10", "V1_1", "V2")}
    (country / "Pub.json").write_text(json.dumps(versions), encoding="utf-8")
    pages = fundus.load_fundus(tmp_path)
    # earliest page with the lowest version; the third version has no page
    assert [(p.id, p.title) for p in pages] == [("xx/Pub_2024_12_31", "V1_1"),
                                                ("xx/Pub_2025_01_02", "V2")]
    assert pages[0].authors is None and pages[0].language == "fr"


def test_html_language_takes_the_primary_subtag() -> None:
    assert fundus.html_language(b'<!doctype html><html class="x" lang="de-AT">') == "de"
    assert fundus.html_language(b"<html lang=nb>") == "no"
    assert fundus.html_language(b"<html><body lang='en'>") is None


def test_title_date_and_author_scorers() -> None:
    assert fundus.title_match("Talks  resume in\nGeneva", "talks resume in geneva")
    assert not fundus.title_match("Talks resume", "Talks resume - Site News")
    assert not fundus.title_match("Talks resume", None)
    # soft hyphens and zero-width spaces are not seen by a reader
    assert fundus.title_match("Heli\xadcopter pad\u200b planned", "Helicopter pad planned")
    assert fundus.same_day(dt.date(2025, 7, 1), dt.date(2025, 7, 1))
    assert not fundus.same_day(dt.date(2025, 7, 1), None)
    assert fundus.authors_f1(["Rachel Brazil"], ["rachel  brazil"]) == 1.0
    assert fundus.authors_f1(["Rachel Brazil"], ["Rachel", "Brazil"]) == 0.0
    assert fundus.authors_f1(["A B", "C D"], ["A B"]) == pytest.approx(2 / 3)
    assert fundus.authors_f1([], []) == 1.0


def _page(**kw: object) -> FundusPage:
    base: dict[str, object] = dict(id="xx/P_2025_01_01", path=Path("x"), url=None,
                                   body="one two three four five", title="T",
                                   published=dt.date(2025, 1, 1), authors=["A B"],
                                   language="en", language_from="html lang")
    base.update(kw)
    return FundusPage(**base)  # type: ignore[arg-type]


def test_scores_per_slice_and_refusals() -> None:
    en, de = _page(), _page(id="xx/Q_2025_01_01", language="de", authors=None)
    got = {en.id: {"newsgraph": Extracted(text=en.body, title="t", published=en.published,
                                          authors=["a b"], language="en"),
                   "trafilatura": Extracted(error="no text")},
           de.id: {"newsgraph": Extracted(text="one two three four", language="fr"),
                   "trafilatura": Extracted(text=de.body, title="T")}}
    report = fundus.score([en, de], got)
    ng, tf = report.slices["all"]["newsgraph"], report.slices["all"]["trafilatura"]
    assert (ng.titles, ng.dates, ng.authors, ng.languages) == ([True, False], [True, False],
                                                               [1.0], [True, False])
    assert tf.refused == [en.id] and ng.refused == []
    assert report.slices["de"]["trafilatura"].body.f1 == 1.0
    assert report.language_from == {"html lang": 2}
    table = "\n".join(fundus.format_report(report))
    assert "| newsgraph | 2 |" in table and "| **de** |" in table


def test_fixture_end_to_end() -> None:
    report = fundus.evaluate_fundus(FUNDUS)
    assert report.pages == 4
    assert set(report.slices) == {"all", "en", "de", "zh", "ko"}
    ng = report.slices["all"]["newsgraph"]
    assert len(ng.body.pages) == len(ng.languages) == 4
    # bare trafilatura 2.3.1 finds no text in the Korean page
    assert report.slices["all"]["trafilatura"].refused == ["kr/HankookIlbo_2026_01_29"]
    for code in ("en", "de", "zh"):
        assert report.slices[code]["newsgraph"].languages == [True]


def test_cli_fundus_prints_the_table() -> None:
    r = CliRunner().invoke(main, ["eval", "extraction", "--fundus", str(FUNDUS),
                                  "--workers", "1", "--worst", "2"])
    assert r.exit_code == 0, r.output
    assert "| newsgraph | 4 |" in r.output and "| trafilatura | 4 |" in r.output
    assert "trafilatura refused: kr/HankookIlbo_2026_01_29" in r.output


def test_cli_fundus_bad_folder_is_one_line(tmp_path: Path) -> None:
    for bad in (tmp_path / "missing", tmp_path):
        r = CliRunner().invoke(main, ["eval", "extraction", "--fundus", str(bad)])
        assert r.exit_code == 1
        lines = r.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), r.output


def test_cli_fundus_takes_no_gold() -> None:
    r = CliRunner().invoke(main, ["eval", "extraction", "--fundus", str(FUNDUS),
                                  "--gold", "x.json"])
    assert r.exit_code == 2 and "--fundus DIR takes no" in r.output
