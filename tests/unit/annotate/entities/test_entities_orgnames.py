"""Personal names the model typed as organisations (`entities/orgnames.py`), composed
sentences: a given name and a surname are a person; a company, a place, a team and the
name of a thing are not."""

from __future__ import annotations

import pytest

from nlp_helpers import people

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, name", [
    ("Carly Fiorina said she would stay in the race.", "Carly Fiorina"),
    ("Marco Rubio, Jeb Bush, Carly Fiorina and John Kasich have unclear stances.",
     "Carly Fiorina"),
])
def test_a_full_name_typed_org_is_a_person(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert name in people(nlp, text)


@pytest.mark.parametrize("text", [
    "Morgan Stanley said profits rose.",  # a given name of either gender
    "Sierra Nevada said profits rose.",  # a US state's name in it
    "Aid trucks entered through the Kerem Shalom crossing on Sunday.",  # names a thing
    "Aid kept flowing through Kerem Shalom, officials said.",  # a place's preposition
    "The Deep Blue Project began in May.",  # a word of an organisation's name
])
def test_no_person_from_an_organisation_or_a_place(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert people(nlp, text) == {}
