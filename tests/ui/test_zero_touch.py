"""The window connects the bench: scans typed as key bursts pack and ship an order.

The rules of packing by scans alone (commands, partial shipments, the countdown, boxes,
teaching) are the bench's: ``tests/bench/``, on the fake port. Here the real window,
its threads and the sandbox on loopback: keys in, a fulfillment out.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from packstation.sandbox import SandboxServer
from packstation.ui.station.sounds import Sound
from packstation.ui.views.banner import Tone
from packstation.ui.views.main_window import MainWindow
from tests.helpers.fakes import RecordingSound
from tests.ui.conftest import load, scan


def fulfillments(sandbox: SandboxServer, order_id: str) -> list[dict[str, object]]:
    return [
        f
        for oid, f in sandbox.state.all_fulfillments()
        if oid == order_id and str(f["id"]).startswith("ps-")
    ]


def test_a_badge_a_slip_an_item_and_a_label_ship_by_themselves(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, sound: RecordingSound
) -> None:
    """Wiring: the scanner's bursts reach the controller, its words the banner and the
    title, the countdown's timer fires, the sender delivers to Redo, the news comes back."""
    scan(qtbot, window, "PS-USER-Ana")
    assert "packer: Ana" in window.windowTitle()
    assert window.status.station_label.text().startswith("Packer Ana")
    load(qtbot, window, "#1001")
    assert "#1001" in window.order_page.header.text()
    scan(qtbot, window, "JKT-RAIN-NVY-M")
    qtbot.waitUntil(lambda: window.order_page.model.line(0).packed == 1)  # once on disk
    scan(qtbot, window, "1Z999AA10123456784")
    assert window.order_page.shipping.tracking_input.text() == "1Z999AA10123456784"
    qtbot.waitUntil(lambda: window.controller.shipping.countdown.active)
    assert "Shipping in" in window.banner.message
    countdown_ms = int(window.controller.shipping.countdown.seconds * 1000)
    with qtbot.waitSignal(window.controller.shipment_queued, timeout=countdown_ms + 5000) as queued:
        pass  # the countdown fires by itself
    qtbot.waitUntil(lambda: sandbox.state.fulfillment_count(queued.args[0]) == 1, timeout=5000)
    (shipped,) = fulfillments(sandbox, "5801001")
    assert shipped["trackingNumber"] == "1Z999AA10123456784"
    item = window.services.store.outbox.get(queued.args[0])
    assert item is not None and item.packer == "Ana"
    qtbot.waitUntil(lambda: "Shipped order #1001" in window.banner.message, timeout=5000)
    assert Sound.SHIPPED in sound.played
    qtbot.waitUntil(lambda: window.status.pending_label.text() == "Nothing waiting to send")


def test_unknown_barcode_is_taught_with_f4_and_the_lines_number(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Wiring: F4 asks, a badge answers, the choice list takes its number key."""
    load(qtbot, window, "#1002")
    scan(qtbot, window, "2000000123457")
    assert window.banner.is_error

    QTest.keyClick(window, Qt.Key.Key_F4)
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
    )
    (taught,) = window.services.store.catalog.taught()
    assert (taught.barcode, taught.sku) == ("2000000123457", "BNE-WOOL-CHR")
    assert taught.taught_by == "Sam"  # a person, never the station


def test_product_codes_are_learned_from_redo_in_the_background(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    """The real client pages Redo's inventory list over HTTP (the fake has no such pages)."""
    load(qtbot, window, "#1002")
    qtbot.waitUntil(
        lambda: window.services.store.catalog.skus_needing_upc(["BNE-WOOL-CHR"]) == [], timeout=5000
    )
    qtbot.waitUntil(lambda: not window.runtime.reads.busy, timeout=5000)
    scan(qtbot, window, "0840312000080")  # the beanie's UPC, scanned as EAN-13
    assert window.controller.session is not None
    assert window.controller.session.line(2).packed == 1


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
