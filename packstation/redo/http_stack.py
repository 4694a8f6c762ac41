"""httpx and the client's transport, imported once, by one thread at a time.

Three threads may want them near start: start-up's early load (so the first order's
request does not wait for about 50 ms of imports), the first request on a worker,
and the first product image. Importing one package on two threads at once can hand
the second a half-initialised module when the package's modules import each other
(see ``load_once.py``), so every path goes through ``load()``.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from packstation.load_once import in_background, run_once


def _import() -> tuple[ModuleType, ...]:
    from packstation.redo import bearer, transport

    return (bearer, transport)


#: Import httpx, httpcore and the client's transport, if not done yet; thread-safe.
load = run_once(_import)


def load_in_background(start: Callable[[str, Callable[[], None]], object] | None = None) -> None:
    """Start ``load()`` on a thread of its own (``load_once.in_background``)."""
    in_background(load, "packstation-http-stack", start)
