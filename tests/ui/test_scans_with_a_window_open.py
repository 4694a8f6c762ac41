"""A scan while a window of the bench is open is never typed into one of its fields.

With Settings open, an item scan used to rename the station; with the History open it
went into the search box unannounced. Now the History and the Taught barcodes search for
a scan on purpose and say so; any other window refuses it aloud, on itself, and nothing
changes.
"""

from __future__ import annotations

import os

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from packstation.sandbox import SandboxServer
from packstation.ui.station.sounds import Sound
from packstation.ui.views.attention_dialog import AttentionDialog
from packstation.ui.views.choosers import start_folder
from packstation.ui.views.history_dialog import HistoryDialog
from packstation.ui.views.main_window import MainWindow
from packstation.ui.views.settings_dialog import SettingsDialog
from packstation.ui.views.taught_dialog import TaughtDialog
from tests.helpers.fakes import RecordingSound
from tests.ui.conftest import idle, load, scan, type_scan
from tests.ui.test_no_clipping import SCREEN, outside, settled


def packed(window: MainWindow) -> list[int]:
    session = window.controller.session
    assert session is not None
    return [line.packed for line in session.lines()]


def test_a_scan_with_settings_open_changes_no_setting_and_is_refused_aloud(
    qtbot: QtBot, window: MainWindow, sound: RecordingSound
) -> None:
    load(qtbot, window, "#1002")
    window.menus.open_settings()
    dialog = window.host.findChild(SettingsDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.station.setFocus()
    qtbot.waitUntil(dialog.station.hasFocus)
    before = dialog.station.text()
    sound.played.clear()
    type_scan("SOCK-HIK-GRY-M")
    qtbot.waitUntil(lambda: Sound.ERROR in sound.played)
    assert dialog.station.text() == before  # never typed into a setting
    assert packed(window) == [0, 0, 0]  # nor packed behind the window
    assert dialog.isVisible()
    assert "SOCK-HIK-GRY-M" in dialog.note.text()  # said where the person is looking
    dialog.reject()


def test_the_history_searches_for_a_scan_and_says_so(qtbot: QtBot, window: MainWindow) -> None:
    window.menus.open_history()
    dialog = window.host.findChild(HistoryDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    type_scan("#1001")
    qtbot.waitUntil(lambda: dialog.search.text() == "#1001")
    assert "#1001" in dialog.note.text()
    assert window.controller.order_ref == ""  # the bench did not load it behind the window
    dialog.reject()
    idle(qtbot, window)


def test_the_taught_barcodes_search_for_a_scan(qtbot: QtBot, window: MainWindow) -> None:
    window.menus.open_taught()
    dialog = window.host.findChild(TaughtDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    type_scan("2000000123457")
    qtbot.waitUntil(lambda: dialog.search.text() == "2000000123457")
    assert "2000000123457" in dialog.note.text()
    dialog.reject()


def test_a_scan_with_a_chooser_open_over_the_history_is_refused_not_searched(
    qtbot: QtBot, window: MainWindow, sound: RecordingSound
) -> None:
    """The export's file chooser is up over the History: the History must not search."""
    window.menus.open_history()
    dialog = window.host.findChild(HistoryDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.export_button.click()
    chooser = dialog.findChild(QFileDialog)
    assert chooser is not None
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is chooser)
    # It opens where people keep files, not in the program's working folder.
    assert chooser.directory().absolutePath() == start_folder() != os.getcwd()
    sound.played.clear()
    type_scan("#1001")
    qtbot.waitUntil(lambda: Sound.ERROR in sound.played)
    assert dialog.search.text() == ""
    assert "scans are not taken" in window.banner.message
    # The banner is behind both windows ("✖ A" was all that showed of it): the History
    # says it too, whole, on itself.
    assert "#1001" in dialog.note.text()
    said_whole(qtbot, dialog, dialog.note)
    chooser.reject()
    dialog.reject()


def said_whole(qtbot: QtBot, dialog: QWidget, note: QLabel) -> None:
    """``note`` shows on ``dialog``, inside it and with every word (it wraps, never cuts)."""
    assert note.isVisible() and note.wordWrap()
    assert dialog.height() <= SCREEN.height() and dialog.width() <= SCREEN.width()
    problems = settled(qtbot, note)
    assert problems == [], problems
    assert outside(dialog) == []


@pytest.mark.expected_log("needs attention")
def test_a_scan_with_a_message_box_over_needs_attention_is_said_on_needs_attention(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, sound: RecordingSound
) -> None:
    """Discard's "are you sure?" is up over Needs attention: the refusal is said there."""
    sandbox.faults.set(reject_writes=1)  # Redo refuses the shipment: it is held
    load(qtbot, window, "#1001")
    scan(qtbot, window, "JKT-RAIN-NVY-M")
    scan(qtbot, window, "1Z999AA10123456784")
    qtbot.waitUntil(lambda: window.port.snapshot.counts.attention == 1, timeout=10_000)
    window.menus.open_attention()
    dialog = window.host.findChild(AttentionDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.discard_button.isEnabled)
    dialog.discard_button.click()
    type_scan("PS-USER-Ana")  # who discards it (nobody is at this bench yet)
    box = dialog.findChild(QMessageBox)
    assert box is not None
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is box)
    sound.played.clear()
    type_scan("SOCK-HIK-GRY-M")
    qtbot.waitUntil(lambda: Sound.ERROR in sound.played)
    assert "SOCK-HIK-GRY-M" in dialog.note.text()
    said_whole(qtbot, dialog, dialog.note)
    assert window.port.snapshot.counts.attention == 1  # nothing was discarded
    box.reject()
    dialog.reject()
