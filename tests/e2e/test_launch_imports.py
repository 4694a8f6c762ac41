"""What the program loads to launch: only what a bench that packs needs at once.

The returns API (its pydantic models), Qt's print support with the slip and receipt
painters, and on Linux the Secret Service's client are each about a tenth of a second
of the launch, and a bench scanning its first slip needs none of them yet: they load
when first used (``redo/returns_stack.py``, ``ui/printing/print_queue.py``,
``keyring_child.py``). The program is run as IT installs it, on a configured station
with its token in the keyring, to the moment its bench is ready.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from packstation.sandbox import SandboxServer

ROOT = Path(__file__).resolve().parents[2]

#: Run in the program's process: main() to the bench ready (--smoke), then what it holds.
LAUNCH = """
import json, os, sys
from packstation import app
code = app.main(sys.argv[1:])
print("MODULES " + json.dumps(sorted(sys.modules)), flush=True)
print("PYDANTIC_PLUGINS " + os.environ.get("PYDANTIC_DISABLE_PLUGINS", ""), flush=True)
sys.exit(code)
"""

#: Loaded on first use, never by the launch.
LATER = (
    "packstation.redo.returns",
    "packstation.redo.returns_api",
    "packstation.redo.returns_order",
    "packstation.redo.returns_process",
    "packstation.ui.printing.printer",
    "packstation.ui.printing.slip_paint",
    "packstation.ui.printing.receipt_paint",
    "PySide6.QtPrintSupport",
)


def test_a_bench_launches_without_returns_printing_or_the_keyring_client(
    tmp_path: Path, sandbox: SandboxServer
) -> None:
    data = tmp_path / "station"
    data.mkdir()
    settings = {"api_url": sandbox.base_url, "store_id": sandbox.store_id, "station_name": "B1"}
    (data / "settings.json").write_text(json.dumps(settings), "utf-8")
    secrets = tmp_path / "keyring.json"
    secrets.write_text(json.dumps({f"packstation/{sandbox.store_id}": sandbox.token}), "utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "tests.helpers.file_keyring.FileKeyring",
        "PACKSTATION_TEST_KEYRING": str(secrets),
        "PYTHONPATH": str(ROOT),
    }
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)  # the program sets it itself
    done = subprocess.run(
        [sys.executable, "-c", LAUNCH, "--smoke", "--data-dir", str(data)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "PackStation bench loaded in" in done.stdout
    line = next(x for x in done.stdout.splitlines() if x.startswith("MODULES "))
    loaded = set(json.loads(line.removeprefix("MODULES ")))
    assert "packstation.ui.views.main_window" in loaded  # the bench was built
    assert sorted(loaded.intersection(LATER)) == []
    if sys.platform.startswith("linux"):  # its token was read in a child process
        assert not any(m == "keyring" or m.startswith("keyring.") for m in loaded)
    # No pydantic plugin is looked for: PackStation has none (app.PYDANTIC_PLUGINS_VARIABLE).
    assert "PYDANTIC_PLUGINS __all__" in done.stdout.splitlines()
    log = (data / "logs" / "packstation.log").read_text("utf-8")
    assert " ERROR " not in log
