"""Small keyboard-first questions: which carrier a label is, which line a new barcode is."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from packstation.packing.session import LineState
from packstation.packing.tracking import TrackingGuess


def tr(text: str) -> str:
    return QCoreApplication.translate("Pickers", text)


class ChoiceDialog(QDialog):
    """A numbered list: press 1-9 or Enter (the highlighted one); Esc cancels."""

    def __init__(
        self, title: str, prompt: str, options: Sequence[str], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        label = QLabel(prompt, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.list = QListWidget(self)
        self.list.setObjectName("choiceList")
        for number, option in enumerate(options, start=1):
            self.list.addItem(f"{number}   {option}" if number <= 9 else option)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _: self.accept())
        layout.addWidget(self.list)
        ok = QPushButton(tr("Choose (Enter)"), self)
        ok.setDefault(True)
        ok.clicked.connect(self.accept)
        layout.addWidget(ok)
        self.choice = -1

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit() and 1 <= int(text) <= min(9, self.list.count()):
            self.list.setCurrentRow(int(text) - 1)
            self.accept()
            return
        super().keyPressEvent(event)

    def accept(self) -> None:
        self.choice = self.list.currentRow()
        super().accept()

    def choose_first(self) -> None:
        self.list.setCurrentRow(0)
        self.accept()


def carrier_dialog(code: str, guesses: Sequence[TrackingGuess], parent: QWidget) -> ChoiceDialog:
    return ChoiceDialog(
        tr("Which carrier?"),
        tr(
            "The label {code} fits more than one carrier. Press its number (or scan PS-CONFIRM "
            "for the first, PS-CANCEL to stop)."
        ).format(code=code),
        [g.carrier for g in guesses],
        parent,
    )


def teach_dialog(code: str, lines: Sequence[LineState], parent: QWidget) -> ChoiceDialog:
    dialog = ChoiceDialog(
        tr("Teach a barcode"),
        tr("Which line is {code}? It will be remembered on this station.").format(code=code),
        [f"{line.item.title}  ({line.item.sku or tr('no SKU')})" for line in lines],
        parent,
    )
    dialog.list.setFocus(Qt.FocusReason.OtherFocusReason)
    return dialog
