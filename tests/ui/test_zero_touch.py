"""A whole order packed and shipped with scans alone: commands, partial shipment, auto-ship."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from packstation.sandbox import SandboxServer
from packstation.ui.main_window import MainWindow, Mode
from tests.ui.conftest import load, scan, type_scan


def scan_into_next_dialog(code: str) -> None:
    """Scan ``code`` as soon as a modal question is on screen."""

    def go() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or QApplication.activeWindow() is not dialog:
            QTimer.singleShot(10, go)
            return
        type_scan(code)

    QTimer.singleShot(0, go)


def fulfillments(sandbox: SandboxServer, order_id: str) -> list[dict[str, object]]:
    return [
        f
        for oid, f in sandbox.state.all_fulfillments()
        if oid == order_id and str(f["id"]).startswith("ps-")
    ]


def test_pack_and_ship_with_scans_alone(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    scan(qtbot, window, "PS-USER-Ana")
    assert "packer: Ana" in window.windowTitle()
    assert window.station_label.text().startswith("Packer Ana")

    # First box: a command-driven partial shipment with dummy tracking.
    load(qtbot, window, "#1002")
    scan(qtbot, window, "PS-QTY-3")
    scan(qtbot, window, "SOCK-HIK-GRY-M")
    scan(qtbot, window, "TEE-MER-BLK-M")
    scan(qtbot, window, "PS-DUMMY")
    assert window.dummy_toggle.isChecked()
    qtbot.waitUntil(lambda: not window.writes.busy)
    scan_into_next_dialog("PS-CONFIRM")
    with qtbot.waitSignal(window.shipment_queued, timeout=5000) as first:
        type_scan("PS-SHIP")
    qtbot.waitUntil(lambda: len(fulfillments(sandbox, "5801002")) == 1, timeout=5000)
    shipped = fulfillments(sandbox, "5801002")[0]
    assert [(i["id"], i["quantity"]) for i in shipped["lineItems"]] == [
        ("li_1002_001", 3),
        ("li_1002_002", 1),
    ]  # type: ignore[index]
    item = window.services.store.outbox.get(first.args[0])
    assert item is not None
    assert item.packer == "Ana"

    # Second box: the rest; auto-ship counts down, is cancelled, then resumed.
    qtbot.waitUntil(lambda: window.services.store.outbox.counts().pending == 0, timeout=5000)
    load(qtbot, window, "#1002")
    scan(qtbot, window, "TEE-MER-BLK-M")
    scan(qtbot, window, "BNE-WOOL-CHR")
    scan(qtbot, window, "1Z999AA10123456784")
    qtbot.waitUntil(lambda: window.countdown.active, timeout=3000)
    assert "Shipping in" in window.banner.message
    scan(qtbot, window, "PS-CANCEL")
    assert not window.countdown.active
    assert "Auto-ship stopped" in window.banner.message
    assert window.mode is Mode.ORDER
    scan(qtbot, window, "PS-CONFIRM")
    assert window.countdown.active
    with qtbot.waitSignal(window.shipment_queued, timeout=5000):
        pass  # the countdown fires by itself
    qtbot.waitUntil(lambda: len(fulfillments(sandbox, "5801002")) == 2, timeout=5000)
    second = fulfillments(sandbox, "5801002")[1]
    assert second["trackingNumber"] == "1Z999AA10123456784"
    assert second["trackingCompany"] == "UPS"
    stats = window.services.store.stats()
    assert [(row.packer, row.orders, row.items) for row in stats] == [("Ana", 2, 6)]


def test_ship_during_the_countdown_ships_once(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    load(qtbot, window, "#1001")
    scan(qtbot, window, "JKT-RAIN-NVY-M")
    scan(qtbot, window, "1Z999AA10123456784")
    qtbot.waitUntil(lambda: window.countdown.active, timeout=3000)
    with qtbot.waitSignal(window.shipment_queued, timeout=5000) as queued:
        type_scan("PS-SHIP")
    assert not window.countdown.active
    window.ship()  # a second press finds nothing to ship
    window.ship_button.click()
    qtbot.waitUntil(lambda: sandbox.state.fulfillment_count(queued.args[0]) == 1, timeout=5000)
    assert len(window.services.store.outbox.history()) == 1
    assert len(fulfillments(sandbox, "5801001")) == 1


def test_partial_shipments_always_ask_even_with_auto_ship(qtbot: QtBot, window: MainWindow) -> None:
    load(qtbot, window, "#1002")
    scan(qtbot, window, "SOCK-HIK-GRY-M")
    scan(qtbot, window, "1Z999AA10123456784")
    qtbot.waitUntil(lambda: not window.writes.busy)
    assert not window.countdown.active
    scan_into_next_dialog("PS-CANCEL")
    type_scan("PS-SHIP")
    assert window.mode is Mode.ORDER
    assert window.services.store.outbox.counts().pending == 0


def test_unknown_barcode_is_taught_in_one_step(qtbot: QtBot, window: MainWindow) -> None:
    load(qtbot, window, "#1002")
    scan(qtbot, window, "2000000123457")
    assert window.banner.is_error

    def press_three() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, press_three)
            return
        from PySide6.QtTest import QTest

        QTest.keyClick(dialog, "3")  # the third line: the beanie

    QTimer.singleShot(0, press_three)
    window.teach_last_unknown()
    qtbot.waitUntil(
        lambda: window.session is not None and window.session.line(2).packed == 1, timeout=3000
    )
    taught = window.services.store.catalog.taught()
    assert [(code, sku) for code, sku, _, _ in taught] == [("2000000123457", "BNE-WOOL-CHR")]
    assert taught[0][2] == "Bench 7"


def test_product_codes_are_learned_from_redo_in_the_background(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    load(qtbot, window, "#1002")
    qtbot.waitUntil(
        lambda: window.services.store.catalog.skus_needing_upc(["BNE-WOOL-CHR"]) == [], timeout=5000
    )
    qtbot.waitUntil(lambda: not window.reads.busy, timeout=5000)
    scan(qtbot, window, "0840312000080")  # the beanie's UPC, scanned as EAN-13
    assert window.session is not None
    assert window.session.line(2).packed == 1


def test_another_slip_switches_only_when_nothing_is_packed(
    qtbot: QtBot, window: MainWindow
) -> None:
    load(qtbot, window, "#1002")
    load(qtbot, window, "#1001")
    assert "#1001" in window.order_header.text()
    scan(qtbot, window, "JKT-RAIN-NVY-M")
    scan(qtbot, window, "#1002")
    assert window.banner.is_error
    assert "another order's slip" in window.banner.message
    assert "#1001" in window.order_header.text()


def test_item_code_in_the_tracking_field_is_refused(qtbot: QtBot, window: MainWindow) -> None:
    load(qtbot, window, "#1002")
    window.tracking_input.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tracking_input)
    scan(qtbot, window, "BNE-WOOL-CHR")
    assert window.banner.is_error
    assert "not a tracking number" in window.banner.message
    assert window.tracking_input.text() == ""


def test_a_refused_scan_stops_the_countdown(qtbot: QtBot, window: MainWindow) -> None:
    load(qtbot, window, "#1001")
    scan(qtbot, window, "JKT-RAIN-NVY-M")
    scan(qtbot, window, "1Z999AA10123456784")
    qtbot.waitUntil(lambda: window.countdown.active, timeout=3000)
    scan(qtbot, window, "BTL-STL-750")
    assert not window.countdown.active
    assert window.banner.is_error
    assert "Auto-ship stopped" in window.banner.message
    assert window.mode is Mode.ORDER


def test_ps_clear_asks_and_ps_confirm_answers(qtbot: QtBot, window: MainWindow) -> None:
    load(qtbot, window, "#1002")
    scan(qtbot, window, "BNE-WOOL-CHR")
    qtbot.waitUntil(lambda: not window.writes.busy)
    scan_into_next_dialog("PS-CONFIRM")
    type_scan("PS-CLEAR")
    assert window.mode is Mode.IDLE
    assert window.session is None
