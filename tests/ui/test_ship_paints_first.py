"""Shipping paints the idle page before the shipment is written beside it.

The shipment is written on the store thread, in Python: painted in the event loop's next
pass, the idle page shared the interpreter with that work and a 1,000-line order's frame
came 17-25 ms after Ship (benchmarks/RESULTS.md). The window lays out and paints the page
the bench moved on to first; the shipment is queued after it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from pytestqt.qtbot import QtBot

from packstation.ui.views.main_window import MainWindow
from tests.ui.conftest import load, scan


class Sequence(QObject):
    """What happened, in order, on any thread: the idle page painted, the store shipped."""

    def __init__(self) -> None:
        super().__init__()
        self.events: list[str] = []
        self._lock = threading.Lock()

    def add(self, what: str) -> None:
        with self._lock:
            self.events.append(what)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.add("idle page painted")
        return False

    def first(self, what: str) -> int:
        with self._lock:
            return self.events.index(what)


def _recording_ship(window: MainWindow, seen: Sequence) -> Callable[[], None]:
    store = window.services.store
    original = store.ship

    def ship(*args: Any, **kwargs: Any) -> Any:
        seen.add("store shipping")
        return original(*args, **kwargs)

    store.ship = ship  # type: ignore[method-assign]

    def restore() -> None:
        store.ship = original  # type: ignore[method-assign]

    return restore


def test_the_idle_page_is_painted_before_the_shipment_is_written(
    qtbot: QtBot, window: MainWindow
) -> None:
    load(qtbot, window, "#1001")
    scan(qtbot, window, "JKT-RAIN-NVY-M")
    window.order_page.shipping.dummy_toggle.setChecked(True)
    seen = Sequence()
    window.idle_page.installEventFilter(seen)
    restore = _recording_ship(window, seen)
    try:
        with qtbot.waitSignal(window.controller.shipment_queued, timeout=5000):
            window.controller.shipping.ship()
        assert seen.first("idle page painted") < seen.first("store shipping"), seen.events
    finally:
        restore()
        window.idle_page.removeEventFilter(seen)


class Posted(QObject):
    """Records, in ``seen``, the delivery of an event posted to it."""

    def __init__(self, seen: Sequence) -> None:
        super().__init__()
        self.seen = seen

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.User:
            self.seen.add("event posted during Ship delivered")
            return True
        return super().event(event)


def test_the_shipment_is_written_after_the_events_waiting_behind_ship(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The shipment's write waits for the GUI thread's loop to deliver what was posted
    (``after_turn``): it does not take the interpreter from the events behind Ship."""
    load(qtbot, window, "#1001")
    scan(qtbot, window, "JKT-RAIN-NVY-M")
    window.order_page.shipping.dummy_toggle.setChecked(True)
    seen = Sequence()
    posted = Posted(seen)

    def post() -> None:
        QCoreApplication.postEvent(posted, QEvent(QEvent.Type.User))

    window.controller.moved_on.connect(post)
    restore = _recording_ship(window, seen)
    try:
        with qtbot.waitSignal(window.controller.shipment_queued, timeout=5000):
            window.controller.shipping.ship()
        assert seen.first("event posted during Ship delivered") < seen.first("store shipping"), (
            seen.events
        )
    finally:
        restore()
        window.controller.moved_on.disconnect(post)
