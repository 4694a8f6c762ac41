"""The API client is built on a worker: a slow keyring never freezes the bench or loses a scan."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from packstation.config import Paths, Settings
from packstation.credentials import SERVICE, TokenStore
from packstation.sandbox import SandboxServer
from packstation.store import OutboxState
from packstation.store.station import StationStore
from packstation.ui.bench.controller import Mode
from packstation.ui.station.services import Services
from packstation.ui.views.banner import Banner
from packstation.ui.views.main_window import MainWindow
from tests.helpers.fakes import GatedKeyring, MemoryKeyring, RecordingSound
from tests.ui.conftest import load, scan, type_scan


@pytest.fixture
def keyring_() -> Iterator[GatedKeyring]:
    backend = GatedKeyring()
    yield backend
    backend.gate.set()  # never leave a worker waiting on it


def keyring_services(
    sandbox: SandboxServer, data_dir: Path, backend: MemoryKeyring, token: str
) -> Services:
    backend.secrets[(SERVICE, sandbox.store_id)] = token
    paths = Paths.default(data_dir)
    return Services(
        settings=Settings(api_url=sandbox.base_url, store_id=sandbox.store_id),
        paths=paths,
        store=StationStore(paths.database),
        tokens=TokenStore(backend),
        sound=RecordingSound(),
    )


@pytest.fixture
def open_unready(open_window: Callable[..., MainWindow]) -> Callable[[Services], MainWindow]:
    """Opens a window and starts it without waiting for ``ready``."""
    return lambda services: open_window(services, wait_ready=False)


def test_scans_during_a_slow_keyring_read_wait_and_are_handled_in_order(
    qtbot: QtBot,
    sandbox: SandboxServer,
    tmp_path: Path,
    keyring_: GatedKeyring,
    open_unready: Callable[[Services], MainWindow],
) -> None:
    window = open_unready(keyring_services(sandbox, tmp_path, keyring_, sandbox.token))
    ready: list[bool] = []
    window.controller.ready.connect(lambda: ready.append(True))
    assert keyring_.reads_waiting.wait(timeout=60)

    # The keyring is still answering; the GUI thread takes the scans all the same.
    type_scan("#1001")
    type_scan("JKT-RAIN-NVY-M")
    banner = window.host.findChild(Banner, "statusBanner")
    assert banner is not None
    assert "2 scans waiting" in banner.message
    assert window.controller.mode is Mode.IDLE
    assert not ready
    assert "Connecting" in window.status.online_label.text()

    with qtbot.waitSignal(window.controller.order_loaded, timeout=5000):
        keyring_.gate.set()
    assert ready == [True]
    assert window.status.online_label.text().startswith("●")  # Ready or Online
    # The item scanned before the order had loaded counts once the order is on the bench.
    qtbot.waitUntil(
        lambda: (
            window.controller.session is not None and window.controller.session.total_packed == 1
        ),
        timeout=5000,
    )
    assert window.controller.mode is Mode.ORDER


@pytest.mark.expected_log("needs attention")
def test_held_shipments_go_out_only_with_the_new_token(
    qtbot: QtBot,
    sandbox: SandboxServer,
    tmp_path: Path,
    open_unready: Callable[[Services], MainWindow],
) -> None:
    backend = MemoryKeyring()
    window = open_unready(keyring_services(sandbox, tmp_path, backend, sandbox.token))
    qtbot.waitUntil(lambda: window.port.configured, timeout=5000)
    load(qtbot, window, "#1001")
    scan(qtbot, window, "JKT-RAIN-NVY-M")
    window.order_page.shipping.dummy_toggle.setChecked(True)

    # The token is revoked while the shipment waits: it is held for attention.
    backend.secrets[(SERVICE, sandbox.store_id)] = "a-stale-token"
    window.runtime.apply_settings()
    qtbot.waitUntil(lambda: not window.port.client_pending, timeout=5000)
    with qtbot.waitSignal(window.controller.shipment_queued, timeout=5000) as queued:
        QTest.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    outbox = window.services.store.outbox
    qtbot.waitUntil(lambda: outbox.counts().attention == 1, timeout=5000)

    # IT puts the right token back; the held shipment is released to the new client only.
    backend.secrets[(SERVICE, sandbox.store_id)] = sandbox.token
    window.runtime.apply_settings(then=window.menus.release_unauthorized)

    def delivered() -> bool:
        item = outbox.get(queued.args[0])
        return item is not None and item.state is OutboxState.DELIVERED

    qtbot.waitUntil(delivered, timeout=5000)
    assert sandbox.state.fulfillment_count(queued.args[0]) == 1


def test_closing_does_not_wait_for_a_keyring_that_never_answers(
    qtbot: QtBot,
    sandbox: SandboxServer,
    tmp_path: Path,
    keyring_: GatedKeyring,
    open_unready: Callable[[Services], MainWindow],
) -> None:
    window = open_unready(keyring_services(sandbox, tmp_path, keyring_, sandbox.token))
    assert keyring_.reads_waiting.wait(timeout=60)
    window.shutdown()
    # Shut down while the keyring still has not answered: nothing waited for it.
    assert keyring_.reading


def test_the_barcode_tables_load_once_the_slip_scanned_at_start_has_loaded(
    qtbot: QtBot,
    sandbox: SandboxServer,
    tmp_path: Path,
    keyring_: GatedKeyring,
    open_unready: Callable[[Services], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Loading them competes with the order's load for the interpreter: they wait for it."""
    window = open_unready(keyring_services(sandbox, tmp_path, keyring_, sandbox.token))
    warmed: list[Mode] = []
    monkeypatch.setattr(window.runtime, "warm_up", lambda: warmed.append(window.controller.mode))
    assert keyring_.reads_waiting.wait(timeout=60)
    type_scan("#1001")
    with qtbot.waitSignal(window.controller.order_loaded, timeout=5000):
        keyring_.gate.set()
    qtbot.waitUntil(lambda: bool(warmed), timeout=5000)
    assert warmed == [Mode.ORDER]
    load(qtbot, window, "#1002")  # and only once
    assert warmed == [Mode.ORDER]
