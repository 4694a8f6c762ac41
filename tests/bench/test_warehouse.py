"""Warehouse mode at the bench: two benches on the fake port, one real PostgreSQL.

Each bench's warehouse calls run on a synchronous runner; what one bench does reaches the
other through the server's notifications, read by the event loop (``qtbot.waitUntil``),
never by a poll.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from packstation.config import Settings
from packstation.packing.catalog import CatalogEntry
from packstation.warehouse import claims, floor
from tests.helpers.station import Bench, FakeRedo, scan
from tests.helpers.warehouse import Warehouse

JACKET = "JKT-RAIN-NVY-M"
LABEL = "1Z999AA10123456784"


@pytest.fixture
def two_benches(
    open_bench: Callable[..., Bench], warehouse: Warehouse, tmp_path: Path
) -> tuple[Bench, Bench]:
    """Two benches of one warehouse, on one Redo; Lea is a lead."""
    redo = FakeRedo()

    def one(name: str) -> Bench:
        settings = Settings(station_name=name, leads=("Lea",), warehouse_url=warehouse.url)
        return open_bench(
            tmp_path / name, redo=redo, settings=settings, warehouse_url=warehouse.url
        )

    return one("Bench 1"), one("Bench 2")


def said(bench: Bench) -> str:
    return bench[0].showing.text


def test_a_slip_open_at_one_bench_is_refused_at_the_other_aloud(
    two_benches: tuple[Bench, Bench],
) -> None:
    (one, _), (two, port2) = two_benches
    scan(one, "PS-USER-Ana", "#1001")
    assert one.session is not None
    scan(two, "PS-USER-Sam", "#1001")
    assert two.session is None
    assert "#1001 is being packed at Bench 1 (Ana) since" in said((two, port2))
    assert "PS-TAKEOVER" in said((two, port2))
    assert port2.sounds.played[-1].name == "ERROR"


def test_a_lead_takes_an_order_over_and_the_bench_that_lost_it_closes_it(
    qtbot: QtBot, two_benches: tuple[Bench, Bench], warehouse: Warehouse
) -> None:
    (one, _), (two, _) = two_benches
    scan(one, "PS-USER-Ana", "#1001", JACKET)
    scan(two, "PS-USER-Lea", "#1001")
    assert two.session is None
    scan(two, "PS-TAKEOVER")
    assert two.session is not None and two.order_ref == "#1001"
    assert "Lea took order #1001 over from Bench 1 (Ana)" in two.showing.text
    # Bench 1 hears it through the notification, closes the order: it cannot ship it.
    qtbot.waitUntil(lambda: one.session is None)
    assert "Order #1001 is now packed at Bench 2" in one.showing.text
    with warehouse.connect() as conn:
        event = conn.execute("SELECT from_bench, bench, lead FROM claim_events").fetchone()
    assert event == ("Bench 1", "Bench 2", "Lea")


def test_take_over_needs_a_lead(two_benches: tuple[Bench, Bench]) -> None:
    (one, _), (two, _) = two_benches
    scan(one, "PS-USER-Ana", "#1001")
    scan(two, "PS-USER-Sam", "#1001", "PS-TAKEOVER")
    assert two.question is not None and two.question.wants_badge  # a lead's badge, now
    scan(two, "PS-USER-Kai")
    assert two.session is None and "Kai is not a lead here" in two.showing.text


def test_take_over_with_nothing_refused_says_what_to_do(two_benches: tuple[Bench, Bench]) -> None:
    (_, _), (two, _) = two_benches
    scan(two, "PS-USER-Lea", "PS-TAKEOVER")
    assert "Nothing to take over" in two.showing.text


def test_clearing_releases_the_order_for_the_other_bench(two_benches: tuple[Bench, Bench]) -> None:
    (one, _), (two, _) = two_benches
    scan(one, "#1001")
    one.orders.clear()
    assert one.session is None
    scan(two, "#1001")
    assert two.session is not None


def test_shipping_releases_the_claim_and_pushes_the_fact_once(
    two_benches: tuple[Bench, Bench], warehouse: Warehouse
) -> None:
    (one, port1), _ = two_benches
    scan(one, "PS-USER-Ana", "#1001", JACKET, LABEL)
    one.shipping.ship()
    assert one.session is None
    with warehouse.connect() as conn:
        assert claims.live(conn) == []
        rows = conn.execute("SELECT kind, bench, packer, units, order_id FROM facts").fetchall()
        assert ("shipment", "Bench 1", "Ana", 1, "5801001") in rows
        (label,) = floor.labels_since(conn, 0)
    assert (label.tracking, label.bench, label.order_ref) == (LABEL, "Bench 1", "#1001")
    # Pushed again (a crash before the bench noted it): stored once.
    port1.store.warehouse._conn.execute("DELETE FROM warehouse_pushed")
    assert port1.warehouse is not None
    port1.warehouse.push()
    with warehouse.connect() as conn:
        assert conn.execute("SELECT count(*) FROM facts WHERE kind = 'shipment'").fetchone() == (1,)


def test_a_barcode_taught_at_one_bench_packs_at_the_other(
    qtbot: QtBot, two_benches: tuple[Bench, Bench]
) -> None:
    (_, port1), (two, port2) = two_benches
    taught: list[CatalogEntry] = []
    port1.catalog.teach(JACKET, "2000000999999", "Lea", taught.append, pytest.fail)
    assert taught
    scan(two, "#1001")
    # Bench 2 reads it after the poke, into its own catalog: the scan never waits.
    qtbot.waitUntil(lambda: port2.store.catalog.lookup("2000000999999") is not None)
    scan(two, "2000000999999")
    assert two.session is not None and two.session.total_packed == 1
    # Forgotten at bench 2, gone at bench 1.
    gone: list[bool] = []
    port2.catalog.forget("2000000999999", "Lea", gone.append, pytest.fail)
    qtbot.waitUntil(lambda: port1.store.catalog.lookup("2000000999999") is None)


def test_a_label_used_at_one_bench_is_used_before_at_the_other(
    qtbot: QtBot, two_benches: tuple[Bench, Bench]
) -> None:
    (one, _), (two, port2) = two_benches
    scan(one, "#1001", JACKET, LABEL)
    one.shipping.ship()
    assert port2.warehouse is not None
    qtbot.waitUntil(lambda: port2.warehouse.label_used(LABEL, "other") is not None)  # type: ignore[union-attr]
    scan(two, "#1002", LABEL, "PS-CONFIRM")  # a UPS label on a USPS order: asked first
    assert two.question is not None
    assert "already used for order #1001 at Bench 1" in two.question.text


def test_a_lead_named_by_the_warehouse_is_a_lead_at_every_bench(
    qtbot: QtBot, two_benches: tuple[Bench, Bench], warehouse: Warehouse
) -> None:
    (one, _), _ = two_benches
    assert not one.identity.is_lead("Mia")
    with warehouse.connect() as conn:
        floor.add_lead(conn, "Mia")
    qtbot.waitUntil(lambda: one.identity.is_lead("Mia"))


def test_a_dead_benchs_claim_runs_out_and_the_order_opens_elsewhere(
    qtbot: QtBot, two_benches: tuple[Bench, Bench], warehouse: Warehouse
) -> None:
    (one, _), (two, _) = two_benches
    scan(one, "#1001")
    with warehouse.connect() as conn:  # Bench 1 stalled a lease long
        conn.execute("UPDATE claims SET expires_at = now() - interval '1 second'")
    scan(two, "#1001")
    assert two.session is not None
    # Bench 1, alive after all, hears that the order is Bench 2's now and closes it.
    qtbot.waitUntil(lambda: one.session is None)
    assert "Order #1001 is now packed at Bench 2" in one.showing.text


def test_out_of_reach_the_bench_packs_on_and_says_so_once_per_order(
    open_bench: Callable[..., Bench], tmp_path: Path, qtbot: QtBot
) -> None:
    url = "postgresql://postgres@127.0.0.1:9/nowhere"  # port 9: nobody listens
    settings = Settings(station_name="Bench 1", warehouse_url=url)
    bench, port = open_bench(tmp_path / "b", settings=settings, warehouse_url=url)
    assert port.warehouse is not None and port.warehouse.online is False
    scan(bench, "#1001")
    assert bench.session is not None
    assert "Warehouse offline: make sure no other bench packs this order." in bench.showing.text
    bench.orders.clear()
    scan(bench, "#1001")
    assert bench.session is not None
    assert "Warehouse offline" not in bench.showing.text  # said once for this order
    scan(bench, JACKET, LABEL)
    bench.shipping.ship()
    assert port.store.outbox.counts().pending == 1  # shipped through the local outbox
    assert len(port.store.warehouse.pending()) == 1  # the fact waits for the warehouse


def test_restored_order_held_elsewhere_is_closed_here(
    open_bench: Callable[..., Bench], warehouse: Warehouse, tmp_path: Path
) -> None:
    redo = FakeRedo()
    settings = Settings(station_name="Bench 1", warehouse_url=warehouse.url)
    kwargs: dict[str, Any] = {"redo": redo, "settings": settings, "warehouse_url": warehouse.url}
    one, port1 = open_bench(tmp_path / "one", **kwargs)
    scan(one, "#1001", JACKET)
    port1.close()  # quit: the claim is released, the order stays in the journal
    with warehouse.connect() as conn:
        claims.claim(conn, "5801001", "#1001", "Bench 2", "Sam", 60)
    again, _ = open_bench(tmp_path / "one", **kwargs)
    assert again.session is None
    assert "Order #1001 is now packed at Bench 2" in again.showing.text


def test_a_warehouse_restart_mid_shift_loses_nothing_and_sends_nothing_twice(
    open_bench: Callable[..., Bench], tmp_path: Path, qtbot: QtBot
) -> None:
    """The server stops between two shipments: the bench ships on, says it is offline,
    reconnects by itself when the server is back, and every fact arrives exactly once."""
    import psycopg

    from packstation.warehouse import schema
    from packstation.warehouse.local_server import LocalPostgres

    server = LocalPostgres().start()
    try:
        url = server.create_database("shift")
        with psycopg.connect(url, autocommit=True) as conn:
            schema.init(conn)
        settings = Settings(station_name="Bench 1", warehouse_url=url)
        bench, port = open_bench(tmp_path / "b", settings=settings, warehouse_url=url)
        door = port.warehouse
        assert door is not None and door.online
        scan(bench, "PS-USER-Ana", "#1001", JACKET, LABEL)
        bench.shipping.ship()
        server.stop()
        scan(bench, "#1002")
        assert bench.session is not None and "Warehouse offline" in bench.showing.text
        scan(bench, "TEE-MER-BLK-M", "BNE-WOOL-CHR", "9400111899223197428497")
        bench.shipping.ship()
        if bench.question is not None:  # part of the order: a partial shipment, confirmed
            scan(bench, "PS-CONFIRM")
        assert bench.session is None and door.online is False
        assert port.store.outbox.counts().pending == 2  # both boxes wait for Redo
        server.start()
        qtbot.waitUntil(lambda: door.online is True, timeout=20_000)
        with psycopg.connect(url, autocommit=True) as conn:
            qtbot.waitUntil(
                lambda: (
                    conn.execute("SELECT count(*) FROM facts WHERE kind = 'shipment'").fetchone()
                    == (2,)
                )
            )
            labels = {r[0] for r in conn.execute("SELECT tracking FROM labels").fetchall()}
        assert LABEL in labels and len(labels) == 2
        assert port.store.warehouse.pending() == []
    finally:
        server.close()


def test_a_catalog_imported_at_one_bench_is_every_benchs_and_so_is_a_row_withdrawn(
    qtbot: QtBot, two_benches: tuple[Bench, Bench], tmp_path: Path
) -> None:
    (_, port1), (_, port2) = two_benches
    csv = tmp_path / "barcodes.csv"
    csv.write_text("sku,barcode\nJKT-RAIN-NVY-M,2000000111111\nTEE-MER-BLK-M,2000000222222\n")

    def import_at_bench_1() -> None:
        port1.catalog.import_catalog(
            csv, "barcodes.csv", only_if_changed=False, done=lambda _: None, failed=pytest.fail
        )

    import_at_bench_1()
    qtbot.waitUntil(lambda: port2.store.catalog.lookup("2000000222222") is not None)
    assert port2.store.catalog.lookup("2000000111111") is not None
    csv.write_text("sku,barcode\nJKT-RAIN-NVY-M,2000000111111\n")  # IT withdrew a line
    import_at_bench_1()
    qtbot.waitUntil(lambda: port2.store.catalog.lookup("2000000222222") is None)
    assert port2.store.catalog.lookup("2000000111111") is not None


def test_refused_scans_are_facts_for_the_lead(
    two_benches: tuple[Bench, Bench], warehouse: Warehouse
) -> None:
    (one, _), _ = two_benches
    scan(one, "PS-USER-Ana", "#1001", "NOT-IN-THIS-ORDER", JACKET, LABEL)
    one.shipping.ship()
    with warehouse.connect() as conn:
        refusals = conn.execute(
            "SELECT packer, order_id, payload->>'code' FROM facts WHERE kind = 'refusal'"
        ).fetchall()
    assert refusals == [("Ana", "5801001", "NOT-IN-THIS-ORDER")]


def test_a_refusal_reaches_the_lead_with_the_next_heartbeat_without_a_shipment(
    two_benches: tuple[Bench, Bench], warehouse: Warehouse
) -> None:
    (one, port1), _ = two_benches
    scan(one, "PS-USER-Ana", "#1001", "NOT-IN-THIS-ORDER")
    door = port1.warehouse
    assert door is not None
    door._heartbeat.timeout.emit()  # the heartbeat, every 20 s
    with warehouse.connect() as conn:
        refusals = conn.execute(
            "SELECT packer, payload->>'code' FROM facts WHERE kind = 'refusal'"
        ).fetchall()
    assert refusals == [("Ana", "NOT-IN-THIS-ORDER")]
