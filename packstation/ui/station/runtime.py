"""The station's runtime: every worker thread, the API client's life, the sender, shutdown.

The window composes and the controller decides; neither owns a thread. As Picard's
application object owns its thread pools, this object owns:

- ``reads``: two workers for order loads, reconciles and look-ups (the network);
- ``writes``: one serial worker for the journal and the outbox, so writes stay in order;
- ``thumbnails``: product images, fetched and scaled off the GUI thread;
- the keyring read that builds the API client, on a detached thread (an OS keyring may
  wait for an unlock prompt and never answer);
- the outbox sender, whose events arrive here as typed signals on the GUI thread.

``shutdown`` takes the API client out of use first (nothing new goes to the network),
abandons reads, drains writes (a packed box is never dropped half-written) and stops the
sender; the client's connections are closed once the last request in flight has ended.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from packstation.store import (
    Connectivity,
    Delivered,
    NeedsAttention,
    OutboxCounts,
    Sender,
    SenderEvent,
    WillRetry,
)
from packstation.ui.printing.printer import SlipPrinter
from packstation.ui.station.services import Services
from packstation.ui.station.tasks import TaskRunner
from packstation.ui.station.thumbnails import ThumbnailLoader
from packstation.ui.words.i18n import tr

if TYPE_CHECKING:
    from packstation.redo.client import RedoClient

log = logging.getLogger("packstation.runtime")


class _SenderBridge(QObject):
    """Carries the sender thread's events onto the GUI thread."""

    arrived = Signal(object)


