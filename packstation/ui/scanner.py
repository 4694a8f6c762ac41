"""Telling a barcode scanner from a person at the keyboard, application-wide.

A USB scanner types like a keyboard, but fast: a burst of characters a few
milliseconds apart, ended by Enter (or Tab). The filter holds every printable
key press for a moment; if more follow quickly and an Enter ends them, the burst
is a scan and is emitted as one string, never typed into whatever has focus. If
the keys come at human speed, they are replayed to their widget unchanged.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

#: Longest gap between two keys of one scan. Scanners send a key every 1-10 ms;
#: the fastest people need about 60 ms between keys.
MAX_GAP_MS = 40
#: Shortest code counted as a scan.
MIN_LENGTH = 3
#: A burst already typed at scanner speed (average gap under 15 ms) is not broken by a
#: pause of up to this long: the GUI thread may have been busy, not the scanner.
FAST_AVERAGE = 0.015
STALL_TOLERANCE = 0.25


@cache
def _keys() -> tuple[frozenset[Qt.Key], frozenset[Qt.Key]]:
    """The keys that end a scan, and the modifier keys scanners press.

    Scanners press Shift around capitals (and some send AltGr): modifier keys neither
    end a burst nor are part of the code.
    """
    from PySide6.QtCore import Qt

    terminators = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab})
    modifiers = frozenset(
        {
            Qt.Key.Key_Shift,
            Qt.Key.Key_Control,
            Qt.Key.Key_Alt,
            Qt.Key.Key_AltGr,
            Qt.Key.Key_Meta,
            Qt.Key.Key_CapsLock,
            Qt.Key.Key_NumLock,
        }
    )
    return terminators, modifiers


@dataclass
class _Held:
    target: QWidget
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    at: float
    #: A key held down: its repeats are not new presses.
    repeat: bool = False


#: Where keys typed at human speed go instead of ``target``: given the target and the
#: text typed, the widget to deliver to, or None to deliver to ``target`` unchanged.
TypingHook = Callable[[QWidget, str], "QWidget | None"]


class ScannerFilter(QObject):
    """Install on the QApplication; connect ``scanned(str)``."""

    scanned = Signal(str)

    def __init__(self, parent: QObject | None = None, max_gap_ms: int = MAX_GAP_MS) -> None:
        super().__init__(parent)
        self._held: list[_Held] = []
        self._replaying = False
        self._enabled = True
        self._max_gap = max_gap_ms / 1000
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(max_gap_ms)
        self._flush_timer.timeout.connect(self._flush_due)
        self.typing_hook: TypingHook | None = None

    def set_enabled(self, enabled: bool) -> None:
        if not enabled:
            self._replay()
        self._enabled = enabled

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self._replaying
            or not self._enabled
            or event.type() != QEvent.Type.KeyPress
            or not isinstance(watched, QWidget)
            or watched is not _key_target()
        ):
            return False
        assert isinstance(event, QKeyEvent)
        # Imported here, not at the top: importing ``Qt`` builds a hundred enum classes
        # (about 25 ms), and this filter listens before the window first shows.
        from PySide6.QtCore import Qt

        now = time.monotonic()
        terminators, modifier_keys = _keys()
        key = Qt.Key(event.key())
        if key in modifier_keys:
            return False
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if self._held and now - self._held[-1].at > self._allowed_gap():
            self._replay()
        if key in terminators and mods in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.ShiftModifier,
        ):
            if len(self._held) >= MIN_LENGTH:
                code = "".join(h.text for h in self._held)
                self._held.clear()
                self._flush_timer.stop()
                self.scanned.emit(code)
                return True
            self._replay()
            return False
        text = event.text()
        printable = (
            len(text) == 1
            and text.isprintable()
            and not mods
            & (
                Qt.KeyboardModifier.ControlModifier
                | Qt.KeyboardModifier.AltModifier
                | Qt.KeyboardModifier.MetaModifier
            )
        )
        if not printable:
            self._replay()
            return False
        self._held.append(
            _Held(watched, int(key), event.modifiers(), text, now, event.isAutoRepeat())
        )
        self._flush_timer.start(int(self._max_gap * 1000))
        return True

    def _burst_like(self) -> bool:
        if len(self._held) < 2:
            return False
        span = self._held[-1].at - self._held[0].at
        return span / (len(self._held) - 1) < FAST_AVERAGE

    def _allowed_gap(self) -> float:
        return STALL_TOLERANCE if self._burst_like() else self._max_gap

    def _flush_due(self) -> None:
        """The pause after the last key is over: replay, unless a fast burst may resume."""
        if not self._held:
            return
        waited = time.monotonic() - self._held[-1].at
        if waited < self._allowed_gap():
            self._flush_timer.start(max(1, int((self._allowed_gap() - waited) * 1000)))
            return
        self._replay()

    def _replay(self) -> None:
        """The held keys were typed by a person: deliver them as they came."""
        self._flush_timer.stop()
        held, self._held = self._held, []
        if not held:
            return
        self._replaying = True
        try:
            redirect = None
            first = _key_target() or held[0].target
            if self.typing_hook is not None:
                redirect = self.typing_hook(first, "".join(h.text for h in held))
            for h in held:
                target = redirect or _key_target() or h.target
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(
                        target, QKeyEvent(kind, h.key, h.modifiers, h.text, h.repeat)
                    )
        finally:
            self._replaying = False


def _key_target() -> QWidget | None:
    """Who gets the keys now: an open menu first (it takes the keyboard while it is up)."""
    return (
        QApplication.activePopupWidget()
        or QApplication.focusWidget()
        or QApplication.activeWindow()
    )
