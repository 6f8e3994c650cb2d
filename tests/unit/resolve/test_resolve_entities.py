"""Cross-article entity resolution on hand-built articles (no spaCy)."""

from __future__ import annotations

import pytest

from graph_fixtures import Ent, build
from newsgraph.resolve.names import compatible, parse_person
from newsgraph.store import Store


def _articles():  # type: ignore[no-untyped-def]
    return [
        build("Secretary Antony J. Blinken met Indian Minister of External Affairs Dr. "
              "Subrahmanyam Jaishankar in Washington.", "2021-05-28",
              ents=[Ent("Antony J. Blinken", affiliation="United States",
                        roles=["Secretary of State"]),
                    Ent("Dr. Subrahmanyam Jaishankar", affiliation="India",
                        roles=["Minister of External Affairs"]),
                    Ent("Washington", "GPE")]),
        build("Foreign Minister Jaishankar and Defense Minister Rajnath Singh met Lloyd Austin "
              "at the Pentagon.", "2022-04-11",
              ents=[Ent("Foreign Minister Jaishankar", affiliation="India"),
                    Ent("Rajnath Singh", affiliation="India", roles=["Defence Minister"]),
                    Ent("Lloyd Austin", affiliation="United States",
                        roles=["Secretary of Defense"])]),
        build("EAM Jaishankar recalled former Prime Minister Manmohan Singh. Singh led India "
              "from 2004. A conference took place in Austin, Texas.", "2023-06-22",
              ents=[Ent("EAM Jaishankar", affiliation="India"),
                    Ent("Manmohan Singh", affiliation="India", roles=["Prime Minister"]),
                    Ent("Singh"), Ent("Austin", "GPE"), Ent("Texas", "GPE")]),
        build("External Affairs Minister S. Jaishankar met Pete Hegseth. Secretary Austin "
              "sent regards.", "2025-07-01",
              ents=[Ent("S. Jaishankar", affiliation="India",
                        roles=["External Affairs Minister"]),
                    Ent("Pete Hegseth", affiliation="United States"),
                    Ent("Secretary Austin", affiliation="United States")]),
        build("President Joseph R. Biden, Jr. hosted Prime Minister Modi. Dr. Jill Biden "
              "hosted a dinner.", "2023-06-22",
              ents=[Ent("Joseph R. Biden, Jr.", affiliation="United States",
                        roles=["President"]),
                    Ent("Modi", affiliation="India"),
                    Ent("Dr. Jill Biden", affiliation="United States", roles=["First Lady"])]),
        build("Joe Biden spoke with Narendra Modi by phone.", "2021-02-08",
              ents=[Ent("Joe Biden", affiliation="United States"),
                    Ent("Narendra Modi", affiliation="India", roles=["Prime Minister"])]),
        build("President Biden said the partnership is strong.", "2022-05-24",
              ents=[Ent("President Biden", affiliation="United States")]),
        build("The U.S. and the United States of America are one country.", "2022-01-01",
              ents=[Ent("U.S.", "GPE"), Ent("United States of America", "ORG")]),
    ]


@pytest.fixture(scope="module")
def store():  # type: ignore[no-untyped-def]
    st = Store()
    st.write_articles(_articles())
    st.resolve()
    yield st
    st.close()


def _people(store: Store, surname: str) -> list[str]:
    return sorted(e.name for e in store.entities(q=surname, type="PERSON"))


def test_one_entity_for_every_form_of_jaishankar(store: Store) -> None:
    assert _people(store, "Jaishankar") == ["Subrahmanyam Jaishankar"]
    detail = store.entity("Subrahmanyam Jaishankar")
    assert detail is not None
    assert set(detail.aliases) == {"Dr. Subrahmanyam Jaishankar", "Foreign Minister Jaishankar",
                                   "EAM Jaishankar", "S. Jaishankar", "Jaishankar"}
    assert detail.entity.n_articles == 4 and detail.entity.affiliation == "India"


