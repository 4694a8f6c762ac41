"""Needs attention (held shipments and what can be done) and the station's shipment history."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
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
from packstation.store.export import export_history_csv
from packstation.store.outbox import Outbox, OutboxItem, OutboxState
from packstation.ui.words.feedback import items
from packstation.ui.words.i18n import tr
from packstation.ui.words.messages import lower_text


def _when(at: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(at))


def _when_exact(at: float) -> str:
    """A next attempt: the time of day, with the date only when it is not today."""
    if time.strftime("%Y-%m-%d", time.localtime(at)) == time.strftime("%Y-%m-%d"):
        return time.strftime("%H:%M:%S", time.localtime(at))
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(at))


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
        self.list.currentItemChanged.connect(lambda *_: self._enable())
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.retry_button = QPushButton(tr("Retry now"), self)
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
        """Held shipments first (a lead must act), then those waiting for their next try."""
        self.list.clear()
        held = self.outbox.items(OutboxState.ATTENTION)
        waiting = self.outbox.items(OutboxState.PENDING)
        for item in held:
            hint = (
                tr("  (check the token in Settings)") if item.error_kind == "unauthorized" else ""
            )
            self._add(item, f"{lower_text(item.last_error)}{hint}")
        for item in waiting:
            state = tr("Waiting to be sent: next try at {when}").format(
                when=_when_exact(item.next_attempt_at)
            )
            if item.last_error:
                state += " · " + lower_text(item.last_error)
            self._add(item, state)
        if not held and not waiting:
            self.list.addItem(tr("Nothing needs attention, and nothing is waiting to be sent."))
        # A 401 is fixed with a new token: offer Settings right here.
        self.settings_button.setVisible(
            self._open_settings is not None and any(i.error_kind == "unauthorized" for i in held)
        )
        if held or waiting:
            self.list.setCurrentRow(0)
        self._enable()

    def _add(self, item: OutboxItem, state: str) -> None:
        summary = item.summary
        tracking = (
            tr("dummy tracking") if summary.dummy else f"{summary.carrier} {summary.tracking}"
        )
        units, fid = items(summary.units), tr("fulfillment ID")  # lupdate: not in an f-string
        entry = QListWidgetItem(
            f"{summary.order_ref} · {units} · {tracking} · "
            f"{_when(item.created_at)}\n{state}\n{fid} {item.fulfillment_id}"
        )
        entry.setData(Qt.ItemDataRole.UserRole, item.fulfillment_id)
        self.list.addItem(entry)

    def _enable(self) -> None:
        item = self._current()
        held = item is not None and item.state is OutboxState.ATTENTION
        self.retry_button.setEnabled(item is not None and not item.unreadable)
        self.edit_button.setEnabled(held and not item.unreadable if item else False)
        self.discard_button.setEnabled(held)

    def _settings(self) -> None:
        if self._open_settings is not None:
            self._open_settings()
            self.reload()

    def _current(self) -> OutboxItem | None:
        entry = self.list.currentItem()
        fid = entry.data(Qt.ItemDataRole.UserRole) if entry else None
        return self.outbox.get(str(fid)) if fid else None

    def retry(self) -> None:
        """Held: send it again. Waiting: do not wait for the next try."""
        item = self._current()
        if item is None:
            return
        if item.state is OutboxState.PENDING:
            self.outbox.retry_now(item.fulfillment_id)
        else:
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
    """This station's recent shipments, searchable by order or tracking number.

    ``reprint_requested(fulfillment_id)``: the lead asked for a box's packing slip again.
    """

    reprint_requested = Signal(str)

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
        self.export_result = QLabel(self)
        self.export_result.setObjectName("exportResult")
        self.export_result.setWordWrap(True)
        layout.addWidget(self.export_result)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        self.export_button = close.addButton(
            tr("Export CSV…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.setObjectName("exportCsv")
        self.export_button.setToolTip(
            tr("Every shipment matching the search: SKU, quantity, lot, expiry and serial")
        )
        self.export_button.clicked.connect(self._export_clicked)
        self.reprint_button = close.addButton(
            tr("Print the slip again"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.reprint_button.setObjectName("reprintSlip")
        self.reprint_button.clicked.connect(self._reprint_clicked)
        layout.addWidget(close)
        self.reload()

    def _reprint_clicked(self) -> None:
        row = self.table.currentRow()
        cell = self.table.item(row, 5) if row >= 0 else None
        if cell is not None:
            self.reprint_requested.emit(cell.text())

    def _export_clicked(self) -> None:
        self.export_csv()

    def export_csv(self, path: str | None = None) -> None:
        """Write the shipments matching the search, lots and serials included, as CSV."""
        if path is None:
            suggested = f"packstation-history-{time.strftime('%Y%m%d')}.csv"
            path, _ = QFileDialog.getSaveFileName(
                self, tr("Export history"), suggested, tr("CSV files (*.csv)")
            )
        if not path:
            return
        items = self.outbox.history(self.search.text(), limit=1_000_000)
        try:
            rows = export_history_csv(
                items, Path(path), box_of=lambda item: str(item.summary.box or "")
            )
        except OSError as exc:
            self.export_result.setText(
                "✖ " + tr("Not exported: {reason}").format(reason=exc.strerror or exc)
            )
            return
        self.export_result.setText(
            "✔ " + tr("%n row(s) written to {path}", None, rows).format(path=path)
        )

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
                # Boxes of one order read as that order's, box by box.
                tr("{ref} · box {n}").format(ref=summary.order_ref, n=summary.box)
                if summary.box
                else summary.order_ref,
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
