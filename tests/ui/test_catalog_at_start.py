"""The station catalog is imported behind the window, only when its file changed."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from packstation.ui.views.main_window import MainWindow
from tests.ui.conftest import load, scan


def test_a_catalog_is_imported_in_the_background_once_and_scans_use_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    csv_path = tmp_path / "catalog.csv"
    csv_path.write_text("sku,barcode\nBNE-WOOL-CHR,2000000123457\n", "utf-8")
    runtime = window.runtime
    with qtbot.waitSignal(window.port.catalog_imported, timeout=5000) as imported:
        runtime.import_catalogs([(csv_path, "it"), (tmp_path / "missing.csv", "csv")])
    result = imported.args[0]
    assert (result.path.name, result.entries) == ("catalog.csv", 1)
    qtbot.waitUntil(lambda: "1 barcode imported" in window.status.note_label.text())
    # Unchanged: not imported again (one stat, no rows written).
    with qtbot.assertNotEmitted(window.port.catalog_imported, wait=300):
        runtime.import_catalogs([(csv_path, "it")])
        qtbot.waitUntil(lambda: not runtime.writes.busy, timeout=5000)
    load(qtbot, window, "#1002")
    scan(qtbot, window, "2000000123457")
    assert window.controller.session is not None
    qtbot.waitUntil(lambda: window.controller.session.line(2).packed == 1)  # type: ignore[union-attr]
