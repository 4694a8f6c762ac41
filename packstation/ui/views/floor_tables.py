"""The lead's Warehouse view's three tables: benches, today per packer, claims.

Filled from a :class:`~packstation.ui.station.floor_watch.FloorView` (``warehouse_view.py``
lays them out). A bench gone is said in words and shown in colour, never colour alone.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from packstation.ui.views.stats_dialog import packer_name
from packstation.ui.words import warehouse as words
from packstation.ui.words.i18n import tr

if TYPE_CHECKING:
    from packstation.ui.station.floor_watch import FloorView
    from packstation.warehouse.claims import Holder
    from packstation.warehouse.floor import BenchRow

# Set as pairs (text and background), so that they read in every look, dark ones too.
_GONE_BACKGROUND, _GONE_TEXT = QColor("#c62828"), QColor("#ffffff")
_GONE_ROW, _GONE_ROW_TEXT = QColor("#f7d4d4"), QColor("#5c0f0f")
_FAILED_BACKGROUND, _FAILED_TEXT = QColor("#f6c343"), QColor("#3a2a00")


def minutes(view: FloorView, holder: Holder) -> int:
    """Minutes the claim has been held, by the server's clock."""
    return max(0, int((view.server_now - holder.since).total_seconds() // 60))


def _cell(text: str, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.setWordWrap(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def title(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("panelTitle")
    return label


def fill_benches(table: QTableWidget, view: FloorView) -> None:
    """Every bench, by name (Bench 2 before Bench 10), with how long ago it was seen."""
    table.setRowCount(len(view.benches))
    elapsed = time.monotonic() - view.read_at
    for row, bench in enumerate(sorted(view.benches, key=lambda b: words.natural(b.name))):
        age = bench.seconds_since_seen + elapsed
        for column, item in enumerate(_bench_cells(bench, age)):
            table.setItem(row, column, item)


def _bench_cells(bench: BenchRow, age: float) -> list[QTableWidgetItem]:
    rate = bench.items_per_hour
    cells = [
        _cell(bench.name),
        _cell(packer_name(bench.packer)),
        _cell(bench.order_ref or "—"),
        _cell(str(bench.units_today), align_right=True),
        _cell("—" if rate is None else f"{rate:.0f}", align_right=True),
        _cell(str(bench.outbox_waiting), align_right=True),
        _cell(f"⚠ {bench.outbox_failed}" if bench.outbox_failed else "0", align_right=True),
        _cell(words.seen_text(age, bench.last_seen)),
    ]
    if age > words.GONE_AFTER_S:  # the words say it; the row's colours make it seen
        for cell in cells:
            cell.setBackground(QBrush(_GONE_ROW))
            cell.setForeground(QBrush(_GONE_ROW_TEXT))
        seen = cells[-1]
        seen.setBackground(QBrush(_GONE_BACKGROUND))
        seen.setForeground(QBrush(_GONE_TEXT))
        font = QFont(seen.font())
        font.setBold(True)
        seen.setFont(font)
    if bench.outbox_failed:
        cells[6].setBackground(QBrush(_FAILED_BACKGROUND))
        cells[6].setForeground(QBrush(_FAILED_TEXT))
    return cells


def fill_packers(table: QTableWidget, view: FloorView) -> None:
    """Today's figures per packer, across benches."""
    table.setRowCount(len(view.packers))
    for row, day in enumerate(view.packers):
        values = [
            _cell(packer_name(day.packer)),
            _cell(str(day.shipments), align_right=True),
            _cell(str(day.units), align_right=True),
            _cell(", ".join(day.benches)),
        ]
        for column, item in enumerate(values):
            table.setItem(row, column, item)


def fill_claims(table: QTableWidget, view: FloorView, release: Callable[[Holder], None]) -> None:
    """The live claims, each with its Release… button (``release(holder)``)."""
    table.setRowCount(len(view.claims))
    for row, holder in enumerate(view.claims):
        since = tr("{time} (%n min)", None, minutes(view, holder)).format(
            time=words.clock(holder.since)
        )
        values = [
            _cell(holder.order_ref or holder.order_id),
            _cell(holder.bench),
            _cell(packer_name(holder.packer)),
            _cell(since),
        ]
        for column, item in enumerate(values):
            table.setItem(row, column, item)
        button = QPushButton(tr("Release…"), table)
        button.setObjectName("releaseClaim")
        button.setAutoDefault(False)
        button.setAccessibleName(
            tr("Release order {order}").format(order=holder.order_ref or holder.order_id)
        )
        button.clicked.connect(lambda _=False, h=holder: release(h))
        table.setCellWidget(row, 4, button)
    table.resizeRowsToContents()
