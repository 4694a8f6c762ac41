"""The order's progress bar is painted with the rest of the window, never on its own.

``QProgressBar.setValue`` repaints the bar at once, outside the event loop's paint pass:
on every scan that was one more paint pass and X flush before the row and the banner
could show. The page marks the bar dirty instead, and says nothing when nothing changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject
from pytestqt.qtbot import QtBot

from packstation.ui.views.main_window import MainWindow
from tests.ui.conftest import load


@dataclass
class Totals:
    """What the progress bar reads of a packing session."""

    total_packed: int
    total_remaining: int


class Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_progress_is_painted_in_the_next_pass_not_during_the_scan(
    qtbot: QtBot, window: MainWindow
) -> None:
    load(qtbot, window, "#1002")
    page = window.order_page
    bar = page.progress
    paints = Paints()
    bar.installEventFilter(paints)
    try:
        page.refresh_progress(Totals(total_packed=1, total_remaining=3))
        assert paints.count == 0, "the bar painted itself inside the call"
        assert bar.updatesEnabled()
        assert (bar.value(), bar.maximum()) == (1, 3)
        assert bar.format() == "1 of 3 items packed"
        qtbot.waitUntil(lambda: paints.count > 0)
    finally:
        bar.removeEventFilter(paints)