class StationRuntime(QObject):
    #: The API client was replaced (None: not configured). Emitted on the GUI thread.
    client_changed = Signal()
    #: A new client is being built (its token read from the keyring): "Connecting…".
    client_requested = Signal()
    #: Building the client failed; the sentence says why (an API URL refused, a keyring).
    client_failed = Signal(str)
    delivered = Signal(object)  # Delivered
    needs_attention = Signal(object)  # NeedsAttention
    will_retry = Signal(object)  # WillRetry
    #: True once the sender reached Redo, False when it could not.
    connectivity = Signal(bool)
    #: Something changed the outbox (queued, delivered, held): counts may differ.
    outbox_changed = Signal()
    #: A catalog import's progress for the status bar ("" when it is over); emitted from
    #: the store thread, delivered on the GUI thread.
    catalog_progress = Signal(str)
    #: An import finished: (file name, barcodes imported, problems).
    catalog_imported = Signal(str, int, list)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.reads = TaskRunner("reads", workers=2, parent=self)
        self.writes = TaskRunner("store", workers=1, parent=self)
        self.thumbnails = ThumbnailLoader(services.paths.cache_dir, parent=self)
        #: Packing slips, on a serial worker of their own: a print job never delays a scan.
        self.printer = SlipPrinter(lambda: self.services.settings, self)
        self._bridge = _SenderBridge(self)
        self._bridge.arrived.connect(self._on_sender_event)
        self.outbox_sender = Sender(services.store.outbox, self._bridge.arrived.emit)
        self._client: RedoClient | None = None
        self._client_generation = 0
        self.client_pending = False
        self.online: bool | None = None
        self._closed = False
        #: Closes the API client once the requests in flight have ended (after shutdown).
        self._closer: threading.Thread | None = None

    # ------------------------------------------------------------------ the client

    @property
    def client(self) -> RedoClient | None:
        return self._client

    @property
    def configured(self) -> bool:
        return self._client is not None

    def apply_settings(self, then: Callable[[], None] | None = None) -> None:
        """Build a client for the current settings; ``then`` runs once the sender has it.

        The token is read from the keyring on a detached thread: the OS may stall.
        A newer call supersedes an older one still waiting.
        """
        settings = self.services.settings
        self.services.sound.set_volume(settings.sounds, settings.volume)
        self._client_generation += 1
        generation = self._client_generation
        self.client_pending = True
        self.client_requested.emit()

        def made(client: RedoClient | None) -> None:
            if generation != self._client_generation or self._closed:
                if client is not None:
                    client.close()
                return
            self._install(client, then)

        def failed(exc: BaseException) -> None:
            if generation != self._client_generation or self._closed:
                return
            if isinstance(exc, ValueError):  # an API URL the client refuses
                message = str(exc)
            else:
                log.warning("cannot build the API client: %s", type(exc).__name__)
                message = "The API token could not be read from this computer's keyring."
            self.client_failed.emit(message)
            self._install(None, then)

        self.reads.run_detached("keyring", self.services.make_client, made, failed)

    def _install(self, client: RedoClient | None, then: Callable[[], None] | None) -> None:
        old, self._client = self._client, client
        self.client_pending = False
        self.outbox_sender.set_client(client)
        if old is not None:
            old.close()
        if then is not None:
            then()
        self.client_changed.emit()

    def warm_up(self) -> None:
        """Connect ahead and load the barcode and tracking tables, on a worker."""
        from packstation.packing import barcodes, tracking

        client = self._client

        def work() -> None:
            if client is not None:
                client.prepare()
            barcodes.warm_up()
            tracking.warm_up()

        self.reads.submit(work, lambda _: None, lambda exc: log.warning("warm-up: %s", exc))

    # ------------------------------------------------------------------ the outbox

    def start(self) -> None:
        self.outbox_sender.start()

    def counts(self) -> OutboxCounts:
        """The outbox at a glance, read on the window's own SQLite connection (no fsync wait)."""
        return self.services.store.outbox.counts()

    @Slot(object)
    def _on_sender_event(self, event: SenderEvent) -> None:
        if self._closed:
            return
        if isinstance(event, Connectivity):
            self.online = event.online
            self.connectivity.emit(event.online)
            return
        if isinstance(event, Delivered):
            self.delivered.emit(event)
        elif isinstance(event, NeedsAttention):
            self.needs_attention.emit(event)
        elif isinstance(event, WillRetry):
            self.will_retry.emit(event)
        self.outbox_changed.emit()

    # ------------------------------------------------------------------ the catalog

    def import_catalogs(self, files: list[tuple[Path, str]]) -> None:
        """Import each catalog file that changed since its last import, on the store thread.

        A 100,000-row file takes seconds: scans meanwhile use what is already imported,
        since rows are written in chunks, and an unchanged file costs one ``stat``.
        """
        catalog = self.services.store.catalog

        def work() -> None:
            summary = ""
            for path, source in files:
                if not path.is_file():
                    continue

                def progress(done: int, total: int, name: str = path.name) -> None:
                    self.catalog_progress.emit(
                        tr("Importing {file}: {done} of {total}").format(
                            file=name, done=f"{done:,}", total=f"{total:,}"
                        )
                    )

                try:
                    result = catalog.import_if_changed(path, source, progress)
                except OSError as exc:
                    log.warning("cannot read the catalog %s: %s", path, exc)
                    continue
                if result is None:
                    log.info("catalog %s unchanged since its last import", path)
                    continue
                log.info(
                    "catalog %s: %d barcodes, %d lines skipped",
                    path,
                    result.entries,
                    len(result.problems),
                )
                for problem in result.problems[:10]:
                    log.info("catalog %s %s", path, problem)
                self.catalog_imported.emit(path.name, result.entries, result.problems)
                summary = tr(
                    "Catalog {file}: %n barcode(s) imported.", None, result.entries
                ).format(file=path.name)
            # The last word stays in the status bar: what was imported, or nothing.
            self.catalog_progress.emit(summary)

        self.writes.submit(work, lambda _: None, lambda exc: log.error("catalog import: %s", exc))

    # ------------------------------------------------------------------ closing

    def shutdown(self) -> None:
        """Stop everything this runtime started without waiting on the network; idempotent.

        The client is taken out of use first and reads not started are dropped; a read
        in flight is abandoned (the window does not wait for a slow server), and so is a
        send in flight after a second (its outcome is reconciled by its fulfillment ID at
        the next start). The journal and outbox writes already queued are finished.

        The client's sockets are closed on a short-lived thread once the requests in
        flight have ended: closing a socket under another thread's blocked read does not
        wake that read, and can leave the request half-sent on a reused connection.
        """
        if self._closed:
            return
        self._closed = True
        self._client_generation += 1
        client, self._client = self._client, None
        self.outbox_sender.set_client(None)
        self.reads.shutdown(wait=False)
        self.outbox_sender.stop(timeout=1.0)
        self.writes.shutdown(wait=True)
        self.thumbnails.shutdown()
        self.printer.shutdown()
        if client is not None:

            def close_when_idle() -> None:
                self.reads.join()
                self.outbox_sender.join()
                client.close()

            self._closer = threading.Thread(
                target=close_when_idle, name="packstation-client-close", daemon=True
            )
            self._closer.start()

    def wait_for_workers(self, timeout: float = 2.0) -> bool:
        """Before the process exits (after ``shutdown``): give the abandoned reads a short,
        bounded chance to end. A daemon thread still running Python while the interpreter
        finalises can crash it; one stuck on a slow server is left after ``timeout``.
        The window is gone by then: nobody waits in front of a frozen screen."""
        deadline = time.monotonic() + timeout
        done = self.reads.join(timeout)
        done = self.thumbnails.join(max(0.0, deadline - time.monotonic())) and done
        closer = self._closer
        if closer is not None:
            closer.join(max(0.0, deadline - time.monotonic()))
            done = done and not closer.is_alive()
        if not done:
            log.info("exiting with a read still waiting on the network")
        return done
