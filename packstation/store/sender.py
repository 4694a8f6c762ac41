"""The one background sender that turns outbox rows into fulfillments, exactly once.

Before every send it reads the order: if a fulfillment with the row's ID is already
there, the earlier attempt was delivered (its answer was lost) and nothing is sent
again; if sending would now ship more than remains (the order was fulfilled
elsewhere), the row is held for a person instead of being sent blindly. Should Redo
ever name fulfillments itself, ignoring the ID sent, a box that was sent is still
recognised in the order, by its line items, quantities and tracking number.

A row is delivered only on an answer that confirms exactly this box (``redo.confirm``):
a 2xx naming another ID, saying ``success: false`` or listing other lines is an unknown
outcome, settled by reading the order at the next attempt.

The loop is written here rather than taken from a retry library's decorator because
its schedule is persisted per row (it survives restarts) and one failing row must not
hold the single sender asleep while others are due; tenacity supplies the backoff.
"""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from packstation.packing.codes import tracking_number
from packstation.redo.confirm import differences, same_lines, same_tracking
from packstation.redo.errors import (
    RETRY_AFTER_MAX,
    Forbidden,
    NetworkUnreachable,
    NotFound,
    OutcomeUnknown,
    ProblemKind,
    RateLimited,
    RedoError,
    Rejected,
    TimedOut,
    Unauthorized,
)
from packstation.redo.models import CreateFulfillmentRequest, Fulfillment, Order
from packstation.store.outbox import CLOCK_TOLERANCE, Outbox, OutboxItem
from packstation.store.problems import Reason, ShipmentProblem, ShipmentProblemKind, technical
from packstation.store.schedule import MAX_BACKOFF

if TYPE_CHECKING:
    from packstation.redo.client import RedoClient

log = logging.getLogger("packstation.sender")


@dataclass(frozen=True, slots=True)
class Delivered:
    item: OutboxItem
    fulfillment: Fulfillment
    #: True when an earlier attempt had already reached Redo (found in the order).
    recovered: bool = False


@dataclass(frozen=True, slots=True)
class NeedsAttention:
    item: OutboxItem
    #: Why it was not sent (worded by the window).
    reason: Reason
    #: What can be done (``unauthorized``, ``forbidden``, ``not_found``, ``rejected``, ...).
    kind: str


@dataclass(frozen=True, slots=True)
class WillRetry:
    item: OutboxItem
    #: Why this attempt failed (worded by the window).
    reason: Reason
    delay: float
    #: When the next attempt is due (``time.time()`` seconds; also ``item.next_attempt_at``).
    next_attempt_at: float = 0.0


@dataclass(frozen=True, slots=True)
class Connectivity:
    online: bool


SenderEvent = Delivered | NeedsAttention | WillRetry | Connectivity


def backoff(attempt: int, retry_after: float | None = None) -> float:
    """Exponential backoff with full jitter, never sooner than the server's Retry-After.

    A Retry-After counts up to ``RETRY_AFTER_MAX`` (15 minutes); one that is not a finite
    number counts as absent, so no answer can park a shipment for longer.
    """
    import tenacity  # only needed once something failed: kept out of the start

    state = tenacity.RetryCallState(retry_object=None, fn=None, args=(), kwargs={})  # type: ignore[arg-type]
    state.attempt_number = max(1, attempt)
    delay = float(tenacity.wait_random_exponential(multiplier=1, max=MAX_BACKOFF)(state))
    asked = retry_after if retry_after is not None and math.isfinite(retry_after) else 0.0
    return max(delay, 0.5, min(asked, RETRY_AFTER_MAX))


def over_fulfilment(order: Order, request: CreateFulfillmentRequest) -> ShipmentProblem | None:
    """Why this request would ship more than the order has left, or None."""
    lines = {line.id: line for line in order.line_items}
    done = order.fulfilled_quantities()
    for item in request.line_items:
        line = lines.get(item.id)
        if line is None:
            return ShipmentProblem(ShipmentProblemKind.LINE_GONE, line=item.id)
        remaining = line.quantity - done.get(line.id, 0)
        if item.quantity > remaining:
            return ShipmentProblem(
                ShipmentProblemKind.SHIPPED_ELSEWHERE,
                title=line.title,
                left=max(0, remaining),
                held=item.quantity,
            )
    return None


