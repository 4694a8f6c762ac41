"""The station's barcode catalog (imported, IT-provided, taught) and the UPC cache from Redo."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from packstation.packing.catalog import CatalogEntry, barcode_key, read_catalog_csv
from packstation.store.db import transaction

#: A UPC looked up in Redo is trusted this long before it is asked again.
UPC_MAX_AGE = 7 * 86400


class CatalogStore:
    def __init__(self, conn: sqlite3.Connection, lock: threading.RLock) -> None:
        self._conn = conn
        self._lock = lock

    def entries(self) -> list[CatalogEntry]:
        """Every barcode the station knows: taught and imported ones, then Redo's UPCs."""
        with self._lock:
            rows = self._conn.execute("SELECT sku, barcode, units FROM catalog").fetchall()
            upcs = self._conn.execute(
                "SELECT sku, upc FROM upc_cache WHERE upc IS NOT NULL"
            ).fetchall()
        taught = {barcode_key(r["barcode"]) for r in rows}
        entries = [CatalogEntry(r["sku"], r["barcode"], r["units"]) for r in rows]
        entries += [
            CatalogEntry(r["sku"], r["upc"]) for r in upcs if barcode_key(r["upc"]) not in taught
        ]
        return entries

    def add(self, entry: CatalogEntry, source: str, taught_by: str = "") -> None:
        with transaction(self._conn, self._lock):
            self._conn.execute(
                "INSERT OR REPLACE INTO catalog (barcode_key, barcode, sku, units, source,"
                " taught_by, taught_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    barcode_key(entry.barcode),
                    entry.barcode.strip(),
                    entry.sku.strip(),
                    entry.units,
                    source,
                    taught_by,
                    time.time(),
                ),
            )

    def teach(self, sku: str, barcode: str, taught_by: str) -> CatalogEntry:
        """Remember that ``barcode`` is ``sku`` (a lead's one-step answer to an unknown scan)."""
        entry = CatalogEntry(sku, barcode)
        self.add(entry, "taught", taught_by)
        return entry

    def import_csv(self, text: str, source: str) -> tuple[int, list[str]]:
        entries, problems = read_catalog_csv(text)
        with transaction(self._conn, self._lock):
            for entry in entries:
                self._conn.execute(
                    "INSERT OR REPLACE INTO catalog (barcode_key, barcode, sku, units, source,"
                    " taught_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        barcode_key(entry.barcode),
                        entry.barcode,
                        entry.sku,
                        entry.units,
                        source,
                        time.time(),
                    ),
                )
        return len(entries), problems

    def import_file(self, path: Path, source: str) -> tuple[int, list[str]]:
        return self.import_csv(path.read_text("utf-8-sig"), source)

    def taught(self) -> list[tuple[str, str, str, float]]:
        """(barcode, sku, who, when) of every taught barcode, newest first."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT barcode, sku, taught_by, taught_at FROM catalog WHERE source = 'taught'"
                " ORDER BY taught_at DESC"
            ).fetchall()
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def skus_needing_upc(self, skus: list[str], max_age: float = UPC_MAX_AGE) -> list[str]:
        """SKUs whose UPC was never looked up, or too long ago."""
        cutoff = time.time() - max_age
        with self._lock:
            fresh = {
                r[0]
                for r in self._conn.execute(
                    "SELECT sku FROM upc_cache WHERE fetched_at >= ?", (cutoff,)
                ).fetchall()
            }
        return [sku for sku in dict.fromkeys(skus) if sku and sku not in fresh]

    def remember_upc(self, sku: str, upc: str | None) -> None:
        with transaction(self._conn, self._lock):
            self._conn.execute(
                "INSERT OR REPLACE INTO upc_cache (sku, upc, fetched_at) VALUES (?, ?, ?)",
                (sku, upc, time.time()),
            )
