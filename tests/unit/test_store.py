"""The journal and the outbox on a real SQLite file."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from packstation.packing import DummyTracking, NothingPackedError, PackingSession, TrackingInput
from packstation.redo.errors import Problem, ProblemKind
from packstation.redo.models import FulfillmentLineRequest, ShipmentStatus
from packstation.store import OutboxState, ShipmentProblem, ShipmentProblemKind, ShippingInputs
from packstation.store.sender import backoff, over_fulfilment
from packstation.store.station import StationStore
from packstation.ui.words.problems import outbox_reason_text
from tests.helpers.orders import demo_order, make_order
from tests.unit.clocks import redo_says

OFFLINE = Problem(ProblemKind.UNREACHABLE, host="api.example")
REFUSED = Problem(ProblemKind.REFUSED, status=400, said="bad tracking")


@pytest.fixture
def store(tmp_path: Path) -> StationStore:
    station = StationStore(tmp_path / "station.sqlite3")
    yield station  # type: ignore[misc]
    station.close()


def test_database_uses_wal_and_full_sync(store: StationStore) -> None:
    conn = store._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_journal_round_trip(store: StationStore, tmp_path: Path) -> None:
    order = demo_order("#1002")
    store.journal.open("#1002", order)
    inputs = ShippingInputs("UPS", "1Z999AA10123456784", True, ShipmentStatus.IN_TRANSIT, "hi")
    store.journal.save(order.order_id, {"li_1002_001": 2}, inputs, "scan", "SOCK")
    store.close()
    reopened = StationStore(tmp_path / "station.sqlite3")
    saved = reopened.journal.load()
    reopened.close()
    assert saved is not None
    assert saved.order_ref == "#1002"
    assert saved.order == order
    assert saved.packed == {"li_1002_001": 2}
    assert saved.shipping == inputs


def test_journal_close_forgets_the_session(store: StationStore) -> None:
    order = demo_order("#1001")
    store.journal.open("#1001", order)
    store.journal.close(order.order_id, "cleared")
    assert store.journal.load() is None


def test_mis_scans_are_counted(store: StationStore) -> None:
    order = demo_order("#1001")
    store.journal.open("#1001", order)
    since = time.time() - 1
    for _ in range(3):
        store.journal.save(order.order_id, {}, ShippingInputs(), "mis-scan", "X")
    assert store.journal.mis_scans(since) == 3


def _packed_session(ref: str = "#1002") -> PackingSession:
    session = PackingSession(demo_order(ref))
    sku = session.line(0).item.sku
    assert sku
    session.scan(sku)
    return session


def test_ship_queues_and_closes_the_session_in_one_step(store: StationStore) -> None:
    session = _packed_session()
    store.journal.open("#1002", session.order)
    item = store.ship(session, "#1002", TrackingInput("UPS", "1Z999AA10123456784"), packer="ana")
    assert item.state is OutboxState.PENDING
    assert item.fulfillment_id.startswith("ps-")
    assert item.request.fulfillment_id == item.fulfillment_id
    assert item.summary.units == 1
    assert item.summary.lines == (("Hiking Socks, 2-pack - Grey / M", 1),)
    assert store.journal.load() is None
    assert store.outbox.counts().pending == 1
    # The item is built from what was written, not read back: it must be what a read gives.
    assert item == store.outbox.get(item.fulfillment_id)


def test_a_box_of_several_is_returned_as_a_read_gives_it(store: StationStore) -> None:
    session = _packed_session()
    store.journal.open("#1002", session.order)
    item = store.ship_box(session, "#1002", DummyTracking(), box=1, packer="ana")
    assert item == store.outbox.get(item.fulfillment_id)
    assert item.summary.box == 1 and item.summary.dummy


def test_ship_with_nothing_packed_touches_nothing(store: StationStore) -> None:
    session = PackingSession(demo_order("#1002"))
    store.journal.open("#1002", session.order)
    with pytest.raises(NothingPackedError):
        store.ship(session, "#1002", DummyTracking())
    assert store.journal.load() is not None
    assert store.outbox.counts().pending == 0


def test_next_due_is_oldest_first_and_never_overtakes_within_an_order(store: StationStore) -> None:
    a = store.ship(_packed_session("#1002"), "#1002", DummyTracking(), fulfillment_id="a")
    b = store.ship(_packed_session("#1002"), "#1002", DummyTracking(), fulfillment_id="b")
    c = store.ship(_packed_session("#1001"), "#1001", DummyTracking(), fulfillment_id="c")
    due = store.outbox.next_due()
    assert due is not None
    assert due.fulfillment_id == a.fulfillment_id
    store.outbox.schedule_retry("a", 60, OFFLINE, "retry")
    due = store.outbox.next_due()
    assert due is not None
    # b belongs to the same order as a, which is waiting: c goes first.
    assert due.fulfillment_id == c.fulfillment_id
    store.outbox.mark_delivered("a")
    due = store.outbox.next_due()
    assert due is not None
    assert due.fulfillment_id == b.fulfillment_id


def test_attention_retry_edit_and_discard(store: StationStore) -> None:
    store.ship(_packed_session(), "#1002", TrackingInput("UPS", "1Z1"), fulfillment_id="x")
    store.outbox.mark_attention("x", REFUSED, "rejected")
    assert store.outbox.counts().attention == 1
    store.outbox.edit_tracking("x", "FedEx", " 9865 7878 8855 ")
    item = store.outbox.get("x")
    assert item is not None
    assert item.state is OutboxState.PENDING
    assert item.request.tracking is not None
    assert (item.request.tracking.carrier, item.request.tracking.code) == ("FedEx", "986578788855")
    assert item.request.fulfillment_id == "x"  # same ID: still exactly once
    assert item.summary.tracking == "986578788855"
    store.outbox.mark_attention("x", REFUSED, "rejected")
    store.outbox.retry("x")
    assert store.outbox.counts().pending == 1
    store.outbox.discard("x", "Ana")
    assert store.outbox.history() == []


def test_unauthorized_items_are_released_after_a_new_token(store: StationStore) -> None:
    store.ship(_packed_session(), "#1002", DummyTracking(), fulfillment_id="u")
    store.outbox.mark_attention("u", Problem(ProblemKind.TOKEN_REFUSED), "unauthorized")
    assert store.outbox.retry_all_unauthorized() == 1
    assert store.outbox.counts().pending == 1


def test_history_search_and_purge(store: StationStore) -> None:
    store.ship(
        _packed_session("#1002"),
        "#1002",
        TrackingInput("UPS", "1Z999AA10123456784"),
        fulfillment_id="h1",
    )
    store.ship(
        _packed_session("#1001"),
        "#1001",
        TrackingInput("USPS", "9400111899223197428497"),
        fulfillment_id="h2",
    )
    assert [i.fulfillment_id for i in store.outbox.history("1Z999")] == ["h1"]
    assert [i.fulfillment_id for i in store.outbox.history("#1001")] == ["h2"]
    assert len(store.outbox.history()) == 2
    store.outbox.mark_delivered("h1")
    store._conn.execute(
        "UPDATE outbox SET created_at = created_at - 40 * 86400 WHERE fulfillment_id = 'h1'"
    )
    assert store.outbox.purge(keep_days=30, server=redo_says(time.time())) == 1
    assert [i.fulfillment_id for i in store.outbox.history()] == ["h2"]


def test_tracking_used_on_another_order_is_found(store: StationStore) -> None:
    store.ship(_packed_session("#1002"), "#1002", TrackingInput("UPS", "1Z999AA10123456784"))
    assert store.outbox.tracking_used_elsewhere("1Z999AA10123456784", "5801001") == "#1002"
    assert store.outbox.tracking_used_elsewhere("1Z999AA10123456784", "5801002") is None


def test_backoff_grows_has_jitter_and_honours_retry_after() -> None:
    delays = [backoff(n) for n in range(1, 12)]
    assert all(0.5 <= d <= 300 for d in delays)
    assert backoff(3, retry_after=42) >= 42
    assert max(backoff(10) for _ in range(20)) > 4


def test_over_fulfilment_is_detected() -> None:
    order = make_order([("A", 2)], fulfilled=[(0, 1)])
    session = PackingSession(make_order([("A", 2)]))
    session.scan("A")
    session.scan("A")
    request = session.to_request(DummyTracking())
    problem = over_fulfilment(order, request)
    assert problem == ShipmentProblem(
        ShipmentProblemKind.SHIPPED_ELSEWHERE, title=order.line_items[0].title, left=1, held=2
    )
    assert over_fulfilment(make_order([("A", 2)]), request) is None
    other = request.model_copy(update={"line_items": [FulfillmentLineRequest(id="L9", quantity=1)]})
    assert over_fulfilment(order, other) == ShipmentProblem(
        ShipmentProblemKind.LINE_GONE, line="L9"
    )


def test_a_reason_is_kept_as_facts_and_worded_when_shown(store: StationStore) -> None:
    store.ship(_packed_session(), "#1002", DummyTracking(), fulfillment_id="r")
    store.outbox.schedule_retry("r", 60, Problem(ProblemKind.BUSY, wait=120), "retry")
    item = store.outbox.get("r")
    assert item is not None
    assert item.reason == Problem(ProblemKind.BUSY, wait=120)
    assert outbox_reason_text(item) == "Redo is busy (too many requests) and asked to wait 2 min."
    assert item.last_error == "redo busy (wait=120.0)"  # the log's account, not a sentence
    store.outbox.retry_now("r")
    store.outbox.mark_attention("r", REFUSED, "rejected")
    item = store.outbox.get("r")
    assert item is not None
    assert item.reason == REFUSED
    assert outbox_reason_text(item) == "Redo refused this: bad tracking"
    store.outbox.retry("r")  # pending again: the last reason stays until it is delivered
    assert store.outbox.get("r").reason == REFUSED  # type: ignore[union-attr]
    store.outbox.mark_delivered("r")
    delivered = store.outbox.get("r")
    assert delivered is not None
    assert (delivered.reason, delivered.last_error) == (None, "")


@pytest.mark.parametrize(
    "facts",
    [
        "",  # written by a version from before reasons were kept as facts
        "{not json",  # damaged
        '{"redo": {"kind": "a_kind_from_a_newer_version"}}',
        '{"outbox": {"kind": "line_gone", "left": "many"}}',
        '{"elsewhere": {}}',
    ],
)
def test_a_row_without_readable_facts_shows_its_stored_text(
    store: StationStore, facts: str
) -> None:
    store.ship(_packed_session(), "#1002", DummyTracking(), fulfillment_id="old")
    store._conn.execute(
        "UPDATE outbox SET state = 'attention', error_kind = 'rejected',"
        " last_error = 'Redo refused this: bad tracking', error_facts = ?"
        " WHERE fulfillment_id = 'old'",
        (facts,),
    )
    item = store.outbox.get("old")
    assert item is not None
    assert item.state is OutboxState.ATTENTION  # its request is sound: it is not quarantined
    assert item.reason is None
    assert outbox_reason_text(item) == "Redo refused this: bad tracking"


def test_reads_do_not_wait_for_a_write_in_progress(store: StationStore) -> None:
    """The window reads counts and history on its own connection, never behind a commit."""
    import threading

    store.ship(_packed_session(), "#1002", DummyTracking(), fulfillment_id="r1")
    writing = threading.Event()
    release = threading.Event()

    def long_write() -> None:
        with store._lock:  # as a commit waiting on fsync would hold it
            writing.set()
            release.wait(120)  # released by the test, after the reader is judged

    writer = threading.Thread(target=long_write)
    writer.start()
    try:
        assert writing.wait(60)
        answers: list[int] = []
        reader = threading.Thread(target=lambda: answers.append(store.outbox.counts().pending))
        reader.start()
        reader.join(timeout=60)  # a reader that waited for the writer waits until release
        assert answers == [1], "counts() waited for the writer"
        assert [i.fulfillment_id for i in store.outbox.history()] == ["r1"]
    finally:
        release.set()
        writer.join()
        reader.join()


def test_a_label_is_found_through_the_indexed_tracking_column(tmp_path: Path) -> None:
    """Rows written before the column existed are backfilled from their summary; the
    check uses the index (the query plan says so), never a scan of every summary."""
    import sqlite3

    from packstation.store.station import StationStore

    db = tmp_path / "station.sqlite3"
    store = StationStore(db)
    store.close()
    raw = sqlite3.connect(db)
    raw.execute("DROP INDEX outbox_tracking")
    raw.execute("ALTER TABLE outbox DROP COLUMN tracking")
    raw.execute(
        "INSERT INTO outbox (fulfillment_id, order_id, order_ref, request_json, summary_json,"
        " state, created_at, updated_at) VALUES ('ps-old', 'o1', '#1001', '{}', ?, 'delivered',"
        " 1, 1)",
        ('{"order_ref": "#1001", "units": 1, "carrier": "UPS", "tracking": "1Z999AA10123456784"}',),
    )
    raw.commit()
    raw.close()
    store = StationStore(db)
    try:
        assert store.outbox.tracking_used_elsewhere("1z999 aa1 0123456784", "o2") == "#1001"
        assert store.outbox.tracking_used_elsewhere("1Z999AA10123456784", "o1") is None
        assert store.outbox.labels_in_use() == {"1Z999AA10123456784": ("o1", "#1001")}
        plan = " ".join(
            str(tuple(row))
            for row in store._conn.execute(
                "EXPLAIN QUERY PLAN SELECT order_ref FROM outbox WHERE tracking = ?"
                " AND tracking != ''",
                ("x",),
            )
        )
        assert "outbox_tracking" in plan
    finally:
        store.close()
