"""F1: the keys and the command barcodes, in aligned columns, readable and scrollable."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from packstation.ui.words.i18n import tr


class HelpDialog(QDialog):
    def __init__(self, html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(tr("Shortcuts and commands"))
        self.resize(920, 640)
        layout = QVBoxLayout(self)
        self.text = QTextBrowser(self)
        self.text.setObjectName("helpText")
        self.text.setAccessibleName(tr("Shortcuts and commands"))
        self.text.setHtml(html)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.text.setFocus()
