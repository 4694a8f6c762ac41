"""The client against the sandbox over loopback: every endpoint and every fault."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from packstation.redo import (
    NotFound,
    OutcomeUnknown,
    RateLimited,
    RedoClient,
    Rejected,
    ServerError,
    Timeouts,
    Unauthorized,
)
from packstation.redo.models import (
    CreateFulfillmentRequest,
    FulfillmentLineRequest,
    InitialTracking,
    ShipmentStatus,
    StatusUpdate,
    Tracking,
    UpdateFulfillmentStatusRequest,
)
from packstation.sandbox import SandboxServer, SandboxState
from packstation.sandbox.faults import Faults, parse_fault


def _one(line_id: str, qty: int = 1, **extra: object) -> CreateFulfillmentRequest:
    return CreateFulfillmentRequest(
        line_items=[FulfillmentLineRequest(id=line_id, quantity=qty)],
        **extra,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("ref", ["#1002", "5801002", "3b6a0b8a36ad4c3b9e0a5c26"])
def test_get_order_by_name_external_or_internal_id(
    client: RedoClient, sandbox: SandboxServer, ref: str
) -> None:
    internal = next(i for n, _, i in sandbox.state.order_names() if n == "#1002")
    order = client.get_order(internal if len(ref) == 24 else ref)
    assert order.order_id == "5801002"
    assert [line.quantity for line in order.line_items] == [3, 2, 1]


def test_order_name_goes_out_percent_encoded(client: RedoClient, sandbox: SandboxServer) -> None:
    client.get_order("#1001")
    assert sandbox.exchanges[-1].target == "/v2.2/stores/demo-store/orders/%231001"


def test_unknown_order_is_not_found(client: RedoClient) -> None:
    with pytest.raises(NotFound, match="#9999"):
        client.get_order("#9999")


def test_other_store_is_not_found(sandbox: SandboxServer) -> None:
    with RedoClient(token=sandbox.token, store_id="other", base_url=sandbox.base_url) as other:
        with pytest.raises(NotFound):
            other.get_order("#1001")


def test_wrong_token_is_unauthorized(sandbox: SandboxServer) -> None:
    with RedoClient(token="nope", store_id=sandbox.store_id, base_url=sandbox.base_url) as bad:
        with pytest.raises(Unauthorized):
            bad.get_order("#1001")


def test_images_are_served_offline(client: RedoClient, sandbox: SandboxServer) -> None:
    import httpx

    url = client.get_order("#1001").line_items[0].image_url
    assert url is not None
    assert url.startswith(sandbox.root_url + "/demo-images/")
    reply = httpx.get(url)
    assert reply.headers["content-type"] == "image/png"
    assert reply.content.startswith(b"\x89PNG")


def test_fulfillment_with_tracking_is_recorded(client: RedoClient) -> None:
    order = client.get_order("#1001")
    tracking = Tracking(carrier="UPS", code="1Z999AA10123456784")
    created = client.create_fulfillment(
        order.order_id, _one("li_1001_001", tracking=tracking, fulfillment_id="pk-1")
    )
    assert (created.id, created.tracking_company, created.tracking_number) == (
        "pk-1",
        "UPS",
        "1Z999AA10123456784",
    )
    again = client.get_order("#1001")
    assert again.find_fulfillment("pk-1") is not None
    assert again.fulfilled_quantities().get("li_1001_001") == 1


def test_fulfillment_id_is_assigned_when_absent(client: RedoClient) -> None:
    created = client.create_fulfillment("5801002", _one("li_1002_001"))
    assert created.id.startswith("ful_")


def test_quantity_beyond_remaining_names_the_line(client: RedoClient) -> None:
    with pytest.raises(Rejected, match=r"li_1003_001 .*Daypack.*exceeds the 0 remaining"):
        client.create_fulfillment("5801003", _one("li_1003_001"))


def test_duplicate_fulfillment_id_already_exists(client: RedoClient) -> None:
    client.create_fulfillment("5801002", _one("li_1002_001", fulfillment_id="dup"))
    with pytest.raises(Rejected) as info:
        client.create_fulfillment("5801002", _one("li_1002_002", fulfillment_id="dup"))
    assert info.value.already_exists


def test_fulfillments_are_not_addressable_by_order_name(client: RedoClient) -> None:
    with pytest.raises(NotFound):
        client.create_fulfillment("#1002", _one("li_1002_001"))


def test_dummy_tracking_creates_a_tracker_and_status_updates_follow_the_spec(
    client: RedoClient,
) -> None:
    created = client.create_fulfillment(
        "5801012",
        _one(
            "li_1012_001",
            use_dummy_tracking=True,
            initial_tracking=InitialTracking(status=ShipmentStatus.IN_TRANSIT, message="Picked up"),
        ),
    )
    assert created.status is ShipmentStatus.IN_TRANSIT
    assert created.tracking_number and created.tracking_number.startswith("DUMMY")
    assert [e.message for e in created.tracking_history] == ["Picked up"]

    event = client.update_fulfillment_status(
        "5801012",
        created.id,
        UpdateFulfillmentStatusRequest(status=StatusUpdate.DELAYED, message="Weather"),
    )
    assert event.status is ShipmentStatus.IN_TRANSIT  # events leave the status alone
    assert [e.status for e in event.tracking_history] == ["in_transit", "delayed"]

    delivered = client.update_fulfillment_status(
        "5801012", created.id, UpdateFulfillmentStatusRequest(status=StatusUpdate.DELIVERED)
    )
    assert delivered.status is ShipmentStatus.DELIVERED
    assert delivered.delivered_at is not None
    assert len(delivered.tracking_history) == 3


def test_dummy_tracking_defaults_to_pre_transit(client: RedoClient) -> None:
    created = client.create_fulfillment("5801012", _one("li_1012_002", use_dummy_tracking=True))
    assert created.status is ShipmentStatus.PRE_TRANSIT
    assert len(created.tracking_history) == 1


def test_status_update_of_unknown_fulfillment_is_not_found(client: RedoClient) -> None:
    with pytest.raises(NotFound):
        client.update_fulfillment_status(
            "5801012", "nope", UpdateFulfillmentStatusRequest(status=StatusUpdate.DELAYED)
        )


def test_inventory_levels_give_the_upc(client: RedoClient, sandbox: SandboxServer) -> None:
    levels = client.find_inventory_levels("TEE-MER-BLK-M")
    assert [level.product.sku for level in levels] == ["TEE-MER-BLK-M"]
    detail = client.get_inventory_level(levels[0].id)
    assert detail.product.upc == "840312000011"
    assert client.lookup_upc("tee-mer-blk-m") == "840312000011"
    assert client.lookup_upc("NO-SUCH-SKU") is None


def test_invalid_body_is_400(sandbox: SandboxServer) -> None:
    import httpx

    reply = httpx.post(
        f"{sandbox.base_url}/stores/demo-store/orders/5801001/fulfillments",
        json={"lineItems": [{"id": "li_1001_001", "quantity": 0}]},
        headers={"Authorization": f"Bearer {sandbox.token}"},
    )
    assert reply.status_code == 400
    assert "quantity" in reply.json()["error"]


# --- faults ------------------------------------------------------------------------


def test_fail_writes_gives_503_then_recovers(client: RedoClient, sandbox: SandboxServer) -> None:
    sandbox.faults.set(fail_writes=1)
    with pytest.raises(ServerError) as info:
        client.create_fulfillment("5801002", _one("li_1002_001", fulfillment_id="f503"))
    assert info.value.status == 503
    assert sandbox.state.fulfillment_count("f503") == 0
    client.create_fulfillment("5801002", _one("li_1002_001", fulfillment_id="f503"))
    assert sandbox.state.fulfillment_count("f503") == 1


def test_rate_limit_sends_retry_after(client: RedoClient, sandbox: SandboxServer) -> None:
    sandbox.faults.set(rate_limit=1, retry_after=3)
    with pytest.raises(RateLimited) as info:
        client.get_order("#1001")
    assert info.value.retry_after == 3
    client.get_order("#1001")


def test_drop_after_commit_stores_but_never_answers(
    client: RedoClient, sandbox: SandboxServer
) -> None:
    sandbox.faults.set(drop_after_commit=1)
    with pytest.raises(OutcomeUnknown):
        client.create_fulfillment("5801002", _one("li_1002_001", fulfillment_id="dropped"))
    assert sandbox.state.fulfillment_count("dropped") == 1


def test_hang_after_commit_times_out_as_outcome_unknown(sandbox: SandboxServer) -> None:
    sandbox.faults.set(hang_after_commit=1, hang_seconds=10)
    fast = Timeouts(connect=1, read=0.3, write=1, pool=1)
    with (
        RedoClient(
            token=sandbox.token, store_id=sandbox.store_id, base_url=sandbox.base_url, timeouts=fast
        ) as c,
        pytest.raises(OutcomeUnknown),
    ):
        c.create_fulfillment("5801002", _one("li_1002_001", fulfillment_id="hung"))
    assert sandbox.state.fulfillment_count("hung") == 1


def test_revoked_token_is_401_from_then_on(client: RedoClient, sandbox: SandboxServer) -> None:
    client.get_order("#1001")
    sandbox.faults.set(revoked=True)
    for _ in range(2):
        with pytest.raises(Unauthorized):
            client.get_order("#1001")


def test_trickling_body_still_arrives(client: RedoClient, sandbox: SandboxServer) -> None:
    sandbox.faults.set(trickle=0.001)
    assert client.get_order("#1001").order_id == "5801001"


def test_latency_delays_answers(client: RedoClient, sandbox: SandboxServer) -> None:
    sandbox.faults.set(latency=0.2)
    done = threading.Event()
    result: list[str] = []

    def load() -> None:
        result.append(client.get_order("#1001").order_id)
        done.set()

    worker = threading.Thread(target=load)
    worker.start()
    assert not done.wait(0.1)
    worker.join()
    assert result == ["5801001"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("latency=0.5", {"latency": 0.5}),
        ("fail-writes=2", {"fail_writes": 2}),
        ("rate-limit=3:7", {"rate_limit": 3, "retry_after": 7}),
        ("drop-after-commit=1", {"drop_after_commit": 1}),
        ("hang-after-commit=1:4", {"hang_after_commit": 1, "hang_seconds": 4.0}),
        ("revoked", {"revoked": True}),
        ("trickle=0.05", {"trickle": 0.05}),
    ],
)
def test_fault_arguments(text: str, expected: dict[str, object]) -> None:
    faults = Faults()
    parse_fault(text, faults)
    for name, value in expected.items():
        assert getattr(faults, name) == value


def test_bad_fault_argument_explains_itself() -> None:
    with pytest.raises(ValueError, match="fail-writes=N"):
        parse_fault("explode=1", Faults())


def test_state_file_survives_a_restart(tmp_path: Path) -> None:
    state_file = tmp_path / "sandbox.json"
    with SandboxServer(state=SandboxState.demo(state_file)) as first:
        with RedoClient(token=first.token, store_id=first.store_id, base_url=first.base_url) as c:
            c.create_fulfillment("5801001", _one("li_1001_001", fulfillment_id="kept"))
    assert json.loads(state_file.read_text("utf-8"))["orders"]
    with SandboxServer(state=SandboxState.demo(state_file)) as second:
        assert second.state.fulfillment_count("kept") == 1


def test_a_sandbox_bug_answers_500_problem_details(
    client: RedoClient,
    sandbox: SandboxServer,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(ref: str) -> dict[str, object]:
        raise RuntimeError("boom")

    monkeypatch.setattr(sandbox.state, "get_order", broken)
    with (
        caplog.at_level("CRITICAL", logger="packstation.sandbox"),
        pytest.raises(ServerError) as info,
    ):
        client.get_order("#1001")
    assert info.value.status == 500
    assert sandbox.exchanges[-1].content_type == "application/problem+json"
