"""The outbox as a lead sees it, through the port: history, Needs attention, stats, exports.

Part of the station port (``port.records``). Reads that may be long (the history, an
export, the stats) run on the port's query worker, beside the writes; a lead's change
(retry, new tracking, discard) is a write, followed by a snapshot like any other.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from packstation.store import OutboxItem, OutboxState
from packstation.ui.station.port_types import Attention, Done, Failed, ShipmentRecord

if TYPE_CHECKING:
    from packstation.store.stats import PackerDay
    from packstation.ui.station.port import StationPort

log = logging.getLogger("packstation.port")


class RecordsDoor:
    def __init__(self, port: StationPort) -> None:
        self._port = port

    def purge_history(self, keep_days: int) -> None:
        """Forget delivered shipments older than ``keep_days`` (at start, on the store
        thread: the first thing it does)."""
        outbox, reader = self._port._store.outbox, self._port._reader

        def work() -> int:
            purged = outbox.purge(keep_days)
            reader.labels_changed()
            return purged

        self._port._write(
            work, lambda _: None, lambda exc: log.warning("history not purged: %s", exc)
        )

    def shipment(self, fulfillment_id: str, done: Done[ShipmentRecord | None]) -> None:
        """A box queued or sent from here (for its slip), or None when there is none."""
        outbox = self._port._store.outbox

        def work() -> ShipmentRecord | None:
            item = outbox.get(fulfillment_id)
            if item is None:
                return None
            boxes = [
                i.summary.box
                for i in outbox.items(
                    OutboxState.PENDING,
                    OutboxState.DELIVERED,
                    OutboxState.ATTENTION,
                    order_id=item.order_id,
                )
            ]
            return ShipmentRecord(item, max(boxes, default=1) if item.summary.box else 1)

        self._port._writes.submit(work, done, lambda exc: done(None))

    def history(self, search: str, limit: int, done: Done[list[OutboxItem]]) -> None:
        outbox = self._port._store.outbox
        self._port._queries.submit(
            lambda: outbox.history(search, limit),
            done,
            lambda exc: log.warning("history not read: %s", exc),
        )

    def attention(self, done: Done[Attention]) -> None:
        outbox = self._port._store.outbox
        self._port._queries.submit(
            lambda: Attention(
                tuple(outbox.items(OutboxState.ATTENTION)),
                tuple(outbox.items(OutboxState.PENDING)),
            ),
            done,
            lambda exc: log.warning("the outbox was not read: %s", exc),
        )

    def retry(self, fulfillment_id: str, done: Done[None], failed: Failed) -> None:
        """Held: send it again. Waiting: do not wait for its next try."""
        outbox = self._port._store.outbox

        def work() -> None:
            item = outbox.get(fulfillment_id)
            if item is not None and item.state is OutboxState.PENDING:
                outbox.retry_now(fulfillment_id)
            else:
                outbox.retry(fulfillment_id)

        self._port._write(work, done, failed)

    def edit_tracking(
        self, fulfillment_id: str, carrier: str, code: str, done: Done[None], failed: Failed
    ) -> None:
        outbox, reader = self._port._store.outbox, self._port._reader

        def work() -> None:
            outbox.edit_tracking(fulfillment_id, carrier, code)
            reader.labels_changed()

        self._port._write(work, done, failed)

    def discard(self, fulfillment_id: str, done: Done[None], failed: Failed) -> None:
        outbox, reader = self._port._store.outbox, self._port._reader

        def work() -> None:
            outbox.discard(fulfillment_id)
            reader.labels_changed()

        self._port._write(work, done, failed)

    def release_unauthorized(self, done: Done[int], failed: Failed) -> None:
        """After a new token: shipments held for a rejected one go out again."""
        self._port._write(self._port._store.outbox.retry_all_unauthorized, done, failed)

    def stats(self, days: int, done: Done[list[PackerDay]], failed: Failed) -> None:
        store = self._port._store
        self._port._queries.submit(lambda: store.stats(days), done, failed)

    def export_history(self, search: str, path: Path, done: Done[int], failed: Failed) -> None:
        """Every shipment matching ``search`` as CSV, lots and serials included."""
        from packstation.store.export import export_history_csv

        outbox = self._port._store.outbox

        def work() -> int:
            items = outbox.history(search, limit=1_000_000)
            return export_history_csv(items, path, box_of=lambda i: str(i.summary.box or ""))

        self._port._queries.submit(work, done, failed)
