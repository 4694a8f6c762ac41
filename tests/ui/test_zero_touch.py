"""A whole order packed and shipped with scans alone: commands, partial shipment, auto-ship."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from packstation.sandbox import SandboxServer
from packstation.ui.bench.controller import Mode
from packstation.ui.views.banner import Tone
from packstation.ui.views.main_window import MainWindow
from tests.ui.conftest import load, scan, type_scan


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
    assert window.status.station_label.text().startswith("Packer Ana")

    # First box: a command-driven partial shipment with dummy tracking.
    load(qtbot, window, "#1002")
    scan(qtbot, window, "PS-QTY-3")
    scan(qtbot, window, "SOCK-HIK-GRY-M")
    scan(qtbot, window, "TEE-MER-BLK-M")
    scan(qtbot, window, "PS-DUMMY")
    assert window.order_page.shipping.dummy_toggle.isChecked()
    qtbot.waitUntil(lambda: not window.runtime.writes.busy)
    type_scan("PS-SHIP")
    assert window.question_panel.isVisible()  # a partial shipment always asks
    with qtbot.waitSignal(window.controller.shipment_queued, timeout=5000) as first:
        type_scan("PS-CONFIRM")
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
    scan(qtbot, window, "9400111899223197428497")
    qtbot.waitUntil(lambda: window.controller.shipping.countdown.active, timeout=3000)
    assert "Shipping in" in window.banner.message
    scan(qtbot, window, "PS-CANCEL")
    assert not window.controller.shipping.countdown.active
    assert "Auto-ship stopped" in window.banner.message
    assert window.controller.mode is Mode.ORDER
    scan(qtbot, window, "PS-CONFIRM")
    assert window.controller.shipping.countdown.active
    with qtbot.waitSignal(window.controller.shipment_queued, timeout=5000):
        pass  # the countdown fires by itself
    qtbot.waitUntil(lambda: len(fulfillments(sandbox, "5801002")) == 2, timeout=5000)
    second = fulfillments(sandbox, "5801002")[1]
    assert second["trackingNumber"] == "9400111899223197428497"
    assert second["trackingCompany"] == "USPS"
    stats = window.services.store.stats()
    # One order in two shipments: one order, two boxes.
    assert [(row.packer, row.orders, row.boxes, row.items) for row in stats] == [("Ana", 1, 2, 6)]


def test_ship_during_the_countdown_ships_once(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    load(qtbot, window, "#1001")
    scan(qtbot, window, "JKT-RAIN-NVY-M")
    scan(qtbot, window, "1Z999AA10123456784")
    qtbot.waitUntil(lambda: window.controller.shipping.countdown.active, timeout=3000)
    with qtbot.waitSignal(window.controller.shipment_queued, timeout=5000) as queued:
        type_scan("PS-SHIP")
    assert not window.controller.shipping.countdown.active
    window.controller.shipping.ship()  # a second press finds nothing to ship
    window.order_page.shipping.ship_button.click()
    qtbot.waitUntil(lambda: sandbox.state.fulfillment_count(queued.args[0]) == 1, timeout=5000)
    assert len(window.services.store.outbox.history()) == 1
    assert len(fulfillments(sandbox, "5801001")) == 1


def test_partial_shipments_always_ask_even_with_auto_ship(qtbot: QtBot, window: MainWindow) -> None:
    load(qtbot, window, "#1002")
    scan(qtbot, window, "SOCK-HIK-GRY-M")
    scan(qtbot, window, "1Z999AA10123456784")
    qtbot.waitUntil(lambda: not window.runtime.writes.busy)
    assert not window.controller.shipping.countdown.active
    type_scan("PS-SHIP")
    type_scan("PS-CANCEL")
    assert window.controller.mode is Mode.ORDER
    assert window.services.store.outbox.counts().pending == 0


def test_unknown_barcode_is_taught_in_one_step(qtbot: QtBot, window: MainWindow) -> None:
    """With no leads named in the config, a named person teaches: the bench asks who."""
    load(qtbot, window, "#1002")
    scan(qtbot, window, "2000000123457")
    assert window.banner.is_error

    window.menus.teach_last_unknown()
    qtbot.waitUntil(window.question_panel.isVisible)  # Redo is asked whether it is a SKU first
    question = window.controller.question
    assert question is not None and question.wants_badge
    scan(qtbot, window, "PS-USER-Sam")
    qtbot.waitUntil(lambda: window.controller.question is not None)
    assert window.controller.question.choice  # type: ignore[union-attr]
    QTest.keyClick(QApplication.focusWidget(), "3")  # the third line: the beanie
    qtbot.waitUntil(
        lambda: (
            window.controller.session is not None and window.controller.session.line(2).packed == 1
        ),
        timeout=3000,
    )
    (taught,) = window.services.store.catalog.taught()
    assert (taught.barcode, taught.sku) == ("2000000123457", "BNE-WOOL-CHR")
    assert taught.taught_by == "Sam"  # a person, never the station


def test_product_codes_are_learned_from_redo_in_the_background(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    load(qtbot, window, "#1002")
    qtbot.waitUntil(
        lambda: window.services.store.catalog.skus_needing_upc(["BNE-WOOL-CHR"]) == [], timeout=5000
    )
    qtbot.waitUntil(lambda: not window.runtime.reads.busy, timeout=5000)
    scan(qtbot, window, "0840312000080")  # the beanie's UPC, scanned as EAN-13
    assert window.controller.session is not None
    assert window.controller.session.line(2).packed == 1


def test_another_slip_switches_only_when_nothing_is_packed(
    qtbot: QtBot, window: MainWindow
) -> None:
    load(qtbot, window, "#1002")
    load(qtbot, window, "#1001")
    assert "#1001" in window.order_page.header.text()
    scan(qtbot, window, "JKT-RAIN-NVY-M")
    scan(qtbot, window, "#1002")
    assert window.banner.is_error
    assert "another order's slip" in window.banner.message
    assert "#1001" in window.order_page.header.text()


def test_an_item_scanned_in_the_tracking_field_packs_and_esc_leaves_the_field(
    qtbot: QtBot, window: MainWindow
) -> None:
    load(qtbot, window, "#1002")
    tracking = window.order_page.shipping.tracking_input
    tracking.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tracking)
    tracking.setText("1Z99")
    scan(qtbot, window, "BNE-WOOL-CHR")
    qtbot.waitUntil(lambda: window.banner.tone is Tone.SUCCESS)
    assert window.controller.session is not None
    assert window.controller.session.line(2).packed == 1
    assert tracking.text() == "1Z99"  # the field keeps what the packer typed
    tracking.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tracking)
    QTest.keyClick(tracking, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.order_page.table
    assert "Back to scanning" in window.banner.message


def test_a_refused_scan_stops_the_countdown(qtbot: QtBot, window: MainWindow) -> None:
    load(qtbot, window, "#1001")
    scan(qtbot, window, "JKT-RAIN-NVY-M")
    scan(qtbot, window, "1Z999AA10123456784")
    qtbot.waitUntil(lambda: window.controller.shipping.countdown.active, timeout=3000)
    scan(qtbot, window, "BTL-STL-750")
    assert not window.controller.shipping.countdown.active
    assert window.banner.is_error
    assert "Auto-ship stopped" in window.banner.message
    assert window.controller.mode is Mode.ORDER


def test_ps_clear_asks_and_ps_confirm_answers(qtbot: QtBot, window: MainWindow) -> None:
    load(qtbot, window, "#1002")
    scan(qtbot, window, "BNE-WOOL-CHR")
    qtbot.waitUntil(lambda: not window.runtime.writes.busy)
    type_scan("PS-CLEAR")
    type_scan("PS-CONFIRM")
    assert window.controller.mode is Mode.IDLE
    assert window.controller.session is None
