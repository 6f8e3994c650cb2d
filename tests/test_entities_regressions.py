"""Entity errors found in use, each pinned by a case written for the general rule behind it.

- portfolio words of a title ("for Population, Refugees, and Migration") never start a name;
  they stay in the role
- a transcript label ("MR PRICE:") joins the full name given in a header line, even where
  the model missed that name or read it as an organisation
- "Vice President and President Ali": two ranks of one office are two people's titles
- unusual Unicode spaces inside names become plain spaces during extraction
"""

from __future__ import annotations

import pytest

from newsgraph.record import Article, Entity

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from newsgraph.annotate.pipeline import get_nlp

    return get_nlp()


def people(nlp, text: str) -> dict[str, Entity]:  # type: ignore[no-untyped-def]
    from newsgraph.annotate.pipeline import make_doc

    doc = nlp(make_doc(nlp, Article.new(text)))
    return {e.name: e for e in doc._.ng_entities if e.type == "PERSON"}


@pytest.mark.parametrize("text, name, role", [
    ("Today we are joined by Under Secretary of State for Civilian Security, Democracy, and "
     "Human Rights Uzra Zeya.", "Uzra Zeya",
     "Under Secretary of State for Civilian Security, Democracy, and Human Rights"),
    ("I am here with Deputy Assistant Secretary for the Bureau of Population, Refugees, and "
     "Migration Marta Youth.", "Marta Youth",
     "Deputy Assistant Secretary for the Bureau of Population, Refugees, and Migration"),
    ("He met Deputy Secretary of Health and Human Services Andrea Palm on Monday.",
     "Andrea Palm", "Deputy Secretary of Health and Human Services"),
    ("Joining us today is Deputy Assistant Secretary for Passport Services Rachel Arndt.",
     "Rachel Arndt", "Deputy Assistant Secretary for Passport Services"),
    ("The delegation included Under Secretary for Economic Growth, Energy, and the Environment "
     "Jose W. Fernandez and Ambassador Eric Garcetti.", "Jose W. Fernandez",
     "Under Secretary for Economic Growth, Energy, and the Environment"),
])
def test_portfolio_words_stay_in_the_role(nlp, text: str, name: str,  # type: ignore[no-untyped-def]
                                          role: str) -> None:
    p = people(nlp, text)
    assert name in p, sorted(p)
    assert p[name].roles == [role]
    # no name holds a word of the portfolio ("Human Rights Uzra Zeya", "Civilian")
    portfolio = set(role.replace(",", "").split())
    assert not any(set(n.split()) & portfolio for n in p), sorted(p)


def test_a_surname_that_is_a_common_noun_stays_a_name(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "USAID Administrator Power spoke to reporters. Power said aid would "
                    "continue.")
    assert list(p) == ["Power"]
    assert p["Power"].roles == ["Administrator"]


@pytest.mark.parametrize("header", [
    "Department Press Briefing\nNed Price\nDepartment Spokesperson\nWashington, DC",
    "Ned Price Department Spokesperson",
    "NED PRICE, DEPARTMENT SPOKESPERSON",
    "Ned Price, Department Spokesperson",
])
def test_transcript_label_joins_the_full_name_in_the_header(nlp, header: str) -> None:  # type: ignore[no-untyped-def]
    text = (f"{header}\n\nMR PRICE: Good afternoon. Secretary Blinken travels to Rome "
            "tomorrow.\n\nQUESTION: Will he meet Wang Yi?\n\nMR PRICE: Nothing to announce.")
    p = people(nlp, text)
    assert "Ned Price" in p and "Price" not in p, sorted(p)
    spans = [text[s:e] for s, e in p["Ned Price"].mentions]
    assert spans.count("PRICE") == 2 and spans[0].lower() == "ned price"


def test_label_finds_a_name_the_model_missed_in_the_body(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("MS PORTER: Our first question goes to Matt.\n\n"
            "MR ZUNIGA: Thank you for that question. This is Ricardo Zuniga at the Department "
            "of State. We support the special prosecutor.\n\n"
            "MR ZUNIGA: So thank you again.")
    p = people(nlp, text)
    assert "Ricardo Zuniga" in p and "Zuniga" not in p, sorted(p)
    assert len(p["Ricardo Zuniga"].mentions) == 3


@pytest.mark.parametrize("text, name, role", [
    ("Vice President and President Ali discussed energy security.", "Ali", ["President"]),
    ("President and Vice President Bharrat Jagdeo arrived in Washington.", "Bharrat Jagdeo",
     ["Vice President"]),
    ("The Vice President and President Mohamed Irfaan Ali discussed food security.",
     "Mohamed Irfaan Ali", ["President"]),
    # two offices, one person
    ("Thai Deputy Prime Minister and Foreign Minister Don Pramudwinai met the Secretary.",
     "Don Pramudwinai", ["Deputy Prime Minister", "Foreign Minister"]),
])
def test_coordinated_titles_bind_to_the_right_person(nlp, text: str, name: str,  # type: ignore[no-untyped-def]
                                                     role: list[str]) -> None:
    p = people(nlp, text)
    assert p[name].roles == role


@pytest.mark.parametrize("space", ["\u202f", "\u00a0", "\u2009", "\u2007", "\u3000", "\u1680"])
def test_unusual_spaces_become_plain_spaces(nlp, space: str) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.annotate import annotate
    from newsgraph.extract import extract

    text = (f"Under Secretary Uzra{space}Zeya met Foreign Minister Subrahmanyam{space}Jaishankar "
            f"in New{space}Delhi on Monday.\u2028They discussed{space}{space}trade and security.")
    html = (f"<html><head><title>Zeya{space}in Delhi</title></head><body><article>"
            f"<h1>Zeya{space}in Delhi</h1><p>{text.replace(chr(0x2028), ' ')}</p>"
            "<p>They agreed to meet again soon after the talks in the capital ended.</p>"
            "</article></body></html>")
    for art in (extract(text, hint="text", title=f"Zeya{space}in Delhi"),
                extract(html, hint="html")):
        assert space not in art.text and "\u2028" not in art.text
        assert art.title == "Zeya in Delhi"
        assert "Uzra Zeya met" in art.text and "discussed trade" in art.text
        done = next(annotate([art]))
        found = {e.name: e for e in done.entities if e.type == "PERSON"}
        assert {"Uzra Zeya", "Subrahmanyam Jaishankar"} <= set(found), sorted(found)
        s, e = found["Uzra Zeya"].mentions[0]
        assert done.text[s:e] == "Uzra Zeya"  # offsets index the normalised text
