"""The station port: the bench's one door to its durable state, the network and the printer.

Every verb takes its inputs and two completions, ``done`` (a typed result) and
``failed`` (the exception, itself typed: a ``RedoError``, an ``sqlite3.Error``, an
``OSError``), both called on the GUI thread. The port runs the work on the runner it
belongs to: Redo on ``reads``, the station database on ``writes`` (one serial thread,
so the journal and the outbox are written in the order the packer acted), the dialogs'
long reads (history, exports, stats) on ``queries``, beside the writes.

After every write that can change what the bench shows, the store thread reads a
:class:`~packstation.ui.station.snapshot.Snapshot` in the same job and the port publishes
it (``snapshot``, ``snapshot_changed``) before ``done`` runs; the outbox's changes made by
the sender are announced the same way (:meth:`refresh`). Nobody outside this module
reads SQLite, and nothing polls.

The catalog's verbs (imports, taught codes, an order's UPCs from Redo) are
``port.catalog`` (``port_catalog.py``), the outbox as a lead sees it (history, Needs
attention, stats, exports) ``port.records`` (``port_records.py``): the same runners, the
same snapshots, one door.

The runtime (``runtime.py``) builds the port on its threads. Tests build it on a
synchronous runner, an in-memory Redo and a database in a temporary folder
(``tests/helpers/station.py``), as Picard tests its file saves with a ``FakeThreadPool``:
the bench's every rule runs without a window, a thread or HTTP.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal

from packstation.packing.catalog import KeyedEntries
from packstation.ui.station.port_catalog import CatalogDoor
from packstation.ui.station.port_records import RecordsDoor
from packstation.ui.station.port_returns import ReturnsDoor
from packstation.ui.station.port_types import (
    BenchState,
    Done,
    Failed,
    NoClient,
    OrderOpened,
    Restored,
    Runner,
    SlipSink,
)
from packstation.ui.station.snapshot import Snapshot, SnapshotReader

if TYPE_CHECKING:
    from packstation.config import Settings
    from packstation.config_toml import ConfigProblem
    from packstation.packing import PackingSession
    from packstation.packing.shipment import DummyTracking, TrackingInput
    from packstation.redo.client import RedoClient
    from packstation.redo.models import Order, UpdateFulfillmentStatusRequest
    from packstation.store import OutboxItem
    from packstation.store.problems import StationNotice
    from packstation.store.station import StationStore
    from packstation.ui.printing.receipts import Paper
    from packstation.ui.station.launch_fetch import LaunchFetch
    from packstation.ui.station.sounds import Sound, SoundPlayer
    from packstation.ui.station.warehouse_door import WarehouseDoor

log = logging.getLogger("packstation.port")

T = TypeVar("T")

__all__ = ["BenchState", "NoClient", "OrderOpened", "Restored", "StationPort"]


def skus_of(order: Order) -> list[str]:
    """The SKUs of ``order``'s lines: the catalog codes an order needs are theirs alone."""
    return [line.sku for line in order.line_items if line.sku]


