"""A settings form that scrolls when the screen is shorter than it is, and a wheel that
scrolls it rather than the lists and sliders the pointer happens to cross."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QFrame,
    QScrollArea,
    QWidget,
)

#: Fields whose value the mouse wheel changes.
WHEELED = (QComboBox, QAbstractSlider, QAbstractSpinBox)


class WheelScrollsForm(QObject):
    """Wheel events over a combo box, slider or spin box that does not have the focus go
    to the scroll area: scrolling a long form with the wheel must not change the printer or
    the volume the pointer passes over on its way. A field the person clicked or tabbed into
    (it has the focus) takes the wheel as usual; the wheel alone never gives it the focus.
    """

    def __init__(self, scroller: QScrollArea) -> None:
        super().__init__(scroller)
        self._scroller = scroller

    def watch(self, root: QWidget) -> None:
        """Guard every wheeled field under ``root`` (call once its fields are made)."""
        for field in root.findChildren(QWidget):
            if isinstance(field, WHEELED):
                field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
                field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(watched, WHEELED)
            and not watched.hasFocus()
        ):
            QCoreApplication.sendEvent(self._scroller.viewport(), event)
            return True
        return False


class FormScroller(QScrollArea):
    """The settings' fields, scrolling when the screen is shorter than they are.

    A scroll area asks for at most 24 lines; this one asks for all of its form (the dialog
    is then capped at the screen), and never less than the form's width, since it does not
    scroll sideways. ``wheel`` keeps the form's fields from taking its wheel events
    (``wheel.watch(body)`` once the form is built).
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
        self.wheel = WheelScrollsForm(self)

    def _bar(self) -> int:
        return self.verticalScrollBar().sizeHint().width()

    def sizeHint(self) -> QSize:
        body = self._body.sizeHint()
        return QSize(body.width() + self._bar(), body.height())

    def minimumSizeHint(self) -> QSize:
        # As wide as the form, with room for the scroll bar; a few lines tall at least.
        lines = 6 * self.fontMetrics().height()
        return QSize(self._body.minimumSizeHint().width() + self._bar(), lines)
