"""The edges a packer hits every day in the window, each one a regression test: keys
typed by hand, a menu or the help open, quitting, a slow load, first run.

What the bench says at its edges (refusals, quantities, undo, a reused label, the
question's hint) is the bench's: ``tests/bench/``, on the fake port.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from packstation.packing import PackingSession, TrackingInput
from packstation.redo.errors import Problem, ProblemKind
from packstation.sandbox import SandboxServer
from packstation.ui.bench.controller import Mode
from packstation.ui.station.sounds import Sound
from packstation.ui.views.banner import Tone
from packstation.ui.views.lines_model import Column
from packstation.ui.views.main_window import CLOSE_NOTICE_MS, MainWindow
from packstation.ui.views.style import apply_bench_style
from tests.helpers.fakes import RecordingSound
from tests.helpers.orders import demo_order
from tests.ui.conftest import idle, load, scan, type_scan


def packed(window: MainWindow) -> list[int]:
    assert window.controller.session is not None
    return [line.packed for line in window.controller.session.lines()]


def test_typing_a_code_by_hand_on_a_selected_line_never_changes_quantities(
    qtbot: QtBot, window: MainWindow
) -> None:
    """SOCK-HIK-GRY-M typed at 150 ms a key with a line selected: the dashes are text."""
    load(qtbot, window, "#1002")
    scan(qtbot, window, "SOCK-HIK-GRY-M")
    scan(qtbot, window, "SOCK-HIK-GRY-M")
    idle(qtbot, window)
    table = window.order_page.table
    table.setFocus()
    table.selectRow(0)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    for char in "SOCK-HIK-GRY-M":
        QTest.keyClick(QApplication.focusWidget(), char)
        qtbot.wait(150)  # a person's pause (QTest keys carry no stamp): load only lengthens it
    qtbot.waitUntil(lambda: window.code_field.text() == "SOCK-HIK-GRY-M")
    assert packed(window) == [2, 0, 0]
    assert window.banner.tone is not Tone.ERROR
    with qtbot.waitSignal(window.controller.scan_handled):
        QTest.keyClick(window.code_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: packed(window) == [3, 0, 0])


def test_needs_attention_is_a_red_badge(qtbot: QtBot, window: MainWindow) -> None:
    """The badge follows the outbox within one snapshot of the write, however busy the
    machine. The sender is kept out of it (it would race the test for the same row): its
    client taken away, no row queued after that goes out with it, however late its
    thread runs (``tests/integration/test_sender_handover.py``)."""
    window.runtime.outbox_sender.set_client(None)
    store = window.services.store
    session = PackingSession(demo_order("#1002"))
    session.scan("BNE-WOOL-CHR")
    item = store.ship(session, "#1002", TrackingInput("UPS", "1Z-bad"))
    store.outbox.mark_attention(
        item.fulfillment_id, Problem(ProblemKind.REFUSED, said="bad tracking"), "rejected"
    )
    apply_bench_style(window.host)
    window.port.refresh()
    button = window.status.attention_button
    qtbot.waitUntil(lambda: button.text() == "Needs attention: 1")
    image = button.grab().toImage()
    middle = image.pixelColor(QPoint(4, image.height() // 2))
    assert middle.red() > 150 and middle.green() < 90 and middle.blue() < 90, middle.name()


def test_quit_closes_the_window_at_once_when_nothing_is_pending(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Closed within the call itself, without the notice a pending shipment gets. (How
    long a quit takes is a benchmark's figure: on a busy machine it says nothing of the
    program.)"""
    window.menus.quit()
    assert not window.host.isVisible()
    assert "Closing" not in window.banner.message


def test_quit_with_a_shipment_pending_says_it_is_kept_then_closes(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    sandbox.faults.set(write_latency=3.0)
    load(qtbot, window, "#1001")
    scan(qtbot, window, "JKT-RAIN-NVY-M")
    window.order_page.shipping.dummy_toggle.setChecked(True)
    with qtbot.waitSignal(window.controller.shipment_queued, timeout=5000):
        window.controller.shipping.ship()
    window.menus.quit()
    assert window.host.isVisible()
    assert "Not yet sent to Redo: 1 shipment, kept on this computer" in window.banner.message
    qtbot.waitUntil(lambda: not window.host.isVisible(), timeout=CLOSE_NOTICE_MS + 5000)
    assert window.services.store.outbox.counts().pending == 1  # kept for the next start


# The offscreen platform cannot grab the keyboard for a menu; a real display can.
@pytest.mark.qt_log_ignore(
    "This plugin does not support grabbing the keyboard", "This plugin does not support raise"
)
def test_a_scan_with_a_menu_open_is_handled_and_closes_the_menu(
    qtbot: QtBot, window: MainWindow, sound: RecordingSound
) -> None:
    load(qtbot, window, "#1002")
    menu = window.host.menuBar().findChildren(QMenu)[0]
    menu.popup(window.mapToGlobal(QPoint(20, 20)))
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is menu)
    sound.played.clear()
    scan(qtbot, window, "SOCK-HIK-GRY-M")
    qtbot.waitUntil(lambda: packed(window) == [1, 0, 0])
    assert QApplication.activePopupWidget() is None
    qtbot.waitUntil(lambda: Sound.GOOD in sound.played)


