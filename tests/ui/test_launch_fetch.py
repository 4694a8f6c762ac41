"""A slip asked of Redo at launch is handled by the bench exactly as one asked by the bench."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from packstation.sandbox import SandboxServer
from packstation.ui.bench.mode import Mode
from packstation.ui.station.launch_fetch import LaunchFetch
from packstation.ui.station.services import Services, build_client
from packstation.ui.station.threads import Threads
from packstation.ui.views.banner import Banner
from packstation.ui.views.main_window import MainWindow
from tests.helpers.fakes import RecordingSound
from tests.ui.conftest import load, make_services, type_scan


def _asked(sandbox: SandboxServer, ref: str) -> int:
    return sum(1 for method, path, _ in sandbox.requests if method == "GET" and path.endswith(ref))


def _banner(window: MainWindow) -> str:
    banner = window.host.findChild(Banner, "statusBanner")
    assert banner is not None
    return banner.message


THREADS = Threads()


def _launched(services: Services, slip: str, threads: Threads = THREADS) -> LaunchFetch:
    launch = LaunchFetch(lambda: build_client(services.settings, services.token()), threads)
    launch.offer(slip)
    services.launch = launch
    return launch


def test_an_order_asked_at_launch_loads_once_and_the_client_is_the_benchs(
    qtbot: QtBot,
    sandbox: SandboxServer,
    tmp_path: Path,
    sound: RecordingSound,
    open_window: Callable[[Services], MainWindow],
) -> None:
    services = make_services(sandbox, tmp_path, sound)
    launch = _launched(services, " #1002 ")  # as the scanner sent it
    window = open_window(services)
    assert launch.take_client() is None  # the bench took it
    load(qtbot, window, "#1002")
    assert window.controller.order_ref == "#1002"
    assert _asked(sandbox, "%231002") == 1
    window.controller.orders.close("test")
    load(qtbot, window, "#1002")  # a second load asks Redo again: the answer was used once
    assert _asked(sandbox, "%231002") == 2


def test_a_slip_redo_does_not_know_is_refused_as_when_the_bench_asks(
    qtbot: QtBot,
    sandbox: SandboxServer,
    tmp_path: Path,
    sound: RecordingSound,
    open_window: Callable[[Services], MainWindow],
) -> None:
    services = make_services(sandbox, tmp_path, sound)
    _launched(services, "#9999")
    window = open_window(services)
    with qtbot.waitSignal(window.controller.scan_handled, timeout=5000):
        type_scan("#9999")
    qtbot.waitUntil(lambda: window.controller.mode is not Mode.LOADING, timeout=5000)
    asked_ahead = _banner(window)
    with qtbot.waitSignal(window.controller.scan_handled, timeout=5000):
        type_scan("#9998")
    qtbot.waitUntil(lambda: window.controller.mode is not Mode.LOADING, timeout=5000)
    assert "No order #9998" in _banner(window)
    assert asked_ahead == _banner(window).replace("#9998", "#9999")
    assert _asked(sandbox, "%239999") == 1


def test_a_command_or_nothing_is_not_asked_ahead_and_a_slip_is(
    sandbox: SandboxServer, tmp_path: Path, sound: RecordingSound
) -> None:
    services = make_services(sandbox, tmp_path, sound)
    threads = Threads()
    launch = LaunchFetch(lambda: build_client(services.settings, services.token()), threads)
    for code in ("PS-DUMMY", "PS-NO-SUCH-COMMAND", "", "   "):
        launch.offer(code)
    launch.offer("#1001")  # the control: this one goes to Redo
    ahead = launch.take_client()
    assert ahead is not None
    client = ahead.result()
    assert client is not None
    with client:
        answer = launch.take_order("#1001", client)
        assert answer is not None and answer.result(5).order_id == "5801001"
    assert threads.join(time.monotonic() + 5)
    launch.close()
    services.store.close()
    asked = [path for method, path, _ in sandbox.requests if "/orders/" in path]
    assert [path.rsplit("/", 1)[-1] for path in asked] == ["%231001"]


def test_an_answer_asked_through_another_client_is_never_taken(
    sandbox: SandboxServer, tmp_path: Path, sound: RecordingSound
) -> None:
    services = make_services(sandbox, tmp_path, sound)
    threads = Threads()
    launch = _launched(services, "#1002", threads)
    ahead = launch.take_client()
    assert ahead is not None
    client = ahead.result()
    other = build_client(services.settings, services.token())  # after new settings
    assert other is not None and client is not None
    with other, client:
        assert launch.take_order("#1002", other) is None
        answer = launch.take_order("#1002", client)
        assert answer is not None and answer.result(5).order_id == "5801002"
        assert launch.take_order("#1002", client) is None  # once
    assert threads.join(time.monotonic() + 5)
    launch.close()
    services.store.close()


def test_a_code_scanned_at_launch_is_no_slip_when_an_order_was_left_open(
    sandbox: SandboxServer, tmp_path: Path, sound: RecordingSound
) -> None:
    """The journal is asked on the launch thread: the bench restores that order, so the
    first code is an item of it, and Redo is not asked for it as an order."""
    services = make_services(sandbox, tmp_path, sound)
    threads = Threads()
    asked_on: list[str] = []

    def left_open() -> bool:
        import threading

        asked_on.append(threading.current_thread().name)
        return True

    launch = LaunchFetch(lambda: build_client(services.settings, services.token()), threads)
    launch.order_left_open = left_open
    launch.offer("#1001")
    assert threads.join(time.monotonic() + 5)
    assert asked_on == ["packstation-launch-order"]
    assert not [path for method, path, _ in sandbox.requests if "/orders/" in path]
    launch.close()
    services.store.close()
