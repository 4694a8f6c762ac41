"""Redo's returns endpoints over the sandbox's state: request parsing and answer shapes.

The server (``server.py``) has already routed, authorised, applied faults and checked
the store; here a request becomes a call on the :class:`~.returns.ReturnsBook`, and its
result an answer in the spec's shape. Every refusal is a :class:`SandboxError`, which
the server sends as ``application/problem+json`` (the returns endpoints' only error
shape). Request bodies are checked by hand, so a refusal names the field and the rule in
words a packer's log can carry.
"""

from __future__ import annotations

import binascii
import datetime as dt
import json
import math
from base64 import b64decode
from dataclasses import dataclass, field
from email.message import Message
from typing import Any
from urllib.parse import parse_qs

from packstation.sandbox.faults import Faults
from packstation.sandbox.returns import (
    PREPARED,
    RETURN_STATUSES,
    TRIGGERED,
    Decision,
    ReturnsFilter,
    parse_time,
)
from packstation.sandbox.returns_demo import money
from packstation.sandbox.state import JSON, SandboxError, SandboxState, page_size


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    #: None for an answer without a body (204).
    body: JSON | None
    headers: dict[str, str] = field(default_factory=dict)


def answer(
    state: SandboxState,
    faults: Faults,
    route: str,
    args: list[str],
    *,
    body: bytes,
    query: str,
    headers: Message,
) -> Answer:
    """The answer to one returns request (``route`` is a name of ``routes.ROUTES``)."""
    book = state.returns
    if route == "returns":
        count = page_size(headers.get("X-Page-Size"))
        page, after = book.page(_filter(query), count, headers.get("X-Page-Continue"))
        orders: dict[str, JSON] = {}
        for returned in page:
            ref = returned["order"]["id"]
            orders.setdefault(ref, order_read(state, ref))
        extra = {"X-Page-Next": after} if after else {}
        return Answer(200, {"orders": list(orders.values()), "returns": page}, extra)
    return_id = args[0]
    if route == "return":
        returned = book.get(return_id)
        return Answer(
            200, {"return": returned, "order": order_read(state, returned["order"]["id"])}
        )
    if route == "process":
        decisions, notes = _process_request(_object(body))
        book.process(return_id, decisions, notes)
        return Answer(200, {"message": PREPARED if faults.process_prepared else TRIGGERED})
    if route == "return_status":
        return Answer(200, {"status": book.status(return_id)})
    if route == "set_return_status":
        status = _object(body).get("status")
        if not isinstance(status, str):
            raise SandboxError(
                400, "status is required: complete, open, flagged, rejected or deleted"
            )
        book.set_status(return_id, status)
        return Answer(204, None)
    if route == "comments":
        return Answer(200, {"comments": book.comments(return_id)})
    return Answer(201, {"comment": book.add_comment(return_id, _comment(_object(body)))})


# --- the list's query ------------------------------------------------------------------


def _filter(query: str) -> ReturnsFilter:
    params = {k: v[0] for k, v in parse_qs(query, keep_blank_values=True).items()}
    status = params.get("status")
    if status is not None and status not in RETURN_STATUSES:
        raise SandboxError(400, f"status must be one of {', '.join(RETURN_STATUSES)}")
    names = tuple(
        params[key] for key in ("shopify_order_name", "provider_order_name") if key in params
    )
    return ReturnsFilter(
        status=status,
        updated_min=_time(params, "updated_at_min"),
        updated_max=_time(params, "updated_at_max"),
        order_names=names,
    )


def _time(params: dict[str, str], key: str) -> dt.datetime | None:
    if key not in params:
        return None
    try:
        return parse_time(params[key])
    except ValueError:
        raise SandboxError(400, f"{key} is not an ISO 8601 date-time: {params[key]!r}") from None


# --- request bodies --------------------------------------------------------------------


def _object(body: bytes) -> JSON:
    if not body:
        raise SandboxError(400, "The request body is required (a JSON object)")
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise SandboxError(400, "The request body is not JSON") from None
    if not isinstance(data, dict):
        raise SandboxError(400, "The request body must be a JSON object")
    return data


def _process_request(data: JSON) -> tuple[list[Decision], str | None]:
    products = data.get("products")
    if not isinstance(products, list):
        raise SandboxError(400, "products is required: a list of the products to process")
    if not products:
        raise SandboxError(400, "products is empty: name at least one product to process")
    notes = data.get("customerNotes")
    if notes is not None and not isinstance(notes, str):
        raise SandboxError(400, "customerNotes must be a string")
    return [_decision(n, p) for n, p in enumerate(products)], notes


