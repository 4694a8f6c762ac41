"""SIGKILL the real program (window, station database, returns sender, the demo's sandbox
in the same process) right after Ctrl+Enter processed a return: restarted, it processes
the return in Redo exactly once, comments it once, and loses nothing that was scanned."""

from __future__ import annotations

import json
import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest

from tests.e2e.test_warehouse_benches import ROOT, Bench

JACKET_LABEL = "1ZA8V4730367210455"  # the demo's #1001 return: one rain jacket
JACKET_RETURN = "675a1c00e4b0d3f19a7c0001"


@pytest.fixture
def program(tmp_path: Path) -> Iterator[Callable[[], Bench]]:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "PACKSTATION_CONFIG_DIR": str(tmp_path / "machine-config"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    started: list[Bench] = []

    def start() -> Bench:
        started.append(Bench(["--demo", "--data-dir", str(tmp_path / "bench")], env))
        started[-1].wait_for("ready", timeout=60)
        return started[-1]

    yield start
    for bench in started:
        if bench.process.poll() is None:
            bench.process.kill()
        bench.process.communicate(timeout=10)


def jobs(tmp_path: Path) -> list[tuple[str, str]]:
    database = tmp_path / "bench" / "demo" / "station.sqlite3"
    with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as conn:
        return [
            (str(r[0]), str(r[1])) for r in conn.execute("SELECT id, state FROM returns_outbox")
        ]


def the_return(tmp_path: Path) -> dict[str, object]:
    state = json.loads((tmp_path / "bench" / "demo" / "sandbox-state.json").read_text("utf-8"))
    records = state["returns"]
    records = records.values() if isinstance(records, dict) else records
    for record in records:
        ret = record.get("return", record)
        if ret["id"] == JACKET_RETURN:
            return dict(record)
    raise AssertionError("no such return in the sandbox's state")


@pytest.mark.parametrize("run", range(3))
def test_killed_after_processing_a_return_it_is_processed_exactly_once(
    run: int, tmp_path: Path, program: Callable[[], Bench]
) -> None:
    first = program()
    first.scan("PS-RETURNS")
    first.scan_until(JACKET_LABEL, "said success Return of #1001")
    first.scan("JKT-RAIN-NVY-M")
    first.scan("SHIP")  # queued: the row is on disk before the bench says so
    # Land the kill before, during or after the requests (seeded: a failure repeats).
    time.sleep(random.Random(run).uniform(0.0, 0.15))  # sleep-ok: the timing of the fault
    first.kill()
    (job_id, _), *more = jobs(tmp_path)
    assert more == []  # nothing scanned is lost, nothing queued twice
    second = program()
    deadline = time.monotonic() + 30
    while jobs(tmp_path)[0][1] != "done" and time.monotonic() < deadline:
        time.sleep(0.1)  # sleep-ok: waiting on another process's sender
    assert jobs(tmp_path) == [(job_id, "done")]
    second.close()
    record = the_return(tmp_path)
    comments = [c.get("message", "") for c in record.get("comments", [])]  # type: ignore[union-attr]
    assert sum(job_id in str(m) for m in comments) == 1
    ret = record.get("return", record)
    assert all(i.get("status") != "open" for i in ret["items"])  # type: ignore[index, union-attr]
