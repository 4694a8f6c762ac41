"""Discarding a held shipment in Needs attention is a lead's action, asked on the dialog.

A discarded shipment is never sent to Redo: as with forgetting a taught barcode
(``tests/bench/test_forget_taught.py``), a packer who is not a lead is asked, on the
dialog, for a lead's badge; the "are you sure?" names the lead, and the lead is written
to the station's journal with the shipment.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from packstation.config import Settings
from packstation.packing import PackingSession, TrackingInput
from packstation.redo.errors import Problem, ProblemKind
from packstation.sandbox import SandboxServer
from packstation.store import OutboxState
from packstation.ui.station.sounds import Sound
from packstation.ui.views.attention_dialog import AttentionDialog
from packstation.ui.views.main_window import MainWindow
from packstation.ui.words import bench as words
from tests.helpers.fakes import RecordingSound
from tests.helpers.orders import demo_order
from tests.helpers.station import Bench, FakeStation, fake_bench, scan
from tests.ui.conftest import load, type_scan
from tests.ui.conftest import scan as scan_in_window

LEADS = Settings(station_name="Bench 1", leads=["Ana"])


@pytest.fixture
def benches(qtbot: QtBot, tmp_path: Path) -> Iterator[list[Bench]]:
    """Benches on the fake port the test opens; each is stopped after it."""
    opened: list[Bench] = []
    yield opened
    for controller, port in opened:
        controller.shipping.stop_countdown()
        controller.news.stop()
        port.close()


def _bench(benches: list[Bench], tmp_path: Path, settings: Settings | None = None) -> Bench:
    made = fake_bench(tmp_path / "station", settings=settings or Settings(station_name="Bench 1"))
    benches.append(made)
    return made


def _held(port: FakeStation) -> str:
    """A shipment Redo refused: held under Needs attention."""
    session = PackingSession(demo_order("#1002"))
    session.scan("BNE-WOOL-CHR")
    item = port.store.ship(session, "#1002", TrackingInput("UPS", "1Z-bad"))
    port.store.outbox.mark_attention(
        item.fulfillment_id, Problem(ProblemKind.REFUSED, status=400, said="bad"), "rejected"
    )
    return item.fulfillment_id


def _open(qtbot: QtBot, bench: Bench) -> tuple[AttentionDialog, str]:
    controller, port = bench
    fid = _held(port)
    dialog = AttentionDialog(port, controller.identity)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.discard_button.isEnabled)
    return dialog, fid


def _box(dialog: AttentionDialog) -> QMessageBox | None:
    """The "are you sure?" the dialog shows now, if it shows one."""
    return next((b for b in dialog.findChildren(QMessageBox) if b.isVisible()), None)


def _state(port: FakeStation, fid: str) -> OutboxState:
    item = port.store.outbox.get(fid)
    assert item is not None
    return item.state


def _discarded_by(port: FakeStation) -> list[tuple[str, str, str]]:
    rows = port.store._conn.execute(
        "SELECT order_id, detail, packer FROM journal WHERE kind = 'discarded-shipment'"
    ).fetchall()
    return [(r["order_id"], r["detail"], r["packer"]) for r in rows]


def _answer(qtbot: QtBot, dialog: AttentionDialog, button: QMessageBox.StandardButton) -> None:
    qtbot.waitUntil(lambda: _box(dialog) is not None)
    box = _box(dialog)
    assert box is not None
    pressed = box.button(button)
    assert pressed is not None
    pressed.click()


def test_a_packer_who_is_not_a_lead_is_asked_for_a_badge_and_nothing_is_discarded(
    qtbot: QtBot, benches: list[Bench], tmp_path: Path
) -> None:
    controller, port = bench = _bench(benches, tmp_path, LEADS)
    scan(controller, "PS-USER-Bob")
    dialog, fid = _open(qtbot, bench)
    dialog.discard_button.click()
    qtbot.waitUntil(lambda: "Discarding a held shipment is for a lead" in dialog.note.text())
    assert _box(dialog) is None  # no "are you sure?" before a lead is known
    assert _state(port, fid) is OutboxState.ATTENTION
    assert _discarded_by(port) == []
    assert not dialog.discard_button.autoDefault()  # a badge's Enter never presses it


def test_a_badge_that_is_not_a_leads_is_refused_with_the_sentence(
    qtbot: QtBot, benches: list[Bench], tmp_path: Path
) -> None:
    controller, port = bench = _bench(benches, tmp_path, LEADS)
    scan(controller, "PS-USER-Bob")
    dialog, fid = _open(qtbot, bench)
    dialog.discard_button.click()
    port.sounds.played.clear()
    dialog.take_scan("PS-USER-Cleo")
    refused = words.not_a_lead("Cleo", words.discarding_action()).text
    assert refused == "Cleo is not a lead here. Discarding a held shipment needs a lead's badge."
    qtbot.waitUntil(lambda: dialog.note.text() == refused)
    assert Sound.ERROR in port.sounds.played
    assert _box(dialog) is None
    port.sounds.played.clear()
    dialog.take_scan("BNE-WOOL-CHR")  # not a badge at all: asked again
    assert "is for a lead" in dialog.note.text()
    assert Sound.ERROR in port.sounds.played
    assert _box(dialog) is None
    assert _state(port, fid) is OutboxState.ATTENTION
    assert _discarded_by(port) == []


def test_a_leads_badge_then_the_confirm_discards_and_the_journal_names_the_lead(
    qtbot: QtBot, benches: list[Bench], tmp_path: Path
) -> None:
    controller, port = bench = _bench(benches, tmp_path, LEADS)
    scan(controller, "PS-USER-Bob")
    dialog, fid = _open(qtbot, bench)
    dialog.discard_button.click()
    dialog.take_scan("PS-USER-Cleo")  # refused; the badge is still awaited
    dialog.take_scan("PS-USER-Ana")
    qtbot.waitUntil(lambda: _box(dialog) is not None)
    box = _box(dialog)
    assert box is not None
    assert box.windowTitle() == "Discard this shipment?"
    assert "#1002" in box.text() and "Ana" in box.text()  # the confirm names the lead
    assert _state(port, fid) is OutboxState.ATTENTION  # not before the confirm
    _answer(qtbot, dialog, QMessageBox.StandardButton.Discard)
    qtbot.waitUntil(lambda: _state(port, fid) is OutboxState.DISCARDED)
    item = port.store.outbox.get(fid)
    assert item is not None
    assert _discarded_by(port) == [(item.order_id, f"#1002 {fid}", "Ana")]
    qtbot.waitUntil(lambda: "discarded (by Ana)" in dialog.note.text())
    assert controller.packer == "Bob"  # the packer at the bench stays


def test_the_confirms_cancel_after_a_leads_badge_discards_nothing(
    qtbot: QtBot, benches: list[Bench], tmp_path: Path
) -> None:
    controller, port = bench = _bench(benches, tmp_path, LEADS)
    scan(controller, "PS-USER-Bob")
    dialog, fid = _open(qtbot, bench)
    dialog.discard_button.click()
    dialog.take_scan("PS-USER-Ana")
    _answer(qtbot, dialog, QMessageBox.StandardButton.Cancel)
    qtbot.waitUntil(lambda: _box(dialog) is None)
    assert _state(port, fid) is OutboxState.ATTENTION
    assert _discarded_by(port) == []


def test_a_lead_at_the_bench_is_not_asked_for_a_badge(
    qtbot: QtBot, benches: list[Bench], tmp_path: Path
) -> None:
    controller, port = bench = _bench(benches, tmp_path, LEADS)
    scan(controller, "PS-USER-ana")  # leads are matched without case
    dialog, fid = _open(qtbot, bench)
    dialog.discard_button.click()
    qtbot.waitUntil(lambda: _box(dialog) is not None)
    box = _box(dialog)
    assert box is not None and "ana" in box.text()
    assert "is for a lead" not in dialog.note.text()
    _answer(qtbot, dialog, QMessageBox.StandardButton.Discard)
    qtbot.waitUntil(lambda: _state(port, fid) is OutboxState.DISCARDED)
    assert [who for *_, who in _discarded_by(port)] == ["ana"]


def test_esc_while_a_badge_is_awaited_discards_nothing_and_keeps_the_dialog(
    qtbot: QtBot, benches: list[Bench], tmp_path: Path
) -> None:
    _, port = bench = _bench(benches, tmp_path)  # no leads, and nobody said who they are
    dialog, fid = _open(qtbot, bench)
    dialog.discard_button.click()
    qtbot.waitUntil(lambda: "Who is discarding it?" in dialog.note.text())
    QTest.keyClick(dialog, Qt.Key.Key_Escape)  # Esc (PS-CANCEL rejects the same way)
    qtbot.waitUntil(lambda: "Nothing was discarded." in dialog.note.text())
    assert dialog.isVisible()  # Esc gave up the discard, not the dialog
    # After Esc a scan is no badge: not taken (the keyboard router refuses it aloud).
    assert not dialog.take_scan("PS-USER-Ana")
    assert _box(dialog) is None
    assert _state(port, fid) is OutboxState.ATTENTION
    assert _discarded_by(port) == []
    dialog.reject()  # with no badge awaited, it closes
    qtbot.waitUntil(lambda: not dialog.isVisible())


@pytest.mark.expected_log("needs attention")
def test_a_badge_scanned_at_the_window_reaches_needs_attention(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, sound: RecordingSound
) -> None:
    """Through the scanner and the keyboard router, as at the bench: no leads configured
    and nobody named at the bench, so whoever scans their badge discards, and is named."""
    sandbox.faults.set(reject_writes=1)  # Redo refuses the shipment: it is held
    load(qtbot, window, "#1001")
    scan_in_window(qtbot, window, "JKT-RAIN-NVY-M")
    scan_in_window(qtbot, window, "1Z999AA10123456784")
    qtbot.waitUntil(lambda: window.port.snapshot.counts.attention == 1, timeout=10_000)
    window.menus.open_attention()
    dialog = window.host.findChild(AttentionDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.discard_button.isEnabled)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog)
    sound.played.clear()
    type_scan("SOCK-HIK-GRY-M")  # no badge is awaited: refused aloud, as before
    qtbot.waitUntil(lambda: Sound.ERROR in sound.played)
    assert "scans are not taken" in window.banner.message
    assert "SOCK-HIK-GRY-M" in dialog.note.text()
    dialog.discard_button.click()
    qtbot.waitUntil(lambda: "Who is discarding it?" in dialog.note.text())
    type_scan("PS-USER-Ana")
    qtbot.waitUntil(lambda: _box(dialog) is not None)
    box = _box(dialog)
    assert box is not None and "Ana" in box.text()
    assert window.controller.packer == ""  # the badge was for the discard only
    assert window.port.snapshot.counts.attention == 1
    _answer(qtbot, dialog, QMessageBox.StandardButton.Discard)
    qtbot.waitUntil(lambda: window.port.snapshot.counts.attention == 0, timeout=5000)
    store = window.services.store
    with store._lock:  # the store thread writes on this connection
        rows = store._conn.execute(
            "SELECT packer FROM journal WHERE kind = 'discarded-shipment'"
        ).fetchall()
    assert [r["packer"] for r in rows] == ["Ana"]
    dialog.reject()
