"""Models: strict camelCase requests, tolerant responses."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from packstation.packing import PackingSession
from packstation.redo.models import (
    CreateFulfillmentRequest,
    Fulfillment,
    InitialTracking,
    ShipmentStatus,
    StatusUpdate,
    Tracking,
    UpdateFulfillmentStatusRequest,
)
from tests.helpers.orders import demo_order, make_order


def test_request_serialises_camel_case_and_omits_unset() -> None:
    request = CreateFulfillmentRequest(
        line_items=[{"id": "L1", "quantity": 2}],  # type: ignore[list-item]
        use_dummy_tracking=True,
        initial_tracking=InitialTracking(
            status=ShipmentStatus.IN_TRANSIT,
            datetime=dt.datetime(2026, 11, 26, 8, 30, tzinfo=dt.UTC),
        ),
    )
    assert request.to_json_dict() == {
        "lineItems": [{"id": "L1", "quantity": 2}],
        "useDummyTracking": True,
        "initialTracking": {"status": "in_transit", "datetime": "2026-11-26T08:30:00Z"},
    }


@pytest.mark.parametrize("quantity", [0, 1001, -1])
def test_request_quantity_bounds(quantity: int) -> None:
    with pytest.raises(ValidationError):
        CreateFulfillmentRequest(line_items=[{"id": "L1", "quantity": quantity}])  # type: ignore[list-item]


def test_request_needs_a_line() -> None:
    with pytest.raises(ValidationError):
        CreateFulfillmentRequest(line_items=[])


def test_request_refuses_unknown_fields() -> None:
    with pytest.raises(ValidationError):
        CreateFulfillmentRequest.model_validate(
            {"lineItems": [{"id": "L1", "quantity": 1}], "carrier": "UPS"}
        )


@pytest.mark.parametrize(
    "body", [{"carrier": "UPS"}, {"code": "1Z"}, {"carrier": " ", "code": "1"}]
)
def test_tracking_needs_both_carrier_and_code(body: dict[str, str]) -> None:
    with pytest.raises(ValidationError):
        Tracking.model_validate(body)


def test_initial_tracking_has_the_ten_statuses_and_update_has_nine_plus_three_events() -> None:
    assert len(ShipmentStatus) == 10
    assert len(StatusUpdate) == 12
    assert {s for s in StatusUpdate if s.is_event} == {
        StatusUpdate.STALLED_IN_TRANSIT,
        StatusUpdate.DELAYED,
        StatusUpdate.ARRIVING_EARLY,
    }
    assert "unknown" not in {s.value for s in StatusUpdate}


def test_naive_datetimes_are_refused_in_requests() -> None:
    with pytest.raises(ValidationError):
        UpdateFulfillmentStatusRequest(
            status=StatusUpdate.DELAYED, datetime=dt.datetime(2026, 1, 1)
        )


def test_responses_keep_unknown_fields_and_degrade_unknown_status() -> None:
    fulfillment = Fulfillment.model_validate(
        {
            "id": "F1",
            "createdAt": "2026-11-01T10:00:00Z",
            "lineItems": [],
            "status": "teleported",
            "trackingHistory": [],
            "carrierLogo": "https://example.com/x.png",
        }
    )
    assert fulfillment.status is ShipmentStatus.UNKNOWN
    assert fulfillment.model_extra == {"carrierLogo": "https://example.com/x.png"}


def test_demo_orders_parse_and_sum_fulfilled_quantities() -> None:
    order = demo_order("#1003")
    done = order.fulfilled_quantities()
    assert [done.get(li.id, 0) for li in order.line_items] == [1, 1, 0, 0]
    assert order.find_fulfillment("ful_1003_1") is not None
    assert order.customer is not None
    assert order.customer.display_name == "Lena Schäfer"


def test_fulfilled_quantities_sum_a_line_over_every_box_that_shipped_it() -> None:
    order = make_order([("A", 5), ("B", 2), ("C", 1)], fulfilled=[(0, 2), (1, 2)])
    second = order.fulfillments[0].model_copy(
        update={"id": "F2", "line_items": order.fulfillments[0].line_items[:1]}
    )
    order = order.model_copy(update={"fulfillments": [*order.fulfillments, second]})
    assert order.fulfilled_quantities() == {"L0": 4, "L1": 2}
    session = PackingSession(order)
    assert [line.fulfilled for line in session.lines()] == [4, 2, 0]
    assert [line.remaining for line in session.lines()] == [1, 0, 1]
