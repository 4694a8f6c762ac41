"""Importing a catalog file: the station's rows from that file become exactly the file's.

IT's ``catalog.csv`` is the truth for its rows: a line deleted from the file stops
packing at the next import (a catalog line once made a UPS label pack a T-shirt, and
kept doing so after IT deleted it). So each import writes its rows under a new
generation and, with its last chunk, deletes the rows of the same file that it did not
write. Meanwhile scans use what is already there: rows go in :data:`IMPORT_CHUNK` at a
time, and the old rows of the file stay until the new ones are all in.

An import never lets the last line win a clash: a barcode named for two SKUs in one file
packs neither (both lines are problems); the same barcode twice for one SKU (a GTIN as 13
and as 14 digits) is kept once. Codes taught at this station and rows of another catalog
file are kept apart: a line that would replace one is a problem naming the SKU it packs.
A carrier's tracking number never becomes an item. A file over :data:`MAX_CATALOG_BYTES`
is refused before a byte of it is read.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from packstation.packing.barcodes import gtin14
from packstation.packing.catalog import (
    CatalogEntry,
    CatalogProblem,
    CatalogReason,
    read_catalog_bytes,
)
from packstation.packing.codes import sku_key
from packstation.packing.tracking import candidates
from packstation.store.db import transaction

#: Rows written per transaction by an import: the database lock is never held longer.
IMPORT_CHUNK = 5000
#: The largest catalog file read: a million rows is about 27 MB.
MAX_CATALOG_BYTES = 40 * 1024 * 1024
#: Rows looked up at once when checking a chunk against the catalog (SQLite's variables).
_LOOKUP = 500

#: ``progress(done, total)``: rows of the file written so far, called on the importing thread.
Progress = Callable[[int, int], None]


class CatalogTooLarge(Exception):
    """The file is larger than any catalog PackStation reads: it was not opened."""

    def __init__(self, path: Path, size: int, limit: int = MAX_CATALOG_BYTES) -> None:
        super().__init__(f"{path}: {size} bytes, more than {limit}")
        self.path = path
        self.size = size
        self.limit = limit


@dataclass(frozen=True, slots=True)
class CatalogImport:
    """What an import of a catalog file did."""

    path: Path
    source: str
    entries: int
    problems: list[CatalogProblem]


@dataclass(frozen=True, slots=True)
class Fingerprint:
    size: int
    mtime_ns: int
    sha256: str


def read_file(path: Path) -> tuple[bytes, Fingerprint]:
    """The file's bytes and fingerprint; refused before reading when it is too large."""
    stat = path.stat()  # before reading: a change while reading shows next time
    if stat.st_size > MAX_CATALOG_BYTES:
        raise CatalogTooLarge(path, stat.st_size)
    with path.open("rb") as file:
        data = file.read(MAX_CATALOG_BYTES + 1)  # it may have grown since the stat
    if len(data) > MAX_CATALOG_BYTES:
        raise CatalogTooLarge(path, len(data))
    return data, Fingerprint(stat.st_size, stat.st_mtime_ns, hashlib.sha256(data).hexdigest())


def sort_out(
    entries: list[CatalogEntry],
) -> tuple[list[tuple[str, CatalogEntry]], list[CatalogProblem]]:
    """The file's rows (with their ``barcode_key``) without its clashes and labels, and a
    problem for each left out. Each code is parsed once: a million rows take seconds."""
    problems: list[CatalogProblem] = []
    first: dict[str, CatalogEntry] = {}
    clashing: dict[str, CatalogEntry] = {}
    for entry in entries:
        gtin = gtin14(entry.barcode)
        if not gtin and _is_label(entry.barcode):
            problems.append(CatalogProblem(entry.line, CatalogReason.TRACKING_NUMBER))
            continue
        key = gtin or entry.barcode.strip().casefold()
        earlier = first.get(key)
        if earlier is None:
            first[key] = entry
        elif (sku_key(earlier.sku), earlier.units) == (sku_key(entry.sku), entry.units):
            problems.append(
                CatalogProblem(entry.line, CatalogReason.REPEATED, other_line=earlier.line)
            )
        else:
            problems.append(
                CatalogProblem(
                    entry.line, CatalogReason.CONFLICT, other_line=earlier.line, sku=earlier.sku
                )
            )
            clashing.setdefault(key, entry)
    for key, later in clashing.items():
        earlier = first.pop(key)
        problems.append(
            CatalogProblem(
                earlier.line, CatalogReason.CONFLICT, other_line=later.line, sku=later.sku
            )
        )
    problems.sort(key=lambda p: p.line)
    return list(first.items()), problems


