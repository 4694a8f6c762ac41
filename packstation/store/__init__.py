"""Durable local state: the journal of the open packing session, the outbox, history."""

from packstation.store.journal import Journal, OpenSession, ShippingInputs
from packstation.store.opening import ForeignDatabaseError
from packstation.store.outbox import Outbox, OutboxCounts, OutboxItem, OutboxState, ShipmentSummary
from packstation.store.sender import (
    Connectivity,
    Delivered,
    NeedsAttention,
    Sender,
    SenderEvent,
    WillRetry,
)
from packstation.store.station import StationStore, new_fulfillment_id

__all__ = [
    "Connectivity",
    "Delivered",
    "ForeignDatabaseError",
    "Journal",
    "NeedsAttention",
    "OpenSession",
    "Outbox",
    "OutboxCounts",
    "OutboxItem",
    "OutboxState",
    "Sender",
    "SenderEvent",
    "ShipmentSummary",
    "ShippingInputs",
    "StationStore",
    "WillRetry",
    "new_fulfillment_id",
]
