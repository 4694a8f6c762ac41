"""Redo's returns, kept at the bench so that a parcel's label finds its return at once.

Redo's returns API cannot be asked by tracking number. The bench walks the list's pages in
the background and keeps each return here with the numbers of its labels, in every form a
scan of that label can give (a USPS label's ``420`` + ZIP prefix, a FedEx label's 34
digits, spaces, case: ``label_keys``). A scan then reads one indexed row and never waits
for a walk. A refresh asks Redo only for returns updated since the newest one kept by
the last walk that ended (:attr:`ReturnsIndex.watermark`). A return that left the open statuses (complete,
rejected) keeps its row with its status, so its label says so instead of "no return".
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass

from packstation.packing import tracking
from packstation.packing.codes import tracking_number
from packstation.store.db import transaction

#: The statuses of a return whose parcel may still reach the bench (what a walk asks for).
OPEN_STATUSES = ("in_transit", "delivered", "needs_review", "in_review", "open")
#: Rows read for one scan: a label is on one return, an order has a few.
FOUND_MOST = 20


@dataclass(frozen=True, slots=True)
class IndexedReturn:
    return_id: str
    status: str
    #: The original order's name (``#1001``), as the slip shows it.
    order_name: str
    #: Redo's ``updatedAt``, ISO 8601 as Redo wrote it (UTC): compared as text.
    updated_at: str
    #: The return shipments' tracking numbers, as Redo gave them.
    trackers: tuple[str, ...] = ()
    #: The return as read (JSON), to show it before Redo is asked again.
    body: str = "{}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


def iso_utc(at: dt.datetime) -> str:
    """As Redo writes ``updatedAt`` (and the index compares it as text)."""
    return at.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def label_keys(raw: str) -> set[str]:
    """Every form of the shipment number a scan of ``raw`` (or Redo's tracker) stands for:
    the number as typed, without spaces and in capitals, and the number each carrier whose
    format fits reads from it (the part of a USPS or FedEx label that is the tracker)."""
    plain = tracking_number(raw)
    if not plain:
        return set()
    return {plain, *(guess.code for guess in tracking.candidates(plain))}


class ReturnsIndex:
    def __init__(self, conn: sqlite3.Connection, lock: threading.RLock) -> None:
        self._conn = conn
        self._lock = lock

    def put(self, returns: Iterable[IndexedReturn]) -> int:
        """Add or replace these returns (their labels too), in one transaction."""
        rows = list(returns)
        with transaction(self._conn, self._lock):
            for one in rows:
                self._conn.execute(
                    "INSERT INTO returns_index"
                    " (return_id, status, order_name, updated_at, trackers, body)"
                    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (return_id) DO UPDATE SET"
                    " status = excluded.status, order_name = excluded.order_name,"
                    " updated_at = excluded.updated_at, trackers = excluded.trackers,"
                    " body = excluded.body",
                    (
                        one.return_id,
                        one.status,
                        one.order_name,
                        one.updated_at,
                        json.dumps(list(one.trackers)),
                        one.body,
                    ),
                )
                self._conn.execute(
                    "DELETE FROM return_labels WHERE return_id = ?", (one.return_id,)
                )
                keys = set().union(*(label_keys(t) for t in one.trackers)) if one.trackers else ()
                self._conn.executemany(
                    "INSERT OR IGNORE INTO return_labels (tracking, return_id) VALUES (?, ?)",
                    [(key, one.return_id) for key in sorted(keys)],
                )
        return len(rows)

    # --- the floor's returns, in a warehouse (``warehouse/returns.py``) ---------------

    @property
    def shared_version(self) -> int:
        with self._lock:
            row = self._conn.execute("SELECT shared_version FROM returns_walk").fetchone()
        return int(row[0]) if row else 0

    def apply_shared(self, rows: list[IndexedReturn], version: int, floor_mark: str) -> None:
        """The floor's returns read up to ``version``, and where its last walk ended: this
        bench's next walk of Redo starts there (it has every row the floor has)."""
        with transaction(self._conn, self._lock):
            self.put(rows)
            mark = max(self.watermark, floor_mark)
            self._conn.execute(
                "INSERT INTO returns_walk (one, watermark, shared_version) VALUES (1, ?, ?)"
                " ON CONFLICT (one) DO UPDATE SET watermark = excluded.watermark,"
                " shared_version = max(returns_walk.shared_version, excluded.shared_version)",
                (mark, version),
            )

    def find_by_label(self, raw: str) -> list[IndexedReturn]:
        """The returns whose label ``raw`` is (most recently updated first)."""
        keys = sorted(label_keys(raw))
        if not keys:
            return []
        return self._select(
            "SELECT DISTINCT r.* FROM return_labels l JOIN returns_index r USING (return_id)"
            " WHERE l.tracking IN (SELECT value FROM json_each(?))"
            " ORDER BY r.updated_at DESC LIMIT ?",
            [json.dumps(keys), FOUND_MOST],
        )

    def find_by_order(self, name: str) -> list[IndexedReturn]:
        """The returns of the order named ``name`` (``#1001``, or ``1001``)."""
        name = name.strip()
        if not name:
            return []
        names = [name, name.removeprefix("#")] if name.startswith("#") else [name, f"#{name}"]
        return self._select(
            "SELECT * FROM returns_index WHERE order_name IN (?, ?)"
            " ORDER BY updated_at DESC LIMIT ?",
            [*names, FOUND_MOST],
        )

    def get(self, return_id: str) -> IndexedReturn | None:
        found = self._select("SELECT * FROM returns_index WHERE return_id = ?", [return_id.strip()])
        return found[0] if found else None

    @property
    def watermark(self) -> str:
        """Where the next walk starts: the newest ``updatedAt`` of the last walk that ended
        ("" before the first one ends; a walk cut short by a close counts for nothing,
        since its pages came newest first and older ones were never read)."""
        with self._lock:
            row = self._conn.execute("SELECT watermark FROM returns_walk").fetchone()
        return str(row[0]) if row else ""

    def walked(self, keep_finished_days: int = 45) -> None:
        """A walk ended: the next one asks only for what changed since the newest kept.

        Returns finished (complete, rejected, ...) longer than ``keep_finished_days`` before
        the newest one are forgotten: the index does not grow for as long as a bench runs.
        Counted on Redo's ``updatedAt``, never on this computer's clock."""
        with transaction(self._conn, self._lock):
            row = self._conn.execute("SELECT max(updated_at) FROM returns_index").fetchone()
            if row[0]:
                newest = dt.datetime.fromisoformat(str(row[0]).replace("Z", "+00:00"))
                before = newest - dt.timedelta(days=keep_finished_days)
                self._conn.execute(
                    "DELETE FROM returns_index WHERE updated_at < ?"
                    " AND status NOT IN (SELECT value FROM json_each(?))",
                    (iso_utc(before), json.dumps(OPEN_STATUSES)),
                )
                self._conn.execute(
                    "INSERT INTO returns_walk (one, watermark) VALUES (1, ?)"
                    " ON CONFLICT (one) DO UPDATE SET watermark = excluded.watermark",
                    (str(row[0]),),
                )

    def count(self, open_only: bool = True) -> int:
        statuses = OPEN_STATUSES if open_only else ()
        with self._lock:
            row = self._conn.execute(
                "SELECT count(*) FROM returns_index"
                " WHERE ? OR status IN (SELECT value FROM json_each(?))",
                (not open_only, json.dumps(statuses)),
            ).fetchone()
        return int(row[0])

    def _select(self, query: str, args: Iterable[str | int]) -> list[IndexedReturn]:
        with self._lock:
            rows = self._conn.execute(query, tuple(args)).fetchall()
        return [
            IndexedReturn(
                str(row["return_id"]),
                str(row["status"]),
                str(row["order_name"]),
                str(row["updated_at"]),
                tuple(str(t) for t in json.loads(row["trackers"])),
                str(row["body"]),
            )
            for row in rows
        ]
