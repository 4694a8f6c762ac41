"""An order packed into several boxes: each box its own fulfillment, label and slip."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from packstation.sandbox import SandboxServer
from packstation.store import OutboxState
from packstation.ui.bench.controller import Mode
from packstation.ui.station.services import Services
from packstation.ui.views.main_window import MainWindow
from tests.helpers.fakes import RecordingSound
from tests.ui.conftest import idle, load, make_services, scan

LABEL_1 = "420972011234" + "9400111899223197005490"  # USPS to ZIP 97201-1234
LABEL_2 = "9400111206206406260787"
WRONG_ZIP = "42010001" + "9400111206206406260787"


def fulfillments(sandbox: SandboxServer, order_id: str) -> list[dict[str, object]]:
    return [
        f
        for oid, f in sandbox.state.all_fulfillments()
        if oid == order_id and str(f["id"]).startswith("ps-")
    ]


def test_a_three_item_order_ships_in_two_boxes_by_scans_alone(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    load(qtbot, window, "#1013")
    scan(qtbot, window, "TEE-MER-BLK-M")
    scan(qtbot, window, LABEL_1)
    idle(qtbot, window)
    with qtbot.waitSignal(window.controller.shipment_queued, timeout=5000) as first:
        scan(qtbot, window, "PS-BOX")
    assert not window.question_panel.isVisible()  # splitting is deliberate: no question
    assert window.controller.mode is Mode.ORDER
    session = window.controller.session
    assert session is not None
    assert session.total_remaining == 2
    assert session.total_packed == 0
    assert window.order_page.shipping.tracking_input.text() == ""
    assert "Box 1 closed" in window.banner.message
    assert window.order_page.boxes.isVisibleTo(window)
    assert window.order_page.boxes.list.item(0).text().startswith("Box 1: 1 item")
    # Undo does not reach into the closed box.
    scan(qtbot, window, "PS-UNDO")
    assert "Nothing to undo" in window.banner.message

    scan(qtbot, window, "SOCK-HIK-GRY-M")
    scan(qtbot, window, "MUG-ENM-WHT")
    with qtbot.waitSignal(window.controller.shipment_queued, timeout=5000) as last:
        scan(qtbot, window, LABEL_2)  # everything packed and labelled: auto-ship
    qtbot.waitUntil(lambda: len(fulfillments(sandbox, "5801013")) == 2, timeout=8000)
    by_tracking = {str(f["trackingNumber"]): f for f in fulfillments(sandbox, "5801013")}
    assert set(by_tracking) == {LABEL_1[12:], LABEL_2}
    lines_1 = [(i["id"], i["quantity"]) for i in by_tracking[LABEL_1[12:]]["lineItems"]]  # type: ignore[index]
    lines_2 = sorted((i["id"], i["quantity"]) for i in by_tracking[LABEL_2]["lineItems"])  # type: ignore[index]
    assert lines_1 == [("li_1013_001", 1)]
    assert lines_2 == [("li_1013_002", 1), ("li_1013_003", 1)]
    outbox = window.services.store.outbox
    boxes = [outbox.get(first.args[0]), outbox.get(last.args[0])]
    assert [b.summary.box for b in boxes if b] == [1, 2]
    assert window.services.store.journal.load() is None


def test_a_restart_between_boxes_loses_nothing_and_sends_nothing_twice(
    qtbot: QtBot,
    sandbox: SandboxServer,
    station_dir: Path,
    open_window: Callable[[Services], MainWindow],
) -> None:
    first = open_window(make_services(sandbox, station_dir, RecordingSound()))
    load(qtbot, first, "#1013")
    scan(qtbot, first, "TEE-MER-BLK-M")
    scan(qtbot, first, LABEL_1)
    idle(qtbot, first)
    with qtbot.waitSignal(first.controller.shipment_queued, timeout=5000):
        scan(qtbot, first, "PS-BOX")
    scan(qtbot, first, "SOCK-HIK-GRY-M")
    idle(qtbot, first)
    first.shutdown()  # as after a crash: only the journal and the outbox are left
    first.host.hide()
    second = open_window(make_services(sandbox, station_dir, RecordingSound()))
    session = second.controller.session
    assert session is not None
    assert second.controller.boxes.number == 2
    assert [line.packed for line in session.lines()] == [0, 1, 0]
    assert session.total_remaining == 2  # box 1 counts as sent, whether or not it has been
    qtbot.waitUntil(lambda: second.services.store.outbox.counts().pending == 0, timeout=8000)
    assert len(fulfillments(sandbox, "5801013")) == 1
    item = second.services.store.outbox.history()[0]
    assert item.state is OutboxState.DELIVERED


def test_a_label_for_another_zip_is_refused_when_scanned(qtbot: QtBot, window: MainWindow) -> None:
    load(qtbot, window, "#1013")
    scan(qtbot, window, "TEE-MER-BLK-M")
    scan(qtbot, window, WRONG_ZIP)
    assert window.banner.is_error
    assert "This label is for ZIP 10001; the order ships to 97201" in window.banner.message
    assert window.order_page.shipping.tracking_input.text() == ""
    assert not window.controller.shipping.countdown.active


def test_close_box_needs_a_label_for_that_box(qtbot: QtBot, window: MainWindow) -> None:
    load(qtbot, window, "#1013")
    scan(qtbot, window, "TEE-MER-BLK-M")
    scan(qtbot, window, "PS-BOX")
    assert window.banner.is_error
    assert "Scan this box's shipping label first" in window.banner.message
    assert window.services.store.outbox.counts().pending == 0


def test_each_box_prints_its_slip_and_history_prints_one_again(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, tmp_path: Path
) -> None:
    from packstation.ui.views.history_dialog import HistoryDialog

    slips = tmp_path / "slips"
    slips.mkdir()
    window.services.settings = window.services.settings.with_(printer=f"pdf:{slips}")
    load(qtbot, window, "#1013")
    scan(qtbot, window, "TEE-MER-BLK-M")
    scan(qtbot, window, LABEL_1)
    idle(qtbot, window)
    with qtbot.waitSignal(window.controller.shipment_queued, timeout=5000) as box_1:
        scan(qtbot, window, "PS-BOX")
    qtbot.waitUntil(lambda: len(list(slips.glob("*.pdf"))) == 1, timeout=8000)
    qtbot.waitUntil(lambda: window.services.store.outbox.counts().pending == 0, timeout=8000)
    window.menus.open_history()
    history = window.host.findChild(HistoryDialog)
    assert history is not None
    qtbot.waitUntil(lambda: history.table.rowCount() == 1)
    (row,) = [r for r, item in enumerate(history.items) if item.fulfillment_id == box_1.args[0]]
    assert history.table.item(row, 1).text() == "#1013 · box 1"
    history.table.setCurrentCell(row, 0)
    history.reprint_button.click()
    qtbot.waitUntil(lambda: len(list(slips.glob("*.pdf"))) == 2, timeout=8000)
    # The lead sees how it went where they are: on the history, not behind it.
    qtbot.waitUntil(lambda: history.note.text().startswith("✔ The slip of #1013 box 1 was printed"))
    history.reject()
