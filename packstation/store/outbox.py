"""The outbox: packed boxes waiting to become fulfillments, and the station's history.

A row is written in the same transaction that closes the packing session, with a
client-generated fulfillment ID that every retry reuses: that ID is what lets the
sender prove, after an unknown outcome, whether Redo already has the shipment.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from packstation.redo.models import CreateFulfillmentRequest, Tracking
from packstation.store.db import transaction


class OutboxState(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    ATTENTION = "attention"
    DISCARDED = "discarded"


@dataclass(frozen=True, slots=True)
class ShipmentSummary:
    """What the packer and the history need to recognise a shipment."""

    order_ref: str
    units: int
    carrier: str
    tracking: str
    dummy: bool = False
    customer: str = ""
    lines: tuple[tuple[str, int], ...] = ()

    def to_json(self) -> str:
        return json.dumps(
            {
                "order_ref": self.order_ref,
                "units": self.units,
                "carrier": self.carrier,
                "tracking": self.tracking,
                "dummy": self.dummy,
                "customer": self.customer,
                "lines": [list(line) for line in self.lines],
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> ShipmentSummary:
        data = json.loads(text)
        return cls(
            order_ref=data["order_ref"],
            units=int(data["units"]),
            carrier=data["carrier"],
            tracking=data["tracking"],
            dummy=bool(data.get("dummy")),
            customer=data.get("customer", ""),
            lines=tuple((str(t), int(q)) for t, q in data.get("lines", [])),
        )


@dataclass(frozen=True, slots=True)
class OutboxItem:
    fulfillment_id: str
    order_id: str
    order_ref: str
    request: CreateFulfillmentRequest
    summary: ShipmentSummary
    state: OutboxState
    attempts: int
    next_attempt_at: float
    last_error: str
    error_kind: str
    packer: str
    created_at: float
    updated_at: float
    delivered_at: float | None

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> OutboxItem:
        return cls(
            fulfillment_id=row["fulfillment_id"],
            order_id=row["order_id"],
            order_ref=row["order_ref"],
            request=CreateFulfillmentRequest.model_validate_json(row["request_json"]),
            summary=ShipmentSummary.from_json(row["summary_json"]),
            state=OutboxState(row["state"]),
            attempts=row["attempts"],
            next_attempt_at=row["next_attempt_at"],
            last_error=row["last_error"],
            error_kind=row["error_kind"],
            packer=row["packer"],
            created_at=row["created_at"],
            updated_at=row["updated_at"],
            delivered_at=row["delivered_at"],
        )


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
            " state, packer, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?)",
            (
                item_id,
                order_id,
                summary.order_ref,
                request.model_dump_json(by_alias=True, exclude_none=True),
                summary.to_json(),
                packer,
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

    def mark_delivered(self, fulfillment_id: str) -> None:
        self._update(
            fulfillment_id,
            "state = 'delivered', last_error = '', error_kind = '', delivered_at = ?",
            time.time(),
        )

    def mark_attention(self, fulfillment_id: str, message: str, kind: str) -> None:
        self._update(
            fulfillment_id, "state = 'attention', last_error = ?, error_kind = ?", message, kind
        )

    def schedule_retry(self, fulfillment_id: str, delay: float, message: str, kind: str) -> None:
        self._update(
            fulfillment_id,
            "attempts = attempts + 1, next_attempt_at = ?, last_error = ?, error_kind = ?",
            time.time() + delay,
            message,
            kind,
        )

    def count_attempt(self, fulfillment_id: str) -> None:
        self._update(fulfillment_id, "attempts = attempts + 1")

    def retry(self, fulfillment_id: str) -> None:
        """Needs attention -> pending again, due now (a lead chose to retry)."""
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
        if item is None:
            return
        request = item.request.model_copy(
            update={
                "tracking": Tracking(carrier=carrier.strip(), code="".join(code.split())),
                "use_dummy_tracking": None,
                "initial_tracking": None,
            }
        )
        summary = dataclasses.replace(
            item.summary, carrier=carrier.strip(), tracking="".join(code.split()), dummy=False
        )
        self._update(
            fulfillment_id,
            "request_json = ?, summary_json = ?, state = 'pending', next_attempt_at = 0",
            request.model_dump_json(by_alias=True, exclude_none=True),
            summary.to_json(),
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
        """The oldest pending item that is due, never overtaking an earlier one of its order."""
        now = time.time() if now is None else now
        rows = self._fetchall(
            "SELECT * FROM outbox WHERE state = 'pending' ORDER BY created_at, rowid"
        )
        blocked: set[str] = set()
        for row in rows:
            if row["order_id"] in blocked:
                continue
            if row["next_attempt_at"] <= now:
                return OutboxItem.from_row(row)
            blocked.add(row["order_id"])
        return None

    def next_wakeup(self) -> float | None:
        (row,) = self._fetchall("SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'pending'")
        return None if row[0] is None else float(row[0])

    def counts(self) -> OutboxCounts:
        (row,) = self._fetchall(
            "SELECT SUM(state = 'pending'), SUM(state = 'attention'),"
            " MIN(CASE WHEN state = 'pending' THEN created_at END) FROM outbox"
        )
        return OutboxCounts(int(row[0] or 0), int(row[1] or 0), row[2])

    def items(self, *states: OutboxState) -> list[OutboxItem]:
        marks = ",".join("?" * len(states))
        rows = self._fetchall(
            f"SELECT * FROM outbox WHERE state IN ({marks}) ORDER BY created_at",  # noqa: S608
            [s.value for s in states],
        )
        return [OutboxItem.from_row(r) for r in rows]

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

    def tracking_used_elsewhere(self, tracking: str, order_id: str) -> str | None:
        """The order ref of another order that shipped with this tracking number, if any."""
        code = "".join(tracking.split())
        if not code:
            return None
        rows = self._fetchall(
            "SELECT order_id, order_ref, summary_json FROM outbox"
            " WHERE state != 'discarded' AND order_id != ?",
            (order_id,),
        )
        for row in rows:
            if ShipmentSummary.from_json(row["summary_json"]).tracking == code:
                return str(row["order_ref"])
        return None

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
