"""Telling a barcode scanner from a person at the keyboard, application-wide.

A USB scanner types like a keyboard, but fast: a burst of characters a few
milliseconds apart, ended by Enter (or Tab). The filter holds every printable
key press for a moment; if more follow quickly and an Enter ends them, the burst
is a scan and is emitted as one string, never typed into whatever has focus. If
the keys come at human speed, they are replayed to their widget unchanged.

A busy GUI thread must not turn one scan into two, or into typing:

- gaps are measured on the keys' own timestamps when the platform gives them (X11 and
  Windows stamp each key when it is pressed), not on when the GUI thread got to them;
- the flush timer that ends a burst without Enter never decides on its own: keys the
  platform already queued may be waiting behind it (X11 runs due timers before the
  keys that came in while the thread was busy), so it decides only once those are
  delivered, and re-arms when it fired late.

A burst at scanner speed that still does not end cleanly (no Enter, a key no scanner
sends in the middle) is never typed and never half-scanned: it is emitted as
``unreadable(text)`` and the rest of that burst, up to its Enter, is dropped, so the
packer hears the error sound and scans again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
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
#: A flush timer this late fired after the GUI thread was busy: it waits again, unless the
#: last key is already this old (a machine busy for good must not hold a person's keys).
LATE_TIMER = 0.010
MOST_HELD = 1.0
#: The flush timer's decision, posted behind the keys already queued.
_DECIDE = QEvent.Type(QEvent.registerEventType())
_KEY_PRESS = QEvent.Type.KeyPress


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
    #: The platform's time of the key press (seconds), when it gives one.
    stamp: float | None = None


def _gap(earlier: _Held, later_at: float, later_stamp: float | None) -> float:
    """Seconds between two keys: by their timestamps when both have one."""
    if earlier.stamp is not None and later_stamp is not None:
        gap = later_stamp - earlier.stamp
        if 0 <= gap < 60:  # X11 time wraps every 49 days
            return gap
    return later_at - earlier.at


#: Where keys typed at human speed go instead of ``target``: given the target and the
#: text typed, the widget to deliver to, or None to deliver to ``target`` unchanged.
TypingHook = Callable[[QWidget, str], "QWidget | None"]


class ScannerFilter(QObject):
    """Install on the QApplication; connect ``scanned(str)`` and ``unreadable(str)``."""

    scanned = Signal(str)
    #: The keys of a scan that could not be read cleanly (a burst broken off, or a key no
    #: scanner sends in the middle of one): refuse it with the error sound so the packer
    #: scans again. Emitted once per broken burst, when its Enter or a pause ends it.
    unreadable = Signal(str)

    def __init__(self, parent: QObject | None = None, max_gap_ms: int = MAX_GAP_MS) -> None:
        super().__init__(parent)
        self._held: list[_Held] = []
        #: A broken burst being refused: its keys so far (None: none is).
        self._refused: list[_Held] | None = None
        self._replaying = False
        self._enabled = True
        self._max_gap = max_gap_ms / 1000
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        # A coarse timer (within 5%, 2 ms of 40): naming the precise type would build the
        # ``Qt`` namespace's hundred enum classes (about 15 ms) before the window first
        # paints, and the decision re-arms whenever the timer fired early or late anyway.
        self._flush_timer.timeout.connect(self._flush_due)
        self._flush_due_at = 0.0
        #: A decision is posted behind the keys already queued (``_decide``).
        self._deciding = False
        self.typing_hook: TypingHook | None = None

    def set_enabled(self, enabled: bool) -> None:
        if not enabled:
            self._finish_refused()
            self._replay()
        self._enabled = enabled

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the application passes here (a repaint alone is dozens): the
        # class test comes first, as it builds no enum member (``event.type()`` does;
        # building them was 3% of a scan's samples in the real program).
        if (
            not isinstance(event, QKeyEvent)
            or self._replaying
            or not self._enabled
            or event.type() != _KEY_PRESS
            or not isinstance(watched, QWidget)
            or watched is not _key_target()
        ):
            return False
        # Imported here, not at the top: importing ``Qt`` builds a hundred enum classes
        # (about 25 ms), and this filter listens before the window first shows.
        from PySide6.QtCore import Qt

        now = time.monotonic()
        stamp = event.timestamp() / 1000 if event.timestamp() else None
        terminators, modifier_keys = _keys()
        key = Qt.Key(event.key())
        if key in modifier_keys:
            return False
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        # A line feed ends a scan too: scanners set to send CR or LF, and X's XTEST
        # typing "\n", give a key Qt does not name, whose text says what it is.
        terminator = (key in terminators or event.text() in ("\r", "\n")) and mods in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.ShiftModifier,
        )
        held = _Held(watched, int(key), event.modifiers(), event.text(), now, False, stamp)
        if self._refused is not None:
            if _gap(self._refused[-1], now, stamp) <= STALL_TOLERANCE:
                # More of a burst being refused: never typed, never a scan of its own.
                self._refused.append(held)
                if terminator:
                    self._finish_refused()
                else:
                    self._arm(STALL_TOLERANCE)
                return True
            self._finish_refused()
        if self._held and _gap(self._held[-1], now, stamp) > self._allowed_gap():
            # The burst stopped long enough ago that this key starts another.
            self._end_burst()
            self._finish_refused()
        if terminator:
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
            if self._scan_like():
                self._refuse()
                return True
            self._replay()
            return False
        held.repeat = event.isAutoRepeat()
        self._held.append(held)
        self._arm(self._max_gap)
        return True

    def _arm(self, seconds: float) -> None:
        self._flush_due_at = time.monotonic() + seconds
        self._flush_timer.start(max(1, round(seconds * 1000)))

    def _burst_like(self) -> bool:
        if len(self._held) < 2:
            return False
        span = _gap(self._held[0], self._held[-1].at, self._held[-1].stamp)
        return span / (len(self._held) - 1) < FAST_AVERAGE

    def _scan_like(self) -> bool:
        """Keys no person types: at least a code's length, at scanner speed, no key held."""
        return (
            len(self._held) >= MIN_LENGTH
            and self._burst_like()
            and not any(h.repeat for h in self._held)
        )

    def _allowed_gap(self) -> float:
        return STALL_TOLERANCE if self._burst_like() else self._max_gap

    def _end_burst(self) -> None:
        """The held keys stopped without Enter: refused if a scanner sent them, else typed."""
        if self._scan_like():
            self._refuse()
        else:
            self._replay()

    def _refuse(self) -> None:
        """Start refusing the held burst; the rest of it joins it until Enter or a pause."""
        self._refused, self._held = self._held, []
        self._arm(STALL_TOLERANCE)

    def _finish_refused(self) -> None:
        refused, self._refused = self._refused, None
        if refused:
            self._flush_timer.stop()
            self.unreadable.emit("".join(h.text for h in refused if h.text.isprintable()))

    def _flush_due(self) -> None:
        """The pause after the last key seems over; decide once queued keys are in.

        A 45 ms stall of the GUI thread just after a scan's first key used to end the
        burst here, on a timer barely late, while the rest of the scan waited in the
        queue: the first key was typed and the rest refused ("L-0792" for "KL-0792").
        The decision is posted instead, so it comes after every key already queued.
        """
        if self._deciding:
            return
        self._deciding = True
        QCoreApplication.postEvent(self, QEvent(_DECIDE))

    def event(self, event: QEvent) -> bool:
        if event.type() == _DECIDE:
            self._deciding = False
            self._decide()
            return True
        return super().event(event)

    def _decide(self) -> None:
        """The pause after the last key is over: type it, or refuse a broken scan; unless
        a fast burst may resume, or the GUI thread was too busy to tell."""
        if not self._held and self._refused is None:
            return
        now = time.monotonic()
        keys = self._refused or self._held
        if not keys:
            return
        if now - self._flush_due_at > LATE_TIMER and now - keys[-1].at < MOST_HELD:
            # Fired late: the GUI thread was busy, and keys typed meanwhile may be queued
            # behind this timer. Wait a full gap again once the thread is free.
            self._arm(self._max_gap)
            return
        if self._refused is not None:
            last = self._refused[-1].at
            if now - last < STALL_TOLERANCE:
                self._arm(STALL_TOLERANCE - (now - last))
                return
            self._finish_refused()
            if not self._held:
                return
        waited = now - self._held[-1].at
        if waited < self._allowed_gap():
            self._arm(self._allowed_gap() - waited)
            return
        self._end_burst()

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
