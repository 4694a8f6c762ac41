"""The floor's index of Redo's returns (schema version 2): shared once, newer wins, read
by version, the floor's walk watermark only moves forward, and every bench is poked."""

from __future__ import annotations

import psycopg

from packstation.warehouse import returns, schema
from packstation.warehouse.address import WarehouseAddress
from packstation.warehouse.link import Listener
from packstation.warehouse.returns import SharedReturn
from tests.helpers.warehouse import Warehouse


def row(return_id: str, status: str, updated_at: str) -> SharedReturn:
    return SharedReturn(return_id, status, "#1001", updated_at, '["1ZA8V4730367210455"]', "{}")


def test_a_newer_update_wins_and_rows_are_read_by_version(warehouse: Warehouse) -> None:
    with warehouse.connect() as conn:
        assert schema.check(conn) >= returns.SINCE_SCHEMA
        assert returns.share(conn, [row("r1", "in_transit", "2026-12-01T00:00:00.000Z")]) == 1
        assert returns.share(conn, [row("r1", "delivered", "2026-12-02T00:00:00.000Z")]) == 1
        # A slow bench's older page never overwrites the newer status.
        assert returns.share(conn, [row("r1", "in_transit", "2026-12-01T00:00:00.000Z")]) == 0
        (first,) = returns.changes_since(conn, 0)
        assert (first.status, first.updated_at) == ("delivered", "2026-12-02T00:00:00.000Z")
        assert returns.changes_since(conn, first.version) == []
        returns.share(conn, [row("r2", "open", "2026-12-03T00:00:00.000Z")])
        assert [r.return_id for r in returns.changes_since(conn, first.version)] == ["r2"]


def test_the_floors_watermark_only_moves_forward(warehouse: Warehouse) -> None:
    with warehouse.connect() as conn:
        assert returns.watermark(conn) == ""
        returns.share(conn, [], "2026-12-05T00:00:00.000Z")
        returns.share(conn, [], "2026-12-01T00:00:00.000Z")  # an older walk ended later
        assert returns.watermark(conn) == "2026-12-05T00:00:00.000Z"


def test_every_bench_is_poked_when_the_floors_returns_change(warehouse: Warehouse) -> None:
    listener = Listener.open(WarehouseAddress.parse(warehouse.url), "test")
    try:
        with psycopg.connect(warehouse.url, autocommit=True) as conn:
            returns.share(conn, [row("r1", "open", "2026-12-01T00:00:00.000Z")])
            returns.share(conn, [row("r1", "open", "2026-12-01T00:00:00.000Z")])  # no change
        import select

        select.select([listener], [], [], 5.0)
        pokes = listener.drain()
        assert [p.get("kind") for p in pokes] == ["returns"]
    finally:
        listener.close()
