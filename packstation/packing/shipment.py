"""What a box ships with, and the Create Fulfillment request for it.

The label (or dummy tracking) the packer gave, the reasons a box cannot be sent
(``PackingError`` and its kinds, which the window words), the check the GUI makes before
every shipment, and the request the store queues. Pure: no Qt, no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from packstation.packing.codes import tracking_number
from packstation.packing.details import DetailsError, DetailsField, TrackingDetails
from packstation.redo.models import (
    CreateFulfillmentRequest,
    FulfillmentLineRequest,
    InitialTracking,
    LineItem,
    ShipmentStatus,
    Tracking,
)


class PackingError(ValueError):
    """A request cannot be built from the session as it stands; the class (and its facts)
    say why, and the window words it. ``str()`` is technical English for the log."""


class NothingPackedError(PackingError):
    """Nothing is in the box."""

    def __init__(self) -> None:
        super().__init__("nothing packed")


class Missing(StrEnum):
    """The part of a shipping label's tracking that is missing."""

    CARRIER = "carrier"
    TRACKING_NUMBER = "tracking_number"


class TrackingIncompleteError(PackingError):
    """The carrier or the tracking number is missing: ``missing`` says which."""

    def __init__(self, missing: Missing) -> None:
        self.missing = missing
        super().__init__(f"{missing.value} missing")


class TrackingDetailsError(PackingError):
    """A dummy tracker's delivery date or event time cannot be read: ``field``, ``text``."""

    def __init__(self, cause: DetailsError) -> None:
        self.field: DetailsField = cause.field
        self.text = cause.text
        super().__init__(str(cause))


@dataclass(frozen=True, slots=True)
class TrackingInput:
    carrier: str
    code: str


@dataclass(frozen=True, slots=True)
class DummyTracking:
    status: ShipmentStatus = ShipmentStatus.PRE_TRANSIT
    message: str = ""
    #: Estimated delivery, event time and place of the initial event (all optional).
    details: TrackingDetails = field(default_factory=TrackingDetails)


def check_shipping(
    packed: Sequence[int], shipping: TrackingInput | DummyTracking
) -> dict[str, Any]:
    """Whether a box of ``packed`` units per line could be sent with ``shipping``, without
    building the request (the GUI asks before every shipment; a 1,000-line request is
    milliseconds).

    Raises ``NothingPackedError``, ``TrackingDetailsError`` or
    ``TrackingIncompleteError``; returns dummy tracking's extra request fields.
    """
    if not any(packed):
        raise NothingPackedError
    if isinstance(shipping, DummyTracking):
        try:
            return shipping.details.request_fields()
        except DetailsError as exc:
            raise TrackingDetailsError(exc) from exc
    carrier = shipping.carrier.strip()
    code = tracking_number(shipping.code)
    if not carrier or not code:
        raise TrackingIncompleteError(Missing.CARRIER if not carrier else Missing.TRACKING_NUMBER)
    return {}


def fulfillment_request(
    lines: Sequence[LineItem],
    packed: Sequence[int],
    shipping: TrackingInput | DummyTracking,
    fulfillment_id: str | None = None,
) -> CreateFulfillmentRequest:
    """The request for ``packed`` units of ``lines``; raises what ``check_shipping`` raises."""
    extra = check_shipping(packed, shipping)
    items = [
        FulfillmentLineRequest(id=item.id, quantity=count)
        for item, count in zip(lines, packed, strict=True)
        if count > 0
    ]
    if isinstance(shipping, DummyTracking):
        return CreateFulfillmentRequest(
            fulfillment_id=fulfillment_id,
            line_items=items,
            use_dummy_tracking=True,
            initial_tracking=InitialTracking(
                status=shipping.status, message=shipping.message.strip() or None, **extra
            ),
        )
    return CreateFulfillmentRequest(
        fulfillment_id=fulfillment_id,
        line_items=items,
        tracking=Tracking(carrier=shipping.carrier.strip(), code=tracking_number(shipping.code)),
    )
