"""The GUI thread never reads or writes SQLite: every statement runs on a worker.

Every statement on the station database's two connections is traced with the thread
that ran it, while a packer loads, packs, labels and ships, a lead opens the history,
Needs attention, the stats and the taught barcodes, the sender delivers, and the bench
restarts with an order left open.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from packstation.sandbox import SandboxServer
from packstation.store.station import StationStore
from packstation.ui.station.services import Services
from packstation.ui.views.main_window import MainWindow
from tests.helpers.fakes import RecordingSound
from tests.ui.conftest import idle, load, make_services, scan


def traced(store: StationStore) -> list[tuple[str, str]]:
    """(thread name, statement) of every statement either connection runs from now on."""
    seen: list[tuple[str, str]] = []

    def trace(statement: str) -> None:
        seen.append((threading.current_thread().name, statement[:80]))

    store._conn.set_trace_callback(trace)
    store._reader.set_trace_callback(trace)
    return seen


def on_gui(seen: list[tuple[str, str]]) -> list[str]:
    main = threading.main_thread().name
    return [statement for thread, statement in seen if thread == main]


def test_no_statement_runs_on_the_gui_thread(
    qtbot: QtBot,
    sandbox: SandboxServer,
    station_dir: Path,
    sound: RecordingSound,
    open_window: Callable[..., MainWindow],
) -> None:
    services: Services = make_services(sandbox, station_dir, sound)
    seen = traced(services.store)
    window = open_window(services)
    load(qtbot, window, "#1002")
    scan(qtbot, window, "SOCK-HIK-GRY-M")
    scan(qtbot, window, "PS-DUMMY")
    scan(qtbot, window, "PS-BOX")
    qtbot.waitUntil(lambda: window.controller.boxes.number == 2, timeout=5000)
    scan(qtbot, window, "PS-USER-Ana")
    qtbot.waitUntil(lambda: window.port.snapshot.counts.pending == 0, timeout=10000)
    for open_ in (
        window.menus.open_history,
        window.menus.open_attention,
        window.menus.open_stats,
        window.menus.open_taught,
    ):
        open_()
        idle(qtbot, window)
        window.menus.close_dialogs()
    assert seen, "the trace saw no statement: it traces nothing"
    assert on_gui(seen) == []


def test_a_restart_with_an_order_left_open_reads_nothing_on_the_gui_thread(
    qtbot: QtBot,
    sandbox: SandboxServer,
    station_dir: Path,
    sound: RecordingSound,
    open_window: Callable[..., MainWindow],
) -> None:
    first = open_window(make_services(sandbox, station_dir, sound))
    load(qtbot, first, "#1002")
    scan(qtbot, first, "SOCK-HIK-GRY-M")
    idle(qtbot, first)
    first.shutdown()  # as after a crash: the journal holds the open order
    first.host.hide()
    services = make_services(sandbox, station_dir, sound)
    seen = traced(services.store)
    second = open_window(services)
    qtbot.waitUntil(lambda: second.controller.session is not None, timeout=5000)
    qtbot.waitUntil(lambda: "up to date" in second.banner.message, timeout=5000)
    assert any("open_session" in statement for _, statement in seen)
    assert on_gui(seen) == []
