"""Start-up asks the keyring and loads httpx while the bench is built, not after it;
it freezes what it built for the garbage collector only once the bench is ready.

Run in a fresh interpreter: start-up applies the bench's style and language to the
application, and must import httpx itself for the check to mean anything.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = r"""
import json, sys, keyring
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from packstation.app import build_parser
from packstation.credentials import SERVICE
from packstation.sandbox import SandboxServer, SandboxState
from packstation.startup import Running, start_bench
from packstation.ui.shell import BenchShell
from tests.helpers.fakes import GatedKeyring

app = QApplication(["startup-chain"])
backend = GatedKeyring()
keyring.set_keyring(backend)
sandbox = SandboxServer(state=SandboxState.demo()).start()
backend.secrets[(SERVICE, sandbox.store_id)] = sandbox.token
args = build_parser().parse_args(
    ["--data-dir", sys.argv[1], "--api-url", sandbox.base_url, "--store-id", sandbox.store_id]
)
shell = BenchShell()
running = Running()
seen = {}
steps = start_bench(args, shell, running, lambda: (seen.update(ready=True), app.quit()))
seen["first_step"] = next(steps)
seen["asked_before_the_bench"] = backend.reads_waiting.wait(5) and running.window is None
seen["httpx_loading"] = running.preload is not None

def built() -> None:
    if running.window is None:
        QTimer.singleShot(5, built)
        return
    seen["built_while_the_keyring_answers"] = backend.reading
    backend.gate.set()

shell.run_steps(steps, lambda exc: (seen.update(failed=repr(exc)), app.quit()))
QTimer.singleShot(0, built)
QTimer.singleShot(20000, app.quit)
app.exec()
import gc
from packstation.startup import FREEZE_AFTER_MS
seen["frozen_at_ready"] = gc.get_freeze_count() > 0
QTimer.singleShot(FREEZE_AFTER_MS + 300, app.quit)
app.exec()
seen["frozen_after"] = gc.get_freeze_count() > 0
seen["keyring_reads"] = backend.reads
seen["client"] = running.window is not None and running.window.runtime.configured
running.close()
seen["httpx_loaded_and_joined"] = "httpx" in sys.modules and not running.preload.is_alive()
sandbox.stop()
print(json.dumps(seen))
"""


def test_the_keyring_read_and_httpx_overlap_building_the_bench(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        cwd=root,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {
        "first_step": "Opening the station database…",
        "asked_before_the_bench": True,
        "httpx_loading": True,
        "built_while_the_keyring_answers": True,
        "ready": True,
        # The collection before freezing waits until after the launch slip: 20 ms.
        "frozen_at_ready": False,
        "frozen_after": True,
        "keyring_reads": 1,  # the early read was the one used
        "client": True,
        "httpx_loaded_and_joined": True,
    }
