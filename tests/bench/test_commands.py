"""Command barcodes (``PS-...``): a whole order packed and shipped with scans alone.

In the window (``tests/ui/test_zero_touch.py``): a badge, a slip, an item and a label
typed as key bursts, and the countdown ships the order to the sandbox on loopback.
"""

from __future__ import annotations

from packstation.ui.bench.controller import Mode
from packstation.ui.words.feedback import Tone
from tests.helpers.station import Bench, fulfillments, packed, scan


def test_pack_and_ship_with_scans_alone(bench: Bench) -> None:
    controller, port = bench
    queued: list[str] = []
    controller.shipment_queued.connect(queued.append)
    scan(controller, "PS-USER-Ana")
    assert controller.packer == "Ana"

    # First box: a command-driven partial shipment with dummy tracking.
    scan(controller, "#1002", "PS-QTY-3", "SOCK-HIK-GRY-M", "TEE-MER-BLK-M", "PS-DUMMY")
    assert controller.inputs.dummy
    scan(controller, "PS-SHIP")
    assert controller.question is not None  # a partial shipment always asks
    scan(controller, "PS-CONFIRM")
    (first,) = queued
    port.send_all()
    (shipped,) = fulfillments(port.redo, "5801002")
    assert [(i["id"], i["quantity"]) for i in shipped["lineItems"]] == [
        ("li_1002_001", 3),
        ("li_1002_002", 1),
    ]
    item = port.store.outbox.get(first)
    assert item is not None
    assert item.packer == "Ana"

    # Second box: the rest; auto-ship counts down, is cancelled, then resumed.
    assert port.store.outbox.counts().pending == 0
    scan(controller, "#1002", "TEE-MER-BLK-M", "BNE-WOOL-CHR", "9400111899223197428497")
    assert controller.shipping.countdown.active
    assert "Shipping in" in controller.showing.text
    scan(controller, "PS-CANCEL")
    assert not controller.shipping.countdown.active
    assert "Auto-ship stopped" in controller.showing.text
    assert controller.mode is Mode.ORDER
    scan(controller, "PS-CONFIRM")
    assert controller.shipping.countdown.active
    controller.shipping.countdown.fire.emit()  # the countdown fires by itself
    assert len(queued) == 2
    port.send_all()
    assert len(fulfillments(port.redo, "5801002")) == 2
    second = fulfillments(port.redo, "5801002")[1]
    assert second["trackingNumber"] == "9400111899223197428497"
    assert second["trackingCompany"] == "USPS"
    stats = port.store.stats()
    # One order in two shipments: one order, two boxes.
    assert [(row.packer, row.orders, row.boxes, row.items) for row in stats] == [("Ana", 1, 2, 6)]


def test_ps_clear_asks_and_ps_confirm_answers(bench: Bench) -> None:
    controller, port = bench
    scan(controller, "#1002", "BNE-WOOL-CHR", "PS-CLEAR")
    assert controller.question is not None
    scan(controller, "PS-CONFIRM")
    assert controller.mode is Mode.IDLE
    assert controller.session is None
    assert port.store.journal.load() is None


def test_the_question_hint_names_what_enter_really_does(bench: Bench) -> None:
    controller, _ = bench
    scan(controller, "#1002", "BNE-WOOL-CHR", "PS-CLEAR")
    assert controller.question is not None
    scan(controller, "SOCK-HIK-GRY-M")  # not an answer: refused with the hint
    assert controller.showing.tone is Tone.ERROR
    assert "Enter: Keep packing" in controller.showing.text
    assert packed(controller) == [0, 0, 1]
    scan(controller, "PS-CANCEL")
    assert controller.question is None
    assert "Answer the question" not in controller.showing.text
