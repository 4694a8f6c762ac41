"""The order's shipments, and posting test status updates to dummy-tracked ones."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from packstation.packing.details import status_update_request
from packstation.redo.models import Fulfillment, Order, StatusUpdate, UpdateFulfillmentStatusRequest
from packstation.ui.views.tracking_details import TrackingDetailsFold
from packstation.ui.words.feedback import items
from packstation.ui.words.i18n import tr
from packstation.ui.words.problems import status_text


def shipment_text(number: int, fulfillment: Fulfillment) -> str:
    """What a packer reads of a shipment: which one, its items and status, its tracking and
    when it shipped. Redo's fulfillment ID means nothing at the bench (it is the tooltip).

    Counted over the order's shipments, not "Box n": the boxes panel numbers this bench's
    boxes, and an order shipped in part before would show two different box 1s."""
    f = fulfillment
    units = sum(item.quantity for item in f.line_items)
    tracking = " ".join(p for p in (f.tracking_company, f.tracking_number) if p)
    shipped = QDateTime.fromSecsSinceEpoch(int(f.created_at.timestamp()))
    when = QLocale().toString(shipped, QLocale.FormatType.ShortFormat)
    return "\n".join(
        (
            " · ".join(
                (tr("Shipment {n}").format(n=number), items(units), status_text(f.status.value))
            ),
            tracking or tr("no tracking"),
            tr("shipped {date}").format(date=when),
        )
    )


def is_dummy(fulfillment: Fulfillment) -> bool:
    """Dummy trackers are the only ones a bench should post test statuses to."""
    company = (fulfillment.tracking_company or "").lower()
    number = (fulfillment.tracking_number or "").upper()
    return "dummy" in company or number.startswith("DUMMY")


class ShipmentsPanel(QWidget):
    #: (fulfillment ID, status or event, message)
    status_requested = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        title = QLabel(tr("Shipments of this order"), self)
        title.setObjectName("panelTitle")
        layout.addWidget(title)
        self.list = QListWidget(self)
        self.list.setObjectName("shipmentsList")
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # A long tracking number wraps onto another line rather than ending in "…".
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(self._selected)
        layout.addWidget(self.list, 1)
        self.empty = QLabel(tr("None yet."), self)
        self.empty.setObjectName("orderSubHeader")
        layout.addWidget(self.empty)

        self.post_box = QWidget(self)
        post = QVBoxLayout(self.post_box)
        post.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(tr("Test a Redo automation (dummy tracking only):"), self.post_box)
        hint.setObjectName("orderSubHeader")
        hint.setWordWrap(True)
        post.addWidget(hint)
        row = QHBoxLayout()
        self.status = QComboBox(self.post_box)
        self.status.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.status.setMinimumContentsLength(8)
        for status in StatusUpdate:
            label = status_text(status.value)
            self.status.addItem(tr("event: ") + label if status.is_event else label, status.value)
        self.message = QLineEdit(self.post_box)
        self.message.setPlaceholderText(tr("message (optional)"))
        self.post_button = QPushButton(tr("Post"), self.post_box)
        self.post_button.clicked.connect(self._post)
        row.addWidget(self.status, 1)
        row.addWidget(self.post_button)
        post.addLayout(row)
        post.addWidget(self.message)
        self.details = TrackingDetailsFold(self.post_box)
        post.addWidget(self.details)
        layout.addWidget(self.post_box)
        self.set_order(None)

    def status_request(self, status: str, message: str) -> UpdateFulfillmentStatusRequest:
        """The request for a posted status, with the fold's delivery date, time and place.

        Raises ``DetailsError`` (the field and the text) when a date or time cannot be read.
        """
        return status_update_request(status, message, self.details.details())

    def set_order(self, order: Order | None, own_dummy: Collection[str] | None = None) -> None:
        """Show ``order``'s shipments. ``own_dummy``: the fulfillment IDs this station
        created with dummy tracking (its outbox); without it, dummy trackers are guessed
        from the tracking company and number Redo reports."""
        self.list.clear()
        fulfillments = order.fulfillments if order else []
        for number, f in enumerate(sorted(fulfillments, key=lambda f: f.created_at), start=1):
            item = QListWidgetItem(shipment_text(number, f))
            item.setToolTip(tr("Redo fulfillment ID: {id}").format(id=f.id))
            item.setData(Qt.ItemDataRole.UserRole, f.id)
            dummy = f.id in own_dummy if own_dummy is not None else is_dummy(f)
            item.setData(Qt.ItemDataRole.UserRole + 1, dummy)
            self.list.addItem(item)
        self.empty.setVisible(not fulfillments)
        self.post_box.setVisible(False)

    def _selected(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        self.post_box.setVisible(bool(current and current.data(Qt.ItemDataRole.UserRole + 1)))

    def _post(self) -> None:
        current = self.list.currentItem()
        self.status_requested.emit(
            str(current.data(Qt.ItemDataRole.UserRole)),
            str(self.status.currentData()),
            self.message.text().strip(),
        )