def _is_label(barcode: str) -> bool:
    """A carrier's tracking number (asked of codes that are no GTIN: a valid UPC or EAN
    stays an item even when a carrier's format also fits it, as one UPC-A in ten passes
    FedEx's 12-digit check)."""
    try:
        return bool(candidates(barcode))
    except Exception:  # the recogniser never decides what a catalog holds by crashing
        return False


class CatalogImporter:
    """Writes one file's rows into the catalog table (on the store thread)."""

    def __init__(self, conn: sqlite3.Connection, lock: threading.RLock) -> None:
        self._conn = conn
        self._lock = lock

    def run(
        self,
        data: bytes,
        origin: str,
        source: str,
        progress: Progress | None = None,
        file: tuple[str, Fingerprint] | None = None,
    ) -> tuple[int, list[CatalogProblem]]:
        """Make ``origin``'s rows equal to ``data``'s; returns (rows kept, problems)."""
        read, problems = read_catalog_bytes(data)
        entries, sorted_out = sort_out(read)
        problems = sorted([*problems, *sorted_out], key=lambda p: p.line)
        generation = time.time_ns()
        total = len(entries)
        written = 0
        if progress is not None:
            progress(0, total)
        for start in range(0, max(total, 1), IMPORT_CHUNK):
            chunk = entries[start : start + IMPORT_CHUNK]
            last = start + IMPORT_CHUNK >= total
            with transaction(self._conn, self._lock):
                keep, refused = self._against_the_catalog(chunk, origin, source)
                problems.extend(refused)
                written += len(keep)
                now = time.time()
                self._conn.executemany(
                    "INSERT OR REPLACE INTO catalog (barcode_key, barcode, sku, units, source,"
                    " taught_at, origin, generation, sku_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        (
                            key,
                            e.barcode,
                            e.sku,
                            e.units,
                            source,
                            now,
                            origin,
                            generation,
                            sku_key(e.sku),
                        )
                        for key, e in keep
                    ],
                )
                if last:
                    self._withdraw(origin, source, generation)
                    if file is not None:
                        self.remember(file[0], source, file[1], (written, len(problems)))
            if progress is not None:
                progress(start + len(chunk), total)
        problems.sort(key=lambda p: p.line)
        return written, problems

    def _against_the_catalog(
        self, chunk: list[tuple[str, CatalogEntry]], origin: str, source: str
    ) -> tuple[list[tuple[str, CatalogEntry]], list[CatalogProblem]]:
        """The chunk's rows that replace nothing taught or of another file, and problems."""
        keep: list[tuple[str, CatalogEntry]] = []
        refused: list[CatalogProblem] = []
        keys = [key for key, _ in chunk]
        existing: dict[str, sqlite3.Row] = {}
        for at in range(0, len(keys), _LOOKUP):
            part = keys[at : at + _LOOKUP]
            marks = ",".join("?" * len(part))
            query = "SELECT barcode_key, sku, source, origin FROM catalog WHERE barcode_key IN "
            rows = self._conn.execute(query + f"({marks})", part).fetchall()
            existing.update({str(r["barcode_key"]): r for r in rows})
        for key, entry in chunk:
            row = existing.get(key)
            if row is None or _ours(row, origin, source):
                keep.append((key, entry))
            elif row["source"] == "taught":
                refused.append(
                    CatalogProblem(entry.line, CatalogReason.TAUGHT_HERE, sku=row["sku"])
                )
            else:
                refused.append(CatalogProblem(entry.line, CatalogReason.OTHER_FILE, sku=row["sku"]))
        return keep, refused

    def _withdraw(self, origin: str, source: str, generation: int) -> None:
        """Rows of this file that this import did not write: gone from the file, gone here.
        Rows of the same kind written before files were told apart count as this file's."""
        self._conn.execute(
            "DELETE FROM catalog WHERE generation != ? AND source != 'taught'"
            " AND (origin = ? OR (origin = '' AND source = ?))",
            (generation, origin, source),
        )

    def fingerprint(self, key: str, source: str) -> Fingerprint | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT size, mtime_ns, sha256 FROM catalog_files WHERE path = ? AND source = ?",
                (key, source),
            ).fetchone()
        return Fingerprint(row[0], row[1], row[2]) if row else None

    def remember(
        self, key: str, source: str, print_: Fingerprint, counts: tuple[int, int] | None
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


def _ours(row: sqlite3.Row, origin: str, source: str) -> bool:
    """A row this file may replace: its own, or one of its kind from before origins."""
    if row["source"] == "taught":
        return False
    return bool(row["origin"] == origin or (row["origin"] == "" and row["source"] == source))
