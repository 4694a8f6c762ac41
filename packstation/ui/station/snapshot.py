"""What the bench shows of the station's durable state, read on the store thread.

The GUI thread never reads SQLite. After every write that can change what the bench shows
(an order opened or closed, a box queued, the sender's answer, a lead's retry), the store
thread reads it again into a :class:`Snapshot`, a frozen value the window and the
controller read as often as they like. Between two writes nothing changes, so nothing
polls.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

from packstation.packing.codes import tracking_number
from packstation.packing.marks import UnitMark
from packstation.store import OutboxCounts, OutboxItem, OutboxState

if TYPE_CHECKING:
    from packstation.redo.models import Order
    from packstation.store.outbox import Outbox
    from packstation.store.returns_outbox import ReturnsOutbox

#: Shipments of the bench listed on the idle page.
RECENT = 5
_LIVE = (OutboxState.PENDING, OutboxState.ATTENTION, OutboxState.DELIVERED)
_NO_LABELS: Mapping[str, tuple[str, str]] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The outbox at a glance, the bench's last shipments, and the open order's boxes."""

    counts: OutboxCounts = field(default_factory=OutboxCounts)
    recent: tuple[OutboxItem, ...] = ()
    #: The order the bench has open ("" for none), and its shipments queued, held or sent
    #: from this station, oldest first.
    order_id: str = ""
    order_items: tuple[OutboxItem, ...] = ()
    #: Every tracking number this station queued or sent: number -> (order ID, order ref).
    labels: Mapping[str, tuple[str, str]] = field(default_factory=lambda: _NO_LABELS)
    at: float = 0.0

    def in_flight(self, order: Order) -> dict[str, int]:
        """Units this station queued or sent for ``order`` that its reading does not show
        as fulfilled yet: still waiting, held, or sent since ``order`` was read."""
        units: dict[str, int] = {}
        if order.order_id != self.order_id:
            return units
        for item in self.order_items:
            if order.find_fulfillment(item.fulfillment_id) is None:
                for line in item.request.line_items:
                    units[line.id] = units.get(line.id, 0) + line.quantity
        return units

    def earlier_marks(self, order: Order) -> tuple[dict[str, tuple[UnitMark, ...]], dict[str, int]]:
        """The lots and serials of ``order``'s units this station already queued or sent
        (any box, any restart), by line ID, and the box each serial went in (-1: a
        shipment without a box number): a serial among them is refused, saying where."""
        marks: dict[str, list[UnitMark]] = {}
        boxes: dict[str, int] = {}
        if order.order_id != self.order_id:
            return {}, {}
        for item in self.order_items:
            for units in item.summary.packed_units:
                if units.lot or units.expiry or units.serial:
                    mark = UnitMark(units.lot, units.expiry, units.serial, units.quantity)
                    marks.setdefault(units.line_id, []).append(mark)
                if units.serial:
                    boxes[units.serial] = item.summary.box or -1
        return {line: tuple(found) for line, found in marks.items()}, boxes

    def boxes(self, since: float) -> list[OutboxItem]:
        """The open order's boxes closed at this bench since ``since`` (it was opened)."""
        return [i for i in self.order_items if i.summary.box and i.created_at >= since]

    def own_dummy(self) -> frozenset[str]:
        """The open order's fulfillments this station sent with dummy tracking."""
        return frozenset(i.fulfillment_id for i in self.order_items if i.summary.dummy)

    def label_used_elsewhere(self, number: str, order_id: str) -> str | None:
        """The reference of another order this station shipped with ``number``, if any."""
        used = self.labels.get(tracking_number(number)) if number else None
        if used is None or used[0] == order_id:
            return None
        return used[1]


class SnapshotReader:
    """Reads snapshots on the store thread; remembers which order is open and the labels.

    The labels are read once, then kept up to date by the writes that add one (a box
    queued) and read again after those that may remove one (edited, discarded, purged).
    """

    def __init__(self, outbox: Outbox, returns: ReturnsOutbox | None = None) -> None:
        self._outbox = outbox
        #: Received returns on their way to Redo count with the shipments: waiting to be
        #: sent, or needing attention.
        self._returns = returns
        self.order_id = ""
        self._labels: Mapping[str, tuple[str, str]] | None = None

    def labels_changed(self) -> None:
        self._labels = None

    def add_label(self, item: OutboxItem) -> None:
        if self._labels is not None and item.summary.tracking and not item.summary.dummy:
            labels = dict(self._labels)
            labels[item.summary.tracking] = (item.order_id, item.order_ref)
            self._labels = MappingProxyType(labels)

    def read(self) -> Snapshot:
        outbox = self._outbox
        if self._labels is None:
            self._labels = MappingProxyType(outbox.labels_in_use())
        items = outbox.items(*_LIVE, order_id=self.order_id) if self.order_id else []
        counts = outbox.counts()
        if self._returns is not None:
            waiting, held = self._returns.counts()
            if waiting or held:
                counts = dataclasses.replace(
                    counts, pending=counts.pending + waiting, attention=counts.attention + held
                )
        return Snapshot(
            counts=counts,
            recent=tuple(outbox.history(limit=RECENT)),
            order_id=self.order_id,
            order_items=tuple(items),
            labels=self._labels,
            at=time.time(),
        )
