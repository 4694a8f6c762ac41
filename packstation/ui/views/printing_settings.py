"""The Printing section of Settings: where slips go, on what page, and when."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QWidget,
)

from packstation.config import Settings
from packstation.ui.printing.print_queue import PAGE_SIZE_NAMES, PDF_PREFIX
from packstation.ui.printing.printer import system_printers
from packstation.ui.views.choosers import file_chooser
from packstation.ui.words.i18n import tr

#: The printer combo's item that asks for a folder (its data is this marker).
CHOOSE_FOLDER = "choose-folder"


class PrintingSection(QGroupBox):
    """Printer (the OS's printers by name, or a PDF folder), page size, when to print.

    The printer list is asked of the OS once, when the dialog opens (CUPS or Windows
    answers in milliseconds for local queues; nothing is printed here).
    """

    def __init__(
        self,
        settings: Settings,
        locked: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
        printers: list[str] | None = None,
    ) -> None:
        super().__init__(tr("Printing"), parent)
        form = QFormLayout(self)
        self.printer = QComboBox(self)
        self.printer.setObjectName("printerInput")
        self.printer.addItem(tr("No printer"), "")
        for name in system_printers() if printers is None else printers:
            self.printer.addItem(name, name)
        current = settings.printer
        if current.startswith(PDF_PREFIX):
            folder = current[len(PDF_PREFIX) :]
            self.printer.addItem(tr("PDF into {folder}").format(folder=folder), current)
        elif current and self.printer.findData(current) < 0:
            # Chosen before but not installed now: kept, and said.
            self.printer.addItem(tr("{name} (not installed)").format(name=current), current)
        self.printer.addItem(tr("PDF into a folder…"), CHOOSE_FOLDER)
        self.printer.setCurrentIndex(max(0, self.printer.findData(current)))
        self._last_index = self.printer.currentIndex()
        self.printer.currentIndexChanged.connect(self._remember)
        self.printer.activated.connect(self._printer_chosen)

        self.page_size = QComboBox(self)
        self.page_size.setObjectName("pageSizeInput")
        for name in PAGE_SIZE_NAMES:
            label = tr("4 × 6 in (label printer)") if name == "4x6" else name
            self.page_size.addItem(label, name)
        self.page_size.setCurrentIndex(max(0, self.page_size.findData(settings.page_size)))

        self.print_when = QComboBox(self)
        self.print_when.setObjectName("printWhenInput")
        self.print_when.addItem(tr("When each box ships"), "ship")
        self.print_when.addItem(tr("When an order is opened"), "open")
        self.print_when.addItem(tr("Only when asked (History, reprint)"), "request")
        self.print_when.setCurrentIndex(max(0, self.print_when.findData(settings.print_when)))

        self.store_name = QLineEdit(settings.store_name, self)
        self.store_name.setPlaceholderText(tr("printed on slips (default: the store ID)"))

        form.addRow(tr("Printer"), self.printer)
        form.addRow(tr("Page size"), self.page_size)
        form.addRow(tr("Print slips"), self.print_when)
        form.addRow(tr("Store name"), self.store_name)
        for name, widget in (
            ("printer", self.printer),
            ("page_size", self.page_size),
            ("print_when", self.print_when),
            ("store_name", self.store_name),
        ):
            if locked and name in locked:
                widget.setEnabled(False)
                widget.setToolTip(locked[name])

    def _remember(self, index: int) -> None:
        if self.printer.itemData(index) != CHOOSE_FOLDER:
            self._last_index = index

    def _printer_chosen(self, index: int) -> None:
        if self.printer.itemData(index) != CHOOSE_FOLDER:
            return
        # Opened, not exec'd: no nested event loop; a cancel chooses "" (keeps the old one).
        chooser = file_chooser(self, tr("Folder for packing slips"), self._current_folder())
        chooser.setFileMode(QFileDialog.FileMode.Directory)
        chooser.setOption(QFileDialog.Option.ShowDirsOnly, True)
        chooser.fileSelected.connect(self.choose_folder)
        chooser.rejected.connect(lambda: self.choose_folder(""))
        chooser.open()

    def _current_folder(self) -> str:
        """The folder slips go to now, if PDF into a folder was chosen (the chooser opens
        there), else ""."""
        value = self._data_at(self._last_index)
        return value[len(PDF_PREFIX) :] if value.startswith(PDF_PREFIX) else ""

    def _data_at(self, index: int) -> str:
        data = self.printer.itemData(index)
        return data if isinstance(data, str) else ""

    def choose_folder(self, folder: str) -> None:
        """Use ``folder`` for PDF slips ("" keeps the previous choice)."""
        if not folder:
            self.printer.setCurrentIndex(self._last_index)
            return
        value = PDF_PREFIX + folder
        index = self.printer.findData(value)
        if index < 0:
            index = self.printer.count() - 1  # before "PDF into a folder…"
            self.printer.insertItem(index, tr("PDF into {folder}").format(folder=folder), value)
        self.printer.setCurrentIndex(index)
        self._last_index = index

    def values(self) -> dict[str, Any]:
        """The settings this section sets, for ``Settings.with_``."""
        printer = self.printer.currentData()
        return {
            "printer": "" if printer in (None, CHOOSE_FOLDER) else str(printer),
            "page_size": str(self.page_size.currentData()),
            "print_when": str(self.print_when.currentData()),
            "store_name": self.store_name.text().strip()[:100],
        }
