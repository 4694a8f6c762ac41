"""An "advanced" fold for a tracking event's optional facts: delivery date, time, place.

Used twice: the dummy tracker's initial event in the shipping form, and a test status
update in the shipments panel. Folded by default: most tests need only a status.

Both live in the bench's narrow right-hand column, so nothing here asks for more width than
it must: the fold's title wraps (a tool button's text cannot, and "Avanzado: fecha de
entrega, hora, lugar" in high visibility is wider than the column), and each field is under
its label, full width: "AAAA-MM-DD HH:MM (vacío: ahora)" takes the column's width alone.
(``WrapLongRows`` would mix the two and, deciding without the spacing between label and
field, leave a field a few pixels short of its placeholder.)
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionFrame,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from packstation.packing.details import TrackingDetails
from packstation.ui.words.i18n import tr

#: QLineEdit's own space either side of its text (``horizontalMargin`` in qlineedit.cpp),
#: and its cursor's width.
_EDIT_MARGIN, _CURSOR = 2, 1


class WholeField(QLineEdit):
    """A line edit never narrower than what it must show whole: its placeholder and any of
    ``samples`` (a 22-digit tracking number). Measured in the font the field has when its
    layout asks, which is the style sheet's (larger in high visibility), not in pixels
    fixed when it is made; a form that wraps long rows then puts it under its label."""

    def __init__(self, parent: QWidget | None = None, samples: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self._samples = tuple(samples)

    def width_for(self, text: str) -> int:
        """The width this field needs to show ``text`` whole."""
        metrics = self.fontMetrics()
        typed, frame = self.textMargins(), self.contentsMargins()
        inner = metrics.horizontalAdvance(text) + 2 * _EDIT_MARGIN + _CURSOR
        inner += typed.left() + typed.right() + frame.left() + frame.right()
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        # Measured with the focus frame, the thickest (5 px in high visibility): the layout
        # does not ask again when the focus comes.
        option.state |= QStyle.StateFlag.State_HasFocus
        size = QSize(inner, metrics.height())
        style = self.style()
        return style.sizeFromContents(QStyle.ContentsType.CT_LineEdit, option, size, self).width()

    def _whole(self, hint: QSize) -> QSize:
        texts = (*self._samples, self.placeholderText())
        return QSize(max(hint.width(), *(self.width_for(t) for t in texts)), hint.height())

    def minimumSizeHint(self) -> QSize:
        return self._whole(super().minimumSizeHint())

    def sizeHint(self) -> QSize:
        return self._whole(super().sizeHint())


class _Caption(QLabel):
    """The fold's title: a label, so that it wraps; a click on it works the fold's arrow."""

    clicked = Signal()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class TrackingDetailsFold(QWidget):
    """An arrow and a title that show or hide six optional fields; ``edited`` on any change."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trackingDetails")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = tr("Advanced: delivery date, time, place")
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("trackingDetailsToggle")
        self.toggle.setAccessibleName(title)
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.toggle.toggled.connect(self._unfold)
        self.caption = _Caption(title, self)
        self.caption.setObjectName("trackingDetailsCaption")
        self.caption.setWordWrap(True)
        self.caption.setCursor(Qt.CursorShape.PointingHandCursor)
        self.caption.clicked.connect(self.toggle.click)
        header = QHBoxLayout()
        header.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.caption, 1)
        layout.addLayout(header)
        self.body = QWidget(self)
        form = QFormLayout(self.body)
        # Not indented: under the dummy tracker's own indent its widest field already takes
        # the column's width.
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)

        def field(placeholder: str) -> QLineEdit:
            edit = WholeField(self.body)
            edit.setPlaceholderText(placeholder)
            edit.textChanged.connect(self.edited)
            return edit

        self.estimated_delivery = field(tr("YYYY-MM-DD"))
        self.event_time = field(tr("YYYY-MM-DD HH:MM (empty: now)"))
        self.city = field(tr("city"))
        self.state = field(tr("state or province"))
        self.country = field(tr("country (US)"))
        self.postal_code = field(tr("postal code"))
        form.addRow(tr("Estimated delivery"), self.estimated_delivery)
        form.addRow(tr("Event time"), self.event_time)
        form.addRow(tr("City"), self.city)
        form.addRow(tr("State", "part of an address"), self.state)
        form.addRow(tr("Country"), self.country)
        form.addRow(tr("Postal code"), self.postal_code)
        self.body.setVisible(False)
        layout.addWidget(self.body)

    def _unfold(self, open_: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        self.body.setVisible(open_)

    def details(self) -> TrackingDetails:
        return TrackingDetails(
            estimated_delivery=self.estimated_delivery.text().strip(),
            event_time=self.event_time.text().strip(),
            city=self.city.text().strip(),
            state=self.state.text().strip(),
            country=self.country.text().strip(),
            postal_code=self.postal_code.text().strip(),
        )

    def set_details(self, details: TrackingDetails) -> None:
        """Put values back (unfolded when there are any, so nothing sent is hidden)."""
        self.estimated_delivery.setText(details.estimated_delivery)
        self.event_time.setText(details.event_time)
        self.city.setText(details.city)
        self.state.setText(details.state)
        self.country.setText(details.country)
        self.postal_code.setText(details.postal_code)
        if not details.empty:
            self.toggle.setChecked(True)
