"""Imports done once, by one thread at a time, for packages loaded in the background.

A package whose modules import each other, imported on two threads at once, can hand
the second thread a half-initialised module ("cannot import name 'Upc' from partially
initialized module", seen with biip). Where a worker loads a package ahead while a
scan or a request may need it at the same moment, both go through ``run_once``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger("packstation")


def run_once(load: Callable[[], object]) -> Callable[[], None]:
    """``load`` wrapped: the first call runs it, concurrent callers wait for that run,
    later calls return at once. A run that raises is tried again by the next call."""
    lock = threading.Lock()
    done = False

    def once() -> None:
        nonlocal done
        if done:
            return
        with lock:
            if not done:
                load()
                done = True

    return once


def in_background(
    load: Callable[[], None],
    name: str,
    start: Callable[[str, Callable[[], None]], object] | None = None,
) -> None:
    """``load()`` (a ``run_once``) started on a thread named ``name``: by ``start(name,
    target)`` (the runtime's ``Threads``, joined briefly before the process exits), or
    a plain daemon thread. A failure is logged; the first real use loads again and says
    it there."""

    def work() -> None:
        try:
            load()
        except Exception:
            log.warning("could not load ahead (%s)", name, exc_info=True)

    if start is not None:
        start(name, work)
        return
    threading.Thread(target=work, name=name, daemon=True).start()
