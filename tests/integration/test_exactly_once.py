"""The fault matrix: every packed box ends delivered exactly once, or held with a message."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from packstation.packing import DummyTracking, PackingSession
from packstation.redo import Problem, ProblemKind, RedoClient, Timeouts
from packstation.sandbox import SandboxServer
from packstation.store import (
    Delivered,
    NeedsAttention,
    OutboxState,
    Sender,
    SenderEvent,
    ShipmentProblem,
    ShipmentProblemKind,
)
from packstation.store.station import StationStore
from tests.helpers.orders import demo_order
from tests.helpers.rawserver import closed_port

FAST = Timeouts(connect=1, read=0.5, write=1, pool=1)

# The failure paths these tests provoke are logged on purpose.
pytestmark = pytest.mark.expected_log("needs attention")


class Rig:
    """A station (store + sender) shipping to the sandbox, with faults scripted per attempt."""

    def __init__(self, sandbox: SandboxServer, tmp_path: Path) -> None:
        self.sandbox = sandbox
        self.store = StationStore(tmp_path / "station.sqlite3")
        self.clients: list[RedoClient] = []
        self.good = self.client()
        self.events: list[SenderEvent] = []
        self.retry_afters: list[float | None] = []
        self.done = threading.Event()
        self.script: list[Callable[[], None]] = []
        self.sender = Sender(self.store.outbox, self._event, self.good, backoff_fn=self._backoff)

    def client(self, base_url: str | None = None, store_id: str | None = None) -> RedoClient:
        client = RedoClient(
            token=self.sandbox.token,
            store_id=store_id or self.sandbox.store_id,
            base_url=base_url or self.sandbox.base_url,
            timeouts=FAST,
        )
        self.clients.append(client)
        return client

    def _event(self, event: SenderEvent) -> None:
        self.events.append(event)
        if isinstance(event, Delivered | NeedsAttention):
            self.done.set()

    def _backoff(self, attempt: int, retry_after: float | None) -> float:
        """Called after each failed attempt: set up the next one from the script."""
        self.retry_afters.append(retry_after)
        self.sender.set_client(self.good)
        if self.script:
            self.script.pop(0)()
        return 0.01

    def ship_one(self) -> str:
        session = PackingSession(demo_order("#1002"))
        session.scan("SOCK-HIK-GRY-M")
        return self.store.ship(session, "#1002", DummyTracking()).fulfillment_id

    def run(self, first: Callable[[], None]) -> None:
        first()
        self.sender.start()
        assert self.done.wait(15), f"no outcome; events: {self.events}"

    def close(self) -> None:
        self.sender.stop()
        for client in self.clients:
            client.close()
        self.store.close()


@pytest.fixture
def rig(sandbox: SandboxServer, tmp_path: Path) -> Iterator[Rig]:
    station = Rig(sandbox, tmp_path)
    yield station
    station.close()


def _faults(rig: Rig) -> dict[str, Callable[[], None]]:
    sandbox = rig.sandbox
    return {
        "refused": lambda: rig.sender.set_client(rig.client(base_url=closed_port())),
        "503": lambda: sandbox.faults.set(fail_writes=1),
        "429": lambda: sandbox.faults.set(rate_limit=1, retry_after=2),
        "drop-after-commit": lambda: sandbox.faults.set(drop_after_commit=1),
        "read-timeout": lambda: sandbox.faults.set(hang_after_commit=1, hang_seconds=2),
        "401": lambda: sandbox.faults.set(revoked=True),
        "400": lambda: sandbox.faults.set(reject_writes=1),
        "404": lambda: rig.sender.set_client(rig.client(store_id="another-store")),
    }


DELIVERED = ["refused", "503", "429", "drop-after-commit", "read-timeout"]
HELD = {"401": "unauthorized", "400": "rejected", "404": "not_found"}


@pytest.mark.parametrize("when", ["first", "later"])
@pytest.mark.parametrize("fault", [*DELIVERED, *HELD])
def test_every_fault_ends_delivered_once_or_held(rig: Rig, fault: str, when: str) -> None:
    fid = rig.ship_one()
    inject = _faults(rig)[fault]
    if when == "first":
        rig.run(inject)
    else:
        rig.script.append(inject)
        rig.run(lambda: rig.sandbox.faults.set(fail_writes=1))
    item = rig.store.outbox.get(fid)
    assert item is not None
    count = rig.sandbox.state.fulfillment_count(fid)
    if fault in DELIVERED:
        assert item.state is OutboxState.DELIVERED, item.last_error
        assert count == 1
    else:
        assert item.state is OutboxState.ATTENTION
        assert item.error_kind == HELD[fault]
        assert item.last_error  # the technical account, for the log
        assert item.reason is not None  # what the window words
        assert count == 0
    if fault == "429":
        assert 2.0 in rig.retry_afters  # the server's Retry-After reaches the backoff
    if fault in HELD:
        (event,) = [e for e in rig.events if isinstance(e, NeedsAttention)]
        assert event.reason == item.reason
        assert (
            event.reason
            == {
                "401": Problem(ProblemKind.TOKEN_REFUSED),
                "400": event.reason,  # the sandbox's own words, checked below
                "404": ShipmentProblem(ShipmentProblemKind.ORDER_UNKNOWN, order_ref="#1002"),
            }[fault]
        )
        if fault == "400":
            assert isinstance(event.reason, Problem)
            assert (event.reason.kind, event.reason.status) == (ProblemKind.REFUSED, 400)
            assert event.reason.said


def test_unknown_outcome_is_resolved_by_reading_not_by_resending(rig: Rig) -> None:
    fid = rig.ship_one()
    rig.run(lambda: rig.sandbox.faults.set(drop_after_commit=1))
    delivered = [e for e in rig.events if isinstance(e, Delivered)]
    assert len(delivered) == 1
    assert delivered[0].recovered
    posts = [p for m, p, _ in rig.sandbox.requests if m == "POST"]
    assert len(posts) == 1  # the second attempt only read the order
    assert rig.sandbox.state.fulfillment_count(fid) == 1


def test_already_exists_answer_means_delivered(rig: Rig) -> None:
    fid = rig.ship_one()
    item = rig.store.outbox.get(fid)
    assert item is not None
    rig.sandbox.state.create_fulfillment("5801002", item.request)  # it got there before
    rig.run(lambda: None)
    assert rig.store.outbox.get(fid).state is OutboxState.DELIVERED  # type: ignore[union-attr]
    assert rig.sandbox.state.fulfillment_count(fid) == 1


def test_order_fulfilled_elsewhere_is_held_not_sent(rig: Rig) -> None:
    fid = rig.ship_one()
    from packstation.redo.models import CreateFulfillmentRequest, FulfillmentLineRequest

    rig.sandbox.state.create_fulfillment(
        "5801002",
        CreateFulfillmentRequest(line_items=[FulfillmentLineRequest(id="li_1002_001", quantity=3)]),
    )
    rig.run(lambda: None)
    item = rig.store.outbox.get(fid)
    assert item is not None
    assert item.state is OutboxState.ATTENTION
    assert item.error_kind == "changed"
    assert rig.sandbox.writes() == 0
    (event,) = [e for e in rig.events if isinstance(e, NeedsAttention)]
    line = rig.sandbox.state.get_order("#1002")["lineItems"][0]
    assert event.reason == ShipmentProblem(
        ShipmentProblemKind.SHIPPED_ELSEWHERE, title=line["title"], left=0, held=1
    )
    assert item.reason == event.reason  # kept with the row, to be worded when shown


def test_held_for_401_is_sent_after_the_token_is_fixed(rig: Rig) -> None:
    fid = rig.ship_one()
    rig.run(lambda: rig.sandbox.faults.set(revoked=True))
    rig.sandbox.faults.set(revoked=False)
    rig.done.clear()
    assert rig.store.outbox.retry_all_unauthorized() == 1
    assert rig.done.wait(10)
    assert rig.store.outbox.get(fid).state is OutboxState.DELIVERED  # type: ignore[union-attr]
    assert rig.sandbox.state.fulfillment_count(fid) == 1


def test_pending_items_survive_a_restart_and_are_sent(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    first = Rig(sandbox, tmp_path)
    fid = first.ship_one()
    first.close()  # never started: the box waits on disk
    second = Rig(sandbox, tmp_path)
    try:
        second.run(lambda: None)
        assert second.store.outbox.get(fid).state is OutboxState.DELIVERED  # type: ignore[union-attr]
    finally:
        second.close()
    assert sandbox.state.fulfillment_count(fid) == 1
