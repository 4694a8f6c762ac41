"""Received returns on their way to Redo: queued with the open return closed in one commit,
due and retried on the bench's schedule, processed then commented, held for a person."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest

from packstation.store.problems import ShipmentProblem, ShipmentProblemKind
from packstation.store.station import StationStore

PRODUCTS = [{"_id": "ri_1", "processInput": {"restock": True}}, {"_id": "ri_2", "reject": True}]
BUG = ShipmentProblem(ShipmentProblemKind.UNEXPECTED)


@pytest.fixture
def store(tmp_path: Path) -> StationStore:
    return StationStore(tmp_path / "station.sqlite3")


def job(job_id: str = "rx-1", **more: Any) -> dict[str, Any]:
    return {
        "job_id": job_id,
        "return_id": "ret_1",
        "order_name": "#1001",
        "products": PRODUCTS,
        "comment": f"PackStation {job_id}: 1 sellable",
        "summary": {"sellable": 1, "damaged": 0, "undeclared": []},
        "packer": "Ana",
        **more,
    }


def test_processing_queues_the_job_and_closes_the_open_return_in_one_commit(
    store: StationStore,
) -> None:
    outbox = store.returns_outbox
    outbox.keep_open("ret_1", '{"id": "ret_1"}', {"ri_1": [["sellable", ""]]})
    assert outbox.open_return() == ("ret_1", '{"id": "ret_1"}', {"ri_1": [["sellable", ""]]})
    outbox.process(**job())
    assert outbox.open_return() is None
    due = outbox.next_due()
    assert due is not None
    assert (due.id, due.state, due.products, due.packer) == (
        "rx-1",
        "pending",
        tuple(PRODUCTS),
        "Ana",
    )


def test_a_failed_queue_keeps_the_open_return(store: StationStore) -> None:
    outbox = store.returns_outbox
    outbox.keep_open("ret_1", "{}", {})
    outbox.process(**job())
    outbox.keep_open("ret_1", "{}", {})
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        outbox.process(**job())  # the same ID again: nothing of it is written
    assert outbox.open_return() is not None


def test_the_open_return_survives_a_restart(tmp_path: Path) -> None:
    store = StationStore(tmp_path / "station.sqlite3")
    store.returns_outbox.keep_open("ret_1", "{}", {"ri_1": [["damaged", "Torn"]]})
    store.close()
    again = StationStore(tmp_path / "station.sqlite3")
    assert again.returns_outbox.open_return() == ("ret_1", "{}", {"ri_1": [["damaged", "Torn"]]})
    again.close()


def test_processed_then_commented_then_done(store: StationStore) -> None:
    outbox = store.returns_outbox
    outbox.process(**job())
    outbox.mark_processed("rx-1")
    commenting = outbox.next_due()
    assert commenting is not None and commenting.state == "commenting"
    outbox.mark_done("rx-1")
    assert outbox.next_due() is None
    assert outbox.next_wait() is None
    assert outbox.counts() == (0, 0)


def test_a_retry_waits_its_delay_and_a_held_job_waits_for_a_person(store: StationStore) -> None:
    outbox = store.returns_outbox
    outbox.process(**job())
    outbox.schedule_retry("rx-1", 30.0, BUG, "retry")
    assert outbox.next_due() is None
    wait = outbox.next_wait()
    assert wait is not None and 29.0 < wait <= 30.0
    outbox.mark_attention("rx-1", BUG, "rejected", "400: item already processed")
    assert outbox.next_wait() is None
    (held,) = outbox.held()
    assert (held.error_kind, held.last_error, held.attempts) == (
        "rejected",
        "400: item already processed",
        1,
    )
    assert outbox.counts() == (0, 1)
    outbox.retry("rx-1")
    again = outbox.next_due()
    assert again is not None and again.state == "pending"


def test_a_job_held_after_processing_is_retried_as_its_comment_only(store: StationStore) -> None:
    outbox = store.returns_outbox
    outbox.process(**job())
    outbox.mark_processed("rx-1")
    outbox.mark_attention("rx-1", BUG, "comment")
    outbox.retry("rx-1")
    again = outbox.next_due()
    assert again is not None and again.state == "commenting"


def test_a_queued_job_wakes_a_waiting_sender(store: StationStore) -> None:
    outbox = store.returns_outbox
    since = outbox.generation()
    woke = threading.Event()

    def sender() -> None:
        outbox.wait(10.0, since, threading.Event())
        woke.set()

    thread = threading.Thread(target=sender)
    thread.start()
    outbox.process(**job())
    thread.join(60.0)
    assert woke.is_set() and not thread.is_alive()
