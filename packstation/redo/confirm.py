"""Whether a fulfillment Redo shows is exactly the shipment that was asked for.

A 2xx to Create Fulfillment is only a confirmation when it says so: ``success`` true,
and a fulfillment with the ID that was sent (when one was), the same line items in the
same quantities, and the tracking number that was sent (when one was). An answer that
names another ID, says ``success: false`` or lists no lines leaves the outcome unknown:
the caller reads the order to find out what Redo really has.

The same comparison recognises a shipment in the order after an answer was lost, by
its contents rather than its ID, in case Redo ever assigns IDs of its own.
"""

from __future__ import annotations

from collections import Counter

from packstation.redo.models import CreateFulfillmentRequest, Fulfillment, FulfillmentResponse


def _number(code: str | None) -> str:
    """A tracking number as carriers read it: no spaces, upper case (``packing.codes``
    normalises what is sent the same way; Redo may not echo it as sent)."""
    return "".join((code or "").split()).upper()


def same_lines(request: CreateFulfillmentRequest, fulfillment: Fulfillment) -> bool:
    """The fulfillment holds exactly the requested line items, in the same quantities."""
    asked: Counter[str] = Counter()
    for item in request.line_items:
        asked[item.id] += item.quantity
    shown: Counter[str] = Counter()
    for line in fulfillment.line_items:
        shown[line.id] += line.quantity
    return bool(asked) and asked == shown


def same_tracking(request: CreateFulfillmentRequest, fulfillment: Fulfillment) -> bool:
    """The fulfillment carries the tracking number sent (any number when none was sent:
    a dummy tracker's number is Redo's to choose)."""
    if request.tracking is None:
        return True
    return _number(fulfillment.tracking_number) == _number(request.tracking.code)


def differences(request: CreateFulfillmentRequest, fulfillment: Fulfillment) -> str:
    """What in ``fulfillment`` is not what ``request`` asked for, technical ("" for nothing)."""
    found = []
    if request.fulfillment_id is not None and fulfillment.id != request.fulfillment_id:
        found.append(f"fulfillment ID {fulfillment.id!r}, not {request.fulfillment_id!r}")
    if not same_lines(request, fulfillment):
        shown = [(line.id, line.quantity) for line in fulfillment.line_items][:5]
        asked = [(item.id, item.quantity) for item in request.line_items][:5]
        found.append(f"line items {shown}, not {asked}")
    if not same_tracking(request, fulfillment):
        found.append(f"tracking {fulfillment.tracking_number!r}, not the one sent")
    return "; ".join(found)


def unconfirmed(request: CreateFulfillmentRequest, answer: FulfillmentResponse) -> str:
    """Why a 2xx ``answer`` does not confirm ``request`` ("" when it does)."""
    found = differences(request, answer.fulfillment)
    if answer.success is not True:
        found = "; ".join(p for p in ("success is not true", found) if p)
    return found
