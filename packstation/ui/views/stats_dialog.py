"""Packer stats: per packer and day, with items per hour of the day drawn with QPainter;
beside the packing figures, the returns received and their units received per hour.

Read through the port (on its query worker); the dialog shows "Loading…" meanwhile.
"""

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
from packstation.ui.station.port import StationPort
from packstation.ui.views.alive import while_open
from packstation.ui.views.scan_note import ScanNote
from packstation.ui.words.i18n import tr

#: Days of history the stats cover.
DAYS = 7


class HourChart(QWidget):
    """24 bars: items shipped in each hour of the day, with the hours and a scale."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values = [0] * 24
        self.setMinimumHeight(200)
        self.setAccessibleName(tr("Items per hour of the day"))

    def set_values(self, values: Sequence[int]) -> None:
        self.values = list(values)
        self.setAccessibleDescription(
            ", ".join(
                tr("{hour}:00 {n}").format(hour=f"{h:02d}", n=v)
                for h, v in enumerate(self.values)
                if v
            )
        )
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = painter.font()
        font.setPointSize(9)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        top = max(self.values) or 1
        scale_width = metrics.horizontalAdvance(str(top)) + 8
        area = QRectF(self.rect()).adjusted(scale_width + 4, 18, -8, -24)
        width = area.width() / 24
        grey = QColor("#57606a")
        painter.setPen(QColor("#d0d7de"))
        for fraction in (0.0, 0.5, 1.0):  # the scale: 0, half, the highest hour
            y = area.bottom() - area.height() * fraction
            painter.drawLine(int(area.left()), int(y), int(area.right()), int(y))
        painter.setPen(grey)
        for fraction in (0.0, 0.5, 1.0):
            y = area.bottom() - area.height() * fraction
            value = round(top * fraction)
            painter.drawText(
                QRectF(0, y - 8, scale_width, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )
        for hour, value in enumerate(self.values):
            height = area.height() * value / top
            bar = QRectF(area.left() + hour * width + 2, area.bottom() - height, width - 4, height)
            painter.fillRect(bar, QColor("#2e9b47"))
            if value:  # each bar says its own count
                painter.drawText(
                    QRectF(bar.left() - 6, bar.top() - 16, bar.width() + 12, 14),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    str(value),
                )
            if hour % 3 == 0:
                painter.drawText(
                    QRectF(area.left() + hour * width, area.bottom() + 4, width * 3, 16),
                    Qt.AlignmentFlag.AlignLeft,
                    f"{hour:02d}:00",
                )
        painter.end()


def packer_name(packer: str) -> str:
    return packer or tr("(no badge scanned)")


class StatsDialog(QDialog):
    COLUMNS = (
        "Day",
        "Packer",
        "Orders",
        "Boxes",
        "Items",
        "Mis-scans",
        "Items per active hour",
        "Returns",
        "Units received",
        "Units received per hour",
    )
    #: The columns of the packing rate and of the receiving rate (their tooltips say how).
    ITEMS_RATE = 6
    UNITS_RATE = 9

    def __init__(self, port: StationPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Packer stats (last 7 days)"))
        self.resize(1180, 580)
        self.rows: list[PackerDay] = []
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setObjectName("statsTable")
        self.table.setHorizontalHeaderLabels(
            [
                tr("Day"),
                tr("Packer"),
                tr("Orders"),
                tr("Boxes"),
                tr("Items"),
                tr("Mis-scans"),
                tr("Items per active hour"),
                tr("Returns"),
                tr("Units received"),
                tr("Units received per hour"),
            ]
        )
        # Breaks and other work do not count against the packer: only hours with items.
        for column, tip in (
            (
                self.ITEMS_RATE,
                tr("Items divided by the hours of the day in which this packer packed any."),
            ),
            (
                self.UNITS_RATE,
                tr(
                    "Units of returns received, divided by the hours of the day in which"
                    " this packer received a return."
                ),
            ),
        ):
            header = self.table.horizontalHeaderItem(column)
            if header is not None:
                header.setToolTip(tip)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.currentCellChanged.connect(lambda row, *_: self._show(row))
        layout.addWidget(self.table, 1)
        self.caption = QLabel(tr("Loading…"), self)
        layout.addWidget(self.caption)
        self.chart = HourChart(self)
        layout.addWidget(self.chart)
        self.note = ScanNote(self)
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        port.records.stats(
            DAYS,
            while_open(self, self.show_rows),
            while_open(self, lambda exc: self.caption.setText(str(exc))),
        )

    def show_rows(self, rows: list[PackerDay]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for row, day in enumerate(rows):
            values = (
                day.day,
                packer_name(day.packer),
                str(day.orders),
                str(day.boxes),
                str(day.items),
                str(day.mis_scans),
                f"{day.items_per_hour:.1f}",
                str(day.returns),
                str(day.return_units),
                f"{day.return_units_per_hour:.1f}",
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        if rows:
            self.table.setCurrentCell(0, 0)
            self._show(0)
        else:
            self.caption.setText(tr("No shipments or returns in the last 7 days."))

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            day = self.rows[row]
            self.caption.setText(
                tr("Items per hour of the day: {packer}, {day}").format(
                    packer=packer_name(day.packer), day=day.day
                )
            )
            self.chart.set_values(day.by_hour)

    def show_scan_refused(self, code: str) -> None:
        self.note.refused(code)
