"""The store's multi-statement writes are single transactions: all of them or none.

Faults are injected inside SQLite itself: an authorizer refuses one statement of a
write (as a full disk or an I/O error would fail it) after the earlier ones ran.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from packstation.packing import DummyTracking, PackingSession
from packstation.store import ShippingInputs
from packstation.store.db import transaction
from packstation.store.station import StationStore
from tests.helpers.orders import demo_order
from tests.unit.clocks import redo_says


@pytest.fixture
def store(tmp_path: Path) -> Iterator[StationStore]:
    station = StationStore(tmp_path / "station.sqlite3")
    yield station
    station._conn.set_authorizer(None)
    station.close()


def _refuse(conn: sqlite3.Connection, action: int, table: str) -> None:
    """From now on SQLite refuses ``action`` on ``table`` (the statement raises)."""

    def authorizer(code: int, arg1: str | None, *_: object) -> int:
        return sqlite3.SQLITE_DENY if code == action and arg1 == table else sqlite3.SQLITE_OK

    conn.set_authorizer(authorizer)


def _packed_session() -> PackingSession:
    session = PackingSession(demo_order("#1002"))
    sku = session.line(0).item.sku
    assert sku
    session.scan(sku)
    return session


def _queued(store: StationStore) -> int:
    return int(store._conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0])


def test_ship_failing_after_the_outbox_insert_leaves_the_order_open(store: StationStore) -> None:
    session = _packed_session()
    store.journal.open("#1002", session.order)
    _refuse(store._conn, sqlite3.SQLITE_DELETE, "open_session")
    with pytest.raises(sqlite3.DatabaseError):
        store.ship(session, "#1002", DummyTracking(), fulfillment_id="f1")
    store._conn.set_authorizer(None)
    assert store.journal.load() is not None, "the open order was lost"
    assert _queued(store) == 0, "the box was queued although the order is still open"
    assert not store._conn.in_transaction


def test_ship_failing_at_its_last_statement_leaves_the_order_open(store: StationStore) -> None:
    session = _packed_session()
    store.journal.open("#1002", session.order)
    _refuse(store._conn, sqlite3.SQLITE_INSERT, "journal")
    with pytest.raises(sqlite3.DatabaseError):
        store.ship(session, "#1002", DummyTracking(), fulfillment_id="f1")
    store._conn.set_authorizer(None)
    assert store.journal.load() is not None
    assert _queued(store) == 0


def test_journal_open_is_all_or_nothing(store: StationStore) -> None:
    store.journal.open("#1001", demo_order("#1001"))
    _refuse(store._conn, sqlite3.SQLITE_INSERT, "journal")
    with pytest.raises(sqlite3.DatabaseError):
        store.journal.open("#1002", demo_order("#1002"))
    store._conn.set_authorizer(None)
    saved = store.journal.load()
    assert saved is not None
    assert saved.order_ref == "#1001", "the previous order was replaced half-way"


def test_journal_save_is_all_or_nothing(store: StationStore) -> None:
    order = demo_order("#1002")
    store.journal.open("#1002", order)
    _refuse(store._conn, sqlite3.SQLITE_INSERT, "journal")
    with pytest.raises(sqlite3.DatabaseError):
        store.journal.save(order.order_id, {"li_1002_001": 2}, ShippingInputs(), "scan", "SOCK")
    store._conn.set_authorizer(None)
    saved = store.journal.load()
    assert saved is not None
    assert saved.packed == {}, "the counts changed without their journal line"


def test_purge_is_all_or_nothing(store: StationStore) -> None:
    store.ship(_packed_session(), "#1002", DummyTracking(), fulfillment_id="old")
    store.outbox.mark_delivered("old")
    long_ago = time.time() - 90 * 86400
    store._conn.execute("UPDATE outbox SET created_at = ?", (long_ago,))
    store._conn.execute("UPDATE journal SET at = ?", (long_ago,))
    _refuse(store._conn, sqlite3.SQLITE_DELETE, "journal")
    with pytest.raises(sqlite3.DatabaseError):
        store.outbox.purge(30, redo_says(time.time()))
    store._conn.set_authorizer(None)
    assert _queued(store) == 1, "history was purged without the journal"


def test_the_helper_commits_rolls_back_and_joins_an_enclosing_transaction(
    store: StationStore,
) -> None:
    conn, lock = store._conn, store._lock
    with transaction(conn, lock):
        assert conn.in_transaction
        conn.execute("INSERT INTO upc_cache (sku, upc, fetched_at) VALUES ('a', NULL, 0)")
        with transaction(conn, lock):
            conn.execute("INSERT INTO upc_cache (sku, upc, fetched_at) VALUES ('b', NULL, 0)")
        assert conn.in_transaction, "the inner block committed the outer transaction"
    assert not conn.in_transaction
    with pytest.raises(KeyError), transaction(conn, lock):
        conn.execute("INSERT INTO upc_cache (sku, upc, fetched_at) VALUES ('c', NULL, 0)")
        raise KeyError("c")
    assert not conn.in_transaction
    skus = [r[0] for r in conn.execute("SELECT sku FROM upc_cache ORDER BY sku")]
    assert skus == ["a", "b"]


def test_a_scan_costs_one_commit(store: StationStore) -> None:
    """Counts and journal line go to disk in one commit: one WAL commit frame per save."""
    order = demo_order("#1002")
    store.journal.open("#1002", order)
    before = store._conn.total_changes
    statements: list[str] = []
    store._conn.set_trace_callback(statements.append)
    store.journal.save(order.order_id, {"li_1002_001": 1}, ShippingInputs(), "scan", "SOCK")
    store._conn.set_trace_callback(None)
    assert store._conn.total_changes - before == 2
    assert [s.split()[0] for s in statements] == ["BEGIN", "UPDATE", "INSERT", "COMMIT"]
