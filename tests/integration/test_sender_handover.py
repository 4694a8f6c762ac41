"""Taking a sender's client away is a handover: a row queued after ``set_client`` returned
is never sent with the client it replaced, however late the sender's thread runs.

The runtime replaces the client when the settings change and takes it away on closing; the
window's tests take it away to own a row (``test_needs_attention_is_a_red_badge``). On a
busy machine a sender's thread could be woken, read its client, and be descheduled before
it picked the next row: a row queued meanwhile went out with the client taken away (the
badge test's row was sent, and its "Needs attention: 1" never came). Here the sender is
held at exactly that point by an event, not by luck or a sleep, for both senders: the
shipments' and the returns'.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import pytest

from packstation.packing import PackingSession, TrackingInput
from packstation.redo import RedoClient
from packstation.sandbox import SandboxServer
from packstation.store import Connectivity, Sender
from packstation.store.returns_sender import ReturnsSender
from packstation.store.station import StationStore
from tests.helpers.orders import demo_order

#: Only a stuck thread waits this long: every wait below is for an event.
STUCK = 60.0

#: The demo's #1010 return: open, two items (as ``test_returns_sender.py`` queues it).
OPEN_TWO = "675a1c00e4b0d3f19a7c0004"
PRODUCTS = [
    {"_id": "675a1c00e4b0d3f19a7c1041", "processInput": {"restock": True}},
    {"_id": "675a1c00e4b0d3f19a7c1042", "reject": True},
]


class AnySender(Protocol):
    def set_client(self, client: RedoClient | None) -> None: ...
    def start(self) -> None: ...
    def stop(self) -> None: ...
    def join(self) -> object: ...


@dataclass
class Kind:
    """One sender: its outbox, how it is built, a row to queue, and how many wait."""

    name: str
    outbox: Callable[[StationStore], Any]
    build: Callable[[StationStore, Callable[[object], None]], AnySender]
    queue: Callable[[StationStore], None]
    waiting: Callable[[StationStore], int]
    #: The event that says a row went out.
    sent: str
    #: The sender's thread.
    thread: str


def _ship(store: StationStore) -> None:
    session = PackingSession(demo_order("#1002"))
    session.scan("BNE-WOOL-CHR")
    store.ship(session, "#1002", TrackingInput("UPS", "1Z999AA10123456784"))


def _receive(store: StationStore) -> None:
    store.returns_outbox.process(
        job_id="rx-handover",
        return_id=OPEN_TWO,
        order_name="#1010",
        products=PRODUCTS,
        comment="Received at Bench 3 by Ana: 1 sellable; 1 not received.",
        summary={},
        packer="Ana",
    )


def _sender(store: StationStore, on_event: Callable[[object], None]) -> AnySender:
    return Sender(store.outbox, on_event)


def _returns_sender(store: StationStore, on_event: Callable[[object], None]) -> AnySender:
    return ReturnsSender(store.returns_outbox, on_event)


KINDS = [
    Kind(
        "shipments",
        lambda store: store.outbox,
        _sender,
        _ship,
        lambda store: store.outbox.counts().pending,
        "Delivered",
        "packstation-sender",
    ),
    Kind(
        "returns",
        lambda store: store.returns_outbox,
        _returns_sender,
        _receive,
        lambda store: store.returns_outbox.counts()[0],
        "ReturnDone",
        "packstation-returns-sender",
    ),
]


class Held:
    """A sender whose thread stops, once, where it is about to pick the next row, and
    says when it goes back to sleep after that."""

    def __init__(self, store: StationStore, kind: Kind) -> None:
        self.picking = threading.Event()
        self.go_on = threading.Event()
        self.asleep = threading.Event()
        self.sent = threading.Event()
        self.events: list[object] = []
        self._thread = kind.thread
        outbox = kind.outbox(store)
        next_due, wait = outbox.next_due, outbox.wait

        def held_next_due() -> object:
            if self._in_sender() and not self.go_on.is_set():
                self.picking.set()
                assert self.go_on.wait(STUCK), "the test never let the sender go on"
            return next_due()

        def watched_wait(timeout: float, since: int, stop: threading.Event) -> None:
            if self._in_sender() and self.go_on.is_set():
                self.asleep.set()
            wait(timeout, since, stop)

        # This outbox's own attributes: only this test's sender sees them.
        outbox.next_due = held_next_due
        outbox.wait = watched_wait

        def on_event(event: object) -> None:
            self.events.append(event)
            if type(event).__name__ == kind.sent:
                self.sent.set()

        self.sender = kind.build(store, on_event)

    def _in_sender(self) -> bool:
        return threading.current_thread().name == self._thread


@pytest.fixture
def requests(sandbox: SandboxServer) -> list[tuple[str, str]]:
    seen: list[tuple[str, str]] = []
    sandbox.on_request = lambda method, path: seen.append((method, path))
    return seen


@pytest.fixture
def store(tmp_path: Path) -> StationStore:
    return StationStore(tmp_path / "station.sqlite3")


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_a_row_queued_after_the_client_was_taken_away_is_not_sent_with_it(
    kind: Kind,
    client: RedoClient,
    requests: list[tuple[str, str]],
    store: StationStore,
) -> None:
    held = Held(store, kind)
    held.sender.set_client(client)
    try:
        held.sender.start()
        # Awake with a client, about to pick a row: the moment a busy machine stretches.
        assert held.picking.wait(STUCK)
        held.sender.set_client(None)
        kind.queue(store)
        held.go_on.set()
        assert held.asleep.wait(STUCK)  # the row was seen, and left alone
        assert requests == []  # nothing reached Redo
        assert kind.waiting(store) == 1  # still waiting, for a client
        assert held.events == []
    finally:
        held.sender.stop()
        held.sender.join()  # before the database closes under it
        store.close()


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_the_row_goes_out_once_a_client_is_given_back(
    kind: Kind, client: RedoClient, store: StationStore
) -> None:
    """The handover costs nothing: a sender without a client sleeps until one is set
    (``set_client`` wakes it), then sends what waited."""
    held = Held(store, kind)
    held.go_on.set()  # never held here
    try:
        held.sender.start()
        assert held.asleep.wait(STUCK)  # asleep, without a client
        kind.queue(store)
        held.sender.set_client(client)
        assert held.sent.wait(STUCK)
        assert [e for e in held.events if not isinstance(e, Connectivity)] != []
        assert kind.waiting(store) == 0
    finally:
        held.sender.stop()
        held.sender.join()  # before the database closes under it
        store.close()
