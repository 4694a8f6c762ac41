"""The clocks the station reads, and Redo's own, as its answers tell it.

Two clocks, for two purposes, behind one small interface so that tests can move them:

- the *wall clock* (``time``) dates what is written down: a shipment's creation, the
  journal, the next attempt kept for a restart. A person or a bad time server can set
  it back or forward by hours or days at any moment;
- the *monotonic clock* (``monotonic``) measures waits. It never jumps, but it means
  nothing outside this process.

Redo's clock is the third: every answer carries a ``Date`` header. :class:`ServerTime`
keeps the last one seen with the monotonic time it was seen at, so "Redo's now" can be
told later without trusting the wall clock, and a wall clock that disagrees with it can
be caught before anything is deleted for looking old (``Outbox.purge``).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import math
import threading
import time
from collections.abc import Callable
from typing import Protocol

log = logging.getLogger("packstation.redo")


class Clock(Protocol):
    """The wall clock and the monotonic clock, in seconds."""

    def time(self) -> float:
        """Seconds since the epoch, as this computer believes (may jump)."""

    def monotonic(self) -> float:
        """Seconds from an arbitrary start; never goes back, never jumps."""


class SystemClock:
    """This computer's clocks."""

    def time(self) -> float:
        return time.time()

    def monotonic(self) -> float:
        return time.monotonic()


SYSTEM_CLOCK: Clock = SystemClock()


def http_date(value: str | None) -> float | None:
    """Seconds since the epoch of an HTTP date (a ``Date`` header), or None if it is not one."""
    if not value:
        return None
    try:
        when = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:  # "-0000": UTC, per RFC 5322
        when = when.replace(tzinfo=dt.UTC)
    try:
        seconds = when.timestamp()
    except (OverflowError, ValueError, OSError):
        return None
    return seconds if math.isfinite(seconds) else None


class ServerTime:
    """Redo's clock, as the last answer with a readable ``Date`` header showed it.

    Thread-safe: the sender and the bench's reads record into it, the store thread
    reads it. A ``Date`` has a resolution of one second and is a little old by the time
    it arrives; that is far below the tolerance anything here is compared with.
    """

    def __init__(self, clock: Clock = SYSTEM_CLOCK) -> None:
        self.clock = clock
        self._lock = threading.Lock()
        self._seen: tuple[float, float] | None = None  # (Redo's time, our monotonic time)
        self._waiting: list[Callable[[], None]] = []

    def observe(self, date_header: str | None) -> None:
        """An answer arrived with this ``Date`` header (an unreadable one is ignored)."""
        server = http_date(date_header)
        if server is None:
            return
        with self._lock:
            self._seen = (server, self.clock.monotonic())
            waiting, self._waiting = self._waiting, []
        for callback in waiting:
            try:
                callback()
            except Exception:  # a listener's bug must not fail the request that told the time
                log.exception("a listener for Redo's time failed")

    def now(self) -> float | None:
        """Redo's time now (seconds since the epoch), or None before any answer told it."""
        with self._lock:
            seen = self._seen
        if seen is None:
            return None
        server, at = seen
        return server + (self.clock.monotonic() - at)

    def wall_offset(self) -> float | None:
        """How far the wall clock is ahead of Redo's (negative: behind), or None if unknown."""
        server = self.now()
        return None if server is None else self.clock.time() - server

    def agreed_now(self, wall: float, tolerance: float) -> float | None:
        """The time now, when the wall clock's reading ``wall`` agrees with Redo's clock
        within ``tolerance`` seconds (the earlier of the two, so nothing looks older than
        either says); None when they disagree or Redo's time is not known."""
        server = self.now()
        if server is None or abs(wall - server) > tolerance:
            return None
        return min(wall, server)

    def when_known(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once Redo's time is known: now (on this thread) if it is, else
        on the thread of the first answer that tells it."""
        with self._lock:
            if self._seen is None:
                self._waiting.append(callback)
                return
        callback()
