"""Packer stats: per packer and day, with items per hour of the day drawn with QPainter."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from packstation.store.stats import PackerDay
from packstation.ui.words.i18n import tr


class HourChart(QWidget):
    """24 bars: items shipped in each hour of the day."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values = [0] * 24
        self.setMinimumHeight(180)
        self.setAccessibleName(tr("Items per hour of the day"))

    def set_values(self, values: Sequence[int]) -> None:
        self.values = list(values)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(8, 8, -8, -24)
        top = max(self.values) or 1
        width = area.width() / 24
        painter.setPen(QColor("#57606a"))
        font = painter.font()
        font.setPointSize(9)
        painter.setFont(font)
        for hour, value in enumerate(self.values):
            height = area.height() * value / top
            bar = QRectF(area.left() + hour * width + 2, area.bottom() - height, width - 4, height)
            painter.fillRect(bar, QColor("#2e9b47"))
            if hour % 3 == 0:
                painter.drawText(
                    QRectF(area.left() + hour * width, area.bottom() + 4, width * 3, 16),
                    Qt.AlignmentFlag.AlignLeft,
                    f"{hour:02d}",
                )
        painter.end()


class StatsDialog(QDialog):
    COLUMNS = ("Day", "Packer", "Orders", "Items", "Mis-scans", "Items per hour")

    def __init__(self, rows: list[PackerDay], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Packer stats (last 7 days)"))
        self.resize(900, 560)
        self.rows = rows
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(rows), len(self.COLUMNS), self)
        self.table.setObjectName("statsTable")
        self.table.setHorizontalHeaderLabels(
            [
                tr("Day"),
                tr("Packer"),
                tr("Orders"),
                tr("Items"),
                tr("Mis-scans"),
                tr("Items per hour"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, day in enumerate(rows):
            values = (
                day.day,
                day.packer,
                str(day.orders),
                str(day.items),
                str(day.mis_scans),
                f"{day.items_per_hour:.1f}",
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.table.currentCellChanged.connect(lambda row, *_: self._show(row))
        layout.addWidget(self.table, 1)
        self.caption = QLabel(self)
        layout.addWidget(self.caption)
        self.chart = HourChart(self)
        layout.addWidget(self.chart)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if rows:
            self.table.setCurrentCell(0, 0)
            self._show(0)
        else:
            self.caption.setText(tr("No shipments in the last 7 days."))

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            day = self.rows[row]
            self.caption.setText(
                tr("Items per hour of the day: {packer}, {day}").format(
                    packer=day.packer, day=day.day
                )
            )
            self.chart.set_values(day.by_hour)
