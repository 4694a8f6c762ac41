"""Opening the station database: ours is used, foreign files are untouched, damage is survived."""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from packstation.packing import DummyTracking, PackingSession, TrackingInput
from packstation.redo.errors import Problem, ProblemKind
from packstation.store import ForeignDatabaseError, NoticeKind, OutboxState
from packstation.store.db import _SCHEMA, APPLICATION_ID
from packstation.store.station import StationStore
from packstation.ui.words.starting import notice_text, startup_failed_text
from tests.helpers.orders import demo_order

# The failure paths these tests provoke are logged on purpose.
pytestmark = pytest.mark.expected_log("was damaged")


def _fingerprint(folder: Path) -> dict[str, str]:
    """Every file in the folder and a hash of its bytes."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _station_with_shipments(path: Path, pending: int = 2, catalog_rows: int = 0) -> None:
    store = StationStore(path)
    for n in range(pending):
        session = PackingSession(demo_order("#1002"))
        sku = session.line(0).item.sku
        assert sku
        session.scan(sku)
        store.ship(session, "#1002", DummyTracking(), fulfillment_id=f"ps-{n}")
    store.journal.open("#1001", demo_order("#1001"))
    if catalog_rows:
        store.catalog.import_csv(
            "\n".join(f"SKU-{i:06d},BC-{i:06d}-{'x' * 40}" for i in range(catalog_rows)), "csv"
        )
    store.close()  # the last connection checkpoints: everything is in the main file


def test_a_new_database_is_marked_as_a_station_database(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite3"
    StationStore(path).close()
    assert int.from_bytes(path.read_bytes()[68:72], "big") == APPLICATION_ID


def test_an_unmarked_station_database_from_before_is_adopted(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite3"
    _station_with_shipments(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 0")
    conn.close()
    assert int.from_bytes(path.read_bytes()[68:72], "big") == 0
    store = StationStore(path)
    try:
        assert store.notices == []
        assert store.outbox.counts().pending == 2
        assert store.journal.load() is not None
    finally:
        store.close()
    assert int.from_bytes(path.read_bytes()[68:72], "big") == APPLICATION_ID


def test_an_unmarked_station_database_killed_before_its_checkpoint_is_adopted(
    tmp_path: Path,
) -> None:
    """An older PackStation was killed: its schema and open order are only in the WAL."""
    live = tmp_path / "live.sqlite3"
    conn = sqlite3.connect(live, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.executescript(_SCHEMA)
    conn.execute(
        "INSERT INTO open_session (id, order_ref, order_json, opened_at, updated_at)"
        " VALUES (1, '#1001', ?, 0, 0)",
        (demo_order("#1001").model_dump_json(by_alias=True),),
    )
    path = tmp_path / "station.sqlite3"
    shutil.copy(live, path)
    shutil.copy(f"{live}-wal", f"{path}-wal")
    conn.close()
    assert int.from_bytes(path.read_bytes()[68:72], "big") == 0
    assert Path(f"{path}-wal").stat().st_size > 0
    store = StationStore(path)
    try:
        assert store.notices == []
        saved = store.journal.load()
        assert saved is not None
        assert saved.order_ref == "#1001"
    finally:
        store.close()
    assert int.from_bytes(path.read_bytes()[68:72], "big") == APPLICATION_ID


def _foreign_marked(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 0x0F055112")  # Fossil's
    conn.execute("CREATE TABLE blob (rid INTEGER PRIMARY KEY, content BLOB)")
    conn.execute("INSERT INTO blob (content) VALUES (randomblob(5000))")
    conn.commit()
    conn.close()


def _foreign_unmarked(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org/')")
    conn.commit()
    conn.close()


def _foreign_sharing_a_table_name(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE journal (id INTEGER PRIMARY KEY, entry TEXT)")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.commit()
    conn.close()


def _foreign_with_our_table_names(path: Path) -> None:
    """Another program's file whose only tables are named as ours, with its own columns."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE outbox (id INTEGER PRIMARY KEY, message TEXT, sent INTEGER)")
    conn.execute("CREATE TABLE journal (id INTEGER PRIMARY KEY, entry TEXT)")
    conn.execute("INSERT INTO outbox (message, sent) VALUES ('hello', 0)")
    conn.commit()
    conn.close()


