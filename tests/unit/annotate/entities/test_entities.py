"""Entities with the real model: titles, appositions, labels, affiliation, coreference."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.record import Article, Entity
from paths import GOLD_DIR

pytestmark = pytest.mark.slow

GOLD = GOLD_DIR / "entities"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from newsgraph.annotate.pipeline import get_nlp

    return get_nlp()


def run(nlp, text: str, title: str | None = None):  # type: ignore[no-untyped-def]
    from newsgraph.annotate.pipeline import make_doc

    return nlp(make_doc(nlp, Article.new(text, title=title)))


def people(doc) -> dict[str, Entity]:  # type: ignore[no-untyped-def]
    return {e.name: e for e in doc._.ng_entities if e.type == "PERSON"}


def named(doc, name: str, type_: str | None = None) -> Entity:  # type: ignore[no-untyped-def]
    found = [e for e in doc._.ng_entities if e.name == name and (type_ is None
                                                                  or e.type == type_)]
    assert found, f"{name} not in {[(e.type, e.name) for e in doc._.ng_entities]}"
    return found[0]


@pytest.mark.parametrize("text, name, roles, affiliation", [
    # premodifier with a country and a spelling variant
    ("On Monday, US Defence Secretary Pete Hegseth met reporters in Virginia.",
     "Pete Hegseth", ["Secretary of Defense"], "United States"),
    # apposition with a possessive country
    ("Subrahmanyam Jaishankar, India's foreign minister, said the talks went well.",
     "Subrahmanyam Jaishankar", ["Foreign Minister"], "India"),
    # a role whose wording names the country, in the "Minister of X" order
    ("Minister of External Affairs Subrahmanyam Jaishankar arrived on Sunday.",
     "Subrahmanyam Jaishankar", ["External Affairs Minister"], "India"),
    # demonym prefix
    ("Japanese Foreign Minister Yoshimasa Hayashi spoke to the press.",
     "Yoshimasa Hayashi", ["Foreign Minister"], "Japan"),
    # "of <country>" after the name
    ("President Isaac Herzog of Israel visited Munich on Friday.",
     "Isaac Herzog", ["President"], "Israel"),
    # US cabinet wording
    ("Secretary of State Antony Blinken held talks in Paris.",
     "Antony Blinken", ["Secretary of State"], "United States"),
    # a byline: name, comma, title
    ("Antony J. Blinken, Secretary of State\n\nWashington, DC\n\nGood afternoon.",
     "Antony J. Blinken", ["Secretary of State"], "United States"),
    # two roles joined by "and"
    ("Bahraini Crown Prince and Prime Minister Salman bin Hamad Al Khalifa arrived today.",
     "Salman bin Hamad Al Khalifa", ["Crown Prince", "Prime Minister"], "Bahrain"),
    # an international organisation's official
    ("NATO Secretary General Jens Stoltenberg thanked the allies.",
     "Jens Stoltenberg", ["Secretary-General"], "NATO"),
])
def test_titles_and_affiliation(nlp, text: str, name: str, roles: list[str],  # type: ignore[no-untyped-def]
                                affiliation: str) -> None:
    person = people(run(nlp, text))[name]
    assert person.roles == roles
    assert person.affiliation == affiliation
    assert len(person.role_texts) == len(person.roles)


def test_role_text_keeps_the_article_wording(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(run(nlp, "US Defence Secretary Pete Hegseth met reporters on Monday."))
    assert p["Pete Hegseth"].role_texts == ["Defence Secretary"]


def test_transcript_labels_are_speakers_with_titles(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("SECRETARY BLINKEN: Good afternoon, everyone.\n\n"
            "FOREIGN MINISTER HAYASHI: Thank you very much.\n\n"
            "QUESTION: What did you discuss?\n\n"
            "SECRETARY BLINKEN: A great deal.")
    p = people(run(nlp, text))
    assert set(p) == {"Blinken", "Hayashi"}  # QUESTION is no person
    assert p["Blinken"].roles == ["Secretary"]
    assert p["Hayashi"].roles == ["Foreign Minister"]
    assert len(p["Blinken"].mentions) == 2
    s, e = p["Blinken"].mentions[0]
    assert text[s:e] == "BLINKEN"


def test_editorial_brackets_and_form_of_government(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Officials from the United States and India met again. \"President [Donald] Trump "
            "and Prime Minister [Narendra] Modi established a solid foundation,\" he said.")
    p = people(run(nlp, text))
    assert set(p) == {"Donald Trump", "Narendra Modi"}
    # Of the two countries only India has a prime minister; the US is led by a president.
    assert p["Donald Trump"].affiliation == "United States"
    assert p["Narendra Modi"].affiliation == "India"


def test_headline_title_case_makes_no_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("US Defence Secretary Hegseth Seeks Swift Approval of Key Arms Deals\n\n"
            "US Defence Secretary Pete Hegseth met his Indian counterpart on Tuesday. "
            "Hegseth said the talks were useful.")
    doc = run(nlp, text)
    p = people(doc)
    assert list(p) == ["Pete Hegseth"]
    assert [doc.text[s:e] for s, e in p["Pete Hegseth"].mentions] == [
        "Hegseth", "Pete Hegseth", "Hegseth"]


def test_surname_and_title_only_coreference(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Secretary of State Antony Blinken met Foreign Minister Penny Wong of Australia "
            "in Canberra. The Secretary thanked her for her leadership. Blinken and Wong "
            "also discussed the Pacific.")
    doc = run(nlp, text)
    p = people(doc)
    assert set(p) == {"Antony Blinken", "Penny Wong"}
    said = [doc.text[s:e] for s, e in p["Antony Blinken"].mentions]
    assert said == ["Antony Blinken", "Secretary", "Blinken"]
    assert p["Penny Wong"].affiliation == "Australia"


def test_counterpart_gets_the_other_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("National Security Advisor Jake Sullivan spoke with National Security Advisor "
            "Ajit Doval of India about the U.S.-India partnership.")
    p = people(run(nlp, text))
    assert p["Ajit Doval"].affiliation == "India"
    assert p["Jake Sullivan"].affiliation == "United States"


def test_no_guess_without_evidence(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(run(nlp, "Spokesperson Ned Price spoke to reporters about the weather."))
    assert p["Ned Price"].roles == ["Spokesperson"]
    assert p["Ned Price"].affiliation is None


def test_places_demonyms_capitals_and_regions(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Washington and New Delhi share concerns about the Indo-Pacific region. "
            "The U.S. and India agreed, and Indian officials welcomed the move. "
            "The Russian Federation objected.")
    doc = run(nlp, text)
    assert named(doc, "United States", "GPE").affiliation == "United States"
    assert named(doc, "Washington", "GPE").affiliation == "United States"
    assert named(doc, "New Delhi", "GPE").affiliation == "India"
    assert named(doc, "Indo-Pacific").type == "LOC"
    assert named(doc, "Indian", "NORP").affiliation == "India"
    assert named(doc, "Russia", "GPE").mentions  # pycountry's name, news' common name
    assert not [e for e in doc._.ng_entities if e.type == "ORG" and "Pacific" in e.name]


def test_offices_and_title_fragments(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("External Affairs Minister S. Jaishankar met officials at the Pentagon. "
            "The Ministry of External Affairs and the US Department of Defence (DoD) "
            "issued statements; the DoD called the talks productive.")
    doc = run(nlp, text)
    assert not [e for e in doc._.ng_entities if e.name == "External Affairs"]
    assert named(doc, "Pentagon").affiliation == "United States"
    assert named(doc, "Ministry of External Affairs").affiliation == "India"
    dod = named(doc, "US Department of Defence")
    assert dod.affiliation == "United States"
    assert [doc.text[s:e] for s, e in dod.mentions] == ["US Department of Defence", "DoD",
                                                        "DoD"]


def test_entity_at_and_stable_ids(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.annotate.docindex import entity_at

    text = "Prime Minister Narendra Modi met President Joe Biden in Washington."
    doc = run(nlp, text)
    ids = [e.id for e in doc._.ng_entities]
    assert ids == [f"e{i}" for i in range(1, len(ids) + 1)]
    firsts = [e.mentions[0][0] for e in doc._.ng_entities]
    assert firsts == sorted(firsts)
    s = text.index("Biden")
    hit = entity_at(doc, s, s + 5)
    assert hit is not None and hit.name == "Joe Biden"
    assert entity_at(doc, 0, 5) is None  # "Prime" is a title, not an entity


def test_seed_people(seed_article) -> None:  # type: ignore[no-untyped-def]
    """Issue 3, Done when: exactly these four people, with role and country."""
    got = {p.name: (p.roles, p.role_texts, p.affiliation) for p in seed_article.people()}
    assert got == {
        "Pete Hegseth": (["Secretary of Defense"], ["Defence Secretary"], "United States"),
        "S. Jaishankar": (["External Affairs Minister"], ["External Affairs Minister"],
                          "India"),
        "Donald Trump": (["President"], ["President"], "United States"),
        "Narendra Modi": (["Prime Minister"], ["Prime Minister"], "India"),
    }
    hegseth = next(p for p in seed_article.people() if p.name == "Pete Hegseth")
    text = seed_article.text
    assert {text[s:e] for s, e in hegseth.mentions} == {"Pete Hegseth", "Hegseth"}


def test_eval_command_rejects_bad_gold(tmp_path: Path) -> None:
    from newsgraph.cli import main

    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    res = CliRunner().invoke(main, ["eval", "entities", "--gold", str(tmp_path)])
    assert res.exit_code == 1
    assert "broken.json" in res.output
