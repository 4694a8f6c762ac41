"""Pydantic models of the Orders API v2.2 schemas (redo-openapi 2.2.693).

Responses are tolerant: unknown fields are kept (the API grows) and an unknown
shipment status degrades to ``unknown`` rather than making an order unreadable.
Requests are strict: unknown fields are refused, names serialise in the spec's
camelCase and unset optionals are omitted.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
)
from pydantic.alias_generators import to_camel


class ShipmentStatus(StrEnum):
    """The ten shipment statuses a fulfillment (or a dummy tracker) can have."""

    PRE_TRANSIT = "pre_transit"
    UNKNOWN = "unknown"
    IN_TRANSIT = "in_transit"
    OUT_FOR_DELIVERY = "out_for_delivery"
    AVAILABLE_FOR_PICKUP = "available_for_pickup"
    DELIVERED = "delivered"
    RETURN_TO_SENDER = "return_to_sender"
    FAILURE = "failure"
    CANCELLED = "cancelled"
    ERROR = "error"


class StatusUpdate(StrEnum):
    """What Update Fulfillment Status accepts: nine statuses and three events."""

    PRE_TRANSIT = "pre_transit"
    IN_TRANSIT = "in_transit"
    OUT_FOR_DELIVERY = "out_for_delivery"
    AVAILABLE_FOR_PICKUP = "available_for_pickup"
    DELIVERED = "delivered"
    RETURN_TO_SENDER = "return_to_sender"
    FAILURE = "failure"
    CANCELLED = "cancelled"
    ERROR = "error"
    STALLED_IN_TRANSIT = "stalled_in_transit"
    DELAYED = "delayed"
    ARRIVING_EARLY = "arriving_early"

    @property
    def is_event(self) -> bool:
        """Events trigger automations without changing the current status."""
        return self in _EVENTS


_EVENTS = frozenset(
    {StatusUpdate.STALLED_IN_TRANSIT, StatusUpdate.DELAYED, StatusUpdate.ARRIVING_EARLY}
)

Quantity = Annotated[int, Field(ge=1, le=1000)]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Response(BaseModel):
    model_config = ConfigDict(
        alias_generator=to_camel, populate_by_name=True, extra="allow", frozen=True
    )


class _Request(BaseModel):
    model_config = ConfigDict(
        alias_generator=to_camel, populate_by_name=True, extra="forbid", frozen=True
    )

    def to_json_dict(self) -> dict[str, Any]:
        """The request body as the API expects it: camelCase, unset optionals omitted."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)


# --- Orders -------------------------------------------------------------------


class LineItem(_Response):
    id: str
    product_id: str
    variant_id: str | None = None
    title: str
    sku: str | None = None
    quantity: Quantity
    price: Decimal | None = None
    image_url: str | None = None
    discount: Decimal | None = None


class Customer(_Response):
    id: str | None = None
    email: str | None = None
    phone_number: str | None = None
    name: str | None = None
    first_name: str | None = None
    last_name: str | None = None

    @property
    def display_name(self) -> str:
        if self.name:
            return self.name
        return " ".join(p for p in (self.first_name, self.last_name) if p)


class Address(_Response):
    address1: str | None = None
    address2: str | None = None
    city: str | None = None
    province: str | None = None
    country: str | None = None
    postal_code: str | None = None


class Shipping(_Response):
    method: str | None = None
    cost: Decimal | None = None
    address: Address | None = None


class TrackingLocation(_Response):
    city: str | None = None
    state: str | None = None
    country: str | None = None
    postal_code: str | None = None


class TrackingEvent(_Response):
    message: str
    status: str
    datetime: dt.datetime
    location: TrackingLocation | None = None


class FulfillmentLineItem(_Response):
    id: str
    quantity: Quantity
    title: str
    product_id: str
    variant_id: str | None = None
    sku: str | None = None


class Fulfillment(_Response):
    id: str
    created_at: dt.datetime
    line_items: list[FulfillmentLineItem]
    tracking_company: str | None = None
    tracking_number: str | None = None
    status: ShipmentStatus
    estimated_delivery_date: (
        Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")] | None
    ) = None
    delivered_at: dt.datetime | None = None
    tracking_history: list[TrackingEvent]

    @field_validator("status", mode="before")
    @classmethod
    def _tolerate_new_statuses(cls, value: object) -> object:
        if isinstance(value, str) and value not in ShipmentStatus._value2member_map_:
            return ShipmentStatus.UNKNOWN
        return value


