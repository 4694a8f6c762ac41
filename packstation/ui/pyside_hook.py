"""PySide6's import hook, made cheap: the same answer without keeping every module's source.

Once PySide6 is loaded it looks at every module imported after it, to know whether the
module uses PySide6 (``from __feature__ import`` switches apply only to those). It asks
``inspect.getsource(module)``, which reads the whole file into ``linecache`` and keeps
it there: for this program about 430 files, 15 MiB that stay for the life of the
process, and about 40 ms of start-up. Reading the file's bytes and searching them
answers the same question and keeps nothing. A module without a ``.py`` file (an
extension, or the frozen bundle's compiled modules) still goes to PySide6's own check.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

import shiboken6  # noqa: F401 - loads the hook that is replaced below


def _reading_bytes(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    uses_pyside.lightened = True  # type: ignore[attr-defined]
    return uses_pyside


def lighten() -> bool:
    """Replace the check; False when this PySide6 has no such hook (nothing to do)."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original):
        return False
    if not getattr(original, "lightened", False):
        feature._mod_uses_pyside = _reading_bytes(original)  # type: ignore[attr-defined]
    return True
