"""A 1,000-line order: a scan re-reads and repaints only its own row."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from pytestqt.qtbot import QtBot

from packstation.sandbox import SandboxServer
from packstation.ui.views.lines_model import Column
from packstation.ui.views.main_window import MainWindow
from tests.ui.conftest import idle, load, scan

_Index = QModelIndex | QPersistentModelIndex


def test_a_scan_on_a_1000_line_order_touches_only_its_row(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    load(qtbot, window, "#1014")
    model = window.order_page.model
    assert model.rowCount() == 1000
    idle(qtbot, window)
    qtbot.waitUntil(lambda: not window.runtime.reads.busy, timeout=5000)

    changed: list[tuple[int, int, int, int]] = []
    resets: list[str] = []

    def on_changed(top: _Index, bottom: _Index, roles: list[int] = []) -> None:  # noqa: B006
        changed.append((top.row(), bottom.row(), top.column(), bottom.column()))

    model.dataChanged.connect(on_changed)
    model.modelReset.connect(lambda: resets.append("reset"))
    model.layoutChanged.connect(lambda: resets.append("layout"))
    model.rowsInserted.connect(lambda: resets.append("rows"))

    with qtbot.waitSignal(window.controller.row_scanned, timeout=3000) as packed:
        scan(qtbot, window, "PRT-0777")
    row = packed.args[0] if packed.args else -1
    assert row == 776
    idle(qtbot, window)

    assert resets == []
    assert changed, "the scanned row was not announced"
    assert {(top, bottom) for top, bottom, _, _ in changed} == {(776, 776)}
    assert all(right <= Column.SHIPPED for _, _, _, right in changed)
    assert model.line(776).packed == 1
