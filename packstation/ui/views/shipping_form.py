"""The shipping side of the bench: carrier and tracking, dummy tracking, the ship button.

It shares the bench's narrow right-hand column with the shipments panel, so it never asks
the column for more width than it has: the tracking field goes under its label when the two
do not fit side by side (German), and dummy tracking's fields are always under their labels
(``tracking_details``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from packstation.packing import PackingSession
from packstation.packing.tracking import CARRIERS, TrackingGuess
from packstation.redo.models import ShipmentStatus
from packstation.store import ShippingInputs
from packstation.ui.views.tracking_details import TrackingDetailsFold, WholeField
from packstation.ui.words.i18n import tr
from packstation.ui.words.problems import status_text

#: A USPS tracking number's digits (9400 1118 9922 3197 4284 90): the field shows one
#: whole, in whichever digit is widest in its font. Longer codes (FedEx's 34 digits)
#: scroll, their start kept in view.
TRACKING_DIGITS = 22
TRACKING_SAMPLES = tuple(digit * TRACKING_DIGITS for digit in "0123456789")


class ShippingForm(QWidget):
    """What the box ships with, and the button that ships it.

    ``edited`` is emitted when the packer changes an input (not while inputs are put
    back from the journal); ``ship_clicked`` when the button is pressed.
    """

    edited = Signal()
    ship_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._restoring = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(tr("Shipping"), self)
        title.setObjectName("panelTitle")
        layout.addWidget(title)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.carrier_input = QComboBox(self)
        self.carrier_input.setObjectName("carrierInput")
        self.carrier_input.setEditable(True)
        # Sized to the panel, not to the longest carrier name in the list.
        self.carrier_input.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.carrier_input.setMinimumContentsLength(8)
        self.carrier_input.addItems(list(CARRIERS))
        self.carrier_input.setCurrentIndex(-1)
        self.carrier_input.setCurrentText("")
        self.carrier_input.currentTextChanged.connect(self._changed)
        self.tracking_input = WholeField(self, TRACKING_SAMPLES)
        self.tracking_input.setObjectName("trackingInput")
        self.tracking_input.setPlaceholderText(tr("Scan the shipping label"))
        self.tracking_input.textChanged.connect(self._changed)
        form.addRow(tr("Carrier"), self.carrier_input)
        form.addRow(tr("Tracking"), self.tracking_input)
        layout.addLayout(form)

        self.dummy_toggle = QCheckBox(tr("Dummy tracking (testing)"), self)
        self.dummy_toggle.setObjectName("dummyTrackingToggle")
        self.dummy_toggle.toggled.connect(self._dummy_toggled)
        layout.addWidget(self.dummy_toggle)
        self.dummy_box = QWidget(self)
        self.dummy_box.setObjectName("dummyTrackingBox")
        dummy_layout = QVBoxLayout(self.dummy_box)
        dummy_layout.setContentsMargins(24, 0, 0, 0)
        dummy_form = QFormLayout()
        dummy_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # as its fold
        self.dummy_status = QComboBox(self.dummy_box)
        self.dummy_status.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.dummy_status.setMinimumContentsLength(8)
        for status in ShipmentStatus:
            self.dummy_status.addItem(status_text(status.value), status.value)
        self.dummy_status.currentIndexChanged.connect(self._changed)
        self.dummy_message = WholeField(self.dummy_box)
        self.dummy_message.setPlaceholderText(tr("optional message"))
        self.dummy_message.textChanged.connect(self._changed)
        dummy_form.addRow(tr("Initial status"), self.dummy_status)
        dummy_form.addRow(tr("Message"), self.dummy_message)
        self.dummy_details = TrackingDetailsFold(self.dummy_box)
        self.dummy_details.edited.connect(self._changed)
        # Below the form, not a row of it: a form gives a row that spans it the height of its
        # minimum size, not of its wrapped title and fields (they were squeezed).
        dummy_layout.addLayout(dummy_form)
        dummy_layout.addWidget(self.dummy_details)
        self.dummy_box.setVisible(False)
        layout.addWidget(self.dummy_box)

        self.ship_button = QPushButton(self)
        self.ship_button.setObjectName("shipButton")
        self.ship_button.clicked.connect(self.ship_clicked)
        # Gloved hands ship with Ctrl+Enter; the button must not steal the scanner's focus.
        self.ship_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.ship_button.setToolTip(tr("Ctrl+Enter"))
        layout.addSpacing(8)
        layout.addWidget(self.ship_button)
        self.ship_hint = QLabel(self)
        self.ship_hint.setObjectName("orderSubHeader")
        self.ship_hint.setWordWrap(True)
        layout.addWidget(self.ship_hint)

    def inputs(self) -> ShippingInputs:
        return ShippingInputs(
            carrier=self.carrier_input.currentText().strip(),
            tracking="".join(self.tracking_input.text().split()),
            dummy=self.dummy_toggle.isChecked(),
            dummy_status=ShipmentStatus(self.dummy_status.currentData() or "pre_transit"),
            dummy_message=self.dummy_message.text().strip(),
            dummy_details=self.dummy_details.details(),
        )

    def set_inputs(self, inputs: ShippingInputs) -> None:
        """Put inputs back (a restored or newly loaded order) without counting as an edit."""
        self._restoring = True
        try:
            self.carrier_input.setCurrentText(inputs.carrier)
            self._show_tracking(inputs.tracking)
            self.dummy_toggle.setChecked(inputs.dummy)
            index = self.dummy_status.findData(inputs.dummy_status.value)
            self.dummy_status.setCurrentIndex(max(0, index))
            self.dummy_message.setText(inputs.dummy_message)
            self.dummy_details.set_details(inputs.dummy_details)
        finally:
            self._restoring = False

    def set_tracking(self, code: str, guess: TrackingGuess | None) -> None:
        """A scanned label: its carrier (when recognised) and number; dummy tracking off."""
        if guess is not None:
            self.carrier_input.setCurrentText(guess.carrier)
            self._show_tracking(guess.code)
        else:
            self._show_tracking("".join(code.split()))
        if self.dummy_toggle.isChecked():
            self.dummy_toggle.setChecked(False)

    def _show_tracking(self, number: str) -> None:
        """Show a number put in from outside (a scanned label, a restored order) from its
        start: a 22 to 34 digit number is wider than the field, and its start (1Z, 9400,
        the carrier's prefix) is what a packer compares with the label."""
        if "".join(self.tracking_input.text().split()) == number:
            return  # the packer's own typing, echoed back: the cursor stays where it is
        self.tracking_input.setText(number)
        self.tracking_input.setCursorPosition(0)

    @property
    def ready(self) -> bool:
        """Enough to ship with: a carrier and a tracking number, or dummy tracking."""
        inputs = self.inputs()
        return inputs.dummy or bool(inputs.carrier and inputs.tracking)

    def refresh(self, session: PackingSession | None, order_open: bool) -> None:
        """The button's label and state, and the line saying what it will do."""
        packed = session.total_packed if session else 0
        ready = self.ready
        self.ship_button.setEnabled(order_open and packed > 0 and ready)
        self.ship_button.setText(tr("Ship %n item(s)", None, packed))
        if session is None:
            self.ship_hint.setText("")
        elif session.nothing_to_ship:
            shipped = [f.created_at for f in session.order.fulfillments]
            when = max(shipped).astimezone().strftime("%d %b %Y") if shipped else ""
            self.ship_hint.setText(
                tr("Nothing left to pack: shipped on {date}.").format(date=when)
                if when
                else tr("Nothing left to pack: this order is shipped.")
            )
        elif packed == 0:
            self.ship_hint.setText(tr("Scan items to pack them."))
        elif not ready:
            self.ship_hint.setText(tr("Scan the shipping label, or turn on dummy tracking."))
        elif not session.all_packed:
            self.ship_hint.setText(
                tr("Ctrl+Enter ships a partial shipment: {left} items stay open.").format(
                    left=session.total_remaining - packed
                )
            )
        else:
            self.ship_hint.setText(tr("Everything is packed: Ctrl+Enter ships."))

    def _dummy_toggled(self, on: bool) -> None:
        self.dummy_box.setVisible(on)
        self.carrier_input.setEnabled(not on)
        self.tracking_input.setEnabled(not on)
        self._changed()

    def _changed(self, *_: object) -> None:
        if not self._restoring:
            self.edited.emit()
