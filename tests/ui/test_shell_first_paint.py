"""Start-up's first step waits for the window's first paint: the window is on screen first."""

from __future__ import annotations

import time
from collections.abc import Iterator

from PySide6.QtCore import QEvent, QObject
from pytestqt.qtbot import QtBot

from packstation.ui.views.shell import BenchShell
from packstation.ui.words.steps import StartupStep


class Painted(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.at is None:
            self.at = time.monotonic()
        return False


def _steps(ran: list[float]) -> Iterator[StartupStep]:
    ran.append(time.monotonic())
    yield StartupStep.DATABASE
    ran.append(time.monotonic())


def test_the_first_step_runs_after_the_first_paint(qtbot: QtBot) -> None:
    shell = BenchShell()
    qtbot.addWidget(shell)
    painted = Painted()
    shell.installEventFilter(painted)
    ran: list[float] = []
    shell.run_steps(_steps(ran), lambda exc: None)
    shell.show()
    qtbot.waitUntil(lambda: len(ran) == 2)
    assert painted.at is not None
    assert painted.at < ran[0]


def test_a_window_never_painted_starts_all_the_same(qtbot: QtBot) -> None:
    shell = BenchShell()  # never shown: minimised at start, say
    qtbot.addWidget(shell)
    ran: list[float] = []
    shell.run_steps(_steps(ran), lambda exc: None)
    qtbot.waitUntil(lambda: len(ran) == 2)
    assert not shell.isVisible()
