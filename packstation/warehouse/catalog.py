"""One catalog for the warehouse: barcodes taught at any bench, and catalog imports.

Every row carries a version from one sequence; a forgotten or withdrawn row stays as a
tombstone (``deleted``) with a new version, so a bench that knows version *n* reads what
changed after it (:func:`changes_since`) and applies it to its local copy, which is what
it scans against (a scan never waits on the network). Writers take one advisory lock per
transaction, so versions become visible in the order they were handed out: a reader that
saw version *n* never later meets a smaller one it skipped.

A change is announced on the channel as ``{"kind": "catalog", "version": n}``: a poke.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from packstation.packing.catalog import CatalogEntry, barcode_key
from packstation.warehouse.schema import CHANNEL

if TYPE_CHECKING:
    import psycopg

#: The advisory lock catalog writers hold to the end of their transaction.
CATALOG_LOCK = 0x50_53_43_41  # "PSCA"
#: Rows read per call of :func:`changes_since`.
PAGE = 5000


@dataclass(frozen=True, slots=True)
class CatalogChange:
    """One row of the warehouse's catalog as it now is (``deleted``: gone)."""

    barcode: str
    sku: str
    units: int
    source: str
    taught_by: str
    bench: str
    deleted: bool
    version: int

    @property
    def entry(self) -> CatalogEntry:
        return CatalogEntry(self.sku, self.barcode, self.units)


def _lock_and_version(conn: psycopg.Connection) -> None:
    conn.execute("SELECT pg_advisory_xact_lock(%s)", (CATALOG_LOCK,))


def _announce(conn: psycopg.Connection) -> None:
    row = conn.execute("SELECT last_value FROM catalog_version").fetchone()
    payload = json.dumps({"kind": "catalog", "version": int(row[0]) if row else 0})
    conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, payload))


def teach(conn: psycopg.Connection, entry: CatalogEntry, taught_by: str, bench: str) -> int:
    """``entry.barcode`` packs ``entry.sku`` at every bench from now on; its version."""
    with conn.transaction():
        _lock_and_version(conn)
        row = conn.execute(
            "INSERT INTO catalog (barcode_key, barcode, sku, units, source, taught_by, bench,"
            " deleted, version) VALUES (%s, %s, %s, %s, 'taught', %s, %s, false,"
            " nextval('catalog_version'))"
            " ON CONFLICT (barcode_key) DO UPDATE SET barcode = excluded.barcode,"
            "  sku = excluded.sku, units = excluded.units, source = 'taught',"
            "  taught_by = excluded.taught_by, bench = excluded.bench, deleted = false,"
            "  version = excluded.version, changed_at = now()"
            " RETURNING version",
            (
                barcode_key(entry.barcode),
                entry.barcode.strip(),
                entry.sku.strip(),
                entry.units,
                taught_by,
                bench,
            ),
        ).fetchone()
        _announce(conn)
    assert row is not None
    return int(row[0])


def forget(conn: psycopg.Connection, barcode: str, who: str, bench: str) -> bool:
    """A taught barcode is forgotten at every bench (imported rows are IT's file's)."""
    with conn.transaction():
        _lock_and_version(conn)
        gone = conn.execute(
            "UPDATE catalog SET deleted = true, version = nextval('catalog_version'),"
            " taught_by = %s, bench = %s, changed_at = now()"
            " WHERE barcode_key = %s AND source = 'taught' AND NOT deleted",
            (who, bench, barcode_key(barcode)),
        ).rowcount
        if gone:
            _announce(conn)
    return bool(gone)


def import_rows(
    conn: psycopg.Connection, source: str, entries: Iterable[CatalogEntry], bench: str
) -> tuple[int, int]:
    """The warehouse's rows of ``source`` become ``entries`` (rows gone from the file are
    withdrawn; taught codes are kept apart and win). Returns (written, withdrawn)."""
    with conn.transaction():
        _lock_and_version(conn)
        conn.execute(
            "CREATE TEMP TABLE incoming (barcode_key text PRIMARY KEY, barcode text,"
            " sku text, units integer) ON COMMIT DROP"
        )
        with conn.cursor().copy(
            "COPY incoming (barcode_key, barcode, sku, units) FROM STDIN"
        ) as copy:
            seen: set[str] = set()
            for entry in entries:
                key = barcode_key(entry.barcode)
                if key in seen:
                    continue  # the import itself reports duplicates; the first one counts
                seen.add(key)
                copy.write_row((key, entry.barcode.strip(), entry.sku.strip(), entry.units))
        written = conn.execute(
            "INSERT INTO catalog (barcode_key, barcode, sku, units, source, bench, deleted,"
            " version) SELECT i.barcode_key, i.barcode, i.sku, i.units, %s, %s, false,"
            " nextval('catalog_version') FROM incoming i"
            " LEFT JOIN catalog c ON c.barcode_key = i.barcode_key"
            " WHERE c.barcode_key IS NULL OR (c.source <> 'taught' OR c.deleted) AND"
            "  (c.deleted OR c.source <> %s OR c.sku <> i.sku OR c.units <> i.units"
            "   OR c.barcode <> i.barcode)"
            " ON CONFLICT (barcode_key) DO UPDATE SET barcode = excluded.barcode,"
            "  sku = excluded.sku, units = excluded.units, source = excluded.source,"
            "  bench = excluded.bench, taught_by = '', deleted = false,"
            "  version = excluded.version, changed_at = now()",
            (source, bench, source),
        ).rowcount
        withdrawn = conn.execute(
            "UPDATE catalog c SET deleted = true, version = nextval('catalog_version'),"
            " bench = %s, changed_at = now()"
            " WHERE c.source = %s AND NOT c.deleted"
            " AND NOT EXISTS (SELECT 1 FROM incoming i WHERE i.barcode_key = c.barcode_key)",
            (bench, source),
        ).rowcount
        if written or withdrawn:
            _announce(conn)
    return written, withdrawn


def changes_since(conn: psycopg.Connection, version: int, limit: int = PAGE) -> list[CatalogChange]:
    """Rows changed after ``version``, oldest first (0: the whole catalog, tombstones too)."""
    rows = conn.execute(
        "SELECT barcode, sku, units, source, taught_by, bench, deleted, version FROM catalog"
        " WHERE version > %s ORDER BY version LIMIT %s",
        (version, limit),
    ).fetchall()
    return [CatalogChange(*row) for row in rows]
