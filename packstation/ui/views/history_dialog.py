"""This station's shipments and received returns: searched, exported, reprinted.

Two tabs under one search: Shipments (by order or tracking number; the packing slip
again) and Returns (``history_returns.py``: by order, return ID or packer; the receipt
again). The buttons and the export act on the tab shown.

Read through the port (its query worker); the list follows the outbox by itself. The
search field takes a scan on purpose: scanning a slip or a label while the history is
open finds that order's or that label's shipments (the README says so). The export is
written off the GUI thread; a slip printed again says how it went here, where the lead
is looking, not on the bench behind this window.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from packstation.store import OutboxItem, OutboxState
from packstation.ui.station.port import StationPort
from packstation.ui.views.alive import while_open
from packstation.ui.views.attention_dialog import say_refusals_here, when
from packstation.ui.views.choosers import file_chooser
from packstation.ui.views.history_returns import ReturnsHistory
from packstation.ui.views.scan_note import ScanNote
from packstation.ui.words.feedback import Feedback, Tone
from packstation.ui.words.i18n import tr

#: Rows shown; the export takes every match.
SHOWN = 500
#: Typing in the search waits this long before asking, so a word is one query.
SEARCH_AFTER_MS = 150


def tracking_text(item: OutboxItem) -> str:
    """Carrier and number; a dummy tracker with the number Redo gave it, once known."""
    summary = item.summary
    if not summary.dummy:
        return f"{summary.carrier} {summary.tracking}"
    assigned = item.assigned_tracking
    return tr("dummy tracking {code}").format(code=assigned) if assigned else tr("dummy tracking")


class HistoryDialog(QDialog):
    """``reprint_requested(fulfillment_id)``: the lead asked for a box's packing slip again."""

    reprint_requested = Signal(str)

    COLUMNS = ("When", "Order", "Items", "Carrier and tracking", "State", "Packer")

    def __init__(self, port: StationPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.port = port
        self.items: list[OutboxItem] = []
        self.setWindowTitle(tr("History"))
        self.resize(1150, 600)
        layout = QVBoxLayout(self)
        self.search = QLineEdit(self)
        self.search.setObjectName("historySearch")
        self._search_soon = QTimer(self)
        self._search_soon.setSingleShot(True)
        self._search_soon.setInterval(SEARCH_AFTER_MS)
        self._search_soon.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _: self._search_soon.start())
        layout.addWidget(self.search)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("historyTabs")
        shipments = QWidget(self.tabs)
        shipments_layout = QVBoxLayout(shipments)
        self.table = QTableWidget(0, len(self.COLUMNS), shipments)
        self.table.setObjectName("historyTable")
        self.table.setHorizontalHeaderLabels(
            [
                tr("When"),
                tr("Order"),
                tr("Items"),
                tr("Carrier and tracking"),
                tr("State"),
                tr("Packer"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        shipments_layout.addWidget(self.table, 1)
        self.count = QLabel(tr("Loading…"), shipments)
        shipments_layout.addWidget(self.count)
        self.tabs.addTab(shipments, tr("Shipments"))
        self.returns = ReturnsHistory(port, self.show_outcome, self.tabs)
        self.tabs.addTab(self.returns, tr("Returns"))
        self.tabs.currentChanged.connect(lambda _: self._tab_shown())
        layout.addWidget(self.tabs, 1)
        self.note = ScanNote(self)
        self.note.setObjectName("exportResult")
        layout.addWidget(self.note)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        self.export_button = close.addButton(
            tr("Export CSV…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.setObjectName("exportCsv")
        self.export_button.clicked.connect(self._export_clicked)
        self.reprint_button = close.addButton(
            tr("Print the slip again"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.reprint_button.setObjectName("reprintSlip")
        self.reprint_button.clicked.connect(self._reprint_clicked)
        self.receipt_button = close.addButton(
            tr("Print the receipt again"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.receipt_button.setObjectName("reprintReceipt")
        self.receipt_button.clicked.connect(self.returns.reprint)
        layout.addWidget(close)
        port.snapshot_changed.connect(self._outbox_changed)
        port.returns_news.connect(self._outbox_changed)
        self.finished.connect(lambda _: self._forget_port())
        self._tab_shown()
        self.reload()

    def _forget_port(self) -> None:
        self.port.snapshot_changed.disconnect(self._outbox_changed)
        self.port.returns_news.disconnect(self._outbox_changed)

    @property
    def showing_returns(self) -> bool:
        return self.tabs.currentWidget() is self.returns

    def show_returns(self) -> None:
        self.tabs.setCurrentWidget(self.returns)

    def _tab_shown(self) -> None:
        """The search's hint, the buttons and the export's tooltip for the tab shown."""
        returns = self.showing_returns
        self.search.setPlaceholderText(
            tr("Search by order, return ID or packer (scanning a receipt finds its return)")
            if returns
            else tr("Search by order or tracking number (scanning a slip or a label finds it)")
        )
        self.export_button.setToolTip(
            tr("Every return matching the search, one row per item: units by condition")
            if returns
            else tr("Every shipment matching the search: SKU, quantity, lot, expiry and serial")
        )
        self.reprint_button.setVisible(not returns)
        self.receipt_button.setVisible(returns)

    # ------------------------------------------------------------------ the list

    def _outbox_changed(self, *_: object) -> None:
        if not self._search_soon.isActive():
            self._search_soon.start()

    def reload(self) -> None:
        query = self.search.text()
        self.port.records.history(
            query, SHOWN, while_open(self, lambda found: self._show(query, found))
        )
        self.returns.load(query, SHOWN)

    def _show(self, query: str, items: list[OutboxItem]) -> None:
        if query != self.search.text():
            return  # a later search is on its way
        self.items = items
        self.table.setRowCount(len(items))
        states = {
            # "Delivered" would mean the parcel reached the customer.
            OutboxState.DELIVERED: tr("sent to Redo"),
            OutboxState.PENDING: tr("pending"),
            OutboxState.ATTENTION: tr("needs attention"),
        }
        for row, item in enumerate(items):
            summary = item.summary
            values = (
                when(item.created_at),
                # Boxes of one order read as that order's, box by box.
                tr("{ref} · box {n}").format(ref=summary.order_ref, n=summary.box)
                if summary.box
                else summary.order_ref,
                tr("{n} (partial)").format(n=summary.units)
                if summary.partial
                else str(summary.units),
                tracking_text(item),
                states.get(item.state, item.state.value),
                item.packer or "—",
            )
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(tr("fulfillment ID") + f" {item.fulfillment_id}")
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        self.count.setText(tr("%n shipment(s)", None, len(items)))

    # ------------------------------------------------------------------ scans, reprint

    def take_scan(self, code: str) -> bool:
        """A scan while the history is open searches for it (said on the dialog)."""
        self.search.setText(code.strip())
        self.note.say(tr("Searching for the scanned code {code}.").format(code=code[:40]))
        return True

    def show_scan_refused(self, code: str) -> None:
        self.note.refused(code)

    def _reprint_clicked(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.items):
            self.reprint_requested.emit(self.items[row].fulfillment_id)
        else:
            self.note.say(tr("Choose a shipment first."), error=True)

    def show_outcome(self, outcome: Feedback) -> None:
        """How a reprint went, on this dialog: "printing…", then printed or why not."""
        mark = {Tone.SUCCESS: "✔ ", Tone.ERROR: "✖ ", Tone.WARNING: "✖ "}.get(outcome.tone, "")
        self.note.say(mark + outcome.text, error=outcome.tone in (Tone.ERROR, Tone.WARNING))
        if outcome.sound is not None:
            self.port.play(outcome.sound)

    # ------------------------------------------------------------------ export

    def _export_clicked(self) -> None:
        kind = "returns" if self.showing_returns else "history"
        suggested = f"packstation-{kind}-{time.strftime('%Y%m%d')}.csv"
        chooser = file_chooser(self, tr("Export history"))
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setNameFilter(tr("CSV files (*.csv)"))
        chooser.setDefaultSuffix("csv")
        chooser.selectFile(suggested)
        chooser.fileSelected.connect(self.export_csv)
        say_refusals_here(chooser, self.show_scan_refused)
        chooser.open()

    def export_csv(self, path: str) -> None:
        """Write the shipments matching the search, lots and serials included, or on the
        Returns tab the returns (one row per item), as CSV, on the port's query worker;
        the outcome is said here."""
        if not path:
            return
        self.export_button.setEnabled(False)
        self.note.say(tr("Exporting to {path}…").format(path=path))

        def written(rows: int) -> None:
            self.export_button.setEnabled(True)
            self.note.say("✔ " + tr("%n row(s) written to {path}", None, rows).format(path=path))

        def failed(exc: BaseException) -> None:
            self.export_button.setEnabled(True)
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            self.note.say("✖ " + tr("Not exported: {reason}").format(reason=reason), error=True)

        export = (
            self.port.records.export_returns
            if self.showing_returns
            else self.port.records.export_history
        )
        export(self.search.text(), Path(path), while_open(self, written), while_open(self, failed))
