"""Facts are stored once whatever is pushed twice; a shipment's labels enter the registry;
benches, the day's figures per packer, and leads."""

from __future__ import annotations

import time
import uuid

from packstation.warehouse import floor
from tests.helpers.warehouse import Warehouse


def shipment(packer: str, units: int, *tracking: str, ref: str = "#1001") -> floor.Fact:
    return floor.Fact(
        str(uuid.uuid4()),
        "shipment",
        time.time(),
        packer=packer,
        order_id=ref.strip("#"),
        units=units,
        tracking=tracking,
        order_ref=ref,
        payload={"lines": [{"sku": "JKT", "quantity": units}]},
    )


def test_a_fact_pushed_twice_is_stored_once_and_its_label_registered_once(
    warehouse: Warehouse,
) -> None:
    fact = shipment("Ana", 3, "1Z999AA10123456784")
    with warehouse.connect() as conn:
        assert floor.push(conn, "Bench 1", [fact]) == 1
        assert floor.push(conn, "Bench 1", [fact]) == 0  # a crash before the bench noted it
        assert conn.execute("SELECT count(*) FROM facts").fetchone() == (1,)
        (label,) = floor.labels_since(conn, 0)
        assert (label.tracking, label.bench, label.order_ref) == (
            "1Z999AA10123456784",
            "Bench 1",
            "#1001",
        )
        # The same label at another bench is "used before": it stays Bench 1's.
        floor.push(conn, "Bench 2", [shipment("Sam", 1, "1Z999AA10123456784", ref="#1002")])
        assert [lbl.bench for lbl in floor.labels_since(conn, 0)] == ["Bench 1"]


def test_benches_and_the_days_figures_per_packer(warehouse: Warehouse) -> None:
    with warehouse.connect() as conn:
        floor.report(conn, floor.BenchState("Bench 1", "Ana", "#1003", 2, 1))
        floor.report(conn, floor.BenchState("Bench 2", "Sam"))
        floor.push(conn, "Bench 1", [shipment("Ana", 3, "T1"), shipment("Ana", 2, "T2")])
        floor.push(conn, "Bench 2", [shipment("Ana", 1, "T3"), shipment("Sam", 4, "T4")])
        rows = {b.name: b for b in floor.benches(conn)}
        assert rows["Bench 1"].order_ref == "#1003"
        assert (rows["Bench 1"].outbox_waiting, rows["Bench 1"].outbox_failed) == (2, 1)
        assert rows["Bench 1"].units_today == 5
        # Two quick shipments count over at least a quarter of an hour.
        assert rows["Bench 1"].items_per_hour == 20.0
        # Seen just now, by the server's clock (a bench never seen, or a clock hours off,
        # is far beyond a minute, whatever a busy machine adds).
        assert rows["Bench 2"].seconds_since_seen < 60
        days = {d.packer: d for d in floor.packers_today(conn)}
        assert (days["Ana"].shipments, days["Ana"].units, days["Ana"].benches) == (
            3,
            6,
            ("Bench 1", "Bench 2"),
        )
        assert days["Sam"].units == 4


def test_leads_named_by_the_warehouse(warehouse: Warehouse) -> None:
    with warehouse.connect() as conn:
        assert floor.add_lead(conn, " Lea ")
        assert not floor.add_lead(conn, "Lea")
        assert floor.leads(conn) == ["Lea"]
        assert floor.remove_lead(conn, "Lea") and floor.leads(conn) == []