class Sender:
    """A single worker thread; events are reported through ``on_event`` from that thread."""

    def __init__(
        self,
        outbox: Outbox,
        on_event: Callable[[SenderEvent], None],
        client: RedoClient | None = None,
        backoff_fn: Callable[[int, float | None], float] = backoff,
    ) -> None:
        self._outbox = outbox
        self._on_event = on_event
        self._client = client
        self._backoff = backoff_fn
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._online: bool | None = None

    def set_client(self, client: RedoClient | None) -> None:
        """Send with ``client`` from now on (None: send nothing). No row queued after this
        returns goes out with the client it replaces; a send already under way ends as
        it would have."""
        self._client = client
        self._outbox.wake()

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._run, name="packstation-sender", daemon=True
            )
            self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Ask the loop to end and wait up to ``timeout`` for it (a send may be in flight)."""
        self._stop.set()
        self._outbox.wake()
        if self._thread is not None:
            self._thread.join(timeout)

    def join(self) -> None:
        """After ``stop``: wait until a send that was still in flight has ended."""
        if self._thread is not None:
            self._thread.join()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        while not self._stop.is_set():
            generation = self._outbox.generation()
            item = self._outbox.next_due() if self._client is not None else None
            # The client is the one set when the row was picked, read after the pick: a
            # row queued after ``set_client`` returned is never sent with the client it
            # replaced or took away. (Read before the pick, it was: a sender woken on a
            # busy machine and descheduled between the two sent the next row with it.)
            client = self._client
            if item is None or client is None:
                # A monotonic wait (``store.schedule``): a clock set back does not park it.
                # Without a client nothing is due until ``set_client`` wakes it.
                wait = self._outbox.next_wait() if client is not None else None
                timeout = 60.0 if wait is None else max(0.05, min(60.0, wait))
                self._outbox.wait(timeout, generation, self._stop)
                continue
            try:
                self._deliver(client, item)
            except Exception:  # a bug must not kill the only sender
                if self._stop.is_set():
                    # Closing: the station database may be gone already. The row is still
                    # pending on disk and is reconciled by its ID at the next start.
                    log.info("send of %s cut short by closing", item.fulfillment_id)
                    return
                log.exception("unexpected failure sending %s", item.fulfillment_id)
                self._retry(item, ShipmentProblem(ShipmentProblemKind.UNEXPECTED), "bug", None)

    def _emit(self, event: SenderEvent) -> None:
        try:
            self._on_event(event)
        except Exception:
            log.exception("sender event handler failed")

    def _set_online(self, online: bool) -> None:
        if online != self._online:
            self._online = online
            self._emit(Connectivity(online))

    def _deliver(self, client: RedoClient, item: OutboxItem) -> None:
        log.info(
            "sending %s for order %s (attempt %d)",
            item.fulfillment_id,
            item.order_ref,
            item.attempts + 1,
        )
        try:
            order = client.get_order(item.order_id)
        except RedoError as exc:
            self._failed(item, exc)
            return
        self._set_online(True)
        if self._reconciled(order, item):
            return
        if item.error_kind == "exists":
            self._attention(item, ShipmentProblem(ShipmentProblemKind.EXISTS_ELSEWHERE), "rejected")
            return
        problem = over_fulfilment(order, item.request)
        if problem:
            self._attention(item, problem, "changed")
            return
        self._outbox.count_attempt(item.fulfillment_id)
        try:
            fulfillment = client.create_fulfillment(item.order_id, item.request)
        except Rejected as exc:
            if exc.already_exists:
                # An earlier attempt got through: the next pass reads the order and confirms it.
                self._outbox.schedule_retry(item.fulfillment_id, 0, exc.problem, "exists", str(exc))
                return
            self._failed(item, exc)
            return
        except RedoError as exc:
            self._failed(item, exc)
            return
        differs = differences(item.request, fulfillment)
        if differs:
            # The client checks its answers; this holds for any client: no delivery is
            # recorded on an answer that is not this box.
            self._failed(item, OutcomeUnknown(ProblemKind.UNCONFIRMED, differs))
            return
        self._delivered(item, fulfillment, recovered=False)

    def _reconciled(self, order: Order, item: OutboxItem) -> bool:
        """Settle ``item`` if the order already shows it (an earlier answer was lost or did
        not confirm it): delivered, or held when Redo has its ID with other lines."""
        existing = order.find_fulfillment(item.fulfillment_id)
        if existing is None:
            existing = self._found_by_contents(order, item)
            if existing is None:
                return False
            log.info(
                "%s is in Redo as %s (found by its contents)", item.fulfillment_id, existing.id
            )
        elif not same_lines(item.request, existing):
            problem = ShipmentProblem(ShipmentProblemKind.NOT_AS_SENT)
            self._attention(item, problem, "changed", differences(item.request, existing))
            return True
        self._delivered(item, existing, recovered=True)
        return True

    def _found_by_contents(self, order: Order, item: OutboxItem) -> Fulfillment | None:
        """The box in the order under an ID Redo chose: the same lines and quantities, the
        tracking number sent. Looked for only once a send may have reached Redo, never
        among fulfillments made before the box was packed (an earlier shipment of the same
        lines, from elsewhere) and never among those this station's other boxes of the
        order are known by (two boxes alike, with dummy tracking, differ only in those)."""
        if item.attempts == 0:
            return None
        ids, numbers = self._outbox.known_in_redo(item.order_id, item.fulfillment_id)
        # Redo's clock against the one that dated the box: allow for them to differ a little.
        packed = item.created_at - CLOCK_TOLERANCE
        found = [
            f
            for f in order.fulfillments
            if f.id not in ids
            and f.created_at.timestamp() >= packed
            and tracking_number(f.tracking_number or "") not in numbers
            and same_lines(item.request, f)
            and same_tracking(item.request, f)
        ]
        return found[-1] if found else None  # the latest: the send whose answer was lost

    def _delivered(self, item: OutboxItem, fulfillment: Fulfillment, *, recovered: bool) -> None:
        assigned = fulfillment.tracking_number or "" if item.summary.dummy else ""
        self._outbox.mark_delivered(item.fulfillment_id, assigned)
        log.info(
            "delivered %s for order %s%s",
            item.fulfillment_id,
            item.order_ref,
            " (found after an unknown outcome)" if recovered else "",
        )
        self._emit(Delivered(self._outbox.get(item.fulfillment_id) or item, fulfillment, recovered))

    def _attention(self, item: OutboxItem, reason: Reason, kind: str, detail: str = "") -> None:
        detail = detail or technical(reason)
        self._outbox.mark_attention(item.fulfillment_id, reason, kind, detail)
        log.warning("needs attention %s: %s", item.fulfillment_id, detail)
        self._emit(NeedsAttention(self._outbox.get(item.fulfillment_id) or item, reason, kind))

    def _retry(
        self,
        item: OutboxItem,
        reason: Reason,
        kind: str,
        retry_after: float | None,
        detail: str = "",
    ) -> None:
        detail = detail or technical(reason)
        fresh = self._outbox.get(item.fulfillment_id) or item
        delay = self._backoff(fresh.attempts + 1, retry_after)
        self._outbox.schedule_retry(item.fulfillment_id, delay, reason, kind, detail)
        log.info("will retry %s in %.1f s: %s", item.fulfillment_id, delay, detail)
        scheduled = self._outbox.get(item.fulfillment_id) or fresh
        self._emit(WillRetry(scheduled, reason, delay, scheduled.next_attempt_at))

    def _failed(self, item: OutboxItem, exc: RedoError) -> None:
        log.info("attempt for %s failed: %s", item.fulfillment_id, exc)
        detail = str(exc)
        if isinstance(exc, Unauthorized):
            self._set_online(True)
            self._attention(item, exc.problem, "unauthorized", detail)
        elif isinstance(exc, Forbidden):
            self._attention(item, exc.problem, "forbidden", detail)
        elif isinstance(exc, NotFound):
            unknown = ShipmentProblem(ShipmentProblemKind.ORDER_UNKNOWN, order_ref=item.order_ref)
            self._attention(item, unknown, "not_found", detail)
        elif isinstance(exc, Rejected):
            self._attention(item, exc.problem, "rejected", detail)
        else:
            if isinstance(exc, NetworkUnreachable | TimedOut):
                self._set_online(False)
            retry_after = exc.retry_after if isinstance(exc, RateLimited) else None
            kind = "unknown" if exc.outcome_unknown else "retry"
            self._retry(item, exc.problem, kind, retry_after, detail)