class Order(_Response):
    """Get Order's response: the order as created, plus its fulfillments."""

    order_id: str
    created_at: dt.datetime
    line_items: Annotated[list[LineItem], Field(min_length=1)]
    customer: Customer | None = None
    shipping: Shipping | None = None
    total_price: Decimal | None = None
    subtotal_price: Decimal | None = None
    total_tax: Decimal | None = None
    total_discount: Decimal | None = None
    billing_address: Address | None = None
    tags: list[str] | None = None
    currency_code: str | None = None
    location_id: str | None = None
    fulfillments: list[Fulfillment]

    def fulfilled_quantities(self) -> dict[str, int]:
        """Units already fulfilled, by line ID, in one pass over the fulfillments.

        Asked line by line, a 1,000-line order with one earlier box of 600 lines walked
        those 600 lines for each of its 1,000 (62 ms on the GUI thread to open it).
        """
        done: dict[str, int] = {}
        for fulfillment in self.fulfillments:
            for item in fulfillment.line_items:
                done[item.id] = done.get(item.id, 0) + item.quantity
        return done

    def find_fulfillment(self, fulfillment_id: str) -> Fulfillment | None:
        return next((f for f in self.fulfillments if f.id == fulfillment_id), None)


class FulfillmentResponse(_Response):
    success: bool
    fulfillment: Fulfillment


# --- Requests -------------------------------------------------------------------


class FulfillmentLineRequest(_Request):
    id: NonEmpty
    quantity: Quantity


class Tracking(_Request):
    carrier: NonEmpty
    code: NonEmpty


class InitialTracking(_Request):
    status: ShipmentStatus = ShipmentStatus.PRE_TRANSIT
    estimated_delivery_date: AwareDatetime | None = None
    message: str | None = None
    datetime: AwareDatetime | None = None
    location: TrackingLocationRequest | None = None


class TrackingLocationRequest(_Request):
    city: str | None = None
    state: str | None = None
    country: str | None = None
    postal_code: str | None = None


class CreateFulfillmentRequest(_Request):
    fulfillment_id: NonEmpty | None = None
    line_items: Annotated[list[FulfillmentLineRequest], Field(min_length=1)]
    tracking: Tracking | None = None
    use_dummy_tracking: bool | None = None
    initial_tracking: InitialTracking | None = None

    def total_units(self) -> int:
        return sum(item.quantity for item in self.line_items)


class UpdateFulfillmentStatusRequest(_Request):
    status: StatusUpdate
    estimated_delivery_date: AwareDatetime | None = None
    message: str | None = None
    datetime: AwareDatetime | None = None
    location: TrackingLocationRequest | None = None


InitialTracking.model_rebuild()


# --- Errors -----------------------------------------------------------------------


class ApiErrorBody(_Response):
    """``{"error": "..."}``: the Orders API's shape for 400, 401 and 404."""

    error: str


class ProblemDetails(_Response):
    """RFC 7807 problem details: every other error."""

    type: str = "about:blank"
    title: str | None = None
    detail: str | None = None
    instance: str | None = None


# --- Inventory levels (snake_case in the spec, unlike the orders schemas) ----------


class _SnakeResponse(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)


class InventoryProduct(_SnakeResponse):
    id: str
    title: str
    sku: str | None


class InventoryProductDetail(InventoryProduct):
    upc: str | None = None
    image_url: str | None = None


class InventoryLocation(_SnakeResponse):
    id: str
    name: str


class InventoryLevel(_SnakeResponse):
    id: str
    product: InventoryProduct
    location: InventoryLocation
    quantity: int
    available: int
    committed: int
    reserved: int
    buildable: int
    total_available: int
    updated_at: dt.datetime


class InventoryLevelDetail(InventoryLevel):
    product: InventoryProductDetail
    external_ids: dict[str, Any] | None
    created_at: dt.datetime


class InventoryLevelList(_SnakeResponse):
    inventory_levels: list[InventoryLevel]


class InventoryLevelEnvelope(_SnakeResponse):
    inventory_level: InventoryLevelDetail
