"""Named agreements and arms deals: system names by shape, quantity, value, sides, status."""

from __future__ import annotations

import pytest

from newsgraph.annotate.agreements.arms import is_designator
from newsgraph.record import Agreement


@pytest.mark.parametrize("text", ["MQ-9B", "P-8I", "F414", "C-130J", "AH-64E", "S-400",
                                  "F-35", "Su-30MKI", "Mi-17"])
def test_designators(text: str) -> None:
    assert is_designator(text)


@pytest.mark.parametrize("text", ["COVID-19", "G20", "G7", "5G", "H-1B", "FY2024", "B1", "A1",
                                  "Q4", "2+2", "UNSCR", "Ukraine"])
def test_not_designators(text: str) -> None:
    assert not is_designator(text)


def agreements(text: str) -> list[Agreement]:
    import newsgraph

    return newsgraph.analyze(text, published="2025-07-02").agreements


@pytest.mark.slow
def test_approved_foreign_military_sale() -> None:
    found = agreements("The State Department approved a possible Foreign Military Sale to "
                       "India of six P-8I aircraft for an estimated cost of $2.42 billion.")
    assert len(found) == 1
    deal = found[0]
    assert deal.kind == "arms-sale"
    assert deal.status == "approved"
    assert deal.system == "P-8I aircraft"
    assert deal.quantity == 6
    assert deal.value == "$2.42 billion"
    assert (deal.supplier, deal.recipient) == ("United States", "India")


@pytest.mark.slow
def test_purchase_from_a_supplier() -> None:
    found = agreements("Poland signed a contract to buy 96 AH-64E helicopters from the "
                       "United States.")
    deals = [a for a in found if a.system]
    assert len(deals) == 1
    deal = deals[0]
    assert deal.system == "AH-64E helicopters"
    assert deal.quantity == 96
    assert (deal.supplier, deal.recipient) == ("United States", "Poland")


@pytest.mark.slow
def test_system_named_by_maker_and_designator() -> None:
    found = agreements("Both sides welcomed progress on the co-production of GE F414 engines "
                       "in India and the delivery of Stryker vehicles.")
    systems = {a.system for a in found}
    assert "Stryker vehicles" in systems


@pytest.mark.slow
def test_named_agreement_signed_by_two_countries() -> None:
    found = agreements("Japan and Australia signed the Reciprocal Access Agreement in Tokyo.")
    assert len(found) == 1
    agr = found[0]
    assert agr.name == "Reciprocal Access Agreement"
    assert agr.kind == "agreement"
    assert agr.status == "signed"
    assert set(agr.parties) == {"Japan", "Australia"}


@pytest.mark.slow
@pytest.mark.parametrize("text,status", [
    ("The two countries hope to sign the Framework for Maritime Security next year.",
     "proposed"),
    ("Negotiations on the Comprehensive Trade Agreement resumed in Geneva.", "negotiating"),
    ("The parties cancelled the Joint Statement of Intent on Drones.", "cancelled"),
])
def test_status_signal(text: str, status: str) -> None:
    found = agreements(text)
    assert [a.status for a in found] == [status], found


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The agreement was signed on Monday.",  # no name
    "The federal government is the largest purchaser of software in the country.",
    "The President signed an executive order on Tuesday.",  # not an arms deal
    "The Paris Agreement remains the cornerstone of climate policy.",
])
def test_no_party_or_deal_invented(text: str) -> None:
    for a in agreements(text):
        assert a.kind != "arms-sale" and not a.parties, a
