"""The English annotators run only on English text (or text whose language is uncertain):
a German or Russian article is extracted but not annotated, its record says why, and the
route keeps input order around such articles."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.read import RawInput
from newsgraph.record import Article
from newsgraph.run.process import MIN_LANGUAGE_CONFIDENCE, ProcessOptions, process, skip_reason

GERMAN = ("Die Bundesregierung hat am Dienstag in Berlin neue Maßnahmen beschlossen. "
          "Bundeskanzler Olaf Scholz sagte, man werde die Ukraine weiter unterstützen. "
          "Verteidigungsminister Boris Pistorius kündigte an, die Bundeswehr werde zusätzliche "
          "Panzer liefern.")
RUSSIAN = ("Министр иностранных дел России Сергей Лавров заявил во вторник, что Москва готова к "
           "переговорам. Что касается санкций, он сказал, что они не изменят позицию страны. "
           "Президент Владимир Путин встретился с делегацией в Кремле.")
ENGLISH = ("Defence Minister Rajnath Singh met Secretary of Defense Pete Hegseth in New Delhi on "
           "Monday and agreed to expand joint naval exercises in the coming year. \"We will "
           "deepen our partnership,\" Hegseth said.")


def _article(language: str | None, confidence: float | None) -> Article:
    return Article.new("x", language=language, language_confidence=confidence)


def test_the_rule() -> None:
    assert skip_reason(_article("en", 1.0)) is None
    assert skip_reason(_article(None, None)) is None
    assert skip_reason(_article("de", MIN_LANGUAGE_CONFIDENCE - 0.01)) is None
    assert skip_reason(_article("ru", 0.9987)) == \
        "language ru (1.00): the annotators are English-only"


def test_extraction_only_marks_what_would_not_be_annotated() -> None:
    out = list(process([RawInput("de", GERMAN), RawInput("en", ENGLISH)],
                       ProcessOptions(annotate=False)))
    assert [(a.source, a.annotated) for a in out if isinstance(a, Article)] == \
        [("de", False), ("en", True)]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "language"), [(GERMAN, "de"), (RUSSIAN, "ru")])
def test_other_languages_are_not_annotated(text: str, language: str) -> None:
    art = newsgraph.analyze(text)
    assert art.language == language and art.text
    assert (art.entities, art.quotes, art.events, art.agreements) == ([], [], [], [])
    assert art.annotated is False
    assert art.annotation_skipped is not None
    assert art.annotation_skipped.startswith(f"language {language} (")
    assert art.to_dict()["annotated"] is False


@pytest.mark.slow
def test_english_is_annotated_as_before() -> None:
    art = newsgraph.analyze(ENGLISH)
    assert art.language == "en"
    assert art.annotated is True and art.annotation_skipped is None
    assert {"Rajnath Singh", "Pete Hegseth"} <= {p.name for p in art.people()}
    assert art.quotes


@pytest.mark.slow
def test_the_route_keeps_input_order_around_skipped_articles() -> None:
    texts = [ENGLISH, GERMAN, ENGLISH + " Talks went on.", RUSSIAN, "", ENGLISH + " Again."]
    items = [RawInput(source=f"in{i}", data=t) for i, t in enumerate(texts)]
    out = list(process(items, ProcessOptions(chunk_size=2, batch_size=1)))
    assert [o.source for o in out] == [f"in{i}" for i in range(6)]
    arts = {o.source: o for o in out if isinstance(o, Article)}
    assert [s for s, a in arts.items() if not a.annotated] == ["in1", "in3"]
    assert all(a.people() for s, a in arts.items() if a.annotated)
    many = list(newsgraph.analyze_many([ENGLISH, RUSSIAN, GERMAN]))
    assert [a.annotated for a in many] == [True, False, False]
