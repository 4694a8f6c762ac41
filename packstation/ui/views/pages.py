"""The bench's two pages: waiting for a slip, and the order on the bench.

Built like ``ShippingForm``: each page makes its own widgets and offers a few methods
to show state; the window connects them to the controller.
"""

from __future__ import annotations

import html
import time

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from packstation.packing import PackingSession
from packstation.redo.models import Order
from packstation.store import OutboxItem, OutboxState
from packstation.ui.station.thumbnails import ThumbnailLoader
from packstation.ui.views.boxes_panel import BoxesPanel
from packstation.ui.views.lines_model import LinesModel
from packstation.ui.views.lines_table import LinesTable
from packstation.ui.views.shipments_panel import ShipmentsPanel
from packstation.ui.views.shipping_form import ShippingForm
from packstation.ui.words.feedback import items
from packstation.ui.words.i18n import tr


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
            ref = (
                tr("{ref} · box {n}").format(ref=item.order_ref, n=item.summary.box)
                if item.summary.box
                else item.order_ref
            )
            lines.append(f"{when}  {ref}  ·  {items(item.summary.units)}  ·  {state}")
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
        self.address = QLabel(self)
        self.address.setObjectName("orderAddress")
        self.address.setWordWrap(True)
        self.address.setTextFormat(Qt.TextFormat.PlainText)
        self.address.setAccessibleName(tr("Ship to"))
        self.sub = QLabel(self)
        self.sub.setObjectName("orderSubHeader")
        self.sub.setWordWrap(True)
        self.tags = QLabel(self)
        self.tags.setObjectName("orderTags")
        self.tags.setTextFormat(Qt.TextFormat.RichText)
        self.tags.setAccessibleName(tr("Order tags"))
        layout.addWidget(self.header)
        layout.addWidget(self.address)
        facts = QHBoxLayout()
        facts.addWidget(self.sub, 1)
        facts.addWidget(self.tags)
        layout.addLayout(facts)

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
        scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its fields, not to it
        right = QWidget(scroller)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 4, 0)
        self.shipping = ShippingForm(right)
        right_layout.addWidget(self.shipping)
        self.boxes = BoxesPanel(right)
        right_layout.addWidget(self.boxes)
        self.shipments = ShipmentsPanel(right)
        right_layout.addWidget(self.shipments, 1)
        scroller.setWidget(right)
        # The window's background shows through (a scroll area paints its own grey).
        scroller.viewport().setAutoFillBackground(False)
        right.setAutoFillBackground(False)
        splitter.addWidget(scroller)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

    def _build_lines(self, parent: QWidget, thumbnails: ThumbnailLoader) -> QWidget:
        left = QWidget(parent)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        self.model = LinesModel(thumbnails, parent=self)
        self.table = LinesTable(self.model, left)
        self.table.setObjectName("lineItemsTable")
        self.table.setAccessibleName(tr("Order lines"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        # Three lines of the item's title: a gift note is read on its row, not in a tooltip.
        self.table.verticalHeader().setDefaultSectionSize(88)
        self.table.setIconSize(QSize(64, 64))
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
        # are not more presses. The class test first: it builds no enum member, and the
        # table's every event (each repaint's) passes here.
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            delta = {"+": 1, "=": 1, "-": -1, "_": -1, "−": -1}.get(event.text(), 0)
            if delta:
                if not event.isAutoRepeat():
                    self.change_requested.emit(delta)
                return True
        return super().eventFilter(watched, event)

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def show_order(
        self, ref: str, session: PackingSession | None, own_dummy: set[str] | None = None
    ) -> None:
        self.model.set_session(session)
        self.shipments.set_order(session.order if session else None, own_dummy)
        if session is None:
            return
        order = session.order
        customer = order.customer.display_name if order.customer else ""
        self.header.setText(
            "  ·  ".join(p for p in (tr("Order {ref}").format(ref=ref), customer) if p)
        )
        self.address.setText(ship_to(order))
        method = order.shipping.method if order.shipping and order.shipping.method else ""
        created = order.created_at.astimezone().strftime("%d %b %Y %H:%M")
        bits = [
            tr("placed {date}").format(date=created),
            tr("order ID {id}").format(id=order.order_id),
        ]
        if method:
            bits.insert(0, method)
        self.sub.setText("  ·  ".join(bits))
        self.tags.setText(tag_badges(order.tags or []))
        self.refresh_progress(session)

    def refresh_progress(self, session: PackingSession | None) -> None:
        if session is None:
            return
        bar = self.progress
        maximum, value = max(1, session.total_remaining), session.total_packed
        text = tr("{packed} of {items} packed").format(
            packed=value, items=items(session.total_remaining)
        )
        if (bar.maximum(), bar.value(), bar.format()) == (maximum, value, text):
            return  # a scan announces progress twice: in the box, then on disk
        # QProgressBar.setValue repaints at once, outside the event loop's paint pass: one
        # more pass (and X flush) per scan. With updates off it only marks itself dirty,
        # and turning them back on schedules one ordinary update.
        bar.setUpdatesEnabled(False)
        bar.setMaximum(maximum)
        bar.setValue(value)
        bar.setFormat(text)
        bar.setUpdatesEnabled(True)

    def scanned_row(self, row: int) -> None:
        self.model.flash(row)
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))


#: Tags that matter at the bench get a colour; any other tag is a grey badge.
TAG_COLOURS = {"gift": "#7b2cbf", "fragile": "#c62828", "priority": "#b7791f", "express": "#b7791f"}


def tag_badges(tags: list[str]) -> str:
    """The order's tags as badges (words, not colour alone, carry the meaning)."""
    badges = []
    for tag in tags:
        colour = TAG_COLOURS.get(tag.strip().lower(), "#57606a")
        badges.append(
            f"<span style='background:{colour}; color:white; font-weight:700;'>"
            f"&nbsp;{html.escape(tag.upper())}&nbsp;</span>"
        )
    return "&nbsp;&nbsp;".join(badges)


def ship_to(order: Order) -> str:
    """Name, street lines, postal code and city, province and country, on one line each."""
    address = order.shipping.address if order.shipping and order.shipping.address else None
    name = order.customer.display_name if order.customer else ""
    if address is None:
        return name
    place = " ".join(p for p in (address.postal_code, address.city) if p)
    region = ", ".join(p for p in (address.province, address.country) if p)
    lines = [name, address.address1, address.address2, place, region]
    return "  ·  ".join(line for line in lines if line)
