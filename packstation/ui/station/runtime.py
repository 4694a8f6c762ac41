"""The station's runtime: every thread, the API client's life, the sender, the port, shutdown.

The window composes and the controller decides; neither owns a thread. As Picard's
application object owns its thread pools, this object owns every thread the bench runs:

- ``reads``: two workers for Redo (order loads, reconciles, look-ups);
- ``writes``: one serial worker for the station database, so writes stay in order;
- ``queries``: one worker for the dialogs' reads and exports (history, stats), so a long
  export never delays the journal;
- ``background``: small jobs of the bench's own (the sounds rendered for a volume);
- ``warehouse``: one worker for the warehouse's PostgreSQL, when the bench is one of many
  (``warehouse_door.py``): claims, pushes and reads never wait behind Redo or the disk;
- the print worker (``printer``), the image worker (``thumbnails``), the outbox sender;
- the sound player's thread and process (``sounds.py``), ended by its ``close`` here;
- ``threads``: the detached ones (the keyring read that builds the API client, which an
  OS keyring can stall forever; start-up's read-ahead and launch fetch), which closing
  never waits on for long.

The bench reaches all of this through one object, :attr:`port`
(:class:`~packstation.ui.station.port.StationPort`). ``shutdown`` is the one place that
ends it all: the API client is taken out of use first (nothing new goes to the network),
reads are abandoned, writes drained (a packed box is never dropped half-written), the
sender stopped; the client's connections are closed once the last request in flight has
ended.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

from packstation.store import Connectivity, Delivered, NeedsAttention, Sender, WillRetry
from packstation.store.returns_sender import (
    ReturnDone,
    ReturnEvent,
    ReturnHeld,
    ReturnProcessed,
    ReturnsSender,
)
from packstation.ui.printing.print_queue import SlipPrinter
from packstation.ui.station.port import StationPort
from packstation.ui.station.services import Services
from packstation.ui.station.tasks import TaskRunner
from packstation.ui.station.threads import Threads
from packstation.ui.station.thumbnails import ThumbnailLoader

if TYPE_CHECKING:
    from packstation.redo.client import RedoClient
    from packstation.store import SenderEvent
    from packstation.ui.station.warehouse_door import WarehouseDoor

log = logging.getLogger("packstation.runtime")

T = TypeVar("T")


class _SenderBridge(QObject):
    """Carries the sender thread's events onto the GUI thread."""

    arrived = Signal(object)


