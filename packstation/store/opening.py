"""Opening the station database: ours is used, a foreign file is left alone, a damaged one
is moved aside (never deleted) and replaced by a fresh database.

Whether a file is ours is decided before anything writes to it: from the 100-byte
SQLite header (``PRAGMA application_id``) read as plain bytes, and for an unmarked
file (a station database from before the mark, or another program's) from its table
names read over an ``immutable`` connection, which takes no locks and creates no
files (or from a copy, when a write-ahead log sits beside it). Ours is then checked
(``PRAGMA quick_check``) read-only, and only a sound file is opened for writing.

A damaged station database is read once more for the shipments it still holds that
were not delivered; those are carried into the fresh database before the window
opens, so a box that was packed is not forgotten with the file. Those it lists but
cannot read (the outbox's own pages damaged) are counted, so the window never says
that none were waiting (:class:`DamagedNotice`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import shutil
import sqlite3
import tempfile
import threading
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from packstation.store.db import (
    APPLICATION_ID,
    backfill,
    connect,
    is_station_schema,
    read_tables,
    transaction,
)
from packstation.store.problems import ForeignDatabaseError, NoticeKind, StationNotice

log = logging.getLogger("packstation.store")

_SQLITE_MAGIC = b"SQLite format 3\x00"
#: SQLite's primary result codes for "this is not a (sound) database file".
_DAMAGE_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
_OUTBOX_COLUMNS = (
    "fulfillment_id, order_id, order_ref, request_json, summary_json, state, attempts,"
    " next_attempt_at, last_error, error_kind, packer, created_at, updated_at, delivered_at"
)
#: Columns added later (``db._ADDED_COLUMNS``), carried over when the damaged file has them.
_ADDED_OUTBOX_COLUMNS = ("tracking", "error_facts")


class _Kind(Enum):
    NEW = "new"
    OURS = "ours"
    FOREIGN = "foreign"
    DAMAGED = "damaged"


@dataclass
class OpenedDatabase:
    conn: sqlite3.Connection
    #: What opening had to do, for the window (and the log).
    notices: list[StationNotice] = field(default_factory=list)
    #: Where a damaged database was moved, if it was.
    moved_aside: Path | None = None


@dataclass(frozen=True, slots=True)
class DamagedNotice(StationNotice):
    """``DAMAGED_REPLACED``, and what could not be carried over: ``unread`` waiting
    shipments were found in the damaged file but could not be read (None: its outbox
    could not be read at all, so how many is not known)."""

    unread: int | None = 0

    def __str__(self) -> str:
        return f"{StationNotice.__str__(self)[:-1]}, unread={self.unread})"


def _is_damage(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return isinstance(code, int) and (code & 0xFF) in _DAMAGE_CODES


def _read_only(path: Path, *, immutable: bool) -> sqlite3.Connection:
    query = "mode=ro&immutable=1" if immutable else "mode=ro"
    conn = sqlite3.connect(
        f"{path.resolve().as_uri()}?{query}", uri=True, isolation_level=None, timeout=10
    )
    conn.execute("PRAGMA query_only=ON")
    return conn


def _sound_header(header: bytes) -> bool:
    """The fixed fields of a SQLite header hold their only legal values."""
    page_size = int.from_bytes(header[16:18], "big")
    return (
        (page_size == 1 or (512 <= page_size <= 32768 and page_size & (page_size - 1) == 0))
        and header[18] in (1, 2)
        and header[19] in (1, 2)
        and header[21:24] == b"\x40\x20\x20"  # payload fractions: always 64, 32, 32
    )


def identify(path: Path) -> _Kind:
    """What the file at ``path`` is, decided without writing a byte to it."""
    try:
        with path.open("rb") as file:
            header = file.read(100)
    except FileNotFoundError:
        return _Kind.NEW
    if not header:
        return _Kind.NEW  # SQLite treats an empty file as a new database
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC) or not _sound_header(header):
        return _Kind.DAMAGED  # only a sound header's mark can say whose the file is
    mark = int.from_bytes(header[68:72], "big")
    if mark == APPLICATION_ID:
        return _Kind.OURS
    if mark != 0:
        return _Kind.FOREIGN
    try:
        mark, tables = _schema(path)
    except sqlite3.DatabaseError as exc:
        if _is_damage(exc):
            return _Kind.DAMAGED
        raise
    if mark not in (0, APPLICATION_ID):
        return _Kind.FOREIGN
    # The columns too: another program's ``outbox`` or ``journal`` shares only a name.
    return _Kind.OURS if is_station_schema(tables) else _Kind.FOREIGN


def _schema(path: Path) -> tuple[int, dict[str, frozenset[str]]]:
    """The mark, tables and columns of an unmarked file, read without touching it.

    An ``immutable`` connection reads only the main file. If a write-ahead log sits
    beside it (a program stopped without checkpointing), the newest schema may be in
    the log: then a copy of both is read instead, so nothing is created beside the file.
    """
    wal = Path(f"{path}-wal")
    if wal.is_file() and wal.stat().st_size > 0:
        with tempfile.TemporaryDirectory(prefix="packstation-") as folder:
            copy = Path(folder) / "copy.sqlite3"
            shutil.copyfile(path, copy)
            shutil.copyfile(wal, f"{copy}-wal")
            conn = sqlite3.connect(copy, isolation_level=None)
            try:
                return _read_schema(conn)
            finally:
                conn.close()
    conn = _read_only(path, immutable=True)
    try:
        return _read_schema(conn)
    finally:
        conn.close()


def _read_schema(conn: sqlite3.Connection) -> tuple[int, dict[str, frozenset[str]]]:
    mark = int(conn.execute("PRAGMA application_id").fetchone()[0])
    return mark, read_tables(conn)


def _check(conn: sqlite3.Connection) -> bool:
    rows = conn.execute("PRAGMA quick_check").fetchall()
    return [tuple(row) for row in rows] == [("ok",)]


def _connect_checked(path: Path) -> sqlite3.Connection | None:
    """Our database opened for writing, or None if it turns out to be damaged.

    The check runs on a read-only connection first, so a damaged file is moved aside
    exactly as it was found.
    """
    try:
        checker = _read_only(path, immutable=False)
        try:
            sound = _check(checker)
        finally:
            checker.close()
        if not sound:
            return None
        return connect(path)
    except sqlite3.DatabaseError as exc:
        if _is_damage(exc):
            return None
        raise


def _outbox_columns(conn: sqlite3.Connection) -> str:
    """The outbox columns to carry over: the first ones, and those added later that the
    damaged file has (a file from before a column was added has none to give)."""
    names: set[str] = set()
    with contextlib.suppress(sqlite3.Error):
        names = {str(row[1]) for row in conn.execute("PRAGMA table_info(outbox)")}
    added = [name for name in _ADDED_OUTBOX_COLUMNS if name in names]
    return ", ".join([_OUTBOX_COLUMNS, *added])


#: Waiting rows listed by a table scan (not the state index, which may be the damaged
#: part), then by the state index alone (when the table's own pages are the damaged part).
_WAITING = (
    "SELECT rowid FROM outbox NOT INDEXED WHERE state IN ('pending', 'attention')",
    "SELECT rowid FROM outbox INDEXED BY outbox_state WHERE state IN ('pending', 'attention')",
)


@dataclass(frozen=True)
class Salvage:
    """What a damaged database gave up: the outbox ``columns`` (comma-separated), the
    waiting ``rows`` read whole, and how many waiting rows were found but could not be
    read (``unread``; None when the outbox could not even be listed)."""

    columns: str
    rows: list[tuple[object, ...]]
    unread: int | None


def _waiting_rowids(conn: sqlite3.Connection) -> list[int] | None:
    """The rowids of the waiting shipments, from whatever part of the file still reads;
    None when neither the table nor its state index lists any and both failed."""
    found: set[int] = set()
    listed = False
    for query in _WAITING:
        with contextlib.suppress(sqlite3.Error):
            # Rows listed before any damage stops the scan are kept.
            for row in conn.execute(query):
                found.add(int(row[0]))
            listed = True
    return sorted(found) if listed or found else None


def salvage_outbox(path: Path) -> Salvage:
    """The undelivered outbox rows a damaged database still gives up, row by row, and
    how many it holds that could not be read."""
    best = Salvage(_OUTBOX_COLUMNS, [], None)
    for immutable in (False, True):
        try:
            conn = _read_only(path, immutable=immutable)
        except sqlite3.Error:
            continue
        try:
            columns = _outbox_columns(conn)
            rowids = _waiting_rowids(conn)
            rows: list[tuple[object, ...]] = []
            for rowid in rowids or ():
                # One at a time: a damaged page loses its own rows, not every later one.
                with contextlib.suppress(sqlite3.Error):
                    row = conn.execute(
                        f"SELECT {columns} FROM outbox WHERE rowid = ?",  # noqa: S608
                        (rowid,),
                    ).fetchone()
                    if row is not None:
                        rows.append(tuple(row))
        finally:
            conn.close()
        unread = None if rowids is None else len(rowids) - len(rows)
        if len(rows) > len(best.rows) or (best.unread is None and unread is not None):
            best = Salvage(columns, rows, unread)
        if unread == 0:
            break
    return best


def move_aside(path: Path, now: dt.datetime | None = None) -> Path:
    """Rename the file (and its WAL and shared-memory files) out of the way; never delete."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    number = 1
    while aside.exists() or Path(f"{aside}-wal").exists():
        number += 1
        aside = path.with_name(f"{path.name}.damaged-{stamp}-{number}")
    os.rename(path, aside)
    for suffix in ("-wal", "-shm"):
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            os.rename(companion, f"{aside}{suffix}")
    return aside


