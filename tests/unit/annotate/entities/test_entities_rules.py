"""Entity tables and rules that need no model: roles, countries, coreference, scoring."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.annotate import gazetteer
from newsgraph.annotate.entities import roles
from newsgraph.annotate.entities.coref import cluster
from newsgraph.annotate.entities.names import NameMention, RoleMention
from newsgraph.evaluate import entities as ev
from newsgraph.record import Entity
from paths import GOLD_DIR


@pytest.mark.parametrize("text, canonical", [
    ("Defence Secretary", "Secretary of Defense"),
    ("Secretary of Defence", "Secretary of Defense"),
    ("Deputy Defense Secretary", "Deputy Secretary of Defense"),
    ("Treasury Secretary", "Secretary of the Treasury"),
    ("Minister of External Affairs", "External Affairs Minister"),
    ("Minister for External Affairs", "External Affairs Minister"),
    ("Minister of Foreign Affairs", "Foreign Minister"),
    ("foreign minister", "Foreign Minister"),
    ("Deputy Minister of Foreign Affairs", "Deputy Foreign Minister"),
    ("Minister of State for External Affairs", "Minister of State for External Affairs"),
    ("National Security Adviser", "National Security Advisor"),
    ("National Security Advisor to the President", "National Security Advisor"),
    ("Assistant to the President for National Security Affairs",
     "Assistant to the President for National Security Affairs"),
    ("Ambassador to India", "Ambassador"),
    ("Secretary General", "Secretary-General"),
    ("Spokesman", "Spokesperson"),
    ("PRIME MINISTER", "Prime Minister"),
    ("Foreign Secretary", "Foreign Secretary"),  # a UK and Indian post: not reordered
    ("Gen.", "General"),
])
def test_normalize_role(text: str, canonical: str) -> None:
    assert roles.normalize_role(text) == canonical


@pytest.mark.parametrize("words, country", [
    (["External", "Affairs", "Minister"], "India"),
    (["Secretary", "of", "State"], "United States"),
    (["Deputy", "Secretary", "of", "State"], "United States"),
    (["Secretary", "of", "Defence"], "United States"),
    (["Defence", "Secretary"], None),  # UK and India have one too
    (["Prime", "Minister"], None),
])
def test_roles_that_name_their_country(words: list[str], country: str | None) -> None:
    assert roles.make_title(words, None, None).affiliation == country


def test_two_roles_and_someone_elses_title() -> None:
    assert roles.make_title("Crown Prince and Prime Minister".split(), None, None).roles == [
        "Crown Prince", "Prime Minister"]
    assert roles.make_title("National Security Advisor Ambassador".split(), None,
                            None).roles == ["National Security Advisor", "Ambassador"]
    assert roles.make_title("Administrator Power and Foreign Minister".split(), None,
                            None).roles == ["Foreign Minister"]


@pytest.mark.parametrize("short, full, fits", [
    ("Secretary", "Secretary of State", True),
    ("Minister", "Foreign Minister", True),
    ("President", "Vice President", False),
    ("Minister", "Prime Minister", False),
    ("Secretary", "Deputy Secretary of State", False),
])
def test_title_only_references(short: str, full: str, fits: bool) -> None:
    assert roles.compatible(short, full) is fits


@pytest.mark.parametrize("phrase, country", [
    ("U.S.", "United States"), ("US", "United States"), ("America", "United States"),
    ("Indian", "India"), ("India's", "India"), ("India’s", "India"),
    ("New Delhi", "India"), ("Washington", "United States"), ("the Kremlin", "Russia"),
    ("Russian Federation", "Russia"), ("Russia", "Russia"), ("ROK", "South Korea"),
    ("Burma", "Myanmar"), ("Indo-Pacific", None), ("NATO", None),
])
def test_lookup_country(phrase: str, country: str | None) -> None:
    assert gazetteer.lookup_country(phrase) == country


def test_country_names_are_pycountry_common_names() -> None:
    names = gazetteer.canonical_countries()
    assert {"United States", "India", "Russia", "South Korea", "Iran", "Vietnam"} <= names
    assert "Russian Federation" not in names


def _name(start: int, words: str, source: str = "ner", headline: bool = False,
          role: str | None = None) -> NameMention:
    title = roles.make_title(role.split(), None, None) if role else roles.Title()
    return NameMention(start, start + len(words), words.split(), title=title, source=source,
                       headline=headline)


def test_cluster_joins_surnames_initials_and_nicknames() -> None:
    people = cluster([
        _name(0, "S. Jaishankar", role="External Affairs Minister"),
        _name(40, "Subrahmanyam Jaishankar"),
        _name(80, "Antony J. Blinken", role="Secretary of State"),
        _name(120, "Tony Blinken"),
        _name(160, "BLINKEN", source="label", role="Secretary"),
        _name(200, "Jaishankar"),
    ], [RoleMention(240, 249, "Secretary")])
    assert [p.name for p in people] == ["Subrahmanyam Jaishankar", "Antony J. Blinken"]
    blinken = people[1]
    assert blinken.roles == ["Secretary of State"]  # "Secretary" is the same post, shorter
    assert [240, 249] in blinken.mentions()
    assert len(people[0].mentions()) == 3


def test_cluster_keeps_namesakes_apart_and_headlines_from_creating_people() -> None:
    people = cluster([
        _name(0, "Joe Biden", role="President"),
        _name(20, "Jill Biden", role="First Lady"),
        _name(40, "Biden", role="President"),
        _name(60, "Seeks Swift Approval", headline=True),
    ], [])
    assert [p.name for p in people] == ["Joe Biden", "Jill Biden"]
    assert len(people[0].mentions()) == 2


def _gold(tmp_path: Path) -> list[ev.GoldDoc]:
    d = {"id": "a1", "text": "…", "people": [
        {"name": "Antony J. Blinken", "aliases": ["Blinken"], "roles": ["Secretary of State"],
         "affiliation": "United States"},
        {"name": "S. Jaishankar", "roles": ["External Affairs Minister"],
         "affiliation": "India"}],
        "entities": [{"name": "India", "type": "GPE"},
                     {"name": "Pentagon", "type": "FAC", "affiliation": "United States"}]}
    (tmp_path / "a1.json").write_text(json.dumps(d), encoding="utf-8")
    return ev.load_gold(tmp_path)


def test_scoring(tmp_path: Path) -> None:
    (gold,) = _gold(tmp_path)
    pred = [
        Entity("e1", "Blinken", "PERSON", roles=["Secretary of State"],
               affiliation="United States"),
        Entity("e2", "S Jaishankar", "PERSON", roles=["Foreign Minister"], affiliation=None),
        Entity("e3", "Laughter", "PERSON"),
        Entity("e4", "India", "GPE", affiliation="India"),
    ]
    r = ev.Report()
    ev.score_doc(gold, pred, r)
    assert (r.gold_people, r.pred_people, r.matched) == (2, 3, 2)
    assert r.precision == pytest.approx(2 / 3) and r.recall == 1.0
    assert r.roles_exact == 1 and r.affiliation_right == 1
    assert (r.gold_entities, r.entities_found) == (2, 1)
    assert {e.what for e in r.errors} == {"spurious", "role", "affiliation", "entity-missed"}


def test_defence_and_defense_score_the_same(tmp_path: Path) -> None:
    (gold,) = _gold(tmp_path)
    gold.people[0].roles = ["Secretary of Defence"]
    r = ev.Report()
    ev.score_doc(gold, [Entity("e1", "Blinken", "PERSON", roles=["Secretary of Defense"],
                               affiliation="United States")], r)
    assert r.roles_exact == 1


def test_roles_found_counts_each_gold_role(tmp_path: Path) -> None:
    """Roles found is per role: one of two gold roles predicted, plus one extra role."""
    (gold,) = _gold(tmp_path)
    gold.people[0].roles = ["Secretary of State", "Former Senator"]
    r = ev.Report()
    ev.score_doc(gold, [Entity("e1", "Blinken", "PERSON", roles=["Secretary of State", "Chair"],
                               affiliation="United States")], r)
    assert (r.gold_roles, r.pred_roles, r.roles_found) == (2, 2, 1)
    assert r.role_recall == 0.5 and r.role_precision == 0.5 and r.roles_exact == 0


def test_affiliation_compares_countries_by_any_name() -> None:
    assert ev.same_affiliation("Turkey", "Türkiye") and ev.same_affiliation(None, None)
    assert not ev.same_affiliation("Taliban", "Afghanistan")
    assert not ev.same_affiliation("United States", None)


def test_load_gold_names_the_bad_file(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text(json.dumps({"id": "x", "text": "t"}), encoding="utf-8")
    with pytest.raises(ValueError, match="x.json"):
        ev.load_gold(tmp_path)
    with pytest.raises(ValueError, match="not a folder"):
        ev.load_gold(tmp_path / "missing")


def test_load_gold_filters_by_split_and_batch(tmp_path: Path) -> None:
    for name, extra in (("a", {}), ("b", {"split": "test"}), ("c", {"split": "test", "batch": 2})):
        d = {"id": name, "text": "t", "people": [], **extra}
        (tmp_path / f"{name}.json").write_text(json.dumps(d), encoding="utf-8")
    assert [d.id for d in ev.load_gold(tmp_path, "test")] == ["b", "c"]
    assert [d.id for d in ev.load_gold(tmp_path, "test", 2)] == ["c"]
    assert [d.id for d in ev.load_gold(tmp_path, None, 1)] == ["a", "b"]
    with pytest.raises(ValueError, match="batch 2 of split 'dev'"):
        ev.load_gold(tmp_path, "dev", 2)


def test_gold_files_are_well_formed() -> None:
    docs = ev.load_gold(GOLD_DIR / "entities")
    assert len(docs) >= 31
    for d in docs:
        names = [p.name for p in d.people]
        assert len(names) == len(set(names)), d.id
        for p in d.people:
            assert p.name in d.text or any(a in d.text for a in p.aliases) or \
                p.name.upper().split()[-1] in d.text, (d.id, p.name)


def test_entity_at_matches_a_plain_scan() -> None:
    """The indexed lookup gives what scanning every mention would (overlap, then PERSON,
    then the entity mentioned first)."""
    import random

    import spacy

    from newsgraph.annotate.docindex import entity_at

    rng = random.Random(7)
    doc = spacy.blank("en")("x " * 400)
    ents = []
    for k in range(30):
        spans = sorted({(s, s + rng.randint(0, 25)) for s in rng.sample(range(780), 4)})
        ents.append(Entity(f"e{k + 1}", f"n{k}", rng.choice(["PERSON", "ORG", "GPE"]),
                           mentions=[list(x) for x in spans]))
    doc._.ng_entities = ents

    def scan(a: int, b: int) -> Entity | None:
        best, best_key = None, (0, False)
        for ent in ents:
            for s, e in ent.mentions:
                overlap = min(e, b) - max(s, a)
                if overlap <= 0 and not (s == e == a == b):
                    continue
                key = (max(overlap, 0), ent.type == "PERSON")
                if best is None or key > best_key:
                    best, best_key = ent, key
        return best

    for _ in range(3000):
        a = rng.randrange(800)
        b = a + rng.choice([0, 1, 3, 10, 40])
        assert entity_at(doc, a, b) is scan(a, b), (a, b)
