"""Pydantic models of what the receiving bench reads of a Redo return (redo-openapi 2.2.693).

The schemas are ``return-read.schema`` (with ``return-shipment.schema``), the slice of
``order-read.schema`` that names the order's lines, ``return-status.schema`` and
``comment.schema``. As in ``models.py``, responses keep unknown fields and tolerate new
enum values; what the bench cannot work without is required:

- a return's ``id``, ``status``, ``createdAt``, ``updatedAt``, ``order.id`` and ``items``;
- an item's ``id`` (the ``_id`` Process Return takes) and ``quantity`` (the units expected).

Everything else is optional, and ``null`` is taken wherever a value may be missing: Redo
declares only ``upc``, ``grade`` and ``outcome`` nullable, but a missing SKU or reason must
not make a parcel at the bench unreadable. A money amount that is not a number reads as
unknown, for the same reason.

Return items carry no title and no image: the title is the order's line (``order-read``
``items[].product.name`` and ``variant.name``), paired through ``orderItem``
(:meth:`ReturnOrder.line_for`). No returns schema carries an image URL.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, TypeVar

from pydantic import Field, field_validator

from packstation.redo.returns_order import (
    Amount,
    Id,
    Many,
    Money,
    OrderItemRef,
    OrderLine,
    OrderProduct,
    OrderVariant,
    ResponseModel,
    ReturnOrder,
)

E = TypeVar("E", bound=StrEnum)


class ReturnStatus(StrEnum):
    """``return-status.schema``, and ``UNRECOGNISED`` for a status this client does not know."""

    OPEN = "open"
    IN_TRANSIT = "in_transit"
    DELIVERED = "delivered"
    NEEDS_REVIEW = "needs_review"
    IN_REVIEW = "in_review"
    COMPLETE = "complete"
    REJECTED = "rejected"
    FLAGGED = "flagged"
    PRE_SHIPMENT = "pre_shipment"
    DELETED = "deleted"
    #: Not Redo's: a status added to the API after 2.2.693. Never sent.
    UNRECOGNISED = "unrecognised"


#: A return in one of these is finished: processing it again is refused (Redo reopens a
#: return only through Update Return Status, which this client does only when asked).
FINISHED = frozenset({ReturnStatus.COMPLETE, ReturnStatus.REJECTED, ReturnStatus.DELETED})


class ReturnShipmentStatus(StrEnum):
    """``return-shipment.schema`` status; a new one reads as ``unknown``."""

    UNKNOWN = "unknown"
    PRE_TRANSIT = "pre_transit"
    IN_TRANSIT = "in_transit"
    OUT_FOR_DELIVERY = "out_for_delivery"
    AVAILABLE_FOR_PICKUP = "available_for_pickup"
    CANCELLED = "cancelled"
    DELIVERED = "delivered"
    ERROR = "error"
    FAILURE = "failure"
    RETURN_TO_SENDER = "return_to_sender"
    EXPIRED = "expired"


class ReturnType(StrEnum):
    CLAIM = "claim"
    RETURN = "return"
    WARRANTY = "warranty"


class ExchangeProvision(StrEnum):
    INSTANT = "instant"
    DEFERRED = "deferred"


class ItemState(StrEnum):
    """Whether an item of a return can still be sent to Process Return (``Return.item_state``)."""

    #: Not processed: sending it is safe.
    OPEN = "open"
    #: Processed, rejected or completed at Redo: sending it again would be a second time.
    DONE = "done"
    #: A state this client cannot read (a new status, or one between open and done, such
    #: as products prepared but not processed yet): a person decides.
    UNCLEAR = "unclear"


#: Item statuses (``items[].status`` is free text in the spec) that mean the item was
#: handled: the PUT status documentation speaks of items marked complete and of
#: processed/rejected items reset to open.
ITEM_DONE = frozenset({"complete", "completed", "processed", "rejected"})
ITEM_OPEN = frozenset({"open"})


def _known(enum: type[E], value: object, fallback: E | None) -> object:
    """``value`` when it is one of ``enum``'s, else ``fallback`` (an enum that grew)."""
    if isinstance(value, str) and value not in enum._value2member_map_:
        return fallback
    return value


