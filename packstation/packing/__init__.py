"""The packing rules as pure Python: no Qt, no I/O."""

from packstation.packing.marks import UnitMark
from packstation.packing.outcomes import (
    AlreadyComplete,
    DuplicateSerial,
    Invalid,
    NothingToShip,
    NotInOrder,
    Packed,
    ScanOutcome,
)
from packstation.packing.session import LineState, PackingSession
from packstation.packing.shipment import (
    DummyTracking,
    NothingPackedError,
    PackingError,
    TrackingIncompleteError,
    TrackingInput,
)

__all__ = [
    "AlreadyComplete",
    "DummyTracking",
    "DuplicateSerial",
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
    "UnitMark",
]
