"""Only an answer that is exactly this shipment confirms it (``redo.confirm``)."""

from __future__ import annotations

from typing import Any

import pytest

from packstation.redo.confirm import differences, same_lines, unconfirmed
from packstation.redo.models import (
    CreateFulfillmentRequest,
    FulfillmentLineRequest,
    FulfillmentResponse,
    Tracking,
)

SENT = CreateFulfillmentRequest(
    fulfillment_id="ps-1",
    line_items=[
        FulfillmentLineRequest(id="L1", quantity=2),
        FulfillmentLineRequest(id="L2", quantity=1),
    ],
    tracking=Tracking(carrier="UPS", code="1Z999AA10123456784"),
)


def _line(line_id: str, quantity: int) -> dict[str, Any]:
    return {"id": line_id, "quantity": quantity, "title": "T", "productId": "P"}


def _answer(**changes: Any) -> FulfillmentResponse:
    fulfillment: dict[str, Any] = {
        "id": "ps-1",
        "createdAt": "2026-11-27T10:00:00Z",
        "lineItems": [_line("L2", 1), _line("L1", 2)],  # any order
        "trackingCompany": "UPS",
        "trackingNumber": "1z999aa1 0123456784",  # as Redo may echo it
        "status": "pre_transit",
        "trackingHistory": [],
    }
    success = changes.pop("success", True)
    fulfillment.update(changes)
    return FulfillmentResponse.model_validate({"success": success, "fulfillment": fulfillment})


def test_the_shipment_as_sent_is_confirmed() -> None:
    assert unconfirmed(SENT, _answer()) == ""


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({"success": False}, "success is not true"),
        ({"id": "ful_9"}, "fulfillment ID 'ful_9'"),
        ({"lineItems": []}, "line items []"),
        ({"lineItems": [_line("L1", 2)]}, "line items"),
        ({"lineItems": [_line("L1", 1), _line("L1", 1), _line("L2", 1)]}, ""),  # split: the same
        ({"lineItems": [_line("L1", 2), _line("L2", 2)]}, "line items"),
        ({"lineItems": [_line("L1", 2), _line("L2", 1), _line("L3", 1)]}, "line items"),
        ({"trackingNumber": "1Z999AA10123456785"}, "tracking"),
        ({"trackingNumber": None}, "tracking"),
    ],
)
def test_anything_else_is_not_a_confirmation(changes: dict[str, Any], said: str) -> None:
    found = unconfirmed(SENT, _answer(**changes))
    assert said in found
    assert bool(found) == bool(said)


def test_without_an_id_or_tracking_sent_those_are_redo_s_to_choose() -> None:
    dummy = SENT.model_copy(update={"fulfillment_id": None, "tracking": None})
    fulfillment = _answer(id="ful_9", trackingNumber="DUMMY123").fulfillment
    assert differences(dummy, fulfillment) == ""
    assert same_lines(dummy, fulfillment)
