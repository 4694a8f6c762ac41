"""A settings form that scrolls when the screen is shorter than it is."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class FormScroller(QScrollArea):
    """The settings' fields, scrolling when the screen is shorter than they are.

    A scroll area asks for at most 24 lines; this one asks for all of its form (the dialog
    is then capped at the screen), and never less than the form's width, since it does not
    scroll sideways.
    """

    def __init__(self, body: QWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self._body = body
        self.setWidget(body)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The dialog's own background shows through (a scroll area paints its own grey).
        self.viewport().setAutoFillBackground(False)
        body.setAutoFillBackground(False)

    def _bar(self) -> int:
        return self.verticalScrollBar().sizeHint().width()

    def sizeHint(self) -> QSize:
        body = self._body.sizeHint()
        return QSize(body.width() + self._bar(), body.height())

    def minimumSizeHint(self) -> QSize:
        # As wide as the form, with room for the scroll bar; a few lines tall at least.
        lines = 6 * self.fontMetrics().height()
        return QSize(self._body.minimumSizeHint().width() + self._bar(), lines)
