"""Settings, Needs attention and History, driven as a lead would."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from packstation.config import Paths, Settings, load_settings, save_settings
from packstation.credentials import SERVICE, TokenStore
from packstation.packing import DummyTracking, PackingSession, TrackingInput
from packstation.redo.errors import Problem, ProblemKind
from packstation.sandbox import SandboxServer
from packstation.store import OutboxState
from packstation.store.station import StationStore
from packstation.ui.station.runtime import StationRuntime
from packstation.ui.station.services import Services
from packstation.ui.views.attention_dialog import AttentionDialog
from packstation.ui.views.history_dialog import HistoryDialog
from packstation.ui.views.language import install_language
from packstation.ui.views.settings_dialog import SettingsDialog
from tests.helpers.fakes import MemoryKeyring, Nobody
from tests.helpers.orders import demo_order
from tests.helpers.station import FakeStation

REFUSED = Problem(ProblemKind.REFUSED, status=400, said="bad tracking")


def _services(tmp_path: Path, sandbox: SandboxServer, backend: MemoryKeyring) -> Services:
    paths = Paths.default(tmp_path)
    return Services(
        settings=Settings(),
        paths=paths,
        store=StationStore(paths.database),
        tokens=TokenStore(backend),
        save_settings=lambda s: save_settings(paths.settings_file, s),
    )


def test_settings_store_the_token_in_the_keyring_only(
    qtbot: QtBot, tmp_path: Path, sandbox: SandboxServer
) -> None:
    backend = MemoryKeyring()
    services = _services(tmp_path, sandbox, backend)
    runtime = StationRuntime(services)
    dialog = SettingsDialog(runtime)
    qtbot.addWidget(dialog)
    dialog.api_url.setText(sandbox.base_url)
    dialog.store_id.setText(sandbox.store_id)
    dialog.token.setText(sandbox.token)
    dialog.station.setText("Bench 3")
    dialog.test_connection()
    qtbot.waitUntil(lambda: dialog.test_result.text().startswith("✔"), timeout=5000)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save()  # the keyring is written on a worker
    runtime.shutdown()
    assert runtime.wait_for_workers(5.0)  # the keyring reads on its threads are over
    assert backend.secrets == {(SERVICE, sandbox.store_id): sandbox.token}
    saved = services.paths.settings_file.read_text("utf-8")
    assert sandbox.token not in saved
    assert json.loads(saved)["station_name"] == "Bench 3"
    assert load_settings(services.paths.settings_file).store_id == sandbox.store_id
    client = services.make_client()
    assert client is not None
    assert client.get_order("#1001").order_id == "5801001"
    client.close()
    services.store.close()


def test_test_connection_reports_a_bad_token(
    qtbot: QtBot, tmp_path: Path, sandbox: SandboxServer
) -> None:
    services = _services(tmp_path, sandbox, MemoryKeyring())
    runtime = StationRuntime(services)
    dialog = SettingsDialog(runtime)
    qtbot.addWidget(dialog)
    dialog.api_url.setText(sandbox.base_url)
    dialog.store_id.setText(sandbox.store_id)
    dialog.token.setText("wrong")
    dialog.test_connection()
    qtbot.waitUntil(lambda: dialog.test_result.text().startswith("✖"), timeout=5000)
    assert "token" in dialog.test_result.text()
    dialog.api_url.setText("http://api.getredo.com/v2.2")
    dialog.save()
    assert "loopback" in dialog.test_result.text()
    assert not services.paths.settings_file.exists()
    dialog.reject()
    runtime.shutdown()
    assert runtime.wait_for_workers(5.0)  # the keyring reads on its threads are over
    services.store.close()


def _held(store: StationStore) -> str:
    session = PackingSession(demo_order("#1002"))
    session.scan("BNE-WOOL-CHR")
    item = store.ship(session, "#1002", TrackingInput("UPS", "1Z-bad"))
    store.outbox.mark_attention(item.fulfillment_id, REFUSED, "rejected")
    return item.fulfillment_id


def _answer(dialog: QWidget, button: QMessageBox.StandardButton) -> None:
    """Press ``button`` on the message box ``dialog`` opened (without a nested loop)."""
    box = next(b for b in dialog.findChildren(QMessageBox) if b.isVisible())
    found = box.button(button)
    assert found is not None
    found.click()


def test_attention_dialog_retry_edit_discard(qtbot: QtBot, tmp_path: Path) -> None:
    port = FakeStation(tmp_path)
    store = port.store
    fid = _held(store)
    dialog = AttentionDialog(port, Nobody())
    qtbot.addWidget(dialog)
    assert "Redo refused this: bad tracking" in dialog.list.item(0).text()
    dialog.retry()
    assert store.outbox.get(fid).state is OutboxState.PENDING  # type: ignore[union-attr]
    store.outbox.mark_attention(fid, REFUSED, "rejected")
    dialog.reload()
    dialog.edit()
    editor = next(d for d in dialog.findChildren(QDialog) if d.isVisible())
    editor.findChild(QLineEdit).setText("1Z999AA10123456784")  # type: ignore[union-attr]
    editor.accept()
    edited = store.outbox.get(fid)
    assert edited is not None and edited.state is OutboxState.PENDING
    assert edited.summary.tracking == "1Z999AA10123456784"
    assert port.snapshot.label_used_elsewhere("1Z999AA10123456784", "other") == "#1002"
    store.outbox.mark_attention(fid, REFUSED, "rejected")
    dialog.reload()
    dialog.discard()
    assert dialog.take_scan("PS-USER-Ana")  # who discards it: a person, not the station
    _answer(dialog, QMessageBox.StandardButton.Cancel)
    assert store.outbox.get(fid).state is OutboxState.ATTENTION  # type: ignore[union-attr]
    dialog.discard()
    assert dialog.take_scan("PS-USER-Ana")
    _answer(dialog, QMessageBox.StandardButton.Discard)
    assert store.outbox.get(fid).state is OutboxState.DISCARDED  # type: ignore[union-attr]
    assert dialog.list.item(0).text().startswith("Nothing needs attention")
    port.close()


def test_a_box_delivered_while_the_list_is_open_leaves_it(qtbot: QtBot, tmp_path: Path) -> None:
    """The list follows the outbox: a waiting box the sender delivers is gone at once, never
    left as "waiting, next try at 1970-01-01"."""
    port = FakeStation(tmp_path)
    session = PackingSession(demo_order("#1001"))
    session.scan("JKT-RAIN-NVY-M")
    port.store.ship(session, "#1001", TrackingInput("UPS", "1Z999AA10123456784"))
    dialog = AttentionDialog(port, Nobody())
    qtbot.addWidget(dialog)
    waiting = dialog.list.item(0).text()
    assert "sending now" in waiting and "1970" not in waiting
    port.send_all()
    assert dialog.list.item(0).text().startswith("Nothing needs attention")
    port.close()


def test_a_waiting_shipment_shows_its_next_try_and_can_be_retried_now(
    qtbot: QtBot, tmp_path: Path
) -> None:
    import time

    port = FakeStation(tmp_path)
    store = port.store
    fid = _held(store)
    store.outbox.retry(fid)
    later = time.time() + 600
    store.outbox.schedule_retry(fid, 600, Problem(ProblemKind.BUSY, wait=600), "retry")
    dialog = AttentionDialog(port, Nobody())
    qtbot.addWidget(dialog)
    text = dialog.list.item(0).text()
    # The time of day; with the date when the next try falls tomorrow (run near midnight).
    tomorrow = time.strftime("%Y-%m-%d", time.localtime(later)) != time.strftime("%Y-%m-%d")
    shown = time.strftime(("%Y-%m-%d " if tomorrow else "") + "%H:%M", time.localtime(later))
    assert "Waiting to be sent: next try at " + shown in text
    assert "Redo is busy (too many requests) and asked to wait 10 min." in text
    assert dialog.retry_button.isEnabled()
    assert not dialog.discard_button.isEnabled()  # only a held shipment can be discarded
    dialog.retry()
    item = store.outbox.get(fid)
    assert item is not None
    assert item.state is OutboxState.PENDING
    assert item.next_attempt_at <= time.time()
    port.close()


def test_history_lists_and_searches(qtbot: QtBot, tmp_path: Path) -> None:
    port = FakeStation(tmp_path)
    store = port.store
    for ref, sku, tracking in (
        ("#1001", "JKT-RAIN-NVY-M", "1Z999AA10123456784"),
        ("#1002", "BNE-WOOL-CHR", ""),
    ):
        session = PackingSession(demo_order(ref))
        session.scan(sku)
        store.ship(session, ref, TrackingInput("UPS", tracking) if tracking else DummyTracking())
    dialog = HistoryDialog(port)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert dialog.count.text() == "2 shipments"
    dialog.search.setText("1Z999")
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert dialog.count.text() == "1 shipment"  # never "1 shipments"
    assert dialog.table.item(0, 1).text() == "#1001"
    assert dialog.table.item(0, 4).text() == "pending"
    dialog.take_scan("#1002")  # a scan while the history is open searches for it
    qtbot.waitUntil(lambda: dialog.table.item(0, 1).text() == "#1002")
    assert dialog.table.item(0, 3).text() == "dummy tracking"
    assert "#1002" in dialog.note.text()
    port.send_all()  # Redo gives the dummy tracker its number: the history shows it
    qtbot.waitUntil(lambda: dialog.table.item(0, 3).text() != "dummy tracking")
    assert dialog.table.item(0, 3).text().startswith("dummy tracking ")
    port.close()


def test_settings_import_a_catalog_and_switch_auto_ship(
    qtbot: QtBot, tmp_path: Path, sandbox: SandboxServer
) -> None:
    services = _services(tmp_path, sandbox, MemoryKeyring())
    csv_path = tmp_path / "catalog.csv"
    csv_path.write_text(
        "sku,barcode,units\nBNE-WOOL-CHR,2000000123457,\nSOCK-HIK-GRY-M,12345678,x\n", "utf-8"
    )
    runtime = StationRuntime(services)
    dialog = SettingsDialog(runtime)
    qtbot.addWidget(dialog)
    dialog.import_catalog(str(csv_path))
    qtbot.waitUntil(lambda: dialog.catalog_result.text().startswith("✔"), timeout=5000)
    assert "1 barcode imported." in dialog.catalog_result.text()  # never "1 barcodes"
    assert "line 3" in dialog.catalog_result.text()
    assert [e.barcode for e in services.store.catalog.entries()] == ["2000000123457"]
    dialog.auto_ship.setChecked(False)
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    dialog.high_visibility.setChecked(True)
    dialog.save()
    assert services.settings.auto_ship is False
    assert services.settings.language == "de"
    assert services.settings.high_visibility is True
    runtime.shutdown()
    assert runtime.wait_for_workers(5.0)  # the keyring reads on its threads are over
    services.store.close()


def test_attention_offers_settings_for_a_rejected_token(qtbot: QtBot, tmp_path: Path) -> None:
    port = FakeStation(tmp_path)
    store = port.store
    fid = _held(store)
    opened: list[bool] = []
    dialog = AttentionDialog(port, Nobody(), open_settings=lambda: opened.append(True))
    qtbot.addWidget(dialog)
    assert not dialog.settings_button.isVisibleTo(dialog)
    store.outbox.mark_attention(fid, Problem(ProblemKind.TOKEN_REFUSED), "unauthorized")
    dialog.reload()
    assert dialog.settings_button.isVisibleTo(dialog)
    dialog.settings_button.click()
    assert opened == [True]
    port.close()


def test_a_held_reason_is_said_in_the_language_of_the_moment(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    """The outbox keeps why, not a sentence: a language chosen later words it. A row an
    older PackStation held (an English sentence, no facts) shows that sentence as it is."""
    port = FakeStation(tmp_path)
    store = port.store
    _held(store)
    older = _held(store)
    store._conn.execute(
        "UPDATE outbox SET error_facts = '', last_error = 'Redo refused this: old words'"
        " WHERE fulfillment_id = ?",
        (older,),
    )
    try:
        install_language(qapp, "es", tmp_path)
        dialog = AttentionDialog(port, Nobody())
        qtbot.addWidget(dialog)
        texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        assert any("Redo lo rechazó: bad tracking" in t for t in texts)
        assert any("Redo refused this: old words" in t for t in texts)
    finally:
        install_language(qapp, "en", tmp_path)
        port.close()


def test_history_exports_lots_and_serials_as_csv(qtbot: QtBot, tmp_path: Path) -> None:
    from packstation.packing.catalog import CatalogEntry, CatalogMatcher

    port = FakeStation(tmp_path)
    store = port.store
    matcher = CatalogMatcher([CatalogEntry("BNE-WOOL-CHR", "00036000291452")])
    session = PackingSession(demo_order("#1002"), matcher=matcher)
    session.scan("(01)00036000291452(10)LOT-7(21)SER-1")
    store.ship(session, "#1002", TrackingInput("UPS", "1Z999AA10123456784"), packer="Ana")
    other = PackingSession(demo_order("#1001"))
    other.scan("JKT-RAIN-NVY-M")
    store.ship(other, "#1001", DummyTracking())
    dialog = HistoryDialog(port)
    qtbot.addWidget(dialog)
    assert dialog.export_button.text() == "Export CSV…"
    dialog.search.setText("SER-1")  # a serial finds its shipment
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    path = tmp_path / "recall.csv"
    dialog.export_csv(str(path))
    assert dialog.note.text() == f"✔ 1 row written to {path}"
    lines = path.read_text("utf-8-sig").splitlines()
    assert lines[0].startswith("order,box,fulfillment ID,SKU,quantity,lot,expiry,serial")
    assert lines[1].startswith("#1002,,ps-")
    assert ",BNE-WOOL-CHR,1,LOT-7,,SER-1,UPS,1Z999AA10123456784,Ana," in lines[1]
    dialog.export_csv(str(tmp_path / "no-such-dir" / "x.csv"))
    assert dialog.note.text().startswith("✖ Not exported: ")
    port.close()


def test_history_says_sent_to_redo_and_marks_partial_shipments(
    qtbot: QtBot, tmp_path: Path
) -> None:
    port = FakeStation(tmp_path)
    store = port.store
    session = PackingSession(demo_order("#1002"))
    session.scan("BNE-WOOL-CHR")
    item = store.ship(session, "#1002", DummyTracking())
    store.outbox.mark_delivered(item.fulfillment_id)
    dialog = HistoryDialog(port)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    row = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert "sent to Redo" in row
    assert "delivered" not in row
    assert any("partial" in cell for cell in row)
    port.close()


def test_each_locked_setting_says_who_locked_it(
    qtbot: QtBot, tmp_path: Path, sandbox: SandboxServer
) -> None:
    """IT's lock names IT's file; the demo's store says it is the demo's; nothing else is
    blamed on "the command line"."""
    import dataclasses

    services = dataclasses.replace(
        _services(tmp_path, sandbox, MemoryKeyring()),
        demo=True,
        locked=frozenset({"api_url", "store_id", "volume", "printer"}),
        locked_by_it={"volume": "/etc/packstation/config.toml", "printer": "/etc/p.toml"},
    )
    runtime = StationRuntime(services)
    dialog = SettingsDialog(runtime)
    qtbot.addWidget(dialog)
    assert not dialog.volume.isEnabled()
    assert dialog.volume.toolTip() == "Locked by IT in /etc/packstation/config.toml."
    assert dialog.printing.printer.toolTip() == "Locked by IT in /etc/p.toml."
    assert "demo uses its own sandbox store" in dialog.api_url.toolTip()
    assert "demo uses its own sandbox store" in dialog.token.toolTip()
    assert dialog.station.isEnabled()
    dialog.reject()
    runtime.shutdown()
    assert runtime.wait_for_workers(5.0)
    services.store.close()
