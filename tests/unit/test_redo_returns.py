"""The returns models on spec-shaped JSON: what the bench reads, what it tolerates, what it
refuses; the requests it builds; and which products a retry may still send."""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from openapi_schema_validator import OAS31Validator
from pydantic import ValidationError

from packstation.redo.errors import Forbidden, Problem, ProblemKind, ProcessRefused, Scope
from packstation.redo.returns import (
    ItemState,
    Return,
    ReturnDetail,
    ReturnShipmentStatus,
    ReturnStatus,
    ReturnType,
    normalise_tracker,
)
from packstation.redo.returns_api import ReturnQuery
from packstation.redo.returns_process import (
    CreateCommentRequest,
    ImageComment,
    MessageComment,
    ProcessOutcome,
    ProcessProduct,
    ProcessResult,
    ProcessReturnRequest,
    ReturnStatusUpdate,
    check_process,
)
from tests.contract.conftest import spec_dict

ORDER_ID = "64e4da943dd822979a70bd12"
ITEM_A, ITEM_B = "64e4d5e837572a4813b73e41", "64e4d5e837572a4813b73e42"
TRIGGERED = "Processing triggered successfully"
PREPARED = (
    "Successfully prepared some products to be processed, once all products are ready,"
    " processing will be triggered"
)


def _money(amount: str) -> dict[str, str]:
    return {"amount": amount, "currency": "USD"}


def _address() -> dict[str, str]:
    return {
        "line1": "2150 NW Front Ave",
        "city": "Portland",
        "state": "OR",
        "postalCode": "97209",
        "country": "US",
    }


def return_json(**changes: Any) -> dict[str, Any]:
    """A return as ``return-read.schema`` describes it: two items, one exchanged."""
    shipment = {
        "carrier": "UPS",
        "status": "delivered",
        "tracker": "1Z A8V4 7303 6721 0455",
        "trackingUrl": "https://www.ups.com/track?tracknum=1ZA8V4730367210455",
        "shipmentGroupId": "sg_1",
        "itemIds": [ITEM_A, ITEM_B],
        "estimatedDeliveryDate": "2026-12-04",
        "deliveredAt": "2026-12-04T10:05:00.000Z",
    }
    data: dict[str, Any] = {
        "id": "64e4d5e837572a4813b73e40",
        "type": "return",
        "status": "delivered",
        "createdAt": "2026-12-01T15:20:00.000Z",
        "updatedAt": "2026-12-04T10:05:00.000Z",
        "order": {"id": ORDER_ID, "name": "#1001"},
        "externalOrderIds": ["5801001"],
        "source": {
            "emailAddress": "ana@example.com",
            "name": {"given": "Ana", "surname": "Silva"},
            "phoneNumber": "+15035550123",
            "mailingAddress": _address(),
        },
        "destination": {"mailingAddress": _address(), "phoneNumber": "+15035550100"},
        "giftCards": [],
        "protection": {
            "covered": False,
            "returnsCoverage": False,
            "packageProtection": False,
            "finalSaleCoverage": False,
            "labelPayer": None,
            "labelPayerReason": None,
        },
        "items": [
            {
                "id": ITEM_A,
                "orderItem": {"id": f"{ORDER_ID}/0", "line_item_id": "li_1001_001"},
                "productId": "prd_1",
                "variantId": "var_1",
                "sku": "JKT-RAIN-NVY-M",
                "upc": "840312000059",
                "quantity": 2,
                "reason": "Too small",
                "reasonCode": "TOO_SMALL",
                "reasons": ["Too small"],
                "customerComment": "Tight across the shoulders.",
                "status": "open",
                "productValueNoTaxNoAdjustment": {"amount": _money("189.00")},
            },
            {
                "id": ITEM_B,
                "orderItem": {"id": f"{ORDER_ID}/1"},
                "quantity": 1,
                "reason": "Other",
                "exchangeItem": {
                    "product": {"externalId": "prd_9", "name": "Rain Jacket"},
                    "variant": {"externalId": "var_9", "name": "Navy / L"},
                    "quantity": 1,
                },
            },
        ],
        "shipment": shipment,
        "shipments": [shipment],
        "exchange": {
            "items": [{"id": "x1", "quantity": 1, "variant": {"name": "Navy / L", "sku": "JKT-L"}}],
            "provision": "deferred",
        },
        "notes": [{"message": "Box was wet."}],
    }
    data.update(changes)
    return data


