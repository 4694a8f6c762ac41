"""The start-up shell: on screen and taking scans before the bench is built in it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from packstation.sandbox import SandboxServer
from packstation.store import UnopenedDatabaseError
from packstation.ui.bench.controller import Mode
from packstation.ui.station.runtime import StationRuntime
from packstation.ui.views.main_window import MainWindow
from packstation.ui.views.shell import BenchShell
from packstation.ui.words.starting import startup_failed_text
from packstation.ui.words.steps import StartupStep
from tests.helpers.fakes import RecordingSound
from tests.ui.conftest import make_services, type_scan


@pytest.fixture
def shell(qtbot: QtBot) -> BenchShell:
    shell = BenchShell()
    qtbot.addWidget(shell)
    shell.resize(1366, 768)
    shell.show()
    qtbot.waitExposed(shell)
    shell.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shell, timeout=5000)
    return shell


def shown_text(shell: BenchShell) -> str:
    return " ".join(label.text() for label in shell.findChildren(QLabel))


def test_scans_before_the_bench_exists_are_kept_and_handed_over_in_order(
    qtbot: QtBot, shell: BenchShell, sandbox: SandboxServer, tmp_path: Path
) -> None:
    type_scan("#1001")
    type_scan("JKT-RAIN-NVY-M")
    assert shell.waiting == ["#1001", "JKT-RAIN-NVY-M"]
    assert "Scans kept: 2" in shown_text(shell)

    services = make_services(sandbox, tmp_path, RecordingSound())
    bench = MainWindow(StationRuntime(services), scanner=shell.scanner, host=shell)
    try:
        bench.start()
        with qtbot.waitSignal(bench.controller.order_loaded, timeout=5000):
            shell.adopt(bench, bench.take_over_scans)
        assert shell.centralWidget() is bench
        assert shell.waiting == []
        qtbot.waitUntil(
            lambda: (
                bench.controller.session is not None and bench.controller.session.total_packed == 1
            ),
            timeout=5000,
        )
        assert bench.controller.mode is Mode.ORDER
        # The bench's title is the window's title from now on.
        bench.controller.identity.set_packer("Ada")
        assert "Ada" in shell.windowTitle()
        # A scan made after the hand-over goes to the bench once, not to the shell's list.
        with qtbot.waitSignal(bench.controller.scan_handled):
            type_scan("PS-USER-Grace")
        assert bench.controller.packer == "Grace"
        assert shell.waiting == []
    finally:
        assert shell.close()
        services.store.close()


class _RefusingBench(QWidget):
    """A bench that asks to stay open (shipments to announce): the window stays."""

    def request_close(self) -> bool:
        return False


def test_the_bench_decides_whether_the_window_may_close(shell: BenchShell) -> None:
    bench = _RefusingBench()
    shell.adopt(bench, lambda codes: None)  # type: ignore[arg-type]
    assert not shell.close()
    assert shell.isVisible()


def test_steps_show_their_text_and_a_failing_step_is_reported(
    qtbot: QtBot, shell: BenchShell
) -> None:
    seen: list[str] = []
    failures: list[BaseException] = []

    def steps() -> Iterator[StartupStep]:
        yield StartupStep.DATABASE
        seen.append(shown_text(shell))
        raise UnopenedDatabaseError(Path("/x"), OSError(5, "disk I/O error"))

    shell.run_steps(steps(), failures.append)
    qtbot.waitUntil(lambda: bool(failures))
    assert "Opening the station database…" in seen[0]  # the step, in words
    (failure,) = failures
    assert isinstance(failure, UnopenedDatabaseError)
    assert startup_failed_text(failure) == (
        "The station database /x cannot be opened (OSError: disk I/O error)."
    )
