"""Measure the bench's hot paths, each beside a baseline measured in the same run.

    uv run python benchmarks/bench_core.py

Prints a table: the operation, its median time, the baseline's median, and the ratio.
"""

from __future__ import annotations

import json
import re
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from packstation.packing import PackingSession, tracking
from packstation.packing.tracking_data import data_set, load
from packstation.redo import RedoClient
from packstation.redo.models import Order
from packstation.resources import resource_path
from packstation.sandbox import SandboxServer
from packstation.store import ShippingInputs
from packstation.store.station import StationStore


def median_us(fn: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1e6)
    return statistics.median(samples)


def big_order_json() -> str:
    data = json.loads(resource_path("sandbox", "orders.json").read_text("utf-8"))
    order = next(o["order"] for o in data["orders"] if o["name"] == "#1005")
    return json.dumps(order)


def main() -> None:
    rows: list[tuple[str, float, str, float]] = []
    raw = big_order_json()
    order = Order.model_validate_json(raw)

    rows.append(
        (
            "parse 150-line order (pydantic)",
            median_us(lambda: Order.model_validate_json(raw), 200),
            "json.loads of the same",
            median_us(lambda: json.loads(raw), 200),
        )
    )

    skus = [line.sku or "" for line in order.line_items]
    index = {sku.casefold(): i for i, sku in enumerate(skus)}
    session = PackingSession(order)
    last = skus[-1]
    rows.append(
        (
            "scan last SKU of 150 lines",
            median_us(lambda: (session.scan(last), session.undo()), 2000),
            "dict lookup baseline",
            median_us(lambda: index[last.casefold()], 2000),
        )
    )

    rows.append(_reopen_row())
    rows.extend(_tracking_rows())

    with tempfile.TemporaryDirectory() as tmp:
        store = StationStore(Path(tmp) / "bench.sqlite3")
        store.journal.open("#1005", order)
        packed = {"li_1005_001": 1}
        rows.append(
            (
                "journal one scan (WAL, sync FULL)",
                median_us(
                    lambda: store.journal.save(order.order_id, packed, ShippingInputs(), "scan"),
                    300,
                ),
                "same row, sync OFF, no journal",
                _sync_off_baseline(Path(tmp) / "base.sqlite3"),
            )
        )
        store.close()

    with (
        SandboxServer() as sandbox,
        RedoClient(
            token=sandbox.token, store_id=sandbox.store_id, base_url=sandbox.base_url
        ) as client,
        httpx.Client() as bare,
    ):
        url = f"{sandbox.base_url}/stores/{sandbox.store_id}/orders/5801001"
        headers = {"Authorization": f"Bearer {sandbox.token}"}
        rows.append(
            (
                "get_order over loopback (client)",
                median_us(lambda: client.get_order("5801001"), 200),
                "bare httpx GET, no parsing",
                median_us(lambda: bare.get(url, headers=headers), 200),
            )
        )

    width = max(len(r[0]) for r in rows)
    base_width = max(len(r[2]) for r in rows)
    print(
        f"{'operation':<{width}}  {'median':>10}  {'baseline':<{base_width}}  {'median':>10}  {'ratio':>6}"
    )
    for name, value, base_name, base in rows:
        print(
            f"{name:<{width}}  {value:>8.1f}µs  {base_name:<{base_width}}  {base:>8.1f}µs  {value / base:>6.1f}"
        )


def _reopen_row() -> tuple[str, float, str, float]:
    """A 1,000-line order opened again after a first box of 600 lines went out (a partial
    shipment), against the same order opened before any box: the earlier box's lines are
    summed once per order, not once per line."""
    data = json.loads(resource_path("sandbox", "orders.json").read_text("utf-8"))
    fresh = next(o["order"] for o in data["orders"] if o["name"] == "#1014")
    shipped = [dict(line, quantity=1) for line in fresh["lineItems"][:600]]
    box = {"id": "f1", "createdAt": "2026-12-01T10:00:00Z", "lineItems": shipped}
    box |= {"status": "pending", "trackingHistory": []}
    before = Order.model_validate(fresh)
    after = Order.model_validate(fresh | {"fulfillments": [box]})
    return (
        "open 1,000 lines, an earlier box of 600",
        median_us(lambda: PackingSession(after), 50),
        "the same order, no box yet",
        median_us(lambda: PackingSession(before), 50),
    )


#: Labels a US bench sees, plus an item code that is no label (the slowest: every
#: format is tried and none fits).
LABELS = (
    "1Z999AA10123456784",
    "4201002334249200190132607600833457",
    "420787459400111206206406260787",
    "9400111899223197428497",
    "986578788855",
    "1001921334250001000300779017972697",
    "TBA000000000000",
    "RB123456785GB",
    "TEE-MER-BLK-M",
)


def _tracking_rows() -> list[tuple[str, float, str, float]]:
    folder = resource_path("tracking_number_data")
    files = sorted((folder / "couriers").glob("*.json"))
    rows = [
        (
            "load + compile the tracking data",
            # re caches compiled patterns: purge it, or every run after the first is free.
            median_us(lambda: (re.purge(), load(folder)), 20),
            "json.loads of its files",
            median_us(lambda: [json.loads(f.read_text("utf-8")) for f in files], 20),
        )
    ]
    tracking.warm_up()
    assert data_set().version
    one = re.compile(r"1Z[0-9A-Z]{16}")
    count = len(LABELS)
    rows.append(
        (
            f"recognise() per label ({count} kinds)",
            median_us(lambda: [tracking.recognise(label) for label in LABELS], 500) / count,
            "one precompiled re.fullmatch",
            median_us(lambda: [one.fullmatch(label) for label in LABELS], 500) / count,
        )
    )
    return rows


def _sync_off_baseline(path: Path) -> float:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, packed TEXT)")
    conn.execute("INSERT INTO t VALUES (1, '{}')")

    def write() -> None:
        with conn:
            conn.execute("UPDATE t SET packed = ? WHERE id = 1", ('{"li_1005_001": 1}',))

    try:
        return median_us(write, 300)
    finally:
        conn.close()


if __name__ == "__main__":
    main()
