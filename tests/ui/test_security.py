"""The token never leaves the keyring: not in settings, logs, the database or error texts."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from packstation.config import Paths, Settings, save_settings
from packstation.credentials import SERVICE, TokenStore
from packstation.sandbox import SandboxServer
from packstation.store.station import StationStore
from packstation.ui.station.services import Services
from packstation.ui.views.main_window import MainWindow
from tests.helpers.fakes import MemoryKeyring, RecordingSound
from tests.ui.conftest import answer, load, scan

TOKEN = "tok-NEVER-WRITE-ME-91c4"


@pytest.fixture
def keyed_sandbox() -> SandboxServer:
    with SandboxServer(token=TOKEN) as server:
        yield server  # type: ignore[misc]


def test_token_appears_in_no_file_and_no_log_record(
    qtbot: QtBot,
    keyed_sandbox: SandboxServer,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    open_window: Callable[[Services], MainWindow],
) -> None:
    caplog.set_level(logging.DEBUG)
    paths = Paths.default(tmp_path / "station")
    file_log = (
        # "w": a record a worker logs after close() must not reopen the file (an "a"
        # handler does, and the stream is then never closed).
        logging.FileHandler(tmp_path / "station" / "test.log", mode="w")
        if paths.data_dir.mkdir(parents=True) is None
        else None
    )
    assert file_log is not None
    logging.getLogger().addHandler(file_log)
    backend = MemoryKeyring()
    backend.set_password(SERVICE, keyed_sandbox.store_id, TOKEN)
    settings = Settings(api_url=keyed_sandbox.base_url, store_id=keyed_sandbox.store_id)
    services = Services(
        settings=settings,
        paths=paths,
        store=StationStore(paths.database),
        tokens=TokenStore(backend),
        sound=RecordingSound(),
        save_settings=lambda s: save_settings(paths.settings_file, s),
    )
    services.save_settings(settings)
    try:
        window = open_window(services)
        assert repr(window.runtime.client).find(TOKEN) == -1
        load(qtbot, window, "#1002")
        scan(qtbot, window, "BNE-WOOL-CHR")
        window.order_page.shipping.dummy_toggle.setChecked(True)
        with qtbot.waitSignal(window.controller.shipment_queued, timeout=5000):
            window.controller.shipping.ship()
            answer(qtbot, window, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.services.store.outbox.counts().pending == 0, timeout=5000)
        keyed_sandbox.faults.set(revoked=True)
        scan(qtbot, window, "#1001")  # refused: an order is open
        window.controller.orders.reload()
        qtbot.waitUntil(lambda: window.banner.is_error, timeout=5000)
        window.shutdown()
    finally:
        logging.getLogger().removeHandler(file_log)
        file_log.close()
    for record in caplog.records:
        assert TOKEN not in record.getMessage()
        assert TOKEN not in str(record.args)
    files = [p for p in (tmp_path / "station").rglob("*") if p.is_file()]
    assert any(p.suffix == ".sqlite3" for p in files)
    assert any(p.name == "settings.json" for p in files)
    for path in files:
        assert TOKEN.encode() not in path.read_bytes(), path
