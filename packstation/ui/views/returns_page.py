"""The receiving bench's page: the prompt for a parcel, then the return being received.

Unmistakable at arm's length: a band across the top says RETURNS in the style sheets'
returns colour, and the window's title says it too. The table shows each item with what
is expected, what arrived sellable and damaged (with the notes), the customer's reason
and comment; items scanned that are on no line are listed under it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from packstation.packing.codes import sku_key
from packstation.packing.receiving import Condition, ReceivingSession, counts_by_condition
from packstation.ui.station.port_returns import OnBench
from packstation.ui.station.thumbnails import ThumbnailLoader
from packstation.ui.words import returns as words
from packstation.ui.words.i18n import tr

#: The items' pictures (px), as large as the order page's.
THUMB = 48


class ReturnsPage(QWidget):
    process_clicked = Signal()
    #: +/- on the selected row: (row, the received count wanted).
    count_requested = Signal(int, int)

    def __init__(self, thumbnails: ThumbnailLoader | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._thumbnails = thumbnails
        self._images: dict[str, str] = {}
        if thumbnails is not None:
            thumbnails.loaded.connect(self._image_loaded)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.band = QLabel(tr("RETURNS"), self)
        self.band.setObjectName("returnsBand")
        self.band.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.band.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.band)
        # Waiting for a parcel: the prompt, centred in the page's height.
        self.waiting = QWidget(self)
        waiting = QVBoxLayout(self.waiting)
        waiting.addStretch(1)
        self.prompt = QLabel(words.prompt(), self.waiting)
        self.prompt.setObjectName("idlePrompt")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt.setWordWrap(True)
        self.hint = QLabel(
            tr(
                "or the original order's slip (#1001), or the return's ID. PS-PACKING: back to packing."
            ),
            self,
        )
        self.hint.setObjectName("idleHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        waiting.addWidget(self.prompt)
        waiting.addWidget(self.hint)
        waiting.addStretch(2)
        layout.addWidget(self.waiting, 1)
        self.title = QLabel(self)
        self.title.setObjectName("returnTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.table = QTableWidget(0, 7, self)
        self.table.setObjectName("returnLines")
        self.table.setHorizontalHeaderLabels(
            [
                tr("Item"),
                tr("SKU"),
                tr("Expected"),
                tr("Sellable"),
                tr("Damaged"),
                tr("Reason"),
                tr("Customer's comment"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setIconSize(QSize(THUMB, THUMB))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.reasons = QLabel(self)
        self.reasons.setObjectName("returnReasons")
        self.reasons.setWordWrap(True)
        layout.addWidget(self.reasons)
        self.undeclared = QLabel(self)
        self.undeclared.setObjectName("returnUndeclared")
        self.undeclared.setWordWrap(True)
        layout.addWidget(self.undeclared)
        row = QHBoxLayout()
        self.minus = QPushButton("−", self)
        self.plus = QPushButton("+", self)
        for button, delta in ((self.minus, -1), (self.plus, 1)):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, d=delta: self._change(d))
            row.addWidget(button)
        row.addStretch(1)
        self.process_button = QPushButton(tr("Process the return (Ctrl+Enter)"), self)
        self.process_button.setObjectName("processButton")
        self.process_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.process_button.clicked.connect(self.process_clicked)
        row.addWidget(self.process_button)
        layout.addLayout(row)
        self._session: ReceivingSession | None = None
        self.show_return(None, None, awaiting_note=False)

    def show_reasons(self, reasons: Sequence[str]) -> None:
        """The damage reasons the settings name, numbered as they are scanned."""
        self.reasons.setText(" · ".join(words.reason_labels(reasons)))

    def show_return(
        self,
        ret: OnBench | None,
        session: ReceivingSession | None,
        *,
        awaiting_note: bool,
        images: Mapping[str, str] | None = None,
    ) -> None:
        self._session = session
        self._images = dict(images or {})
        open_ = ret is not None and session is not None
        self.waiting.setVisible(not open_)
        shown: tuple[QWidget, ...] = (
            self.title,
            self.table,
            self.minus,
            self.plus,
            self.process_button,
        )
        for widget in shown:
            widget.setVisible(open_)
        self.reasons.setVisible(open_ and awaiting_note)
        if ret is None or session is None:
            self.table.setRowCount(0)
            self.undeclared.clear()
            self.title.clear()
            return
        expected = session.total_expected
        title = tr("Return of {order}: {received} of {expected} received").format(
            order=ret.order_name, received=session.total_received, expected=expected
        )
        if ret.exchange:
            title += " · " + tr("exchange")
        self.title.setText(title)
        selected = self.table.currentRow()
        self.table.setRowCount(len(session.lines))
        for row, line in enumerate(session.lines):
            units = session.units(row)
            counts = counts_by_condition(units)
            notes = sorted({u.note for u in units if u.condition is Condition.DAMAGED and u.note})
            damaged = str(counts[Condition.DAMAGED]) + (f" ({'; '.join(notes)})" if notes else "")
            cells = [
                line.title,
                line.sku or "",
                str(line.expected),
                str(counts[Condition.SELLABLE]),
                damaged,
                line.reason,
                line.customer_comment,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    self._picture(item, line.sku)
                if column in (2, 3, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        if 0 <= selected < len(session.lines):
            self.table.selectRow(selected)
        codes = session.undeclared
        self.undeclared.setText(
            tr("Not on this return: {codes}").format(codes=", ".join(codes)) if codes else ""
        )

    def _picture(self, item: QTableWidgetItem, sku: str | None) -> None:
        url = self._images.get(sku_key(sku)) if sku else None
        if self._thumbnails is None or url is None:
            return
        image = self._thumbnails.image(url) or self._thumbnails.placeholder
        item.setIcon(QIcon(QPixmap.fromImage(image)))

    def _image_loaded(self, url: str, image: QImage) -> None:
        session = self._session
        if session is None or url not in self._images.values():
            return
        for row, line in enumerate(session.lines):
            item = self.table.item(row, 0)
            if item is not None and line.sku and self._images.get(sku_key(line.sku)) == url:
                item.setIcon(QIcon(QPixmap.fromImage(image)))

    def scanned_row(self, row: int) -> None:
        item = self.table.item(row, 0) if 0 <= row < self.table.rowCount() else None
        if item is not None:
            self.table.selectRow(row)
            self.table.scrollToItem(item)

    def _change(self, delta: int) -> None:
        row, session = self.table.currentRow(), self._session
        if session is not None and 0 <= row < len(session.lines):
            self.count_requested.emit(row, session.received(row) + delta)
