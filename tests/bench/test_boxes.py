"""An order packed into several boxes: each box its own fulfillment, label and slip.

In the window (``tests/ui/test_boxes.py``): a box closed with real keys is listed in
the boxes panel, its slip printed into a PDF folder and reprinted from the History.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from packstation.config import Settings
from packstation.store import OutboxState
from packstation.ui.bench.controller import Mode
from packstation.ui.words.feedback import Tone
from tests.helpers.station import Bench, FakeRedo, fulfillments, packed, scan

LABEL_1 = "420972011234" + "9400111899223197005490"  # USPS to ZIP 97201-1234
LABEL_2 = "9400111206206406260787"


def test_a_three_item_order_ships_in_two_boxes_by_scans_alone(bench: Bench) -> None:
    controller, port = bench
    queued: list[str] = []
    controller.shipment_queued.connect(queued.append)
    scan(controller, "#1013", "TEE-MER-BLK-M", LABEL_1, "PS-BOX")
    (first,) = queued
    assert controller.question is None  # splitting is deliberate: no question
    assert controller.mode is Mode.ORDER
    session = controller.session
    assert session is not None
    assert session.total_remaining == 2
    assert session.total_packed == 0
    assert controller.inputs.tracking == ""
    assert "Box 1 closed" in controller.showing.text
    # What the boxes panel lists: box 1 with its one item, box 2 on the bench.
    assert [b.summary.units for b in controller.boxes.latest()] == [1]
    assert controller.boxes.number == 2
    # Undo does not reach into the closed box.
    scan(controller, "PS-UNDO")
    assert "Nothing to undo" in controller.showing.text

    scan(controller, "SOCK-HIK-GRY-M", "MUG-ENM-WHT", LABEL_2)
    assert controller.shipping.countdown.active  # everything packed and labelled: auto-ship
    controller.shipping.countdown.fire.emit()
    (_, last) = queued
    port.send_all()
    by_tracking = {str(f["trackingNumber"]): f for f in fulfillments(port.redo, "5801013")}
    assert set(by_tracking) == {LABEL_1[12:], LABEL_2}
    lines_1 = [(i["id"], i["quantity"]) for i in by_tracking[LABEL_1[12:]]["lineItems"]]
    lines_2 = sorted((i["id"], i["quantity"]) for i in by_tracking[LABEL_2]["lineItems"])
    assert lines_1 == [("li_1013_001", 1)]
    assert lines_2 == [("li_1013_002", 1), ("li_1013_003", 1)]
    outbox = port.store.outbox
    boxes = [outbox.get(first), outbox.get(last)]
    assert [b.summary.box for b in boxes if b] == [1, 2]
    assert port.store.journal.load() is None


@pytest.mark.parametrize("sent_first", [False, True], ids=["box-1-waiting", "box-1-sent"])
def test_a_restart_between_boxes_loses_nothing_and_sends_nothing_twice(
    open_bench: Callable[..., Bench], tmp_path: Path, sent_first: bool
) -> None:
    redo = FakeRedo()  # the same Redo before and after the restart
    first, port = open_bench(tmp_path / "station", redo=redo)
    scan(first, "#1013", "TEE-MER-BLK-M", LABEL_1, "PS-BOX", "SOCK-HIK-GRY-M")
    assert first.boxes.number == 2
    if sent_first:
        port.send_all()
    port.close()  # as after a crash: only the journal and the outbox are left
    second, port2 = open_bench(tmp_path / "station", redo=redo)
    session = second.session
    assert session is not None
    assert second.boxes.number == 2
    assert [line.packed for line in session.lines()] == [0, 1, 0]
    assert session.total_remaining == 2  # box 1 counts as sent, whether or not it has been
    port2.send_all()
    assert port2.store.outbox.counts().pending == 0
    assert len(fulfillments(redo, "5801013")) == 1
    (item,) = port2.store.outbox.history()
    assert item.state is OutboxState.DELIVERED
    second.orders.reload(quiet=True)  # as a delivery of the open order's box asks
    assert packed(second) == [0, 1, 0]  # Redo has box 1 now: the bench counts it once
    assert second.session is not None and second.session.total_remaining == 2


def test_close_box_needs_a_label_for_that_box(bench: Bench) -> None:
    controller, port = bench
    scan(controller, "#1013", "TEE-MER-BLK-M", "PS-BOX")
    assert controller.showing.tone is Tone.ERROR
    assert "Scan this box's shipping label first" in controller.showing.text
    assert port.store.outbox.counts().pending == 0
    assert controller.boxes.number == 1


def test_each_box_prints_its_own_slip(open_bench: Callable[..., Bench]) -> None:
    """With a printer chosen, every box's slip prints as it is closed: box 1 while more
    may follow ("Box 1"), the last with the count ("Box 2 of 2")."""
    controller, port = open_bench(settings=Settings(station_name="Bench 1", printer="PDF"))
    scan(controller, "#1013", "TEE-MER-BLK-M", LABEL_1, "PS-BOX")
    scan(controller, "SOCK-HIK-GRY-M", "MUG-ENM-WHT", LABEL_2)
    controller.shipping.countdown.fire.emit()
    first, last = port.printer.printed
    assert (first.box_label, [line.sku for line in first.lines]) == ("Box 1", ["TEE-MER-BLK-M"])
    assert (last.box_label, sorted(line.sku for line in last.lines)) == (
        "Box 2 of 2",
        ["MUG-ENM-WHT", "SOCK-HIK-GRY-M"],
    )
