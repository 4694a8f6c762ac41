"""The journal of the open packing session: every change is committed before it is shown."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from packstation.packing.details import TrackingDetails
from packstation.packing.marks import UnitMark, marks_from_json, marks_to_json
from packstation.packing.shipment import DummyTracking
from packstation.redo.clock import SYSTEM_CLOCK, Clock
from packstation.redo.models import Order, ShipmentStatus
from packstation.store.db import transaction


@dataclass(frozen=True, slots=True)
class ShippingInputs:
    carrier: str = ""
    tracking: str = ""
    dummy: bool = False
    dummy_status: ShipmentStatus = ShipmentStatus.PRE_TRANSIT
    dummy_message: str = ""
    #: The dummy tracker's estimated delivery, event time and place (the "advanced" fold).
    dummy_details: TrackingDetails = field(default_factory=TrackingDetails)

    def dummy_tracking(self) -> DummyTracking:
        return DummyTracking(self.dummy_status, self.dummy_message, self.dummy_details)


@dataclass(frozen=True, slots=True)
class OpenSession:
    """What the journal holds about the order on the bench."""

    order_ref: str
    order: Order
    packed: dict[str, int]
    shipping: ShippingInputs
    opened_at: float
    #: Lots, expiry dates and serials of the packed units, by line ID.
    marks: dict[str, tuple[UnitMark, ...]] = field(default_factory=dict)


class Journal:
    """Reads and writes the ``open_session`` row; one instance per database connection."""

    def __init__(
        self, conn: sqlite3.Connection, lock: threading.RLock, clock: Clock = SYSTEM_CLOCK
    ) -> None:
        self._conn = conn
        self._lock = lock
        #: Dates every line (the wall clock; the outbox forgets lines by it, ``Outbox.purge``).
        self.clock = clock

    def open(self, order_ref: str, order: Order) -> None:
        """A new order is on the bench (replacing any other)."""
        now = self.clock.time()
        with transaction(self._conn, self._lock):
            self._conn.execute("DELETE FROM open_session")
            self._conn.execute(
                "INSERT INTO open_session (id, order_ref, order_json, opened_at, updated_at)"
                " VALUES (1, ?, ?, ?, ?)",
                (order_ref, order.model_dump_json(by_alias=True), now, now),
            )
            self._log(order.order_id, "open", order_ref)

    def save(
        self,
        order_id: str,
        packed: dict[str, int],
        shipping: ShippingInputs,
        kind: str,
        detail: str = "",
        *,
        packer: str = "",
        marks: Mapping[str, Sequence[UnitMark]] | None = None,
    ) -> None:
        """Record the packed counts and unit marks (by line ID) and shipping inputs.

        ``marks`` is ``session.marks_by_line()``; None keeps the marks already recorded
        (a change that cannot touch them, such as the shipping inputs).
        """
        marks_json = None if marks is None else json.dumps(marks_to_json(marks), sort_keys=True)
        with transaction(self._conn, self._lock):
            self._conn.execute(
                "UPDATE open_session SET packed_json = ?, marks_json = COALESCE(?, marks_json),"
                " carrier = ?, tracking = ?, dummy = ?, dummy_status = ?, dummy_message = ?,"
                " dummy_details_json = ?, updated_at = ? WHERE id = 1",
                (
                    json.dumps(packed, sort_keys=True),
                    marks_json,
                    shipping.carrier,
                    shipping.tracking,
                    int(shipping.dummy),
                    shipping.dummy_status.value,
                    shipping.dummy_message,
                    json.dumps(shipping.dummy_details.to_json(), sort_keys=True),
                    self.clock.time(),
                ),
            )
            self._log(order_id, kind, detail, packer)

    def replace_order(self, order: Order) -> None:
        """The order was re-fetched (reconciled after a restart)."""
        with transaction(self._conn, self._lock):
            self._conn.execute(
                "UPDATE open_session SET order_json = ?, updated_at = ? WHERE id = 1",
                (order.model_dump_json(by_alias=True), self.clock.time()),
            )
            self._log(order.order_id, "reconcile")

    def close(self, order_id: str, reason: str) -> None:
        with transaction(self._conn, self._lock):
            self._close(order_id, reason)

    def empty_box(self, order_id: str, detail: str, *, packer: str = "") -> None:
        """A box of the open order was queued: the next one starts empty, with no label.

        Called inside the transaction that queues the box (``StationStore.ship_box``).
        """
        self._conn.execute(
            "UPDATE open_session SET packed_json = '{}', marks_json = '{}', tracking = '',"
            " updated_at = ? WHERE id = 1",
            (self.clock.time(),),
        )
        self._log(order_id, "box", detail, packer)

    def _close(self, order_id: str, reason: str) -> None:
        self._conn.execute("DELETE FROM open_session")
        self._log(order_id, "close", reason)

    def _log(self, order_id: str, kind: str, detail: str = "", packer: str = "") -> None:
        self._conn.execute(
            "INSERT INTO journal (at, order_id, kind, detail, packer) VALUES (?, ?, ?, ?, ?)",
            (self.clock.time(), order_id, kind, detail[:200], packer),
        )

    def remember_packer(self, name: str) -> None:
        """The packer at the bench (their badge), kept for the next start."""
        with transaction(self._conn, self._lock):
            self._log("", "packer", name, name)

    def last_packer(self) -> str:
        """The packer who last said who they are at this bench ("" if nobody has)."""
        with self._lock:
            row = self._conn.execute(
                "SELECT packer FROM journal WHERE kind = 'packer' ORDER BY seq DESC LIMIT 1"
            ).fetchone()
        return "" if row is None else str(row["packer"])

    def remember_mode(self, mode: str) -> None:
        """What the bench does (``packing`` or ``returns``), kept for the next start."""
        with transaction(self._conn, self._lock):
            self._log("", "mode", mode[:20], "")

    def last_mode(self) -> str:
        """The bench's mode when it last changed ("" if it never did)."""
        with self._lock:
            row = self._conn.execute(
                "SELECT detail FROM journal WHERE kind = 'mode' ORDER BY seq DESC LIMIT 1"
            ).fetchone()
        return "" if row is None else str(row["detail"])

    def has_open_order(self) -> bool:
        """Whether an order was left on the bench (cheap: nothing is parsed)."""
        with self._lock:
            row = self._conn.execute("SELECT 1 FROM open_session WHERE id = 1").fetchone()
        return row is not None

    def load(self) -> OpenSession | None:
        """The order that was on the bench when the app last stopped, if any."""
        with self._lock:
            row = self._conn.execute("SELECT * FROM open_session WHERE id = 1").fetchone()
        if row is None:
            return None
        try:
            order = Order.model_validate_json(row["order_json"])
            packed = {str(k): int(v) for k, v in json.loads(row["packed_json"]).items()}
            status = ShipmentStatus(row["dummy_status"])
        except (ValueError, TypeError):
            return None
        try:
            marks = marks_from_json(json.loads(row["marks_json"]))
        except (ValueError, TypeError):
            # The counts are what matters to finish the box; damaged marks are dropped.
            marks = {}
        try:
            details = TrackingDetails.from_json(json.loads(row["dummy_details_json"]))
        except ValueError:
            details = TrackingDetails()
        return OpenSession(
            order_ref=row["order_ref"],
            order=order,
            packed=packed,
            shipping=ShippingInputs(
                carrier=row["carrier"],
                tracking=row["tracking"],
                dummy=bool(row["dummy"]),
                dummy_status=status,
                dummy_message=row["dummy_message"],
                dummy_details=details,
            ),
            opened_at=row["opened_at"],
            marks=marks,
        )

    def mis_scans(self, since: float) -> int:
        with self._lock:
            row = self._conn.execute(
                "SELECT COUNT(*) FROM journal WHERE kind = 'mis-scan' AND at >= ?", (since,)
            ).fetchone()
        return int(row[0])
