"""Compile the translations into the wheel: resources/translations/*.ts -> .qm.

The ``.qm`` catalogs are never committed; a wheel carries them compiled from the
``.ts`` sources it is built from, at ``packstation/_resources/translations/``. Qt's
``lrelease`` comes with PySide6, a build requirement for that reason. Editable
installs skip this: a source checkout compiles at first use
(``packstation/ui/words/translations.py``, ``catalog``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def lrelease() -> str:
    try:
        import PySide6
    except ImportError:
        PySide6 = None  # noqa: N806
    if PySide6 is not None:
        exe = Path(PySide6.__file__).parent / (
            "lrelease.exe" if sys.platform == "win32" else "lrelease"
        )
        if exe.is_file():
            return str(exe)
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if not found:
        raise RuntimeError("lrelease not found: PySide6 must be installed to build PackStation")
    return found


class TranslationsHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        sources = sorted((Path(self.root) / "resources" / "translations").glob("*.ts"))
        out = Path(tempfile.mkdtemp(prefix="packstation-qm-"))
        tool = lrelease()
        for ts in sources:
            qm = out / ts.with_suffix(".qm").name
            subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)  # noqa: S603
            build_data["force_include"][str(qm)] = f"packstation/_resources/translations/{qm.name}"
