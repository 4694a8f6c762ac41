"""Warehouse mode in the real window: its threads, its status, and a server that stalls.

The window's runtime runs the warehouse on its own worker thread; these tests prove that
the status bar follows it, that closing the window lets go of the order, and that a
warehouse that never answers costs the GUI thread nothing.
"""

from __future__ import annotations

import contextlib
import itertools
import socket
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from packstation.sandbox import SandboxServer
from packstation.ui.station.services import Services
from packstation.ui.station.warehouse_claims import CLAIM_WAIT_MS
from packstation.ui.views.main_window import MainWindow
from packstation.ui.views.settings_dialog import SettingsDialog
from packstation.warehouse import claims, returns
from tests.helpers.fakes import RecordingSound
from tests.helpers.warehouse import Warehouse
from tests.ui.conftest import load, make_services


def services_for(sandbox: SandboxServer, folder: Path, url: str) -> Services:
    services = make_services(sandbox, folder, RecordingSound())
    services.settings = services.settings.with_(warehouse_url=url)
    return services


def test_the_window_claims_shows_the_warehouse_and_lets_go_when_it_closes(
    qtbot: QtBot,
    open_window: Callable[..., MainWindow],
    sandbox: SandboxServer,
    warehouse: Warehouse,
    tmp_path: Path,
) -> None:
    window = open_window(services_for(sandbox, tmp_path / "b", warehouse.url))
    label = window.status.warehouse_label
    qtbot.waitUntil(lambda: label.isVisible() and label.text() == "◆ Warehouse")
    load(qtbot, window, "#1001")
    with warehouse.connect() as conn:
        (held,) = claims.live(conn)
        assert (held.order_ref, held.bench) == ("#1001", "Bench 7")
        window.shutdown()
        # Quit releases the claim on the warehouse's worker: another bench may open it.
        qtbot.waitUntil(lambda: claims.live(conn) == [])


def test_a_warehouse_that_never_answers_never_blocks_the_window(
    qtbot: QtBot, open_window: Callable[..., MainWindow], sandbox: SandboxServer, tmp_path: Path
) -> None:
    """The server takes the connection and says nothing (a stuck firewall): the order
    opens with the warning without waiting for libpq's timeout (the claim is given up
    while the bench's first attempt to connect still hangs: one connection has reached the
    server, not the claim's own), and the GUI thread never waits on either.

    Every bound is set by what it guards, far from how busy the machine is: libpq's
    connect timeout is a minute here (the bench's own 5 s, counted from the window's start,
    could run out first on a busy machine, and the next attempt would reach the server
    too), the order opens after the claim's 2 s, and a 10 ms heartbeat on the GUI thread
    never misses for half of that (a GUI thread waiting on the claim or the connection
    would miss for all of it)."""
    hole = socket.socket()
    hole.bind(("127.0.0.1", 0))
    hole.listen(16)  # accepted by the kernel, never answered
    port = hole.getsockname()[1]
    url = f"postgresql://postgres@127.0.0.1:{port}/packstation?connect_timeout=60"
    beats: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(lambda: beats.append(time.monotonic()))
    reached: list[socket.socket] = []
    try:
        window = open_window(services_for(sandbox, tmp_path / "b", url))
        heartbeat.start()
        window.controller.handle_scan("#1001")
        qtbot.waitUntil(lambda: window.controller.session is not None, timeout=20_000)
        heartbeat.stop()
        # The connections that reached the server are taken and held open, not closed one
        # by one: libpq (sslmode=prefer) answers a closed connection by trying again
        # without TLS at once, and that second try would be counted as a second reach.
        hole.setblocking(False)
        with contextlib.suppress(BlockingIOError):
            while True:
                reached.append(hole.accept()[0])
        assert len(reached) == 1
        assert "Warehouse offline" in window.controller.showing.text
        hole.close()  # later attempts are refused at once: closing waits on nothing
        for conn in reached:
            conn.close()  # the attempt that hung fails now, and the bench says so
        qtbot.waitUntil(lambda: window.status.warehouse_label.text() == "◇ Warehouse offline")
    finally:
        hole.close()
        for conn in reached:
            conn.close()
    claim_wait = CLAIM_WAIT_MS / 1000
    assert beats[-1] - beats[0] > claim_wait - 0.5  # it beat while the claim waited
    worst = max(b - a for a, b in itertools.pairwise(beats))
    assert worst < claim_wait / 2, f"GUI thread blocked for {worst * 1000:.0f} ms"


