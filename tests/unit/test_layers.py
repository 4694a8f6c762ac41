"""Nothing below ui/ knows Qt: importing the core loads no PySide6 module."""

from __future__ import annotations

import subprocess
import sys


def test_core_packages_import_without_qt() -> None:
    code = (
        "import sys\n"
        "import packstation.redo, packstation.packing, packstation.store, packstation.sandbox\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(loaded)\n"
        "sys.exit(1 if loaded else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_building_a_client_does_not_import_httpx_until_it_connects() -> None:
    """The bench builds its client at start and after Settings; httpx (about a tenth of a
    second) is imported on a worker when the connection is first made."""
    code = (
        "import sys\n"
        "from packstation.redo.client import RedoClient\n"
        "client = RedoClient(token='t', store_id='s', base_url='http://127.0.0.1:9')\n"
        "before = 'httpx' in sys.modules\n"
        "client.prepare()\n"
        "print(before, 'httpx' in sys.modules)\n"
        "client.close()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "True"]


def test_the_controller_and_its_flows_load_no_widget() -> None:
    """The bench decides without a widget, even through printing or the words: importing
    every module of ``ui/bench`` (and the port it speaks to) loads QtCore alone."""
    code = (
        "import pkgutil, sys, importlib\n"
        "import packstation.ui.bench as bench\n"
        "for info in pkgutil.iter_modules(bench.__path__):\n"
        "    importlib.import_module(f'packstation.ui.bench.{info.name}')\n"
        "import packstation.ui.station.port\n"
        "qt = {m for m in sys.modules if m.startswith('PySide6.Qt')}\n"
        "print(sorted(qt))\n"
        "sys.exit(0 if qt == {'PySide6.QtCore'} else 1)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
