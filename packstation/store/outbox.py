"""The outbox: packed boxes waiting to become fulfillments, and the station's history.

A row is written in the same transaction that closes the packing session, with a
client-generated fulfillment ID that every retry reuses: that ID is what lets the
sender prove, after an unknown outcome, whether Redo already has the shipment.

Times written to rows come from the wall clock (``clock.time()``: they must mean
something after a restart); waits are measured on the monotonic clock
(``store.schedule``); history is forgotten only by a clock Redo agrees with (``purge``).
"""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
import threading
from dataclasses import dataclass, field

from packstation.packing.codes import tracking_number
from packstation.redo.clock import SYSTEM_CLOCK, Clock, ServerTime
from packstation.redo.models import CreateFulfillmentRequest, Tracking
from packstation.store.db import transaction
from packstation.store.items import (
    UNREADABLE,
    UNREADABLE_DETAIL,
    OutboxItem,
    OutboxState,
    ShipmentSummary,
    readable,
)
from packstation.store.outbox_reads import OutboxCounts, OutboxReads
from packstation.store.problems import UNREADABLE_REASON, Reason, reason_to_json, technical
from packstation.store.schedule import RetrySchedule

log = logging.getLogger("packstation.store")

#: How far the wall clock may be from Redo's before the history's ages are in doubt: a
#: few minutes of drift is common and harmless at a scale of days; a clock set wrong (by
#: an hour, a day, a month) is not.
CLOCK_TOLERANCE = 600.0
#: Above every rowid and journal sequence number.
_BEYOND = 2**63 - 1

__all__ = [
    "UNREADABLE",
    "Outbox",
    "OutboxCounts",
    "OutboxItem",
    "OutboxState",
    "ShipmentSummary",
]


