"""How long the Redo client waits: per operation, and a deadline for a whole request.

Kept apart from the client itself (``client.py`` re-exports ``Timeouts``), which holds the
requests and their answers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

#: The overall deadline of one request (connect, send, headers, body), in seconds.
DEFAULT_DEADLINE = 30.0
#: The longest any timeout or deadline may be, in seconds.
TIMEOUT_MAX = 600.0


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Per-operation timeouts, and ``total``: the deadline of a whole request.

    Each must be a finite number of seconds above zero and at most ``TIMEOUT_MAX``
    (settings are checked when loaded; here a bad value is a bug and raises ValueError).
    """

    connect: float = 5.0
    read: float = 20.0
    write: float = 20.0
    pool: float = 5.0
    total: float = DEFAULT_DEADLINE

    def __post_init__(self) -> None:
        for name in ("connect", "read", "write", "pool", "total"):
            value = getattr(self, name)
            if not (isinstance(value, int | float) and math.isfinite(value)):
                raise ValueError(f"timeout {name} must be a finite number, not {value!r}")
            if not 0 < value <= TIMEOUT_MAX:
                raise ValueError(f"timeout {name} must be above 0 and at most {TIMEOUT_MAX} s")

    def to_httpx(self) -> httpx.Timeout:
        import httpx

        def bound(value: float) -> float:
            return min(value, self.total)

        return httpx.Timeout(
            connect=bound(self.connect),
            read=bound(self.read),
            write=bound(self.write),
            pool=bound(self.pool),
        )
