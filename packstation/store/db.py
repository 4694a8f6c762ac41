"""The station's SQLite database: one file in the data directory, WAL, fsync on commit.

``synchronous=FULL`` because the journal promises that a scan shown as done survives
a power cut, not only a crash; a commit of one small row costs about a millisecond.

Connections run in autocommit mode (``isolation_level=None``), where ``with conn:``
begins nothing; a write of more than one statement goes through :func:`transaction`.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from packstation.store.problems import ForeignDatabaseError, NewerDatabaseError

#: Tables added later are created with IF NOT EXISTS and ignored by older versions,
#: so adding one (``catalog_files``) does not raise the version; nor does a column
#: added with a default (:data:`_ADDED_COLUMNS`), which older versions never read.
SCHEMA_VERSION = 1

#: ``PRAGMA application_id`` of a station database ("PSDB"): a file with another mark
#: belongs to another program and is never written to.
APPLICATION_ID = 0x50534442

_SCHEMA = """
CREATE TABLE IF NOT EXISTS open_session (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    order_ref     TEXT NOT NULL,
    order_json    TEXT NOT NULL,
    packed_json   TEXT NOT NULL DEFAULT '{}',
    carrier       TEXT NOT NULL DEFAULT '',
    tracking      TEXT NOT NULL DEFAULT '',
    dummy         INTEGER NOT NULL DEFAULT 0,
    dummy_status  TEXT NOT NULL DEFAULT 'pre_transit',
    dummy_message TEXT NOT NULL DEFAULT '',
    opened_at     REAL NOT NULL,
    updated_at    REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS journal (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    at       REAL NOT NULL,
    order_id TEXT NOT NULL,
    kind     TEXT NOT NULL,
    detail   TEXT NOT NULL DEFAULT '',
    packer   TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS catalog (
    barcode_key TEXT PRIMARY KEY,
    barcode     TEXT NOT NULL,
    sku         TEXT NOT NULL,
    units       INTEGER NOT NULL DEFAULT 1 CHECK (units BETWEEN 1 AND 1000),
    source      TEXT NOT NULL,
    taught_by   TEXT NOT NULL DEFAULT '',
    taught_at   REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS upc_cache (
    sku        TEXT PRIMARY KEY,
    upc        TEXT,
    fetched_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS outbox (
    fulfillment_id  TEXT PRIMARY KEY,
    order_id        TEXT NOT NULL,
    order_ref       TEXT NOT NULL,
    request_json    TEXT NOT NULL,
    summary_json    TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'attention', 'discarded')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at REAL NOT NULL DEFAULT 0,
    last_error      TEXT NOT NULL DEFAULT '',
    error_kind      TEXT NOT NULL DEFAULT '',
    packer          TEXT NOT NULL DEFAULT '',
    created_at      REAL NOT NULL,
    updated_at      REAL NOT NULL,
    delivered_at    REAL
);
CREATE TABLE IF NOT EXISTS catalog_files (
    path        TEXT PRIMARY KEY,
    source      TEXT NOT NULL,
    size        INTEGER NOT NULL,
    mtime_ns    INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    imported_at REAL NOT NULL,
    entries     INTEGER NOT NULL,
    problems    INTEGER NOT NULL
);
-- Warehouse mode (store/warehouse_local.py): its state, teachings to push, shipments pushed.
CREATE TABLE IF NOT EXISTS warehouse_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS warehouse_queue (
    id     TEXT PRIMARY KEY,
    kind   TEXT NOT NULL,
    at     REAL NOT NULL,
    packer TEXT NOT NULL,
    body   TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS warehouse_pushed (fulfillment_id TEXT PRIMARY KEY);
-- Returns at the bench (store/returns_index.py): Redo's open returns, found by their labels.
CREATE TABLE IF NOT EXISTS returns_index (
    return_id  TEXT PRIMARY KEY,
    status     TEXT NOT NULL,
    order_name TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    trackers   TEXT NOT NULL,
    body       TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS return_labels (
    tracking  TEXT NOT NULL,
    return_id TEXT NOT NULL REFERENCES returns_index (return_id) ON DELETE CASCADE,
    PRIMARY KEY (tracking, return_id)
);
CREATE TABLE IF NOT EXISTS returns_outbox (
    id              TEXT PRIMARY KEY,
    return_id       TEXT NOT NULL,
    order_name      TEXT NOT NULL,
    products_json   TEXT NOT NULL,
    comment         TEXT NOT NULL,
    summary_json    TEXT NOT NULL,
    state           TEXT NOT NULL,
    packer          TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at REAL NOT NULL DEFAULT 0,
    error_kind      TEXT NOT NULL DEFAULT '',
    last_error      TEXT NOT NULL DEFAULT '',
    error_facts     TEXT NOT NULL DEFAULT '',
    created_at      REAL NOT NULL,
    updated_at      REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS returns_outbox_state ON returns_outbox (state);
-- The return being received on the bench, kept after every scan (one row at most).
CREATE TABLE IF NOT EXISTS open_return (
    one        INTEGER PRIMARY KEY CHECK (one = 1),
    return_id  TEXT NOT NULL,
    body       TEXT NOT NULL,
    units_json TEXT NOT NULL,
    updated_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS returns_by_order ON returns_index (order_name);
CREATE INDEX IF NOT EXISTS returns_by_update ON returns_index (updated_at);
CREATE INDEX IF NOT EXISTS return_labels_by_return ON return_labels (return_id);
-- The newest updatedAt of the last walk that ended: the next walk asks from there.
CREATE TABLE IF NOT EXISTS returns_walk (
    one            INTEGER PRIMARY KEY CHECK (one = 1),
    watermark      TEXT NOT NULL,
    -- In a warehouse: the version of the floor's returns applied here.
    shared_version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS outbox_state ON outbox (state, next_attempt_at);
CREATE INDEX IF NOT EXISTS outbox_created ON outbox (created_at);
"""


#: Columns added after a table was first shipped: (table, column, declaration).
_ADDED_COLUMNS = (
    # Lots, expiry dates and serials of the open session's packed units, by line ID.
    ("open_session", "marks_json", "TEXT NOT NULL DEFAULT '{}'"),
    # A dummy tracker's estimated delivery, event time and place, as typed.
    ("open_session", "dummy_details_json", "TEXT NOT NULL DEFAULT '{}'"),
    # The box's tracking number, whitespace removed ("" for dummy tracking): the label
    # check reads it through an index instead of parsing every summary.
    ("outbox", "tracking", "TEXT NOT NULL DEFAULT ''"),
    # Why a shipment is held or waiting, as a kind and its facts (``store.problems``),
    # worded when shown; ``last_error`` keeps a technical line for the log and for older
    # versions, and is all that rows written before this column have.
    ("outbox", "error_facts", "TEXT NOT NULL DEFAULT ''"),
    # The tracking number Redo gave a dummy tracker, once it took the shipment: History
    # and the slip show it, so a test shipment can be followed in Redo.
    ("outbox", "assigned_tracking", "TEXT NOT NULL DEFAULT ''"),
    # A catalog row's file (its resolved path; "" for taught codes and older rows) and
    # the import that last wrote it: an import makes its file's rows equal to the file.
    ("catalog", "origin", "TEXT NOT NULL DEFAULT ''"),
    ("catalog", "generation", "INTEGER NOT NULL DEFAULT 0"),
    # The SKU as the matcher compares it (trimmed, case-folded): an order loads only the
    # codes of its own SKUs, through an index, whatever the catalog's size.
    ("catalog", "sku_key", "TEXT NOT NULL DEFAULT ''"),
)

#: Indexes on added columns, made once the columns exist.
_ADDED_INDEXES = (
    "CREATE INDEX IF NOT EXISTS outbox_tracking ON outbox (tracking) WHERE tracking != ''",
    # The open order's boxes and in-flight units are read after every write that may
    # change them (the station port's snapshot).
    "CREATE INDEX IF NOT EXISTS outbox_order ON outbox (order_id)",
    "CREATE INDEX IF NOT EXISTS catalog_sku ON catalog (sku_key)",
    "CREATE INDEX IF NOT EXISTS catalog_origin ON catalog (origin, generation)",
)


def backfill(conn: sqlite3.Connection) -> None:
    """Rows written before a column existed get its value from what they already hold."""
    conn.execute(
        "UPDATE outbox SET tracking = json_extract(summary_json, '$.tracking')"
        " WHERE tracking = '' AND json_valid(summary_json)"
        " AND json_type(summary_json, '$.tracking') = 'text'"
        " AND NOT coalesce(json_extract(summary_json, '$.dummy'), 0)"
    )


def _add_columns(conn: sqlite3.Connection) -> None:
    for table, column, declaration in _ADDED_COLUMNS:
        names = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        if column not in names:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {declaration}")
            if (table, column) == ("outbox", "tracking"):
                backfill(conn)
            if (table, column) == ("catalog", "sku_key"):
                # SQLite's lower() folds ASCII, which is what SKUs are; rows written from
                # now on get Python's casefold (packing.codes.sku_key).
                conn.execute("UPDATE catalog SET sku_key = lower(trim(sku))")
    for index in _ADDED_INDEXES:
        conn.execute(index)


#: The tables a station database holds (any other table means another program's file).
STATION_TABLES = frozenset(
    {"open_session", "journal", "catalog", "upc_cache", "outbox", "catalog_files"}
)


@contextmanager
def transaction(conn: sqlite3.Connection, lock: threading.RLock) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``; ``ROLLBACK`` if the block raises anything.

    The one way the store writes more than one statement: either every statement in
    the block reaches the disk (in one commit, so one fsync) or none does. Holding
    ``lock`` keeps other threads' statements out of the transaction. A block inside
    another one on the same connection joins it (the outer block commits).
    """
    with lock:
        if conn.in_transaction:
            yield conn
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            _rollback(conn)
            raise
        try:
            conn.execute("COMMIT")
        except BaseException:
            _rollback(conn)  # a failed COMMIT can leave the transaction open
            raise


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def read_tables(conn: sqlite3.Connection) -> dict[str, frozenset[str]]:
    """Every table of the database on ``conn`` (SQLite's own left out) and its columns."""
    names = [
        str(row[0])
        for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not str(row[0]).startswith("sqlite_")
    ]
    return {
        name: frozenset(
            str(row[0]) for row in conn.execute("SELECT name FROM pragma_table_info(?)", (name,))
        )
        for name in names
    }


@cache
def _station_columns() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Each table's first columns (as :data:`_SCHEMA` makes it) and every column it may have."""
    memory = sqlite3.connect(":memory:")
    try:
        memory.executescript(_SCHEMA)
        first = read_tables(memory)
    finally:
        memory.close()
    return {
        table: (columns, columns | {c for t, c, _ in _ADDED_COLUMNS if t == table})
        for table, columns in first.items()
    }


def is_station_schema(tables: dict[str, frozenset[str]]) -> bool:
    """Whether ``tables`` (:func:`read_tables`) can be a station database's, of this
    version or an older one: only our tables, each with its first columns and none but
    ours. Another program's ``outbox`` or ``journal`` is not ours, whatever its name."""
    expected = _station_columns()
    for table, columns in tables.items():
        if table not in expected:
            return False
        first, every = expected[table]
        if not first <= columns <= every:
            return False
    return True


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) a station database; safe to call from any one thread.

    Reads the schema version, the mark and, for an unmarked file, its tables before
    writing anything: a file another program marked, or whose tables are not a station
    database's, raises ``ForeignDatabaseError`` untouched. Marks a new (or older,
    unmarked) station database with :data:`APPLICATION_ID`. Callers that may be
    handed a damaged file check it first (``store.opening``).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=10, isolation_level=None, check_same_thread=False)
    try:
        conn.row_factory = sqlite3.Row
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise NewerDatabaseError(path, version)
        mark = conn.execute("PRAGMA application_id").fetchone()[0]
        marked = mark == APPLICATION_ID
        if not marked and (mark != 0 or not is_station_schema(read_tables(conn))):
            raise ForeignDatabaseError(path)
        if not marked:
            # Before WAL on a new file, so the mark lands in the main file's header.
            conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.executescript(_SCHEMA)
        _add_columns(conn)
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        if not marked:
            # An older station database in WAL mode: write the mark into the main file now.
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except BaseException:
        conn.close()
        raise
    return conn


def connect_reader(path: Path) -> sqlite3.Connection:
    """A read-only connection beside the writer's (WAL lets it read while the writer syncs)."""
    conn = sqlite3.connect(path, timeout=10, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA query_only=ON")
    return conn