def _carry_over(conn: sqlite3.Connection, columns: str, rows: list[tuple[object, ...]]) -> int:
    carried = 0
    marks = ", ".join("?" * len(columns.split(",")))
    with transaction(conn, threading.RLock()):
        for row in rows:
            # A row that breaks a constraint of the fresh table is skipped, not fatal.
            with contextlib.suppress(sqlite3.Error):
                cursor = conn.execute(
                    f"INSERT OR IGNORE INTO outbox ({columns}) VALUES ({marks})",  # noqa: S608
                    row,
                )
                carried += max(cursor.rowcount, 0)
        backfill(conn)  # rows from a file older than a column get its value as at upgrade
    return carried


def open_station_database(path: Path) -> OpenedDatabase:
    """Open the station database at ``path``, replacing it if it is damaged.

    Raises ``ForeignDatabaseError`` when the file is another program's; that file is
    not written to, renamed or locked.
    """
    kind = identify(path)
    if kind is _Kind.FOREIGN:
        raise ForeignDatabaseError(path)
    if kind is _Kind.NEW:
        return OpenedDatabase(connect(path))
    if kind is _Kind.OURS:
        conn = _connect_checked(path)
        if conn is not None:
            return OpenedDatabase(conn)
    salvage = salvage_outbox(path)
    aside = move_aside(path)
    conn = connect(path)
    carried = _carry_over(conn, salvage.columns, salvage.rows) if salvage.rows else 0
    log.warning(
        "The station database was damaged. It was moved aside to %s (%s); %d undelivered"
        " shipments carried over into a new one; waiting shipments that could not be read: %s",
        aside.name,
        aside.parent,
        carried,
        "unknown" if salvage.unread is None else salvage.unread,
    )
    notice = DamagedNotice(
        NoticeKind.DAMAGED_REPLACED, count=carried, aside=aside.name, unread=salvage.unread
    )
    return OpenedDatabase(conn, [notice], aside)
