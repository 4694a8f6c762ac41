"""A packing session: one order on the bench, what remains, what is in the box."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from packstation.packing.codes import clean_code
from packstation.packing.marks import UnitMark, mark_of
from packstation.packing.matcher import Matcher, SkuMatcher
from packstation.packing.outcomes import (
    AlreadyComplete,
    DuplicateSerial,
    Invalid,
    NothingToShip,
    NotInOrder,
    Packed,
    ScanOutcome,
)
from packstation.packing.shipment import (
    DummyTracking,
    TrackingInput,
    check_shipping,
    fulfillment_request,
)
from packstation.redo.models import CreateFulfillmentRequest, LineItem, Order


@dataclass(frozen=True, slots=True)
class LineState:
    """One order line as the bench sees it."""

    index: int
    item: LineItem
    ordered: int
    fulfilled: int
    packed: int

    @property
    def remaining(self) -> int:
        return max(0, self.ordered - self.fulfilled)

    @property
    def packable(self) -> bool:
        return self.remaining > 0

    @property
    def complete(self) -> bool:
        return self.packable and self.packed >= self.remaining

    @property
    def to_pack(self) -> int:
        return self.remaining - self.packed


@dataclass(frozen=True, slots=True)
class _Change:
    """One undoable step: the counts (and unit marks) of the lines it touched, before and after."""

    before: tuple[tuple[int, int], ...]
    after: tuple[tuple[int, int], ...]
    marks_before: tuple[tuple[int, tuple[UnitMark, ...]], ...] = ()


def _trim(marks: Sequence[UnitMark], count: int) -> list[UnitMark]:
    """The marks of a line whose packed count dropped to ``count``: the latest go first."""
    kept: list[UnitMark] = []
    room = count
    for mark in marks:
        if room <= 0:
            break
        units = min(mark.units, room)
        kept.append(mark if units == mark.units else replace(mark, units=units))
        room -= units
    return kept


@dataclass
class PackingSession:
    order: Order
    matcher: Matcher = field(default_factory=SkuMatcher)
    #: Units already queued at this station but not yet visible in the order (by line ID).
    in_flight: dict[str, int] = field(default_factory=dict)
    #: Lots and serials of this order's boxes already closed (by line ID): a serial in
    #: them is refused like one in this box.
    earlier_marks: Mapping[str, Sequence[UnitMark]] = field(default_factory=dict)
    #: Where each serial of ``earlier_marks`` went: the box's number (-1: a shipment of
    #: this order that had no box number), to say it when the serial comes again.
    serial_boxes: Mapping[str, int] = field(default_factory=dict)
    _packed: list[int] = field(init=False)
    _marks: list[list[UnitMark]] = field(init=False)
    _fulfilled: list[int] = field(init=False)
    _undo: list[_Change] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        self._packed = [0] * len(self.order.line_items)
        self._marks = [[] for _ in self.order.line_items]
        done = self.order.fulfilled_quantities()
        self._fulfilled = [
            min(item.quantity, done.get(item.id, 0) + self.in_flight.get(item.id, 0))
            for item in self.order.line_items
        ]
        # Fixed for the session's life: a scan must not rebuild every line to ask.
        self._total_remaining = sum(
            max(0, item.quantity - done)
            for item, done in zip(self.order.line_items, self._fulfilled, strict=True)
        )

    # --- reading ---------------------------------------------------------------

    @property
    def order_id(self) -> str:
        return self.order.order_id

    def __len__(self) -> int:
        return len(self._packed)

    def line(self, index: int) -> LineState:
        item = self.order.line_items[index]
        return LineState(
            index=index,
            item=item,
            ordered=item.quantity,
            fulfilled=self._fulfilled[index],
            packed=self._packed[index],
        )

    def lines(self) -> list[LineState]:
        return [self.line(i) for i in range(len(self._packed))]

    @property
    def total_remaining(self) -> int:
        return self._total_remaining

    @property
    def total_packed(self) -> int:
        return sum(self._packed)

    @property
    def nothing_to_ship(self) -> bool:
        return self.total_remaining == 0

    @property
    def all_packed(self) -> bool:
        return not self.nothing_to_ship and self.total_packed >= self.total_remaining

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def packed_by_line(self) -> dict[str, int]:
        """Packed counts by line ID (for the journal); lines with none are left out."""
        return {
            item.id: count
            for item, count in zip(self.order.line_items, self._packed, strict=True)
            if count
        }

    def marks(self, index: int) -> tuple[UnitMark, ...]:
        """The lots, expiry dates and serials of line ``index``'s packed units, as scanned."""
        return tuple(self._marks[index])

    def marks_by_line(self) -> dict[str, tuple[UnitMark, ...]]:
        """Unit marks by line ID (for the journal and the outbox); lines with none left out."""
        return {
            item.id: tuple(found)
            for item, found in zip(self.order.line_items, self._marks, strict=True)
            if found
        }

    def _serial_holder(self, serial: str, indexes: Sequence[int]) -> tuple[int, int] | None:
        """The line among ``indexes`` (lines of one product) that already has ``serial``,
        and the box it went in (0: this one; see ``serial_boxes``)."""
        for index in indexes:
            if any(m.serial == serial for m in self._marks[index]):
                return index, 0
            earlier = self.earlier_marks.get(self.order.line_items[index].id, ())
            if any(m.serial == serial for m in earlier):
                return index, self.serial_boxes.get(serial, -1)
        return None

    # --- changing ----------------------------------------------------------------

    def scan(self, raw: str, multiplier: int = 1) -> ScanOutcome:
        """Resolve one scanned code against the order and pack it if it fits.

        ``multiplier`` is the count a ``PS-QTY-n`` command set for this one scan; a case
        barcode's own units per scan multiply with it.
        """
        code = clean_code(raw)
        if not code:
            return Invalid(raw[:64])
        match = self.matcher.match(code, self.order.line_items)
        if match is None or not match.line_indexes:
            return NotInOrder(code)
        if self.nothing_to_ship:
            return NothingToShip(code)
        units = match.units * max(1, multiplier)
        mark = mark_of(code, units)
        if mark is not None and mark.serial:
            holder = self._serial_holder(mark.serial, match.line_indexes)
            if holder is not None:
                return DuplicateSerial(
                    code=code, serial=mark.serial, line_index=holder[0], box=holder[1]
                )
        candidates = [self.line(i) for i in match.line_indexes]
        for line in candidates:
            if line.packed + units <= line.remaining:
                marks = None if mark is None else [*self._marks[line.index], mark]
                self._apply({line.index: line.packed + units}, marks)
                return Packed(
                    code=code,
                    line_index=line.index,
                    packed=line.packed + units,
                    remaining=line.remaining,
                    units=units,
                    ambiguous=len(candidates) > 1,
                    mark=mark,
                )
        first = next((line for line in candidates if line.to_pack > 0), candidates[0])
        return AlreadyComplete(
            code=code,
            line_index=first.index,
            remaining=first.remaining,
            units=units,
            packed=first.packed,
        )

    def set_quantity(self, index: int, quantity: int) -> int:
        """Set a line's packed count, clamped to 0..remaining; returns the count set."""
        line = self.line(index)
        value = max(0, min(quantity, line.remaining))
        if value != line.packed:
            self._apply({index: value})
        return value

    def increment(self, index: int, by: int = 1) -> int:
        return self.set_quantity(index, self._packed[index] + by)

    def decrement(self, index: int, by: int = 1) -> int:
        return self.set_quantity(index, self._packed[index] - by)

    def clear(self) -> None:
        """Empty the box (undoable as one step)."""
        changed = {i: 0 for i, count in enumerate(self._packed) if count}
        if changed:
            self._apply(changed)

    def undo(self) -> tuple[int, ...] | None:
        """Undo the last scan or edit; returns the lines it touched, or None."""
        if not self._undo:
            return None
        change = self._undo.pop()
        for index, count in change.before:
            self._packed[index] = count
        for index, marks in change.marks_before:
            self._marks[index] = list(marks)
        return tuple(index for index, _ in change.before)

    def restore(
        self, packed: dict[str, int], marks: Mapping[str, Sequence[UnitMark]] | None = None
    ) -> None:
        """Put back packed counts (and unit marks) by line ID after a restart.

        Counts are clamped to what remains; marks to the units packed on their line.
        """
        ids = {item.id: i for i, item in enumerate(self.order.line_items)}
        for line_id, count in packed.items():
            if line_id in ids:
                index = ids[line_id]
                self._packed[index] = max(0, min(count, self.line(index).remaining))
        for line_id, found in (marks or {}).items():
            if line_id in ids:
                index = ids[line_id]
                self._marks[index] = _trim(found, self._packed[index])
        self._undo.clear()

    def _apply(self, new_counts: dict[int, int], new_marks: list[UnitMark] | None = None) -> None:
        """Set counts (one undo step); a line's marks follow its count down, latest first.

        ``new_marks`` replaces the marks of the one line in ``new_counts`` (a scan).
        """
        lines = sorted(new_counts)
        before = tuple((i, self._packed[i]) for i in lines)
        after = tuple((i, new_counts[i]) for i in lines)
        marks_before = tuple((i, tuple(self._marks[i])) for i in lines)
        for index, count in new_counts.items():
            self._packed[index] = count
            if new_marks is not None:
                self._marks[index] = new_marks
            elif sum(m.units for m in self._marks[index]) > count:
                self._marks[index] = _trim(self._marks[index], count)
        self._undo.append(_Change(before, after, marks_before))

    # --- the request ----------------------------------------------------------------

    def to_request(
        self,
        shipping: TrackingInput | DummyTracking,
        fulfillment_id: str | None = None,
    ) -> CreateFulfillmentRequest:
        """The Create Fulfillment request for what is in the box (``shipment.py``)."""
        return fulfillment_request(self.order.line_items, self._packed, shipping, fulfillment_id)

    def check_shipping(self, shipping: TrackingInput | DummyTracking) -> dict[str, Any]:
        """Whether the box could be sent with ``shipping``, without building the request."""
        return check_shipping(self._packed, shipping)
