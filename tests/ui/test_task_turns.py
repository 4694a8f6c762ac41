"""A job submitted ``after_turn`` waits for the GUI thread's loop (``station/tasks.py``).

A big write started at once took the interpreter from the frame the handler that
submitted it had asked for. Held, it starts once the loop has delivered what was
posted (the repaint among it); never later than ``turn_wait``, and at once on close.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from packstation.ui.station.tasks import TaskRunner

#: Longer than any test here waits: a job that starts did not time out.
NEVER = 60.0


class Painted(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.at: list[float] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.at.append(time.perf_counter())
        return False


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    runner = TaskRunner("test", workers=1, turn_wait=NEVER)
    yield runner
    runner.shutdown(wait=True)


def test_a_held_job_starts_after_the_repaint_its_handler_asked_for(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    label = QLabel("before")
    qtbot.addWidget(label)
    label.show()
    qtbot.waitExposed(label)
    painted = Painted()
    label.installEventFilter(painted)
    started: list[float] = []
    begun = threading.Event()

    def job() -> None:
        started.append(time.perf_counter())
        begun.set()

    label.setText("after")  # the repaint is posted, as a scan's or Ship's is
    runner.submit(job, lambda _: None, pytest.fail, after_turn=True)
    # The GUI thread does not turn its loop here (the interpreter is free for the
    # worker): the job must not start until it does.
    assert not begun.wait(0.5)
    qtbot.waitUntil(lambda: bool(started))
    assert painted.at, "the label was never repainted"
    assert painted.at[0] < started[0]


def test_a_job_not_held_starts_at_once(qtbot: QtBot, runner: TaskRunner) -> None:
    begun = threading.Event()
    runner.submit(begun.set, lambda _: None, pytest.fail)
    assert begun.wait(10)


def test_a_job_submitted_off_the_gui_thread_is_not_held(qtbot: QtBot, runner: TaskRunner) -> None:
    begun = threading.Event()
    thread = threading.Thread(
        target=lambda: runner.submit(begun.set, lambda _: None, pytest.fail, after_turn=True)
    )
    thread.start()
    thread.join()
    assert begun.wait(10)  # the GUI thread's loop never turned meanwhile


def test_a_loop_that_does_not_turn_holds_a_job_turn_wait_at_most(qtbot: QtBot) -> None:
    runner = TaskRunner("test", workers=1, turn_wait=0.05)
    begun = threading.Event()
    runner.submit(begun.set, lambda _: None, pytest.fail, after_turn=True)
    try:
        assert begun.wait(10)  # the loop is blocked right here
    finally:
        runner.shutdown(wait=True)


def test_closing_lets_every_held_job_go(qtbot: QtBot) -> None:
    runner = TaskRunner("test", workers=1, turn_wait=NEVER)
    ran: list[int] = []
    for number in range(3):
        runner.submit(lambda n=number: ran.append(n), lambda _: None, pytest.fail, after_turn=True)
    start = time.monotonic()
    runner.shutdown(wait=True)  # the loop does not turn before it returns
    assert ran == [0, 1, 2]  # all of them, in the order they came
    assert time.monotonic() - start < NEVER / 2
