"""Two real benches (two processes of the program, windows, journals, outboxes, senders)
on one warehouse: one PostgreSQL and one Redo sandbox, as a warehouse's floor is.

Each bench is ``tests/e2e/bench_driver.py``: the program exactly as IT starts it, with
``--warehouse-url`` and ``--station``, its scans typed into its window as the test sends
them. What is proved here only two processes can prove: a claim made by one program is
refused by the other, a take-over reaches the program that lost the order, a bench that
is killed loses its order within the lease, the warehouse can stop mid-shift.
"""

from __future__ import annotations

import os
import queue
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import psycopg
import pytest

from packstation.sandbox import SHARED_DEMO_TOKEN, SandboxServer, SandboxState
from packstation.warehouse import floor, schema
from packstation.warehouse.local_server import LocalPostgres
from tests.helpers.warehouse import Warehouse

ROOT = Path(__file__).resolve().parents[2]
ORDER_ID = "5801001"  # the sandbox's #1001: one JKT-RAIN-NVY-M
UNKNOWN = "2000000123457"  # a store's own EAN-13, on no product yet
LEASE = 15  # the shortest lease a bench accepts (config_warehouse.LEASE_LEAST)


class Bench:
    """One bench process; its events readable with a timeout, its scans sent one by one."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.e2e.bench_driver", *args],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.strip())

    def wait_for(self, prefix: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"no {prefix!r} within {timeout} s; saw {self.seen}") from None
            self.seen.append(line)
            if line.startswith(prefix):
                return line

    def drain(self) -> None:
        """What was said so far is seen: ``wait_for`` waits for what comes next."""
        while not self.lines.empty():
            self.seen.append(self.lines.get())

    def scan(self, code: str) -> list[str]:
        """Types ``code`` and returns what the bench said until it was idle again."""
        assert self.process.stdin is not None
        start = len(self.seen)
        self.process.stdin.write(code + "\n")
        self.process.stdin.flush()
        self.wait_for("done")
        return self.seen[start:]

    def scan_until(self, code: str, event: str) -> None:
        """Types ``code`` and waits for a line starting with ``event`` (said while it was
        handled, or after)."""
        if not any(line.startswith(event) for line in self.scan(code)):
            self.wait_for(event)

    def kill(self) -> None:
        self.process.kill()
        self.process.communicate(timeout=10)

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write("CLOSE\n")
        self.process.stdin.flush()
        _, err = self.process.communicate(timeout=60)
        assert self.process.returncode == 0, err


def said(lines: list[str], tone: str) -> str:
    return next((line for line in lines if line.startswith(f"said {tone} ")), "")


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[SandboxServer]:
    """One Redo for the floor, opened by the benches with the shared demo token."""
    server = SandboxServer(
        token=SHARED_DEMO_TOKEN, state=SandboxState.demo(tmp_path / "sandbox.json")
    ).start()
    yield server
    server.stop()


@pytest.fixture
def benches(
    tmp_path: Path, warehouse: Warehouse, sandbox: SandboxServer
) -> Iterator[Callable[..., Bench]]:
    """Starts benches on the floor (Lea is the warehouse's lead), or on ``on``; any still
    running when the test ends (it failed) is killed."""
    with warehouse.connect() as conn:
        floor.add_lead(conn, "Lea")
    config = tmp_path / "machine-config"
    config.mkdir()
    (config / "config.toml").write_text(f"warehouse_lease = {LEASE}\n", "utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "PACKSTATION_CONFIG_DIR": str(config),
        # The demo keeps no secret; no bench asks this machine's keyring for one.
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    started: list[Bench] = []

    def start(name: str, on: Warehouse = warehouse) -> Bench:
        data = folder(tmp_path, name)
        args = [
            "--demo", "--sandbox-url", sandbox.base_url, "--store-id", sandbox.store_id,
            "--data-dir", str(data), "--station", name, "--warehouse-url", on.url,
        ]  # fmt: skip
        started.append(Bench(args, env))
        started[-1].wait_for("ready", timeout=60)
        return started[-1]

    yield start
    for bench in started:
        if bench.process.poll() is None:
            bench.process.kill()
        bench.process.communicate(timeout=10)


def folder(tmp_path: Path, name: str) -> Path:
    return tmp_path / name.replace(" ", "-")


def knows(tmp_path: Path, name: str, barcode: str) -> bool:
    """Whether the bench's own catalog, the copy its scans read, has ``barcode``."""
    database = folder(tmp_path, name) / "demo" / "station.sqlite3"
    with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as conn:
        return (
            conn.execute("SELECT 1 FROM catalog WHERE barcode = ?", (barcode,)).fetchone()
            is not None
        )


def fulfillments(sandbox: SandboxServer) -> list[object]:
    return [f for order_id, f in sandbox.state.all_fulfillments() if order_id == ORDER_ID]


def test_one_order_is_packed_at_one_bench_and_a_lead_moves_it(
    benches: Callable[..., Bench], warehouse: Warehouse, sandbox: SandboxServer
) -> None:
    first, second = benches("Bench 1"), benches("Bench 2")
    first.scan("PS-USER-Ana")
    assert any(line.startswith("loaded #1001") for line in first.scan("#1001"))
    second.scan("PS-USER-Ben")
    refused = said(second.scan("#1001"), "error")
    assert "Order #1001 is being packed at Bench 1 (Ana) since" in refused
    # Ben is no lead: PS-TAKEOVER asks for a lead's badge, and Lea's moves the order.
    second.scan("PS-TAKEOVER")
    assert any(line.startswith("loaded #1001") for line in second.scan("PS-USER-Lea"))
    # The bench that had it is told, closes it, and cannot pack or ship it any more.
    told = first.wait_for("said error Order #1001 is now packed at Bench 2")
    assert "take the items out of the box" in told
    assert "cleared" in first.seen
    assert not any(line.startswith("packed") for line in first.scan("JKT-RAIN-NVY-M"))
    second.scan("JKT-RAIN-NVY-M")
    second.scan("1Z999AA10123456784")
    second.scan_until("SHIP", "delivered")
    assert len(fulfillments(sandbox)) == 1
    with warehouse.connect() as conn:
        events = conn.execute(
            "SELECT kind, bench, from_bench, from_packer, lead FROM claim_events"
        ).fetchall()
        assert events == [("takeover", "Bench 2", "Bench 1", "Ana", "Lea")]
        # Shipped: the claim is released and the fact of it pushed, once.
        assert conn.execute("SELECT count(*) FROM claims").fetchone() == (0,)
    first.close()
    second.close()


def test_a_barcode_taught_at_one_bench_packs_at_the_other_within_two_seconds(
    benches: Callable[..., Bench], warehouse: Warehouse, tmp_path: Path
) -> None:
    first, second = benches("Bench 1"), benches("Bench 2")
    second.scan("PS-USER-Ben")
    second.scan("#1005")  # it has the wool beanie too
    first.scan("PS-USER-Lea")  # a lead: F4 asks for no badge
    first.scan("#1002")
    assert said(first.scan(UNKNOWN), "error")  # not known anywhere yet
    first.scan_until("KEY:F4", "asked")  # which line does it pack? (after Redo was asked)
    second.drain()
    first.scan_until("KEY:3", "packed #1002 1")  # the beanie
    taught = time.monotonic()
    # A poke, the versioned rows read, the bench's copy written: then it says so.
    second.wait_for("catalog changed", timeout=10)
    while not knows(tmp_path, "Bench 2", UNKNOWN):  # another change came first
        second.wait_for("catalog changed", timeout=10)
    # The bound, for a change that takes tens of milliseconds: a functional one.
    assert time.monotonic() - taught < 2.0
    assert any(line == "packed #1005 1" for line in second.scan(UNKNOWN))
    with warehouse.connect() as conn:
        row = conn.execute(
            "SELECT sku, taught_by FROM catalog WHERE barcode = %s", (UNKNOWN,)
        ).fetchone()
    assert row == ("BNE-WOOL-CHR", "Lea")
    first.close()
    second.close()


def test_a_killed_bench_loses_its_order_within_the_lease(
    benches: Callable[..., Bench], warehouse: Warehouse
) -> None:
    first, second = benches("Bench 1"), benches("Bench 2")
    first.scan("PS-USER-Ana")
    first.scan("#1001")
    first.kill()  # SIGKILL: nothing released, nothing renewed
    second.scan("PS-USER-Ben")
    assert "being packed at Bench 1" in said(second.scan("#1001"), "error")
    with warehouse.connect() as conn:
        row = conn.execute(
            "SELECT extract(epoch FROM expires_at - now()) FROM claims WHERE order_id = %s",
            (ORDER_ID,),
        ).fetchone()
    assert row is not None and 0 < float(row[0]) <= LEASE
    time.sleep(float(row[0]) + 0.5)  # sleep-ok: what is tested is the lease's real time
    assert any(line.startswith("loaded #1001") for line in second.scan("#1001"))
    second.close()


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[Warehouse]:
    """A warehouse on a server of its own, which the test may stop and start again (the
    session's server is every other warehouse test's)."""
    server = LocalPostgres(tmp_path / "own-postgres").start()
    try:
        url = server.create_database("floor")
        with psycopg.connect(url, autocommit=True) as conn:
            schema.init(conn)
        yield Warehouse(server, url, "floor")
    finally:
        server.close()


def test_the_warehouse_stopped_mid_shift_loses_nothing(
    own_server: Warehouse, benches: Callable[..., Bench], sandbox: SandboxServer
) -> None:
    warehouse = own_server
    first, second = benches("Bench 1", warehouse), benches("Bench 2", warehouse)
    shifts = {
        first: ["PS-USER-Ana", "#1001", "JKT-RAIN-NVY-M", "1Z999AA10123456784"],
        second: ["PS-USER-Ben", "#1002", *["SOCK-HIK-GRY-M"] * 3, *["TEE-MER-BLK-M"] * 2,
                 "BNE-WOOL-CHR", "9400111899223197428497"],
    }  # fmt: skip
    for bench, codes in shifts.items():
        for code in codes[:2]:
            bench.scan(code)
    warehouse.server.stop()  # pg_ctl stop, mid-shift
    try:
        for bench, codes in shifts.items():
            for code in codes[2:]:
                bench.scan(code)
            # Redo has it, with the warehouse out of reach.
            bench.scan_until("SHIP", "delivered")
        shipped = [order_id for order_id, _ in sandbox.state.all_fulfillments()]
        assert (shipped.count(ORDER_ID), shipped.count("5801002")) == (1, 1)
    finally:
        warehouse.server.start()
    # Back: each bench reconnects by itself and pushes its shipment, once.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with warehouse.connect() as conn:
            pushed = conn.execute(
                "SELECT order_id, count(*) FROM facts WHERE kind = 'shipment' GROUP BY order_id"
            ).fetchall()
        if len(pushed) == 2:
            break
        time.sleep(0.5)  # sleep-ok: waiting on other processes' reconnect backoff
    assert sorted(pushed) == [(ORDER_ID, 1), ("5801002", 1)]
    first.close()
    second.close()
