"""Start-up asks the keyring, loads httpx and sends a slip scanned at launch to Redo while
the bench is still being built, not after it; it freezes what it built for the garbage
collector only once the bench is ready.

Each scenario runs in a fresh interpreter: start-up applies the bench's style and
language to the application, and must import httpx itself for the checks to mean
anything. The steps are driven one by one, so "before the bench" is a fact, not a race.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

PREAMBLE = r"""
import json, sys, threading, keyring
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from packstation.app import build_parser
from packstation.credentials import SERVICE
from packstation.sandbox import SandboxServer, SandboxState
from packstation.startup import Running, start_bench
from packstation.ui.views.shell import BenchShell
from tests.helpers.fakes import GatedKeyring, MemoryKeyring

app = QApplication(["startup-chain"])
backend = GatedKeyring() if sys.argv[2] == "gated" else MemoryKeyring()
keyring.set_keyring(backend)
sandbox = SandboxServer(state=SandboxState.demo()).start()
backend.secrets[(SERVICE, sandbox.store_id)] = sandbox.token
orders_asked = []
order_asked = threading.Event()

def on_request(method, path):
    if method == "GET" and "/orders/" in path:
        orders_asked.append(path.rsplit("/", 1)[-1])
        order_asked.set()

sandbox.on_request = on_request
args = build_parser().parse_args(
    ["--data-dir", sys.argv[1], "--api-url", sandbox.base_url, "--store-id", sandbox.store_id]
)
shell = BenchShell()
running = Running()
seen = {}
quit_on_ready = [True]

def ready():
    seen["ready"] = True
    if quit_on_ready[0]:
        app.quit()

steps = start_bench(args, shell, running, ready)

def run_the_rest():
    shell.run_steps(steps, lambda exc: (seen.update(failed=repr(exc)), app.quit()))
    QTimer.singleShot(20000, app.quit)
    app.exec()

def when(condition, then):  # then() once condition() holds, checked as the loop turns
    def check():
        if condition():
            then()
        else:
            QTimer.singleShot(5, check)
    QTimer.singleShot(0, check)

def bench_built():
    return running.window is not None

def finish():
    running.close()
    sandbox.stop()
    print(json.dumps(seen))
"""

KEYRING_AND_HTTPX = r"""
seen["first_step"] = next(steps)
seen["asked_before_the_bench"] = backend.reads_waiting.wait(5) and running.window is None
seen["httpx_loading"] = "packstation-http-stack" in running.threads.started

def built() -> None:
    seen["built_while_the_keyring_answers"] = backend.reading
    backend.gate.set()

when(bench_built, built)
run_the_rest()
import gc
from packstation.startup import FREEZE_AFTER_MS
seen["frozen_at_ready"] = gc.get_freeze_count() > 0
QTimer.singleShot(FREEZE_AFTER_MS + 300, app.quit)
app.exec()
seen["frozen_after"] = gc.get_freeze_count() > 0
seen["keyring_reads"] = backend.reads
seen["client"] = running.window is not None and running.window.port.configured
finish()
"""

SLIP_AT_LAUNCH = r"""
quit_on_ready[0] = False
next(steps)  # settings read: the client is being built on a thread
shell.scanner.scanned.emit("#1002")  # the packer scans a slip at once
seen["step"] = next(steps)  # the station database opened; the bench not built yet
seen["asked_before_the_bench"] = order_asked.wait(10) and running.window is None

when(lambda: bench_built() and running.window.controller.order_ref, app.quit)
run_the_rest()
seen["order_on_the_bench"] = running.window.controller.order_ref
seen["orders_asked"] = orders_asked
seen["one_client"] = running.launch.take_client() is None  # the bench's own is it
finish()
"""

ORDER_LEFT_OPEN = r"""
from packstation.config import Paths
from packstation.redo import RedoClient
from packstation.store.station import StationStore
from pathlib import Path
with RedoClient(token=sandbox.token, store_id=sandbox.store_id, base_url=sandbox.base_url) as c:
    order = c.get_order("#1001")
store = StationStore(Paths.default(Path(sys.argv[1])).database)
store.journal.open("#1001", order)
store.close()
orders_asked.clear()
quit_on_ready[0] = False
next(steps)
shell.scanner.scanned.emit("JKT-RAIN-NVY-M")  # an item of the order left open
next(steps)

def session():
    return running.window.controller.session if running.window else None

when(lambda: session() is not None and session().total_packed, app.quit)
run_the_rest()
seen["packed"] = session().total_packed
seen["orders_asked"] = orders_asked
finish()
"""

KEYRING_NEVER_ANSWERS = r"""
import time
quit_on_ready[0] = False
next(steps)
shell.scanner.scanned.emit("#1002")

when(bench_built, app.quit)
run_the_rest()
seen["connecting"] = running.window.port.client_pending
started = time.monotonic()
running.close()  # the keyring read, the client and the slip all still wait on it
seen["closed_within_5_s"] = time.monotonic() - started < 5  # the keyring: 10 s
seen["orders_asked"] = orders_asked
sandbox.stop()
print(json.dumps(seen))
"""


def _run(script: str, tmp_path: Path, keyring: str = "memory") -> dict[str, Any]:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", PREAMBLE + script, str(tmp_path), keyring],
        cwd=root,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return seen


def test_the_keyring_read_and_httpx_overlap_building_the_bench(tmp_path: Path) -> None:
    seen = _run(KEYRING_AND_HTTPX, tmp_path, keyring="gated")
    assert seen == {
        "first_step": "database",
        "asked_before_the_bench": True,
        "httpx_loading": True,
        "built_while_the_keyring_answers": True,
        "ready": True,
        # The collection before freezing waits until after the launch slip: 20 ms.
        "frozen_at_ready": False,
        "frozen_after": True,
        "keyring_reads": 1,  # the early read was the one used
        "client": True,
    }


def test_a_slip_scanned_at_launch_goes_to_redo_before_the_bench_is_built(
    tmp_path: Path,
) -> None:
    seen = _run(SLIP_AT_LAUNCH, tmp_path)
    assert seen == {
        "step": "bench",
        "asked_before_the_bench": True,
        "ready": True,
        "order_on_the_bench": "#1002",
        "orders_asked": ["%231002"],  # once: the bench took the answer given ahead
        "one_client": True,
    }


def test_with_an_order_left_open_the_first_scan_is_not_sent_as_a_slip(tmp_path: Path) -> None:
    seen = _run(ORDER_LEFT_OPEN, tmp_path)
    assert seen["packed"] == 1
    # At most the restored order's check with Redo (by its ID; it may still be on its
    # way when the item is packed), never the item's code as an order.
    assert set(seen["orders_asked"]) <= {"5801001"}


def test_closing_waits_at_most_two_seconds_for_a_keyring_that_never_answers(
    tmp_path: Path,
) -> None:
    seen = _run(KEYRING_NEVER_ANSWERS, tmp_path, keyring="gated")
    assert seen == {"connecting": True, "closed_within_5_s": True, "orders_asked": []}
