"""The station's barcode catalog (imported, IT-provided, taught) and the UPC cache from Redo."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from packstation.packing.catalog import (
    CatalogEntry,
    CatalogProblem,
    barcode_key,
    read_catalog_bytes,
    read_catalog_csv,
)
from packstation.store.db import transaction

#: A UPC looked up in Redo is trusted this long before it is asked again.
UPC_MAX_AGE = 7 * 86400
#: Rows written per transaction by an import: the database lock is never held longer.
IMPORT_CHUNK = 5000

#: ``progress(done, total)``: rows of the file written so far, called on the importing thread.
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class CatalogImport:
    """What an import of a catalog file did."""

    path: Path
    source: str
    entries: int
    problems: list[CatalogProblem]


@dataclass(frozen=True, slots=True)
class TaughtCode:
    """A barcode a person taught at this station: what it packs, who taught it and when."""

    barcode: str
    sku: str
    taught_by: str
    taught_at: float


@dataclass(frozen=True, slots=True)
class _Fingerprint:
    size: int
    mtime_ns: int
    sha256: str


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

    def import_csv(self, text: str, source: str) -> tuple[int, list[CatalogProblem]]:
        """Import CSV text; rows that cannot be used come back as problems (never raises)."""
        entries, problems = read_catalog_csv(text)
        self._write(entries, source)
        return len(entries), problems

    def import_file(self, path: Path, source: str) -> tuple[int, list[CatalogProblem]]:
        """Import a CSV file now, changed or not; raises ``OSError`` if it cannot be read."""
        entries, problems = read_catalog_bytes(path.read_bytes())
        self._write(entries, source)
        return len(entries), problems

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
        Raises ``OSError`` if the file cannot be read; bad rows are problems, not errors.
        """
        key = str(path.resolve())
        stat = path.stat()  # before reading: a change while reading shows next time
        known = self._fingerprint(key, source)
        if known and (known.size, known.mtime_ns) == (stat.st_size, stat.st_mtime_ns):
            return None
        data = path.read_bytes()
        fingerprint = _Fingerprint(stat.st_size, stat.st_mtime_ns, hashlib.sha256(data).hexdigest())
        if known and known.sha256 == fingerprint.sha256:
            self._remember(key, source, fingerprint, None)
            return None
        entries, problems = read_catalog_bytes(data)
        self._write(entries, source, progress, (key, fingerprint, len(problems)))
        return CatalogImport(path, source, len(entries), problems)

    def _fingerprint(self, key: str, source: str) -> _Fingerprint | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT size, mtime_ns, sha256 FROM catalog_files WHERE path = ? AND source = ?",
                (key, source),
            ).fetchone()
        return _Fingerprint(row[0], row[1], row[2]) if row else None

    def _remember(
        self, key: str, source: str, print_: _Fingerprint, counts: tuple[int, int] | None
    ) -> None:
        with transaction(self._conn, self._lock):
            if counts is None:
                self._conn.execute(
                    "UPDATE catalog_files SET size = ?, mtime_ns = ? WHERE path = ?",
                    (print_.size, print_.mtime_ns, key),
                )
                return
            self._conn.execute(
                "INSERT OR REPLACE INTO catalog_files (path, source, size, mtime_ns, sha256,"
                " imported_at, entries, problems) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (key, source, print_.size, print_.mtime_ns, print_.sha256, time.time(), *counts),
            )

    def _write(
        self,
        entries: list[CatalogEntry],
        source: str,
        progress: Progress | None = None,
        file: tuple[str, _Fingerprint, int] | None = None,
    ) -> None:
        now = time.time()
        total = len(entries)
        if progress is not None:
            progress(0, total)
        for start in range(0, max(total, 1), IMPORT_CHUNK):
            chunk = entries[start : start + IMPORT_CHUNK]
            with transaction(self._conn, self._lock):
                self._conn.executemany(
                    "INSERT OR REPLACE INTO catalog (barcode_key, barcode, sku, units, source,"
                    " taught_at) VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        (barcode_key(e.barcode), e.barcode, e.sku, e.units, source, now)
                        for e in chunk
                    ],
                )
                if file is not None and start + IMPORT_CHUNK >= total:
                    key, fingerprint, problems = file
                    self._remember(key, source, fingerprint, (total, problems))
            if progress is not None:
                progress(start + len(chunk), total)

    def taught(self) -> list[TaughtCode]:
        """Every taught barcode, newest first."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT barcode, sku, taught_by, taught_at FROM catalog WHERE source = 'taught'"
                " ORDER BY taught_at DESC"
            ).fetchall()
        return [TaughtCode(r[0], r[1], r[2], r[3]) for r in rows]

    def forget(self, barcode: str) -> bool:
        """Forget a taught barcode; True if there was one (imported rows are IT's file's)."""
        with transaction(self._conn, self._lock):
            cursor = self._conn.execute(
                "DELETE FROM catalog WHERE barcode_key = ? AND source = 'taught'",
                (barcode_key(barcode),),
            )
        return cursor.rowcount > 0

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
