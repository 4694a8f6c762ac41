"""The station's durable state in one place: journal, outbox and history share a database."""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path

from packstation.packing.codes import tracking_number
from packstation.packing.marks import UnitMark
from packstation.packing.session import PackingSession
from packstation.packing.shipment import DummyTracking, TrackingInput
from packstation.redo.models import Order
from packstation.store.catalog import CatalogStore
from packstation.store.db import connect_reader, transaction
from packstation.store.items import PackedUnits
from packstation.store.journal import Journal, ShippingInputs
from packstation.store.opening import open_station_database
from packstation.store.outbox import Outbox, OutboxItem, ShipmentSummary
from packstation.store.problems import NoticeKind, StationNotice
from packstation.store.returns_index import ReturnsIndex
from packstation.store.returns_outbox import ReturnsOutbox
from packstation.store.stats import PackerDay, packer_stats
from packstation.store.warehouse_local import WarehouseLocal

log = logging.getLogger("packstation.store")


def packed_units(session: PackingSession, packed: dict[str, int]) -> tuple[PackedUnits, ...]:
    """``packed`` (units by line ID) split by the lots and serials they were scanned with."""
    result: list[PackedUnits] = []
    for index, line in enumerate(session.order.line_items):
        quantity = packed.get(line.id, 0)
        if quantity <= 0:
            continue
        sku = line.sku or ""
        for mark in session.marks(index):
            units = min(mark.units, quantity)
            if units <= 0:
                break
            result.append(PackedUnits(line.id, sku, units, mark.lot, mark.expiry, mark.serial))
            quantity -= units
        if quantity > 0:
            result.append(PackedUnits(line.id, sku, quantity))
    return tuple(result)


def new_fulfillment_id() -> str:
    """Client-chosen and stable across every retry: the key to shipping exactly once."""
    return f"ps-{uuid.uuid4().hex}"


class StationStore:
    """The station database at ``path``, opened (see ``store.opening``) and checked.

    Raises ``ForeignDatabaseError`` if the file belongs to another program (it is left
    untouched). A damaged file is moved aside and replaced; that, and any shipment that
    could not be read and was held, is told in :attr:`notices` (to show once).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.RLock()
        opened = open_station_database(path)
        self._conn = opened.conn
        #: What opening had to do, for the window to word and show once.
        self.notices: list[StationNotice] = list(opened.notices)
        #: Where a damaged database was moved, if it was.
        self.moved_aside: Path | None = opened.moved_aside
        try:
            self._reader = connect_reader(path)
        except BaseException:
            self._conn.close()
            raise
        self.journal = Journal(self._conn, self._lock)
        self.outbox = Outbox(self._conn, self._lock, reader=self._reader)
        self.catalog = CatalogStore(self._conn, self._lock)
        #: Warehouse mode's side in this database (unused by a bench on its own).
        self.warehouse = WarehouseLocal(self._conn, self._lock, self.catalog)
        self.returns = ReturnsIndex(self._conn, self._lock)
        self.returns_outbox = ReturnsOutbox(self._conn, self._lock)
        held = self.outbox.quarantine_unreadable()
        if held:
            log.warning(
                "%d waiting shipments could not be read, held: %s", len(held), ", ".join(held)
            )
            self.notices.append(StationNotice(NoticeKind.UNREADABLE_HELD, count=len(held)))

    def reconcile(
        self,
        order: Order,
        packed: dict[str, int],
        shipping: ShippingInputs,
        *,
        packer: str = "",
        marks: Mapping[str, Sequence[UnitMark]] | None = None,
    ) -> None:
        """The open order as Redo has it now, with what is packed against it and each
        unit's lot and serial, in one transaction: after a crash the journal holds the
        order before or after, each with its own counts and marks, never a mix."""
        with transaction(self._conn, self._lock):
            self.journal.replace_order(order)
            self.journal.save(
                order.order_id, packed, shipping, "reconcile", packer=packer, marks=marks
            )

    def stats(self, days: int = 7) -> list[PackerDay]:
        return packer_stats(self._conn, self._lock, days)

    def close(self) -> None:
        with self._lock, self.outbox.reader_lock:
            self._reader.close()
            self._conn.close()

    def ship(
        self,
        session: PackingSession,
        order_ref: str,
        shipping: TrackingInput | DummyTracking,
        *,
        packer: str = "",
        fulfillment_id: str | None = None,
        box: int = 0,
    ) -> OutboxItem:
        """Queue the box for sending and close the session, in one transaction.

        ``box``: its number when the order goes out in several boxes (this is the last).
        Raises ``PackingError`` (nothing packed, tracking incomplete) before touching disk.
        """
        return self._queue(
            session,
            order_ref,
            shipping,
            packer=packer,
            fulfillment_id=fulfillment_id,
            box=box,
            last=True,
        )

    def ship_box(
        self,
        session: PackingSession,
        order_ref: str,
        shipping: TrackingInput | DummyTracking,
        *,
        box: int,
        packer: str = "",
        fulfillment_id: str | None = None,
    ) -> OutboxItem:
        """Queue one box of an order that goes out in several, and keep the order open with
        an empty box, in one transaction: after a crash the order is back with this box
        counted as sent (it waits in the outbox), never both packed and queued.
        """
        return self._queue(
            session,
            order_ref,
            shipping,
            packer=packer,
            fulfillment_id=fulfillment_id,
            box=box,
            last=False,
        )

    def _queue(
        self,
        session: PackingSession,
        order_ref: str,
        shipping: TrackingInput | DummyTracking,
        *,
        packer: str,
        fulfillment_id: str | None,
        box: int,
        last: bool,
    ) -> OutboxItem:
        fid = fulfillment_id or new_fulfillment_id()
        request = session.to_request(shipping, fid)
        packed = {item.id: item.quantity for item in request.line_items}
        customer = session.order.customer.display_name if session.order.customer else ""
        summary = ShipmentSummary(
            order_ref=order_ref,
            units=request.total_units(),
            carrier="" if isinstance(shipping, DummyTracking) else shipping.carrier.strip(),
            tracking="" if isinstance(shipping, DummyTracking) else tracking_number(shipping.code),
            dummy=isinstance(shipping, DummyTracking),
            customer=customer,
            lines=tuple(
                (line.title, packed[line.id])
                for line in session.order.line_items
                if line.id in packed
            ),
            partial=not session.all_packed and last,
            packed_units=packed_units(session, packed),
            box=box,
        )
        with transaction(self._conn, self._lock):
            item = self.outbox.add(fid, session.order_id, request, summary, packer)
            if last:
                self.journal._close(session.order_id, f"shipped {fid}")
            else:
                self.journal.empty_box(session.order_id, f"box {box} {fid}", packer=packer)
        self.outbox.wake()
        return item
