"""The outbox as a lead sees it, through the port: history, Needs attention, stats, exports;
and the returns received here (their history, receipt and export).

Part of the station port (``port.records``). Reads that may be long (the history, an
export, the stats) run on the port's query worker, beside the writes; a lead's change
(retry, new tracking, discard) is a write, followed by a snapshot like any other.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from packstation.store import OutboxItem, OutboxState
from packstation.ui.station.port_types import Attention, Done, Failed, ShipmentRecord

if TYPE_CHECKING:
    from packstation.redo.clock import ServerTime
    from packstation.store.returns_history import ReturnRecord
    from packstation.store.stats import PackerDay
    from packstation.ui.printing.receipts import ReturnReceipt
    from packstation.ui.station.port import StationPort

log = logging.getLogger("packstation.port")


class _HistoryPurge(QObject):
    """One purge of the history, run when an API client first learns Redo's time.

    The client may be replaced before it ever answers (a new token), so every client
    the port gets is watched; the first to learn the time triggers the purge, and it
    arrives here through a signal because it learns it on whichever thread asked.
    """

    _known = Signal(object)  # the ServerTime that learned Redo's time

    def __init__(self, port: StationPort, keep_days: int) -> None:
        super().__init__(port)
        self._port = port
        self._keep_days = keep_days
        self._done = False
        self._known.connect(self._purge)
        port.client_changed.connect(self._watch)
        self._watch()

    def _watch(self) -> None:
        server: ServerTime | None = getattr(self._port.client, "server_time", None)
        if server is not None and not self._done:
            server.when_known(lambda: self._tell(server))

    def _tell(self, server: ServerTime) -> None:
        # RuntimeError: the station closed before the client first answered.
        with contextlib.suppress(RuntimeError):
            self._known.emit(server)

    def _purge(self, server: ServerTime) -> None:
        if self._done:
            return
        self._done = True
        self._port.client_changed.disconnect(self._watch)
        outbox, reader = self._port._store.outbox, self._port._reader
        keep_days = self._keep_days

        def work() -> int | None:
            purged = outbox.purge(keep_days, server)
            if purged:
                reader.labels_changed()
            return purged

        self._port._write(
            work, lambda _: None, lambda exc: log.warning("history not purged: %s", exc)
        )


class RecordsDoor:
    def __init__(self, port: StationPort) -> None:
        self._port = port

    def purge_history(self, keep_days: int) -> None:
        """Forget delivered shipments older than ``keep_days`` (once, at start), on the
        store thread, as soon as Redo's clock is known: only a wall clock that agrees
        with it can tell a row's age (``Outbox.purge``). At start nothing has been heard
        from Redo yet, so the purge waits for the API client's first answer."""
        _HistoryPurge(self._port, keep_days)

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
        outbox, returns = self._port._store.outbox, self._port._store.returns_outbox
        self._port._queries.submit(
            lambda: Attention(
                tuple(outbox.items(OutboxState.ATTENTION)),
                tuple(outbox.items(OutboxState.PENDING)),
                tuple(returns.held()),
            ),
            done,
            lambda exc: log.warning("the outbox was not read: %s", exc),
        )

    def retry_return(self, job_id: str, done: Done[None], failed: Failed) -> None:
        """A held return, tried again now (only its comment, if Redo processed it)."""
        returns = self._port._store.returns_outbox
        self._port._write(lambda: returns.retry(job_id), done, failed)

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

    def discard(self, fulfillment_id: str, who: str, done: Done[None], failed: Failed) -> None:
        """A held shipment is never sent; ``who`` (the lead) is written to the journal."""
        outbox, reader = self._port._store.outbox, self._port._reader

        def work() -> None:
            outbox.discard(fulfillment_id, who)
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

    # --- returns received here ---------------------------------------------------------

    def returns_history(self, search: str, limit: int, done: Done[list[ReturnRecord]]) -> None:
        """Returns received here, newest first, matching an order, return ID or packer."""
        from packstation.store.returns_history import returns_history

        outbox = self._port._store.returns_outbox
        self._port._queries.submit(
            lambda: returns_history(outbox, search, limit),
            done,
            lambda exc: log.warning("returns history not read: %s", exc),
        )

    def return_receipt(self, job_id: str, done: Done[ReturnReceipt | None], failed: Failed) -> None:
        """The receipt of a return received here, rebuilt as it was printed (its bench,
        packer and time); None when the return's items were not kept with it (queued
        before they were) or there is no such return."""
        from packstation.store.returns_history import return_record

        outbox = self._port._store.returns_outbox

        def work() -> ReturnReceipt | None:
            found = return_record(outbox, job_id)
            return rebuilt_receipt(found) if found is not None else None

        self._port._queries.submit(work, done, failed)

    def export_returns(self, search: str, path: Path, done: Done[int], failed: Failed) -> None:
        """Every return matching ``search`` as CSV, one row per item (``returns_history``)."""
        from packstation.store.returns_history import export_returns_csv, returns_history

        outbox = self._port._store.returns_outbox
        self._port._queries.submit(
            lambda: export_returns_csv(returns_history(outbox, search, 1_000_000), path),
            done,
            failed,
        )


def rebuilt_receipt(found: ReturnRecord) -> ReturnReceipt | None:
    """``found``'s receipt from what its job kept: the return as it was on the bench, and
    what arrived; None when the return itself was not kept."""
    from packstation.packing.receiving import ReceivingSession
    from packstation.ui.printing.receipts import receipt_for_return
    from packstation.ui.station.port_returns import OnBench

    if not found.reprintable:
        return None
    job = found.job
    ret = OnBench.from_json(json.dumps(job.summary["return"]))
    session = ReceivingSession(ret.return_id, ret.lines)
    session.restore(job.summary)
    return receipt_for_return(
        ret,
        session,
        job_id=job.id,
        bench=str(job.summary.get("bench") or ""),
        packer=job.packer,
        when=dt.datetime.fromtimestamp(job.created_at),
    )
