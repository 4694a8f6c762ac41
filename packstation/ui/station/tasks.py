"""Running blocking work off the GUI thread, with results delivered back on it.

Every job has a success path and an error path, both called on the GUI thread
(as Picard's ``run_task`` and Anki's ``QueryOp`` do). A runner owns a few worker
threads; the station keeps one runner for reads (orders, look-ups) and one serial
runner for writes, so a slow network never delays the journal and writes stay in order.

The workers are daemon threads rather than a ``ThreadPoolExecutor``'s: the interpreter
joins an executor's threads at exit, so a read stuck on a slow server would keep a
closed PackStation alive until the server answered. Reads may be abandoned on close;
writes are drained (``shutdown(wait=True)``), never cancelled.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger("packstation.tasks")

T = TypeVar("T")
_Job = tuple[Future[Any], Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None]]


class TaskRunner(QObject):
    """``submit(fn, on_done, on_error)``: fn runs on a worker, callbacks on the GUI thread."""

    _finished = Signal(object)

    def __init__(self, name: str, workers: int = 1, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._size = workers
        self._threads: list[threading.Thread] = []
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._finished.connect(self._deliver)
        self._pending = 0
        self._closed = False

    @property
    def busy(self) -> bool:
        """Work submitted whose callbacks have not run yet."""
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
        self._jobs.put((Future(), fn, on_done, on_error))
        if len(self._threads) < self._size:
            # Started on demand: a runner that is never used costs no thread.
            thread = threading.Thread(
                target=self._work,
                name=f"packstation-{self._name}-{len(self._threads)}",
                daemon=True,
            )
            self._threads.append(thread)
            thread.start()

    def run_detached(
        self,
        name: str,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
        *,
        start: Callable[[str, Callable[[], None]], object] | None = None,
    ) -> None:
        """Like ``submit``, on a daemon thread of its own that closing never waits for.

        For a call into the OS that may not return (a keyring waiting on an unlock
        prompt): the bench must still close, and the runner's workers stay free.
        ``start(name, target)`` starts that thread (the runtime's ``Threads``, which
        joins it at exit, within a deadline); by default a plain daemon thread.
        """
        if self._closed:
            return
        self._pending += 1
        job: _Job = (Future(), fn, on_done, on_error)
        if start is not None:
            start(f"packstation-{name}", lambda: self._run(job))
            return
        threading.Thread(
            target=self._run, args=(job,), name=f"packstation-{name}", daemon=True
        ).start()

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            self._run(job)

    def _run(self, job: _Job) -> None:
        future, fn, on_done, on_error = job
        try:
            future.set_result(fn())
        except BaseException as exc:
            future.set_exception(exc)
        # A detached thread can outlive its runner (a keyring answering after the window
        # closed): emitting on a deleted QObject would crash, so it is checked first.
        if not shiboken6.isValid(self):
            log.debug("%s: a job finished after the runner was deleted", self._name)
            return
        try:
            self._finished.emit((future, on_done, on_error))
        except RuntimeError:  # the runner is gone: nobody waits for the answer
            log.debug("%s: a job finished after the runner was deleted", self._name)

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

    def shutdown(self, wait: bool = True, drop: bool = True) -> None:
        """Stop taking work. With ``wait``, run every job already submitted to its end
        and join the workers (their callbacks are dropped); without, drop the jobs not
        started yet (unless ``drop`` is False: they still run, unwaited for) and let the
        running ones end by themselves."""
        self._closed = True
        if not wait and drop:
            # Jobs not started yet are dropped: nobody is left to take their answers.
            while True:
                try:
                    self._jobs.get_nowait()
                except queue.Empty:
                    break
        for _ in self._threads:
            self._jobs.put(None)
        if wait:
            self.join()

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the workers of a runner that was shut down to finish their jobs, at
        most ``timeout`` seconds in all; True if they all have."""
        deadline = None if timeout is None else time.monotonic() + timeout
        for thread in self._threads:
            thread.join(None if deadline is None else max(0.0, deadline - time.monotonic()))
        return not any(thread.is_alive() for thread in self._threads)