def test_a_fully_shipped_order_says_nothing_is_left_to_pack(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The form and the list say it (the banner's sentence: ``tests/bench/test_orders.py``)."""
    load(qtbot, window, "#1004")
    hint = window.order_page.shipping.ship_hint.text()
    assert "Nothing left to pack" in hint
    assert "Scan items to pack them" not in hint
    assert window.order_page.model.index(0, Column.PACKED).data() == "nothing left"
    assert window.banner.tone is Tone.WARNING


def test_sound_that_cannot_play_is_shown(
    qtbot: QtBot, window: MainWindow, sound: RecordingSound
) -> None:
    assert not window.status.sound_label.isVisibleTo(window)
    sound.problem = "no audio device"
    window.refresh_status()
    assert window.status.sound_label.isVisibleTo(window)
    assert window.status.sound_label.text() == "Sound: off (no audio device)"


def test_closing_during_a_slow_load_returns_at_once(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    """The server sits on the order for 4 s: closing does not wait for it, and the short
    wait for workers before exiting ends at its own deadline, with the read still out.
    Each bound is half the server's 4 s, the time a close that waited would take; a busy
    machine costs tens or hundreds of milliseconds, never 2 s."""
    latency = 4.0
    sandbox.faults.set(latency=latency)
    type_scan("#1001")
    assert window.controller.mode is Mode.LOADING
    started = time.monotonic()
    window.host.close()
    assert time.monotonic() - started < latency / 2
    assert not window.host.isVisible()
    # Before the process exits, the abandoned read gets a short, bounded wait, no more.
    started = time.monotonic()
    assert window.runtime.wait_for_workers(timeout=0.2) is False  # the read is still out
    assert time.monotonic() - started < latency / 2
    assert window.runtime.wait_for_workers(timeout=latency * 5) is True


def test_a_scan_with_the_help_open_closes_it_and_is_handled(
    qtbot: QtBot, window: MainWindow
) -> None:
    from packstation.ui.views.help_dialog import HelpDialog

    load(qtbot, window, "#1002")
    QTest.keyClick(window, Qt.Key.Key_F1)
    help_dialog = window.host.findChild(HelpDialog)
    assert help_dialog is not None
    qtbot.waitUntil(help_dialog.isVisible)
    assert "PS-CONFIRM" in help_dialog.text.toPlainText()
    scan(qtbot, window, "SOCK-HIK-GRY-M")
    qtbot.waitUntil(lambda: packed(window) == [1, 0, 0])
    qtbot.waitUntil(
        lambda: window.host.findChild(HelpDialog) is None or not help_dialog.isVisible()
    )


def test_first_run_explains_where_the_store_and_token_come_from(
    qtbot: QtBot, sandbox: SandboxServer, tmp_path: Path, open_window: Callable[..., MainWindow]
) -> None:
    import dataclasses

    from packstation.config import Settings
    from packstation.ui.views.settings_dialog import SettingsDialog
    from tests.ui.conftest import make_services

    services = make_services(sandbox, tmp_path, RecordingSound())
    services = dataclasses.replace(
        services,
        demo=False,
        token_override=None,
        settings=Settings(**{**services.settings.model_dump(), "store_id": ""}),
    )
    window = open_window(services)
    qtbot.waitUntil(lambda: window.host.findChild(SettingsDialog) is not None)
    dialog = window.host.findChild(SettingsDialog)
    assert dialog is not None
    assert dialog.welcome.isVisible()
    assert "packstation --demo" in dialog.welcome.text()
    assert "store ID" in dialog.welcome.text()
    assert "Ready" not in window.banner.message
    assert "Not set up" in window.banner.message
    assert "Not set up" in window.status.online_label.text()
    dialog.reject()


def test_start_up_notices_stay_in_the_status_bar_and_are_said_again_on_click(
    qtbot: QtBot, sandbox: SandboxServer, tmp_path: Path, open_window: Callable[..., MainWindow]
) -> None:
    """IT's typo is said at start, then the first scan overwrites the banner: the status bar
    keeps a button that says it again, with the file and line."""
    import dataclasses

    from packstation.config import load_machine_config
    from tests.ui.conftest import make_services

    config = tmp_path / "config.toml"
    config.write_text('store_id = "st_1"\nvolume = 80 80\n', "utf-8")
    machine = load_machine_config(config)
    services = dataclasses.replace(
        make_services(sandbox, tmp_path, RecordingSound()), notices=list(machine.problems)
    )
    window = open_window(services)
    qtbot.waitUntil(lambda: f"{config}, line 2" in window.banner.message)
    button = window.status.notices_button
    assert button.isVisible()
    assert button.text() == "⚠ Start-up notices: 1"
    assert f"{config}, line 2" in button.toolTip()
    load(qtbot, window, "#1002")
    assert f"{config}, line 2" not in window.banner.message
    button.click()
    assert f"{config}, line 2" in window.banner.message
    assert window.banner.tone is Tone.WARNING


def test_a_store_without_a_token_on_this_computer_says_so_not_not_set_up(
    qtbot: QtBot, sandbox: SandboxServer, tmp_path: Path, open_window: Callable[..., MainWindow]
) -> None:
    import dataclasses

    from packstation.config import Settings
    from packstation.ui.views.settings_dialog import SettingsDialog
    from tests.ui.conftest import make_services

    services = make_services(sandbox, tmp_path, RecordingSound())
    services = dataclasses.replace(
        services,
        demo=False,
        token_override=None,
        settings=Settings(**{**services.settings.model_dump(), "store_id": "st_north"}),
    )
    window = open_window(services)
    qtbot.waitUntil(lambda: window.host.findChild(SettingsDialog) is not None)
    assert "No API token for store st_north on this computer" in window.banner.message
    assert "Not set up yet" not in window.banner.message
    assert window.status.online_label.text() == "○ No API token"
    dialog = window.host.findChild(SettingsDialog)
    assert dialog is not None
    dialog.reject()
