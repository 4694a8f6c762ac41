"""The bench's two pages: waiting for a slip, and the order on the bench.

Built like ``ShippingForm``: each page makes its own widgets and offers a few methods
to show state; the window connects them to the controller.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from packstation.packing import PackingSession
from packstation.store import OutboxItem, OutboxState
from packstation.ui.feedback import items
from packstation.ui.i18n import tr
from packstation.ui.lines_model import Column, LinesModel
from packstation.ui.shipments_panel import ShipmentsPanel
from packstation.ui.shipping_form import ShippingForm
from packstation.ui.thumbnails import ThumbnailLoader


class IdlePage(QWidget):
    """ "Scan a packing slip", and what this bench shipped last."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.prompt = QLabel(tr("Scan a packing slip"), self)
        self.prompt.setObjectName("idlePrompt")
        hint = QLabel(
            tr("or type an order number (#1001, the order ID or the Redo ID) and press Enter"),
            self,
        )
        hint.setObjectName("idleHint")
        self.recent = QLabel(self)
        self.recent.setObjectName("idleHint")
        self.recent.setTextFormat(Qt.TextFormat.PlainText)
        for label in (self.prompt, hint, self.recent):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
        layout.addWidget(self.prompt)
        layout.addWidget(hint)
        layout.addSpacing(24)
        layout.addWidget(self.recent)
        layout.addStretch(2)

    def show_recent(self, recent: list[OutboxItem]) -> None:
        if not recent:
            self.recent.setText("")
            return
        states = {
            OutboxState.DELIVERED: tr("sent to Redo"),
            OutboxState.PENDING: tr("sending…"),
            OutboxState.ATTENTION: tr("NEEDS ATTENTION"),
        }
        lines = [tr("Recent shipments from this bench:")]
        for item in recent:
            when = time.strftime("%H:%M", time.localtime(item.created_at))
            state = states.get(item.state, item.state.value)
            lines.append(f"{when}  {item.order_ref}  ·  {items(item.summary.units)}  ·  {state}")
        self.recent.setText("\n".join(lines))


class OrderPage(QWidget):
    """The order's header, its lines, + / −, progress, the shipping form and shipments.

    ``change_requested(delta)``: + or − pressed for the selected line (one key press, or
    the buttons); the controller decides.
    """

    change_requested = Signal(int)

    def __init__(self, thumbnails: ThumbnailLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = QLabel(self)
        self.header.setObjectName("orderHeader")
        self.header.setWordWrap(True)
        self.sub = QLabel(self)
        self.sub.setObjectName("orderSubHeader")
        self.sub.setWordWrap(True)
        layout.addWidget(self.header)
        layout.addWidget(self.sub)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_lines(splitter, thumbnails))
        # The shipping side scrolls rather than squeezes: at 1366x768 with dummy tracking's
        # fields open, nothing is clipped, the ship button least of all.
        scroller = QScrollArea(splitter)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setMinimumWidth(440)
        right = QWidget(scroller)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 4, 0)
        self.shipping = ShippingForm(right)
        right_layout.addWidget(self.shipping)
        self.shipments = ShipmentsPanel(right)
        right_layout.addWidget(self.shipments, 1)
        scroller.setWidget(right)
        splitter.addWidget(scroller)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

    def _build_lines(self, parent: QWidget, thumbnails: ThumbnailLoader) -> QWidget:
        left = QWidget(parent)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        self.model = LinesModel(thumbnails, parent=self)
        self.table = QTableView(left)
        self.table.setObjectName("lineItemsTable")
        self.table.setAccessibleName(tr("Order lines"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        # Three lines of the item's title: a gift note is read on its row, not in a tooltip.
        self.table.verticalHeader().setDefaultSectionSize(88)
        self.table.setIconSize(QSize(64, 64))
        header = self.table.horizontalHeader()
        # Fixed and stretched columns: nothing is measured over every row on every scan.
        widths = {
            Column.IMAGE: 76,
            Column.SKU: 200,
            Column.PACKED: 165,
            Column.ORDERED: 96,
            Column.SHIPPED: 96,
        }
        for col, width in widths.items():
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
        header.setSectionResizeMode(Column.IMAGE, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(Column.ITEM, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _: self.change_requested.emit(+1))
        self.table.installEventFilter(self)
        column.addWidget(self.table, 1)

        row = QHBoxLayout()
        hint = QLabel(tr("Select a line, then + / − (for items without a barcode)"), left)
        hint.setObjectName("orderSubHeader")
        hint.setWordWrap(True)
        self.minus_button = QPushButton(tr("− One less"), left)
        self.plus_button = QPushButton(tr("+ One more"), left)
        self.minus_button.clicked.connect(lambda: self.change_requested.emit(-1))
        self.plus_button.clicked.connect(lambda: self.change_requested.emit(+1))
        for button in (self.minus_button, self.plus_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row.addWidget(hint, 1)
        row.addWidget(self.minus_button)
        row.addWidget(self.plus_button)
        column.addLayout(row)
        self.progress = QProgressBar(left)
        self.progress.setAccessibleName(tr("Packed so far"))
        column.addWidget(self.progress)
        return left

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # + and − reach the table only as a single deliberate key press: the scanner filter
        # sends anything typed at human speed to the code field, and a held key's repeats
        # are not more presses.
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            delta = {"+": 1, "=": 1, "-": -1, "_": -1, "−": -1}.get(event.text(), 0)
            if delta:
                if not event.isAutoRepeat():
                    self.change_requested.emit(delta)
                return True
        return super().eventFilter(watched, event)

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def show_order(self, ref: str, session: PackingSession | None) -> None:
        self.model.set_session(session)
        self.shipments.set_order(session.order if session else None)
        if session is None:
            return
        order = session.order
        customer = order.customer.display_name if order.customer else ""
        address = order.shipping.address if order.shipping and order.shipping.address else None
        place = ", ".join(p for p in ((address.city, address.country) if address else ()) if p)
        self.header.setText(
            "  ·  ".join(p for p in (tr("Order {ref}").format(ref=ref), customer, place) if p)
        )
        method = order.shipping.method if order.shipping and order.shipping.method else ""
        created = order.created_at.astimezone().strftime("%d %b %Y %H:%M")
        bits = [
            tr("placed {date}").format(date=created),
            tr("order ID {id}").format(id=order.order_id),
        ]
        if method:
            bits.insert(0, method)
        self.sub.setText("  ·  ".join(bits))
        self.refresh_progress(session)

    def refresh_progress(self, session: PackingSession | None) -> None:
        if session is None:
            return
        self.progress.setMaximum(max(1, session.total_remaining))
        self.progress.setValue(session.total_packed)
        self.progress.setFormat(
            tr("{packed} of {items} packed").format(
                packed=session.total_packed, items=items(session.total_remaining)
            )
        )

    def packed_row(self, row: int) -> None:
        self.model.flash(row)
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
