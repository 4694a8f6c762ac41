"""A shipment row that cannot be read is held under Needs attention; everything else starts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from packstation.packing import DummyTracking, PackingSession
from packstation.store import NoticeKind, OutboxState, ShipmentProblemKind
from packstation.store.outbox import UNREADABLE
from packstation.store.station import StationStore
from packstation.ui.words.problems import outbox_reason_text
from packstation.ui.words.starting import notice_text
from tests.helpers.orders import demo_order

BAD_ROWS = {
    "bad-request": "request_json = '{\"lineItems\": []}'",
    "bad-json": "request_json = '{not json', summary_json = '[['",
    "bad-types": "attempts = 'many', next_attempt_at = 'soon', created_at = 'yesterday'",
}

# The failure paths these tests provoke are logged on purpose.
pytestmark = pytest.mark.expected_log("could not be read")


def _ship(store: StationStore, fid: str, ref: str = "#1002") -> None:
    session = PackingSession(demo_order(ref))
    sku = session.line(0).item.sku
    assert sku
    session.scan(sku)
    store.ship(session, ref, DummyTracking(), fulfillment_id=fid)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """A station database with one good waiting shipment and three damaged rows."""
    db = tmp_path / "station.sqlite3"
    store = StationStore(db)
    _ship(store, "good", "#1001")
    for fid in BAD_ROWS:
        _ship(store, fid)
    store.close()
    conn = sqlite3.connect(db)
    for fid, change in BAD_ROWS.items():
        conn.execute(f"UPDATE outbox SET {change} WHERE fulfillment_id = ?", (fid,))
    conn.commit()
    conn.close()
    return db


def _raw(db: Path, fid: str) -> tuple[object, ...]:
    conn = sqlite3.connect(db)
    row = conn.execute(
        "SELECT request_json, summary_json, created_at FROM outbox WHERE fulfillment_id = ?",
        (fid,),
    ).fetchone()
    conn.close()
    return tuple(row)


def test_unreadable_rows_are_held_and_everything_else_starts(path: Path) -> None:
    before = {fid: _raw(path, fid) for fid in BAD_ROWS}
    store = StationStore(path)
    try:
        held = store.outbox.items(OutboxState.ATTENTION)
        assert sorted(i.fulfillment_id for i in held) == sorted(BAD_ROWS)
        for item in held:
            assert item.unreadable
            assert item.error_kind == UNREADABLE
            assert item.reason is not None
            assert item.reason.kind is ShipmentProblemKind.UNREADABLE
            assert item.summary.order_ref  # something to recognise it by
        assert store.outbox.counts().attention == 3
        assert store.outbox.counts().pending == 1
        (notice,) = store.notices
        assert (notice.kind, notice.count) == (NoticeKind.UNREADABLE_HELD, 3)
        said = notice_text(notice)
        assert said.startswith("3 waiting shipments could not be read")
        assert "Needs attention" in said
        reason = outbox_reason_text(held[0])
        assert "could not be read" in reason
        for text in (said, reason):
            assert "validation error" not in text.lower()
            assert "{" not in text
        due = store.outbox.next_due()
        assert due is not None
        assert due.fulfillment_id == "good"
        assert len(store.outbox.history()) == 4
        assert store.outbox.tracking_used_elsewhere("1Z999", "nobody") is None
        assert store.stats()  # counts what it can read
    finally:
        store.close()
    assert {fid: _raw(path, fid) for fid in BAD_ROWS} == before, "a held row was rewritten"


def test_a_held_row_is_never_sent_and_keeps_its_request(path: Path) -> None:
    store = StationStore(path)
    try:
        before = _raw(path, "bad-request")
        store.outbox.retry("bad-request")
        store.outbox.edit_tracking("bad-request", "UPS", "1Z999AA10123456784")
        item = store.outbox.get("bad-request")
        assert item is not None
        assert item.state is OutboxState.ATTENTION
        assert _raw(path, "bad-request") == before
        store.outbox.mark_delivered("good")
        assert store.outbox.next_due() is None
        store.outbox.discard("bad-request", "Ana")
        assert [i.fulfillment_id for i in store.outbox.items(OutboxState.DISCARDED)] == [
            "bad-request"
        ]
    finally:
        store.close()


def test_a_row_that_goes_bad_while_running_is_held_by_the_sender(tmp_path: Path) -> None:
    store = StationStore(tmp_path / "station.sqlite3")
    try:
        _ship(store, "first")
        _ship(store, "second", "#1001")
        store._conn.execute(
            "UPDATE outbox SET request_json = 'null' WHERE fulfillment_id = 'first'"
        )
        due = store.outbox.next_due()
        assert due is not None
        assert due.fulfillment_id == "second"
        assert [i.fulfillment_id for i in store.outbox.items(OutboxState.ATTENTION)] == ["first"]
        assert [i.fulfillment_id for i in store.outbox.items(OutboxState.PENDING)] == ["second"]
    finally:
        store.close()


def test_a_repaired_row_can_be_retried(path: Path) -> None:
    store = StationStore(path)
    try:
        good = store._conn.execute(
            "SELECT request_json FROM outbox WHERE fulfillment_id = 'good'"
        ).fetchone()[0]
        store._conn.execute(
            "UPDATE outbox SET request_json = ? WHERE fulfillment_id = 'bad-request'", (good,)
        )
        store.outbox.retry("bad-request")
        item = store.outbox.get("bad-request")
        assert item is not None
        assert item.state is OutboxState.PENDING
        assert not item.unreadable
    finally:
        store.close()
