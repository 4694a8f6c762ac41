"""The Needs attention dialog shows a shipment that could not be read, as a sentence."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from packstation.packing import DummyTracking, PackingSession
from packstation.store import OutboxState
from packstation.store.station import StationStore
from packstation.ui.views.attention_dialog import AttentionDialog
from packstation.ui.views.history_dialog import HistoryDialog
from tests.helpers.fakes import Nobody
from tests.helpers.orders import demo_order
from tests.helpers.station import FakeStation

# The failure paths these tests provoke are logged on purpose.
pytestmark = pytest.mark.expected_log("could not be read")


def test_an_unreadable_shipment_is_listed_under_needs_attention(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "station.sqlite3"
    store = StationStore(path)
    session = PackingSession(demo_order("#1002"))
    sku = session.line(0).item.sku
    assert sku
    session.scan(sku)
    store.ship(session, "#1002", DummyTracking(), fulfillment_id="ps-broken")
    store.close()
    conn = sqlite3.connect(path)
    conn.execute('UPDATE outbox SET request_json = \'{"lineItems": [{"id": 7}]}\'')
    conn.commit()
    conn.close()

    port = FakeStation(tmp_path)
    store = port.store
    try:
        dialog = AttentionDialog(port, Nobody())
        qtbot.addWidget(dialog)
        assert dialog.list.count() == 1
        text = dialog.list.item(0).text()
        assert text.startswith("#1002 · 1 item ·")
        assert "could not be read" in text
        assert "ps-broken" in dialog.list.item(0).toolTip()
        assert "validation error" not in text.lower()
        dialog.retry()  # nothing to send: it stays held
        assert [i.fulfillment_id for i in store.outbox.items(OutboxState.ATTENTION)] == [
            "ps-broken"
        ]
        history = HistoryDialog(port)
        qtbot.addWidget(history)
        assert history.table.rowCount() == 1
    finally:
        store.close()
