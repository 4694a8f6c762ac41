"""A 1,000-line order: the lines model re-reads and repaints only the row a scan touched.

The bench names that row (``rows_changed``, ``row_scanned``: ``tests/bench/test_packing.py``);
here the window's table model, told as the window tells it, announces that row alone.
No window, no thread: the bench runs on the fake port.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from pytestqt.qtbot import QtBot

from packstation.ui.views.lines_model import Column, LinesModel
from tests.helpers.station import fake_bench, scan

_Index = QModelIndex | QPersistentModelIndex


def test_a_scan_on_a_1000_line_order_touches_only_its_row(qtbot: QtBot, tmp_path: Path) -> None:
    controller, port = fake_bench(tmp_path)
    model = LinesModel(None)
    # As the window connects them (``MainWindow._connect``, ``OrderPage.scanned_row``).
    controller.order_changed.connect(lambda: model.set_session(controller.session))
    controller.rows_changed.connect(model.refresh)
    controller.row_scanned.connect(model.flash)
    try:
        scan(controller, "#1014")
        assert model.rowCount() == 1000

        changed: list[tuple[int, int, int, int]] = []
        resets: list[str] = []

        def on_changed(top: _Index, bottom: _Index, roles: list[int] = []) -> None:  # noqa: B006
            changed.append((top.row(), bottom.row(), top.column(), bottom.column()))

        model.dataChanged.connect(on_changed)
        model.modelReset.connect(lambda: resets.append("reset"))
        model.layoutChanged.connect(lambda: resets.append("layout"))
        model.rowsInserted.connect(lambda: resets.append("rows"))

        with qtbot.waitSignal(controller.row_scanned) as packed:
            scan(controller, "PRT-0777")
        row = packed.args[0] if packed.args else -1
        assert row == 776

        assert resets == []
        assert changed, "the scanned row was not announced"
        assert {(top, bottom) for top, bottom, _, _ in changed} == {(776, 776)}
        assert all(right <= Column.SHIPPED for _, _, _, right in changed)
        assert model.line(776).packed == 1
    finally:
        controller.shipping.stop_countdown()
        port.close()
