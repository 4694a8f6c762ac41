"""Waiting in a probe: the event loop runs until a condition holds (no PackStation imports,
so the program probe can use it before the program starts)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, Qt, QTimer


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Run the event loop until ``condition()``; raises TimeoutError after ``timeout`` s.

    A nested ``QEventLoop.exec()`` checked by a 1 ms timer, not a ``processEvents()`` loop:
    a worker importing a module while Python pumps ``processEvents()`` can abort PySide6.
    """
    if condition():
        return
    loop = QEventLoop()
    deadline = time.monotonic() + timeout
    failed: list[bool] = []

    def check() -> None:
        if condition():
            loop.quit()
        elif time.monotonic() > deadline:
            failed.append(True)
            loop.quit()

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(check)
    timer.start(1)
    loop.exec()
    timer.stop()
    if failed:
        raise TimeoutError("benchmark step did not finish in time")


def settle(seconds: float) -> None:
    """Run the event loop for a while (images, look-ups and writes finish)."""
    end = time.monotonic() + seconds
    wait_until(lambda: time.monotonic() >= end, seconds + 5)
