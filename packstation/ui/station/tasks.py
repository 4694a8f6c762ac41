"""Running blocking work off the GUI thread, with results delivered back on it.

Every job has a success path and an error path, both called on the GUI thread
(as Picard's ``run_task`` and Anki's ``QueryOp`` do). A runner owns a few worker
threads; the station keeps one runner for reads (orders, look-ups) and one serial
runner for writes, so a slow network never delays the journal and writes stay in order.

The workers are daemon threads rather than a ``ThreadPoolExecutor``'s: the interpreter
joins an executor's threads at exit, so a read stuck on a slow server would keep a
closed PackStation alive until the server answered. Reads may be abandoned on close;
writes are drained (``shutdown(wait=True)``), never cancelled.

A job submitted ``after_turn`` on the GUI thread starts only once that thread's loop
has delivered what the submitting handler posted, and what that posted in turn: a big
write (a 1,000-line order opened, a 600-line shipment) does not take the interpreter
from the frame and the events that were waiting. Started at once, it took the
interpreter whenever the GUI thread let go of it, and each Python call those events
made waited for it again: 5-12 ms on top of Ship's own 8-10 ms
(``benchmarks/RESULTS.md``). Jobs still run in the order they were submitted; a loop
that does not turn holds one ``turn_wait`` seconds at most, and ``shutdown`` lets
every held job go.
"""

from __future__ import annotations

import collections
import logging
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, Slot

log = logging.getLogger("packstation.tasks")

#: How long a job held for the GUI thread's next turn waits at most: a loop busy or
#: blocked for longer does not hold the store's work beyond it.
TURN_WAIT_S = 0.05

T = TypeVar("T")
#: Rounds of the posted-event queue a held job waits: the handler may post its repaint
#: after submitting the job, and what is delivered then posts more (layouts, their
#: repaints). Three rounds covered Ship's (benchmarks/RESULTS.md).
_TURN_HOPS = 3


class _Turn(QEvent):
    TYPE = QEvent.Type(QEvent.registerEventType())

    def __init__(self, hops: int) -> None:
        super().__init__(self.TYPE)
        self.hops = hops


_Job = tuple[Future[Any], Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None]]


class TaskRunner(QObject):
    """``submit(fn, on_done, on_error)``: fn runs on a worker, callbacks on the GUI thread."""

    _finished = Signal(object)

    def __init__(
        self,
        name: str,
        workers: int = 1,
        parent: QObject | None = None,
        *,
        turn_wait: float = TURN_WAIT_S,
    ) -> None:
        super().__init__(parent)
        self._name = name
        self._turn_wait = turn_wait
        self._gui = threading.current_thread()  # runners are made on the GUI thread
        #: Jobs held for the loop's turn, in the order their turns were posted.
        self._gates: collections.deque[threading.Event] = collections.deque()
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
        *,
        after_turn: bool = False,
    ) -> None:
        if self._closed:
            return
        self._pending += 1
        if after_turn and threading.current_thread() is self._gui:
            fn = self._held_for_turn(fn)
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

    def _held_for_turn(self, fn: Callable[[], T]) -> Callable[[], T]:
        """``fn``, waiting first for the GUI thread's loop to turn."""
        gate = threading.Event()
        self._gates.append(gate)
        self._post_turn(_TURN_HOPS)
        wait = self._turn_wait

        def held() -> T:
            gate.wait(wait)
            return fn()

        return held

    def _post_turn(self, hops: int) -> None:
        # Low priority, as the widgets' UpdateRequest is, so it queues behind the repaint
        # the handler asked for; a zero timer fired before that repaint.
        QCoreApplication.postEvent(self, _Turn(hops), Qt.EventPriority.LowEventPriority.value)

    def event(self, event: QEvent) -> bool:
        if event.type() != _Turn.TYPE:
            return super().event(event)
        hops = event.hops - 1 if isinstance(event, _Turn) else 0
        if hops > 0:
            self._post_turn(hops)
        elif self._gates:
            self._gates.popleft().set()
        return True

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
        while self._gates:  # the loop may not turn again: held jobs go now
            self._gates.popleft().set()
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
