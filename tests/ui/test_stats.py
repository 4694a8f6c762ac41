"""Packer stats: per packer and day, with the hour chart."""

from __future__ import annotations

import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from packstation.packing import DummyTracking, PackingSession
from packstation.store import ShippingInputs, StationStore
from packstation.ui.views.stats_dialog import StatsDialog
from tests.helpers.orders import demo_order


def test_stats_count_orders_items_and_mis_scans(qtbot: QtBot, tmp_path: Path) -> None:
    store = StationStore(tmp_path / "s.sqlite3")
    for packer, ref, sku, times in (
        ("Ana", "#1002", "SOCK-HIK-GRY-M", 3),
        ("Ben", "#1001", "JKT-RAIN-NVY-M", 1),
    ):
        session = PackingSession(demo_order(ref))
        for _ in range(times):
            session.scan(sku)
        store.ship(session, ref, DummyTracking(), packer=packer)
    store.journal.save("5801002", {}, ShippingInputs(), "mis-scan", "X", packer="Ana")
    rows = store.stats()
    by_packer = {row.packer: row for row in rows}
    assert (by_packer["Ana"].orders, by_packer["Ana"].items, by_packer["Ana"].mis_scans) == (
        1,
        3,
        1,
    )
    assert (by_packer["Ben"].orders, by_packer["Ben"].items, by_packer["Ben"].mis_scans) == (
        1,
        1,
        0,
    )
    hour = time.localtime().tm_hour
    assert by_packer["Ana"].by_hour[hour] == 3
    assert by_packer["Ana"].items_per_hour == 3.0
    dialog = StatsDialog(rows)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert dialog.chart.values == rows[0].by_hour
    dialog.chart.grab()  # paints without error
    store.close()
