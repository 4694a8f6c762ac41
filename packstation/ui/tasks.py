"""Running blocking work off the GUI thread, with results delivered back on it.

Every job has a success path and an error path, both called on the GUI thread
(as Picard's ``run_task`` and Anki's ``QueryOp`` do). A runner owns a small
thread pool; the bench uses one for reads (orders, thumbnails) so a slow write
never delays the next slip.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger("packstation.tasks")

T = TypeVar("T")


class TaskRunner(QObject):
    """``submit(fn, on_done, on_error)``: fn runs on a worker, callbacks on the GUI thread."""

    _finished = Signal(object)

    def __init__(self, name: str, workers: int = 1, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(
            max_workers=workers, thread_name_prefix=f"packstation-{name}"
        )
        self._finished.connect(self._deliver)
        self._pending = 0
        self._closed = False

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def submit(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        if self._closed:
            return
        self._pending += 1
        future = self._pool.submit(fn)
        future.add_done_callback(
            lambda f: self._finished.emit((f, on_done, on_error))  # emitted on the worker
        )

    def run_detached(
        self,
        name: str,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Like ``submit``, on a daemon thread of its own that closing never waits for.

        For a call into the OS that may not return (a keyring waiting on an unlock
        prompt): the bench must still close, and the pool's workers stay free.
        """
        if self._closed:
            return
        self._pending += 1
        future: Future[T] = Future()

        def run() -> None:
            try:
                future.set_result(fn())
            except BaseException as exc:
                future.set_exception(exc)
            try:
                self._finished.emit((future, on_done, on_error))
            except RuntimeError:  # the window is gone: nobody waits for the answer
                log.debug("%s finished after the window closed", name)

        threading.Thread(target=run, name=f"packstation-{name}", daemon=True).start()

    @Slot(object)
    def _deliver(
        self, payload: tuple[Future[Any], Callable[[Any], None], Callable[[BaseException], None]]
    ) -> None:
        future, on_done, on_error = payload
        self._pending -= 1
        if self._closed:
            return
        error = future.exception()
        try:
            if error is not None:
                on_error(error)
            else:
                on_done(future.result())
        except Exception:
            log.exception("a task callback failed")

    def shutdown(self, wait: bool = True) -> None:
        """Stop taking work; with ``wait``, join the workers (callbacks are dropped)."""
        self._closed = True
        self._pool.shutdown(wait=wait, cancel_futures=True)
