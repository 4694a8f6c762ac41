"""A Retry-After cannot park a shipment, the window learns the real next attempt, and a
lead can say "retry now" (issue 12, item 5)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from packstation.packing import DummyTracking, PackingSession
from packstation.redo import RedoClient, Timeouts
from packstation.redo.errors import RETRY_AFTER_MAX, Problem, ProblemKind
from packstation.store import OutboxState
from packstation.store.sender import Sender, SenderEvent, WillRetry, backoff
from packstation.store.station import StationStore
from tests.helpers.orders import demo_order
from tests.helpers.rawserver import answer, raw_server, recording


@pytest.fixture
def store(tmp_path: Path) -> Iterator[StationStore]:
    station = StationStore(tmp_path / "station.sqlite3")
    yield station
    station.close()


def _ship(store: StationStore, fulfillment_id: str = "f-1") -> str:
    session = PackingSession(demo_order("#1002"))
    session.scan("SOCK-HIK-GRY-M")
    return store.ship(
        session, "#1002", DummyTracking(), fulfillment_id=fulfillment_id
    ).fulfillment_id


@pytest.mark.parametrize("asked", [1e9, float("inf"), 1e308])
def test_backoff_never_waits_longer_than_the_maximum(asked: float) -> None:
    assert 0.5 <= backoff(1, asked) <= RETRY_AFTER_MAX == 900.0


@pytest.mark.parametrize("asked", [float("nan"), float("-inf"), -5.0])
def test_backoff_ignores_a_retry_after_that_is_not_a_wait(asked: float) -> None:
    assert 0.5 <= backoff(1, asked) <= 1.0


class _Station:
    """A store and its real sender, talking to a raw server that always answers 429."""

    def __init__(self, store: StationStore, url: str) -> None:
        self.store = store
        self.events: list[SenderEvent] = []
        self.retried = threading.Event()
        self.client = RedoClient(
            token="tok-r", store_id="s1", base_url=url, timeouts=Timeouts(total=5)
        )
        self.sender = Sender(store.outbox, self._event, self.client)

    def _event(self, event: SenderEvent) -> None:
        self.events.append(event)
        if isinstance(event, WillRetry):
            self.retried.set()

    def close(self) -> None:
        self.sender.stop()
        self.client.close()


def test_a_huge_retry_after_is_clamped_and_the_next_attempt_is_known(
    store: StationStore,
) -> None:
    requests: list[bytes] = []
    busy = answer(
        "429 Too Many Requests",
        "application/problem+json",
        b"{}",
        "Retry-After: 1000000000\r\n",
    )
    with raw_server(recording(busy, requests)) as url:
        station = _Station(store, url)
        try:
            fid = _ship(store)
            before = time.time()
            station.sender.start()
            assert station.retried.wait(10)
        finally:
            station.close()
    event = next(e for e in station.events if isinstance(e, WillRetry))
    assert 899.0 <= event.delay <= RETRY_AFTER_MAX  # not 31.7 years
    assert before + event.delay - 1 <= event.next_attempt_at <= time.time() + event.delay
    assert event.item.next_attempt_at == event.next_attempt_at  # the item is the scheduled one
    stored = store.outbox.get(fid)
    assert stored is not None
    assert stored.next_attempt_at == event.next_attempt_at
    # The reason carries the wait Redo asked for (bounded), nothing the schedule does not keep.
    assert event.reason == Problem(ProblemKind.BUSY, wait=RETRY_AFTER_MAX)
    assert stored.reason == event.reason


def test_retry_now_sends_a_waiting_shipment_at_once(store: StationStore) -> None:
    requests: list[bytes] = []
    busy = answer(
        "429 Too Many Requests", "application/problem+json", b"{}", "Retry-After: 900\r\n"
    )
    with raw_server(recording(busy, requests)) as url:
        station = _Station(store, url)
        try:
            fid = _ship(store)
            station.sender.start()
            assert station.retried.wait(10)
            station.retried.clear()
            assert len(requests) == 1  # parked for 15 minutes
            assert store.outbox.retry_now(fid)
            assert station.retried.wait(10), "retry now did not send again"
        finally:
            station.close()
    assert len(requests) == 2
    item = store.outbox.get(fid)
    assert item is not None
    assert item.state is OutboxState.PENDING
    assert item.attempts == 2  # the history of attempts is kept


def test_retry_now_touches_only_a_pending_shipment(store: StationStore) -> None:
    waiting = _ship(store, "waiting")
    held = _ship(store, "held")
    busy = Problem(ProblemKind.BUSY)
    store.outbox.schedule_retry(waiting, 900, busy, "retry")
    store.outbox.mark_attention(held, Problem(ProblemKind.REFUSED, said="no"), "rejected")
    assert store.outbox.next_due() is None
    assert not store.outbox.retry_now(held)
    assert not store.outbox.retry_now("no-such-shipment")
    held_item = store.outbox.get(held)
    assert held_item is not None
    assert held_item.state is OutboxState.ATTENTION
    assert store.outbox.retry_now(waiting)
    due = store.outbox.next_due()
    assert due is not None
    assert due.fulfillment_id == waiting
    assert due.reason == busy  # what it waited for is kept
