"""psycopg, imported once, by one thread at a time (as ``redo/http_stack.py`` does httpx).

A bench in a warehouse needs psycopg (and libpq) for the claim of its first order, and
importing it costs about 100 ms here. Start-up begins the import on a thread of its own
while the window is being built, and the first connection waits for that import rather
than starting a second one (``load_once.py``: a package imported on two threads at once
can come out half-built).
"""

from __future__ import annotations

from collections.abc import Callable

from packstation.load_once import in_background, run_once


def _import() -> None:
    import psycopg  # noqa: F401


#: Import psycopg and libpq, if not done yet; thread-safe.
load = run_once(_import)


def load_in_background(start: Callable[[str, Callable[[], None]], object] | None = None) -> None:
    """Start ``load()`` on a thread of its own (``load_once.in_background``)."""
    in_background(load, "packstation-warehouse-driver", start)
