"""Durable local state: the journal of the open packing session, the outbox, history.

The package names the types every layer shares. The database itself (``StationStore``
in ``store.station``) is imported from its module, by the composition root and the
runtime's port alone: importing these types never imports the database's.
"""

from packstation.store.journal import Journal, OpenSession, ShippingInputs
from packstation.store.outbox import Outbox, OutboxCounts, OutboxItem, OutboxState, ShipmentSummary
from packstation.store.problems import (
    ForeignDatabaseError,
    NewerDatabaseError,
    NoticeKind,
    Reason,
    ShipmentProblem,
    ShipmentProblemKind,
    StationDatabaseError,
    StationNotice,
    UnopenedDatabaseError,
)
from packstation.store.sender import (
    Connectivity,
    Delivered,
    NeedsAttention,
    Sender,
    SenderEvent,
    WillRetry,
)

__all__ = [
    "Connectivity",
    "Delivered",
    "ForeignDatabaseError",
    "Journal",
    "NeedsAttention",
    "NewerDatabaseError",
    "NoticeKind",
    "OpenSession",
    "Outbox",
    "OutboxCounts",
    "OutboxItem",
    "OutboxState",
    "Reason",
    "Sender",
    "SenderEvent",
    "ShipmentProblem",
    "ShipmentProblemKind",
    "ShipmentSummary",
    "ShippingInputs",
    "StationDatabaseError",
    "StationNotice",
    "UnopenedDatabaseError",
    "WillRetry",
]