def order_json() -> dict[str, Any]:
    """The order a return came from (``order-read.schema``)."""

    def line(n: int, line_id: str, name: str, variant: str, sku: str) -> dict[str, Any]:
        return {
            "id": line_id,
            "externalId": f"li_1001_00{n + 1}",
            "product": {"name": name},
            "variant": {"name": variant, "sku": sku},
            "quantity": 1,
            "price": _money("10.00"),
            "fulfillmentLocationId": None,
        }

    return {
        "id": ORDER_ID,
        "name": "#1001",
        "externalId": "5801001",
        "customer": {"name": {"given": "Ana", "surname": "Silva"}},
        "items": [
            line(0, "ol_a", "Rain Jacket", "Navy / M", "JKT-RAIN-NVY-M"),
            line(1, "ol_b", "Wool Beanie", "Default Title", "BNE-WOOL-CHR"),
        ],
        "discounts": _money("0"),
        "lineItemsTotal": _money("20.00"),
        "shippingCost": _money("0"),
        "taxes": _money("0"),
        "total": _money("20.00"),
        "protection": {
            "covered": False,
            "returnsCoverage": False,
            "packageProtection": False,
            "finalSaleCoverage": False,
        },
    }


def _validator(name: str) -> OAS31Validator:
    ref = {"$ref": f"#/components/schemas/{name}", "components": spec_dict()["components"]}
    return OAS31Validator(ref)


def test_the_fixtures_are_what_the_spec_describes() -> None:
    _validator("return-read.schema").validate(return_json())
    _validator("order-read.schema").validate(order_json())


# --- reading ----------------------------------------------------------------------


def test_a_return_reads_as_the_bench_needs_it() -> None:
    ret = Return.model_validate(return_json())
    assert ret.id == "64e4d5e837572a4813b73e40"
    assert ret.status is ReturnStatus.DELIVERED and ret.type is ReturnType.RETURN
    assert ret.created_at == dt.datetime(2026, 12, 1, 15, 20, tzinfo=dt.UTC)
    assert ret.updated_at.tzinfo is not None
    assert (ret.order.id, ret.order_name) == (ORDER_ID, "#1001")
    a, b = ret.items
    assert (a.sku, a.upc, a.quantity, a.reason, a.reason_code) == (
        "JKT-RAIN-NVY-M",
        "840312000059",
        2,
        "Too small",
        "TOO_SMALL",
    )
    assert a.customer_comment == "Tight across the shoulders."
    assert a.value == Decimal("189.00") and b.value is None
    assert a.order_item is not None and a.order_item.line_item_id == "li_1001_001"
    assert b.exchange_item is not None and b.exchange_item.variant is not None
    assert b.exchange_item.variant.name == "Navy / L"
    assert ret.exchange is not None and ret.exchange.provision == "deferred"
    assert ret.notes[0].message == "Box was wet."
    assert ret.item("nope") is None and ret.item(ITEM_B) is b


def test_the_shipment_is_found_once_whether_sent_alone_in_the_list_or_both() -> None:
    both = Return.model_validate(return_json())
    assert len(both.all_shipments()) == 1
    assert both.all_shipments()[0].status is ReturnShipmentStatus.DELIVERED
    assert both.trackers() == ["1ZA8V4730367210455"]
    alone = Return.model_validate(return_json(shipments=[]))
    assert alone.trackers() == ["1ZA8V4730367210455"]
    listed = Return.model_validate(return_json(shipment=None))
    assert listed.trackers() == ["1ZA8V4730367210455"]
    # A scanned label: spaces and case as the scanner delivers them.
    assert both.has_tracker("1za8v4730367210455") and not both.has_tracker("")
    assert not both.has_tracker("1ZA8V4730367210456")
    assert normalise_tracker(" 1z a8 ") == "1ZA8"


