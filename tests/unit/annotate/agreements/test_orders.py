"""Company orders, trade agreements between states, and party conventions (composed
sentences)."""

from __future__ import annotations

import pytest

from newsgraph.record import Agreement, Article

pytestmark = pytest.mark.slow


def _agreements(text: str) -> list[Agreement]:
    from newsgraph.annotate import annotate

    return next(iter(annotate([Article.new(text)]))).agreements


def test_an_airline_order_is_an_order_with_value_quantity_and_system() -> None:
    found = _agreements("Qantas ordered 12 Airbus A350-1000 jets for $4.1 billion on Monday.")
    assert [g.kind for g in found] == ["order"]
    g = found[0]
    assert g.quantity == 12 and g.value == "$4.1 billion"
    assert g.system is not None and "A350-1000" in g.system
    assert "Qantas" in g.parties


def test_a_split_airliner_designator_is_one_system() -> None:
    found = _agreements("The airline ordered 20 Boeing 777-9 jets from Boeing for $9 billion.")
    assert [(g.kind, g.quantity) for g in found] == [("order", 20)]
    assert "777-9" in (found[0].system or "")


def test_armed_forces_buying_make_it_military() -> None:
    found = _agreements("The Polish Air Force will buy 32 F-35 fighters from the United "
                        "States for $4.6 billion.")
    assert found and found[0].kind in ("procurement", "arms-sale")
    assert found[0].quantity == 32


def test_a_trade_deal_between_two_states_is_found() -> None:
    found = _agreements("Canada and Mexico signed a trade agreement in Ottawa on Friday.")
    assert [(g.kind, sorted(g.parties)) for g in found] == [("trade", ["Canada", "Mexico"])]
    assert found[0].status == "signed"


def test_a_party_convention_is_no_agreement() -> None:
    assert _agreements("Delegates met at the Republican National Convention in Milwaukee.") \
        == []
