"""The outbox: packed boxes waiting to become fulfillments, and the station's history.

A row is written in the same transaction that closes the packing session, with a
client-generated fulfillment ID that every retry reuses: that ID is what lets the
sender prove, after an unknown outcome, whether Redo already has the shipment.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from packstation.packing.codes import tracking_number
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
from packstation.store.problems import UNREADABLE_REASON, Reason, reason_to_json, technical

__all__ = [
    "UNREADABLE",
    "Outbox",
    "OutboxCounts",
    "OutboxItem",
    "OutboxState",
    "ShipmentSummary",
]


@dataclass(frozen=True, slots=True)
class OutboxCounts:
    pending: int = 0
    attention: int = 0
    oldest_pending_at: float | None = None


@dataclass
class Outbox:
    conn: sqlite3.Connection
    lock: threading.RLock
    _wake: threading.Condition = field(init=False)

    #: A second connection for reads: in WAL mode it never waits for the writer's fsync,
    #: so the window can read counts and history while a scan is being committed.
    reader: sqlite3.Connection | None = None
    reader_lock: threading.Lock = field(default_factory=threading.Lock)
    _generation: int = field(init=False, default=0)

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
    ) -> None:
        now = time.time()
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
                (*args, time.time(), fulfillment_id),
            )
        self.wake()

    def mark_delivered(self, fulfillment_id: str, assigned_tracking: str = "") -> None:
        """Redo took it; ``assigned_tracking``: the number Redo gave a dummy tracker."""
        self._update(
            fulfillment_id,
            "state = 'delivered', last_error = '', error_kind = '', error_facts = '',"
            " delivered_at = ?, assigned_tracking = ?",
            time.time(),
            assigned_tracking[:100],
        )

    def mark_attention(
        self, fulfillment_id: str, reason: Reason, kind: str, detail: str = ""
    ) -> None:
        """Hold the shipment for a person: ``reason`` is kept as facts, worded when shown;
        ``kind`` decides what can be done (``unauthorized``: a new token sends it again);
        ``detail`` (technical, default the reason's) goes into ``last_error``."""
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
        """Count the attempt and try again in ``delay`` seconds; see ``mark_attention``."""
        self._update(
            fulfillment_id,
            "attempts = attempts + 1, next_attempt_at = ?, last_error = ?, error_kind = ?,"
            " error_facts = ?",
            time.time() + delay,
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
                (time.time(),),
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

    def discard(self, fulfillment_id: str) -> None:
        self._update(fulfillment_id, "state = 'discarded'")

    # --- reading -------------------------------------------------------------------

    def _fetchall(self, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]:
        if self.reader is None:
            with self.lock:
                return self.conn.execute(sql, params).fetchall()
        with self.reader_lock:
            return self.reader.execute(sql, params).fetchall()

    def _fetchone(self, sql: str, params: Sequence[object] = ()) -> sqlite3.Row | None:
        rows = self._fetchall(sql, params)
        return rows[0] if rows else None

    def get(self, fulfillment_id: str) -> OutboxItem | None:
        row = self._fetchone("SELECT * FROM outbox WHERE fulfillment_id = ?", (fulfillment_id,))
        return OutboxItem.from_row(row) if row else None

    def next_due(self, now: float | None = None) -> OutboxItem | None:
        """The oldest pending item that is due, never overtaking an earlier one of its order.

        A pending row that cannot be read is quarantined on the way (held under Needs
        attention, see ``store.items``) and the next one is considered.
        """
        now = time.time() if now is None else now
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
            if item.next_attempt_at <= now:
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
                        time.time(),
                        rowid,
                    ),
                )
        self.wake()

    def next_wakeup(self) -> float | None:
        (row,) = self._fetchall("SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'pending'")
        return None if row[0] is None else float(row[0])

    def counts(self) -> OutboxCounts:
        (row,) = self._fetchall(
            "SELECT SUM(state = 'pending'), SUM(state = 'attention'),"
            " MIN(CASE WHEN state = 'pending' THEN created_at END) FROM outbox"
        )
        return OutboxCounts(int(row[0] or 0), int(row[1] or 0), row[2])

    def items(self, *states: OutboxState, order_id: str | None = None) -> list[OutboxItem]:
        """Rows in ``states``, oldest first; only one order's with ``order_id``."""
        marks = ",".join("?" * len(states))
        params: list[object] = [s.value for s in states]
        where = f"state IN ({marks})"
        if order_id is not None:
            where += " AND order_id = ?"
            params.append(order_id)
        rows = self._fetchall(
            f"SELECT * FROM outbox WHERE {where} ORDER BY created_at",  # noqa: S608
            params,
        )
        wanted = set(states)
        # A row that cannot be read is shown as needing attention, whatever it says.
        return [i for i in map(OutboxItem.from_row, rows) if i.state in wanted]

    def history(self, search: str = "", limit: int = 500) -> list[OutboxItem]:
        """Recent shipments, newest first, matching an order or tracking number."""
        like = f"%{search.strip()}%"
        rows = self._fetchall(
            "SELECT * FROM outbox WHERE state != 'discarded' AND (? = '%%' OR order_ref LIKE ?"
            " OR order_id LIKE ? OR summary_json LIKE ? OR fulfillment_id LIKE ?)"
            " ORDER BY created_at DESC LIMIT ?",
            (like, like, like, like, like, limit),
        )
        return [OutboxItem.from_row(r) for r in rows]

    def dummy_fulfillment_ids(self, order_id: str) -> set[str]:
        """The fulfillments this station queued for ``order_id`` with dummy tracking."""
        rows = self._fetchall(
            "SELECT fulfillment_id, summary_json FROM outbox WHERE order_id = ?"
            " AND state != 'discarded'",
            (order_id,),
        )
        found = set()
        for row in rows:
            try:
                if ShipmentSummary.from_json(str(row["summary_json"])).dummy:
                    found.add(str(row["fulfillment_id"]))
            except Exception:  # noqa: S112 - an unreadable summary names no dummy tracker
                continue
        return found

    def tracking_used_elsewhere(self, tracking: str, order_id: str) -> str | None:
        """The order ref of another order that shipped with this tracking number, if any
        (read through the ``tracking`` column's index)."""
        code = tracking_number(tracking)
        if not code:
            return None
        row = self._fetchone(
            "SELECT order_ref FROM outbox WHERE tracking = ? AND tracking != '' AND state != 'discarded'"
            " AND order_id != ? ORDER BY created_at DESC LIMIT 1",
            (code, order_id),
        )
        return None if row is None else str(row["order_ref"])

    def labels_in_use(self) -> dict[str, tuple[str, str]]:
        """Every tracking number this station queued or sent: number -> (order ID, ref)."""
        rows = self._fetchall(
            "SELECT tracking, order_id, order_ref FROM outbox"
            " WHERE tracking != '' AND state != 'discarded' ORDER BY created_at"
        )
        return {str(r["tracking"]): (str(r["order_id"]), str(r["order_ref"])) for r in rows}

    def purge(self, keep_days: int) -> int:
        """Forget delivered and discarded shipments older than ``keep_days``."""
        cutoff = time.time() - keep_days * 86400
        with transaction(self.conn, self.lock):
            cursor = self.conn.execute(
                "DELETE FROM outbox WHERE state IN ('delivered', 'discarded') AND created_at < ?",
                (cutoff,),
            )
            self.conn.execute("DELETE FROM journal WHERE at < ?", (cutoff,))
        return cursor.rowcount

    def retry_now(self, fulfillment_id: str) -> bool:
        """A lead's "retry now": a pending shipment waiting for its next attempt is due now.

        Only a pending row changes (one held for attention goes through ``retry``); its
        attempts and last error stay. Returns whether there was such a row.
        """
        with transaction(self.conn, self.lock):
            cursor = self.conn.execute(
                "UPDATE outbox SET next_attempt_at = 0, updated_at = ?"
                " WHERE fulfillment_id = ? AND state = 'pending'",
                (time.time(), fulfillment_id),
            )
        self.wake()
        return cursor.rowcount > 0
