"""Lots and serials in the journal, the outbox summary and the CSV export."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
from pathlib import Path

from packstation.packing import DummyTracking, PackingSession, TrackingInput, UnitMark
from packstation.packing.catalog import CatalogEntry, CatalogMatcher
from packstation.store import ShipmentSummary, ShippingInputs
from packstation.store.export import COLUMNS, export_history_csv, history_rows
from packstation.store.items import PackedUnits
from packstation.store.station import StationStore
from tests.helpers.orders import demo_order

GTIN = "00036000291452"
GS = "\x1d"


def _session() -> PackingSession:
    # The hiking socks carry a GS1 DataMatrix with lot, expiry and serial in these tests.
    matcher = CatalogMatcher([CatalogEntry("SOCK-HIK-GRY-M", GTIN)])
    return PackingSession(demo_order("#1002"), matcher=matcher)


def _scan(session: PackingSession, lot: str, serial: str) -> None:
    session.scan("]d201" + GTIN + "17270630" + "10" + lot + GS + "21" + serial)


def test_the_journal_keeps_marks_across_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite3"
    store = StationStore(path)
    order = demo_order("#1002")
    store.journal.open("#1002", order)
    session = _session()
    _scan(session, "L1", "S1")
    _scan(session, "L1", "S2")
    store.journal.save(
        order.order_id,
        session.packed_by_line(),
        ShippingInputs(),
        "scan",
        packer="Ana",
        marks=session.marks_by_line(),
    )
    # A save that does not pass marks (shipping inputs edited) keeps them.
    store.journal.save(order.order_id, session.packed_by_line(), ShippingInputs("UPS"), "edit")
    store.close()
    reopened = StationStore(path)
    saved = reopened.journal.load()
    reopened.close()
    assert saved is not None
    assert saved.marks == {
        "li_1002_001": (
            UnitMark("L1", "2027-06-30", "S1"),
            UnitMark("L1", "2027-06-30", "S2"),
        )
    }
    restored = _session()
    restored.restore(saved.packed, saved.marks)
    assert restored.marks_by_line() == saved.marks


def test_a_database_from_before_marks_gains_the_column(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite3"
    StationStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE open_session DROP COLUMN marks_json")
    conn.close()
    store = StationStore(path)
    order = demo_order("#1001")
    store.journal.open("#1001", order)
    saved = store.journal.load()
    store.close()
    assert saved is not None and saved.marks == {}


def test_damaged_marks_in_the_journal_do_not_lose_the_counts(tmp_path: Path) -> None:
    store = StationStore(tmp_path / "station.sqlite3")
    order = demo_order("#1002")
    store.journal.open("#1002", order)
    store.journal.save(order.order_id, {"li_1002_001": 1}, ShippingInputs(), "scan")
    store._conn.execute('UPDATE open_session SET marks_json = \'{"li": [{"units": -1}]}\'')
    saved = store.journal.load()
    store.close()
    assert saved is not None
    assert (saved.packed, saved.marks) == ({"li_1002_001": 1}, {})


def test_the_outbox_summary_lists_units_by_lot_and_serial(tmp_path: Path) -> None:
    store = StationStore(tmp_path / "s.sqlite3")
    session = _session()
    _scan(session, "L1", "S1")
    session.scan("SOCK-HIK-GRY-M")  # one sock without a lot
    session.scan("BNE-WOOL-CHR")
    item = store.ship(session, "#1002", TrackingInput("UPS", "1Z999AA10123456784"), packer="Ana")
    again = store.outbox.get(item.fulfillment_id)
    store.close()
    assert again is not None
    assert again.summary.packed_units == (
        PackedUnits("li_1002_001", "SOCK-HIK-GRY-M", 1, "L1", "2027-06-30", "S1"),
        PackedUnits("li_1002_001", "SOCK-HIK-GRY-M", 1),
        PackedUnits("li_1002_003", "BNE-WOOL-CHR", 1),
    )


def test_an_old_summary_without_units_still_reads() -> None:
    old = json.dumps(
        {"order_ref": "#1", "units": 2, "carrier": "UPS", "tracking": "1Z", "lines": [["Tee", 2]]}
    )
    summary = ShipmentSummary.from_json(old)
    assert summary.packed_units == ()
    damaged = json.loads(old) | {"packed_units": [{"sku": "X"}]}
    assert ShipmentSummary.from_json(json.dumps(damaged)).packed_units == ()
    full = ShipmentSummary("#1", 1, "", "", packed_units=(PackedUnits("L", "S", 1, "lot"),))
    assert ShipmentSummary.from_json(full.to_json()) == full


def test_history_csv_has_a_row_per_lot_and_serial(tmp_path: Path) -> None:
    store = StationStore(tmp_path / "s.sqlite3")
    session = _session()
    _scan(session, "=HYPERLINK(1)", "S1")
    _scan(session, "L2", "-7")
    store.ship(session, "#1002", DummyTracking(), packer="Ana", fulfillment_id="ps-a")
    items = store.outbox.history()
    path = tmp_path / "history.csv"
    assert export_history_csv(items, path, box_of=lambda item: "1") == 2
    store.close()
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == list(COLUMNS)
    first = dict(zip(COLUMNS, rows[1], strict=True))
    assert {k: first[k] for k in COLUMNS[:10]} == {
        "order": "#1002",
        "box": "1",
        "fulfillment ID": "ps-a",
        "SKU": "SOCK-HIK-GRY-M",
        "quantity": "1",
        "lot": "'=HYPERLINK(1)",  # never run as a formula
        "expiry": "2027-06-30",
        "serial": "S1",
        "carrier": "dummy",
        "tracking": "",
    }
    assert first["packer"] == "Ana"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", first["time"])
    assert rows[2][7] == "-7"  # a number stays a number


def test_history_rows_of_a_shipment_from_before_lots(tmp_path: Path) -> None:
    store = StationStore(tmp_path / "s.sqlite3")
    session = PackingSession(demo_order("#1001"))
    session.scan("JKT-RAIN-NVY-M")
    item = store.ship(session, "#1001", DummyTracking())
    store.close()
    old = item.summary.__class__(item.summary.order_ref, 1, "", "", lines=(("Rain jacket", 1),))
    (row,) = history_rows([item.__class__(**{**_fields(item), "summary": old})])
    assert row[:6] == ["#1001", "", item.fulfillment_id, "", "1", ""]


def _fields(item: object) -> dict[str, object]:
    return {name: getattr(item, name) for name in item.__dataclass_fields__}  # type: ignore[attr-defined]


def test_the_outbox_knows_its_own_dummy_trackers(tmp_path: Path) -> None:
    store = StationStore(tmp_path / "s.sqlite3")
    for tracking, fid in ((DummyTracking(), "ps-d"), (TrackingInput("UPS", "1Z9"), "ps-u")):
        session = PackingSession(demo_order("#1002"))
        session.scan("BNE-WOOL-CHR")
        store.ship(session, "#1002", tracking, fulfillment_id=fid)
    assert store.outbox.dummy_fulfillment_ids("5801002") == {"ps-d"}
    assert store.outbox.dummy_fulfillment_ids("5801001") == set()
    store.close()