class StationRuntime(QObject):
    def __init__(
        self, services: Services, threads: Threads | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        #: Detached threads: start-up's (handed in) and the runtime's own.
        self.threads = threads or Threads()
        self.reads = TaskRunner("reads", workers=2, parent=self)
        self.writes = TaskRunner("store", workers=1, parent=self)
        self.queries = TaskRunner("queries", workers=1, parent=self)
        self.background = TaskRunner("background", workers=1, parent=self)
        self.thumbnails = ThumbnailLoader(services.paths.cache_dir, parent=self)
        #: Packing slips, on a serial worker of their own: a print job never delays a scan.
        self.printer = SlipPrinter(lambda: self.services.settings, self)
        services.sound.attach(
            lambda job: self.background.submit(
                job, lambda _: None, lambda exc: log.warning("sounds: %s", exc)
            )
        )
        self.port = StationPort(
            services.store,
            reads=self.reads,
            writes=self.writes,
            queries=self.queries,
            settings=lambda: self.services.settings,
            sound=services.sound,
            printer=self.printer.print_slip,
            launch=services.launch,
            demo=services.demo,
            notices=services.notices,
            parent=self,
        )
        self.warehouse = TaskRunner("warehouse", workers=1, parent=self)
        self.port.use_warehouse(self._warehouse_door())
        self._bridge = _SenderBridge(self)
        self._bridge.arrived.connect(self._on_sender_event)
        self.outbox_sender = Sender(services.store.outbox, self._bridge.arrived.emit)
        self.returns_sender = ReturnsSender(
            services.store.returns_outbox, self._bridge.arrived.emit
        )
        self._client_generation = 0
        self._closed = False

    # ------------------------------------------------------------------ the warehouse

    def _warehouse_door(self) -> WarehouseDoor | None:
        """The door to the warehouse the settings name, or None for a bench on its own.
        Built without touching the network (psycopg loads on the worker, at its first
        call): a warehouse never delays the window."""
        settings = self.services.settings
        if not settings.warehouse_url:
            return None
        from packstation import __version__
        from packstation.credentials import WarehousePasswords
        from packstation.ui.station.warehouse_door import WarehouseDoor
        from packstation.ui.station.warehouse_returns import SharedReturns
        from packstation.warehouse.address import WarehouseAddress

        door = WarehouseDoor(
            WarehouseAddress.parse(settings.warehouse_url),
            settings.station_name,
            lease=settings.warehouse_lease,
            local=self.services.store.warehouse,
            writes=self.writes,
            runner=self.warehouse,
            password=WarehousePasswords().get,
            app_version=__version__,
            parent=self,
        )
        door.returns = SharedReturns(door, self.services.store.returns)
        return door

    # ------------------------------------------------------------------ the client

    @property
    def client(self) -> RedoClient | None:
        return self.port.client

    def apply_settings(self, then: Callable[[], None] | None = None) -> None:
        """Build a client for the current settings; ``then`` runs once the sender has it.

        The token is read from the keyring on a detached thread: the OS may stall.
        A newer call supersedes an older one still waiting.
        """
        settings = self.services.settings
        self.services.sound.set_volume(settings.sounds, settings.volume)
        self._client_generation += 1
        generation = self._client_generation
        self.port.client_pending = True
        self.port.client_requested.emit()

        def made(client: RedoClient | None) -> None:
            if generation != self._client_generation or self._closed:
                if client is not None:
                    client.close()
                return
            self._install(client, then)

        def failed(exc: BaseException) -> None:
            if generation != self._client_generation or self._closed:
                return
            if not isinstance(exc, ValueError):  # a ValueError: an API address refused
                log.warning("cannot build the API client: %s", type(exc).__name__)
            self.port.client_failed.emit(exc)
            self._install(None, then)

        self.detached("keyring", self.services.make_client, made, failed)

    def _install(self, client: RedoClient | None, then: Callable[[], None] | None) -> None:
        old, self.port.client = self.port.client, client
        self.port.client_pending = False
        self.outbox_sender.set_client(client)
        self.returns_sender.set_client(client)
        if old is not None:
            old.close()
        if then is not None:
            then()
        self.port.client_changed.emit()

    def detached(
        self,
        name: str,
        fn: Callable[[], T],
        done: Callable[[T], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        """``fn`` on a detached thread of the runtime's (a keyring, a connection test: calls
        that may not return soon); the completion on the GUI thread."""
        self.reads.run_detached(name, fn, done, failed, start=self.threads.start)

    def warm_up(self) -> None:
        """Connect ahead and load the barcode and tracking tables, on a worker."""
        from packstation.packing import barcodes, tracking

        client = self.port.client

        def work() -> None:
            if client is not None:
                client.prepare()
            barcodes.warm_up()
            tracking.warm_up()

        self.reads.submit(work, lambda _: None, lambda exc: log.warning("warm-up: %s", exc))

    # ------------------------------------------------------------------ the outbox

    def start(self) -> None:
        self.outbox_sender.start()
        self.returns_sender.start()
        self.port.refresh()
        door = self.port.warehouse
        if door is not None:
            local, bench = self.services.store.warehouse, door.bench
            # The door reaches the station database only through the store thread, one
            # task after another: the join, submitted first, comes before anything the
            # door reads or writes there. The door starts now, not after the join (which
            # queues behind start-up's writes): a slip scanned at launch needs its claim.
            self.writes.submit(
                lambda: local.join(bench),
                lambda _: None,
                lambda exc: log.warning("cannot join the warehouse: %s", exc),
            )
            door.start()

    @Slot(object)
    def _on_sender_event(self, event: SenderEvent | ReturnEvent) -> None:
        if self._closed:
            return
        port = self.port
        if isinstance(event, ReturnProcessed | ReturnHeld | ReturnDone):
            port.refresh()  # what waits and what is held, in the status bar
            port.returns_news.emit(event)
            return
        if isinstance(event, Connectivity):
            port.online = event.online
            port.connectivity.emit(event.online)
            return
        # The outbox changed: the bench sees it in the next snapshot, read right away.
        port.refresh()
        if isinstance(event, Delivered):
            port.delivered.emit(event)
        elif isinstance(event, NeedsAttention):
            port.needs_attention.emit(event)
        elif isinstance(event, WillRetry):
            port.will_retry.emit(event)

    # ------------------------------------------------------------------ the catalog

    def import_catalogs(self, files: list[tuple[Path, str]]) -> None:
        """Import each catalog file that changed since its last import, on the store thread.

        A 100,000-row file takes seconds: scans meanwhile use what is already imported,
        since rows are written in chunks, and an unchanged file costs one ``stat``.
        """

        def not_imported(exc: BaseException) -> None:
            log.warning("cannot import a catalog: %s", exc)

        for path, source in files:
            if path.is_file():
                self.port.catalog.import_catalog(
                    path, source, only_if_changed=True, done=lambda _: None, failed=not_imported
                )

    # ------------------------------------------------------------------ closing

    def shutdown(self) -> None:
        """Stop everything this runtime started without waiting on the network; idempotent.

        The client is taken out of use first and reads not started are dropped; a read
        in flight is abandoned (the window does not wait for a slow server), and so is a
        send in flight after a second (its outcome is reconciled by its fulfillment ID at
        the next start). The journal and outbox writes already queued are finished, and
        the slips already queued are printed.

        The client's sockets are closed on a short-lived thread once the requests in
        flight have ended: closing a socket under another thread's blocked read does not
        wake that read, and can leave the request half-sent on a reused connection.
        """
        if self._closed:
            return
        self._closed = True
        self._client_generation += 1
        client, self.port.client = self.port.client, None
        self.outbox_sender.set_client(None)
        self.returns_sender.set_client(None)
        self.returns_sender.stop()
        self.reads.shutdown(wait=False)
        self.queries.shutdown(wait=False)
        self.background.shutdown(wait=False)
        self.services.sound.close()  # its player process and thread
        if self.port.warehouse is not None:
            self.port.warehouse.shutdown()  # its claims released, on its worker
        self.warehouse.shutdown(wait=False, drop=False)
        self.outbox_sender.stop(timeout=1.0)
        self.writes.shutdown(wait=True)
        self.thumbnails.shutdown()
        self.printer.shutdown()
        if client is not None:

            def close_when_idle() -> None:
                self.reads.join()
                self.outbox_sender.join()
                self.returns_sender.join()
                client.close()

            self.threads.start("packstation-client-close", close_when_idle)

    def wait_for_workers(self, timeout: float = 2.0) -> bool:
        """Before the process exits (after ``shutdown``): give the abandoned reads and the
        detached threads a short, bounded chance to end. A daemon thread still running
        Python while the interpreter finalises can crash it; one stuck on a slow server
        or a keyring is left after ``timeout``. The window is gone by then: nobody waits
        in front of a frozen screen."""
        deadline = time.monotonic() + timeout

        def left() -> float:
            return max(0.0, deadline - time.monotonic())

        done = self.reads.join(left())
        done = self.queries.join(left()) and done
        done = self.background.join(left()) and done
        done = self.warehouse.join(left()) and done
        done = self.thumbnails.join(left()) and done
        done = self.threads.join(deadline) and done
        if not done:
            log.info("exiting with a thread still waiting on the network or the keyring")
        return done
