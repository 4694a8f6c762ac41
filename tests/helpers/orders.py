"""Building orders for tests without a server."""

from __future__ import annotations

import json
from typing import Any

from packstation.redo.models import Order
from packstation.resources import resource_path


def demo_order(name: str) -> Order:
    data = json.loads(resource_path("sandbox", "orders.json").read_text("utf-8"))
    for record in data["orders"]:
        if record["name"] == name:
            return Order.model_validate(record["order"])
    raise KeyError(name)


def make_order(
    lines: list[tuple[str | None, int]],
    fulfilled: list[tuple[int, int]] | None = None,
) -> Order:
    """An order whose line i has SKU lines[i][0] and quantity lines[i][1]."""
    line_items: list[dict[str, Any]] = [
        {"id": f"L{i}", "productId": f"P{i}", "title": f"Item {i}", "sku": sku, "quantity": qty}
        for i, (sku, qty) in enumerate(lines)
    ]
    fulfillments = []
    if fulfilled:
        fulfillments.append(
            {
                "id": "F1",
                "createdAt": "2026-11-01T10:00:00Z",
                "lineItems": [
                    {"id": f"L{i}", "quantity": q, "title": f"Item {i}", "productId": f"P{i}"}
                    for i, q in fulfilled
                ],
                "status": "in_transit",
                "trackingHistory": [],
            }
        )
    return Order.model_validate(
        {
            "orderId": "EXT-1",
            "createdAt": "2026-11-01T09:00:00Z",
            "lineItems": line_items,
            "fulfillments": fulfillments,
        }
    )
