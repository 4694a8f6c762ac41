"""PySide6's import hook gives the same answers without keeping every module's source."""

from __future__ import annotations

import importlib
import linecache
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from packstation.ui import pyside_hook


@pytest.fixture
def module_dir(tmp_path: Path) -> Iterator[Path]:
    sys.path.insert(0, str(tmp_path))
    yield tmp_path
    sys.path.remove(str(tmp_path))
    for name in ("ps_hook_uses_qt", "ps_hook_plain"):
        sys.modules.pop(name, None)


def test_modules_are_classified_as_before_and_their_source_is_not_kept(module_dir: Path) -> None:
    assert pyside_hook.lighten()  # done by importing packstation.ui; doing it again is a no-op
    feature = sys.modules["shibokensupport.feature"]
    assert getattr(feature._mod_uses_pyside, "lightened", False)
    uses = module_dir / "ps_hook_uses_qt.py"
    uses.write_text("from PySide6.QtCore import QObject\nVALUE = 1\n", encoding="utf-8")
    plain = module_dir / "ps_hook_plain.py"
    plain.write_text("VALUE = 2  # no Qt here\n", encoding="utf-8")
    importlib.invalidate_caches()
    for name in ("ps_hook_uses_qt", "ps_hook_plain"):
        __import__(name)  # the import statement's path, which PySide6 hooks
    # 0: PySide6's feature switching applies; -1: the module is ignored (PySide6's meaning).
    assert feature.pyside_feature_dict["ps_hook_uses_qt"] == 0
    assert feature.pyside_feature_dict["ps_hook_plain"] == -1
    assert str(uses) not in linecache.cache
    assert str(plain) not in linecache.cache


def test_a_module_without_a_source_file_goes_to_pysides_own_check() -> None:
    feature = sys.modules["shibokensupport.feature"]
    assert feature._mod_uses_pyside(sys) is False  # built in: no file at all
