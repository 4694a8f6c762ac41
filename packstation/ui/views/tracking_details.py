"""An "advanced" fold for a tracking event's optional facts: delivery date, time, place.

Used twice: the dummy tracker's initial event in the shipping form, and a test status
update in the shipments panel. Folded by default: most tests need only a status.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QToolButton, QVBoxLayout, QWidget

from packstation.packing.details import TrackingDetails
from packstation.ui.words.i18n import tr


class TrackingDetailsFold(QWidget):
    """A tool button that shows or hides six optional fields; ``edited`` on any change."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("trackingDetailsToggle")
        self.toggle.setText(tr("Advanced: delivery date, time, place"))
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.toggle.toggled.connect(self._unfold)
        layout.addWidget(self.toggle)
        self.body = QWidget(self)
        form = QFormLayout(self.body)
        form.setContentsMargins(16, 0, 0, 0)

        def field(placeholder: str) -> QLineEdit:
            edit = QLineEdit(self.body)
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
