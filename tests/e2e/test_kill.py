"""SIGKILL around shipping, 20 times: every packed order ends with exactly one fulfillment."""

from __future__ import annotations

import itertools
import os
import random
import signal
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest

from packstation.sandbox import SandboxServer

ROOT = Path(__file__).resolve().parents[2]
ORDERS = ["#1001", "#1002", "#1012"]
ORDER_IDS = {"#1001": "5801001", "#1002": "5801002", "#1012": "5801012"}


def _driver(sandbox: SandboxServer, db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.e2e.station_driver",
            "--api-url",
            sandbox.base_url,
            "--token",
            sandbox.token,
            "--store-id",
            sandbox.store_id,
            "--db",
            str(db),
            "--orders",
            *ORDERS,
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


@pytest.mark.slow
@pytest.mark.parametrize("run", range(20))
def test_sigkill_never_loses_or_duplicates_a_shipment(run: int, tmp_path: Path) -> None:
    rng = random.Random(1000 + run)
    with SandboxServer() as sandbox:
        sandbox.faults.set(latency=rng.uniform(0.01, 0.08), write_latency=rng.uniform(0.0, 0.15))
        # The kill lands while the k-th request is in flight (seeded), before it is answered.
        kill_at = rng.randint(1, 9)  # an uninterrupted run makes 9 requests
        arrived = itertools.count(1)
        reached = threading.Event()
        sandbox.on_request = lambda method, path: (
            reached.set() if next(arrived) == kill_at else None
        )
        db = tmp_path / "station.sqlite3"
        first = _driver(sandbox, db)
        assert reached.wait(30), "the station never reached the sandbox"
        first.send_signal(signal.SIGKILL)
        sandbox.on_request = None
        first.communicate(timeout=10)
        second = _driver(sandbox, db)
        out, err = second.communicate(timeout=60)
        assert second.returncode == 0, err
        assert out.strip().endswith("DONE"), out + err
        ours = Counter(
            order_id
            for order_id, f in sandbox.state.all_fulfillments()
            if f["id"].startswith("ps-")
        )
    assert ours == Counter({ORDER_IDS[ref]: 1 for ref in ORDERS})