def test_items_are_titled_from_the_order_lines_they_point_at() -> None:
    detail = ReturnDetail.model_validate({"return": return_json(), "order": order_json()})
    a, b = detail.lines()
    # Item A points at its line by Shopify line ID; B only by the "{orderId}/{index}" form.
    assert a.title == "Rain Jacket - Navy / M" and a.state is ItemState.OPEN
    assert b.title == "Wool Beanie"  # Shopify's "Default Title" adds nothing
    assert b.sku == "BNE-WOOL-CHR"  # the item has none: the order line's
    assert a.sku == "JKT-RAIN-NVY-M"


def test_without_the_order_or_with_another_the_items_still_read() -> None:
    detail = ReturnDetail.model_validate({"return": return_json()})
    assert detail.order is None
    assert [line.title for line in detail.lines()] == [None, None]
    other = order_json() | {"id": "someone-elses"}
    ret = Return.model_validate(return_json())
    assert [
        line.line
        for line in ret.lines(
            ReturnDetail.model_validate({"return": return_json(), "order": other}).order
        )
    ] == [None, None]


def test_redo_growing_does_not_break_the_bench() -> None:
    data = return_json(status="awaiting_pickup", type="exchange_only", brandNewField={"x": 1})
    data["items"][0] |= {"newItemField": 3, "sku": None, "reason": None}
    data["items"][0]["productValueNoTaxNoAdjustment"] = {"amount": _money("n/a")}
    data["shipment"] = {"carrier": "DHL", "status": "teleported", "tracker": None}
    data["exchange"]["provision"] = "someday"
    data |= {"shipments": None, "notes": None, "externalOrderIds": None}
    data["items"][1] |= {"reasons": None, "shipmentGroupIds": None}
    ret = Return.model_validate(data)
    assert ret.shipments == [] and ret.notes == [] and ret.items[1].reasons == []
    assert ret.status is ReturnStatus.UNRECOGNISED and ret.type is None
    assert ret.model_extra is not None and ret.model_extra["brandNewField"] == {"x": 1}
    assert ret.items[0].value is None and ret.items[0].sku is None
    assert ret.all_shipments()[0].status is ReturnShipmentStatus.UNKNOWN
    assert ret.exchange is not None and ret.exchange.provision is None
    # A status the client does not know leaves every item for a person.
    assert {ret.item_state(i) for i in ret.items} == {ItemState.UNCLEAR}


def test_nulls_redo_describes_are_read_though_the_spec_cannot_say_so() -> None:
    """The document is OpenAPI 3.1 but marks ``upc``, ``grade`` and ``outcome`` with 3.0's
    ``nullable``, which 3.1 ignores: a validator refuses the nulls Redo says it sends."""
    data = return_json()
    data["items"][0] |= {"upc": None, "grade": None, "outcome": None}
    with pytest.raises(Exception, match="None is not of type"):
        _validator("return-read.schema").validate(data)
    item = Return.model_validate(data).items[0]
    assert (item.upc, item.grade, item.outcome) == (None, None, None)


def test_the_least_a_return_can_be() -> None:
    ret = Return.model_validate(
        {
            "id": "r1",
            "status": "open",
            "createdAt": "2026-12-01T00:00:00Z",
            "updatedAt": "2026-12-01T00:00:00Z",
            "order": {"id": "o1"},
            "items": [{"id": "i1", "quantity": 1}],
        }
    )
    assert ret.trackers() == [] and ret.items[0].order_item is None
    assert ret.lines(None)[0].title is None


def _without(path: tuple[Any, ...]) -> dict[str, Any]:
    data = return_json()
    node: Any = data
    for key in path[:-1]:
        node = node[key]
    del node[path[-1]]
    return data


@pytest.mark.parametrize(
    "path",
    [
        ("id",),
        ("status",),
        ("createdAt",),
        ("updatedAt",),
        ("order",),
        ("order", "id"),
        ("items",),
        ("items", 0, "id"),
        ("items", 1, "quantity"),
    ],
    ids=lambda p: ".".join(map(str, p)),
)
def test_a_return_without_what_the_bench_needs_is_malformed(path: tuple[Any, ...]) -> None:
    with pytest.raises(ValidationError):
        Return.model_validate(_without(path))


