"""Agreements across name variants, their status timeline, and commitments (no spaCy)."""

from __future__ import annotations

import pytest

from graph_fixtures import Ag, build
from graph_samples import LATER, US_IN
from graph_samples import agreement_articles as _articles
from newsgraph.resolve.agreements import normalise
from newsgraph.resolve.commitments import find_intent
from newsgraph.store import Store


def _store(extra=()) -> Store:  # type: ignore[no-untyped-def]
    st = Store()
    st.write_articles([*_articles(), *extra])
    st.resolve()
    return st


def test_one_framework_with_a_timeline_from_plan_to_hope() -> None:
    with _store() as st:
        frameworks = st.agreements(q="Major Defen")
        assert len(frameworks) == 1
        detail = st.agreement(frameworks[0].id)
        assert detail is not None
        assert [(s.date, s.status) for s in detail.timeline] == [
            ("2025-02-13", "planned"), ("2025-07-02", "proposed")]
        assert "announced plans to sign this year" in detail.timeline[0].evidence
        assert detail.agreement.parties == ["India", "United States"]
        assert len(detail.aliases) == 2


def test_one_commitment_per_agreement_the_statement_names() -> None:
    with _store() as st:
        framework = st.agreements(q="Major Defen")[0]
        sales = st.agreements(kind="arms-sale")[0]
        by_agreement = {c.agreement_id: c for c in st.commitments(speaker="Hegseth")}
        assert set(by_agreement) == {framework.id, sales.id}
        c = by_agreement[framework.id]
        assert c.speaker == "Pete Hegseth" and c.cue == "hope we can" and c.action == "sign"
        assert c.deadline_text == "very shortly" and c.deadline_date is None
        assert c.outcome == "open" and c.date == "2025-07-02"
        assert by_agreement[sales.id].action == "finalize"


def test_commitment_stays_open_until_a_later_signature() -> None:
    signed = build(LATER, "2025-10-31", agreements=[Ag(
        "Framework for the U.S.-India Major Defense Partnership", parties=US_IN,
        status="signed")])
    with _store([signed]) as st:
        framework = st.agreements(q="Major Defen")[0]
        (c,) = st.commitments(agreement_id=framework.id)
        assert c.outcome == "fulfilled" and c.outcome_date == "2025-10-31"
        assert c.outcome_article_id == signed.id
        assert framework.status == "signed"


def test_agreements_of_different_countries_stay_apart() -> None:
    with _store() as st:
        trade = st.agreements(q="Reciprocal Trade")
        assert len(trade) == 2


def test_a_name_without_countries_joins_the_one_agreement_it_fits() -> None:
    with _store() as st:
        (bicentennial,) = st.agreements(q="Bicentennial")
        detail = st.agreement(bicentennial.id)
        assert detail is not None
        assert [s.status for s in detail.timeline] == ["agreed", "implemented"]


@pytest.mark.parametrize("a,b", [
    ("Framework for the U.S.-India Major Defense Partnership",
     "10-year Framework for the US-India Major Defence Partnership"),
    ("a new ten-year Framework for the U.S.-India Major Defense Partnership in the 21st Century",
     "Framework for the United States-India Major Defence Partnership"),
    ("Memorandum of Understanding on Defence Cooperation", "MoU on Defense Cooperation"),
    ("Reciprocal Defense Procurement (RDP) agreement", "Reciprocal Defence Procurement Agreement"),
])
def test_normalised_names_are_equal(a: str, b: str) -> None:
    assert normalise(a) == normalise(b)


def test_new_stays_when_it_is_part_of_the_name() -> None:
    assert normalise("New START") == "new start"


@pytest.mark.parametrize("text,action,deadline", [
    ("We will finalize the sale this year.", "finalize", "2025-12-31"),
    ("I look forward to signing the agreement next month.", "signing", "2025-08-31"),
    ("Our two countries intend to conclude negotiations in the coming months.", "conclude",
     "2026-01-01"),
])
def test_intent_with_deadline(text: str, action: str, deadline: str) -> None:
    intent = find_intent(text, "2025-07-02")
    assert intent is not None and intent.action == action and intent.deadline_date == deadline


@pytest.mark.parametrize("text", [
    "Russia will attack Ukraine again.",               # a prediction about others
    "We think our cooperation is one of the pillars.",  # no intended act
    "They signed the agreement last year.",            # done, not intended
])
def test_no_intent(text: str) -> None:
    assert find_intent(text, "2025-07-02") is None


def test_a_name_holding_two_agreements_does_not_chain_them() -> None:
    text = ("The Chemical Weapons Convention and the Biological Weapons Convention were "
            "discussed; so was the Chemical Weapons Convention and Biological Weapons "
            "Convention review, and the United Nations Charter and the UN Charter.")
    art = build(text, "2022-03-01", agreements=[
        Ag("Chemical Weapons Convention", kind="convention"),
        Ag("Biological Weapons Convention", kind="convention"),
        Ag("Chemical Weapons Convention and Biological Weapons Convention", kind="convention"),
        Ag("United Nations Charter", kind="charter"), Ag("UN Charter", kind="charter")])
    with Store() as st:
        st.write_articles([art])
        st.resolve()
        names = sorted(a.name for a in st.agreements())
    assert len(names) == 4
    assert "Chemical Weapons Convention" in names and "Biological Weapons Convention" in names