def _decision(n: int, product: Any) -> Decision:
    where = f"products[{n}]"
    if not isinstance(product, dict):
        raise SandboxError(400, f"{where} must be an object with _id")
    item_id = product.get("_id")
    if not isinstance(item_id, str) or not item_id:
        raise SandboxError(400, f"{where}._id is required: the ID of a product on the return")
    reject = product.get("reject", False)
    if not isinstance(reject, bool):
        raise SandboxError(400, f"{where}.reject must be true or false")
    given = product.get("processInput")
    if reject and given is not None:
        raise SandboxError(
            400, f"{where} ({item_id}) has both reject and processInput: give only one"
        )
    if reject:
        return Decision(item_id, reject=True)
    if not isinstance(given, dict):
        raise SandboxError(
            400, f"{where} ({item_id}) needs processInput (an object) or reject: true"
        )
    restock = given.get("restock", False)
    if not isinstance(restock, bool):
        raise SandboxError(400, f"{where}.processInput.restock must be true or false")
    adjustment = given.get("newMerchantAdjustment")
    if adjustment is not None and (
        isinstance(adjustment, bool)
        or not isinstance(adjustment, (int, float))
        or not math.isfinite(adjustment)
        or adjustment < 0
    ):
        raise SandboxError(
            400, f"{where}.processInput.newMerchantAdjustment must be a number >= 0 or null"
        )
    return Decision(item_id, reject=False, restock=restock, adjustment=adjustment)


def _comment(data: JSON) -> JSON:
    """``comment.schema``: exactly one of a message or a base64 image."""
    comment = data.get("comment")
    if not isinstance(comment, dict) or len(comment) != 1:
        raise SandboxError(400, "comment is required: {message} or {image}, one of the two")
    if "message" in comment:
        message = comment["message"]
        if not isinstance(message, str) or not message.strip():
            raise SandboxError(400, "comment.message must be text")
        return {"message": message}
    image = comment.get("image")
    if not isinstance(image, str):
        raise SandboxError(400, "comment holds neither message nor image")
    try:
        if not b64decode(image, validate=True):
            raise SandboxError(400, "comment.image is empty")
    except (binascii.Error, ValueError):
        raise SandboxError(400, "comment.image must be base64") from None
    return {"image": image}


# --- the order a return belongs to -------------------------------------------------------


def order_read(state: SandboxState, ref: str) -> JSON:
    """The demo order in the spec's ``order-read`` shape (returns carry that shape, not
    the Orders API's)."""
    name, internal_id, order = state.order_with_ids(ref)
    currency = order["currencyCode"]
    customer = order["customer"]
    buyer: JSON = {
        "name": {"given": customer["firstName"], "surname": customer["lastName"]},
        "emailAddress": customer["email"],
    }
    if customer.get("phoneNumber"):
        buyer["phoneNumber"] = customer["phoneNumber"]
    items = []
    for line in order["lineItems"]:
        # The spec's IDs and SKU are strings: a line without them (a gift note) leaves
        # them out rather than sending null.
        variant: JSON = {"name": line["title"]}
        variant.update(
            {k: line[f] for k, f in (("externalId", "variantId"), ("sku", "sku")) if line.get(f)}
        )
        product: JSON = {"name": line["title"]}
        product.update({"externalId": line["productId"]} if line.get("productId") else {})
        items.append(
            {
                "id": line["id"],
                "externalId": line["id"],
                "fulfillmentLocationId": order.get("locationId"),
                "price": money(line["price"], currency),
                "product": product,
                "quantity": line["quantity"],
                "variant": variant,
            }
        )
    line_total = sum(line["price"] * line["quantity"] for line in order["lineItems"])
    return {
        "id": internal_id,
        "externalId": order["orderId"],
        "name": name,
        "customer": buyer,
        "items": items,
        "lineItemsTotal": money(line_total, currency),
        "discounts": money(order.get("totalDiscount") or 0, currency),
        "shippingCost": money(order["shipping"].get("cost") or 0, currency),
        "taxes": money(order.get("totalTax") or 0, currency),
        "total": money(order["totalPrice"], currency),
        "protection": {
            "covered": False,
            "returnsCoverage": False,
            "packageProtection": False,
            "finalSaleCoverage": False,
        },
    }
