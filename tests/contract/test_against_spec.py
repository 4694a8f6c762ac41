"""Every request PackStation sends and every answer the sandbox gives, checked against the spec.

The official document is vendored in ``spec/`` (npm ``@redotech/redo-api-schema`` 2.2.693).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from openapi_schema_validator import OAS31Validator
from pydantic import BaseModel

from packstation.redo import NotFound, RedoClient, Rejected, Unauthorized
from packstation.redo.inventory import list_inventory_levels
from packstation.redo.models import (
    Address,
    ApiErrorBody,
    CreateFulfillmentRequest,
    Customer,
    Fulfillment,
    FulfillmentLineItem,
    FulfillmentLineRequest,
    InitialTracking,
    InventoryLevel,
    InventoryLevelDetail,
    InventoryLocation,
    InventoryProduct,
    InventoryProductDetail,
    LineItem,
    Order,
    ProblemDetails,
    ShipmentStatus,
    Shipping,
    StatusUpdate,
    Tracking,
    TrackingEvent,
    TrackingLocation,
    TrackingLocationRequest,
    UpdateFulfillmentStatusRequest,
)
from packstation.resources import resource_path
from packstation.sandbox import SandboxServer
from tests.contract.conftest import schema, spec_dict, validate_exchange

NOW = dt.datetime(2026, 11, 26, 9, 30, tzinfo=dt.UTC)


def _requests() -> list[CreateFulfillmentRequest]:
    lines = [FulfillmentLineRequest(id="li_1012_001", quantity=1)]
    return [
        CreateFulfillmentRequest(line_items=lines),
        CreateFulfillmentRequest(
            line_items=lines,
            fulfillment_id="pk-a",
            tracking=Tracking(carrier="UPS", code="1Z999AA10123456784"),
        ),
        CreateFulfillmentRequest(line_items=lines, fulfillment_id="pk-b", use_dummy_tracking=True),
        CreateFulfillmentRequest(
            line_items=lines,
            fulfillment_id="pk-c",
            use_dummy_tracking=True,
            initial_tracking=InitialTracking(
                status=ShipmentStatus.OUT_FOR_DELIVERY,
                estimated_delivery_date=NOW,
                message="With courier",
                datetime=NOW,
                location=TrackingLocationRequest(
                    city="Sydney", state="NSW", country="AU", postal_code="2000"
                ),
            ),
        ),
    ]


@pytest.mark.parametrize("variant", range(4), ids=["bare", "tracking", "dummy", "dummy-initial"])
def test_create_fulfillment_requests_and_answers_match_the_spec(
    client: RedoClient, sandbox: SandboxServer, variant: int
) -> None:
    client.create_fulfillment("5801012", _requests()[variant])
    validate_exchange(sandbox.exchanges[-1])


@pytest.mark.parametrize("status", list(StatusUpdate))
def test_status_update_requests_and_answers_match_the_spec(
    client: RedoClient, sandbox: SandboxServer, status: StatusUpdate
) -> None:
    created = client.create_fulfillment("5801012", _requests()[2])
    client.update_fulfillment_status(
        "5801012",
        created.id,
        UpdateFulfillmentStatusRequest(
            status=status,
            message="Scan at hub",
            datetime=NOW,
            estimated_delivery_date=NOW,
            location=TrackingLocationRequest(city="Sydney"),
        ),
    )
    validate_exchange(sandbox.exchanges[-1])


@pytest.mark.parametrize("name", [f"#{n}" for n in range(1001, 1014)])
def test_every_demo_order_answer_matches_the_spec(
    client: RedoClient, sandbox: SandboxServer, name: str
) -> None:
    client.get_order(name)
    validate_exchange(sandbox.exchanges[-1])


def test_inventory_answers_match_the_spec(client: RedoClient, sandbox: SandboxServer) -> None:
    level = client.find_inventory_levels("BTL-STL-750")[0]
    validate_exchange(sandbox.exchanges[-1])
    client.get_inventory_level(level.id)
    validate_exchange(sandbox.exchanges[-1])


def test_paged_inventory_answers_match_the_spec(client: RedoClient, sandbox: SandboxServer) -> None:
    listing = list_inventory_levels(client, max_pages=3, page_size=10)
    assert listing.complete and listing.requests == 3
    for exchange in list(sandbox.exchanges)[-3:]:
        validate_exchange(exchange)


def test_error_answers_match_the_spec(client: RedoClient, sandbox: SandboxServer) -> None:
    with pytest.raises(NotFound):
        client.get_order("#404")
    validate_exchange(sandbox.exchanges[-1])
    with pytest.raises(Rejected):
        client.create_fulfillment(
            "5801004",
            _requests()[0].model_copy(
                update={"line_items": [FulfillmentLineRequest(id="li_1004_001", quantity=1)]}
            ),
        )
    validate_exchange(sandbox.exchanges[-1])
    sandbox.faults.set(revoked=True)
    with pytest.raises(Unauthorized):
        client.get_order("#1001")
    validate_exchange(sandbox.exchanges[-1])


def test_demo_data_matches_the_spec_schemas() -> None:
    validator = OAS31Validator(
        {
            "$ref": "#/components/schemas/orders-api-get-order-response.schema",
            "components": spec_dict()["components"],
        }
    )
    data = json.loads(resource_path("sandbox", "orders.json").read_text("utf-8"))
    for record in data["orders"]:
        order = dict(record["order"])
        for line in order["lineItems"]:
            if line.get("imageUrl"):
                line["imageUrl"] = "http://127.0.0.1:8787" + line["imageUrl"]
        validator.validate(order)
        Order.model_validate(order)


# --- realistic fixtures for every model ---------------------------------------

FIXTURES: dict[str, tuple[type[BaseModel], dict[str, Any]]] = {
    "orders-api-error.schema": (ApiErrorBody, {"error": "Order not found"}),
    "error.schema": (
        ProblemDetails,
        {
            "type": "about:blank",
            "title": "Service Unavailable",
            "detail": "Try later",
            "instance": "/x",
        },
    ),
    "orders-api-tracking-event.schema": (
        TrackingEvent,
        {
            "message": "Arrived at facility",
            "status": "in_transit",
            "datetime": "2026-11-24T08:00:00Z",
            "location": {"city": "Reno", "state": "NV", "country": "US", "postalCode": "89501"},
        },
    ),
    "inventory-level-list.schema": (
        InventoryLevel,
        {
            "id": "li_9b2c4d6e8f",
            "product": {"id": "prd_1", "title": "Tee - Black / M", "sku": "TSH-BLK-M"},
            "location": {"id": "loc_1", "name": "East"},
            "quantity": 10,
            "available": 8,
            "committed": 1,
            "reserved": 1,
            "buildable": 0,
            "total_available": 8,
            "updated_at": "2026-03-31T18:45:00.000Z",
        },
    ),
}


@pytest.mark.parametrize("schema_name", sorted(FIXTURES))
def test_fixtures_are_valid_and_parse(schema_name: str) -> None:
    model, data = FIXTURES[schema_name]
    validator = OAS31Validator(
        {"$ref": f"#/components/schemas/{schema_name}", "components": spec_dict()["components"]}
    )
    validator.validate(data)
    model.model_validate(data)


# --- field names must not drift from the spec's property names ---------------------

MODEL_SCHEMAS: list[tuple[type[BaseModel], str]] = [
    (LineItem, "orders-api-line-item.schema"),
    (Customer, "orders-api-customer.schema"),
    (Address, "orders-api-shipping-address.schema"),
    (Address, "orders-api-billing-address.schema"),
    (Shipping, "orders-api-shipping.schema"),
    (TrackingLocation, "orders-api-tracking-location.schema"),
    (TrackingLocationRequest, "orders-api-tracking-location.schema"),
    (TrackingEvent, "orders-api-tracking-event.schema"),
    (FulfillmentLineItem, "orders-api-fulfillment-line-item.schema"),
    (Fulfillment, "orders-api-fulfillment.schema"),
    (CreateFulfillmentRequest, "orders-api-create-fulfillment-request.schema"),
    (UpdateFulfillmentStatusRequest, "orders-api-update-fulfillment-status-request.schema"),
    (ApiErrorBody, "orders-api-error.schema"),
    (ProblemDetails, "error.schema"),
    (InventoryProduct, "inventory-level-product-summary.schema"),
    (InventoryLocation, "inventory-level-location.schema"),
    (InventoryLevel, "inventory-level-list.schema"),
]


def _properties(name: str) -> tuple[set[str], set[str]]:
    """All property names and required names of a schema, following allOf and $ref."""
    node = schema(name)
    props: set[str] = set()
    required: set[str] = set()
    parts = node.get("allOf", [node])
    for part in parts:
        if "$ref" in part:
            p, r = _properties(part["$ref"].rsplit("/", 1)[1])
        else:
            p, r = set(part.get("properties", {})), set(part.get("required", []))
        props |= p
        required |= r
    return props, required


def _aliases(model: type[BaseModel]) -> tuple[set[str], set[str]]:
    names = {f.alias or n for n, f in model.model_fields.items()}
    required = {f.alias or n for n, f in model.model_fields.items() if f.is_required()}
    return names, required


@pytest.mark.parametrize(
    ("model", "schema_name"), MODEL_SCHEMAS, ids=lambda v: getattr(v, "__name__", v)
)
def test_model_fields_match_spec_properties(model: type[BaseModel], schema_name: str) -> None:
    spec_props, spec_required = _properties(schema_name)
    names, required = _aliases(model)
    assert names == spec_props
    # A field the spec requires must be required by a request model; a response model may
    # be stricter than the spec only where the spec requires it too.
    assert required <= spec_props
    if issubclass(model, (CreateFulfillmentRequest, UpdateFulfillmentStatusRequest)):
        assert spec_required <= required


def test_order_model_covers_get_order_response() -> None:
    props, _ = _properties("orders-api-get-order-response.schema")
    assert _aliases(Order)[0] == props


def test_inventory_detail_models_cover_their_schemas() -> None:
    assert _aliases(InventoryLevelDetail)[0] == _properties("inventory-level-detail.schema")[0]
    assert (
        _aliases(InventoryProductDetail)[0]
        == _properties("inventory-level-product-detail.schema")[0]
    )


def test_nested_request_shapes_match() -> None:
    create = schema("orders-api-create-fulfillment-request.schema")["properties"]
    assert set(create["tracking"]["properties"]) == _aliases(Tracking)[0]
    assert set(create["tracking"]["required"]) == _aliases(Tracking)[1]
    assert set(create["initialTracking"]["properties"]) == _aliases(InitialTracking)[0]
    assert set(create["lineItems"]["items"]["properties"]) == _aliases(FulfillmentLineRequest)[0]
    assert set(create["initialTracking"]["properties"]["status"]["enum"]) == {
        s.value for s in ShipmentStatus
    }
    update = schema("orders-api-update-fulfillment-status-request.schema")["properties"]
    assert set(update["status"]["enum"]) == {s.value for s in StatusUpdate}


def test_the_validator_bites(client: RedoClient, sandbox: SandboxServer) -> None:
    """A wrong answer or request must fail validation, or the tests above prove nothing."""
    import dataclasses

    client.get_order("#1001")
    good = sandbox.exchanges[-1]
    body = json.loads(good.response_body)
    del body["fulfillments"]
    broken = dataclasses.replace(good, response_body=json.dumps(body).encode())
    with pytest.raises(Exception, match="fulfillments"):
        validate_exchange(broken)
    client.create_fulfillment("5801012", _requests()[0])
    sent = sandbox.exchanges[-1]
    wrong = dataclasses.replace(sent, request_body=b'{"lineItems": [{"id": "x", "quantity": 0}]}')
    with pytest.raises(Exception):  # noqa: B017 - openapi-core's error types vary by version
        validate_exchange(wrong)


def test_dummy_tracking_details_typed_at_the_bench_match_the_spec(
    client: RedoClient, sandbox: SandboxServer
) -> None:
    from packstation.packing import DummyTracking, PackingSession
    from packstation.packing.details import TrackingDetails, status_update_request

    details = TrackingDetails(
        "2026-12-02", "2026-11-27T14:30:00+01:00", "Sydney", "NSW", "AU", "2000"
    )
    session = PackingSession(client.get_order("5801012"))
    session.scan("GLV-TRK-BLK-L")
    request = session.to_request(DummyTracking(ShipmentStatus.IN_TRANSIT, "Left the dock", details))
    created = client.create_fulfillment("5801012", request)
    validate_exchange(sandbox.exchanges[-1])
    sent = json.loads(sandbox.exchanges[-1].request_body)["initialTracking"]
    assert sent["estimatedDeliveryDate"].startswith("2026-12-02T00:00:00")
    assert sent["datetime"].startswith("2026-11-27T14:30:00+01:00")
    assert sent["location"] == {
        "city": "Sydney",
        "state": "NSW",
        "country": "AU",
        "postalCode": "2000",
    }
    update = status_update_request("delayed", "Weather", TrackingDetails(city="Perth"))
    client.update_fulfillment_status("5801012", created.id, update)
    validate_exchange(sandbox.exchanges[-1])
    sent = json.loads(sandbox.exchanges[-1].request_body)
    assert sent == {"status": "delayed", "message": "Weather", "location": {"city": "Perth"}}
