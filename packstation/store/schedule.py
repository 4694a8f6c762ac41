"""When each waiting shipment is next tried: a wait on the monotonic clock.

A retry due "in 5 seconds" must be due in 5 seconds whatever happens to the wall clock
meanwhile: a clock set back one hour used to park it for an hour. So a retry scheduled
by this process is timed on the monotonic clock, here, in memory.

The wall-clock time is still written to the row (``next_attempt_at``): a restart needs
it, and the window shows it. A value read back from the row, scheduled before this
start, is trusted only as far as it can be:

- no wait is ever longer than :data:`LONGEST_WAIT` (the longest backoff or Retry-After),
  so a row due further ahead than that was dated by a clock that has gone back since:
  it is due now;
- a row last written "later" than now (its ``updated_at`` is ahead of the wall clock)
  had its time computed across a clock step: it is due now too.

Being due early costs one read of the order (the sender reads before it sends); being
due late parks a box that a packer believes is on its way.
"""

from __future__ import annotations

import threading

from packstation.redo.clock import SYSTEM_CLOCK, Clock
from packstation.redo.errors import RETRY_AFTER_MAX

#: The longest exponential backoff between two attempts, in seconds.
MAX_BACKOFF = 300.0
#: The longest wait the sender ever schedules (a Retry-After can ask for more than the
#: backoff's cap, up to its own).
LONGEST_WAIT = max(MAX_BACKOFF, RETRY_AFTER_MAX)
#: How far a row's ``updated_at`` may be ahead of the wall clock before the clock is
#: taken to have gone back since (a time server's slew is far smaller; a step is not).
CLOCK_SLACK = 2.0


class RetrySchedule:
    """The monotonic deadlines of the retries this process scheduled; thread-safe.

    The clock is passed to each call (the outbox's, which a test may replace).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        #: fulfillment ID -> (monotonic deadline, the wall-clock time written to the row)
        self._due: dict[str, tuple[float, float]] = {}

    def plan(self, fulfillment_id: str, delay: float, clock: Clock = SYSTEM_CLOCK) -> float:
        """Due ``delay`` seconds from now; returns the wall-clock time to write to the row."""
        due = clock.time() + delay
        with self._lock:
            self._due[fulfillment_id] = (clock.monotonic() + delay, due)
        return due

    def forget(self, fulfillment_id: str | None = None) -> None:
        """The row's schedule was changed elsewhere (retry now, held, delivered); None:
        every row's."""
        with self._lock:
            if fulfillment_id is None:
                self._due.clear()
            else:
                self._due.pop(fulfillment_id, None)

    def wait(
        self,
        fulfillment_id: str,
        next_attempt_at: float,
        updated_at: float,
        clock: Clock = SYSTEM_CLOCK,
    ) -> float:
        """Seconds until the row is due (0 or less: due now), from what the row holds."""
        with self._lock:
            planned = self._due.get(fulfillment_id)
            if planned is not None and planned[1] != next_attempt_at:
                # Written since by a path that did not plan it (retry now, a new token).
                del self._due[fulfillment_id]
                planned = None
        if planned is not None:
            return planned[0] - clock.monotonic()
        if next_attempt_at <= 0:
            return 0.0
        now = clock.time()
        wait = next_attempt_at - now
        if wait > LONGEST_WAIT or updated_at > now + CLOCK_SLACK:
            return 0.0  # dated by a clock that has gone back since: see the module's doc
        return wait
