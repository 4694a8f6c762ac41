"""The scanner filter under a busy GUI thread: a scan is read whole, or refused, never lost."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from packstation.ui.views.scanner import ScannerFilter

_BUSY = QEvent.Type(QEvent.registerEventType())


class _Busy(QObject):
    """Keeps the GUI thread busy when its event comes up, as a long repaint would."""

    def event(self, event: QEvent) -> bool:
        if event.type() == _BUSY:
            end = time.monotonic() + 0.4
            while time.monotonic() < end:
                pass
            return True
        return super().event(event)


class Scanner:
    """Posts a scanner's keys; ``stamped`` gives each the press time a platform would."""

    def __init__(self, field: QLineEdit, stamped: bool) -> None:
        self.field = field
        self.stamped = stamped
        self.clock_ms = 1_000_000

    def keys(self, text: str, gap_ms: int = 1) -> None:
        for char in text:
            key = Qt.Key.Key_Return if char == "\r" else ord(char.upper())
            self.key(key, "" if char == "\r" else char, gap_ms)

    def key(self, key: int, text: str, gap_ms: int = 1) -> None:
        self.clock_ms += gap_ms
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
            if self.stamped:
                event.setTimestamp(self.clock_ms)
            QCoreApplication.postEvent(self.field, event)


@pytest.fixture
def scanner(field: QLineEdit) -> Iterator[ScannerFilter]:
    app = QCoreApplication.instance()
    assert app is not None
    scanner_filter = ScannerFilter()
    app.installEventFilter(scanner_filter)
    yield scanner_filter
    app.removeEventFilter(scanner_filter)


def _busy_gui(busy: _Busy) -> None:
    QCoreApplication.postEvent(busy, QEvent(_BUSY))


@pytest.mark.parametrize("stamped", [True, False])
def test_a_scan_queued_behind_a_busy_gui_thread_is_read_whole(
    qtbot: QtBot, field: QLineEdit, scanner: ScannerFilter, stamped: bool
) -> None:
    busy = _Busy()
    scanned: list[str] = []
    scanner.scanned.connect(scanned.append)
    with qtbot.assertNotEmitted(scanner.unreadable, wait=300):
        device = Scanner(field, stamped)
        _busy_gui(busy)
        device.keys("PRT-0001\r")
        qtbot.waitUntil(lambda: scanned == ["PRT-0001"])
    assert field.text() == ""


def test_a_burst_the_gui_thread_interrupts_for_400_ms_is_one_scan(
    qtbot: QtBot, field: QLineEdit, scanner: ScannerFilter
) -> None:
    """The keys' own press times say the scanner did not pause, whatever the GUI did."""
    busy = _Busy()
    scanned: list[str] = []
    scanner.scanned.connect(scanned.append)
    device = Scanner(field, stamped=True)
    with qtbot.assertNotEmitted(scanner.unreadable, wait=300):
        device.keys("PRT-0")
        _busy_gui(busy)
        device.keys("001\r")
        qtbot.waitUntil(lambda: scanned == ["PRT-0001"])
    assert field.text() == ""


def test_a_burst_without_its_enter_is_refused_not_typed(
    qtbot: QtBot, field: QLineEdit, scanner: ScannerFilter
) -> None:
    scanned: list[str] = []
    scanner.scanned.connect(scanned.append)
    with qtbot.waitSignal(scanner.unreadable) as refused:
        Scanner(field, stamped=True).keys("PRT-00")
    assert refused.args == ["PRT-00"]
    assert scanned == []
    assert field.text() == ""


def test_a_key_no_scanner_sends_breaks_the_burst_and_the_rest_joins_the_refusal(
    qtbot: QtBot, field: QLineEdit, scanner: ScannerFilter
) -> None:
    scanned: list[str] = []
    unreadable: list[str] = []
    scanner.scanned.connect(scanned.append)
    scanner.unreadable.connect(unreadable.append)
    device = Scanner(field, stamped=False)
    device.keys("PRT-0")
    device.key(Qt.Key.Key_F5, "")
    device.keys("001\r")
    qtbot.waitUntil(lambda: unreadable == ["PRT-0001"])
    device.keys("PRT-0002\r")
    qtbot.waitUntil(lambda: scanned == ["PRT-0002"])
    assert unreadable == ["PRT-0001"]
    assert field.text() == ""


def test_keys_at_human_speed_are_still_typed(
    qtbot: QtBot, field: QLineEdit, scanner: ScannerFilter
) -> None:
    """80 ms between keys, by the keys' own stamps as a platform gives them: the pace is in
    the events, so a busy machine delivering them late or all at once changes nothing."""
    device = Scanner(field, stamped=True)
    with qtbot.assertNotEmitted(scanner.unreadable, wait=0):
        device.keys("ab1", gap_ms=80)
        qtbot.waitUntil(lambda: field.text() == "ab1")


def test_a_line_feed_ends_a_scan_as_enter_does(
    qtbot: QtBot, field: QLineEdit, scanner: ScannerFilter
) -> None:
    device = Scanner(field, stamped=True)
    with qtbot.waitSignal(scanner.scanned) as scanned:
        device.keys("PRT-0001")
        device.key(10, "\n")  # what X's XTEST types for "\n": a key Qt does not name
    assert scanned.args == ["PRT-0001"]
    assert field.text() == ""


def test_a_long_shift_of_scans_does_not_use_up_none_or_true(
    qtbot: QtBot, field: QLineEdit, scanner: ScannerFilter
) -> None:
    """PySide6 6.12.0 loses a reference to None on every call returning None, and to
    True on every emit; on Python 3.11 the program aborted ("none_dealloc") a few hundred
    scans into a shift."""
    scanned: list[str] = []
    scanner.scanned.connect(scanned.append)
    device = Scanner(field, stamped=True)
    for _ in range(300):
        device.keys("PRT-0001\r")
    qtbot.waitUntil(lambda: len(scanned) == 300, timeout=10000)
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(50_000):  # more than a day's scans would have lost
        field.setText("")
        scanner.unreadable.emit("")
    after = sys.getrefcount(None), sys.getrefcount(True)
    assert all(a >= b - 100 for a, b in zip(after, before, strict=True)), (before, after)