@dataclass
class Outbox(OutboxReads):
    conn: sqlite3.Connection
    lock: threading.RLock
    _wake: threading.Condition = field(init=False)

    #: A second connection for reads (``OutboxReads``).
    reader: sqlite3.Connection | None = None
    reader_lock: threading.Lock = field(default_factory=threading.Lock)
    #: The station's clocks (a test's fake moves them).
    clock: Clock = SYSTEM_CLOCK
    _generation: int = field(init=False, default=0)
    _schedule: RetrySchedule = field(init=False, default_factory=RetrySchedule)

    def __post_init__(self) -> None:
        self._wake = threading.Condition(self.lock)

    # --- writing (the caller holds a transaction when it adds) --------------------

    def add(
        self,
        item_id: str,
        order_id: str,
        request: CreateFulfillmentRequest,
        summary: ShipmentSummary,
        packer: str,
    ) -> OutboxItem:
        """Write a pending row; the item it holds, as a read of it would give it back (the
        caller is spared parsing a big box's request again on the thread beside the GUI)."""
        now = self.clock.time()
        self.conn.execute(
            "INSERT INTO outbox (fulfillment_id, order_id, order_ref, request_json, summary_json,"
            " state, packer, tracking, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)",
            (
                item_id,
                order_id,
                summary.order_ref,
                request.model_dump_json(by_alias=True, exclude_none=True),
                summary.to_json(),
                packer,
                "" if summary.dummy else summary.tracking,
                now,
                now,
            ),
        )
        return OutboxItem(
            fulfillment_id=item_id,
            order_id=order_id,
            order_ref=summary.order_ref,
            request=request,
            summary=summary,
            state=OutboxState.PENDING,
            attempts=0,
            next_attempt_at=0.0,
            last_error="",
            error_kind="",
            packer=packer,
            created_at=now,
            updated_at=now,
            delivered_at=None,
        )

    def wake(self) -> None:
        """Something changed: a waiting sender should look again."""
        with self._wake:
            self._generation += 1
            self._wake.notify_all()

    def generation(self) -> int:
        with self._wake:
            return self._generation

    def wait(self, timeout: float, since: int, stop: threading.Event) -> None:
        """Sleep until woken or ``timeout``, unless something changed after ``since``.

        Checking the generation under the lock closes the gap between a sender's
        last look and its sleep, where a wake-up would otherwise be missed.
        """
        with self._wake:
            if self._generation == since and not stop.is_set():
                self._wake.wait(timeout)

    def _update(self, fulfillment_id: str, sql: str, *args: object) -> None:
        with transaction(self.conn, self.lock):
            self.conn.execute(
                f"UPDATE outbox SET {sql}, updated_at = ? WHERE fulfillment_id = ?",  # noqa: S608
                (*args, self.clock.time(), fulfillment_id),
            )
        self.wake()

    def mark_delivered(self, fulfillment_id: str, assigned_tracking: str = "") -> None:
        """Redo took it; ``assigned_tracking``: the number Redo gave a dummy tracker."""
        self._schedule.forget(fulfillment_id)
        self._update(
            fulfillment_id,
            "state = 'delivered', last_error = '', error_kind = '', error_facts = '',"
            " delivered_at = ?, assigned_tracking = ?",
            self.clock.time(),
            assigned_tracking[:100],
        )

    def mark_attention(
        self, fulfillment_id: str, reason: Reason, kind: str, detail: str = ""
    ) -> None:
        """Hold the shipment for a person: ``reason`` is kept as facts, worded when shown;
        ``kind`` decides what can be done (``unauthorized``: a new token sends it again);
        ``detail`` (technical, default the reason's) goes into ``last_error``."""
        self._schedule.forget(fulfillment_id)
        self._update(
            fulfillment_id,
            "state = 'attention', last_error = ?, error_kind = ?, error_facts = ?",
            detail or technical(reason),
            kind,
            reason_to_json(reason),
        )

    def schedule_retry(
        self, fulfillment_id: str, delay: float, reason: Reason, kind: str, detail: str = ""
    ) -> None:
        """Count the attempt and try again in ``delay`` seconds (on the monotonic clock,
        ``store.schedule``); see ``mark_attention``."""
        self._update(
            fulfillment_id,
            "attempts = attempts + 1, next_attempt_at = ?, last_error = ?, error_kind = ?,"
            " error_facts = ?",
            self._schedule.plan(fulfillment_id, delay, self.clock),
            detail or technical(reason),
            kind,
            reason_to_json(reason),
        )

    def count_attempt(self, fulfillment_id: str) -> None:
        self._update(fulfillment_id, "attempts = attempts + 1")

    def retry(self, fulfillment_id: str) -> None:
        """Needs attention -> pending again, due now (a lead chose to retry).

        A row that still cannot be read stays where it is: it could not be sent.
        """
        row = self._fetchone("SELECT * FROM outbox WHERE fulfillment_id = ?", (fulfillment_id,))
        if row is None or not readable(row):
            return
        self._update(fulfillment_id, "state = 'pending', next_attempt_at = 0, error_kind = ''")

    def retry_all_unauthorized(self) -> int:
        """After a new token: every item held for a 401 goes back to pending."""
        with transaction(self.conn, self.lock):
            cursor = self.conn.execute(
                "UPDATE outbox SET state = 'pending', next_attempt_at = 0, updated_at = ?"
                " WHERE state = 'attention' AND error_kind = 'unauthorized'",
                (self.clock.time(),),
            )
        self.wake()
        return cursor.rowcount

    def edit_tracking(self, fulfillment_id: str, carrier: str, code: str) -> None:
        """Edit and retry: new tracking, same fulfillment ID."""
        with self.lock:
            item = self.get(fulfillment_id)
        if item is None or item.unreadable:
            return  # an unreadable row has no request to put new tracking into
        request = item.request.model_copy(
            update={
                "tracking": Tracking(carrier=carrier.strip(), code=tracking_number(code)),
                "use_dummy_tracking": None,
                "initial_tracking": None,
            }
        )
        summary = dataclasses.replace(
            item.summary, carrier=carrier.strip(), tracking=tracking_number(code), dummy=False
        )
        self._update(
            fulfillment_id,
            "request_json = ?, summary_json = ?, tracking = ?, state = 'pending',"
            " next_attempt_at = 0",
            request.model_dump_json(by_alias=True, exclude_none=True),
            summary.to_json(),
            summary.tracking,
        )

    def discard(self, fulfillment_id: str, who: str) -> None:
        """A lead's discard: the shipment is never sent to Redo.

        Who discarded it, and which shipment, is written to the station's journal in the
        same transaction (as ``CatalogStore.forget`` does): a lead can be asked about it
        later. A fulfillment ID the outbox does not hold changes nothing."""
        self._schedule.forget(fulfillment_id)
        with transaction(self.conn, self.lock):
            row = self.conn.execute(
                "SELECT order_id, order_ref FROM outbox WHERE fulfillment_id = ?",
                (fulfillment_id,),
            ).fetchone()
            if row is None:
                return
            now = self.clock.time()
            self.conn.execute(
                "UPDATE outbox SET state = 'discarded', updated_at = ? WHERE fulfillment_id = ?",
                (now, fulfillment_id),
            )
            self.conn.execute(
                "INSERT INTO journal (at, order_id, kind, detail, packer) "
                "VALUES (?, ?, 'discarded-shipment', ?, ?)",
                (now, row["order_id"], f"{row['order_ref']} {fulfillment_id}"[:200], who),
            )
        self.wake()

    # --- reading -------------------------------------------------------------------

    def next_due(self) -> OutboxItem | None:
        """The oldest pending item that is due, never overtaking an earlier one of its order.

        A pending row that cannot be read is quarantined on the way (held under Needs
        attention, see ``store.items``) and the next one is considered.
        """
        rows = self._fetchall(
            "SELECT rowid AS row_id, * FROM outbox WHERE state = 'pending'"
            " ORDER BY created_at, rowid"
        )
        blocked: set[object] = set()
        unreadable: list[int] = []
        due: OutboxItem | None = None
        for row in rows:
            if row["order_id"] in blocked:
                continue
            item = OutboxItem.from_row(row)
            if item.state is not OutboxState.PENDING:
                unreadable.append(int(row["row_id"]))
                continue
            if self._wait(item) <= 0:
                due = item
                break
            blocked.add(item.order_id)
        if unreadable:
            self._quarantine(unreadable)
        return due

    def quarantine_unreadable(self) -> list[str]:
        """Hold every waiting row that cannot be read under Needs attention (at start).

        The rows are kept as written; only their state and message change. Returns the
        fulfillment IDs (as far as they can be read) of the rows quarantined now.
        """
        with self.lock:
            rows = self.conn.execute(
                "SELECT rowid AS row_id, * FROM outbox WHERE state NOT IN ('delivered',"
                " 'discarded') AND NOT (state = 'attention' AND error_kind = ?)",
                (UNREADABLE,),
            ).fetchall()
        bad = [row for row in rows if not readable(row)]
        self._quarantine([int(row["row_id"]) for row in bad])
        return [OutboxItem.quarantined(row).fulfillment_id for row in bad]

    def _quarantine(self, rowids: list[int]) -> None:
        if not rowids:
            return
        with transaction(self.conn, self.lock):
            for rowid in rowids:
                self.conn.execute(
                    "UPDATE outbox SET state = 'attention', error_kind = ?, last_error = ?,"
                    " error_facts = ?, updated_at = ? WHERE rowid = ?",
                    (
                        UNREADABLE,
                        UNREADABLE_DETAIL,
                        reason_to_json(UNREADABLE_REASON),
                        self.clock.time(),
                        rowid,
                    ),
                )
        self.wake()

    def _wait(self, item: OutboxItem) -> float:
        return self._schedule.wait(
            item.fulfillment_id, item.next_attempt_at, item.updated_at, self.clock
        )

    def next_wait(self) -> float | None:
        """Seconds until the next pending shipment is due (0 or less: one is due now);
        None when nothing is pending. A monotonic wait: see ``store.schedule``."""
        rows = self._fetchall(
            "SELECT fulfillment_id, next_attempt_at, updated_at FROM outbox WHERE state = 'pending'"
        )
        waits = [
            self._schedule.wait(str(fid), next_at, updated, self.clock)
            for fid, next_at, updated in rows
            # A row whose times cannot be read is quarantined by ``next_due``, not timed.
            if all(
                isinstance(t, int | float) and not isinstance(t, bool) for t in (next_at, updated)
            )
        ]
        return min(waits, default=None)

    def purge(self, keep_days: int, server: ServerTime) -> int | None:
        """Forget delivered and discarded shipments older than ``keep_days``, and journal
        rows as old; returns how many shipments, or None when nothing was forgotten
        because the rows' ages are in doubt.

        A row's age is its wall-clock date against the wall clock now, and either may be
        wrong: started with the clock a month ahead, this once deleted all the history.
        So "now" must agree with Redo's clock (``server``, from its answers' Date
        headers) within ``CLOCK_TOLERANCE``, else nothing is deleted. And only rows
        written before the first row that is still young go: a row written after a
        younger one was dated by a clock that has gone forward since (it was behind),
        and is kept until the rows before it are old too.
        """
        wall = self.clock.time()
        now = server.agreed_now(wall, CLOCK_TOLERANCE)
        if now is None:
            offset = server.wall_offset()
            if offset is None:
                log.info("history kept: Redo's time is not known yet")
            else:
                log.warning("history kept: this computer's clock is %+.0f s off Redo's", offset)
            return None
        cutoff = now - keep_days * 86400
        with transaction(self.conn, self.lock):
            cursor = self.conn.execute(
                "DELETE FROM outbox WHERE state IN ('delivered', 'discarded') AND created_at < ?"
                " AND rowid < (SELECT COALESCE(MIN(rowid), ?) FROM outbox WHERE created_at >= ?)",
                (cutoff, _BEYOND, cutoff),
            )
            self.conn.execute(
                "DELETE FROM journal WHERE at < ?"
                " AND seq < (SELECT COALESCE(MIN(seq), ?) FROM journal WHERE at >= ?)",
                (cutoff, _BEYOND, cutoff),
            )
        return cursor.rowcount

    def retry_now(self, fulfillment_id: str) -> bool:
        """A lead's "retry now": a pending shipment waiting for its next attempt is due now.

        Only a pending row changes (one held for attention goes through ``retry``); its
        attempts and last error stay. Returns whether there was such a row.
        """
        self._schedule.forget(fulfillment_id)
        with transaction(self.conn, self.lock):
            cursor = self.conn.execute(
                "UPDATE outbox SET next_attempt_at = 0, updated_at = ?"
                " WHERE fulfillment_id = ? AND state = 'pending'",
                (self.clock.time(), fulfillment_id),
            )
        self.wake()
        return cursor.rowcount > 0
