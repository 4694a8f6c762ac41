"""Every request the returns client builds, checked against the official document.

Each body, path, query and header set is built exactly as ``ReturnsApi`` builds it and
validated by openapi-core against the vendored spec (2.2.693); the response models' names
and enums are held against the spec's schemas so they cannot drift.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from enum import StrEnum
from typing import Any

import pytest
from openapi_core.testing import MockRequest
from pydantic import BaseModel

from packstation.redo.returns import (
    ExchangeItem,
    ExchangeProvision,
    Return,
    ReturnComment,
    ReturnItem,
    ReturnNote,
    ReturnShipment,
    ReturnShipmentStatus,
    ReturnStatus,
    ReturnType,
)
from packstation.redo.returns_api import PAGE_SIZE_MAX, ReturnQuery
from packstation.redo.returns_order import OrderLine, OrderVariant, ReturnOrder
from packstation.redo.returns_process import (
    CreateCommentRequest,
    ImageComment,
    MessageComment,
    ProcessInput,
    ProcessProduct,
    ProcessReturnRequest,
    ReturnStatusUpdate,
    UpdateReturnStatusRequest,
)
from tests.contract.conftest import openapi, schema, spec_dict

RETURN_ID = "64e4d5e837572a4813b73e40"
ITEM_A, ITEM_B = "64e4d5e837572a4813b73e41", "64e4d5e837572a4813b73e42"
T0 = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)


def _validate(method: str, path: str, body: dict[str, Any] | None = None, **kw: Any) -> None:
    request = MockRequest(
        host_url="http://127.0.0.1",
        method=method.lower(),
        path="/v2.2" + path,
        args=kw.get("args", {}),
        headers={"Authorization": "Bearer sbx-token", **kw.get("headers", {})},
        data=None if body is None else json.dumps(body).encode(),
        content_type="application/json",
    )
    openapi().validate_request(request)


# --- request bodies -----------------------------------------------------------------


PROCESS_REQUESTS = {
    "restock": ProcessReturnRequest(products=[ProcessProduct.processed(ITEM_A, restock=True)]),
    "damaged": ProcessReturnRequest(products=[ProcessProduct.processed(ITEM_A, restock=False)]),
    "partial-credit": ProcessReturnRequest(
        products=[ProcessProduct.processed(ITEM_A, restock=True, adjustment=Decimal("24.50"))]
    ),
    "reject": ProcessReturnRequest(products=[ProcessProduct.rejected(ITEM_A)]),
    "mixed-with-notes": ProcessReturnRequest(
        products=[
            ProcessProduct.processed(ITEM_A, restock=True, adjustment=Decimal(0)),
            ProcessProduct.rejected(ITEM_B),
        ],
        customer_notes="One item did not arrive.",
    ),
}


@pytest.mark.parametrize("name", sorted(PROCESS_REQUESTS))
def test_process_requests_match_the_spec(name: str) -> None:
    _validate("POST", f"/returns/{RETURN_ID}/process", PROCESS_REQUESTS[name].to_json_dict())


def test_process_bodies_are_what_redo_reads() -> None:
    body = PROCESS_REQUESTS["mixed-with-notes"].to_json_dict()
    assert body == {
        "products": [
            {"_id": ITEM_A, "processInput": {"restock": True, "newMerchantAdjustment": 0.0}},
            {"_id": ITEM_B, "reject": True},
        ],
        "customerNotes": "One item did not arrive.",
    }
    credit = PROCESS_REQUESTS["partial-credit"].to_json_dict()["products"][0]["processInput"]
    # A JSON number, as the spec types it, not the string pydantic makes of a Decimal.
    assert credit["newMerchantAdjustment"] == 24.5
    assert isinstance(credit["newMerchantAdjustment"], float)


@pytest.mark.parametrize("status", list(ReturnStatusUpdate))
def test_status_updates_match_the_spec(status: ReturnStatusUpdate) -> None:
    body = UpdateReturnStatusRequest(status=status).to_json_dict()
    _validate("PUT", f"/returns/{RETURN_ID}/status", body)


@pytest.mark.parametrize(
    "comment",
    [MessageComment(message="Arrived: 1 sellable."), ImageComment.of_bytes(b"\x89PNG\r\n\x1a\n")],
    ids=["message", "image"],
)
def test_comments_match_the_spec(comment: MessageComment | ImageComment) -> None:
    body = CreateCommentRequest(comment=comment).to_json_dict()
    assert len(body["comment"]) == 1
    _validate("POST", f"/returns/{RETURN_ID}/comments", body)


@pytest.mark.parametrize("tail", ["", "/status", "/comments"])
def test_return_reads_match_the_spec(tail: str) -> None:
    _validate("GET", f"/returns/{RETURN_ID}{tail}")


QUERIES = {
    "none": ReturnQuery(),
    "status": ReturnQuery(status=ReturnStatus.DELIVERED),
    "window": ReturnQuery(updated_at_min=T0, updated_at_max=T0 + dt.timedelta(days=1)),
    "shopify-name": ReturnQuery(shopify_order_name="#1001"),
    "provider-name": ReturnQuery(provider_order_name="XYZ1025"),
    "everything": ReturnQuery(
        status=ReturnStatus.IN_TRANSIT,
        updated_at_min=dt.datetime(2026, 12, 1, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        shopify_order_name="#1003",
    ),
}


@pytest.mark.parametrize("name", sorted(QUERIES))
@pytest.mark.parametrize("page", [(1, None), (PAGE_SIZE_MAX, "64df700931a04885276c3364")])
def test_list_queries_and_paging_headers_match_the_spec(
    name: str, page: tuple[int, str | None]
) -> None:
    size, after = page
    headers = {"X-Page-Size": str(size)}
    if after:
        headers["X-Page-Continue"] = after
    _validate("GET", "/stores/s1/returns", args=QUERIES[name].params(), headers=headers)


@pytest.mark.parametrize("status", [s for s in ReturnStatus if s is not ReturnStatus.UNRECOGNISED])
def test_every_status_filter_matches_the_spec(status: ReturnStatus) -> None:
    _validate("GET", "/stores/s1/returns", args=ReturnQuery(status=status).params())


def test_the_validator_bites() -> None:
    """Wrong requests must fail, or the tests above prove nothing."""
    path = f"/returns/{RETURN_ID}"
    with pytest.raises(Exception):  # noqa: B017 - openapi-core's error types vary by version
        _validate("POST", path + "/process", {"products": [{"processInput": {"restock": True}}]})
    with pytest.raises(Exception):  # noqa: B017
        _validate("POST", path + "/comments", {"comment": {"message": "m", "image": "aGk="}})
    with pytest.raises(Exception):  # noqa: B017
        _validate("PUT", path + "/status", {"status": "in_transit"})
    with pytest.raises(Exception):  # noqa: B017
        _validate("GET", "/stores/s1/returns", headers={"X-Page-Size": "501"})
    with pytest.raises(Exception):  # noqa: B017
        _validate("GET", "/stores/s1/returns", args={"status": "unrecognised"})


# --- names and enums held against the spec --------------------------------------------


def _path_schema(path: str, method: str) -> dict[str, Any]:
    operation = spec_dict()["paths"][path][method]
    return operation["requestBody"]["content"]["application/json"]["schema"]  # type: ignore[no-any-return]


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = schema(node["$ref"].rsplit("/", 1)[1])
    return node


def _fields(model: type[BaseModel]) -> tuple[set[str], set[str]]:
    names = {f.alias or n for n, f in model.model_fields.items()}
    required = {f.alias or n for n, f in model.model_fields.items() if f.is_required()}
    return names, required


_RETURN = schema("return-read.schema")
_ITEM = _RETURN["properties"]["items"]["items"]
_ORDER_LINE = schema("order-read.schema")["properties"]["items"]["items"]

#: Each response model, its schema: every field is a spec property, and a field the
#: model requires is required by the spec too (the bench is strict only where Redo is).
RESPONSE_SCHEMAS: list[tuple[type[BaseModel], dict[str, Any], bool]] = [
    (Return, _RETURN, True),
    (ReturnItem, _ITEM, False),
    (ExchangeItem, _ITEM["properties"]["exchangeItem"], True),
    (ReturnShipment, schema("return-shipment.schema"), True),
    (ReturnNote, _RETURN["properties"]["notes"]["items"], True),
    (ReturnComment, {"properties": {"message": {}, "image": {}}}, True),
    (ReturnOrder, schema("order-read.schema"), True),
    (OrderLine, _ORDER_LINE, True),
    (OrderVariant, schema("product-variant.schema"), True),
]


@pytest.mark.parametrize(
    ("model", "node", "strict_subset"),
    RESPONSE_SCHEMAS,
    ids=[m.__name__ for m, _, _ in RESPONSE_SCHEMAS],
)
def test_response_models_use_the_spec_names(
    model: type[BaseModel], node: dict[str, Any], strict_subset: bool
) -> None:
    names, required = _fields(model)
    node = _resolve(node)
    assert names <= set(node["properties"])
    if strict_subset:
        assert required <= set(node.get("required", []))


def test_item_strictness_is_the_benchs_own() -> None:
    """An item is read with an ID and a quantity only: ``orderItem`` and ``reason`` are
    required by the spec, but an item without them can still be received."""
    assert _fields(ReturnItem)[1] == {"id", "quantity"}
    assert {"id", "quantity", "orderItem", "reason"} == set(_ITEM["required"])


def test_request_models_use_the_spec_names() -> None:
    process = _path_schema("/returns/{returnId}/process", "post")
    product = process["properties"]["products"]["items"]
    assert _fields(ProcessReturnRequest)[0] == set(process["properties"])
    assert _fields(ProcessProduct)[0] == set(product["properties"])
    assert _fields(ProcessInput)[0] == set(product["properties"]["processInput"]["properties"])
    status = _path_schema("/returns/{returnId}/status", "put")
    assert _fields(UpdateReturnStatusRequest)[0] == set(status["properties"])
    comment = schema("comment.schema")["oneOf"]
    assert [set(c["properties"]) for c in comment] == [
        _fields(ImageComment)[0],
        _fields(MessageComment)[0],
    ]


def _enum(node: dict[str, Any]) -> set[str]:
    return {v for v in _resolve(node)["enum"] if v is not None}


@pytest.mark.parametrize(
    ("enum", "node"),
    [
        (ReturnStatus, schema("return-status.schema")),
        (ReturnStatusUpdate, schema("return-status-update.schema")),
        (ReturnShipmentStatus, schema("return-shipment.schema")["properties"]["status"]),
        (ReturnType, schema("return-type.schema")),
        (ExchangeProvision, schema("exchange-provision.schema")),
    ],
    ids=lambda v: getattr(v, "__name__", ""),
)
def test_enums_are_the_specs(enum: type[StrEnum], node: dict[str, Any]) -> None:
    ours = {e.value for e in enum} - {ReturnStatus.UNRECOGNISED.value}
    assert ours == _enum(node)


def test_the_list_pages_as_the_spec_says() -> None:
    operation = spec_dict()["paths"]["/stores/{storeId}/returns"]["get"]
    params = {p["$ref"].rsplit("/", 1)[1] for p in operation["parameters"]}
    assert {"page-continue.param", "page-size.param"} <= params
    assert "X-Page-Next" in operation["responses"]["200"]["headers"]
    assert spec_dict()["components"]["parameters"]["page-size.param"]["schema"]["maximum"] == (
        PAGE_SIZE_MAX
    )
    names = {spec_dict()["components"]["parameters"][p]["name"] for p in params}
    assert (
        set(QUERIES["everything"].params())
        | {
            "updated_at_max",
            "provider_order_name",
        }
        <= names
    )
