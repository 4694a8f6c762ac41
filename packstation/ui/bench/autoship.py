"""The visible two-second countdown before an order that is complete ships by itself."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal


class AutoShipCountdown(QObject):
    """``start()``; ``tick(seconds_left)`` every 100 ms; ``fire()`` once unless cancelled."""

    tick = Signal(float)
    fire = Signal()

    def __init__(self, seconds: float = 2.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.seconds = seconds
        self._deadline = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._step)

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def left(self) -> float:
        return max(0.0, self._deadline - time.monotonic())

    def start(self) -> None:
        self._deadline = time.monotonic() + self.seconds
        self._timer.start()
        self.tick.emit(self.seconds)

    def cancel(self) -> bool:
        """Stop the countdown; True if one was running."""
        was = self._timer.isActive()
        self._timer.stop()
        return was

    def _step(self) -> None:
        left = self._deadline - time.monotonic()
        if left <= 0:
            self._timer.stop()
            self.fire.emit()
        else:
            self.tick.emit(left)