def test_a_surname_finds_a_person_every_article_names_in_full(store: Store) -> None:
    # No article says just "Blinken" or "Hegseth", yet that is what a user types.
    for surname, name in (("Blinken", "Antony J. Blinken"), ("hegseth", "Pete Hegseth")):
        detail = store.entity(surname)
        assert detail is not None and detail.entity.name == name
    # Both Bidens answer to "Biden"; the lookup takes the one in more articles.
    biden = store.entity("Biden")
    assert biden is not None and biden.entity.name == "Joseph R. Biden"
    jill = store.entity("Jill Biden")
    assert jill is not None and "Biden" in jill.aliases and "Jill" not in jill.aliases


def test_roles_over_time(store: Store) -> None:
    detail = store.entity("S. Jaishankar")
    assert detail is not None
    roles = {r.title: (r.first_date, r.last_date) for r in detail.roles}
    assert roles["Minister of External Affairs"] == ("2021-05-28", "2021-05-28")
    assert roles["Foreign Minister"] == ("2022-04-11", "2022-04-11")
    assert roles["External Affairs Minister"] == ("2025-07-01", "2025-07-01")


def test_people_sharing_a_name_part_stay_apart(store: Store) -> None:
    assert _people(store, "Singh") == ["Manmohan Singh", "Rajnath Singh"]
    manmohan = store.entity("Manmohan Singh")
    assert manmohan is not None
    # the bare "Singh" of the article about Manmohan Singh is Manmohan Singh
    assert "Singh" in manmohan.aliases


def test_person_and_place_with_one_name_stay_apart(store: Store) -> None:
    austin = store.entity("Lloyd Austin")
    assert austin is not None and austin.entity.type == "PERSON"
    assert "Secretary Austin" in austin.aliases
    places = [e for e in store.entities(q="Austin") if e.type == "GPE"]
    assert [p.name for p in places] == ["Austin"]


def test_short_forms_and_titles_pick_the_right_biden(store: Store) -> None:
    assert _people(store, "Biden") == ["Jill Biden", "Joseph R. Biden"]
    joe = store.entity("Joe Biden")
    assert joe is not None and joe.entity.name == "Joseph R. Biden"
    assert {"Joe Biden", "President Biden", "Joseph R. Biden, Jr."} <= set(joe.aliases)
    modi = store.entity("Modi")
    assert modi is not None and modi.entity.name == "Narendra Modi"


def test_countries_merge_across_spellings_and_types(store: Store) -> None:
    us = [e for e in store.entities(q="United States") if e.type == "GPE"]
    assert len(us) == 1 and us[0].name == "United States"


def test_resolution_does_not_depend_on_ingest_order() -> None:
    def snapshot(st: Store) -> list[tuple[str, str, int]]:
        return [(e.id, e.name, e.n_articles) for e in st.entities(limit=1000)]

    with Store() as a, Store() as b:
        a.write_articles(_articles())
        for art in reversed(_articles()):
            b.write_articles([art])
        a.resolve()
        b.resolve()
        b.resolve()
        assert snapshot(a) == snapshot(b)


@pytest.mark.parametrize("x,y,same", [
    ("S. Jaishankar", "Subrahmanyam Jaishankar", True),
    ("Joe Biden", "Joseph R. Biden", True),
    ("Volodymyr Zelenskyy", "Volodymyr Zelensky", True),
    ("Rajnath Singh", "Manmohan Singh", False),
    ("Jill Biden", "Joe Biden", False),
    ("John Kerry", "John Kirby", False),
    ("George W. Bush", "George H. W. Bush", False),
    ("López Obrador", "Andrés Manuel López Obrador", True),
    ("Mohammed bin Zayed Al Nahyan", "Abdullah bin Zayed Al Nahyan", False),
])
def test_name_compatibility(x: str, y: str, same: bool) -> None:
    assert compatible(parse_person(x), parse_person(y)) is same


