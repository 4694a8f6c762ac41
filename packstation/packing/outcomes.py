"""What a scan did, as plain values the window turns into colour, sound and words."""

from __future__ import annotations

from dataclasses import dataclass

from packstation.packing.marks import UnitMark


@dataclass(frozen=True, slots=True)
class Packed:
    """The scan packed ``units`` of line ``line_index``; it now has ``packed`` of ``remaining``."""

    code: str
    line_index: int
    packed: int
    remaining: int
    units: int = 1
    #: The code matched several lines; the first with room was filled.
    ambiguous: bool = False
    #: The lot, expiry and serial the scan named (a GS1 code), kept with the units.
    mark: UnitMark | None = None

    @property
    def line_complete(self) -> bool:
        return self.packed >= self.remaining


@dataclass(frozen=True, slots=True)
class AlreadyComplete:
    """The item belongs to the order, but its line has no room for it: over-pack refused."""

    code: str
    line_index: int
    remaining: int
    #: How many this scan tried to add (more than 1 for a case or after PS-QTY).
    units: int = 1
    #: How many of the line are in the box already.
    packed: int = 0

    @property
    def left(self) -> int:
        """How many more of this line the box can still take."""
        return max(0, self.remaining - self.packed)


@dataclass(frozen=True, slots=True)
class DuplicateSerial:
    """The unit's serial (GS1 AI 21) is already packed in this order: one unit scanned twice.

    Nothing was packed. ``line_index`` is the line that already holds the serial;
    ``box`` where the unit went: 0 for the box on the bench, else the number of an
    earlier box of this order (-1 for an earlier shipment that had no box number).
    """

    code: str
    serial: str
    line_index: int
    box: int = 0


@dataclass(frozen=True, slots=True)
class NotInOrder:
    """No line of this order matches the code."""

    code: str


@dataclass(frozen=True, slots=True)
class NothingToShip:
    """The order has nothing left to ship (fully fulfilled already)."""

    code: str


@dataclass(frozen=True, slots=True)
class Invalid:
    """Not a code at all: empty, or only control characters."""

    code: str


ScanOutcome = Packed | AlreadyComplete | DuplicateSerial | NotInOrder | NothingToShip | Invalid
