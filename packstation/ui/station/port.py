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

The runtime (``runtime.py``) builds the port on its threads. Tests build it on a
synchronous runner, an in-memory Redo and an in-memory database
(``tests/helpers/station.py``), as Picard tests its file saves with a ``FakeThreadPool``:
the bench's every rule runs without a window, a thread or HTTP.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtCore import QObject, Signal

from packstation.store import OutboxItem, OutboxState, ShippingInputs
from packstation.store.catalog import CatalogImport, TaughtCode
from packstation.ui.station.snapshot import Snapshot, SnapshotReader

if TYPE_CHECKING:
    from packstation.config import Settings
    from packstation.config_toml import ConfigProblem
    from packstation.packing import PackingSession
    from packstation.packing.catalog import CatalogEntry
    from packstation.packing.marks import UnitMark
    from packstation.packing.session import DummyTracking, TrackingInput
    from packstation.redo.client import RedoClient
    from packstation.redo.models import Order, UpdateFulfillmentStatusRequest
    from packstation.store import OpenSession
    from packstation.store.problems import StationNotice
    from packstation.store.station import StationStore
    from packstation.store.stats import PackerDay
    from packstation.store.upc_lookup import UpcLookup
    from packstation.ui.printing.slips import Slip
    from packstation.ui.station.launch_fetch import LaunchFetch
    from packstation.ui.station.sounds import Sound, SoundPlayer

log = logging.getLogger("packstation.port")

T = TypeVar("T")
Done = Callable[[T], None]
Failed = Callable[[BaseException], None]


class Runner(Protocol):
    """Runs ``fn`` somewhere and calls one of the two completions on the GUI thread."""

    def submit(
        self, fn: Callable[[], T], on_done: Callable[[T], None], on_error: Failed
    ) -> None: ...


class SlipSink(Protocol):
    """Prints a slip on the print worker; False (and no completion) when none is set up."""

    def __call__(self, slip: Slip, on_done: Callable[[str], None], on_failed: Failed) -> bool: ...


class NoClient(LookupError):
    """A verb that needs Redo was asked for while the station has no API client."""


@dataclass(frozen=True, slots=True)
class BenchState:
    """What the journal records of the open order after a change: counts, marks, label."""

    packed: dict[str, int]
    inputs: ShippingInputs
    packer: str = ""
    #: Lots, expiry dates and serials by line ID; None keeps those recorded.
    marks: dict[str, tuple[UnitMark, ...]] | None = None


@dataclass(frozen=True, slots=True)
class OrderOpened:
    """An order is on the bench in the journal; the codes the station knows to pack it."""

    order: Order
    entries: list[CatalogEntry]


@dataclass(frozen=True, slots=True)
class Restored:
    """The order left on the bench at the last exit, as the journal holds it."""

    saved: OpenSession
    entries: list[CatalogEntry]


@dataclass(frozen=True, slots=True)
class KnownCode:
    """A code that already names a product: its SKU and its title (the SKU when unknown)."""

    sku: str
    title: str


@dataclass(frozen=True, slots=True)
class ShipmentRecord:
    """A box queued or sent from this station, and how many boxes its order went in."""

    item: OutboxItem
    boxes: int