class StationPort(QObject):
    #: A new :class:`Snapshot` is in :attr:`snapshot`.
    snapshot_changed = Signal(object)
    #: The API client was replaced (None: not configured).
    client_changed = Signal()
    #: A new client is being built (its token read from the keyring).
    client_requested = Signal()
    #: Building the client failed: the exception says why (a ``ValueError`` for an API
    #: address refused, anything else for the keyring).
    client_failed = Signal(object)
    delivered = Signal(object)  # store.Delivered
    needs_attention = Signal(object)  # store.NeedsAttention
    will_retry = Signal(object)  # store.WillRetry
    #: True once the sender reached Redo, False when it could not.
    connectivity = Signal(bool)
    #: A catalog import's progress: (file name, rows done, rows in all); emitted from the
    #: store thread, delivered on the GUI thread.
    catalog_progress = Signal(str, int, int)
    #: A catalog import is over (``CatalogImport``), or ended in an error (an ``OSError``).
    catalog_imported = Signal(object)
    #: The station's catalog changed (an import, a barcode taught or forgotten): the open
    #: order packs by it from the next scan.
    catalog_changed = Signal()
    #: The returns sender processed a return, or held one (``store/returns_sender.py``).
    returns_news = Signal(object)

    def __init__(
        self,
        store: StationStore,
        *,
        reads: Runner,
        writes: Runner,
        queries: Runner | None = None,
        settings: Callable[[], Settings],
        sound: SoundPlayer,
        printer: SlipSink,
        launch: LaunchFetch | None = None,
        demo: bool = False,
        notices: Sequence[ConfigProblem | StationNotice] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._reads = reads
        self._writes = writes
        self._queries = queries or writes
        self._settings = settings
        self._sound = sound
        self._printer = printer
        self._launch = launch
        self._reader = SnapshotReader(store.outbox, store.returns_outbox)
        self.demo = demo
        #: Problems found at start (a malformed machine config), said once by the bench.
        self.notices = list(notices)
        self.snapshot = Snapshot()
        self.client: RedoClient | None = None
        #: The catalog and the outbox's records, through the same runners.
        self.catalog = CatalogDoor(self)
        self.records = RecordsDoor(self)
        #: Returned parcels received at the bench (``port_returns.py``).
        self.returns = ReturnsDoor(self)
        #: The client is being built: scans wait for it.
        self.client_pending = False
        #: None until the sender has talked to Redo.
        self.online: bool | None = None
        #: The warehouse, when this bench is one of many (the runtime sets it).
        self.warehouse: WarehouseDoor | None = None

    # ------------------------------------------------------------------ the station

    def use_warehouse(self, door: WarehouseDoor | None) -> None:
        """This bench is one of a warehouse's (None: on its own): its catalog follows the
        warehouse's from then on."""
        self.warehouse = door
        if door is not None:
            door.catalog_changed.connect(self.catalog_changed)

    @property
    def settings(self) -> Settings:
        return self._settings()

    @property
    def configured(self) -> bool:
        return self.client is not None

    @property
    def sound(self) -> SoundPlayer:
        return self._sound

    def play(self, sound: Sound) -> None:
        self._sound.play(sound)

    def print_slip(self, slip: Paper, done: Done[str], failed: Failed) -> bool:
        """Print ``slip`` (or a returns receipt) on the print worker; False when no printer
        is set up."""
        return self._printer(slip, done, failed)

    # ------------------------------------------------------------------ running work

    def _read(self, fn: Callable[[], T], done: Done[T], failed: Failed) -> None:
        self._reads.submit(fn, done, failed)

    def _write(self, fn: Callable[[], T], done: Done[T], failed: Failed) -> None:
        """A write that changes what the bench shows: a snapshot is read after it.

        It starts once the GUI thread's loop has delivered what was waiting
        (``after_turn``): an order opened, closed or shipped is written without taking
        the interpreter from the frame the bench has just asked for. A scan's journal
        write (``save``) is not held: its row and banner wait for it."""

        def work() -> tuple[T, Snapshot]:
            result = fn()
            return result, self._reader.read()

        def published(answer: tuple[T, Snapshot]) -> None:
            result, snapshot = answer
            self._publish(snapshot)
            done(result)

        self._writes.submit(work, published, failed, after_turn=True)

    def _publish(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.snapshot_changed.emit(snapshot)

    def refresh(self, *, labels: bool = False) -> None:
        """The outbox changed behind the bench (the sender): read a new snapshot.

        ``labels``: read the labels in use again too (something other than this port
        queued or removed a box: a tool, a test)."""
        reader = self._reader

        def work() -> Snapshot:
            if labels:
                reader.labels_changed()
            return reader.read()

        self._writes.submit(work, self._publish, lambda exc: log.warning("snapshot: %s", exc))

    def _client(self) -> RedoClient:
        client = self.client
        if client is None:
            raise NoClient("no API client is configured")
        return client

    # ------------------------------------------------------------------ orders

    def fetch_order(self, ref: str, done: Done[Order], failed: Failed) -> None:
        """Read ``ref`` from Redo (the slip scanned at launch may already be on its way)."""
        client = self.client
        if client is None:
            failed(NoClient(ref))
            return
        ahead = self._launch.take_order(ref, client) if self._launch is not None else None
        self._read(
            ahead.result if ahead is not None else (lambda: client.get_order(ref)),
            done,
            failed,
        )

    def open_order(self, ref: str, order: Order, done: Done[OrderOpened], failed: Failed) -> None:
        """Record ``order`` as the one on the bench; the snapshot follows it from now on."""
        store, reader = self._store, self._reader

        def work() -> OrderOpened:
            store.journal.open(ref, order)
            reader.order_id = order.order_id
            return OrderOpened(order, KeyedEntries(store.catalog.entries_for(skus_of(order))))

        self._write(work, done, failed)

    def restore(self, done: Done[Restored | None], failed: Failed) -> None:
        """The order left on the bench at the last exit, if any."""
        store, reader = self._store, self._reader

        def work() -> Restored | None:
            saved = store.journal.load()
            if saved is None:
                return None
            reader.order_id = saved.order.order_id
            return Restored(saved, KeyedEntries(store.catalog.entries_for(skus_of(saved.order))))

        self._write(work, done, failed)

    def save(
        self,
        order_id: str,
        state: BenchState,
        *,
        kind: str,
        detail: str = "",
        done: Done[None],
        failed: Failed,
    ) -> None:
        """Journal the open order's new state (a scan, an edit, an undo, the label)."""
        journal = self._store.journal
        self._writes.submit(
            lambda: journal.save(
                order_id,
                state.packed,
                state.inputs,
                kind,
                detail,
                packer=state.packer,
                marks=state.marks,
            ),
            done,
            failed,
        )

    def reconcile(self, order: Order, state: BenchState, done: Done[None], failed: Failed) -> None:
        """The open order as Redo has it now, and what is packed against it."""
        store = self._store
        self._write(
            lambda: store.reconcile(
                order, state.packed, state.inputs, packer=state.packer, marks=state.marks
            ),
            done,
            failed,
        )

    def close_order(self, order_id: str, reason: str, failed: Failed) -> None:
        """The order leaves the bench (cleared, switched); the journal forgets it."""
        store, reader = self._store, self._reader

        def work() -> None:
            store.journal.close(order_id, reason)
            reader.order_id = ""

        def closed(_: None) -> None:
            if self.warehouse is not None:
                self.warehouse.claims.release(order_id)  # another bench may open it now

        self._write(work, closed, failed)

    def ship(
        self,
        session: PackingSession,
        ref: str,
        shipping: TrackingInput | DummyTracking,
        *,
        packer: str,
        box: int,
        last: bool,
        done: Done[OutboxItem],
        failed: Failed,
    ) -> None:
        """Queue the box for Redo in the transaction that closes the order (``last``) or
        empties the box on the journal; the sender takes it from there."""
        store, reader = self._store, self._reader

        def work() -> OutboxItem:
            if last:
                item = store.ship(session, ref, shipping, packer=packer, box=box)
                reader.order_id = ""
            else:
                item = store.ship_box(session, ref, shipping, box=box, packer=packer)
            reader.add_label(item)
            return item

        def queued(item: OutboxItem) -> None:
            if self.warehouse is not None:
                if last:
                    self.warehouse.claims.release(session.order_id)
                self.warehouse.push()  # the box is a fact, its label in the registry
            done(item)

        self._write(work, queued, failed)

    def post_status(
        self,
        order_id: str,
        fulfillment_id: str,
        request: UpdateFulfillmentStatusRequest,
        done: Done[object],
        failed: Failed,
    ) -> None:
        """A test status for a dummy-tracked shipment (a Redo automation)."""
        try:
            client = self._client()
        except NoClient as exc:
            failed(exc)
            return
        self._read(
            lambda: client.update_fulfillment_status(order_id, fulfillment_id, request),
            done,
            failed,
        )

    # ------------------------------------------------------------------ who packs

    def last_packer(self, done: Done[str], failed: Failed) -> None:
        self._writes.submit(self._store.journal.last_packer, done, failed)

    def last_mode(self, done: Done[str], failed: Failed) -> None:
        self._writes.submit(self._store.journal.last_mode, done, failed)

    def remember_mode(self, mode: str) -> None:
        journal = self._store.journal
        self._writes.submit(
            lambda: journal.remember_mode(mode),
            lambda _: None,
            lambda exc: log.warning("the bench's mode was not remembered: %s", exc),
        )

    def remember_packer(self, name: str) -> None:
        journal = self._store.journal
        self._writes.submit(
            lambda: journal.remember_packer(name),
            lambda _: None,
            lambda exc: log.warning("the packer was not remembered: %s", exc),
        )
