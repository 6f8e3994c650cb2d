"""Names the model tags PERSON that are no person of the story, by their form
(annotate/entities/nonpersons.py; "group", "abbrev", "kin", "alias", "acts_for" and
"compound_tail" in data/not_people.tsv), and the real people next to them that stay."""

from __future__ import annotations

import pytest

from nlp_helpers import people

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, word", [
    ("Supporters posted highlights of the rally. #PalinTrump was trending by noon.",
     "PalinTrump"),
    ("“[W]e encourage affiliated unions to pursue their own deliberations,” the council said.",
     "W]e"),
    ("Clinton has stood on the wrong side of the issues that matter most to Latinos, "
     "Mark-Viverito said.", "Latinos"),
    ("It is 101 years since Ottoman Turks killed about 1.5 million Armenians.", "Turks"),
    ("Davis commanded an artillery unit during operations Desert Shield and Desert Storm.",
     "Desert"),
    ("“By standing with General Wesley Clark, Sec. Clinton is choosing a loyalist,” he said.",
     "Sec"),
    ("America was a land of slavery, segregation, lynching and Ku Klux Klan, he said.",
     "Klan"),
    ("Border Patrol agents sealed the tunnel in May, officials said.", "Patrol"),
    ("He returned amid a scandal in which he used the alias Carlos Danger online.", "Danger"),
    ("“It’s a great opportunity for us,” said Gonzalez, 55, of Brigantine.", "Brigantine"),
])
def test_not_a_person(nlp, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, text)
    assert not [n for n in p if word in n], sorted(p)


def test_hyphen_tail_is_cut_from_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "On Sept. 11, 2012, the Hilary Clinton-run State Department was told "
                    "that forces were ready.")
    assert "Hilary Clinton" in p and not [n for n in p if "-run" in n], sorted(p)


def test_a_given_name_syllable_after_a_hyphen_stays(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "President Tsai Ing-wen met the delegation in Taipei on Monday.")
    assert "Tsai Ing-wen" in p, sorted(p)


@pytest.mark.parametrize("text, name", [
    ("Billionaire Donald Trump praised the reporter at a rally on Monday.", "Donald Trump"),
    ("Said Comey, “The thought that an error on our part is connected is painful.”", "Comey"),
])
def test_a_word_that_opens_the_sentence_is_cut(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert name in people(nlp, text), sorted(people(nlp, text))


@pytest.mark.parametrize("text, word", [
    ("Justice Kennedy, a Reagan appointee, has been the swing vote on the court.", "Reagan"),
    ("The Koch operation spurned Trump, aides to the campaign said.", "Koch"),
    ("Clinton alluded to the Oscar-nominated actor's latest turn, Maddow said.", "Oscar"),
])
def test_a_surname_only_as_a_modifier_is_no_person(nlp, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, text)
    assert not [n for n in p if n == word], sorted(p)


def test_a_full_name_as_a_modifier_stays(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "Weiner, who is married to top Hillary Clinton aide Huma Abedin, resigned.")
    assert "Hillary Clinton" in p, sorted(p)


def test_a_relative_by_given_name_is_no_person(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "Senator Bernie Sanders said some of his advisers, including his wife, "
                    "Jane, were at the meeting.")
    assert "Jane" not in p and "Bernie Sanders" in p, sorted(p)


def test_a_relative_with_a_surname_stays(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "Her husband, Saeed Abedini, was freed on Saturday, officials said.")
    assert "Saeed Abedini" in p, sorted(p)


def test_a_name_quoted_as_a_term_is_no_person(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "The name ''Trump'' is being removed from the signs, to be replaced by "
                    "''Coco Beach.'' Mayor Ana Ruiz welcomed the change.")
    assert "Coco Beach" not in p and "Ana Ruiz" in p, sorted(p)


def test_a_section_byline_and_an_author_note_with_a_nickname(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Governor Maria Ortega signed the budget bill on Friday.\n\n"
            "Caroline Hawley, BBC diplomatic correspondent\n\n"
            "Ortega said the plan would cut waiting times at hospitals.\n\n"
            "Senator Paul Whitcombe called the bill a good first step.\n\n"
            "The state assembly passed it by a wide margin last week.\n\n"
            "Michael A. (Mike) Moodian is a former chairman of the World Affairs Council.")
    p = people(nlp, text)
    assert {"Maria Ortega", "Paul Whitcombe"} <= set(p), sorted(p)
    assert not [n for n in p if "Hawley" in n or "Michael" in n or "Mike" in n], sorted(p)