def test_settings_show_the_warehouse_as_it_is_and_keep_the_benchs_name(
    qtbot: QtBot,
    open_window: Callable[..., MainWindow],
    sandbox: SandboxServer,
    warehouse: Warehouse,
    tmp_path: Path,
) -> None:
    window = open_window(services_for(sandbox, tmp_path / "b", warehouse.url))
    qtbot.waitUntil(lambda: window.status.warehouse_label.text() == "◆ Warehouse")
    dialog = SettingsDialog(window.runtime, window.host)
    qtbot.addWidget(dialog)
    where = f"{warehouse.dbname} · 127.0.0.1:{warehouse.server.port}"
    assert dialog.warehouse.text() == f"{where} · ◆ Warehouse"
    # Its name on the floor: claims, facts and the lead's view know the bench by it.
    assert not dialog.station.isEnabled()
    assert "IT sets it" in dialog.station.toolTip()
    door = window.port.warehouse
    assert door is not None
    door.online = False  # the line follows the door while it shows
    door.online_changed.emit(False)
    assert dialog.warehouse.text() == f"{where} · ◇ Warehouse offline"
    dialog.reject()


def test_settings_of_a_bench_on_its_own_say_so(
    qtbot: QtBot, open_window: Callable[..., MainWindow], sandbox: SandboxServer, tmp_path: Path
) -> None:
    window = open_window(make_services(sandbox, tmp_path / "b", RecordingSound()))
    dialog = SettingsDialog(window.runtime, window.host)
    qtbot.addWidget(dialog)
    assert dialog.warehouse.text().startswith("None: this bench works on its own")
    assert dialog.station.isEnabled()
    dialog.reject()


def test_a_return_received_at_one_bench_is_refused_at_the_other_until_processed(
    qtbot: QtBot,
    open_window: Callable[..., MainWindow],
    sandbox: SandboxServer,
    warehouse: Warehouse,
    tmp_path: Path,
) -> None:
    one = open_window(services_for(sandbox, tmp_path / "one", warehouse.url))
    services = services_for(sandbox, tmp_path / "two", warehouse.url)
    services.settings = services.settings.with_(station_name="Bench 8")
    two = open_window(services)
    for bench in (one, two):
        qtbot.waitUntil(lambda b=bench: b.status.warehouse_label.text() == "◆ Warehouse")
        bench.controller.handle_scan("PS-RETURNS")
    one.controller.handle_scan("1ZA8V4730367210455")  # the demo's #1001 return
    qtbot.waitUntil(lambda: one.controller.returns.session is not None, timeout=10_000)
    with warehouse.connect() as conn:
        (held,) = claims.live(conn)
        assert (held.order_ref, held.bench) == ("#1001", "Bench 7")
    two.controller.handle_scan("1ZA8V4730367210455")
    qtbot.waitUntil(lambda: two.banner.is_error, timeout=10_000)
    assert "being received at Bench 7" in two.banner.message, two.banner.message
    assert two.controller.returns.session is None
    one.controller.handle_scan("PS-CLEAR")  # nothing received: cleared at once, released
    qtbot.waitUntil(lambda: one.controller.returns.session is None, timeout=5000)
    with warehouse.connect() as conn:
        qtbot.waitUntil(lambda: claims.live(conn) == [], timeout=5000)
    two.controller.handle_scan("1ZA8V4730367210455")
    qtbot.waitUntil(lambda: two.controller.returns.session is not None, timeout=10_000)


def test_one_benchs_walk_of_redos_returns_serves_the_other_bench(
    qtbot: QtBot,
    open_window: Callable[..., MainWindow],
    sandbox: SandboxServer,
    warehouse: Warehouse,
    tmp_path: Path,
) -> None:
    one = open_window(services_for(sandbox, tmp_path / "one", warehouse.url))
    qtbot.waitUntil(lambda: one.status.warehouse_label.text() == "◆ Warehouse")
    one.controller.handle_scan("PS-RETURNS")  # walks Redo, and shares what it read
    with warehouse.connect() as conn:
        qtbot.waitUntil(lambda: returns.watermark(conn) != "", timeout=10_000)
        shared = conn.execute("SELECT count(*) FROM returns").fetchone()
    assert shared is not None and shared[0] > 0
    walks = len([e for e in sandbox.exchanges if e.target.split("?")[0].endswith("/returns")])
    services = services_for(sandbox, tmp_path / "two", warehouse.url)
    services.settings = services.settings.with_(station_name="Bench 8")
    two = open_window(services)
    index = two.services.store.returns
    # Bench 8 never walked Redo: its index came from the floor, and its next walk starts
    # where the floor's ended.
    qtbot.waitUntil(lambda: index.count(open_only=False) == shared[0], timeout=10_000)
    with warehouse.connect() as conn:
        assert index.watermark == returns.watermark(conn)
    assert (
        len([e for e in sandbox.exchanges if e.target.split("?")[0].endswith("/returns")]) == walks
    )
    two.controller.handle_scan("PS-RETURNS")
    two.controller.handle_scan("1ZA8V4730367210455")
    qtbot.waitUntil(lambda: two.controller.returns.session is not None, timeout=10_000)
    lists = [e for e in sandbox.exchanges if e.target.split("?")[0].endswith("/returns")]
    assert all("updated_at_min" in e.target for e in lists[walks:])  # what changed, only