def _foreign_with_one_column_more(path: Path) -> None:
    """Our outbox's columns and one we never had: not a station database of any version."""
    conn = sqlite3.connect(path)
    conn.executescript(_SCHEMA)
    conn.execute("ALTER TABLE outbox ADD COLUMN recipient TEXT")
    conn.commit()
    conn.close()


def _foreign_in_wal_mode_with_a_live_wal(path: Path) -> None:
    """Another program's WAL database copied while it was open: its -wal holds data."""
    live = path.with_name("live.db")
    conn = sqlite3.connect(live)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO things (name) VALUES ('kept in the WAL')")
    conn.commit()
    shutil.copy(live, path)
    shutil.copy(f"{live}-wal", f"{path}-wal")
    conn.close()
    live.unlink()


@pytest.mark.parametrize(
    "make",
    [
        _foreign_marked,
        _foreign_unmarked,
        _foreign_sharing_a_table_name,
        _foreign_with_our_table_names,
        _foreign_with_one_column_more,
        _foreign_in_wal_mode_with_a_live_wal,
    ],
)
def test_a_foreign_sqlite_file_is_refused_and_not_a_byte_changes(
    tmp_path: Path, make: Callable[[Path], None]
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "station.sqlite3"
    make(path)
    before = _fingerprint(folder)
    with pytest.raises(ForeignDatabaseError) as refused:
        StationStore(path)
    assert _fingerprint(folder) == before, "the foreign file (or its companions) changed"
    assert refused.value.path == path
    message = startup_failed_text(refused.value)  # what the window says
    assert str(path) in message
    assert "another program" in message
    assert "did not change" in message


def test_connect_itself_refuses_a_foreign_file_before_writing(tmp_path: Path) -> None:
    """``db.connect`` checks too: a caller that skipped ``store.opening`` changes nothing."""
    from packstation.store.db import connect

    path = tmp_path / "station.sqlite3"
    _foreign_with_our_table_names(path)
    before = _fingerprint(tmp_path)
    with pytest.raises(ForeignDatabaseError):
        connect(path)
    assert _fingerprint(tmp_path) == before


def _garbage(path: Path) -> None:
    path.write_bytes(b"this is a shopping list, not a database\n" * 100)


def _garbage_after_the_magic(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8000)


def _truncated(path: Path) -> None:
    _station_with_shipments(path, catalog_rows=3000)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _scribbled_catalog(path: Path) -> None:
    """Random bytes over the last pages (the catalog's): the outbox stays readable."""
    _station_with_shipments(path, catalog_rows=3000)
    data = bytearray(path.read_bytes())
    rng = random.Random(12)
    for offset in range(len(data) - 6 * 4096, len(data), 4096):
        data[offset : offset + 600] = rng.randbytes(600)
    path.write_bytes(bytes(data))


def _header_overwritten(path: Path) -> None:
    _station_with_shipments(path)
    data = bytearray(path.read_bytes())
    data[:100] = b"\x00" * 100
    path.write_bytes(bytes(data))


def _schema_page_scribbled(path: Path) -> None:
    _station_with_shipments(path)
    data = bytearray(path.read_bytes())
    data[100:4096] = random.Random(7).randbytes(3996)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("make", "carried"),
    [
        (_garbage, 0),
        (_garbage_after_the_magic, 0),
        (_truncated, None),
        (_scribbled_catalog, 2),
        (_header_overwritten, 0),
        (_schema_page_scribbled, 0),
    ],
)
def test_a_damaged_database_is_moved_aside_and_a_fresh_one_starts(
    tmp_path: Path, make: Callable[[Path], None], carried: int | None
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "station.sqlite3"
    make(path)
    damaged = hashlib.sha256(path.read_bytes()).hexdigest()
    store = StationStore(path)
    try:
        assert store.moved_aside is not None
        assert store.moved_aside.parent == folder
        assert store.moved_aside.name.startswith("station.sqlite3.damaged-")
        assert hashlib.sha256(store.moved_aside.read_bytes()).hexdigest() == damaged
        (notice,) = store.notices
        assert (notice.kind, notice.aside) == (NoticeKind.DAMAGED_REPLACED, store.moved_aside.name)
        said = notice_text(notice)
        assert "damaged" in said
        assert store.moved_aside.name in said
        pending = store.outbox.counts().pending
        if carried is not None:
            assert pending == carried
        assert store.journal.load() is None
        # The fresh database works.
        store.journal.open("#1002", demo_order("#1002"))
        assert store.journal.load() is not None
    finally:
        store.close()
    assert int.from_bytes(path.read_bytes()[68:72], "big") == APPLICATION_ID
    reopened = StationStore(path)
    assert reopened.notices == []
    reopened.close()


def test_carried_over_shipments_keep_their_fulfillment_ids(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite3"
    _scribbled_catalog(path)
    store = StationStore(path)
    try:
        ids = [i.fulfillment_id for i in store.outbox.items(OutboxState.PENDING)]
        assert ids == ["ps-0", "ps-1"]
        (notice,) = store.notices
        assert notice.count == 2
        assert notice_text(notice).endswith(
            "Shipments not yet delivered that were carried over: 2."
        )
    finally:
        store.close()


def test_carried_over_shipments_keep_why_they_wait_and_their_label(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite3"
    store = StationStore(path)
    session = PackingSession(demo_order("#1002"))
    sku = session.line(0).item.sku
    assert sku
    session.scan(sku)
    store.ship(session, "#1002", TrackingInput("UPS", "1Z999AA10123456784"), fulfillment_id="w")
    busy = Problem(ProblemKind.BUSY, wait=60)
    store.outbox.schedule_retry("w", 60, busy, "retry")
    store.catalog.import_csv(
        "\n".join(f"SKU-{i:06d},BC-{i:06d}-{'x' * 40}" for i in range(3000)), "csv"
    )
    store.close()
    data = bytearray(path.read_bytes())
    rng = random.Random(12)
    for offset in range(len(data) - 6 * 4096, len(data), 4096):  # the catalog's pages
        data[offset : offset + 600] = rng.randbytes(600)
    path.write_bytes(bytes(data))
    store = StationStore(path)
    try:
        assert store.moved_aside is not None
        item = store.outbox.get("w")
        assert item is not None
        assert item.reason == busy  # still worded as why it waits, in today's language
        assert store.outbox.tracking_used_elsewhere("1Z999AA10123456784", "other") == "#1002"
    finally:
        store.close()


def _scribble_outbox_table(path: Path) -> None:
    """Random bytes over the outbox table's own page; its indexes stay readable."""
    conn = sqlite3.connect(path)
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'outbox'").fetchone()
    (size,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * size : root * size] = random.Random(5).randbytes(size)
    path.write_bytes(bytes(data))


def test_waiting_shipments_that_cannot_be_read_are_counted_not_denied(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite3"
    _station_with_shipments(path, pending=5)
    _scribble_outbox_table(path)
    store = StationStore(path)
    try:
        assert store.moved_aside is not None
        (notice,) = store.notices
        assert (notice.kind, notice.count) == (NoticeKind.DAMAGED_REPLACED, 0)
        said = notice_text(notice)
        assert "No shipment waiting" not in said
        assert said.endswith(
            "Shipments not yet delivered that were carried over: 0. 5 waiting shipments in "
            "it could not be read: check in Redo the orders packed here before packing "
            "them again."
        )
    finally:
        store.close()


def test_an_outbox_that_cannot_even_be_listed_is_said_so(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite3"
    _schema_page_scribbled(path)
    store = StationStore(path)
    try:
        (notice,) = store.notices
        said = notice_text(notice)
        assert "No shipment waiting" not in said
        assert "could not be read, so how many were lost is not known" in said
    finally:
        store.close()


def test_moving_aside_twice_in_a_second_keeps_both_files(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite3"
    for _ in range(2):
        _garbage(path)
        StationStore(path).close()
    assert len(list(tmp_path.glob("station.sqlite3.damaged-*"))) == 2
