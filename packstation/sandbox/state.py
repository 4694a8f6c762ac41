"""The sandbox's data: demo orders, products and the fulfillments created against them."""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from packstation.redo.models import (
    CreateFulfillmentRequest,
    ShipmentStatus,
    UpdateFulfillmentStatusRequest,
)
from packstation.resources import resource_path
from packstation.sandbox.errors import SandboxError
from packstation.sandbox.returns import ReturnsBook
from packstation.sandbox.returns_demo import demo_returns

__all__ = [
    "JSON",
    "PAGE_SIZE_DEFAULT",
    "PAGE_SIZE_MAX",
    "SandboxError",
    "SandboxState",
    "page_size",
]

JSON = dict[str, Any]

#: The spec's paging of lists: ``X-Page-Size`` defaults to 20, at most 500.
PAGE_SIZE_DEFAULT = 20
PAGE_SIZE_MAX = 500


def page_size(size: str | None) -> int:
    """The ``X-Page-Size`` header as a count (absent: the default), or a 400."""
    if size is None:
        return PAGE_SIZE_DEFAULT
    count = int(size) if size.strip().isdigit() else -1
    if not 1 <= count <= PAGE_SIZE_MAX:
        raise SandboxError(400, f"X-Page-Size must be 1 to {PAGE_SIZE_MAX}")
    return count


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _iso(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass
class _Record:
    name: str
    internal_id: str
    order: JSON


class SandboxState:
    """Orders by external ID, with their internal IDs and names; safe across threads."""

    def __init__(self, data: JSON, products: list[JSON], state_file: Path | None = None):
        self._lock = threading.RLock()
        self._records: list[_Record] = [
            _Record(o["name"], o["internalId"], o["order"]) for o in data["orders"]
        ]
        self.store_name: str = data.get("storeName", "Sandbox store")
        self.products = products
        self._state_file = state_file
        #: The returns, demo ones when ``data`` has none (a state file from before returns).
        self.returns = ReturnsBook(
            data["returns"] if "returns" in data else demo_returns(data["orders"], products),
            self._lock,
            self._persist,
        )
        #: Behave like a Redo that ignores the client's ``fulfillmentId`` and names each
        #: fulfillment itself (tests of recognising a shipment by its contents).
        self.own_fulfillment_ids = False

    # --- construction -------------------------------------------------------

    @classmethod
    def demo(cls, state_file: Path | None = None) -> SandboxState:
        """Seeded from ``resources/sandbox/``, or from ``state_file`` when it exists."""
        products = json.loads(resource_path("sandbox", "products.json").read_text("utf-8"))
        if state_file is not None and state_file.exists():
            data = json.loads(state_file.read_text("utf-8"))
        else:
            data = json.loads(resource_path("sandbox", "orders.json").read_text("utf-8"))
        return cls(data, products["products"], state_file)

    def snapshot(self) -> JSON:
        with self._lock:
            return {
                "storeName": self.store_name,
                "orders": [
                    {"name": r.name, "internalId": r.internal_id, "order": copy.deepcopy(r.order)}
                    for r in self._records
                ],
                "returns": self.returns.snapshot(),
            }

    def _persist(self) -> None:
        if self._state_file is None:
            return
        tmp = self._state_file.with_suffix(self._state_file.suffix + ".tmp")
        tmp.write_text(json.dumps(self.snapshot(), ensure_ascii=False), "utf-8")
        os.replace(tmp, self._state_file)

    # --- reading ------------------------------------------------------------

    def _find(self, ref: str, *, by_name: bool) -> _Record:
        for record in self._records:
            if ref in (record.order["orderId"], record.internal_id) or (
                by_name and ref == record.name
            ):
                return record
        raise SandboxError(404, f"Order not found: {ref}")

    def get_order(self, ref: str) -> JSON:
        with self._lock:
            return copy.deepcopy(self._find(ref, by_name=True).order)

    def order_with_ids(self, ref: str) -> tuple[str, str, JSON]:
        """(name, internal ID, order) of the order with this external or internal ID."""
        with self._lock:
            record = self._find(ref, by_name=False)
            return record.name, record.internal_id, copy.deepcopy(record.order)

    def order_names(self) -> list[tuple[str, str, str]]:
        """(name, external ID, internal ID) of every order, for the demo sheet."""
        with self._lock:
            return [(r.name, r.order["orderId"], r.internal_id) for r in self._records]

    def fulfillment_count(self, fulfillment_id: str) -> int:
        """How many fulfillments carry this ID across the store (exactly-once checks)."""
        with self._lock:
            return sum(
                1
                for r in self._records
                for f in r.order["fulfillments"]
                if f["id"] == fulfillment_id
            )

    def all_fulfillments(self) -> list[tuple[str, JSON]]:
        with self._lock:
            return [
                (r.order["orderId"], copy.deepcopy(f))
                for r in self._records
                for f in r.order["fulfillments"]
            ]

    # --- writes -------------------------------------------------------------

    def create_fulfillment(self, ref: str, request: CreateFulfillmentRequest) -> JSON:
        with self._lock:
            record = self._find(ref, by_name=False)
            order = record.order
            chosen = None if self.own_fulfillment_ids else request.fulfillment_id
            if chosen and self.fulfillment_count(chosen):
                raise SandboxError(
                    400, f"Fulfillment with ID {request.fulfillment_id} already exists"
                )
            lines = {line["id"]: line for line in order["lineItems"]}
            fulfilled: dict[str, int] = {}
            for f in order["fulfillments"]:
                for item in f["lineItems"]:
                    fulfilled[item["id"]] = fulfilled.get(item["id"], 0) + item["quantity"]
            seen: set[str] = set()
            for item in request.line_items:
                line = lines.get(item.id)
                if line is None:
                    raise SandboxError(400, f"Line item {item.id} is not part of this order")
                if item.id in seen:
                    raise SandboxError(400, f"Line item {item.id} is listed twice")
                seen.add(item.id)
                remaining = line["quantity"] - fulfilled.get(item.id, 0)
                if item.quantity > remaining:
                    raise SandboxError(
                        400,
                        f"Line item {item.id} ({line['title']}): quantity {item.quantity} "
                        f"exceeds the {remaining} remaining to fulfill",
                    )
            created = _now()
            fulfillment: JSON = {
                "id": chosen or f"ful_{secrets.token_hex(8)}",
                "createdAt": created,
                "lineItems": [
                    {
                        "id": item.id,
                        "quantity": item.quantity,
                        "title": lines[item.id]["title"],
                        "productId": lines[item.id]["productId"],
                        "variantId": lines[item.id].get("variantId"),
                        "sku": lines[item.id].get("sku"),
                    }
                    for item in request.line_items
                ],
                "trackingCompany": None,
                "trackingNumber": None,
                "status": ShipmentStatus.PRE_TRANSIT.value,
                "estimatedDeliveryDate": None,
                "deliveredAt": None,
                "trackingHistory": [],
            }
            if request.use_dummy_tracking:
                initial = request.initial_tracking
                status = initial.status if initial else ShipmentStatus.PRE_TRANSIT
                fulfillment["trackingCompany"] = "Redo Dummy Tracker"
                fulfillment["trackingNumber"] = "DUMMY" + "".join(
                    secrets.choice("0123456789") for _ in range(12)
                )
                fulfillment["status"] = status.value
                if initial and initial.estimated_delivery_date:
                    fulfillment["estimatedDeliveryDate"] = (
                        initial.estimated_delivery_date.date().isoformat()
                    )
                if status is ShipmentStatus.DELIVERED:
                    fulfillment["deliveredAt"] = (
                        _iso(initial.datetime if initial else None) or created
                    )
                fulfillment["trackingHistory"].append(
                    {
                        "message": (initial.message if initial else None)
                        or "Dummy tracker created",
                        "status": status.value,
                        "datetime": _iso(initial.datetime if initial else None) or created,
                        **(
                            {"location": initial.location.model_dump(by_alias=True)}
                            if initial and initial.location
                            else {}
                        ),
                    }
                )
            elif request.tracking is not None:
                fulfillment["trackingCompany"] = request.tracking.carrier
                fulfillment["trackingNumber"] = request.tracking.code
            order["fulfillments"].append(fulfillment)
            self._persist()
            return copy.deepcopy(fulfillment)

    def update_status(
        self, ref: str, fulfillment_id: str, request: UpdateFulfillmentStatusRequest
    ) -> JSON:
        with self._lock:
            order = self._find(ref, by_name=False).order
            fulfillment = next(
                (f for f in order["fulfillments"] if f["id"] == fulfillment_id), None
            )
            if fulfillment is None:
                raise SandboxError(404, f"Fulfillment not found: {fulfillment_id}")
            when = _iso(request.datetime) or _now()
            if not request.status.is_event:
                fulfillment["status"] = request.status.value
                if request.status.value == ShipmentStatus.DELIVERED.value:
                    fulfillment["deliveredAt"] = when
            if request.estimated_delivery_date:
                fulfillment["estimatedDeliveryDate"] = (
                    request.estimated_delivery_date.date().isoformat()
                )
            event: JSON = {
                "message": request.message or request.status.value.replace("_", " ").capitalize(),
                "status": request.status.value,
                "datetime": when,
            }
            if request.location:
                event["location"] = request.location.model_dump(by_alias=True)
            fulfillment["trackingHistory"].append(event)
            self._persist()
            return copy.deepcopy(fulfillment)

    # --- inventory -----------------------------------------------------------

    def inventory_levels(self, sku: str | None) -> list[JSON]:
        return [
            self._level(p, detail=False)
            for p in self.products
            if sku is None or p["sku"].casefold() == sku.casefold()
        ]

    def inventory_page(
        self, sku: str | None, size: str | None, after: str | None
    ) -> tuple[list[JSON], str | None]:
        """One page of the list as the spec pages it, and the next page's marker (or None).

        ``size`` is the ``X-Page-Size`` header (1-500, 20 when absent); ``after`` is the
        ``X-Page-Continue`` header, the ``X-Page-Next`` of the page before.
        """
        count = page_size(size)
        start = 0
        if after is not None:
            if not (after.startswith("pg_") and after[3:].isdigit()):
                raise SandboxError(400, "Unknown X-Page-Continue marker")
            start = int(after[3:])
        levels = self.inventory_levels(sku)
        end = start + count
        return levels[start:end], (f"pg_{end}" if end < len(levels) else None)

    def inventory_level(self, level_id: str, base_url: str) -> JSON:
        for p in self.products:
            if p["inventoryLevelId"] == level_id:
                return self._level(p, detail=True, base_url=base_url)
        raise SandboxError(404, f"Inventory level not found: {level_id}")

    def _level(self, p: JSON, *, detail: bool, base_url: str = "") -> JSON:
        product: JSON = {"id": p["productId"], "title": p["title"], "sku": p["sku"]}
        if detail:
            product["upc"] = p["upc"]
            product["image_url"] = f"{base_url}/demo-images/{p['image']}"
        level: JSON = {
            "id": p["inventoryLevelId"],
            "product": product,
            "location": {"id": "loc_pdx_main", "name": "Portland Warehouse"},
            "quantity": 240,
            "available": 200,
            "committed": 30,
            "reserved": 10,
            "buildable": 0,
            "total_available": 200,
            "updated_at": "2026-11-20T08:00:00.000Z",
        }
        if detail:
            level["external_ids"] = {"shopify": f"gid://shopify/InventoryItem/{p['upc']}"}
            level["created_at"] = "2025-11-01T10:00:00.000Z"
        return level
