"""A packing session: one order on the bench, what remains, what is in the box."""

from __future__ import annotations

from dataclasses import dataclass, field

from packstation.packing.codes import clean_code
from packstation.packing.matcher import Matcher, SkuMatcher
from packstation.packing.outcomes import (
    AlreadyComplete,
    Invalid,
    NothingToShip,
    NotInOrder,
    Packed,
    ScanOutcome,
)
from packstation.redo.models import (
    CreateFulfillmentRequest,
    FulfillmentLineRequest,
    InitialTracking,
    LineItem,
    Order,
    ShipmentStatus,
    Tracking,
)


class PackingError(ValueError):
    """A request cannot be built from the session as it stands; the text says why."""


class NothingPackedError(PackingError):
    pass


class TrackingIncompleteError(PackingError):
    pass


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
class TrackingInput:
    carrier: str
    code: str


@dataclass(frozen=True, slots=True)
class DummyTracking:
    status: ShipmentStatus = ShipmentStatus.PRE_TRANSIT
    message: str = ""


@dataclass(frozen=True, slots=True)
class _Change:
    """One undoable step: the counts of the lines it touched, before and after."""

    before: tuple[tuple[int, int], ...]
    after: tuple[tuple[int, int], ...]


@dataclass
class PackingSession:
    order: Order
    matcher: Matcher = field(default_factory=SkuMatcher)
    #: Units already queued at this station but not yet visible in the order (by line ID).
    in_flight: dict[str, int] = field(default_factory=dict)
    _packed: list[int] = field(init=False)
    _fulfilled: list[int] = field(init=False)
    _undo: list[_Change] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        self._packed = [0] * len(self.order.line_items)
        self._fulfilled = [
            min(
                item.quantity,
                self.order.fulfilled_quantity(item.id) + self.in_flight.get(item.id, 0),
            )
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
        candidates = [self.line(i) for i in match.line_indexes]
        for line in candidates:
            if line.packed + units <= line.remaining:
                self._apply({line.index: line.packed + units})
                return Packed(
                    code=code,
                    line_index=line.index,
                    packed=line.packed + units,
                    remaining=line.remaining,
                    units=units,
                    ambiguous=len(candidates) > 1,
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
        return tuple(index for index, _ in change.before)

    def restore(self, packed: dict[str, int]) -> None:
        """Put back packed counts by line ID (after a restart), clamped to what remains."""
        ids = {item.id: i for i, item in enumerate(self.order.line_items)}
        for line_id, count in packed.items():
            if line_id in ids:
                index = ids[line_id]
                self._packed[index] = max(0, min(count, self.line(index).remaining))
        self._undo.clear()

    def _apply(self, new_counts: dict[int, int]) -> None:
        before = tuple((i, self._packed[i]) for i in sorted(new_counts))
        after = tuple((i, new_counts[i]) for i in sorted(new_counts))
        for index, count in new_counts.items():
            self._packed[index] = count
        self._undo.append(_Change(before, after))

    # --- the request ----------------------------------------------------------------

    def to_request(
        self,
        shipping: TrackingInput | DummyTracking,
        fulfillment_id: str | None = None,
    ) -> CreateFulfillmentRequest:
        """The Create Fulfillment request for what is in the box."""
        items = [
            FulfillmentLineRequest(id=item.id, quantity=count)
            for item, count in zip(self.order.line_items, self._packed, strict=True)
            if count > 0
        ]
        if not items:
            raise NothingPackedError("Nothing is packed yet: scan at least one item.")
        if isinstance(shipping, DummyTracking):
            return CreateFulfillmentRequest(
                fulfillment_id=fulfillment_id,
                line_items=items,
                use_dummy_tracking=True,
                initial_tracking=InitialTracking(
                    status=shipping.status, message=shipping.message.strip() or None
                ),
            )
        carrier = shipping.carrier.strip()
        code = "".join(shipping.code.split())
        if not carrier or not code:
            missing = "carrier" if not carrier else "tracking number"
            raise TrackingIncompleteError(
                f"The {missing} is missing: scan the shipping label or turn on dummy tracking."
            )
        return CreateFulfillmentRequest(
            fulfillment_id=fulfillment_id,
            line_items=items,
            tracking=Tracking(carrier=carrier, code=code),
        )
