"""The shipping form on its own: what counts as an edit, and when the box may ship."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from packstation.packing.tracking import TrackingGuess
from packstation.redo.models import ShipmentStatus
from packstation.store import ShippingInputs
from packstation.ui.shipping_form import ShippingForm


def test_inputs_put_back_are_not_edits_but_the_packers_changes_are(qtbot: QtBot) -> None:
    form = ShippingForm()
    qtbot.addWidget(form)
    edits: list[None] = []
    form.edited.connect(lambda: edits.append(None))
    restored = ShippingInputs(
        carrier="UPS",
        tracking="1Z999AA10123456784",
        dummy=True,
        dummy_status=ShipmentStatus.IN_TRANSIT,
        dummy_message="left the dock",
    )
    form.set_inputs(restored)
    assert edits == []
    assert form.inputs() == restored
    assert not form.carrier_input.isEnabled()  # dummy tracking replaces the real label

    form.set_tracking("9400 1000 0000 0000 0000 00", None)
    assert edits  # the label scan is the packer's doing: it is journalled
    assert not form.dummy_toggle.isChecked()
    assert form.inputs().tracking == "9400100000000000000000"
    assert form.carrier_input.isEnabled()


def test_ready_needs_carrier_and_tracking_or_dummy(qtbot: QtBot) -> None:
    form = ShippingForm()
    qtbot.addWidget(form)
    assert not form.ready
    form.set_tracking("1Z999AA10123456784", TrackingGuess(carrier="UPS", code="1Z999AA10123456784"))
    assert form.ready
    form.set_inputs(ShippingInputs())
    assert not form.ready
    form.dummy_toggle.setChecked(True)
    assert form.ready
