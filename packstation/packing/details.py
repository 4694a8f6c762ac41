"""The optional facts of a dummy tracking event: estimated delivery, event time, place.

The Orders API takes them on a dummy tracker's ``initialTracking`` and on every
shipment-status update (``estimatedDeliveryDate`` and ``datetime`` as ISO 8601
date-times, ``location`` with city, state, country and postal code). The packer types
them as text; :class:`TrackingDetails` keeps that text (for the journal) and turns it
into the request's values, or a :class:`DetailsError` naming the field and the text
when a date cannot be read (the window words it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, fields
from enum import StrEnum
from typing import Any

from packstation.redo.models import (
    StatusUpdate,
    TrackingLocationRequest,
    UpdateFulfillmentStatusRequest,
)


class DetailsField(StrEnum):
    """The typed fields of a tracking event that must be read as a date or a time."""

    #: A day like 2026-12-02.
    ESTIMATED_DELIVERY = "estimated_delivery"
    #: A time like 2026-11-27 14:30, or ISO 8601 with an offset.
    EVENT_TIME = "event_time"


class DetailsError(ValueError):
    """A date or time typed for a tracking event cannot be read: ``field`` and ``text``."""

    def __init__(self, field: DetailsField, text: str) -> None:
        self.field = field
        self.text = text[:100]
        super().__init__(f"{field.value} {self.text!r} cannot be read")


@dataclass(frozen=True, slots=True)
class TrackingDetails:
    #: ``2026-12-02``: the day, sent as midnight UTC of that day.
    estimated_delivery: str = ""
    #: ``2026-11-27 14:30`` (this computer's time zone) or ISO 8601 with an offset.
    event_time: str = ""
    city: str = ""
    state: str = ""
    country: str = ""
    postal_code: str = ""

    @property
    def empty(self) -> bool:
        return not any(getattr(self, f.name).strip() for f in fields(self))

    def estimated_delivery_at(self) -> dt.datetime | None:
        text = self.estimated_delivery.strip()
        if not text:
            return None
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            raise DetailsError(DetailsField.ESTIMATED_DELIVERY, text) from None
        return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)

    def event_at(self) -> dt.datetime | None:
        text = self.event_time.strip()
        if not text:
            return None
        try:
            when = dt.datetime.fromisoformat(text)
        except ValueError:
            raise DetailsError(DetailsField.EVENT_TIME, text) from None
        return when if when.tzinfo is not None else when.astimezone()

    def location(self) -> TrackingLocationRequest | None:
        parts = {
            "city": self.city.strip(),
            "state": self.state.strip(),
            "country": self.country.strip(),
            "postal_code": self.postal_code.strip(),
        }
        if not any(parts.values()):
            return None
        return TrackingLocationRequest(**{k: v or None for k, v in parts.items()})

    def request_fields(self) -> dict[str, Any]:
        """``estimated_delivery_date``, ``datetime`` and ``location`` for a request model;
        raises :class:`DetailsError`."""
        values: dict[str, Any] = {
            "estimated_delivery_date": self.estimated_delivery_at(),
            "datetime": self.event_at(),
            "location": self.location(),
        }
        return {k: v for k, v in values.items() if v is not None}

    def to_json(self) -> dict[str, str]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: object) -> TrackingDetails:
        """Tolerant: what is not text is left out."""
        if not isinstance(data, dict):
            return cls()
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names and isinstance(v, str)})


def status_update_request(
    status: StatusUpdate | str, message: str = "", details: TrackingDetails | None = None
) -> UpdateFulfillmentStatusRequest:
    """The Update Fulfillment Status request for a test event; raises :class:`DetailsError`."""
    extra = details.request_fields() if details is not None else {}
    return UpdateFulfillmentStatusRequest(
        status=StatusUpdate(status), message=message.strip() or None, **extra
    )