@pytest.mark.parametrize(
    "changes",
    [
        {"id": "   "},
        {"id": 17},
        {"createdAt": "yesterday"},
        {"items": {"id": "i1"}},
        {"order": {"id": ""}},
    ],
)
def test_a_return_with_what_the_bench_needs_wrong_is_malformed(changes: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        Return.model_validate(return_json(**changes))


@pytest.mark.parametrize("quantity", [-1, 1.5, "two", None])
def test_an_item_quantity_must_be_a_count(quantity: object) -> None:
    data = return_json()
    data["items"][0]["quantity"] = quantity
    with pytest.raises(ValidationError):
        Return.model_validate(data)


def test_a_detail_without_its_return_is_malformed() -> None:
    with pytest.raises(ValidationError):
        ReturnDetail.model_validate({"order": order_json()})
    with pytest.raises(ValidationError):
        ReturnDetail.model_validate_json(b'{"return": null, "order": null}')


# --- item states and retries ------------------------------------------------------


@pytest.mark.parametrize(
    ("return_status", "item_status", "state"),
    [
        ("delivered", "open", ItemState.OPEN),
        ("delivered", None, ItemState.OPEN),
        ("in_transit", "OPEN", ItemState.OPEN),
        ("needs_review", "complete", ItemState.DONE),
        ("delivered", "rejected", ItemState.DONE),
        ("delivered", "processed", ItemState.DONE),
        ("delivered", "pending_processing", ItemState.UNCLEAR),
        ("complete", "open", ItemState.DONE),  # completing a return completes its items
        ("rejected", None, ItemState.DONE),
        ("deleted", "open", ItemState.DONE),
        ("something_new", "open", ItemState.UNCLEAR),
    ],
)
def test_item_states(return_status: str, item_status: str | None, state: ItemState) -> None:
    data = return_json(status=return_status)
    data["items"][0]["status"] = item_status
    ret = Return.model_validate(data)
    assert ret.item_state(ret.items[0]) is state


def _both() -> ProcessReturnRequest:
    return ProcessReturnRequest(
        products=[ProcessProduct.processed(ITEM_A, restock=True), ProcessProduct.rejected(ITEM_B)],
        customer_notes="Thanks",
    )


def test_a_retry_sends_everything_when_nothing_happened() -> None:
    check = check_process(Return.model_validate(return_json()), _both())
    assert check.to_send == _both() and not check.settled


def test_a_retry_sends_nothing_once_the_return_is_processed() -> None:
    check = check_process(Return.model_validate(return_json(status="complete")), _both())
    assert check.to_send is None and check.done == (ITEM_A, ITEM_B) and check.settled


def test_a_retry_sends_only_what_redo_has_not_handled() -> None:
    data = return_json()
    data["items"][0]["status"] = "complete"
    data["items"][1]["status"] = "open"
    check = check_process(Return.model_validate(data), _both())
    assert check.to_send is not None and check.to_send.item_ids() == [ITEM_B]
    assert check.to_send.customer_notes == "Thanks"
    assert check.done == (ITEM_A,)


def test_a_retry_holds_back_what_it_cannot_read_and_what_is_not_there() -> None:
    data = return_json()
    data["items"][0]["status"] = "pending_processing"
    data["items"].pop(1)
    check = check_process(Return.model_validate(data), _both())
    assert check.to_send is None and not check.settled
    assert (check.unclear, check.unknown) == ((ITEM_A,), (ITEM_B,))


@pytest.mark.parametrize(
    ("message", "outcome"),
    [
        (TRIGGERED, ProcessOutcome.TRIGGERED),
        (PREPARED, ProcessOutcome.PREPARED),
        (None, ProcessOutcome.ACCEPTED),
        ("OK\n\x1b[31m", ProcessOutcome.ACCEPTED),
    ],
)
def test_what_a_200_to_process_says(message: str | None, outcome: ProcessOutcome) -> None:
    result = ProcessResult.of(message)
    assert result.outcome is outcome
    assert "\n" not in result.message and "\x1b" not in result.message


# --- requests ---------------------------------------------------------------------


def test_a_product_is_processed_or_rejected_never_both_nor_neither() -> None:
    with pytest.raises(ValidationError):
        ProcessProduct(id=ITEM_A)
    with pytest.raises(ValidationError):
        ProcessProduct(id=ITEM_A, reject=False)
    with pytest.raises(ValidationError):
        ProcessProduct.model_validate(
            {"_id": ITEM_A, "reject": True, "processInput": {"restock": True}}
        )
    with pytest.raises(ValidationError):
        ProcessProduct.processed(" ", restock=True)


def test_a_process_request_names_each_item_once_and_at_least_one() -> None:
    with pytest.raises(ValidationError):
        ProcessReturnRequest(products=[])
    with pytest.raises(ValidationError):
        ProcessReturnRequest(
            products=[ProcessProduct.rejected(ITEM_A), ProcessProduct.rejected(ITEM_A)]
        )
    with pytest.raises(ValidationError):
        ProcessReturnRequest.model_validate({"products": [], "idempotencyKey": "k"})


@pytest.mark.parametrize(
    "credit", [Decimal(-1), Decimal("NaN"), Decimal("Infinity"), Decimal("0.001")]
)
def test_a_credit_is_a_finite_amount_in_cents(credit: Decimal) -> None:
    with pytest.raises(ValidationError):
        ProcessProduct.processed(ITEM_A, restock=True, adjustment=credit)


def test_comments() -> None:
    image = ImageComment.of_bytes(b"\x89PNG")
    assert CreateCommentRequest(comment=image).to_json_dict() == {"comment": {"image": "iVBORw=="}}
    message = CreateCommentRequest(comment=MessageComment(message="2 of 2 arrived"))
    assert message.to_json_dict() == {"comment": {"message": "2 of 2 arrived"}}
    assert CreateCommentRequest.model_validate(
        {"comment": {"message": "m"}}
    ) == CreateCommentRequest(comment=MessageComment(message="m"))
    for bad in ({"message": "m", "image": "aGk="}, {"image": "not base64!"}, {"message": " "}, {}):
        with pytest.raises(ValidationError):
            CreateCommentRequest.model_validate({"comment": bad})


def test_status_updates_name_statuses_a_return_has() -> None:
    assert {u.status for u in ReturnStatusUpdate} < set(ReturnStatus)


# --- the list's filters -----------------------------------------------------------


def test_list_filters() -> None:
    plus_one = dt.timezone(dt.timedelta(hours=1))
    query = ReturnQuery(
        status=ReturnStatus.DELIVERED,
        updated_at_min=dt.datetime(2026, 12, 1, 10, 30, tzinfo=plus_one),
        updated_at_max=dt.datetime(2026, 12, 2, tzinfo=dt.UTC),
        shopify_order_name=" #1001 ",
        provider_order_name="  ",
    )
    assert query.params() == {
        "status": "delivered",
        "updated_at_min": "2026-12-01T09:30:00.000Z",
        "updated_at_max": "2026-12-02T00:00:00.000Z",
        "shopify_order_name": "#1001",
    }
    assert ReturnQuery().params() == {}
    with pytest.raises(ValueError, match="time zone"):
        ReturnQuery(updated_at_min=dt.datetime(2026, 12, 1)).params()
    with pytest.raises(ValueError, match="unrecognised"):
        ReturnQuery(status=ReturnStatus.UNRECOGNISED).params()


# --- errors -----------------------------------------------------------------------


def test_a_missing_scope_and_a_refusal_keep_their_facts_across_a_restart() -> None:
    forbidden = Forbidden(Problem(ProblemKind.SCOPE_MISSING, scope=Scope.RETURNS_WRITE))
    assert forbidden.scope is Scope.RETURNS_WRITE
    stored = forbidden.problem.to_json()
    assert stored == {"kind": "scope_missing", "scope": "returns_write"}
    assert Problem.from_json(stored) == forbidden.problem
    refused = ProcessRefused(
        Problem(
            ProblemKind.REFUSED, status=400, said="Bad Request: item 9 is not on it", reference="r1"
        )
    )
    assert (refused.return_id, refused.server_message) == ("r1", "Bad Request: item 9 is not on it")
    assert Problem.from_json(refused.problem.to_json()) == refused.problem
    assert not refused.retryable and not refused.outcome_unknown
    with pytest.raises(ValueError):
        Problem.from_json({"kind": "scope_missing", "scope": "everything"})


def test_the_fixture_is_not_shared_state() -> None:
    data = return_json()
    before = copy.deepcopy(data)
    Return.model_validate(data)
    assert data == before
