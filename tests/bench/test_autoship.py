"""The auto-ship countdown: when it starts, what stops it, and that it ships once.

The countdown's ``fire`` is emitted by the test: the bench cannot tell it from its timer.
The real two-second countdown ships an order packed with real keys in
``tests/ui/test_zero_touch.py``.
"""

from __future__ import annotations

from packstation.ui.bench.controller import Mode
from packstation.ui.words.feedback import Tone
from tests.helpers.station import Bench, fulfillments, scan

UPS_LABEL = "1Z999AA10123456784"


def test_ship_during_the_countdown_ships_once(bench: Bench) -> None:
    controller, port = bench
    queued: list[str] = []
    controller.shipment_queued.connect(queued.append)
    scan(controller, "#1001", "JKT-RAIN-NVY-M", UPS_LABEL)
    assert controller.shipping.countdown.active
    scan(controller, "PS-SHIP")
    (fulfillment_id,) = queued
    assert not controller.shipping.countdown.active
    controller.shipping.ship()  # a second press finds nothing to ship
    controller.shipping.ship()  # nor does the button (the same slot)
    controller.shipping.countdown.fire.emit()  # nor a countdown that fired late
    assert queued == [fulfillment_id]
    port.send_all()
    assert port.redo.state.fulfillment_count(fulfillment_id) == 1
    assert len(port.store.outbox.history()) == 1
    assert len(fulfillments(port.redo, "5801001")) == 1


def test_partial_shipments_always_ask_even_with_auto_ship(bench: Bench) -> None:
    """#1002 ships by USPS Priority Mail: the UPS label asks first, and PS-SHIP answers
    that question (use the label). The box is partial: no countdown; PS-SHIP asks."""
    controller, port = bench
    scan(controller, "#1002", "SOCK-HIK-GRY-M", UPS_LABEL)
    assert not controller.shipping.countdown.active
    assert controller.question is not None
    assert controller.question.title == "Label and shipping method differ"
    scan(controller, "PS-SHIP", "PS-CANCEL")
    assert controller.mode is Mode.ORDER
    assert port.store.outbox.counts().pending == 0
    # The label is taken; a partial box never counts down, and shipping it asks.
    assert controller.inputs.tracking == UPS_LABEL
    assert not controller.shipping.countdown.active
    scan(controller, "PS-SHIP")
    assert controller.question is not None
    assert controller.question.title == "Partial shipment"
    scan(controller, "PS-CANCEL")
    assert controller.question is None
    assert "Not shipped. Keep packing." in controller.showing.text
    assert controller.mode is Mode.ORDER
    assert port.store.outbox.counts().pending == 0


def test_a_refused_scan_stops_the_countdown(bench: Bench) -> None:
    controller, _ = bench
    scan(controller, "#1001", "JKT-RAIN-NVY-M", UPS_LABEL)
    assert controller.shipping.countdown.active
    scan(controller, "BTL-STL-750")
    assert not controller.shipping.countdown.active
    assert controller.showing.tone is Tone.ERROR
    assert "Auto-ship stopped" in controller.showing.text
    assert controller.mode is Mode.ORDER


def test_ps_cancel_stops_the_countdown_and_ps_confirm_resumes_it(bench: Bench) -> None:
    controller, port = bench
    queued: list[str] = []
    controller.shipment_queued.connect(queued.append)
    scan(controller, "#1001", "JKT-RAIN-NVY-M", UPS_LABEL)
    assert controller.shipping.countdown.active
    assert "Shipping in" in controller.showing.text
    scan(controller, "PS-CANCEL")
    assert not controller.shipping.countdown.active
    assert "Auto-ship stopped" in controller.showing.text
    assert controller.mode is Mode.ORDER
    scan(controller, "PS-CONFIRM")
    assert controller.shipping.countdown.active
    controller.shipping.countdown.fire.emit()
    assert len(queued) == 1
    assert controller.mode is Mode.IDLE
    assert port.store.outbox.counts().pending == 1
