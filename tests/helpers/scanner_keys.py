"""A barcode scanner's keys, stamped with the time each was pressed, as X11 and Windows
stamp them.

The scanner filter (``packstation/ui/views/scanner.py``) tells a scanner from a person by
the gaps between keys, measured on the keys' stamps when they have them. QTest's keys carry
none, so the filter judged by when the test's thread got to each key, and a test process
descheduled for a moment on a busy machine was a scanner pausing mid-code: CRB-ALU-BLU was
typed "CR", then scanned "B-ALU-BLU". Stamped keys make a test's scan the scan a real
scanner sends, however late the machine runs the test.

The keys are sent at once, as QTest sends them, so nothing runs between two keys of one
code. No shortcut of the bench is a printable key or a plain Enter, so skipping QTest's
shortcut handling changes nothing for a scan.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

#: A scanner sends a key every 1-10 ms: these come 1 ms apart.
KEY_GAP_MS = 1


class _ScannerClock:
    """The scanner's own clock, in milliseconds, as key stamps count them."""

    ms = 1_000_000


def key_target(fallback: QWidget | None = None) -> QWidget:
    """Who gets the keys now, as the platform decides: an open menu takes the keyboard."""
    target = (
        QApplication.activePopupWidget()
        or QApplication.focusWidget()
        or QApplication.activeWindow()
        or fallback
    )
    assert isinstance(target, QWidget)
    return target


def _press(target: QWidget, key: int, text: str) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
        event.setTimestamp(_ScannerClock.ms)
        QCoreApplication.sendEvent(target, event)


def type_scan(code: str, target: QWidget | None = None) -> None:
    """Send ``code`` as a scanner does, keys 1 ms apart then Enter, to ``target`` (by
    default the widget that has the keyboard, looked up again after each key)."""
    _ScannerClock.ms += 1000  # the packer reaches for the next item
    widget = target or key_target()
    for char in code:
        _ScannerClock.ms += KEY_GAP_MS
        _press(widget, ord(char.upper()) if ord(char) < 256 else 0, char)
        widget = target or key_target(widget)
    _ScannerClock.ms += KEY_GAP_MS
    _press(widget, Qt.Key.Key_Return, "\r")
