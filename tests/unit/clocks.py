"""Clocks a test moves by hand: the wall clock and the monotonic clock, apart."""

from __future__ import annotations

import email.utils
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from packstation.redo.clock import ServerTime


class FakeClock:
    """A wall clock and a monotonic clock that move only when told (``packstation.redo.clock.Clock``).

    ``advance`` is time passing (both move); ``set_wall`` is a person or a time server
    setting the wall clock (only it moves).
    """

    def __init__(self, wall: float | None = None) -> None:
        self.wall = time.time() if wall is None else wall
        self.mono = 1000.0

    def time(self) -> float:
        return self.wall

    def monotonic(self) -> float:
        return self.mono

    def advance(self, seconds: float) -> None:
        self.wall += seconds
        self.mono += seconds

    def set_wall(self, wall: float) -> None:
        self.wall = wall


def date_header(seconds: float) -> str:
    """An HTTP ``Date`` header for ``seconds`` since the epoch."""
    return email.utils.formatdate(seconds, usegmt=True)


def redo_says(seconds: float, clock: FakeClock | None = None) -> ServerTime:
    """A ``ServerTime`` that has seen one answer dated ``seconds``."""
    from packstation.redo.clock import ServerTime

    server = ServerTime(clock) if clock is not None else ServerTime()
    server.observe(date_header(seconds))
    return server
