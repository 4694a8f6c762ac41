"""A question on the bench never makes the window taller than a 1366x768 screen.

After F4's choice among the order's lines (long product titles), the window grew to
1366x783 and stayed so: its status bar was cut off. Showing the question panel lays the
window out at once, and the banner it replaces was still in it; the two, a refused scan's
note on a line of its own and a status bar on two lines asked for more height than the
screen has. Here a choice among nine long titles is asked in the real window, in English,
Spanish and German, in both looks and with DejaVu, Noto and the system's own font, with the
status bar on two lines and a refused scan's note showing: the window keeps its height.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from packstation.sandbox import SandboxServer
from packstation.store import OutboxCounts
from packstation.ui.bench.questions import Question
from packstation.ui.station.services import Services
from packstation.ui.views.main_window import MainWindow
from packstation.ui.views.style import Look, apply_bench_style
from tests.helpers.fakes import RecordingSound
from tests.ui.conftest import idle, load, make_services, type_scan
from tests.ui.test_layout_window import SYSTEM, system_font
from tests.ui.test_no_clipping import FONTS, LOOKS, SCREEN, in_font, in_language

__all__ = ["in_font", "in_language", "system_font"]  # the walk's fixtures

#: Nine lines with titles as long as a shop's: the list scrolls rather than grows.
TITLES = [
    "Ridge Down Jacket, 800-fill, water-repellent shell - Orange / S  (JKT-DOWN-ORG-S)",
    "Sleeping Bag Liner, 3-season, silk blend with stuff sack  (BLN-SLEEP-3S)",
    "Hiking Socks, merino wool cushioned crew, 2-pack - Grey / M  (SOCK-HIK-GRY-M)",
    "Merino Trail Tee, short sleeve, odour resistant - Black / M  (TEE-MER-BLK-M)",
    "Wool Beanie, ribbed double layer with fleece band - Charcoal  (BNE-WOOL-CHR)",
    "Steel Bottle 750 ml, vacuum insulated, leak-proof lid  (BTL-STL-750)",
    "Headlamp 300 lm, rechargeable, red night mode  (LMP-HEAD-300)",
    "Aluminium Carabiner, screw gate, 25 kN - Blue  (CRB-ALU-BLU)",
    "Quick-dry Towel, microfibre with hanging loop - L  (TWL-QD-L)",
]

WALK = [
    (language, look, family)
    for language in ("en", "es", "de")
    for look in LOOKS
    for family in (*FONTS, SYSTEM)
]


def _walk_id(step: tuple[str, Look, str]) -> str:
    language, look, family = step
    return f"{language}-{'hivis' if look is Look.HIGH_VISIBILITY else 'normal'}-{family.split()[0]}"


class Tallest(QObject):
    """The greatest height a window was given, resizes in between included."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.height = window.height()
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Resize:
            self.height = max(self.height, self.window.height())
        return False


@pytest.mark.parametrize("step", WALK, ids=_walk_id)
def test_a_choice_of_nine_long_lines_keeps_the_window_on_the_screen(
    qtbot: QtBot,
    sandbox: SandboxServer,
    station_dir: Path,
    open_window: Callable[[Services], MainWindow],
    in_language: Callable[[str], None],
    in_font: Callable[[str], None],
    system_font: Callable[[], None],
    step: tuple[str, Look, str],
) -> None:
    language, look, family = step
    if family == SYSTEM:
        system_font()
    else:
        in_font(family)
    in_language(language)
    window = open_window(make_services(sandbox, station_dir, RecordingSound()))
    host = window.host
    apply_bench_style(host, look)
    load(qtbot, window, "#1011")  # the banner says so: the question takes its place
    idle(qtbot, window)
    # The status bar with everything it can say (two lines in German).
    window.status.show_state(OutboxCounts(12, 3, time.time() - 45 * 60), True, True)
    window.status.show_note("Importing barcodes-2026-11.csv: 12,000 of 48,000")
    tallest = Tallest(host)
    assert window.banner.isVisible()

    question = Question(
        "Teach a barcode",
        "Which line is 2000000123457? It will be remembered on this station.",
        TITLES,
        cancel_label="Do not teach it",
        choice=True,
        parent=window.controller,
    )
    window.controller.ask(question)
    panel = window.question_panel
    qtbot.waitUntil(panel.list.isVisible)
    assert not window.banner.isVisible()
    type_scan("SOCK-HIK-GRY-M")  # refused while the question is open: said on it
    qtbot.waitUntil(panel.note.isVisible)

    assert host.minimumSizeHint().height() <= SCREEN.height()
    assert tallest.height <= SCREEN.height(), f"the window grew to {tallest.height} px"
    assert host.height() <= SCREEN.height()
    bar = host.statusBar()
    assert bar.isVisible() and bar.geometry().bottom() < host.height()  # not cut off
    assert panel.list.count() == len(TITLES)
    question.cancel()
