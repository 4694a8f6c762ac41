"""The large message line a packer reads from a metre away."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from packstation.ui.words.feedback import Tone

__all__ = ["Banner", "Tone"]


#: Icons beside the words, so colour is never the only signal.
_ICONS = {
    Tone.INFO: "",
    Tone.BUSY: "⏳  ",
    Tone.SUCCESS: "✔  ",
    Tone.WARNING: "⚠  ",
    Tone.ERROR: "✖  ",
}


class Banner(QLabel):
    """Shows one message with a tone; an error stays until acknowledged or replaced."""

    acknowledged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBanner")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setMinimumHeight(72)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.tone = Tone.INFO
        self.message = ""
        self.show_message("", Tone.INFO)

    def show_message(self, message: str, tone: Tone = Tone.INFO) -> None:
        # The style sheet picks the colours by the tone: matched again only when it
        # changes (a scan after a scan keeps the tone; re-polishing took 0.3 ms a scan).
        retone = tone != self.property("tone")
        self.tone = tone
        self.message = message
        self.setText(_ICONS[tone] + message)
        self.setAccessibleName(message)
        if retone:
            self.setProperty("tone", tone.value)
            self.setAccessibleDescription(tone.value)
            self.style().unpolish(self)
            self.style().polish(self)

    @property
    def is_error(self) -> bool:
        return self.tone == Tone.ERROR

    def acknowledge(self) -> None:
        if self.is_error:
            self.acknowledged.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.acknowledge()
        super().mousePressEvent(event)
