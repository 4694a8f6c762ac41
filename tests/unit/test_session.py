"""The packing rules: what a scan does, undo, bounds, and the request they produce."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from packstation.packing import (
    AlreadyComplete,
    DummyTracking,
    Invalid,
    NothingPackedError,
    NothingToShip,
    NotInOrder,
    Packed,
    PackingSession,
    TrackingIncompleteError,
    TrackingInput,
)
from packstation.packing.shipment import Missing
from packstation.redo.models import ShipmentStatus
from packstation.ui.words.problems import packing_problem
from tests.helpers.orders import demo_order, make_order


def test_quantities_per_line_account_for_earlier_fulfillments() -> None:
    session = PackingSession(make_order([("A", 3), ("B", 2)], fulfilled=[(0, 1), (1, 2)]))
    a, b = session.lines()
    assert (a.ordered, a.fulfilled, a.remaining, a.packed) == (3, 1, 2, 0)
    assert (b.remaining, b.packable) == (0, False)
    assert session.total_remaining == 2


def test_scan_packs_by_sku_trimmed_and_case_insensitive() -> None:
    session = PackingSession(make_order([("Tee-Blk-M", 2)]))
    outcome = session.scan("  tee-blk-m\r\n")
    assert outcome == Packed(code="tee-blk-m", line_index=0, packed=1, remaining=2)
    assert not outcome.line_complete
    assert isinstance(session.scan("TEE-BLK-M"), Packed)
    assert session.all_packed


def test_overpack_is_refused_and_changes_nothing() -> None:
    session = PackingSession(make_order([("A", 1)]))
    session.scan("A")
    outcome = session.scan("A")
    assert outcome == AlreadyComplete(code="A", line_index=0, remaining=1, packed=1)
    assert session.line(0).packed == 1


def test_unknown_code_is_not_in_order() -> None:
    session = PackingSession(make_order([("A", 1)]))
    assert session.scan("ZZZ") == NotInOrder("ZZZ")
    assert session.total_packed == 0


@pytest.mark.parametrize("raw", ["", "   ", "\r\n", "\x00\x01\x07"])
def test_empty_or_control_only_input_is_invalid(raw: str) -> None:
    assert isinstance(PackingSession(make_order([("A", 1)])).scan(raw), Invalid)


def test_same_sku_on_two_lines_fills_the_first_with_room() -> None:
    session = PackingSession(make_order([("A", 1), ("B", 1), ("A", 2)]))
    first = session.scan("A")
    second = session.scan("A")
    assert isinstance(first, Packed)
    assert (first.line_index, first.ambiguous) == (0, True)
    assert isinstance(second, Packed)
    assert second.line_index == 2
    session.scan("A")
    assert isinstance(session.scan("A"), AlreadyComplete)


def test_fully_shipped_order_says_nothing_to_ship() -> None:
    session = PackingSession(demo_order("#1004"))
    assert session.nothing_to_ship
    sku = session.line(0).item.sku
    assert sku is not None
    assert isinstance(session.scan(sku), NothingToShip)


def test_line_with_nothing_remaining_is_shown_but_not_packable() -> None:
    session = PackingSession(make_order([("A", 1), ("B", 1)], fulfilled=[(0, 1)]))
    assert isinstance(session.scan("A"), AlreadyComplete)
    assert session.set_quantity(0, 5) == 0


def test_set_quantity_is_clamped_and_undoable() -> None:
    session = PackingSession(make_order([(None, 3)]))
    assert session.set_quantity(0, 10) == 3
    assert session.set_quantity(0, -4) == 0
    session.increment(0)
    session.increment(0)
    session.decrement(0)
    assert session.line(0).packed == 1
    session.undo()
    assert session.line(0).packed == 2


def test_clear_is_one_undoable_step() -> None:
    session = PackingSession(make_order([("A", 2), ("B", 2)]))
    for code in ("A", "B", "B"):
        session.scan(code)
    session.clear()
    assert session.total_packed == 0
    assert session.undo() == (0, 1)
    assert [line.packed for line in session.lines()] == [1, 2]


def test_undo_on_empty_stack_returns_none() -> None:
    assert PackingSession(make_order([("A", 1)])).undo() is None


def test_restore_puts_back_counts_clamped_to_remaining() -> None:
    session = PackingSession(make_order([("A", 2), ("B", 1)], fulfilled=[(0, 1)]))
    session.restore({"L0": 5, "L1": 1, "gone": 3})
    assert session.packed_by_line() == {"L0": 1, "L1": 1}
    assert not session.can_undo


def test_request_contains_only_packed_lines_with_trimmed_tracking() -> None:
    session = PackingSession(make_order([("A", 2), ("B", 1), ("C", 1)]))
    session.scan("A")
    session.scan("C")
    request = session.to_request(TrackingInput(" UPS ", " 1Z999AA1 0123456784 "), "ful-1")
    assert request.to_json_dict() == {
        "fulfillmentId": "ful-1",
        "lineItems": [{"id": "L0", "quantity": 1}, {"id": "L2", "quantity": 1}],
        "tracking": {"carrier": "UPS", "code": "1Z999AA10123456784"},
    }


def test_request_with_dummy_tracking() -> None:
    session = PackingSession(make_order([("A", 1)]))
    session.scan("A")
    body = session.to_request(
        DummyTracking(ShipmentStatus.IN_TRANSIT, " left dock ")
    ).to_json_dict()
    assert body == {
        "lineItems": [{"id": "L0", "quantity": 1}],
        "useDummyTracking": True,
        "initialTracking": {"status": "in_transit", "message": "left dock"},
    }


#: The GUI's check before a shipment and the store's request refuse alike.
ASKED = [
    pytest.param(lambda s, t: s.check_shipping(t), id="check"),
    pytest.param(lambda s, t: s.to_request(t), id="request"),
]


@pytest.mark.parametrize("ask", ASKED)
def test_request_refused_when_nothing_packed(ask: Callable[..., object]) -> None:
    session = PackingSession(make_order([("A", 1)]))
    with pytest.raises(NothingPackedError) as refused:
        ask(session, DummyTracking())
    assert packing_problem(refused.value) == "Nothing is packed yet: scan at least one item."
    session.scan("A")
    session.decrement(0)  # packed, then taken out again: nothing in the box
    with pytest.raises(NothingPackedError):
        ask(session, DummyTracking())


@pytest.mark.parametrize(
    ("carrier", "code", "missing", "said"),
    [
        ("", "123", Missing.CARRIER, "carrier"),
        ("UPS", "  ", Missing.TRACKING_NUMBER, "tracking number"),
    ],
)
@pytest.mark.parametrize("ask", ASKED)
def test_request_refused_when_tracking_incomplete(
    carrier: str, code: str, missing: Missing, said: str, ask: Callable[..., object]
) -> None:
    session = PackingSession(make_order([("A", 1)]))
    session.scan("A")
    with pytest.raises(TrackingIncompleteError) as refused:
        ask(session, TrackingInput(carrier, code))
    assert refused.value.missing is missing
    assert packing_problem(refused.value) == (
        f"The {said} is missing: scan the shipping label or turn on dummy tracking."
    )


# --- properties ------------------------------------------------------------------

SKUS = ["A", "B", "C", "D"]
orders = st.lists(
    st.tuples(st.sampled_from([*SKUS, None]), st.integers(1, 6)), min_size=1, max_size=6
).flatmap(
    lambda lines: st.tuples(
        st.just(lines),
        st.lists(st.tuples(st.integers(0, len(lines) - 1), st.integers(1, 3)), max_size=3),
    )
)
operations = st.lists(
    st.one_of(
        st.tuples(st.just("scan"), st.sampled_from([*SKUS, "x", " a "])),
        st.tuples(st.just("set"), st.tuples(st.integers(0, 5), st.integers(-3, 9))),
        st.tuples(st.just("inc"), st.integers(0, 5)),
        st.tuples(st.just("dec"), st.integers(0, 5)),
        st.tuples(st.just("clear"), st.none()),
    ),
    max_size=40,
)


def _build(spec: tuple[list[tuple[str | None, int]], list[tuple[int, int]]]) -> PackingSession:
    lines, fulfilled = spec
    capped: dict[int, int] = {}
    for index, qty in fulfilled:
        capped[index] = min(lines[index][1], capped.get(index, 0) + qty)
    return PackingSession(make_order(lines, fulfilled=[(i, q) for i, q in capped.items() if q]))


def _run(session: PackingSession, op: tuple[str, object]) -> None:
    kind, arg = op
    n = len(session)
    if kind == "scan":
        session.scan(str(arg))
    elif kind == "set":
        index, qty = arg  # type: ignore[misc]
        session.set_quantity(index % n, qty)
    elif kind == "inc":
        session.increment(int(arg) % n)  # type: ignore[call-overload]
    elif kind == "dec":
        session.decrement(int(arg) % n)  # type: ignore[call-overload]
    else:
        session.clear()


@given(orders, operations)
def test_packed_never_exceeds_remaining(spec, ops) -> None:  # type: ignore[no-untyped-def]
    session = _build(spec)
    for op in ops:
        _run(session, op)
        for line in session.lines():
            assert 0 <= line.packed <= line.remaining


@given(orders, operations)
def test_undo_exactly_inverts_any_sequence(spec, ops) -> None:  # type: ignore[no-untyped-def]
    session = _build(spec)
    history = [[line.packed for line in session.lines()]]
    for op in ops:
        before = session.packed_by_line()
        _run(session, op)
        if session.packed_by_line() != before:
            history.append([line.packed for line in session.lines()])
    while session.can_undo:
        assert [line.packed for line in session.lines()] == history.pop()
        session.undo()
    assert [line.packed for line in session.lines()] == history.pop() == [0] * len(session)


@given(orders, operations)
def test_request_quantities_equal_what_was_packed(spec, ops) -> None:  # type: ignore[no-untyped-def]
    session = _build(spec)
    for op in ops:
        _run(session, op)
    if session.total_packed == 0:
        return
    request = session.to_request(DummyTracking())
    assert {item.id: item.quantity for item in request.line_items} == session.packed_by_line()


@settings(max_examples=300)
@given(st.text(max_size=300) | st.binary(max_size=300).map(lambda b: b.decode("latin-1")))
def test_no_input_makes_scan_raise(code: str) -> None:
    session = PackingSession(demo_order("#1008"))
    outcome = session.scan(code)
    assert isinstance(outcome, Packed | AlreadyComplete | NotInOrder | NothingToShip | Invalid)
