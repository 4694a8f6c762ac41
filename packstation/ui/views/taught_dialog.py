"""Taught barcodes: every barcode a person taught at this station, who and when, and forgetting one.

A taught barcode packs its SKU on every later scan, so a lead must be able to see them
all and take a wrong one back. Forgetting one is a lead's action, as teaching is
(``bench/identity.py``): a packer who is not a lead is asked, on this view, for a lead's
badge, and the lead is recorded in the station's journal. The search field takes a scan
on purpose: scanning a barcode while this view is open finds it.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from packstation.store.catalog import TaughtCode
from packstation.ui.station.port import StationPort
from packstation.ui.station.sounds import Sound
from packstation.ui.views.alive import while_open
from packstation.ui.views.lead_badge import LeadBadge, Leads
from packstation.ui.views.scan_note import ScanNote
from packstation.ui.words import bench as words
from packstation.ui.words.i18n import tr


class TaughtDialog(QDialog):
    def __init__(self, port: StationPort, identity: Leads, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.port = port
        self.identity = identity
        self.codes: list[TaughtCode] = []
        self.setWindowTitle(tr("Taught barcodes"))
        self.resize(900, 520)
        layout = QVBoxLayout(self)
        self.search = QLineEdit(self)
        self.search.setObjectName("taughtSearch")
        self.search.setPlaceholderText(tr("Search by barcode, SKU or person (a scan finds it)"))
        self.search.textChanged.connect(self._show)
        layout.addWidget(self.search)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("taughtTable")
        self.table.setHorizontalHeaderLabels(
            [tr("Barcode"), tr("Packs SKU"), tr("Taught by"), tr("When")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._enable)
        layout.addWidget(self.table, 1)
        self.count = QLabel(self)
        layout.addWidget(self.count)
        self.note = ScanNote(self)
        layout.addWidget(self.note)
        self.badge = LeadBadge(self.note, lambda: port.play(Sound.ERROR))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.forget_button = buttons.addButton(
            tr("Forget this barcode…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.forget_button.setObjectName("forgetTaught")
        # The Enter that ends a badge scan must never press it (it would ask again).
        self.forget_button.setAutoDefault(False)
        self.forget_button.clicked.connect(self._ask_forget)
        self._confirm_box = QMessageBox(
            QMessageBox.Icon.Warning,
            tr("Forget this barcode?"),
            "",
            QMessageBox.StandardButton.Cancel,
            self,
        )
        self._forget_choice = self._confirm_box.addButton(
            tr("Forget it"), QMessageBox.ButtonRole.DestructiveRole
        )
        self._confirm_box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self._confirm_box.buttonClicked.connect(self._confirmed)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.port.catalog.taught(
            while_open(self, self._loaded),
            while_open(self, lambda exc: self.note.say(str(exc), error=True)),
        )

    def _loaded(self, codes: list[TaughtCode]) -> None:
        self.codes = codes
        self._show()

    def _visible(self) -> list[TaughtCode]:
        wanted = self.search.text().strip().casefold()
        return [
            c
            for c in self.codes
            if not wanted
            or wanted in c.barcode.casefold()
            or wanted in c.sku.casefold()
            or wanted in c.taught_by.casefold()
        ]

    def _show(self) -> None:
        shown = self._visible()
        self.table.setRowCount(len(shown))
        for row, code in enumerate(shown):
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(code.taught_at))
            for column, value in enumerate(
                (code.barcode, code.sku, code.taught_by or tr("(unknown)"), when)
            ):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, code.barcode)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        self.count.setText(tr("%n taught barcode(s)", None, len(shown)))
        if shown:
            self.table.selectRow(0)
        self._enable()

    def _selected(self) -> str | None:
        row = self.table.currentRow()
        cell = self.table.item(row, 0) if row >= 0 else None
        return str(cell.data(Qt.ItemDataRole.UserRole)) if cell is not None else None

    def _enable(self) -> None:
        self.forget_button.setEnabled(self._selected() is not None)

    def take_scan(self, code: str) -> bool:
        """A scan while this view is open finds that barcode (said on the view); while a
        forget waits for a lead, it is the lead's badge."""
        if not self.badge.scanned(code):
            self.search.setText(code.strip())
            self.note.say(tr("Searching for the scanned barcode {code}.").format(code=code[:40]))
        return True

    def show_scan_refused(self, code: str) -> None:
        self.note.refused(code)

    def _ask_forget(self) -> None:
        barcode = self._selected()
        if barcode is None:
            return
        # One box for the view's life, opened (never exec'd). A box deleted on close
        # crashed PySide6 in tests when its deferred deletion ran after the test returned;
        # a box that is kept is never deleted under anyone.
        box = self._confirm_box
        box.setText(tr("{code} will no longer pack anything at this station.").format(code=barcode))
        box.setProperty("barcode", barcode)
        box.open()

    def _confirmed(self, button: QAbstractButton) -> None:
        # Back to this view for the badge that may come next (without a window manager
        # nothing else gives it back the keyboard).
        self.activateWindow()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if button is self._forget_choice:
            self._as_lead(str(self._confirm_box.property("barcode")))

    def _as_lead(self, barcode: str) -> None:
        """Forget as the packer if they are a lead; otherwise wait for a lead's badge."""
        self.badge.ask(
            self.identity,
            words.forgetting_action(),
            lambda who: self._forget(barcode, who),
            words.badge_for_forgetting(),
        )

    def reject(self) -> None:
        """Esc or PS-CANCEL while a lead's badge is awaited gives up the forget, not the
        view; otherwise they close it."""
        if not self.badge.give_up(tr("Nothing was forgotten.")):
            super().reject()

    def _forget(self, barcode: str, who: str) -> None:
        def forgotten(found: bool) -> None:
            self.note.say(
                tr("{code} is forgotten (by {who}).").format(code=barcode, who=who)
                if found
                else tr("{code} was not a taught barcode.").format(code=barcode)
            )
            self.reload()

        self.port.catalog.forget(
            barcode,
            who,
            while_open(self, forgotten),
            while_open(self, lambda exc: self.note.say(str(exc), error=True)),
        )
