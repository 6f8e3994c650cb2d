"""Article.language: the language of the clean text, ISO 639-1, with a confidence."""

from __future__ import annotations

import pytest

from newsgraph.extract import extract
from newsgraph.extract.language import detect_language

TEXTS = {
    "en": "The defence ministers met in Washington on Tuesday and agreed to expand joint "
          "exercises next year, officials said after the talks.",
    "de": "Die Verteidigungsminister trafen sich am Dienstag in Berlin und vereinbarten, die "
          "gemeinsamen Übungen im nächsten Jahr auszuweiten, sagten Beamte nach dem Treffen.",
    "ja": "防衛相らは火曜日に東京で会談し、来年の合同演習を拡大することで合意したと当局者が"
          "会談後に明らかにした。",
    "ru": "Министры обороны встретились во вторник в Москве и договорились расширить "
          "совместные учения в следующем году, сообщили официальные лица после переговоров.",
}


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_detects_the_language_with_a_confidence(code: str) -> None:
    lang = detect_language(TEXTS[code])
    assert lang is not None
    assert lang.code == code
    assert 0.9 <= lang.confidence <= 1.0


def test_text_without_letters_has_no_language() -> None:
    assert detect_language("") is None
    assert detect_language("12:30 — 4.5% / 2025-07-01") is None


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_extract_sets_the_record_fields(code: str) -> None:
    art = extract(TEXTS[code] + "\n\n" + TEXTS[code].replace("Tuesday", "Monday"))
    assert art.language == code
    assert art.language_confidence is not None and 0.9 <= art.language_confidence <= 1.0
    d = art.to_dict()
    assert d["language"] == code and d["language_confidence"] == art.language_confidence


def test_html_page_gets_a_language() -> None:
    body = "".join(f"<p>{TEXTS['de']}</p>" for _ in range(3))
    art = extract(f"<html><head><title>Übungen</title></head><body><article>{body}"
                  "</article></body></html>", hint="html")
    assert art.language == "de"


def test_every_answer_is_a_two_letter_code() -> None:
    # py3langid also knows languages without an ISO 639-1 code (yue, gom, ...)
    from newsgraph.extract.language import _identifier

    assert all(len(code) == 2 for code in _identifier().nb_classes)
