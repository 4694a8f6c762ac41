"""The History's Returns tab: the returns received at this station, their receipts again.

Beside the shipments (``history_dialog.py``, which owns the search, the buttons and the
note): one row per return, newest first, with the units received sellable and damaged,
those that did not arrive, the codes on none of its items, and the outcome; a held
return's reason is worded as Needs attention words it, under the table for the row
chosen. Read through the port (its query worker); a receipt is rebuilt there from what
the return's job kept, and printed on the print worker like a slip.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from packstation.store.returns_history import Outcome, ReturnRecord
from packstation.ui.printing.receipts import ReturnReceipt
from packstation.ui.station.port import StationPort
from packstation.ui.views.alive import while_open
from packstation.ui.views.attention_dialog import when
from packstation.ui.words import bench as bench_words
from packstation.ui.words import history as words
from packstation.ui.words.feedback import Feedback, Tone
from packstation.ui.words.i18n import tr
from packstation.ui.words.returns import receipt_not_printed

Say = Callable[[Feedback], None]


class ReturnsHistory(QWidget):
    """The returns matching the History's search; ``say`` tells how a reprint went."""

    COLUMNS = (
        "When",
        "Order",
        "Return ID",
        "Packer",
        "Sellable",
        "Damaged",
        "Not received",
        "Undeclared",
        "Outcome",
    )
    #: The column of the outcome (its tooltip holds the whole of it).
    OUTCOME = 8

    def __init__(self, port: StationPort, say: Say, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.port = port
        self.say = say
        self.records: list[ReturnRecord] = []
        self._asked: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setObjectName("returnsHistoryTable")
        self.table.setHorizontalHeaderLabels(
            [
                tr("When"),
                tr("Order"),
                tr("Return ID"),
                tr("Packer"),
                tr("Sellable"),
                tr("Damaged"),
                tr("Not received"),
                tr("Undeclared"),
                tr("Outcome"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.currentCellChanged.connect(lambda row, *_: self._detail(row))
        layout.addWidget(self.table, 1)
        self.detail = QLabel(self)
        self.detail.setObjectName("returnOutcome")
        self.detail.setWordWrap(True)
        self.detail.setVisible(False)
        layout.addWidget(self.detail)
        self.count = QLabel(tr("Loading…"), self)
        layout.addWidget(self.count)

    # ------------------------------------------------------------------ the list

    def load(self, query: str, limit: int) -> None:
        self._asked = query
        self.port.records.returns_history(
            query, limit, while_open(self, lambda found: self._show(query, found))
        )

    def _show(self, query: str, records: list[ReturnRecord]) -> None:
        if query != self._asked:
            return  # a later search is on its way
        chosen = self.selected()
        self.records = records
        self.table.setRowCount(len(records))
        for row, found in enumerate(records):
            job = found.job
            missing = found.not_received
            values = (
                when(job.created_at),
                job.order_name,
                job.return_id,
                job.packer or "—",
                str(found.sellable),
                str(found.damaged),
                "—" if missing is None else str(missing),
                str(found.undeclared),
                words.outcome_text(found),
            )
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(
                    words.outcome_detail(found)
                    if column == self.OUTCOME
                    else tr("return job ID") + f" {job.id}"
                )
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        self.count.setText(words.returns_counted(len(records)))
        ids = [r.job.id for r in records]
        if chosen is not None and chosen.job.id in ids:  # the same return stays chosen
            self.table.setCurrentCell(ids.index(chosen.job.id), 0)
        self._detail(self.table.currentRow())

    def selected(self) -> ReturnRecord | None:
        row = self.table.currentRow()
        return self.records[row] if 0 <= row < len(self.records) else None

    def _detail(self, row: int) -> None:
        found = self.records[row] if 0 <= row < len(self.records) else None
        text = words.outcome_detail(found) if found is not None else ""
        self.detail.setText(text)
        self.detail.setProperty(
            "error", "true" if found is not None and found.outcome is Outcome.HELD else "false"
        )
        self.detail.setVisible(bool(text))

    # ------------------------------------------------------------------ the receipt again

    def reprint(self) -> None:
        """The chosen return's receipt, printed again (as it was: bench, packer, time)."""
        found = self.selected()
        if found is None:
            self.say(words.choose_return())
            return
        order = found.job.order_name
        if not found.reprintable:
            self.say(words.receipt_not_kept(order))
            return
        if not self.port.settings.printer:
            self.say(bench_words.no_printer())
            return
        self.say(words.receipt_printing(order))

        def failed(exc: BaseException) -> None:
            self.say(Feedback(receipt_not_printed(order, exc), Tone.WARNING))

        def rebuilt(receipt: ReturnReceipt | None) -> None:
            if receipt is None:
                self.say(words.receipt_not_kept(order))
                return
            printing = self.port.print_slip(
                receipt,
                while_open(self, lambda _: self.say(words.receipt_printed(order))),
                while_open(self, failed),
            )
            if not printing:
                self.say(bench_words.no_printer())

        self.port.records.return_receipt(
            found.job.id, while_open(self, rebuilt), while_open(self, failed)
        )
