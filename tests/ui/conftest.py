"""A packing window wired to the sandbox on loopback, with fakes for keyring and sound."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pydantic import SecretStr
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from packstation.config import Paths, Settings
from packstation.credentials import TokenStore
from packstation.sandbox import SandboxServer
from packstation.store.station import StationStore
from packstation.ui.station.runtime import StationRuntime
from packstation.ui.station.services import Services
from packstation.ui.views.main_window import MainWindow
from tests.helpers.fakes import MemoryKeyring, RecordingSound
from tests.helpers.scanner_keys import type_scan

__all__ = ["type_scan"]  # scans typed as a scanner stamps them: tests import it from here


@pytest.fixture
def station_dir(tmp_path: Path) -> Path:
    return tmp_path / "station"


def make_services(sandbox: SandboxServer, data_dir: Path, sound: RecordingSound) -> Services:
    paths = Paths.default(data_dir)
    return Services(
        settings=Settings(
            api_url=sandbox.base_url, store_id=sandbox.store_id, station_name="Bench 7"
        ),
        paths=paths,
        store=StationStore(paths.database),
        tokens=TokenStore(MemoryKeyring()),
        sound=sound,
        demo=True,
        token_override=SecretStr(sandbox.token),
    )


@pytest.fixture
def field(qtbot: QtBot) -> QLineEdit:
    """A line edit with the keyboard focus: where a scanner filter's keys go."""
    widget = QLineEdit()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)
    return widget


@pytest.fixture
def sound() -> RecordingSound:
    return RecordingSound()


@pytest.fixture
def open_window(qtbot: QtBot) -> Iterator[Callable[..., MainWindow]]:
    """Opens windows on given services; every one is shut down after the test."""
    opened: list[MainWindow] = []

    def open_(services: Services, wait_ready: bool = True) -> MainWindow:
        window = MainWindow(StationRuntime(services))
        top = window.host  # the one top-level window; the bench is its central widget
        qtbot.addWidget(top, before_close_func=lambda _: window.shutdown())
        top.resize(1366, 768)
        top.show()
        qtbot.waitExposed(top)
        top.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is top, timeout=5000)
        opened.append(window)
        if not wait_ready:
            window.start()
            return window
        with qtbot.waitSignal(window.controller.ready, timeout=5000):
            window.start()
        return window

    yield open_
    for window in opened:
        window.shutdown()
        window.services.store.close()


@pytest.fixture
def window(
    sandbox: SandboxServer,
    station_dir: Path,
    sound: RecordingSound,
    open_window: Callable[[Services], MainWindow],
) -> MainWindow:
    return open_window(make_services(sandbox, station_dir, sound))


def scan(qtbot: QtBot, window: MainWindow, code: str) -> None:
    with qtbot.waitSignal(window.controller.scan_handled):
        type_scan(code)


def load(qtbot: QtBot, window: MainWindow, ref: str) -> None:
    with qtbot.waitSignal(window.controller.order_loaded, timeout=5000):
        type_scan(ref)


def idle(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until every store write and query the window queued has been answered."""
    runtime = window.runtime
    qtbot.waitUntil(lambda: not (runtime.writes.busy or runtime.queries.busy), timeout=5000)


def answer(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    """Press ``key`` on the question the bench is asking (it must be asking one)."""
    panel = window.question_panel
    qtbot.waitUntil(panel.isVisible)
    assert panel.question is not None
    QTest.keyClick(panel.list if panel.question.choice else panel, key)
