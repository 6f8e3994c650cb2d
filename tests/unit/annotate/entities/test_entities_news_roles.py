"""People in news reporting, composed sentences: staff of a named organisation, roles
after a possessor, roles before the name in lower case, predicates, and the country of
politicians from their own words."""

from __future__ import annotations

import pytest

from newsgraph.record import Article, Entity

pytestmark = pytest.mark.slow


def people(nlp, text: str) -> dict[str, Entity]:  # type: ignore[no-untyped-def]
    from newsgraph.annotate.pipeline import make_doc

    doc = nlp(make_doc(nlp, Article.new(text)))
    return {e.name: e for e in doc._.ng_entities if e.type == "PERSON"}


def test_staff_of_a_named_company_take_no_home_country(nlp) -> None:  # type: ignore[no-untyped-def]
    p = people(nlp, "Secretary of State Marco Rubio met reporters on Monday. \"We will act,\" "
               "said Tom Barrow, the State Department spokesman. Secretary of State Rubio "
               "later flew home. \"It will not work,\" said Rita Kahn, director of Blue "
               "Harbor Analytics.")
    assert p["Tom Barrow"].affiliation == "United States"
    assert p["Rita Kahn"].roles == ["Director"]
    assert p["Rita Kahn"].affiliation is None
