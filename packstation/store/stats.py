"""Per packer and day: orders, items, mis-scans, items per hour, and items by hour of day;
and beside them the returns received (``returns_outbox`` rows: every return queued at this
bench, whatever Redo later made of it) and their units received per hour."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field


@dataclass
class PackerDay:
    """One packer's day. ``packer`` is "" for work done before anyone scanned a badge."""

    packer: str
    day: str
    #: Orders shipped (an order in three boxes is one order, three boxes).
    orders: int = 0
    boxes: int = 0
    items: int = 0
    mis_scans: int = 0
    by_hour: list[int] = field(default_factory=lambda: [0] * 24)
    #: Returns received (processed at the bench) and their units received.
    returns: int = 0
    return_units: int = 0
    #: The clock hours in which this packer received a return (nothing arrived or not).
    return_hours: set[int] = field(default_factory=set, repr=False)
    _order_ids: set[str] = field(default_factory=set, repr=False)

    @property
    def items_per_hour(self) -> float:
        """Items over the clock hours in which this packer shipped anything."""
        active = sum(1 for n in self.by_hour if n)
        return self.items / active if active else 0.0

    @property
    def return_units_per_hour(self) -> float:
        """Units received over the clock hours in which this packer received a return."""
        active = len(self.return_hours)
        return self.return_units / active if active else 0.0


def _units(summary_json: object) -> int:
    """Items in a stored summary; 0 for one that cannot be read (it is quarantined)."""
    try:
        return int(json.loads(str(summary_json)).get("units", 0))
    except (ValueError, TypeError, AttributeError, RecursionError):
        return 0


def _received(summary_json: object) -> int:
    """Units received in a return's stored summary; 0 for one that cannot be read."""
    try:
        return int(json.loads(str(summary_json)).get("received", 0))
    except (ValueError, TypeError, AttributeError, RecursionError):
        return 0


def packer_stats(conn: sqlite3.Connection, lock: threading.RLock, days: int = 7) -> list[PackerDay]:
    since = time.time() - days * 86400
    with lock:
        shipments = conn.execute(
            "SELECT packer, order_id, created_at, summary_json FROM outbox"
            " WHERE state != 'discarded' AND created_at >= ?"
            " AND typeof(created_at) IN ('integer', 'real')",
            (since,),
        ).fetchall()
        returns = conn.execute(
            "SELECT packer, created_at, summary_json FROM returns_outbox WHERE created_at >= ?",
            (since,),
        ).fetchall()
        misses = conn.execute(
            "SELECT packer, at FROM journal WHERE kind = 'mis-scan' AND at >= ?", (since,)
        ).fetchall()
    table: dict[tuple[str, str], PackerDay] = {}

    def cell(packer: str, at: float) -> tuple[PackerDay, int]:
        local = dt.datetime.fromtimestamp(at)
        key = (packer or "", local.date().isoformat())
        if key not in table:
            table[key] = PackerDay(*key)
        return table[key], local.hour

    for row in shipments:
        day, hour = cell(row["packer"], row["created_at"])
        units = _units(row["summary_json"])
        day.boxes += 1
        day._order_ids.add(str(row["order_id"]))
        day.orders = len(day._order_ids)
        day.items += units
        day.by_hour[hour] += units
    for row in returns:
        day, hour = cell(row["packer"], row["created_at"])
        units = _received(row["summary_json"])
        day.returns += 1
        day.return_units += units
        day.return_hours.add(hour)
    for row in misses:
        day, _ = cell(row["packer"], row["at"])
        day.mis_scans += 1
    ordered: defaultdict[str, list[PackerDay]] = defaultdict(list)
    for entry in table.values():
        ordered[entry.day].append(entry)
    return [
        e for d in sorted(ordered, reverse=True) for e in sorted(ordered[d], key=lambda e: e.packer)
    ]