def normalise_tracker(code: str | None) -> str:
    """A tracking number as carriers read it: no spaces, upper case."""
    return "".join((code or "").split()).upper()


# --- shipments --------------------------------------------------------------------


class ReturnShipment(ResponseModel):
    """How the parcel travels back: the carrier and its tracking number (``tracker``)."""

    carrier: str | None = None
    tracker: str | None = None
    status: ReturnShipmentStatus | None = None
    tracking_url: str | None = None
    postage_label: str | None = None
    form_label: str | None = None
    shipment_group_id: str | None = None
    item_ids: Many[str]
    external_location_id: str | None = None
    # Plain strings in the spec (no date-time format): shown, never computed with.
    estimated_delivery_date: str | None = None
    delivered_at: str | None = None

    @field_validator("status", mode="before")
    @classmethod
    def _tolerate_new_statuses(cls, value: object) -> object:
        return _known(ReturnShipmentStatus, value, ReturnShipmentStatus.UNKNOWN)


# --- items ------------------------------------------------------------------------


class ExchangeRef(ResponseModel):
    external_id: str | None = None
    name: str | None = None


class ExchangeItem(ResponseModel):
    """What the customer gets instead of this item, if it is exchanged."""

    product: ExchangeRef | None = None
    variant: ExchangeRef | None = None
    quantity: int | None = None


class ItemAmount(ResponseModel):
    amount: Money | None = None
    #: Refunds only: the refund strategy.
    type: str | None = None


class ReturnItem(ResponseModel):
    """One line of the return: which product, how many units, and why."""

    id: Id
    quantity: Annotated[int, Field(ge=0)]
    order_item: OrderItemRef | None = None
    product_id: str | None = None
    variant_id: str | None = None
    sku: str | None = None
    upc: str | None = None
    reason: str | None = None
    reason_code: str | None = None
    reasons: Many[str]
    reason_codes: Many[str]
    customer_comment: str | None = None
    exchange_item: ExchangeItem | None = None
    #: Free text in the spec; see ``ITEM_DONE`` and ``Return.item_state``.
    status: str | None = None
    #: Set by the merchant (restock, dispose, ...); null until then.
    outcome: str | None = None
    grade: str | None = None
    green_return: bool | None = None
    shipment_group_ids: Many[str]
    external_return_line_item_id: str | None = None
    refund: ItemAmount | None = None
    product_value_no_tax_no_adjustment: ItemAmount | None = None

    @property
    def value(self) -> Decimal | None:
        """The product's value before tax and adjustments (what a partial credit is a share
        of), when Redo gave it."""
        value = self.product_value_no_tax_no_adjustment
        return value.amount.amount if value and value.amount else None


# --- the return -------------------------------------------------------------------


class ReturnOrderRef(ResponseModel):
    id: Id
    name: str | None = None


class ExchangeLine(ResponseModel):
    id: str
    quantity: Amount = None
    product: OrderProduct | None = None
    variant: OrderVariant | None = None


class ExchangeOrderRef(ResponseModel):
    external_id: str | None = None


class ReturnExchange(ResponseModel):
    items: Many[ExchangeLine]
    provision: ExchangeProvision | None = None
    item_count: int | None = None
    order: ExchangeOrderRef | None = None

    @field_validator("provision", mode="before")
    @classmethod
    def _tolerate_new_provisions(cls, value: object) -> object:
        return _known(ExchangeProvision, value, None)


class ReturnNote(ResponseModel):
    message: str
    image: str | None = None


@dataclass(frozen=True, slots=True)
class ReturnLine:
    """An item with the order line it returns: what the bench shows and matches scans to."""

    item: ReturnItem
    line: OrderLine | None
    state: ItemState

    @property
    def title(self) -> str | None:
        return self.line.title if self.line else None

    @property
    def sku(self) -> str | None:
        """The item's SKU, or its order line's when Redo left the item's out."""
        return self.item.sku or (self.line.variant.sku if self.line and self.line.variant else None)


