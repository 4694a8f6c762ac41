"""A 2xx that does not confirm this box is not a delivery, and a Redo that names its
fulfillments itself still gets every box exactly once ("Nothing lost", second pass).

Redo is played by real loopback servers: a raw socket server over the sandbox's own
state, whose answers to Create Fulfillment a test scripts (another ID, ``success:
false``, no lines, another tracking number; with the box stored or not), and the
sandbox itself told to ignore the client's fulfillment IDs.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from packstation.packing import DummyTracking, PackingSession, TrackingInput
from packstation.redo import Problem, ProblemKind, RedoClient, Timeouts
from packstation.redo.models import CreateFulfillmentRequest, FulfillmentLineRequest
from packstation.sandbox import SandboxServer, SandboxState
from packstation.sandbox.state import SandboxError
from packstation.store import (
    Delivered,
    NeedsAttention,
    OutboxState,
    Sender,
    SenderEvent,
    ShipmentProblem,
    ShipmentProblemKind,
    WillRetry,
)
from packstation.store.station import StationStore
from tests.helpers.orders import demo_order
from tests.helpers.rawserver import raw_server
from tests.unit.clocks import date_header

JSON = dict[str, Any]
#: What a scripted answer makes of the fulfillment Redo would have answered with.
Lie = Callable[[JSON], JSON]
UPS = TrackingInput("UPS", "1Z999AA10123456784")


def _another_id(f: JSON) -> JSON:
    return {"success": True, "fulfillment": {**f, "id": "ful_someone_else"}}


def _not_a_success(f: JSON) -> JSON:
    return {"success": False, "fulfillment": f}


def _no_lines(f: JSON) -> JSON:
    return {"success": True, "fulfillment": {**f, "lineItems": []}}


def _more_units(f: JSON) -> JSON:
    lines = [{**line, "quantity": line["quantity"] + 1} for line in f["lineItems"]]
    return {"success": True, "fulfillment": {**f, "lineItems": lines}}


def _other_tracking(f: JSON) -> JSON:
    return {"success": True, "fulfillment": {**f, "trackingNumber": "1Z999AA10123456785"}}


LIES: dict[str, tuple[Lie, TrackingInput | DummyTracking]] = {
    "another ID": (_another_id, DummyTracking()),
    "success false": (_not_a_success, DummyTracking()),
    "no line items": (_no_lines, DummyTracking()),
    "other quantities": (_more_units, UPS),
    "other tracking": (_other_tracking, UPS),
}


def _read(conn: socket.socket) -> tuple[bytes, bytes]:
    """A request's head and its whole body (which may come in a later segment)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(
        (
            int(line.split(b":")[1])
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length:")
        ),
        0,
    )
    while len(body) < length and (chunk := conn.recv(65536)):
        body += chunk
    return head, body


class ScriptedRedo:
    """Redo's Orders API on a raw socket, over the sandbox's state; the next answers to
    Create Fulfillment are scripted: (lie, whether Redo stored the box before lying)."""

    def __init__(self) -> None:
        self.state = SandboxState.demo()
        self.script: list[tuple[Lie, bool]] = []
        self.requests: list[tuple[str, str]] = []
        self._lock = threading.Lock()

    def behave(self, conn: socket.socket, stop: threading.Event) -> None:
        head, body = _read(conn)
        method, target = head.split(b" ")[:2]
        parts = [unquote(p) for p in target.decode().split("/")]
        # /v2.2/stores/{store}/orders/{ref}[/fulfillments]
        with self._lock:
            self.requests.append((method.decode(), "/".join(parts[5:])))
            status, answer = self._answer(method.decode(), parts[5], parts[6:], body)
        payload = json.dumps(answer).encode()
        conn.sendall(
            f"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(payload)}\r\nDate: {date_header(time.time())}"
            "\r\nConnection: close\r\n\r\n".encode()
            + payload
        )

    def _answer(self, method: str, ref: str, rest: list[str], body: bytes) -> tuple[int, JSON]:
        try:
            if method == "GET":
                return 200, self.state.get_order(ref)
            request = CreateFulfillmentRequest.model_validate_json(body)
            if not self.script:
                return 200, {
                    "success": True,
                    "fulfillment": self.state.create_fulfillment(ref, request),
                }
            lie, stored = self.script.pop(0)
            real = self.state if stored else SandboxState.demo()  # a scratch copy: not stored
            return 200, lie(real.create_fulfillment(ref, request))
        except SandboxError as exc:
            return exc.status, {"error": exc.message}


