"""The returns sender against the real sandbox: each received return processed and commented
exactly once, whatever answer is lost; Redo's refusals held for a person with its reason."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from packstation.redo import RedoClient
from packstation.redo.returns import ItemState
from packstation.redo.returns_api import ReturnsApi
from packstation.sandbox import SandboxServer
from packstation.store.returns_sender import (
    ReturnDone,
    ReturnEvent,
    ReturnHeld,
    ReturnProcessed,
    ReturnsSender,
)
from packstation.store.station import StationStore

#: The demo's #1010 return: open, two items.
OPEN_TWO = "675a1c00e4b0d3f19a7c0004"
ITEMS = ("675a1c00e4b0d3f19a7c1041", "675a1c00e4b0d3f19a7c1042")
PRODUCTS = [
    {"_id": ITEMS[0], "processInput": {"restock": True}},
    {"_id": ITEMS[1], "reject": True},
]


@pytest.fixture
def store(tmp_path: Path) -> StationStore:
    return StationStore(tmp_path / "station.sqlite3")


@pytest.fixture
def events() -> list[ReturnEvent]:
    return []


@pytest.fixture
def sender(store: StationStore, events: list[ReturnEvent]) -> ReturnsSender:
    return ReturnsSender(store.returns_outbox, events.append)


def queue(store: StationStore, job_id: str = "rx-7f3a") -> None:
    store.returns_outbox.process(
        job_id=job_id,
        return_id=OPEN_TWO,
        order_name="#1010",
        products=PRODUCTS,
        comment=f"Received at Bench 3 by Ana (PackStation {job_id}): 1 sellable; 1 not received.",
        summary={},
        packer="Ana",
    )


def comments(api: ReturnsApi) -> list[str]:
    return [c.message or "" for c in api.comments(OPEN_TWO)]


def item_states(api: ReturnsApi) -> list[ItemState]:
    current = api.get(OPEN_TWO).return_
    return [current.item_state(item) for item in current.items]


def attempt(sender: ReturnsSender, store: StationStore, api: ReturnsApi) -> Any:
    job = store.returns_outbox.next_due()
    assert job is not None
    sender.deliver(api, job)
    return store.returns_outbox.get(job.id)


def test_a_return_is_processed_then_commented_once(
    sender: ReturnsSender, store: StationStore, client: RedoClient, events: list[ReturnEvent]
) -> None:
    api = ReturnsApi(client)
    before = comments(api)
    queue(store)
    done = attempt(sender, store, api)
    assert done.state == "done"
    assert item_states(api) == [ItemState.DONE, ItemState.DONE]
    assert comments(api) == [*before, done.comment]
    event, last = events
    assert isinstance(event, ReturnProcessed)
    assert isinstance(last, ReturnDone)  # the status bar reads again: nothing left to send
    assert (event.job.id, event.triggered, event.recovered) == ("rx-7f3a", True, False)


def test_a_process_whose_answer_was_lost_is_not_sent_again(
    sender: ReturnsSender, store: StationStore, client: RedoClient, sandbox: SandboxServer
) -> None:
    api = ReturnsApi(client)
    queue(store)
    sandbox.faults.set(drop_after_commit=1)  # Redo processed it; the answer never came
    waiting = attempt(sender, store, api)
    assert (waiting.state, waiting.error_kind) == ("pending", "unknown")
    writes = sandbox.writes()
    store.returns_outbox.retry("rx-7f3a")  # due now (the backoff is not what is tested)
    store.returns_outbox.schedule_retry("rx-7f3a", 0, store_problem(), "unknown")
    done = attempt(sender, store, api)
    assert done.state == "done"
    # One write more: the comment. The processing was found on the return, not resent.
    assert sandbox.writes() == writes + 1
    assert comments(api).count(done.comment) == 1


def test_a_comment_whose_answer_was_lost_is_not_posted_twice(
    sender: ReturnsSender, store: StationStore, client: RedoClient, sandbox: SandboxServer
) -> None:
    api = ReturnsApi(client)
    queue(store)
    store.returns_outbox.mark_processed("rx-7f3a")
    api.process(OPEN_TWO, _request())
    sandbox.faults.set(drop_after_commit=1)  # the comment arrived; its answer did not
    waiting = attempt(sender, store, api)
    assert waiting.state == "commenting"
    store.returns_outbox.schedule_retry("rx-7f3a", 0, store_problem(), "unknown")
    done = attempt(sender, store, api)
    assert done.state == "done"
    assert comments(api).count(done.comment) == 1


@pytest.mark.expected_log("held (forbidden)")
def test_a_missing_scope_holds_the_job_with_it(
    sender: ReturnsSender,
    store: StationStore,
    client: RedoClient,
    sandbox: SandboxServer,
    events: list[ReturnEvent],
) -> None:
    api = ReturnsApi(client)
    queue(store)
    sandbox.faults.set(missing_scopes=frozenset({"returns_write"}))
    held = attempt(sender, store, api)
    assert (held.state, held.error_kind) == ("attention", "forbidden")
    assert "returns_write" in held.last_error
    assert isinstance(events[-1], ReturnHeld)
    assert item_states(api) == [ItemState.OPEN, ItemState.OPEN]


def test_a_return_finished_elsewhere_is_not_processed_again(
    sender: ReturnsSender, store: StationStore, client: RedoClient, sandbox: SandboxServer
) -> None:
    api = ReturnsApi(client)
    api.process(OPEN_TWO, _request())  # another bench, or a person in Redo
    queue(store)
    writes = sandbox.writes()
    done = attempt(sender, store, api)
    assert done.state == "done"
    assert sandbox.writes() == writes + 1  # the comment only


def test_the_sender_thread_delivers_and_stops(
    sender: ReturnsSender, store: StationStore, client: RedoClient, events: list[ReturnEvent]
) -> None:
    sender.start()
    try:
        sender.set_client(client)
        queue(store)
        deadline = time.monotonic() + 60  # only a stuck sender takes this long
        while (job := store.returns_outbox.get("rx-7f3a")) is None or job.state != "done":
            assert time.monotonic() < deadline, job
            store.returns_outbox.wait(0.05, store.returns_outbox.generation(), _never())
    finally:
        sender.stop()
        assert sender.join(60.0)


def _request() -> Any:
    from packstation.redo.returns_process import ProcessReturnRequest

    return ProcessReturnRequest.model_validate({"products": PRODUCTS})


def store_problem() -> Any:
    from packstation.store.problems import ShipmentProblem, ShipmentProblemKind

    return ShipmentProblem(ShipmentProblemKind.UNEXPECTED)


def _never() -> Any:
    import threading

    return threading.Event()
