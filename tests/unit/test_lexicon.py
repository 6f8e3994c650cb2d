"""The word lists of newsgraph/data/: every tag names a known use, every category and mode
is a PLOVER one, and the rules read the lists the files give, differences included."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import get_args

import pytest

from newsgraph import lexicon
from newsgraph.record import Modality

TITLE_USES = {"head", "modifier", "honorific", "label", "label_honorific", "actor", "name",
              "name_honorific", "gender_caps", "surname", "courtesy"}


def test_title_words_name_known_uses_and_genders() -> None:
    titles = lexicon.titles()
    assert set(titles.table.tags) == TITLE_USES
    genders = titles.table.column("gender")
    assert set(genders.values()) == {"m", "f"}
    assert titles.words("gender_caps") <= set(genders)


def test_each_rule_reads_its_own_column_of_the_title_table() -> None:
    from newsgraph.annotate.entities import roles
    from newsgraph.annotate.events import actors as event_actors
    from newsgraph.annotate.quotes import speakers, transcripts
    from newsgraph.resolve import names

    assert "minister" in roles.HEADS and "MINISTER" in transcripts.TITLES
    assert "minister" in event_actors.TITLE_WORDS and "minister" in names.TITLE_WORDS
    # The lists differ on purpose, and stay so: "Miss" opens a transcript label and is no
    # title to keep in a name, but roles do not strip it; roles know "gen.", names "gen".
    assert "MISS" in transcripts.HONORIFICS and "miss" in names.HONORIFICS
    assert "miss" not in roles.HONORIFICS
    assert "gen." in roles.HEADS and "gen." not in names.TITLE_WORDS
    assert "gen" in names.TITLE_WORDS and "gen" not in roles.HEADS
    assert "official" in roles.HEADS and "official" not in event_actors.TITLE_WORDS
    assert speakers._MALE_HON.search("said Mr. ") and speakers._MALE_HON.search("MR ")
    assert speakers._FEMALE_HON.search("Queen ") and speakers._FEMALE_HON.search("MRS. ")
    assert not speakers._FEMALE_HON.search("MISS ") and not speakers._MALE_HON.search("Ms ")


def test_cue_verbs() -> None:
    from newsgraph.annotate import modality
    from newsgraph.annotate.quotes import cues

    table = lexicon.cue_verbs()
    assert set(table.tags) == {"speech", "statement", "needs_clause", "doubled", "reports_plan",
                               "belief", "stance", "naming", "topic", "raising",
                               "quoting"}
    assert "seem" in cues.RAISING and cues.PHRASAL["talk"] == {"about"} and "talk" in cues.TOPIC
    assert cues.STANCE <= cues.BELIEF and not cues.BELIEF & cues.SPEECH
    assert cues._FORM_TO_LEMMA["thought"] == "think"
    assert cues.STATEMENT <= cues.SPEECH and cues.NEEDS_CLAUSE <= cues.SPEECH
    assert "read" in cues.QUOTING and "read" not in cues.SPEECH  # a direct quote's cue only
    assert "inform" in modality.REPORTING and "inform" not in cues.SPEECH
    assert cues.PHRASAL["point"] == {"out", "to"} and "go" not in cues.SPEECH
    assert cues._FORM_TO_LEMMA["said"] == "say" and cues._FORM_TO_LEMMA["labelled"] == "label"
    assert cues.BEFORE_QUOTE.search("He told reporters") and cues.BEFORE_QUOTE.search("she said")
    assert not cues.BEFORE_QUOTE.search("He told") and not cues.BEFORE_QUOTE.search("unsaid")


def test_source_nouns() -> None:
    from newsgraph.annotate.quotes import sources

    kinds = {row[1] for row in lexicon.tsv_rows("source_nouns.tsv")}
    assert kinds == {"anonymous", "descriptor", "organisation", "document"}
    assert sources.kind_of_noun("Officials") == "anonymous"
    assert sources.kind_of_noun("statement") == "document"


def test_group_words() -> None:
    from newsgraph.annotate.events import groups as event_groups
    from newsgraph.annotate.events import words as event_words
    from newsgraph.annotate.quotes import subjects

    assert set(lexicon.groups().tags) == {"speaker_group", "pair_people", "pair_sides",
                                           "pair_word", "quantifier"}
    assert "leaders" in subjects._GROUPS and "leader" in event_groups.GROUP_PEOPLE
    assert event_groups.PAIR_WORDS == {"two", "both"} and "both" in event_words.QUANTIFIERS


def test_nickname_table_keeps_the_two_uses_apart() -> None:
    from newsgraph.annotate.entities import coref
    from newsgraph.resolve.names import same_first

    assert coref.NICKNAMES["tony"] == "antony" and same_first("tony", "antony")
    # coref rewrites "Dave" within an article; across articles "Dave" is not "David".
    assert coref.NICKNAMES["dave"] == "david" and not same_first("dave", "david")
    # resolve knows "Bobby"; coref does not rewrite it.
    assert same_first("bobby", "robert") and "bobby" not in coref.NICKNAMES
    # one name in two rows matches both; two rows of one given name do not join each other
    assert same_first("jon", "jonathan") and same_first("jon", "john")
    assert same_first("ben", "benjamin") and same_first("bibi", "benjamin")
    assert not same_first("ben", "bibi")


def test_a_coref_form_with_two_given_names_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nicknames.tsv"
    path.write_text("antony\ttony\ttony\nanthony\t-\ttony\n", encoding="utf-8")
    with pytest.raises(ValueError, match="two given names"):
        lexicon.nicknames(str(path))


def test_plover_scheme_is_the_one_the_ui_and_the_records_use() -> None:
    from newsgraph.annotate import plover
    from newsgraph.serve import charts

    scheme = lexicon.plover_scheme()
    assert len(set(scheme.categories)) == len(scheme.categories) == 16
    assert set(scheme.class_of.values()) == set(scheme.classes) == set(charts.CLASS_LABEL)
    assert plover.CATEGORIES == scheme.categories
    # the UI lists the categories class by class, cooperation to conflict
    assert charts.CATEGORIES == scheme.by_class()
    assert charts.CATEGORIES[:5] == ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST")
    assert charts.plover_class("REQUEST") == "coop-verbal"
    assert scheme.modalities == get_args(Modality) == charts.MODALITIES
    schema = json.loads(resources.files("newsgraph").joinpath(
        "schema", "article.schema.json").read_text(encoding="utf-8"))
    assert tuple(schema["$defs"]["Event"]["properties"]["modality"]["enum"]) == \
        scheme.modalities


def test_plover_lexicon_uses_only_plover_categories_and_modes() -> None:
    scheme = lexicon.plover_scheme()
    lex = lexicon.plover_lexicon()
    senses = [*lex.verbs.values(), *lex.nouns.values(), *lex.phrasal.values()]
    for category, mode in senses:
        assert category in scheme.categories
        assert mode is None or mode in scheme.modes[category], (category, mode)
    assert all(lex.lists.values())
    assert lex.verbs["advance"] == ("MOBILIZE", "troops")
    assert lex.irregular_verbs["met"] == "meet"


def test_a_word_in_two_lexicon_entries_is_refused(tmp_path: Path) -> None:
    doc = {"verbs": [{"category": "AGREE", "mode": None, "words": "agree pledge"},
                     {"category": "SUPPORT", "mode": None, "words": ["back", "pledge"]}],
           "nouns": [], "lists": {}, "phrasal": [], "irregular_verbs": {},
           "irregular_nouns": {}}
    path = tmp_path / "lexicon.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ValueError, match="'pledge' is in two entries"):
        lexicon.plover_lexicon(str(path))


def test_tsv_rows_skip_comments_and_take_runs_of_tabs_as_one(tmp_path: Path) -> None:
    path = tmp_path / "t.tsv"
    path.write_text("# a note\n\nword\t\t\t-\thead name\n  # indented note\n",
                    encoding="utf-8")
    assert lexicon.tsv_lines(str(path)) == [(3, ["word", "-", "head name"])]


def test_party_rows_name_known_countries_and_a_default_comes_last() -> None:
    from newsgraph.annotate import gazetteer

    countries = gazetteer.canonical_countries()
    for label, rows in lexicon.parties().items():
        for row in rows:
            assert row.country in countries, row
            assert row.needs is None or row.needs in countries, row
        # a row that needs no country ends the label's rows: later ones could never apply
        assert all(r.needs is not None for r in rows[:-1]), label


def test_title_country_rows_name_known_countries() -> None:
    from newsgraph.annotate import gazetteer

    countries = gazetteer.canonical_countries()
    for role, rows in lexicon.title_countries().items():
        assert role == role.lower()
        assert all(r.country in countries and r.needs in countries for r in rows), role


def test_not_people_uses_are_known() -> None:
    assert set(lexicon.not_people().tags) == {"opens", "alone", "thing", "group", "abbrev",
                                              "kin", "acts_for", "compound_tail", "alias",
                                              "kind"}
