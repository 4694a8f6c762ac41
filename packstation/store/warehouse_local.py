"""The bench's side of warehouse mode, in its own database: what to push, what was read.

Facts are never written twice, and never lost: each comes from a row the bench already
keeps durably, with an ID minted on the bench.

- a shipment (every box) is its outbox row, the fulfillment ID its fact ID; pushed ones
  are noted in ``warehouse_pushed``;
- a refusal is its journal row (``mis-scan``), pushed in order of the journal's sequence;
- a barcode taught or forgotten is queued in ``warehouse_queue`` in the same transaction
  that changes the local catalog.

A fact pushed and not yet noted (a SIGKILL between the two) is pushed again, and the
warehouse keeps it once (its ID). Facts before the bench joined are not pushed.

The warehouse's catalog is applied to the local catalog, which scans read (a scan never
waits on the network); the version read up to is kept, so a restart reads only what is new.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from packstation.packing.catalog import CatalogEntry, barcode_key
from packstation.packing.codes import sku_key
from packstation.store.catalog import CatalogStore
from packstation.store.db import transaction
from packstation.store.items import ShipmentSummary
from packstation.warehouse.catalog import CatalogChange
from packstation.warehouse.floor import Fact

#: Shipments and refusals read per push.
BATCH = 200
#: A namespace for facts made from journal rows (their IDs are stable across pushes).
_JOURNAL = uuid.UUID("6a0f6c3e-54a4-4c1b-9a8a-0e6f5b1f0a21")


def fact_id(fulfillment_id: str) -> str:
    """A shipment's fact ID: its fulfillment ID (``ps-<hex>``) as a UUID."""
    tail = fulfillment_id.removeprefix("ps-")
    try:
        return str(uuid.UUID(hex=tail))
    except ValueError:
        return str(uuid.uuid5(_JOURNAL, f"fulfillment:{fulfillment_id}"))


