"""The station's barcode catalog (imported, IT-provided, taught) and the UPC cache from Redo.

An order asks only for the codes of its own SKUs (``entries_for``, through an index), and a
code is looked up by itself (``lookup``): the catalog may hold a million rows without an
order load, or the window, reading them all. Importing a file is ``catalog_import.py``.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from packstation.packing.barcodes import parse_item_code
from packstation.packing.catalog import CatalogEntry, CatalogProblem, barcode_key
from packstation.packing.codes import sku_key
from packstation.store.catalog_import import (
    IMPORT_CHUNK,
    MAX_CATALOG_BYTES,
    CatalogImport,
    CatalogImporter,
    CatalogTooLarge,
    Progress,
    read_file,
)
from packstation.store.db import transaction

__all__ = [
    "IMPORT_CHUNK",
    "MAX_CATALOG_BYTES",
    "CatalogImport",
    "CatalogStore",
    "CatalogTooLarge",
    "TaughtCode",
]

#: A UPC looked up in Redo is trusted this long before it is asked again.
UPC_MAX_AGE = 7 * 86400
#: SKUs asked for at once (SQLite's variables).
_ASK = 500


@dataclass(frozen=True, slots=True)
class TaughtCode:
    """A barcode a person taught at this station: what it packs, who taught it and when."""

    barcode: str
    sku: str
    taught_by: str
    taught_at: float


class CatalogStore:
    def __init__(self, conn: sqlite3.Connection, lock: threading.RLock) -> None:
        self._conn = conn
        self._lock = lock
        self._importer = CatalogImporter(conn, lock)

    def entries(self) -> list[CatalogEntry]:
        """Every barcode the station knows (for tests and tools: an order asks
        ``entries_for`` its SKUs, a code ``lookup``)."""
        with self._lock:
            rows = self._conn.execute("SELECT sku, barcode, units FROM catalog").fetchall()
            upcs = self._conn.execute(
                "SELECT sku, upc FROM upc_cache WHERE upc IS NOT NULL"
            ).fetchall()
        return _with_upcs([CatalogEntry(r["sku"], r["barcode"], r["units"]) for r in rows], upcs)

    def entries_for(self, skus: Iterable[str]) -> list[CatalogEntry]:
        """The codes of these SKUs: the catalog's (any case), then Redo's UPCs."""
        wanted = sorted({s for s in skus if s})
        keys = sorted({sku_key(s) for s in wanted})
        rows: list[sqlite3.Row] = []
        upcs: list[sqlite3.Row] = []
        with self._lock:
            for at in range(0, len(keys), _ASK):
                part = keys[at : at + _ASK]
                marks = ",".join("?" * len(part))
                rows += self._conn.execute(
                    f"SELECT sku, barcode, units FROM catalog WHERE sku_key IN ({marks})",  # noqa: S608 - placeholders only
                    part,
                ).fetchall()
            for at in range(0, len(wanted), _ASK):
                part = wanted[at : at + _ASK]
                marks = ",".join("?" * len(part))
                upcs += self._conn.execute(
                    f"SELECT sku, upc FROM upc_cache WHERE upc IS NOT NULL AND sku IN ({marks})",  # noqa: S608 - placeholders only
                    part,
                ).fetchall()
        return _with_upcs([CatalogEntry(r["sku"], r["barcode"], r["units"]) for r in rows], upcs)

    def lookup(self, code: str) -> CatalogEntry | None:
        """The catalog's row for a scanned code (any GTIN form, a GS1 element string)."""
        item = parse_item_code(code)
        keys = [k for k in (item.gtin14, barcode_key(code), code.strip().casefold()) if k]
        with self._lock:
            for key in dict.fromkeys(keys):
                row = self._conn.execute(
                    "SELECT sku, barcode, units FROM catalog WHERE barcode_key = ?", (key,)
                ).fetchone()
                if row is not None:
                    return CatalogEntry(row["sku"], row["barcode"], row["units"])
        return None

    def knows_sku(self, sku: str) -> str | None:
        """The SKU as the catalog writes it, when some row packs ``sku`` (any case)."""
        with self._lock:
            row = self._conn.execute(
                "SELECT sku FROM catalog WHERE sku_key = ? LIMIT 1", (sku_key(sku),)
            ).fetchone()
        return None if row is None else str(row["sku"])

    def add(self, entry: CatalogEntry, source: str, taught_by: str = "") -> None:
        with transaction(self._conn, self._lock):
            self._conn.execute(
                "INSERT OR REPLACE INTO catalog (barcode_key, barcode, sku, units, source,"
                " taught_by, taught_at, sku_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    barcode_key(entry.barcode),
                    entry.barcode.strip(),
                    entry.sku.strip(),
                    entry.units,
                    source,
                    taught_by,
                    time.time(),
                    sku_key(entry.sku),
                ),
            )

    def teach(self, sku: str, barcode: str, taught_by: str) -> CatalogEntry:
        """Remember that ``barcode`` is ``sku`` (a lead's one-step answer to an unknown scan)."""
        entry = CatalogEntry(sku, barcode)
        self.add(entry, "taught", taught_by)
        return entry

    def import_csv(self, text: str, source: str) -> tuple[int, list[CatalogProblem]]:
        """Import CSV text as the catalog of ``source`` (never raises for any text)."""
        return self._importer.run(text.encode("utf-8", "surrogatepass"), f"text:{source}", source)

    def import_file(
        self, path: Path, source: str, progress: Progress | None = None
    ) -> CatalogImport:
        """Import a CSV file now, changed or not: the station's rows from this file become
        the file's. Raises ``OSError`` if it cannot be read, ``CatalogTooLarge`` past the
        bound; bad rows are problems, not errors."""
        data, fingerprint = read_file(path)
        key = str(path.resolve())
        count, problems = self._importer.run(data, key, source, progress, (key, fingerprint))
        return CatalogImport(path, source, count, problems)

    def import_if_changed(
        self, path: Path, source: str, progress: Progress | None = None
    ) -> CatalogImport | None:
        """Import the file if it changed since it was last imported; None if it did not.

        Unchanged means the same size and modification time as recorded (one ``stat``),
        or, if those moved, the same SHA-256 of its bytes (the record is refreshed).
        Meant for a worker thread: parsing holds no lock, and the rows are written in
        transactions of :data:`IMPORT_CHUNK` rows, so scans and the window's reads get
        the database between chunks and use what is already imported meanwhile. The
        fingerprint is stored with the last chunk: an import cut short runs again.
        """
        key = str(path.resolve())
        stat = path.stat()
        known = self._importer.fingerprint(key, source)
        if known and (known.size, known.mtime_ns) == (stat.st_size, stat.st_mtime_ns):
            return None
        data, fingerprint = read_file(path)
        if known and known.sha256 == fingerprint.sha256:
            self._importer.remember(key, source, fingerprint, None)
            return None
        count, problems = self._importer.run(data, key, source, progress, (key, fingerprint))
        return CatalogImport(path, source, count, problems)

    def taught(self) -> list[TaughtCode]:
        """Every taught barcode, newest first."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT barcode, sku, taught_by, taught_at FROM catalog WHERE source = 'taught'"
                " ORDER BY taught_at DESC"
            ).fetchall()
        return [TaughtCode(r[0], r[1], r[2], r[3]) for r in rows]

    def forget(self, barcode: str, who: str) -> bool:
        """Forget a taught barcode; True if there was one (imported rows are IT's file's).

        Who forgot it, and what it packed and who had taught it, is written to the
        station's journal in the same transaction: a lead can be asked about it later."""
        with transaction(self._conn, self._lock):
            row = self._conn.execute(
                "SELECT barcode, sku, taught_by FROM catalog "
                "WHERE barcode_key = ? AND source = 'taught'",
                (barcode_key(barcode),),
            ).fetchone()
            if row is None:
                return False
            self._conn.execute(
                "DELETE FROM catalog WHERE barcode_key = ? AND source = 'taught'",
                (barcode_key(barcode),),
            )
            self._conn.execute(
                "INSERT INTO journal (at, order_id, kind, detail, packer) "
                "VALUES (?, '', 'forgot-barcode', ?, ?)",
                (
                    time.time(),
                    f"{row['barcode']} packed {row['sku']}, taught by {row['taught_by']}"[:200],
                    who,
                ),
            )
        return True

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
        self.remember_upcs([(sku, upc)])

    def remember_upcs(self, answers: Iterable[tuple[str, str | None]]) -> None:
        """Redo's answers (SKU, UPC or None) in one transaction: a 1,000-line order's
        SKUs without an inventory level were 1,000 commits."""
        now = time.time()
        with transaction(self._conn, self._lock):
            self._conn.executemany(
                "INSERT OR REPLACE INTO upc_cache (sku, upc, fetched_at) VALUES (?, ?, ?)",
                [(sku, upc, now) for sku, upc in answers],
            )


def _with_upcs(entries: list[CatalogEntry], upcs: list[sqlite3.Row]) -> list[CatalogEntry]:
    """The catalog's rows, then Redo's UPCs for codes the catalog does not name."""
    named = {barcode_key(e.barcode) for e in entries}
    return entries + [
        CatalogEntry(r["sku"], r["upc"]) for r in upcs if barcode_key(r["upc"]) not in named
    ]
