"""The shipping form on its own: what counts as an edit, and when the box may ship."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from packstation.packing.tracking import TrackingGuess
from packstation.redo.models import ShipmentStatus
from packstation.store import ShippingInputs
from packstation.ui.views.shipping_form import ShippingForm


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


def test_the_advanced_fold_holds_the_dummy_trackers_details(qtbot: QtBot) -> None:
    from packstation.packing.details import TrackingDetails

    form = ShippingForm()
    qtbot.addWidget(form)
    form.show()
    form.dummy_toggle.setChecked(True)
    fold = form.dummy_details
    assert fold.isVisible() and not fold.body.isVisible()  # folded until asked
    edits: list[None] = []
    form.edited.connect(lambda: edits.append(None))
    fold.toggle.click()
    assert fold.body.isVisible()
    fold.estimated_delivery.setText("2026-12-02")
    fold.city.setText("Cambridge")
    assert len(edits) == 2
    assert form.inputs().dummy_details == TrackingDetails(
        estimated_delivery="2026-12-02", city="Cambridge"
    )
    fold.toggle.click()
    assert not fold.body.isVisible()
    restored = ShippingInputs(dummy=True, dummy_details=TrackingDetails(postal_code="02139"))
    form.set_inputs(restored)
    assert fold.body.isVisible()  # what will be sent is never hidden
    assert form.inputs() == restored
    assert len(edits) == 2


def test_the_shipments_panel_posts_the_details_too(qtbot: QtBot) -> None:
    from packstation.packing.details import DetailsError
    from packstation.ui.views.shipments_panel import ShipmentsPanel
    from tests.helpers.orders import demo_order

    panel = ShipmentsPanel()
    qtbot.addWidget(panel)
    panel.details.estimated_delivery.setText("2026-12-04")
    panel.details.country.setText("CA")
    request = panel.status_request("delayed", "Snow")
    assert request.to_json_dict() == {
        "status": "delayed",
        "message": "Snow",
        "estimatedDeliveryDate": "2026-12-04T00:00:00Z",
        "location": {"country": "CA"},
    }
    panel.details.estimated_delivery.setText("soon")
    with pytest.raises(DetailsError, match="soon"):
        panel.status_request("delayed", "")
    order = demo_order("#1011")  # one fulfillment, not a dummy tracker by its name
    fid = order.fulfillments[0].id
    panel.set_order(order, own_dummy={fid})
    assert panel.list.item(0).data(Qt.ItemDataRole.UserRole + 1) is True
    panel.set_order(order, own_dummy=set())
    assert panel.list.item(0).data(Qt.ItemDataRole.UserRole + 1) is False
