"""Receiving returns in the real window, by scans alone, against the real sandbox: the mode,
a parcel found by its label, items received sellable and damaged with a note, an
undeclared item refused, processing queued and done in Redo exactly once, a restart."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from packstation.redo.returns import ItemState
from packstation.sandbox import SandboxServer
from packstation.store.returns_sender import ReturnProcessed
from packstation.ui.station.sounds import Sound
from packstation.ui.views.main_window import MainWindow
from tests.helpers.fakes import RecordingSound
from tests.ui.conftest import answer, make_services, scan, type_scan

#: Demo returns (resources/sandbox/returns.json).
JACKET_RETURN = "675a1c00e4b0d3f19a7c0001"  # #1001, delivered: one rain jacket
JACKET_LABEL = "1ZA8V4730367210455"
GLOVES_RETURN = "675a1c00e4b0d3f19a7c0005"  # #1012, delivered: two gloves on one line
GLOVES_LABEL = "1ZW2938E0367182637"
PROCESSED_LABEL = "1ZF6E7120366145900"  # #1011's return, complete already


def enter_returns(qtbot: QtBot, window: MainWindow) -> None:
    scan(qtbot, window, "PS-RETURNS")
    assert window.stack.currentWidget() is window.returns_page
    assert window.returns_page.band.isVisible()
    assert "RETURNS" in window.windowTitle()


def open_return(qtbot: QtBot, window: MainWindow, label: str) -> None:
    type_scan(label)
    qtbot.waitUntil(lambda: window.controller.returns.session is not None, timeout=10_000)


def processed(sandbox: SandboxServer, return_id: str) -> list[ItemState]:
    from packstation.redo.returns import Return

    ret = Return.model_validate(sandbox.state.returns.get(return_id))
    return [ret.item_state(item) for item in ret.items]


def test_a_return_received_by_scans_is_processed_in_redo_once(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, sound: RecordingSound
) -> None:
    enter_returns(qtbot, window)
    open_return(qtbot, window, JACKET_LABEL)
    page = window.returns_page
    assert page.table.rowCount() == 1
    assert page.table.item(0, 1).text() == "JKT-RAIN-NVY-M"  # type: ignore[union-attr]
    sound.played.clear()
    scan(qtbot, window, "MUG-ENM-WHT")  # not on this return
    assert window.banner.is_error
    assert Sound.ERROR in sound.played
    assert "MUG-ENM-WHT" in page.undeclared.text()
    scan(qtbot, window, "JKT-RAIN-NVY-M")
    assert page.table.item(0, 3).text() == "1"  # type: ignore[union-attr]
    with qtbot.waitSignal(window.port.returns_news, timeout=10_000) as news:
        QTest.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    event = news.args[0]
    assert isinstance(event, ReturnProcessed)
    assert processed(sandbox, JACKET_RETURN) == [ItemState.DONE]
    process_calls = [e for e in sandbox.exchanges if e.target.endswith(f"{JACKET_RETURN}/process")]
    assert len(process_calls) == 1
    qtbot.waitUntil(
        lambda: any(
            e.target.endswith(f"{JACKET_RETURN}/comments") and e.method == "POST"
            for e in sandbox.exchanges
        ),
        timeout=10_000,
    )
    comment = next(
        e for e in sandbox.exchanges if e.target.endswith("/comments") and e.method == "POST"
    )
    assert b"Not on the return: MUG-ENM-WHT" in comment.request_body
    assert window.controller.returns.session is None  # ready for the next parcel
    # Processed and commented: the status bar has nothing left waiting.
    qtbot.waitUntil(lambda: window.port.snapshot.counts.pending == 0, timeout=5000)


def test_a_damaged_unit_takes_a_reason_by_number_and_is_not_restocked(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    enter_returns(qtbot, window)
    open_return(qtbot, window, GLOVES_LABEL)
    page = window.returns_page
    scan(qtbot, window, "PS-DAMAGED")
    scan(qtbot, window, "GLV-TRK-BLK-L")
    assert page.reasons.isVisible()  # the list of reasons, to scan one
    scan(qtbot, window, "2")
    assert page.table.item(0, 4).text() == "1 (Stained or dirty)"  # type: ignore[union-attr]
    scan(qtbot, window, "GLV-TRK-BLK-L")
    assert page.table.item(0, 3).text() == "1"  # type: ignore[union-attr]
    with qtbot.waitSignal(window.port.returns_news, timeout=10_000):
        scan(qtbot, window, "PS-SHIP")
    call = next(e for e in sandbox.exchanges if e.target.endswith(f"{GLOVES_RETURN}/process"))
    assert b'"restock":false' in call.request_body.replace(b" ", b"")


def test_units_missing_are_asked_about_first(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    enter_returns(qtbot, window)
    open_return(qtbot, window, GLOVES_LABEL)
    scan(qtbot, window, "GLV-TRK-BLK-L")  # one of two
    scan(qtbot, window, "PS-SHIP")
    assert window.controller.question is not None  # 1 unit did not arrive: process anyway?
    answer(qtbot, window, Qt.Key.Key_Escape)
    assert window.controller.returns.session is not None  # still receiving
    assert not [e for e in sandbox.exchanges if e.target.endswith("/process")]


def test_a_processed_return_says_so_and_sends_nothing(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    enter_returns(qtbot, window)
    type_scan(PROCESSED_LABEL)
    qtbot.waitUntil(lambda: "already complete" in window.banner.message, timeout=10_000)
    assert window.controller.returns.session is None
    assert sandbox.writes() == 0


def test_an_unknown_label_is_refused_after_one_look_at_redo(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    enter_returns(qtbot, window)
    type_scan("1Z999AA10123456784")  # a real UPS number, on no return
    qtbot.waitUntil(lambda: "No open return" in window.banner.message, timeout=10_000)
    assert window.banner.is_error


def test_a_return_half_received_comes_back_after_a_restart(
    qtbot: QtBot,
    sandbox: SandboxServer,
    station_dir: Path,
    sound: RecordingSound,
    open_window: Callable[..., MainWindow],
) -> None:
    first = open_window(make_services(sandbox, station_dir, sound))
    enter_returns(qtbot, first)
    open_return(qtbot, first, GLOVES_LABEL)
    scan(qtbot, first, "GLV-TRK-BLK-L")
    qtbot.waitUntil(lambda: not first.runtime.writes.busy, timeout=5000)
    first.shutdown()
    again = open_window(make_services(sandbox, station_dir, sound))
    qtbot.waitUntil(lambda: again.controller.returns.session is not None, timeout=5000)
    assert again.stack.currentWidget() is again.returns_page
    assert again.controller.returns.session.received(0) == 1  # type: ignore[union-attr]


def test_a_barcode_scanned_when_a_note_is_asked_is_an_item_and_typed_words_are_the_note(
    qtbot: QtBot, window: MainWindow
) -> None:
    enter_returns(qtbot, window)
    open_return(qtbot, window, GLOVES_LABEL)
    page = window.returns_page
    scan(qtbot, window, "PS-DAMAGED")
    scan(qtbot, window, "GLV-TRK-BLK-L")
    scan(qtbot, window, "MUG-ENM-WHT")  # another product's code: no note, an undeclared item
    assert window.banner.is_error
    assert "MUG-ENM-WHT" in page.undeclared.text()
    assert page.table.item(0, 4).text() == "1"  # type: ignore[union-attr]
    scan(qtbot, window, "PS-DAMAGED")
    scan(qtbot, window, "GLV-TRK-BLK-L")
    scan(qtbot, window, "seam torn at thumb")  # typed by hand
    assert page.table.item(0, 4).text() == "2 (seam torn at thumb)"  # type: ignore[union-attr]


def test_the_mode_is_remembered_and_a_setting_starts_a_bench_in_returns(
    qtbot: QtBot,
    sandbox: SandboxServer,
    station_dir: Path,
    sound: RecordingSound,
    open_window: Callable[..., MainWindow],
    tmp_path: Path,
) -> None:
    first = open_window(make_services(sandbox, station_dir, sound))
    enter_returns(qtbot, first)
    qtbot.waitUntil(lambda: not first.runtime.writes.busy, timeout=5000)
    first.shutdown()
    again = open_window(make_services(sandbox, station_dir, sound))
    qtbot.waitUntil(lambda: again.controller.returns.active, timeout=5000)
    assert again.stack.currentWidget() is again.returns_page
    scan(qtbot, again, "PS-PACKING")
    assert again.stack.currentWidget() is again.idle_page
    # A new bench whose settings make it a returns bench starts as one.
    services = make_services(sandbox, tmp_path / "returns-bench", sound)
    services.settings = services.settings.with_(bench_mode="returns")
    returns_bench = open_window(services)
    qtbot.waitUntil(lambda: returns_bench.controller.returns.active, timeout=5000)


@pytest.mark.expected_log("finding the return")
def test_a_token_without_the_returns_scope_is_named_in_a_sentence(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    sandbox.faults.set(missing_scopes=frozenset({"returns_read"}))
    enter_returns(qtbot, window)
    type_scan(JACKET_LABEL)
    qtbot.waitUntil(lambda: "returns_read" in window.banner.message, timeout=10_000)
    assert "permission" in window.banner.message
    assert window.banner.is_error


def test_a_return_on_the_lists_third_page_is_found_by_its_tracker(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from packstation.redo.returns import Return
    from packstation.ui.station import port_returns

    monkeypatch.setattr(port_returns, "WALK_PAGE_SIZE", 3)
    delivered = sorted(
        (Return.model_validate(r["return"]) for r in sandbox.state.returns.snapshot()),
        key=lambda r: r.created_at,
        reverse=True,
    )
    delivered = [r for r in delivered if r.status.value == "delivered" and r.trackers()]
    assert len(delivered) > 6  # so the one below is on the third page of its walk
    target = delivered[6]
    enter_returns(qtbot, window)
    open_return(qtbot, window, target.trackers()[0])
    assert window.controller.returns.on_bench is not None
    assert window.controller.returns.on_bench.return_id == target.id
    pages = [
        e
        for e in sandbox.exchanges
        if e.target.split("?")[0].endswith("/returns") and "status=delivered" in e.target
    ]
    assert len(pages) >= 3
    assert any(e.request_headers.get("X-Page-Continue") for e in pages)


@pytest.mark.expected_log("held (forbidden)")
def test_a_return_redo_did_not_take_needs_attention_with_its_reason_and_is_retried(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    from packstation.store.returns_sender import ReturnHeld
    from packstation.ui.views.attention_dialog import AttentionDialog
    from tests.helpers.fakes import Nobody

    enter_returns(qtbot, window)
    open_return(qtbot, window, JACKET_LABEL)
    scan(qtbot, window, "JKT-RAIN-NVY-M")
    sandbox.faults.set(missing_scopes=frozenset({"returns_write"}))
    with qtbot.waitSignal(window.port.returns_news, timeout=10_000) as news:
        scan(qtbot, window, "PS-SHIP")
    assert isinstance(news.args[0], ReturnHeld)
    qtbot.waitUntil(lambda: window.port.snapshot.counts.attention == 1, timeout=5000)
    dialog = AttentionDialog(window.port, Nobody())
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "Return of #1001" in dialog.list.item(0).text(), timeout=5000)
    assert "returns_write" in dialog.list.item(0).text()
    sandbox.faults.set(missing_scopes=frozenset())
    dialog.list.setCurrentRow(0)
    assert dialog.retry_button.isEnabled()
    with qtbot.waitSignal(window.port.returns_news, timeout=10_000) as news:
        dialog.retry()
    assert isinstance(news.args[0], ReturnProcessed)
    qtbot.waitUntil(lambda: window.port.snapshot.counts.attention == 0, timeout=5000)
    assert processed(sandbox, JACKET_RETURN) == [ItemState.DONE]
    dialog.reject()


def test_a_processed_return_prints_its_receipt(
    qtbot: QtBot,
    sandbox: SandboxServer,
    station_dir: Path,
    sound: RecordingSound,
    open_window: Callable[..., MainWindow],
    tmp_path: Path,
) -> None:
    from tests.helpers.pdf import pdf_text

    folder = tmp_path / "receipts"
    folder.mkdir()
    services = make_services(sandbox, station_dir, sound)
    services.settings = services.settings.with_(printer=f"pdf:{folder}")
    window = open_window(services)
    enter_returns(qtbot, window)
    open_return(qtbot, window, JACKET_LABEL)
    scan(qtbot, window, "JKT-RAIN-NVY-M")
    scan(qtbot, window, "PS-SHIP")
    qtbot.waitUntil(lambda: any(folder.glob("receipt-*.pdf")), timeout=10_000)
    (receipt,) = folder.glob("receipt-*.pdf")
    text = pdf_text(receipt)
    assert "#1001" in text
    assert JACKET_RETURN in text


def test_the_items_upc_from_the_return_receives_it_in_any_gtin_form(
    qtbot: QtBot, window: MainWindow
) -> None:
    enter_returns(qtbot, window)
    open_return(qtbot, window, JACKET_LABEL)
    scan(qtbot, window, "0840312000059")  # the UPC Redo gives on the return, as EAN-13
    assert window.returns_page.table.item(0, 3).text() == "1"  # type: ignore[union-attr]


def test_the_damage_reasons_are_the_settings(
    qtbot: QtBot,
    sandbox: SandboxServer,
    station_dir: Path,
    sound: RecordingSound,
    open_window: Callable[..., MainWindow],
) -> None:
    services = make_services(sandbox, station_dir, sound)
    services.settings = services.settings.with_(damage_reasons=("Scuffed", "Smells of smoke"))
    window = open_window(services)
    enter_returns(qtbot, window)
    open_return(qtbot, window, GLOVES_LABEL)
    scan(qtbot, window, "PS-DAMAGED")
    scan(qtbot, window, "GLV-TRK-BLK-L")
    page = window.returns_page
    assert page.reasons.text() == "1. Scuffed · 2. Smells of smoke"
    scan(qtbot, window, "2")
    assert page.table.item(0, 4).text() == "1 (Smells of smoke)"  # type: ignore[union-attr]


def test_the_items_show_their_pictures_from_the_returns_order(
    qtbot: QtBot, window: MainWindow
) -> None:
    enter_returns(qtbot, window)
    open_return(qtbot, window, JACKET_LABEL)
    qtbot.waitUntil(lambda: bool(window.controller.returns.images), timeout=10_000)
    item = window.returns_page.table.item(0, 0)
    assert item is not None
    assert not item.icon().isNull()
