"""An order's rows are painted once when the table first shows them, not twice.

QTableView repaints the columns right of a resized one from a timer, after the pass that
has already painted them at their new width. The Item column stretches to the table as
the order's page first shows, so the rows were painted a second time just after the
first (the GUI thread's longest stall after launch). The table marks them at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from packstation.ui.views.lines_model import Column, LinesModel
from packstation.ui.views.lines_table import LinesTable
from tests.helpers.station import fake_bench, scan


class Paints(QObject):
    painted = Signal()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted.emit()
        return False


def test_a_resized_column_is_not_painted_again_after_its_pass(qtbot: QtBot, tmp_path: Path) -> None:
    controller, port = fake_bench(tmp_path)
    try:
        scan(controller, "#1006")
        holder = QWidget()
        qtbot.addWidget(holder)
        model = LinesModel(None)
        table = LinesTable(model, holder)
        QVBoxLayout(holder).addWidget(table)
        holder.resize(900, 400)
        model.set_session(controller.session)
        paints = Paints()
        table.viewport().installEventFilter(paints)
        with qtbot.waitSignal(paints.painted):
            holder.show()
        qtbot.waitUntil(lambda: not table._fit_soon.isActive())  # its headers fitted once shown
        header = table.horizontalHeader()
        # A column resized, and a paint pass right after it: as when the order's page
        # first shows, its Item column stretched just before the pass that shows it.
        with qtbot.waitSignal(paints.painted):
            header.resizeSection(Column.SKU, header.sectionSize(Column.SKU) + 40)
            table.viewport().repaint()
        with qtbot.assertNotEmitted(paints.painted, wait=300):
            pass  # no second pass for the same widths
    finally:
        controller.shipping.stop_countdown()
        port.close()