class Return(ResponseModel):
    """``return-read.schema``: a return as Redo reports it."""

    id: Id
    status: ReturnStatus
    created_at: dt.datetime
    updated_at: dt.datetime
    order: ReturnOrderRef
    items: list[ReturnItem]
    type: ReturnType | None = None
    external_order_ids: Many[str]
    shopify_order_ids: Many[str]
    shipment: ReturnShipment | None = None
    shipments: Many[ReturnShipment]
    exchange: ReturnExchange | None = None
    notes: Many[ReturnNote]

    @field_validator("status", mode="before")
    @classmethod
    def _tolerate_new_statuses(cls, value: object) -> object:
        return _known(ReturnStatus, value, ReturnStatus.UNRECOGNISED)

    @field_validator("type", mode="before")
    @classmethod
    def _tolerate_new_types(cls, value: object) -> object:
        return _known(ReturnType, value, None)

    def item(self, item_id: str) -> ReturnItem | None:
        return next((i for i in self.items if i.id == item_id), None)

    def all_shipments(self) -> list[ReturnShipment]:
        """``shipments``, and ``shipment`` when the list does not hold it already (Redo
        sends either or both)."""
        found = list(self.shipments)
        if self.shipment is not None and self.shipment not in found:
            found.insert(0, self.shipment)
        return found

    def trackers(self) -> list[str]:
        """Every tracking number of the return's parcels, normalised, in order, once each."""
        seen: dict[str, None] = {}
        for shipment in self.all_shipments():
            code = normalise_tracker(shipment.tracker)
            if code:
                seen.setdefault(code)
        return list(seen)

    def has_tracker(self, code: str) -> bool:
        """Whether a scanned tracking number is one of this return's parcels (the list
        cannot filter by tracker: the bench matches pages itself)."""
        wanted = normalise_tracker(code)
        return bool(wanted) and wanted in self.trackers()

    def item_state(self, item: ReturnItem) -> ItemState:
        """Whether ``item`` can still be processed, by the return's status first (completing
        a return completes its items) and then the item's own."""
        if self.status in FINISHED:
            return ItemState.DONE
        if self.status is ReturnStatus.UNRECOGNISED:
            return ItemState.UNCLEAR
        status = (item.status or "").strip().lower()
        if not status or status in ITEM_OPEN:
            return ItemState.OPEN
        if status in ITEM_DONE:
            return ItemState.DONE
        return ItemState.UNCLEAR

    def lines(self, order: ReturnOrder | None) -> tuple[ReturnLine, ...]:
        """Each item with its order line (when ``order`` is this return's) and its state."""
        if order is not None and order.id != self.order.id:
            order = None
        return tuple(
            ReturnLine(
                item, order.line_for(item.order_item) if order else None, self.item_state(item)
            )
            for item in self.items
        )

    @property
    def order_name(self) -> str | None:
        return self.order.name


# --- envelopes --------------------------------------------------------------------


class ReturnDetail(ResponseModel):
    """Get Return's answer: the return and its order."""

    return_: Return = Field(alias="return")
    # Required by the spec; without it the bench still has SKUs and UPCs, only no titles.
    order: ReturnOrder | None = None

    def lines(self) -> tuple[ReturnLine, ...]:
        return self.return_.lines(self.order)


class ReturnStatusAnswer(ResponseModel):
    status: ReturnStatus

    @field_validator("status", mode="before")
    @classmethod
    def _tolerate_new_statuses(cls, value: object) -> object:
        return _known(ReturnStatus, value, ReturnStatus.UNRECOGNISED)


class ReturnComment(ResponseModel):
    """``comment.schema``: a message or an image (base64), never both."""

    message: str | None = None
    image: str | None = None


class ReturnCommentAnswer(ResponseModel):
    comment: ReturnComment


class ReturnComments(ResponseModel):
    comments: list[ReturnComment]


class ProcessAnswer(ResponseModel):
    """Process Return's 200: only a message, which says whether processing started."""

    message: str | None = None