class WarehouseLocal:
    def __init__(
        self, conn: sqlite3.Connection, lock: threading.RLock, catalog: CatalogStore
    ) -> None:
        self._conn = conn
        self._lock = lock
        self._catalog = catalog

    # ------------------------------------------------------------------ state

    def _get(self, key: str, default: str = "") -> str:
        with self._lock:
            row = self._conn.execute(
                "SELECT value FROM warehouse_state WHERE key = ?", (key,)
            ).fetchone()
        return default if row is None else str(row[0])

    def _set(self, key: str, value: str) -> None:
        self._conn.execute(
            "INSERT OR REPLACE INTO warehouse_state (key, value) VALUES (?, ?)", (key, value)
        )

    def join(self, bench: str) -> None:
        """This database now belongs to warehouse bench ``bench``: what it did from now on
        is pushed (not what it did alone before); the first call only."""
        with transaction(self._conn, self._lock):
            if not self._get("joined_at"):
                self._set("joined_at", repr(time.time()))
                row = self._conn.execute("SELECT coalesce(max(seq), 0) FROM journal").fetchone()
                self._set("journal_seq", str(row[0]))
            self._set("bench", bench)

    @property
    def catalog_version(self) -> int:
        return int(self._get("catalog_version", "0"))

    # ------------------------------------------------------------------ the catalog

    def teach(self, sku: str, barcode: str, who: str) -> CatalogEntry:
        """Teach locally and queue it for every bench, in one transaction."""
        with transaction(self._conn, self._lock):
            entry = self._catalog.teach(sku, barcode, who)
            self._queue("taught", who, {"sku": entry.sku, "barcode": entry.barcode})
        return entry

    def forget(self, barcode: str, who: str) -> bool:
        with transaction(self._conn, self._lock):
            gone = self._catalog.forget(barcode, who)
            if gone:
                self._queue("forgot", who, {"barcode": barcode})
        return gone

    def _queue(self, kind: str, who: str, body: dict[str, str]) -> None:
        self._conn.execute(
            "INSERT INTO warehouse_queue (id, kind, at, packer, body) VALUES (?, ?, ?, ?, ?)",
            (str(uuid.uuid4()), kind, time.time(), who, json.dumps(body)),
        )

    def apply_catalog(self, changes: Sequence[CatalogChange], own_bench: str) -> int:
        """The warehouse's rows changed after :attr:`catalog_version`, into the local
        catalog (a taught code as taught, with who taught it; an import's row under its
        source); the version read up to is kept in the same transaction. How many rows
        changed here."""
        if not changes:
            return 0
        changed = 0
        now = time.time()
        with transaction(self._conn, self._lock):
            for change in changes:
                key = barcode_key(change.barcode)
                if change.deleted:
                    changed += self._conn.execute(
                        "DELETE FROM catalog WHERE barcode_key = ? AND source = ?",
                        (key, "taught" if change.source == "taught" else change.source),
                    ).rowcount
                    continue
                row = self._conn.execute(
                    "SELECT sku, units, source FROM catalog WHERE barcode_key = ?", (key,)
                ).fetchone()
                if row is not None and (row[0], row[1], row[2]) == (
                    change.sku,
                    change.units,
                    change.source,
                ):
                    continue
                self._conn.execute(
                    "INSERT OR REPLACE INTO catalog (barcode_key, barcode, sku, units, source,"
                    " taught_by, taught_at, sku_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        key,
                        change.barcode,
                        change.sku,
                        change.units,
                        change.source,
                        change.taught_by,
                        now,
                        sku_key(change.sku),
                    ),
                )
                changed += 1
            self._set("catalog_version", str(max(c.version for c in changes)))
        return changed

    def import_rows(self, source: str) -> list[CatalogEntry]:
        """The local rows of catalog ``source`` (to give the warehouse after an import)."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT sku, barcode, units FROM catalog WHERE source = ?", (source,)
            ).fetchall()
        return [CatalogEntry(r[0], r[1], r[2]) for r in rows]

    # ------------------------------------------------------------------ facts

    def pending(self, limit: int = BATCH) -> list[Fact]:
        """Facts not pushed yet, oldest first within each kind."""
        joined = self._get("joined_at")
        if not joined:
            return []
        facts: list[Fact] = []
        with self._lock:
            queued = self._conn.execute(
                "SELECT id, kind, at, packer, body FROM warehouse_queue ORDER BY at LIMIT ?",
                (limit,),
            ).fetchall()
            shipped = self._conn.execute(
                "SELECT o.fulfillment_id, o.order_id, o.order_ref, o.packer, o.created_at,"
                " o.summary_json, o.tracking FROM outbox o LEFT JOIN warehouse_pushed p"
                " ON p.fulfillment_id = o.fulfillment_id"
                " WHERE p.fulfillment_id IS NULL AND o.created_at >= ?"
                " ORDER BY o.created_at LIMIT ?",
                (float(joined), limit),
            ).fetchall()
            refused = self._conn.execute(
                "SELECT seq, at, order_id, detail, packer FROM journal"
                " WHERE seq > ? AND kind = 'mis-scan' ORDER BY seq LIMIT ?",
                (int(self._get("journal_seq", "0")), limit),
            ).fetchall()
        for row in queued:
            facts.append(Fact(row[0], row[1], row[2], packer=row[3], payload=json.loads(row[4])))
        facts.extend(_shipment(tuple(row)) for row in shipped)
        for seq, at, order_id, detail, packer in refused:
            facts.append(
                Fact(
                    str(uuid.uuid5(_JOURNAL, f"{self._get('bench')}:{seq}")),
                    "refusal",
                    at,
                    packer=packer,
                    order_id=order_id,
                    payload={"code": detail, "seq": seq},
                )
            )
        return facts

    def pushed(self, facts: Iterable[Fact]) -> None:
        """``facts`` are in the warehouse: never pushed again."""
        with transaction(self._conn, self._lock):
            for fact in facts:
                if fact.kind == "shipment":
                    self._conn.execute(
                        "INSERT OR IGNORE INTO warehouse_pushed (fulfillment_id) VALUES (?)",
                        (fact.payload["fulfillment_id"],),
                    )
                elif fact.kind == "refusal":
                    seq = int(fact.payload["seq"])
                    if seq > int(self._get("journal_seq", "0")):
                        self._set("journal_seq", str(seq))
                else:
                    self._conn.execute("DELETE FROM warehouse_queue WHERE id = ?", (fact.id,))

    def waiting(self) -> int:
        """Facts not pushed yet (for the lead's view and the status)."""
        return len(self.pending(limit=10_000))


def _shipment(row: tuple[Any, ...]) -> Fact:
    """A fact of an outbox row (fulfillment ID, order ID and ref, packer, created, summary,
    tracking)."""
    fid, order_id, ref, packer, at, summary_json, tracking = row
    try:
        summary = ShipmentSummary.from_json(summary_json)
        units = summary.units
        body = json.loads(summary.to_json())
    except (ValueError, TypeError, KeyError):
        units, body = 0, {}
    body["fulfillment_id"] = fid
    return Fact(
        fact_id(fid),
        "shipment",
        at,
        packer=packer,
        order_id=order_id,
        units=units,
        tracking=(tracking,) if tracking else (),
        order_ref=ref,
        payload=body,
    )
