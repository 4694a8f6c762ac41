"""Shipping a box: queued at once, delivered by the sender, refused by Redo, posted to.

The keys that ship (Ctrl+Enter, keypad Enter), the question panel's Enter, the
shipments panel, a slow server and the GUI thread's heartbeat are the window's
(``tests/ui/test_window.py``).
"""

from __future__ import annotations

import dataclasses

import pytest

from packstation.packing.details import TrackingDetails, status_update_request
from packstation.redo.models import (
    CreateFulfillmentRequest,
    FulfillmentLineRequest,
    ShipmentStatus,
)
from packstation.store import OutboxState
from packstation.ui.bench.controller import Mode
from packstation.ui.station.sounds import Sound
from packstation.ui.words.feedback import Tone
from packstation.ui.words.problems import outbox_reason_text
from tests.helpers.station import Bench, packed, scan

UPS_LABEL = "1Z999AA10123456784"


def test_full_shipment_is_delivered_once_and_the_bench_moves_on(bench: Bench) -> None:
    controller, port = bench
    queued: list[str] = []
    controller.shipment_queued.connect(queued.append)
    scan(controller, "#1001", "JKT-RAIN-NVY-M", UPS_LABEL)
    controller.shipping.ship()  # Ctrl+Enter
    (fulfillment_id,) = queued
    assert controller.mode is Mode.IDLE
    assert port.redo.state.fulfillment_count(fulfillment_id) == 0  # queued, not yet sent
    port.send_all()
    assert port.redo.state.fulfillment_count(fulfillment_id) == 1
    assert "Shipped order #1001" in controller.showing.text
    assert fulfillment_id not in controller.showing.text  # an internal ID means nothing here
    assert "UPS 1Z999AA10123456784" in controller.showing.text
    assert Sound.SHIPPED in port.sounds.played
    shipped = dict(port.redo.state.all_fulfillments())
    assert shipped["5801001"]["trackingNumber"] == UPS_LABEL
    assert port.store.journal.load() is None
    assert port.send_all() == []  # delivered once: nothing is left to send


def test_partial_shipment_asks_and_enter_ships_it_with_the_dummy_status(bench: Bench) -> None:
    controller, port = bench
    scan(controller, "#1002", "SOCK-HIK-GRY-M")
    # The form's dummy tracking, switched on, with "in transit" chosen.
    controller.set_inputs(
        dataclasses.replace(controller.inputs, dummy=True, dummy_status=ShipmentStatus.IN_TRANSIT)
    )
    queued: list[str] = []
    controller.shipment_queued.connect(queued.append)
    controller.shipping.ship()
    assert queued == []
    assert controller.question is not None
    controller.question.accept_default()  # Enter
    (fulfillment_id,) = queued
    port.send_all()
    assert port.redo.state.fulfillment_count(fulfillment_id) == 1
    fulfillment = dict(port.redo.state.all_fulfillments())["5801002"]
    assert fulfillment["status"] == ShipmentStatus.IN_TRANSIT.value
    assert [(i["id"], i["quantity"]) for i in fulfillment["lineItems"]] == [("li_1002_001", 1)]


def test_partial_shipment_esc_cancels_and_keeps_the_box(bench: Bench) -> None:
    controller, port = bench
    scan(controller, "#1002", "SOCK-HIK-GRY-M", "PS-DUMMY")
    controller.shipping.ship()
    assert controller.question is not None
    assert controller.escape() == "question"
    assert controller.mode is Mode.ORDER
    assert packed(controller) == [1, 0, 0]
    assert port.store.outbox.counts().pending == 0


def test_the_next_slip_is_taken_while_the_shipment_waits_to_be_sent(bench: Bench) -> None:
    """The bench never waits for Redo to hear of a box (the window's test: a slow server)."""
    controller, port = bench
    queued: list[str] = []
    controller.shipment_queued.connect(queued.append)
    scan(controller, "#1001", "JKT-RAIN-NVY-M", "PS-DUMMY")
    controller.shipping.ship()
    (fulfillment_id,) = queued
    scan(controller, "#1002", "BNE-WOOL-CHR")
    assert port.redo.state.fulfillment_count(fulfillment_id) == 0  # still waiting
    assert packed(controller) == [0, 0, 1]
    port.send_all()
    assert port.redo.state.fulfillment_count(fulfillment_id) == 1
    assert packed(controller) == [0, 0, 1]


@pytest.mark.expected_log("needs attention")
def test_rejected_shipment_goes_to_needs_attention(bench: Bench) -> None:
    controller, port = bench
    scan(controller, "#1002", "BNE-WOOL-CHR", "PS-DUMMY")
    # Meanwhile someone else ships the beanie: sending this box would over-fulfil.
    port.redo.state.create_fulfillment(
        "5801002",
        CreateFulfillmentRequest(line_items=[FulfillmentLineRequest(id="li_1002_003", quantity=1)]),
    )
    queued: list[str] = []
    controller.shipment_queued.connect(queued.append)
    controller.shipping.ship()
    assert controller.question is not None
    controller.question.accept_default()
    (fulfillment_id,) = queued
    port.send_all()
    assert port.store.outbox.counts().attention == 1
    item = port.store.outbox.get(fulfillment_id)
    assert item is not None
    assert item.state is OutboxState.ATTENTION
    assert "shipped elsewhere" in outbox_reason_text(item)
    assert port.redo.state.fulfillment_count(fulfillment_id) == 0
    assert "NOT shipped" in controller.showing.text
    assert port.snapshot.counts.attention == 1  # the status bar's "Needs attention: 1"


def test_a_status_posted_to_a_dummy_tracker_reaches_redo(bench: Bench) -> None:
    """The shipments panel's "Post" (the panel itself is the window's test)."""
    controller, port = bench
    queued: list[str] = []
    controller.shipment_queued.connect(queued.append)
    scan(controller, "#1002", "BNE-WOOL-CHR", "PS-DUMMY")
    controller.shipping.ship()
    assert controller.question is not None
    controller.question.accept_default()
    (fulfillment_id,) = queued
    port.send_all()
    scan(controller, "#1002")
    assert controller.session is not None
    assert [f.id for f in controller.session.order.fulfillments] == [fulfillment_id]
    assert fulfillment_id in port.snapshot.own_dummy()  # the panel offers to post to it
    request = status_update_request("delayed", "", TrackingDetails())
    controller.shipping.post_status(fulfillment_id, "delayed", request)
    assert controller.showing.tone is Tone.SUCCESS
    assert "Posted delayed" in controller.showing.text
    history = dict(port.redo.state.all_fulfillments())["5801002"]["trackingHistory"]
    assert [event["status"] for event in history] == ["pre_transit", "delayed"]


def test_the_bench_holds_its_big_writes_for_the_gui_threads_turn_not_a_scans(
    bench: Bench,
) -> None:
    """Opening and shipping an order are written once the GUI thread's loop has turned
    (``after_turn``: the frame the bench asked for goes first); a scan's journal write is
    not held, since its row and banner are shown only once it is on disk."""
    controller, port = bench
    writes = port.runner.after_turn
    writes.clear()
    scan(controller, "#1001")
    assert writes == [True], "the order's opening"
    writes.clear()
    scan(controller, "JKT-RAIN-NVY-M")
    assert writes == [False], "the scan's journal entry"
    scan(controller, UPS_LABEL)
    writes.clear()
    controller.shipping.ship()
    assert writes == [True], "the shipment"
