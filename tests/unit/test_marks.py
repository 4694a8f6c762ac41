"""Lots, expiry dates and serials: kept per packed unit, undone with it, a serial only once."""

from __future__ import annotations

import pytest

from packstation.packing import DuplicateSerial, Packed, PackingSession, UnitMark
from packstation.packing.catalog import CatalogEntry, CatalogMatcher
from packstation.packing.marks import expiry_iso, mark_of, marks_from_json, marks_to_json
from tests.helpers.orders import make_order

GS = "\x1d"
GTIN = "00036000291452"


def _gs1(lot: str = "", serial: str = "", expiry: str = "") -> str:
    code = "]C101" + GTIN
    if expiry:
        code += "17" + expiry
    if lot:
        code += "10" + lot + (GS if serial else "")
    if serial:
        code += "21" + serial
    return code


def _session(quantity: int = 3, **kwargs: object) -> PackingSession:
    order = make_order([("TEE", quantity), ("SOCK", 2)])
    return PackingSession(
        order,
        matcher=CatalogMatcher([CatalogEntry("TEE", GTIN)]),
        **kwargs,  # type: ignore[arg-type]
    )


def test_a_gs1_scan_keeps_lot_expiry_and_serial_with_the_unit() -> None:
    session = _session()
    outcome = session.scan(_gs1(lot="L42", serial="S1", expiry="270630"))
    assert isinstance(outcome, Packed)
    mark = UnitMark(lot="L42", expiry="2027-06-30", serial="S1")
    assert outcome.mark == mark
    session.scan("TEE")  # a plain SKU scan names no lot
    assert session.line(0).packed == 2
    assert session.marks(0) == (mark,)
    assert session.marks_by_line() == {"L0": (mark,)}


def test_the_same_serial_twice_in_one_order_is_refused() -> None:
    session = _session()
    session.scan(_gs1(serial="S1"))
    again = session.scan(_gs1(lot="OTHER", serial="S1"))
    assert again == DuplicateSerial(code=_gs1(lot="OTHER", serial="S1"), serial="S1", line_index=0)
    assert session.line(0).packed == 1  # nothing packed
    assert isinstance(session.scan(_gs1(serial="S2")), Packed)


def test_a_serial_in_an_earlier_box_of_the_order_is_refused() -> None:
    session = _session(earlier_marks={"L0": (UnitMark(serial="S9"),)})
    assert isinstance(session.scan(_gs1(serial="S9")), DuplicateSerial)
    assert session.line(0).packed == 0


def test_undo_takes_the_mark_with_the_unit_and_frees_the_serial() -> None:
    session = _session()
    session.scan(_gs1(serial="S1"))
    session.scan(_gs1(serial="S2"))
    assert session.undo() == (0,)
    assert [m.serial for m in session.marks(0)] == ["S1"]
    assert isinstance(session.scan(_gs1(serial="S2")), Packed)  # S2 may be scanned again
    session.clear()
    assert session.marks(0) == ()
    session.undo()  # the clear is undone, marks included
    assert [m.serial for m in session.marks(0)] == ["S1", "S2"]


def test_lowering_a_count_drops_the_latest_marks() -> None:
    session = _session()
    for serial in ("S1", "S2", "S3"):
        session.scan(_gs1(serial=serial))
    session.decrement(0)
    assert [m.serial for m in session.marks(0)] == ["S1", "S2"]
    session.set_quantity(0, 0)
    assert session.marks(0) == ()
    session.undo()
    session.undo()
    assert [m.serial for m in session.marks(0)] == ["S1", "S2", "S3"]


def test_a_case_scan_marks_all_its_units_and_is_trimmed_by_units() -> None:
    order = make_order([("TEE", 12)])
    session = PackingSession(order, matcher=CatalogMatcher([CatalogEntry("TEE", GTIN, units=6)]))
    session.scan(_gs1(lot="L7"))
    assert session.marks(0) == (UnitMark(lot="L7", units=6),)
    session.set_quantity(0, 4)
    assert session.marks(0) == (UnitMark(lot="L7", units=4),)


def test_restore_puts_marks_back_clamped_to_the_packed_units() -> None:
    session = _session()
    marks = {"L0": (UnitMark(serial="S1"), UnitMark(serial="S2")), "nope": (UnitMark(lot="x"),)}
    session.restore({"L0": 1}, marks)
    assert session.marks_by_line() == {"L0": (UnitMark(serial="S1"),)}
    assert isinstance(session.scan(_gs1(serial="S1")), DuplicateSerial)


def test_marks_round_trip_through_json_and_refuse_damage() -> None:
    marks = {"L0": (UnitMark("L1", "2027-06", "S1"), UnitMark(lot="L2", units=4))}
    assert marks_from_json(marks_to_json(marks)) == marks
    assert marks_to_json({"L9": ()}) == {}
    for bad in ([], {"L0": {}}, {"L0": [{"lot": 5}]}, {"L0": [{"units": 0}]}, {"L0": [1]}):
        with pytest.raises((TypeError, ValueError)):
            marks_from_json(bad)


@pytest.mark.parametrize(
    ("code", "mark"),
    [
        ("TEE", None),
        ("00036000291452", None),  # a GTIN alone names no lot
        ("(01)00036000291452(10)AB-1(17)280100", UnitMark(lot="AB-1", expiry="2028-01")),
        ("0100036000291452" + "21" + "X9", UnitMark(serial="X9")),
    ],
)
def test_mark_of(code: str, mark: UnitMark | None) -> None:
    assert mark_of(code) == mark


def test_expiry_iso() -> None:
    assert expiry_iso("270630") == "2027-06-30"
    assert expiry_iso("270600") == "2027-06"
    assert expiry_iso("2706") == "2706"


def test_a_duplicate_serial_is_told_with_the_item_and_the_serial() -> None:
    from packstation.ui.words import feedback

    session = _session()
    session.scan(_gs1(serial="S1"))
    outcome = session.scan(_gs1(serial="S1"))
    said = feedback.refused(outcome, session)
    assert said.text == (
        "Item 0 with serial S1 is already packed in this order: the same unit was scanned "
        "twice. Nothing was packed."
    )
    assert said.tone is feedback.Tone.ERROR
