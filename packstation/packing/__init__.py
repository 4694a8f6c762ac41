"""The packing rules as pure Python: no Qt, no I/O."""

from packstation.packing.outcomes import (
    AlreadyComplete,
    Invalid,
    NothingToShip,
    NotInOrder,
    Packed,
    ScanOutcome,
)
from packstation.packing.session import (
    DummyTracking,
    LineState,
    NothingPackedError,
    PackingError,
    PackingSession,
    TrackingIncompleteError,
    TrackingInput,
)

__all__ = [
    "AlreadyComplete",
    "DummyTracking",
    "Invalid",
    "LineState",
    "NotInOrder",
    "NothingPackedError",
    "NothingToShip",
    "Packed",
    "PackingError",
    "PackingSession",
    "ScanOutcome",
    "TrackingIncompleteError",
    "TrackingInput",
]
