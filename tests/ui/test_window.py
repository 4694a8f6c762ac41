"""The packing window driven like a packer: scans as key bursts, the sandbox on loopback."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from packstation.redo.models import ShipmentStatus
from packstation.sandbox import SandboxServer
from packstation.store import OutboxState
from packstation.ui.bench.controller import Mode
from packstation.ui.station.services import Services
from packstation.ui.station.sounds import Sound
from packstation.ui.views.banner import Banner, Tone
from packstation.ui.views.lines_model import GREEN, Column
from packstation.ui.views.main_window import MainWindow
from packstation.ui.words.problems import outbox_reason_text
from tests.helpers.fakes import RecordingSound
from tests.ui.conftest import answer, idle, load, make_services, scan, type_scan


def banner(window: MainWindow) -> Banner:
    found = window.host.findChild(Banner, "statusBanner")
    assert found is not None
    return found


def packed(window: MainWindow) -> list[int]:
    assert window.controller.session is not None
    return [line.packed for line in window.controller.session.lines()]


def test_automation_names_exist(window: MainWindow) -> None:
    for name in (
        "lineItemsTable",
        "manualCodeInput",
        "carrierInput",
        "trackingInput",
        "dummyTrackingToggle",
        "shipButton",
        "statusBanner",
    ):
        assert window.host.findChild(QWidget, name) is not None, name


def test_scanning_a_slip_loads_the_order(qtbot: QtBot, window: MainWindow) -> None:
    assert window.controller.mode is Mode.IDLE
    load(qtbot, window, "#1002")
    assert window.controller.mode is Mode.ORDER
    assert "#1002" in window.order_page.header.text()
    assert "Daniel Okafor" in window.order_page.header.text()
    address = window.order_page.address.text()
    assert "Cambridge" in address
    assert address.endswith(", US")
    assert "USPS Priority Mail" in window.order_page.sub.text()
    assert window.order_page.model.rowCount() == 3
    assert window.order_page.model.index(0, Column.PACKED).data() == "0 / 3"
    assert "6 items to pack" in banner(window).message


def test_good_scan_packs_flashes_and_beeps(
    qtbot: QtBot, window: MainWindow, sound: RecordingSound
) -> None:
    load(qtbot, window, "#1002")
    sound.played.clear()
    scan(qtbot, window, "sock-hik-gry-m")
    qtbot.waitUntil(lambda: banner(window).tone is Tone.SUCCESS)
    assert sound.played == [Sound.GOOD]
    assert packed(window) == [1, 0, 0]
    assert "Hiking Socks" in banner(window).message
    assert window.order_page.table.currentIndex().row() == 0


def test_complete_line_turns_green_with_a_tick(qtbot: QtBot, window: MainWindow) -> None:
    load(qtbot, window, "#1001")
    scan(qtbot, window, "JKT-RAIN-NVY-M")
    idle(qtbot, window)
    window.order_page.model.expire_flashes()
    index = window.order_page.model.index(0, Column.PACKED)
    assert index.data() == "✓ 1 / 1"
    qtbot.waitUntil(
        lambda: (
            window.order_page.model.index(0, Column.ITEM).data(Qt.ItemDataRole.BackgroundRole)
            == QBrush(GREEN)
        ),
        timeout=3000,
    )
    assert "All 1 item packed." in banner(window).message  # never "1 items"


def test_wrong_item_is_refused_loudly_and_the_banner_stays(
    qtbot: QtBot, window: MainWindow, sound: RecordingSound
) -> None:
    load(qtbot, window, "#1002")
    scan(qtbot, window, "BTL-STL-750")
    assert packed(window) == [0, 0, 0]
    assert banner(window).tone is Tone.ERROR
    assert "Not in this order: BTL-STL-750" in banner(window).message
    assert sound.played[-1] is Sound.ERROR
    qtbot.wait(100)  # nothing clears it by itself
    assert banner(window).is_error
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert not banner(window).is_error
    assert window.controller.mode is Mode.ORDER  # the first Esc only acknowledged


def test_overpack_is_refused(qtbot: QtBot, window: MainWindow) -> None:
    load(qtbot, window, "#1001")
    scan(qtbot, window, "JKT-RAIN-NVY-M")
    scan(qtbot, window, "JKT-RAIN-NVY-M")
    assert packed(window) == [1]
    assert "already complete" in banner(window).message


def test_next_good_scan_replaces_the_error(qtbot: QtBot, window: MainWindow) -> None:
    load(qtbot, window, "#1002")
    scan(qtbot, window, "NOPE-123")
    scan(qtbot, window, "BNE-WOOL-CHR")
    qtbot.waitUntil(lambda: banner(window).tone is Tone.SUCCESS)


def test_gift_note_is_packed_with_plus_and_minus(qtbot: QtBot, window: MainWindow) -> None:
    load(qtbot, window, "#1007")
    window.order_page.table.setFocus()
    window.order_page.table.selectRow(2)
    # A single key is held for a moment (it might start a scan), then delivered.
    QTest.keyClick(window.order_page.table, Qt.Key.Key_Plus)
    qtbot.waitUntil(lambda: packed(window)[2] == 1)
    QTest.keyClick(window.order_page.table, Qt.Key.Key_Minus)
    qtbot.waitUntil(lambda: packed(window)[2] == 0)
    window.order_page.plus_button.click()
    assert packed(window)[2] == 1


def test_ctrl_z_undoes_the_last_change(qtbot: QtBot, window: MainWindow) -> None:
    load(qtbot, window, "#1002")
    scan(qtbot, window, "SOCK-HIK-GRY-M")
    scan(qtbot, window, "TEE-MER-BLK-M")
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert packed(window) == [1, 0, 0]


def test_label_scan_fills_carrier_and_tracking(qtbot: QtBot, window: MainWindow) -> None:
    load(qtbot, window, "#1001")
    scan(qtbot, window, "1Z999AA10123456784")
    assert window.order_page.shipping.carrier_input.currentText() == "UPS"
    assert window.order_page.shipping.tracking_input.text() == "1Z999AA10123456784"
    # #1001 ships by UPS Ground: a USPS label asks first; PS-CONFIRM takes it.
    scan(qtbot, window, "420972099400111899223197428497")
    assert window.question_panel.isVisible()
    assert window.order_page.shipping.tracking_input.text() == "1Z999AA10123456784"
    scan(qtbot, window, "PS-CONFIRM")
    assert window.order_page.shipping.carrier_input.currentText() == "USPS"
    assert window.order_page.shipping.tracking_input.text() == "9400111899223197428497"


def test_ship_button_says_what_it_will_do(qtbot: QtBot, window: MainWindow) -> None:
    load(qtbot, window, "#1002")
    assert not window.order_page.shipping.ship_button.isEnabled()
    for code in ("SOCK-HIK-GRY-M", "SOCK-HIK-GRY-M", "TEE-MER-BLK-M", "TEE-MER-BLK-M"):
        scan(qtbot, window, code)
    assert window.order_page.shipping.ship_button.text() == "Ship 4 items"
    assert not window.order_page.shipping.ship_button.isEnabled()  # no tracking yet
    scan(qtbot, window, "9400111899223197428497")  # #1002 ships by USPS Priority Mail
    assert window.order_page.shipping.ship_button.isEnabled()


def test_full_shipment_is_delivered_once_and_the_window_moves_on(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, sound: RecordingSound
) -> None:
    load(qtbot, window, "#1001")
    scan(qtbot, window, "JKT-RAIN-NVY-M")
    scan(qtbot, window, "1Z999AA10123456784")
    with qtbot.waitSignal(window.controller.shipment_queued, timeout=5000) as queued:
        QTest.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    fulfillment_id = queued.args[0]
    assert window.controller.mode is Mode.IDLE
    qtbot.waitUntil(lambda: sandbox.state.fulfillment_count(fulfillment_id) == 1, timeout=5000)
    qtbot.waitUntil(lambda: "Shipped order #1001" in banner(window).message, timeout=5000)
    assert fulfillment_id not in banner(window).message  # an internal ID means nothing here
    assert "UPS 1Z999AA10123456784" in banner(window).message
    assert Sound.SHIPPED in sound.played
    shipped = dict(sandbox.state.all_fulfillments())
    assert shipped["5801001"]["trackingNumber"] == "1Z999AA10123456784"
    assert window.services.store.journal.load() is None


def test_keypad_enter_ships_too(qtbot: QtBot, window: MainWindow, sandbox: SandboxServer) -> None:
    load(qtbot, window, "#1001")
    scan(qtbot, window, "JKT-RAIN-NVY-M")
    window.order_page.shipping.dummy_toggle.setChecked(True)
    with qtbot.waitSignal(window.controller.shipment_queued, timeout=5000):
        QTest.keyClick(
            window,
            Qt.Key.Key_Enter,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.KeypadModifier,
        )


def test_partial_shipment_asks_enter_confirms(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    load(qtbot, window, "#1002")
    scan(qtbot, window, "SOCK-HIK-GRY-M")
    window.order_page.shipping.dummy_toggle.setChecked(True)
    window.order_page.shipping.dummy_status.setCurrentIndex(
        window.order_page.shipping.dummy_status.findData("in_transit")
    )
    with qtbot.waitSignal(window.controller.shipment_queued, timeout=5000) as queued:
        window.controller.shipping.ship()
        answer(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sandbox.state.fulfillment_count(queued.args[0]) == 1, timeout=5000)
    fulfillment = dict(sandbox.state.all_fulfillments())["5801002"]
    assert fulfillment["status"] == ShipmentStatus.IN_TRANSIT.value
    assert [(i["id"], i["quantity"]) for i in fulfillment["lineItems"]] == [("li_1002_001", 1)]


def test_partial_shipment_esc_cancels_and_keeps_the_box(qtbot: QtBot, window: MainWindow) -> None:
    load(qtbot, window, "#1002")
    scan(qtbot, window, "SOCK-HIK-GRY-M")
    window.order_page.shipping.dummy_toggle.setChecked(True)
    window.controller.shipping.ship()
    answer(qtbot, window, Qt.Key.Key_Escape)
    assert window.controller.mode is Mode.ORDER
    assert packed(window) == [1, 0, 0]
    assert window.services.store.outbox.counts().pending == 0


def test_next_slip_can_be_scanned_while_the_shipment_is_in_flight(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    sandbox.faults.set(write_latency=2.0)
    load(qtbot, window, "#1001")
    scan(qtbot, window, "JKT-RAIN-NVY-M")
    window.order_page.shipping.dummy_toggle.setChecked(True)
    with qtbot.waitSignal(window.controller.shipment_queued, timeout=5000) as queued:
        window.controller.shipping.ship()
    load(qtbot, window, "#1002")
    scan(qtbot, window, "BNE-WOOL-CHR")
    assert sandbox.state.fulfillment_count(queued.args[0]) == 0  # still in flight
    assert packed(window) == [0, 0, 1]
    qtbot.waitUntil(lambda: sandbox.state.fulfillment_count(queued.args[0]) == 1, timeout=8000)


def test_gui_thread_never_blocked_while_the_server_takes_3_s(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    """A 10 ms heartbeat on the GUI thread never misses by more than 100 ms during a slow ship."""
    sandbox.faults.set(write_latency=3.0)
    load(qtbot, window, "#1001")
    scan(qtbot, window, "JKT-RAIN-NVY-M")
    window.order_page.shipping.dummy_toggle.setChecked(True)
    beats: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(lambda: beats.append(time.monotonic()))
    heartbeat.start()
    with qtbot.waitSignal(window.controller.shipment_queued, timeout=5000) as queued:
        window.controller.shipping.ship()
    qtbot.waitUntil(lambda: sandbox.state.fulfillment_count(queued.args[0]) == 1, timeout=10000)
    heartbeat.stop()
    assert beats[-1] - beats[0] > 2.9
    worst = max(b - a for a, b in itertools.pairwise(beats))
    assert worst < 0.1, f"GUI thread blocked for {worst * 1000:.0f} ms"


def test_burst_of_50_scans_into_a_focused_text_field(qtbot: QtBot, window: MainWindow) -> None:
    """50 codes at 1 ms spacing: 50 increments, none lost or merged, nothing typed in the field."""
    load(qtbot, window, "#1006")
    window.code_field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.code_field)
    handled: list[str] = []
    window.controller.scan_handled.connect(handled.append)
    for _ in range(50):
        type_scan("CRB-ALU-BLU", delay_ms=1)
    qtbot.waitUntil(lambda: len(handled) == 50, timeout=10000)
    assert handled == ["CRB-ALU-BLU"] * 50
    assert packed(window) == [50, 0, 0]
    assert window.code_field.text() == ""
    idle(qtbot, window)
    saved = window.services.store.journal.load()
    assert saved is not None
    assert saved.packed == {"li_1006_001": 50}


def test_typing_by_hand_reaches_the_text_field(qtbot: QtBot, window: MainWindow) -> None:
    """Keys at human speed are not a scan: they land in the focused field as typed."""
    window.code_field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.code_field)
    for char in "#1001":
        QTest.keyClick(window.code_field, char)
        qtbot.wait(80)
    qtbot.waitUntil(lambda: window.code_field.text() == "#1001")
    with qtbot.waitSignal(window.controller.order_loaded, timeout=5000):
        QTest.keyClick(window.code_field, Qt.Key.Key_Return)
    assert window.code_field.text() == ""


def test_unknown_order_and_revoked_token_are_plain_sentences(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    scan(qtbot, window, "#9999")
    qtbot.waitUntil(lambda: banner(window).is_error, timeout=5000)
    assert "No order #9999 in Redo" in banner(window).message
    sandbox.faults.set(revoked=True)
    scan(qtbot, window, "#1001")
    qtbot.waitUntil(lambda: "token" in banner(window).message, timeout=5000)
    assert banner(window).is_error


def test_network_trouble_on_load(qtbot: QtBot, window: MainWindow, sandbox: SandboxServer) -> None:
    sandbox.faults.set(rate_limit=1, retry_after=5)
    scan(qtbot, window, "#1001")
    qtbot.waitUntil(lambda: banner(window).is_error, timeout=5000)
    assert "busy" in banner(window).message


@pytest.mark.expected_log("needs attention")
def test_rejected_shipment_goes_to_needs_attention(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    load(qtbot, window, "#1002")
    scan(qtbot, window, "BNE-WOOL-CHR")
    window.order_page.shipping.dummy_toggle.setChecked(True)
    # Meanwhile someone else ships the beanie: sending this box would over-fulfil.
    from packstation.redo.models import CreateFulfillmentRequest, FulfillmentLineRequest

    sandbox.state.create_fulfillment(
        "5801002",
        CreateFulfillmentRequest(line_items=[FulfillmentLineRequest(id="li_1002_003", quantity=1)]),
    )
    with qtbot.waitSignal(window.controller.shipment_queued, timeout=5000) as queued:
        window.controller.shipping.ship()
        answer(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.services.store.outbox.counts().attention == 1, timeout=5000)
    item = window.services.store.outbox.get(queued.args[0])
    assert item is not None
    assert item.state is OutboxState.ATTENTION
    assert "shipped elsewhere" in outbox_reason_text(item)
    assert sandbox.state.fulfillment_count(queued.args[0]) == 0
    qtbot.waitUntil(lambda: "NOT shipped" in banner(window).message, timeout=3000)
    qtbot.waitUntil(lambda: window.status.attention_button.text() == "Needs attention: 1")


def test_restart_restores_the_open_order_exactly(
    qtbot: QtBot,
    sandbox: SandboxServer,
    station_dir: Path,
    open_window: Callable[[Services], MainWindow],
) -> None:
    first = open_window(make_services(sandbox, station_dir, RecordingSound()))
    load(qtbot, first, "#1002")
    for code in ("SOCK-HIK-GRY-M", "SOCK-HIK-GRY-M", "BNE-WOOL-CHR", "9400111899223197428497"):
        scan(qtbot, first, code)
    idle(qtbot, first)
    # No orderly close: as after a crash, the journal is all that is left.
    first.shutdown()
    first.host.hide()
    second = open_window(make_services(sandbox, station_dir, RecordingSound()))
    assert second.controller.mode is Mode.ORDER
    assert packed(second) == [2, 0, 1]
    assert second.order_page.shipping.tracking_input.text() == "9400111899223197428497"
    assert second.order_page.shipping.carrier_input.currentText() == "USPS"
    qtbot.waitUntil(lambda: "up to date" in banner(second).message, timeout=5000)


def test_restart_reconciles_an_order_shipped_elsewhere(
    qtbot: QtBot,
    sandbox: SandboxServer,
    station_dir: Path,
    open_window: Callable[[Services], MainWindow],
) -> None:
    first = open_window(make_services(sandbox, station_dir, RecordingSound()))
    load(qtbot, first, "#1002")
    scan(qtbot, first, "BNE-WOOL-CHR")
    idle(qtbot, first)
    first.shutdown()
    first.host.hide()
    from packstation.redo.models import CreateFulfillmentRequest, FulfillmentLineRequest

    sandbox.state.create_fulfillment(
        "5801002",
        CreateFulfillmentRequest(line_items=[FulfillmentLineRequest(id="li_1002_003", quantity=1)]),
    )
    second = open_window(make_services(sandbox, station_dir, RecordingSound()))
    qtbot.waitUntil(lambda: "changed in Redo" in banner(second).message, timeout=5000)
    assert "Wool Beanie - Charcoal: 1 → 0 left to ship" in banner(second).message
    assert "packed count reduced from 1 to 0" in banner(second).message
    assert packed(second) == [0, 0, 0]


def test_esc_with_packed_items_asks_before_clearing(qtbot: QtBot, window: MainWindow) -> None:
    load(qtbot, window, "#1002")
    scan(qtbot, window, "BNE-WOOL-CHR")
    QTest.keyClick(window, Qt.Key.Key_Escape)
    answer(qtbot, window, Qt.Key.Key_Return)  # "Keep packing" is the default for losing work
    assert window.controller.mode is Mode.ORDER
    assert not window.question_panel.isVisible()
    QTest.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.question_panel.isVisible())
    buttons = [b for b in window.question_panel.findChildren(QPushButton) if b.isVisible()]
    clear = [b for b in buttons if b.text().startswith("Clear the order")]
    assert len(clear) == 1
    clear[0].click()
    assert window.controller.mode is Mode.IDLE
    idle(qtbot, window)
    assert window.services.store.journal.load() is None


def test_shipments_panel_posts_a_status_to_a_dummy_tracker(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    load(qtbot, window, "#1002")
    scan(qtbot, window, "BNE-WOOL-CHR")
    window.order_page.shipping.dummy_toggle.setChecked(True)
    with qtbot.waitSignal(window.controller.shipment_queued, timeout=5000) as queued:
        window.controller.shipping.ship()
        answer(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sandbox.state.fulfillment_count(queued.args[0]) == 1, timeout=5000)
    load(qtbot, window, "#1002")
    assert window.order_page.shipments.list.count() == 1
    window.order_page.shipments.list.setCurrentRow(0)
    assert window.order_page.shipments.post_box.isVisibleTo(window.order_page.shipments)
    window.order_page.shipments.status.setCurrentIndex(
        window.order_page.shipments.status.findData("delayed")
    )
    window.order_page.shipments.post_button.click()
    qtbot.waitUntil(lambda: "Posted delayed" in banner(window).message, timeout=5000)
    history = dict(sandbox.state.all_fulfillments())["5801002"]["trackingHistory"]
    assert [event["status"] for event in history] == ["pre_transit", "delayed"]


def test_fully_shipped_order_says_nothing_to_pack(qtbot: QtBot, window: MainWindow) -> None:
    load(qtbot, window, "#1004")
    assert banner(window).tone is Tone.WARNING
    assert "already fully shipped" in banner(window).message
    assert window.order_page.model.index(0, Column.PACKED).data() == "nothing left"


def test_an_item_scanned_while_its_order_loads_packs_once_the_order_is_on_the_bench(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, sound: RecordingSound
) -> None:
    """A fast packer scans the first item before the slow server has answered for the slip."""
    sandbox.faults.set(latency=0.5)
    type_scan("#1001")
    assert window.controller.mode is Mode.LOADING
    type_scan("JKT-RAIN-NVY-M")
    assert "1 scan waiting" in banner(window).message
    qtbot.waitUntil(lambda: window.controller.mode is Mode.ORDER, timeout=5000)
    qtbot.waitUntil(lambda: packed(window) == [1], timeout=5000)
    assert Sound.ERROR not in sound.played
    assert "#1001" in window.order_page.header.text()


@pytest.mark.expected_log("could not write to the station database")
def test_an_order_the_disk_cannot_journal_leaves_the_bench_ready_for_the_next_slip(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    import sqlite3

    def disk_full(ref: str, order: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(window.services.store.journal, "open", disk_full)
    scan(qtbot, window, "#1001")
    qtbot.waitUntil(lambda: banner(window).is_error, timeout=5000)
    assert "Could not save to this computer's disk" in banner(window).message
    assert window.controller.mode is Mode.IDLE
    monkeypatch.undo()
    load(qtbot, window, "#1002")
    assert window.controller.mode is Mode.ORDER


def test_esc_stops_waiting_for_a_slow_order_and_drops_the_scans_made_meanwhile(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    sandbox.faults.set(latency=1.0)
    type_scan("#1001")
    type_scan("JKT-RAIN-NVY-M")
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert window.controller.mode is Mode.IDLE
    assert "Stopped loading order #1001. 1 scan dropped." in banner(window).message
    # The late answer changes nothing, and the dropped item is never read as a slip.
    qtbot.waitUntil(lambda: not window.runtime.reads.busy, timeout=5000)
    assert window.controller.mode is Mode.IDLE
    assert window.controller.session is None
    sandbox.faults.set(latency=0.0)
    load(qtbot, window, "#1002")
    assert "#1002" in window.order_page.header.text()