@dataclass(frozen=True, slots=True)
class Attention:
    """The Needs attention list: held shipments first, then those waiting to be sent."""

    held: tuple[OutboxItem, ...]
    waiting: tuple[OutboxItem, ...]


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
        self._reader = SnapshotReader(store.outbox)
        self.demo = demo
        #: Problems found at start (a malformed machine config), said once by the bench.
        self.notices = list(notices)
        self.snapshot = Snapshot()
        self.client: RedoClient | None = None
        #: The client is being built: scans wait for it.
        self.client_pending = False
        #: None until the sender has talked to Redo.
        self.online: bool | None = None

    # ------------------------------------------------------------------ the station

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

    def print_slip(self, slip: Slip, done: Done[str], failed: Failed) -> bool:
        """Print ``slip`` on the print worker; False when no printer is set up."""
        return self._printer(slip, done, failed)

    # ------------------------------------------------------------------ running work

    def _read(self, fn: Callable[[], T], done: Done[T], failed: Failed) -> None:
        self._reads.submit(fn, done, failed)

    def _write(self, fn: Callable[[], T], done: Done[T], failed: Failed) -> None:
        """A write that changes what the bench shows: a snapshot is read after it."""

        def work() -> tuple[T, Snapshot]:
            result = fn()
            return result, self._reader.read()

        def published(answer: tuple[T, Snapshot]) -> None:
            result, snapshot = answer
            self._publish(snapshot)
            done(result)

        self._writes.submit(work, published, failed)

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
            return OrderOpened(order, store.catalog.entries())

        self._write(work, done, failed)

    def restore(self, done: Done[Restored | None], failed: Failed) -> None:
        """The order left on the bench at the last exit, if any."""
        store, reader = self._store, self._reader

        def work() -> Restored | None:
            saved = store.journal.load()
            if saved is None:
                return None
            reader.order_id = saved.order.order_id
            return Restored(saved, store.catalog.entries())

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
        journal = self._store.journal

        def work() -> None:
            journal.replace_order(order)
            journal.save(
                order.order_id,
                state.packed,
                state.inputs,
                "reconcile",
                packer=state.packer,
                marks=state.marks,
            )

        self._write(work, done, failed)

    def close_order(self, order_id: str, reason: str, failed: Failed) -> None:
        """The order leaves the bench (cleared, switched); the journal forgets it."""
        store, reader = self._store, self._reader

        def work() -> None:
            store.journal.close(order_id, reason)
            reader.order_id = ""

        self._write(work, lambda _: None, failed)

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

        self._write(work, done, failed)

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

    def learn_upcs(self, skus: list[str], done: Done[UpcLookup], failed: Failed) -> None:
        """The order's product codes from Redo's inventory, in the background."""
        from packstation.store.upc_lookup import learn_upcs

        client, catalog = self.client, self._store.catalog
        if client is not None:
            self._read(lambda: learn_upcs(client, catalog, skus), done, failed)

    # ------------------------------------------------------------------ who packs

    def last_packer(self, done: Done[str], failed: Failed) -> None:
        self._writes.submit(self._store.journal.last_packer, done, failed)

    def remember_packer(self, name: str) -> None:
        journal = self._store.journal
        self._writes.submit(
            lambda: journal.remember_packer(name),
            lambda _: None,
            lambda exc: log.warning("the packer was not remembered: %s", exc),
        )

    # ------------------------------------------------------------------ the catalog

    def catalog_entries(self, done: Done[list[CatalogEntry]], failed: Failed) -> None:
        self._writes.submit(self._store.catalog.entries, done, failed)

    def teach(
        self, sku: str, code: str, who: str, done: Done[CatalogEntry], failed: Failed
    ) -> None:
        catalog = self._store.catalog

        def taught(entry: CatalogEntry) -> None:
            self.catalog_changed.emit()
            done(entry)

        self._writes.submit(lambda: catalog.teach(sku, code, who), taught, failed)

    def identify_code(self, code: str, done: Done[KnownCode | None]) -> None:
        """Whether ``code`` is already some product's barcode or SKU: in the station's
        catalog (any GTIN form), else as a SKU in Redo's inventory. None when neither
        knows it, or Redo cannot be asked (no inventory scope, offline)."""
        from packstation.packing.catalog import barcode_key
        from packstation.packing.codes import sku_key
        from packstation.redo.errors import RedoError

        catalog, client = self._store.catalog, self.client

        def work() -> KnownCode | None:
            key, sku = barcode_key(code), sku_key(code)
            for entry in catalog.entries():
                if barcode_key(entry.barcode) == key or sku_key(entry.sku) == sku:
                    return KnownCode(entry.sku, entry.sku)
            if client is None:
                return None
            try:
                levels = client.find_inventory_levels(code)
            except RedoError as exc:
                log.info("cannot ask Redo whether %r is a SKU: %s", code[:80], exc.detail)
                return None
            for level in levels:
                if level.product.sku and sku_key(level.product.sku) == sku:
                    return KnownCode(level.product.sku, level.product.title)
            return None

        self._read(work, done, lambda exc: done(None))

    def taught(self, done: Done[list[TaughtCode]], failed: Failed) -> None:
        """Every barcode taught at this station, newest first, with who and when."""
        self._queries.submit(self._store.catalog.taught, done, failed)

    def forget(self, barcode: str, done: Done[bool], failed: Failed) -> None:
        """A taught barcode is forgotten: it no longer packs anything."""
        catalog = self._store.catalog

        def forgotten(found: bool) -> None:
            if found:
                self.catalog_changed.emit()
            done(found)

        self._writes.submit(lambda: catalog.forget(barcode), forgotten, failed)

    def import_catalog(
        self,
        path: Path,
        source: str,
        *,
        only_if_changed: bool,
        done: Done[CatalogImport | None],
        failed: Failed,
    ) -> None:
        """Import a catalog CSV on the store thread, in chunks: scans meanwhile use what is
        already imported. ``only_if_changed``: an unchanged file costs one ``stat`` (None).
        Progress arrives as ``catalog_progress``; the outcome as ``catalog_imported`` too."""
        catalog = self._store.catalog

        def progress(done_rows: int, total: int) -> None:
            self.catalog_progress.emit(path.name, done_rows, total)

        def work() -> CatalogImport | None:
            if only_if_changed:
                return catalog.import_if_changed(path, source, progress)
            count, problems = catalog.import_file(path, source)
            return CatalogImport(path, source, count, problems)

        def imported(result: CatalogImport | None) -> None:
            if result is not None:
                self.catalog_imported.emit(result)
                self.catalog_changed.emit()
            done(result)

        def not_imported(exc: BaseException) -> None:
            self.catalog_imported.emit(exc)
            failed(exc)

        self._writes.submit(work, imported, not_imported)

    # ------------------------------------------------------------------ the outbox

    def purge_history(self, keep_days: int) -> None:
        """Forget delivered shipments older than ``keep_days`` (at start, on the store
        thread: the first thing it does)."""
        outbox, reader = self._store.outbox, self._reader

        def work() -> int:
            purged = outbox.purge(keep_days)
            reader.labels_changed()
            return purged

        self._write(work, lambda _: None, lambda exc: log.warning("history not purged: %s", exc))

    def shipment(self, fulfillment_id: str, done: Done[ShipmentRecord | None]) -> None:
        """A box queued or sent from here (for its slip), or None when there is none."""
        outbox = self._store.outbox

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

        self._writes.submit(work, done, lambda exc: done(None))

    def history(self, search: str, limit: int, done: Done[list[OutboxItem]]) -> None:
        outbox = self._store.outbox
        self._queries.submit(
            lambda: outbox.history(search, limit),
            done,
            lambda exc: log.warning("history not read: %s", exc),
        )

    def attention(self, done: Done[Attention]) -> None:
        outbox = self._store.outbox
        self._queries.submit(
            lambda: Attention(
                tuple(outbox.items(OutboxState.ATTENTION)),
                tuple(outbox.items(OutboxState.PENDING)),
            ),
            done,
            lambda exc: log.warning("the outbox was not read: %s", exc),
        )

    def retry(self, fulfillment_id: str, done: Done[None], failed: Failed) -> None:
        """Held: send it again. Waiting: do not wait for its next try."""
        outbox = self._store.outbox

        def work() -> None:
            item = outbox.get(fulfillment_id)
            if item is not None and item.state is OutboxState.PENDING:
                outbox.retry_now(fulfillment_id)
            else:
                outbox.retry(fulfillment_id)

        self._write(work, done, failed)

    def edit_tracking(
        self, fulfillment_id: str, carrier: str, code: str, done: Done[None], failed: Failed
    ) -> None:
        outbox, reader = self._store.outbox, self._reader

        def work() -> None:
            outbox.edit_tracking(fulfillment_id, carrier, code)
            reader.labels_changed()

        self._write(work, done, failed)

    def discard(self, fulfillment_id: str, done: Done[None], failed: Failed) -> None:
        outbox, reader = self._store.outbox, self._reader

        def work() -> None:
            outbox.discard(fulfillment_id)
            reader.labels_changed()

        self._write(work, done, failed)

    def release_unauthorized(self, done: Done[int], failed: Failed) -> None:
        """After a new token: shipments held for a rejected one go out again."""
        self._write(self._store.outbox.retry_all_unauthorized, done, failed)

    def stats(self, days: int, done: Done[list[PackerDay]], failed: Failed) -> None:
        store = self._store
        self._queries.submit(lambda: store.stats(days), done, failed)

    def export_history(self, search: str, path: Path, done: Done[int], failed: Failed) -> None:
        """Every shipment matching ``search`` as CSV, lots and serials included."""
        from packstation.store.export import export_history_csv

        outbox = self._store.outbox

        def work() -> int:
            items = outbox.history(search, limit=1_000_000)
            return export_history_csv(items, path, box_of=lambda i: str(i.summary.box or ""))

        self._queries.submit(work, done, failed)
