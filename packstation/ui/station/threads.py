"""The detached threads: calls into the OS that may never return, known by name, joined once.

A keyring waiting on an unlock prompt, a slow import at launch, a socket closed after the
last request in flight: work that must not hold up the bench, nor keep a closed
PackStation alive. Each runs on a daemon thread started here, so the runtime knows every
one of them and joins them in one place, within a deadline, before the interpreter
finalises (a daemon thread still running Python then can crash it).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

log = logging.getLogger("packstation.threads")


class Threads:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        #: The name of every thread started, in order (what ran, for the log and tests).
        self.started: list[str] = []

    def start(self, name: str, target: Callable[[], object]) -> threading.Thread:
        """Run ``target`` on a daemon thread named ``name`` (a failure is logged)."""

        def run() -> None:
            try:
                target()
            except Exception:
                log.exception("%s failed", name)

        thread = threading.Thread(target=run, name=name, daemon=True)
        with self._lock:
            self._threads = [t for t in self._threads if t.is_alive()]
            self._threads.append(thread)
            self.started.append(name)
        thread.start()
        return thread

    def running(self) -> list[str]:
        with self._lock:
            return [t.name for t in self._threads if t.is_alive()]

    def join(self, deadline: float) -> bool:
        """Wait for every thread until ``deadline`` (``time.monotonic()``); True if all ended."""
        with self._lock:
            threads = list(self._threads)
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        return not any(t.is_alive() for t in threads)
