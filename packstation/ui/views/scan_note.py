"""A line on a dialog saying what became of a scan made while it was open.

A scan while a dialog is up is never typed into one of its fields. A dialog that takes
scans on purpose (a search) says what it did with it; any other says, on itself, that
the scan was not taken, with the error sound the bench plays: the person at the bench
looks at the dialog, not at the banner behind it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from packstation.ui.words.i18n import tr


class ScanNote(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanNote")
        self.setWordWrap(True)
        self.setVisible(False)

    def refused(self, code: str) -> None:
        self.say(
            "✖ "
            + tr("Scan {code} not taken: close this window first (Esc), then scan again.").format(
                code=code[:40]
            ),
            error=True,
        )

    def say(self, text: str, *, error: bool = False) -> None:
        self.setProperty("error", "true" if error else "false")
        self.style().unpolish(self)
        self.style().polish(self)
        self.setText(text)
        self.setVisible(bool(text))
