"""Needs attention (held shipments and what can be done) and the station's shipment history."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from packstation.packing.tracking import CARRIERS, recognise
from packstation.store.outbox import Outbox, OutboxItem, OutboxState
from packstation.ui import feedback
from packstation.ui.i18n import tr
from packstation.ui.messages import lower_text


def _when(at: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(at))


class AttentionDialog(QDialog):
    """Shipments Redo did not accept: retry, edit tracking and retry, or discard."""

    def __init__(
        self,
        outbox: Outbox,
        parent: QWidget | None = None,
        open_settings: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.outbox = outbox
        self._open_settings = open_settings
        self.setWindowTitle(tr("Needs attention"))
        self.resize(980, 520)
        layout = QVBoxLayout(self)
        self.list = QListWidget(self)
        self.list.setObjectName("attentionList")
        self.list.setWordWrap(True)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.retry_button = QPushButton(tr("Retry"), self)
        self.edit_button = QPushButton(tr("Edit tracking and retry…"), self)
        self.discard_button = QPushButton(tr("Discard…"), self)
        self.retry_button.clicked.connect(self.retry)
        self.edit_button.clicked.connect(self.edit)
        self.discard_button.clicked.connect(self.discard)
        self.settings_button = QPushButton(tr("Settings (new token)…"), self)
        self.settings_button.clicked.connect(self._settings)
        for button in (
            self.retry_button,
            self.edit_button,
            self.discard_button,
            self.settings_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        close = QPushButton(tr("Close"), self)
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        items = self.outbox.items(OutboxState.ATTENTION)
        for item in items:
            summary = item.summary
            tracking = (
                tr("dummy tracking") if summary.dummy else f"{summary.carrier} {summary.tracking}"
            )
            hint = (
                tr("  (check the token in Settings)") if item.error_kind == "unauthorized" else ""
            )
            units, fid = feedback.items(summary.units), tr("fulfillment ID")  # lupdate: not in f""
            entry = QListWidgetItem(
                f"{summary.order_ref} · {units} · {tracking} · {_when(item.created_at)}\n"
                f"{lower_text(item.last_error)}{hint}\n{fid} {item.fulfillment_id}"
            )
            entry.setData(Qt.ItemDataRole.UserRole, item.fulfillment_id)
            self.list.addItem(entry)
        if not items:
            self.list.addItem(tr("Nothing needs attention."))
        for button in (self.retry_button, self.edit_button, self.discard_button):
            button.setEnabled(bool(items))
        # A 401 is fixed with a new token: offer Settings right here.
        self.settings_button.setVisible(
            self._open_settings is not None and any(i.error_kind == "unauthorized" for i in items)
        )
        if items:
            self.list.setCurrentRow(0)

    def _settings(self) -> None:
        if self._open_settings is not None:
            self._open_settings()
            self.reload()

    def _current(self) -> OutboxItem | None:
        entry = self.list.currentItem()
        fid = entry.data(Qt.ItemDataRole.UserRole) if entry else None
        return self.outbox.get(str(fid)) if fid else None

    def retry(self) -> None:
        item = self._current()
        if item:
            self.outbox.retry(item.fulfillment_id)
            self.reload()

    def edit(self) -> None:
        item = self._current()
        if item is None:
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(tr("Edit tracking"))
        form = QFormLayout(dialog)
        carrier = QComboBox(dialog)
        carrier.setEditable(True)
        carrier.addItems(list(CARRIERS))
        carrier.setCurrentText(item.summary.carrier)
        code = QLineEdit(item.summary.tracking, dialog)

        def recognised(text: str) -> None:
            guess = recognise(text)
            if guess:
                carrier.setCurrentText(guess.carrier)

        code.textChanged.connect(recognised)
        form.addRow(tr("Carrier"), carrier)
        form.addRow(tr("Tracking"), code)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if dialog.exec() and carrier.currentText().strip() and code.text().strip():
            self.outbox.edit_tracking(item.fulfillment_id, carrier.currentText(), code.text())
            self.reload()

    def discard(self) -> None:
        item = self._current()
        if item is None:
            return
        answer = QMessageBox.warning(
            self,
            tr("Discard this shipment?"),
            tr(
                "Order {ref}, {n} items, will NOT be sent to Redo. Only do this if the box was "
                "unpacked or shipped another way."
            ).format(ref=item.summary.order_ref, n=item.summary.units),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Discard:
            self.outbox.discard(item.fulfillment_id)
            self.reload()


class HistoryDialog(QDialog):
    """This station's recent shipments, searchable by order or tracking number."""

    COLUMNS = ("When", "Order", "Items", "Carrier and tracking", "State", "Fulfillment ID")

    def __init__(self, outbox: Outbox, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outbox = outbox
        self.setWindowTitle(tr("Shipment history"))
        self.resize(1150, 600)
        layout = QVBoxLayout(self)
        self.search = QLineEdit(self)
        self.search.setObjectName("historySearch")
        self.search.setPlaceholderText(tr("Search by order or tracking number"))
        self.search.textChanged.connect(self.reload)
        layout.addWidget(self.search)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setObjectName("historyTable")
        self.table.setHorizontalHeaderLabels(
            [
                tr("When"),
                tr("Order"),
                tr("Items"),
                tr("Carrier and tracking"),
                tr("State"),
                tr("Fulfillment ID"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        self.count = QLabel(self)
        layout.addWidget(self.count)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        items = self.outbox.history(self.search.text())
        self.table.setRowCount(len(items))
        states = {
            # "Delivered" would mean the parcel reached the customer.
            OutboxState.DELIVERED: tr("sent to Redo"),
            OutboxState.PENDING: tr("pending"),
            OutboxState.ATTENTION: tr("needs attention"),
        }
        for row, item in enumerate(items):
            summary = item.summary
            tracking = (
                tr("dummy tracking") if summary.dummy else f"{summary.carrier} {summary.tracking}"
            )
            values = (
                _when(item.created_at),
                summary.order_ref,
                tr("{n} (partial)").format(n=summary.units)
                if summary.partial
                else str(summary.units),
                tracking,
                states.get(item.state, item.state.value),
                item.fulfillment_id,
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.count.setText(tr("{n} shipments").format(n=len(items)))
