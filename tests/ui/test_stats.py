"""Packer stats: per packer and day, with the hour chart."""

from __future__ import annotations

import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from packstation.packing import DummyTracking, PackingSession
from packstation.store import ShippingInputs
from packstation.ui.views.stats_dialog import StatsDialog
from tests.helpers.orders import demo_order
from tests.helpers.station import FakeStation


def test_stats_count_orders_items_and_mis_scans(qtbot: QtBot, tmp_path: Path) -> None:
    port = FakeStation(tmp_path)
    store = port.store
    for packer, ref, sku, times in (
        ("Ana", "#1002", "SOCK-HIK-GRY-M", 3),
        ("Ben", "#1001", "JKT-RAIN-NVY-M", 1),
        ("", "#1004", "CAP-SUN-SND", 0),
    ):
        session = PackingSession(demo_order(ref))
        for _ in range(times):
            session.scan(sku)
        if times:
            store.ship(session, ref, DummyTracking(), packer=packer)
    # Two boxes of one order are one order and two boxes.
    box = PackingSession(demo_order("#1005"))
    box.scan("TEE-MER-BLK-M")
    store.ship_box(box, "#1005", DummyTracking(), box=1, packer="Ben")
    box = PackingSession(demo_order("#1005"))
    box.scan("TEE-MER-OLV-L")
    store.ship_box(box, "#1005", DummyTracking(), box=2, packer="Ben")
    nobody = PackingSession(demo_order("#1008"))
    nobody.scan("SOCK-HIK-RED-L")
    store.ship(nobody, "#1008", DummyTracking())
    store.journal.save("5801002", {}, ShippingInputs(), "mis-scan", "X", packer="Ana")
    rows = store.stats()
    by_packer = {row.packer: row for row in rows}
    assert (by_packer["Ana"].orders, by_packer["Ana"].items, by_packer["Ana"].mis_scans) == (
        1,
        3,
        1,
    )
    ben = by_packer["Ben"]
    assert (ben.orders, ben.boxes, ben.items, ben.mis_scans) == (2, 3, 3, 0)
    hour = time.localtime().tm_hour
    assert by_packer["Ana"].by_hour[hour] == 3
    assert by_packer["Ana"].items_per_hour == 3.0
    dialog = StatsDialog(port)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 3
    names = {dialog.table.item(r, 1).text() for r in range(3)}
    assert names == {"Ana", "Ben", "(no badge scanned)"}  # never "-"
    assert dialog.chart.values == rows[0].by_hour
    image = dialog.chart.grab()  # paints, with the hours and a scale
    assert not image.isNull()
    assert f"{hour:02d}:00 " in dialog.chart.accessibleDescription()  # read out, hour by hour
    port.close()