class Bench:
    """A station database and its real sender, shipping to ``url``."""

    def __init__(self, tmp_path: Path, url: str, token: str = "tok", store_id: str = "s1") -> None:
        self.store = StationStore(tmp_path / "station.sqlite3")
        self.client = RedoClient(
            token=token, store_id=store_id, base_url=url, timeouts=Timeouts(total=5)
        )
        self.events: list[SenderEvent] = []
        self.states: list[OutboxState] = []  # the row's state as each event was told
        self.settled = threading.Event()
        self.expected = 1
        self.sender = Sender(self.store.outbox, self._event, self.client, lambda n, r: 0.01)

    def _event(self, event: SenderEvent) -> None:
        self.events.append(event)
        if isinstance(event, Delivered | NeedsAttention | WillRetry):
            self.states.append(event.item.state)
        if sum(isinstance(e, Delivered | NeedsAttention) for e in self.events) >= self.expected:
            self.settled.set()

    def ship(self, shipping: TrackingInput | DummyTracking) -> str:
        session = PackingSession(demo_order("#1002"))
        session.scan("SOCK-HIK-GRY-M")
        return self.store.ship(session, "#1002", shipping).fulfillment_id

    def run(self) -> None:
        self.sender.start()
        assert self.settled.wait(10), f"no outcome; events: {self.events}"
        self.sender.stop()

    def close(self) -> None:
        self.sender.stop()
        self.client.close()
        self.store.close()


@pytest.fixture
def scripted() -> Iterator[tuple[ScriptedRedo, str]]:
    redo = ScriptedRedo()
    with raw_server(redo.behave) as url:
        yield redo, url


@pytest.mark.parametrize("stored", [False, True], ids=["not stored", "stored"])
@pytest.mark.parametrize("lie", list(LIES))
def test_a_2xx_that_does_not_confirm_the_box_is_not_taken_as_delivered(
    scripted: tuple[ScriptedRedo, str], tmp_path: Path, lie: str, stored: bool
) -> None:
    redo, url = scripted
    answer, shipping = LIES[lie]
    redo.script.append((answer, stored))
    bench = Bench(tmp_path, url)
    try:
        fid = bench.ship(shipping)
        bench.run()
        item = bench.store.outbox.get(fid)
    finally:
        bench.close()
    # The answer did not say "delivered": the row waited, for a reason of its own ...
    first = next(e for e in bench.events if isinstance(e, Delivered | NeedsAttention | WillRetry))
    assert isinstance(first, WillRetry), bench.events
    assert bench.states[0] is OutboxState.PENDING
    assert first.reason == Problem(ProblemKind.UNCONFIRMED)
    assert first.item.error_kind == "unknown"
    # ... the order was read, and the box sent again only if Redo did not have it.
    posts = ["POST", "GET", "POST"] if not stored else ["POST", "GET"]
    assert [m for m, _ in redo.requests] == ["GET", *posts]
    assert item is not None
    assert item.state is OutboxState.DELIVERED
    fulfillments = redo.state.get_order("#1002")["fulfillments"]
    assert [f["id"] for f in fulfillments] == [fid]  # exactly once, under its own ID
    delivered = [e for e in bench.events if isinstance(e, Delivered)]
    assert [d.recovered for d in delivered] == [stored]


def test_an_answer_without_the_box_then_a_redo_without_it_sends_it_again_with_its_id(
    scripted: tuple[ScriptedRedo, str], tmp_path: Path
) -> None:
    """Two lies in a row: each time the order is read, and the same ID is sent again."""
    redo, url = scripted
    redo.script += [(_another_id, False), (_not_a_success, False)]
    bench = Bench(tmp_path, url)
    try:
        fid = bench.ship(DummyTracking())
        bench.run()
    finally:
        bench.close()
    posts = [e for e in redo.state.all_fulfillments() if e[1]["id"] == fid]
    assert len(posts) == 1
    assert [m for m, _ in redo.requests] == ["GET", "POST", "GET", "POST", "GET", "POST"]
    assert bench.states == [OutboxState.PENDING, OutboxState.PENDING, OutboxState.DELIVERED]


def _own_ids_sandbox() -> SandboxServer:
    state = SandboxState.demo()
    state.own_fulfillment_ids = True  # like a Redo that ignores the fulfillmentId sent
    return SandboxServer(state=state, token="tok-own-ids")


