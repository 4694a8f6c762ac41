"""The background sender that processes received returns in Redo, exactly once.

Neither Redo call it makes has an idempotency key, so every attempt reads before it
writes (as the fulfillment sender does, ``store/sender.py``):

- processing: the return is read first, and only its items still open are sent
  (``redo.returns_process.check_process``); items Redo already handled are not sent
  again, an item in a state the bench cannot read is held for a person;
- the comment: the return's comments are read first; one naming the job's ID means an
  earlier attempt arrived.

Both answers Redo gives a processing (triggered, or "prepared ... will be triggered")
are successes. A 400 (Redo's reason), a missing scope or a token refused hold the job
for a person; a dead network or a 5xx is retried on the bench's backoff.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from packstation.redo import returns_stack
from packstation.redo.errors import (
    Forbidden,
    NotFound,
    RateLimited,
    RedoError,
    Rejected,
    Unauthorized,
)
from packstation.store.problems import Reason, ShipmentProblem, ShipmentProblemKind
from packstation.store.returns_outbox import ReturnJob, ReturnsOutbox
from packstation.store.sender import backoff

if TYPE_CHECKING:
    from packstation.redo.client import RedoClient
    from packstation.redo.returns_api import ReturnsApi

log = logging.getLogger("packstation.returns")


@dataclass(frozen=True, slots=True)
class ReturnProcessed:
    job: ReturnJob
    #: Redo processes it now (False: its products are prepared, processing follows).
    triggered: bool
    #: An earlier attempt had arrived (found on the return).
    recovered: bool = False


@dataclass(frozen=True, slots=True)
class ReturnHeld:
    job: ReturnJob
    kind: str


@dataclass(frozen=True, slots=True)
class ReturnDone:
    """Processed and commented: nothing of the job is left to send."""

    job: ReturnJob


ReturnEvent = ReturnProcessed | ReturnHeld | ReturnDone


class ReturnsSender:
    def __init__(self, outbox: ReturnsOutbox, on_event: Callable[[ReturnEvent], None]) -> None:
        self._outbox = outbox
        self._on_event = on_event
        self._client: RedoClient | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def set_client(self, client: RedoClient | None) -> None:
        """As the shipments' sender's: no job queued after this returns goes out with the
        client it replaces."""
        self._client = client
        self._outbox.wake()

    def start(self) -> None:
        self._thread = threading.Thread(
            target=self._run, name="packstation-returns-sender", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._outbox.wake()

    def join(self, timeout: float | None = None) -> bool:
        if self._thread is not None:
            self._thread.join(timeout)
            return not self._thread.is_alive()
        return True

    def _run(self) -> None:
        while not self._stop.is_set():
            generation = self._outbox.generation()
            job = self._outbox.next_due() if self._client is not None else None
            client = self._client  # read after the pick: see ``Sender._run``
            if job is None or client is None:
                wait = self._outbox.next_wait() if client is not None else None
                timeout = 60.0 if wait is None else max(0.05, min(60.0, wait))
                self._outbox.wait(timeout, generation, self._stop)
                continue
            try:
                # The returns API is imported when there is a return to send, not at
                # launch: most benches never send one (returns_stack.py).
                returns_stack.load()
                from packstation.redo.returns_api import ReturnsApi

                self.deliver(ReturnsApi(client), job)
            except Exception:  # a bug must not kill the sender; the row waits on disk
                if self._stop.is_set():
                    return
                log.exception("unexpected failure processing return job %s", job.id)
                self._retry(job, ShipmentProblem(ShipmentProblemKind.UNEXPECTED), "bug", None)

    def deliver(self, api: ReturnsApi, job: ReturnJob) -> None:
        """One attempt at ``job``: its processing, then its comment (public for tests)."""
        try:
            if job.state == "pending" and not self._process(api, job):
                return
            self._comment(api, job)
        except RedoError as exc:
            self._failed(job, exc)

    def _process(self, api: ReturnsApi, job: ReturnJob) -> bool:
        from packstation.redo.returns_process import (
            ProcessOutcome,
            ProcessReturnRequest,
            check_process,
        )

        request = ProcessReturnRequest.model_validate({"products": list(job.products)})
        current = api.get(job.return_id).return_
        check = check_process(current, request)
        if check.unclear or check.unknown:
            detail = f"items unclear {check.unclear}, not on the return {check.unknown}"
            self._hold(job, ShipmentProblem(ShipmentProblemKind.NOT_AS_SENT), "changed", detail)
            return False
        triggered, recovered = True, check.to_send is None
        if check.to_send is not None:
            self._outbox.count_attempt(job.id)
            result = api.process(job.return_id, check.to_send)
            triggered = result.outcome is not ProcessOutcome.PREPARED
        self._outbox.mark_processed(job.id)
        log.info("return %s processed (%s)", job.return_id, "found" if recovered else "sent")
        self._emit(ReturnProcessed(self._outbox.get(job.id) or job, triggered, recovered))
        return True

    def _comment(self, api: ReturnsApi, job: ReturnJob) -> None:
        from packstation.redo.returns_process import CreateCommentRequest, MessageComment

        if not any(job.id in (c.message or "") for c in api.comments(job.return_id)):
            request = CreateCommentRequest(comment=MessageComment(message=job.comment))
            api.add_comment(job.return_id, request)
        self._outbox.mark_done(job.id)
        self._emit(ReturnDone(self._outbox.get(job.id) or job))

    def _failed(self, job: ReturnJob, exc: RedoError) -> None:
        log.info("return job %s: %s", job.id, exc)
        # Processed already: what is held or retried is the comment alone.
        commenting = (self._outbox.get(job.id) or job).state == "commenting"
        if isinstance(exc, Unauthorized):
            self._hold(job, exc.problem, "unauthorized", str(exc))
        elif isinstance(exc, Forbidden | NotFound | Rejected):
            kind = {Forbidden: "forbidden", NotFound: "not_found"}.get(type(exc), "rejected")
            self._hold(job, exc.problem, "comment" if commenting else kind, str(exc))
        else:
            retry_after = exc.retry_after if isinstance(exc, RateLimited) else None
            kind = "unknown" if exc.outcome_unknown else "retry"
            self._retry(job, exc.problem, kind, retry_after)

    def _hold(self, job: ReturnJob, reason: Reason, kind: str, detail: str) -> None:
        self._outbox.mark_attention(job.id, reason, kind, detail)
        log.warning("return job %s held (%s): %s", job.id, kind, detail)
        self._emit(ReturnHeld(self._outbox.get(job.id) or job, kind))

    def _retry(self, job: ReturnJob, reason: Reason, kind: str, retry_after: float | None) -> None:
        fresh = self._outbox.get(job.id) or job
        delay = backoff(fresh.attempts + 1, retry_after)
        self._outbox.schedule_retry(job.id, delay, reason, kind)

    def _emit(self, event: ReturnEvent) -> None:
        try:
            self._on_event(event)
        except Exception:
            log.exception("returns sender event handler failed")
