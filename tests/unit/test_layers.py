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
