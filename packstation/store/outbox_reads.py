"""What the outbox holds, read: counts, lists, the history and the labels in use.

The read side of :class:`~packstation.store.outbox.Outbox` (which writes, schedules and
forgets). Reads go through a second connection when there is one: in WAL mode it never
waits for the writer's fsync, so the window can read while a scan is being committed.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from packstation.packing.codes import tracking_number
from packstation.store.items import OutboxItem, OutboxState, ShipmentSummary


@dataclass(frozen=True, slots=True)
class OutboxCounts:
    pending: int = 0
    attention: int = 0
    oldest_pending_at: float | None = None


class OutboxReads:
    """Queries over the ``outbox`` table; the outbox's connections and locks are its own."""

    conn: sqlite3.Connection
    lock: threading.RLock
    reader: sqlite3.Connection | None
    reader_lock: threading.Lock

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

    def known_in_redo(self, order_id: str, fulfillment_id: str) -> tuple[set[str], set[str]]:
        """How this station's other shipments of ``order_id`` are known in Redo: their
        fulfillment IDs and tracking numbers (a dummy tracker's as Redo gave it).

        A fulfillment of the order that carries one of these is another box's, never the
        one ``fulfillment_id`` is looking for by its contents (``Sender``).
        """
        rows = self._fetchall(
            "SELECT fulfillment_id, tracking, assigned_tracking FROM outbox"
            " WHERE order_id = ? AND fulfillment_id != ?",
            (order_id, fulfillment_id),
        )
        ids = {str(row["fulfillment_id"]) for row in rows}
        numbers = {
            tracking_number(str(row[name]))
            for row in rows
            for name in ("tracking", "assigned_tracking")
            if row[name]
        }
        return ids, numbers