@pytest.mark.parametrize("raw,title,given,surname", [
    ("Indian Minister of External Affairs Dr. Subrahmanyam Jaishankar",
     "Indian Minister of External Affairs", ["subrahmanyam"], "jaishankar"),
    ("EAM Jaishankar", "EAM", [], "jaishankar"),
    ("Ursula von der Leyen", None, ["ursula"], "von der leyen"),
    ("SECRETARY BLINKEN", "SECRETARY", [], "blinken"),
    ("Julie Bishop", None, ["julie"], "bishop"),
    ("President-elect Joe Biden", "President-elect", ["joe"], "biden"),
    ("Human Rights Uzra Zeya", "Human Rights", ["uzra"], "zeya"),
])
def test_parse_person(raw: str, title: str | None, given: list[str], surname: str) -> None:
    p = parse_person(raw)
    assert (p.title, p.given, p.surname) == (title, given, surname)


def _asia_and_russia():  # type: ignore[no-untyped-def]
    return [
        build("Prime Minister Kishida Fumio met Yoon Suk Yeol.", "2023-03-16",
              ents=[Ent("Kishida Fumio", affiliation="Japan"),
                    Ent("Yoon Suk Yeol", affiliation="South Korea")]),
        build("Fumio Kishida and Yoon Suk spoke again; Kim Jong Un launched a missile.",
              "2023-05-07",
              ents=[Ent("Fumio Kishida", affiliation="Japan"), Ent("Yoon Suk"),
                    Ent("Kim Jong Un", affiliation="North Korea")]),
        build("Kim Jong Nam was killed in 2017; Kim Jong was mentioned.", "2023-05-08",
              ents=[Ent("Kim Jong Nam", affiliation="North Korea"),
                    Ent("Kim Jong", affiliation="North Korea")]),
        build("Sergey Lavrov and Maria Lavrova spoke.", "2022-01-10",
              ents=[Ent("Sergey Lavrov", affiliation="Russia"), Ent("Maria Lavrova")]),
        build("Sergei Lavrov repeated it. Putin agreed.", "2022-01-12",
              ents=[Ent("Sergei Lavrov", affiliation="Russia"),
                    Ent("Putin", affiliation="United States")]),  # a tagger's wrong country
        build("Vladimir Putin spoke.", "2022-01-13",
              ents=[Ent("Vladimir Putin", affiliation="Russia")]),
        build("Xi said so.", "2022-01-14", ents=[Ent("Xi", affiliation="United States")]),
        build("Xi Jinping said so.", "2022-01-15", ents=[Ent("Xi Jinping", affiliation="China")]),
        build("Karine Jean-Pierre briefed.", "2023-01-02",
              ents=[Ent("Karine Jean-Pierre", affiliation="United States")]),
        build("Jean-Pierre: Go ahead, Karine. Joe, go ahead.", "2023-01-03",
              ents=[Ent("Jean-Pierre"), Ent("Karine"), Ent("Joe")]),
        build("Joe Biden spoke.", "2023-01-04", ents=[Ent("Joe Biden")]),
    ]


@pytest.fixture(scope="module")
def store2():  # type: ignore[no-untyped-def]
    st = Store()
    st.write_articles(_asia_and_russia())
    st.resolve()
    yield st
    st.close()


@pytest.mark.parametrize("name,forms", [
    ("Kishida", {"Kishida Fumio", "Fumio Kishida"}),           # family name first or last
    ("Yoon", {"Yoon Suk Yeol", "Yoon Suk"}),                   # a name cut short
    ("Lavrov", {"Sergey Lavrov", "Sergei Lavrov"}),             # transliterations
    ("Putin", {"Vladimir Putin", "Putin"}),                    # despite the wrong country
    ("Xi", {"Xi Jinping", "Xi"}),                              # family name alone
    ("Karine", {"Karine Jean-Pierre", "Jean-Pierre", "Karine"}),  # first name, same article
])
def test_forms_of_one_person(store2: Store, name: str, forms: set[str]) -> None:
    detail = store2.entity(next(iter(forms)))
    assert detail is not None and forms <= set(detail.aliases), detail.aliases


def test_forms_of_different_people(store2: Store) -> None:
    assert len(_people(store2, "Lavrov")) == 2          # Lavrova is someone else
    kims = _people(store2, "Kim Jong")
    assert {"Kim Jong Un", "Kim Jong Nam"} <= set(kims)  # "Kim Jong" joins neither
    joe = store2.entity("Joe Biden")
    assert joe is not None and "Joe" not in joe.aliases  # a lone "Joe" elsewhere is not him
