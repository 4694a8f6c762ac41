"""The receiving bench's rules: units received by scan in a condition, undeclared items,
undo and +/-, and what Redo is asked to do with each item of the return."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from packstation.packing.catalog import CatalogEntry, CatalogMatcher
from packstation.packing.receiving import (
    AllArrived,
    Condition,
    Decision,
    ItemDecision,
    Received,
    ReceivingSession,
    ReturnLine,
    Undeclared,
    Unit,
    Unreadable,
    counts_by_condition,
)

JACKET = ReturnLine("ri_1", "Rain Jacket - Navy / M", 1, "JKT-RAIN-NVY-M", Decimal("89.00"))
SOCKS = ReturnLine("ri_2", "Hiking Socks, 2-pack", 3, "SOCK-HIK-GRY-M", Decimal("36.00"))
BEANIE = ReturnLine("ri_3", "Wool Beanie", 1, "BNE-WOOL-CHR")  # Redo gave no value


def session(*lines: ReturnLine) -> ReceivingSession:
    return ReceivingSession("ret_1", lines or (JACKET, SOCKS, BEANIE))


def test_a_scan_receives_one_sellable_unit_of_the_item_it_names() -> None:
    receiving = session()
    outcome = receiving.scan(" sock-hik-gry-m ")
    assert outcome == Received("sock-hik-gry-m", 1, Unit(), 1, 3)  # as scanned, trimmed
    assert not outcome.line_complete
    assert receiving.units(1) == (Unit(),)
    assert receiving.total_received == 1


def test_a_damaged_unit_carries_its_note_added_after_the_scan() -> None:
    receiving = session()
    outcome = receiving.scan("JKT-RAIN-NVY-M", Condition.DAMAGED)
    assert isinstance(outcome, Received) and outcome.line_complete
    receiving.note_last(0, "  Torn seam  ")
    assert receiving.units(0) == (Unit(Condition.DAMAGED, "Torn seam"),)


def test_a_note_never_lands_on_a_sellable_unit() -> None:
    receiving = session()
    receiving.scan("SOCK-HIK-GRY-M", Condition.DAMAGED, "Stained")
    receiving.scan("SOCK-HIK-GRY-M")
    receiving.note_last(1, "Torn")
    assert receiving.units(1) == (Unit(Condition.DAMAGED, "Stained"), Unit())


def test_a_code_on_no_item_is_undeclared_and_recorded() -> None:
    receiving = session()
    assert receiving.scan("MUG-ENM-WHT") == Undeclared("MUG-ENM-WHT")
    assert receiving.undeclared == ("MUG-ENM-WHT",)
    assert receiving.total_received == 0
    assert receiving.scan("   ") == Unreadable("   ")


def test_one_unit_more_than_expected_is_refused() -> None:
    receiving = session()
    receiving.scan("JKT-RAIN-NVY-M")
    assert receiving.scan("JKT-RAIN-NVY-M") == AllArrived("JKT-RAIN-NVY-M", 0, 1)
    assert receiving.received(0) == 1


def test_a_case_count_receives_that_many_units_or_none() -> None:
    receiving = session()
    assert isinstance(receiving.scan("SOCK-HIK-GRY-M", multiplier=3), Received)
    assert receiving.received(1) == 3
    fresh = session()
    assert isinstance(fresh.scan("SOCK-HIK-GRY-M", multiplier=4), AllArrived)
    assert fresh.received(1) == 0


def test_catalog_and_gtin_codes_receive_like_the_sku() -> None:
    matcher = CatalogMatcher([CatalogEntry("BNE-WOOL-CHR", "0840312000080")])
    receiving = ReceivingSession("ret_1", (JACKET, SOCKS, BEANIE), matcher)
    outcome = receiving.scan("00840312000080")  # the UPC, scanned as a GTIN-14
    assert isinstance(outcome, Received) and outcome.line_index == 2


def test_undo_takes_back_receipts_undeclared_items_and_counts_in_order() -> None:
    receiving = session()
    receiving.scan("SOCK-HIK-GRY-M")
    receiving.scan("MUG-ENM-WHT")
    receiving.set_received(1, 3)
    assert receiving.undo() == 1
    assert receiving.received(1) == 1
    assert receiving.undo() == -1
    assert receiving.undeclared == ()
    assert receiving.undo() == 1
    assert receiving.received(1) == 0
    assert receiving.undo() is None


def test_plus_and_minus_stay_within_what_is_expected() -> None:
    receiving = session()
    receiving.scan("SOCK-HIK-GRY-M", Condition.DAMAGED, "Wet")
    assert receiving.set_received(1, 9) == 3
    assert receiving.units(1) == (Unit(Condition.DAMAGED, "Wet"), Unit(), Unit())
    assert receiving.set_received(1, -2) == 0


def test_decisions_restock_keep_reject_and_credit_a_partly_received_item() -> None:
    receiving = session()
    receiving.scan("JKT-RAIN-NVY-M")  # all of it, sellable
    receiving.scan("SOCK-HIK-GRY-M", multiplier=2)  # 2 of 3 arrived
    assert receiving.missing() == {1: 1, 2: 1}
    assert receiving.decisions() == [
        ItemDecision("ri_1", Decision.RESTOCK, None, 1, 1),
        ItemDecision("ri_2", Decision.RESTOCK, Decimal("24.00"), 2, 3),
        ItemDecision("ri_3", Decision.REJECT, None, 0, 1),
    ]


def test_a_damaged_unit_means_no_restock_and_no_value_means_no_credit() -> None:
    lines = (SOCKS, ReturnLine("ri_4", "Mug", 2, "MUG-ENM-WHT"))
    receiving = session(*lines)
    receiving.scan("SOCK-HIK-GRY-M", multiplier=2)
    receiving.scan("SOCK-HIK-GRY-M", Condition.DAMAGED)
    receiving.scan("MUG-ENM-WHT")
    assert receiving.decisions() == [
        ItemDecision("ri_2", Decision.NO_RESTOCK, None, 3, 3),
        ItemDecision("ri_4", Decision.RESTOCK, None, 1, 2),
    ]
    assert counts_by_condition(receiving.units(0)) == {
        Condition.SELLABLE: 2,
        Condition.DAMAGED: 1,
    }


@pytest.mark.parametrize(
    ("value", "got", "of", "credit"), [("10.00", 1, 3, "3.33"), ("0.05", 1, 2, "0.03")]
)
def test_a_partial_credit_is_rounded_to_the_cent(
    value: str, got: int, of: int, credit: str
) -> None:
    receiving = session(ReturnLine("ri_9", "Thing", of, "THING", Decimal(value)))
    receiving.set_received(0, got)
    (decision,) = receiving.decisions()
    assert decision.adjustment == Decimal(credit)


@given(st.lists(st.sampled_from(["JKT-RAIN-NVY-M", "SOCK-HIK-GRY-M", "X", "+", "-", "U"])))
def test_received_never_exceeds_expected_and_undo_returns_to_empty(steps: list[str]) -> None:
    receiving = session()
    for step in steps:
        if step == "+":
            receiving.set_received(1, receiving.received(1) + 1)
        elif step == "-":
            receiving.set_received(1, receiving.received(1) - 1)
        elif step == "U":
            receiving.undo()
        else:
            receiving.scan(step)
        assert all(receiving.received(i) <= line.expected for i, line in enumerate(receiving.lines))
    while receiving.undo() is not None:
        pass
    assert receiving.total_received == 0
    assert receiving.undeclared == ()


def test_what_arrived_is_kept_and_restored_onto_the_return() -> None:
    receiving = session()
    receiving.scan("SOCK-HIK-GRY-M", Condition.DAMAGED, "Wet")
    receiving.scan("SOCK-HIK-GRY-M")
    receiving.scan("MUG-ENM-WHT")
    kept = receiving.to_json()
    again = session()
    again.restore(kept)
    assert again.units(1) == receiving.units(1)
    assert again.undeclared == ("MUG-ENM-WHT",)
    assert not again.can_undo
    shorter = session(JACKET, ReturnLine("ri_2", "Socks", 1, "SOCK-HIK-GRY-M"))
    shorter.restore(kept)
    assert shorter.received(1) == 1  # never more than the return expects now