@pytest.mark.parametrize("dropped", [True, False], ids=["answer dropped", "answer names its ID"])
@pytest.mark.parametrize("shipping", [DummyTracking(), UPS], ids=["dummy", "UPS"])
def test_a_redo_that_names_fulfillments_itself_gets_the_box_once(
    tmp_path: Path, dropped: bool, shipping: TrackingInput | DummyTracking
) -> None:
    with _own_ids_sandbox() as sandbox:
        sandbox.faults.set(drop_after_commit=int(dropped))
        bench = Bench(tmp_path, sandbox.base_url, sandbox.token, sandbox.store_id)
        try:
            fid = bench.ship(shipping)
            bench.run()
            item = bench.store.outbox.get(fid)
        finally:
            bench.close()
        fulfillments = sandbox.state.get_order("#1002")["fulfillments"]
        assert sandbox.writes() == 1
    assert len(fulfillments) == 1, "a retry created a second fulfillment"
    assert fulfillments[0]["id"] != fid  # Redo's own
    assert item is not None
    assert item.state is OutboxState.DELIVERED
    (delivered,) = [e for e in bench.events if isinstance(e, Delivered)]
    assert delivered.recovered
    assert delivered.fulfillment.id == fulfillments[0]["id"]


def test_two_alike_boxes_are_told_apart_when_redo_names_them(tmp_path: Path) -> None:
    """Same lines, dummy tracking, every answer lost: each box is found as its own
    fulfillment (the first box's is known by the number Redo gave its tracker)."""
    with _own_ids_sandbox() as sandbox:
        sandbox.faults.set(drop_after_commit=2)
        bench = Bench(tmp_path, sandbox.base_url, sandbox.token, sandbox.store_id)
        bench.expected = 2
        try:
            first, second = bench.ship(DummyTracking()), bench.ship(DummyTracking())
            bench.run()
            items = [bench.store.outbox.get(fid) for fid in (first, second)]
        finally:
            bench.close()
        fulfillments = sandbox.state.get_order("#1002")["fulfillments"]
        assert sandbox.writes() == 2
    assert len(fulfillments) == 2
    assert all(i is not None and i.state is OutboxState.DELIVERED for i in items)
    assigned = [i.assigned_tracking for i in items if i is not None]
    assert assigned == [f["trackingNumber"] for f in fulfillments]  # each its own tracker


@pytest.mark.expected_log("needs attention")
def test_redo_showing_the_box_s_id_with_other_lines_is_held_not_delivered(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    bench = Bench(tmp_path, sandbox.base_url, sandbox.token, sandbox.store_id)
    try:
        fid = bench.ship(UPS)
        item = bench.store.outbox.get(fid)
        assert item is not None
        other = item.request.model_copy(
            update={"line_items": [FulfillmentLineRequest(id="li_1002_002", quantity=1)]}
        )
        sandbox.state.create_fulfillment("5801002", other)  # not this box, under its ID
        bench.run()
        held = bench.store.outbox.get(fid)
    finally:
        bench.close()
    assert held is not None
    assert held.state is OutboxState.ATTENTION
    assert held.reason == ShipmentProblem(ShipmentProblemKind.NOT_AS_SENT)
    assert "line items" in held.last_error  # what differs, for the log
    assert sandbox.writes() == 0


def test_an_earlier_shipment_of_the_same_lines_is_not_taken_for_the_box(tmp_path: Path) -> None:
    """Redo names fulfillments itself, the order already has one alike (1 pair of socks,
    dummy tracking, from elsewhere, before this box was packed), and the first send fails:
    the next attempt must not mistake that one for this box."""
    demo = SandboxState.demo()
    data = demo.snapshot()
    order = next(r["order"] for r in data["orders"] if r["name"] == "#1002")
    line = order["lineItems"][0]
    order["fulfillments"].append(
        {
            "id": "ful_from_elsewhere",
            "createdAt": "2025-06-01T09:00:00.000Z",
            "lineItems": [
                {k: line[k] for k in ("id", "title", "productId", "variantId", "sku")}
                | {"quantity": 1}
            ],
            "trackingCompany": "Redo Dummy Tracker",
            "trackingNumber": "DUMMY000000000001",
            "status": "in_transit",
            "trackingHistory": [],
        }
    )
    state = SandboxState(data, demo.products)
    state.own_fulfillment_ids = True
    with SandboxServer(state=state, token="tok-own-ids") as sandbox:
        sandbox.faults.set(fail_writes=1)
        bench = Bench(tmp_path, sandbox.base_url, sandbox.token, sandbox.store_id)
        try:
            fid = bench.ship(DummyTracking())
            bench.run()
            item = bench.store.outbox.get(fid)
        finally:
            bench.close()
        fulfillments = sandbox.state.get_order("#1002")["fulfillments"]
    assert len(fulfillments) == 2  # the earlier one, and this box
    assert item is not None
    assert item.state is OutboxState.DELIVERED
    assert item.assigned_tracking == fulfillments[1]["trackingNumber"] != "DUMMY000000000001"
