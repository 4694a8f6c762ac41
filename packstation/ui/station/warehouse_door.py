"""The port's door to the warehouse: claims, one catalog, the label registry, facts, leads.

Nothing here touches the network on the GUI thread. Every call runs on the runtime's
warehouse worker (one thread, one working connection); the listening connection is made
there too, then watched by the event loop through a ``QSocketNotifier``, and what arrived
is read without waiting. A notification is only a poke: after it the door reads what
changed (versioned rows), and after any reconnect it reads again from the last version it
applied, since notifications sent while it was away are lost.

Down or unreachable, the warehouse costs the bench nothing but the checks it cannot make:
scans use the local catalog, shipping goes through the local outbox, facts wait in the
station database; the door says it is offline and tries again with backoff, then pushes
what happened meanwhile and claims again the order on the bench (another bench holding
it by then is a conflict, recorded for the lead and said at the bench).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from packstation.ui.station.warehouse_claims import BenchClaims
from packstation.ui.station.warehouse_sync import WarehouseSync
from packstation.warehouse import claims, floor
from packstation.warehouse.errors import WarehouseError
from packstation.warehouse.link import Listener, WorkingLink

if TYPE_CHECKING:
    from packstation.store.warehouse_local import WarehouseLocal
    from packstation.ui.station.port_types import Runner
    from packstation.ui.station.warehouse_returns import SharedReturns
    from packstation.warehouse.address import WarehouseAddress
    from packstation.warehouse.link import Password

log = logging.getLogger("packstation.warehouse")

T = TypeVar("T")

#: Waits between attempts to reach the warehouse again, in seconds (then the last, again).
BACKOFF = (1, 2, 4, 8, 15, 30)
#: The bench says it is here at least this often (the lead's view shows "last seen").
HEARTBEAT_S = 20


class WarehouseDoor(QObject):
    #: True when the warehouse is reached, False when it is not (the status bar says so).
    online_changed = Signal(bool)
    #: An order this bench held went elsewhere: (order ID, the bench that has it now, ""
    #: for a lead who released it).
    claim_lost = Signal(str, str)
    #: An order this bench packed while the warehouse was away is held by another bench.
    claim_conflict = Signal(object)  # Holder
    #: Something on the floor changed (a bench, a claim, a fact): the lead's view reads.
    floor_changed = Signal()
    #: The warehouse's catalog changed this bench's local copy.
    catalog_changed = Signal()

    def __init__(
        self,
        address: WarehouseAddress,
        bench: str,
        *,
        lease: float,
        local: WarehouseLocal,
        writes: Runner,
        runner: Runner,
        password: Password,
        app_version: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.address = address
        self.bench = bench
        self.lease = lease
        self.local = local
        self.writes = writes
        self._runner = runner
        self._app = f"PackStation {app_version} {bench}".strip()
        self._password = password
        self._link = WorkingLink(address, self._app, password)
        self._listener: Listener | None = None
        self._notifier: QSocketNotifier | None = None
        self.app_version = app_version
        #: None until the first attempt to reach it has ended.
        self.online: bool | None = None
        #: The last reason it could not be reached (typed, for the window's words).
        self.problem: WarehouseError | None = None
        #: Leads the warehouse names (with the machine config's).
        self.leads: frozenset[str] = frozenset()
        self._attempt = 0
        self._busy: set[str] = set()
        self._again: set[str] = set()
        self._state = floor.BenchState(bench, app_version=app_version)
        self._closed = False
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self.connect_now)
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(int(min(HEARTBEAT_S, lease / 3) * 1000))
        self._heartbeat.timeout.connect(self._beat)
        #: Facts pushed, the catalog and the labels read (``warehouse_sync.py``).
        self.sync = WarehouseSync(self)
        #: The orders this bench holds (``warehouse_claims.py``).
        self.claims = BenchClaims(self)
        #: The floor's index of returns (``warehouse_returns.py``; the runtime sets it).
        self.returns: SharedReturns | None = None

    @property
    def schema_version(self) -> int:
        """The warehouse's schema version (0 until the first connection checked it)."""
        return self._link.schema_version

    # ------------------------------------------------------------------ running work

    def call(
        self,
        fn: Callable[[Any], T],
        done: Callable[[T], None],
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """``fn(connection)`` on the warehouse worker; a lost connection takes the door
        offline (and ``failed`` hears of it too)."""
        link = self._link

        def lost(exc: BaseException) -> None:
            if isinstance(exc, WarehouseError):
                self._offline(exc)
            else:
                log.warning("warehouse call failed: %r", exc)
            if failed is not None:
                failed(exc)

        self._runner.submit(lambda: link.run(fn), done, lost)

    def once(self, name: str, start: Callable[[Callable[[], None]], None]) -> None:
        """Run ``start(finished)`` unless it runs already; asked meanwhile, it runs again
        once it has finished (a burst of pokes costs one read after the last)."""
        if name in self._busy:
            self._again.add(name)
            return
        self._busy.add(name)

        def finished() -> None:
            self._busy.discard(name)
            if name in self._again and self.online and not self._closed:
                self._again.discard(name)
                self.once(name, start)

        start(finished)

    # ------------------------------------------------------------------ connecting

    def start(self) -> None:
        self._heartbeat.start()
        self.connect_now()

    def connect_now(self) -> None:
        if self._closed:
            return
        self.call(floor.leads, self._connected)

    def _connected(self, leads: list[str]) -> None:
        if self._closed:
            return
        self.leads = frozenset(leads)
        self._attempt = 0
        self.problem = None
        was = self.online
        self.online = True
        if was is not True:
            self.online_changed.emit(True)
        self._runner.submit(
            lambda: Listener.open(self.address, self._app, self._password),
            self._listening,
            self._offline,
        )
        self.sync.read_catalog()
        self.sync.read_labels()
        if self.returns is not None:
            self.returns.read()
        self.sync.push()
        self._report()
        self.claims.claim_again(self._state.packer)
        self.floor_changed.emit()

    def _listening(self, listener: Listener) -> None:
        if self._closed or not self.online:
            self._runner.submit(listener.close, lambda _: None, lambda _: None)
            return
        self._drop_listener()
        self._listener = listener
        self._notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)

    def _drain(self) -> None:
        listener = self._listener
        if listener is None:
            return
        try:
            pokes = listener.drain()
        except WarehouseError as exc:
            self._offline(exc)
            return
        for poke in pokes:
            self._poked(poke)

    def _drop_listener(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        listener, self._listener = self._listener, None
        if listener is not None:
            self._runner.submit(listener.close, lambda _: None, lambda _: None)

    def _offline(self, exc: BaseException) -> None:
        if self._closed:
            return
        if isinstance(exc, WarehouseError):
            self.problem = exc
        log.info("warehouse out of reach: %s", exc)
        self._drop_listener()
        self._busy.clear()
        self._again.clear()
        was = self.online
        self.online = False
        if was is not False:
            self.online_changed.emit(False)
        if not self._retry.isActive():
            wait = BACKOFF[min(self._attempt, len(BACKOFF) - 1)]
            self._attempt += 1
            self._retry.start(wait * 1000)

    # ------------------------------------------------------------------ pokes

    def _poked(self, poke: dict[str, Any]) -> None:
        kind = poke.get("kind")
        if kind == "claim":
            order_id = str(poke.get("order_id", ""))
            now = str(poke.get("bench", ""))
            if poke.get("from") == self.bench and now != self.bench:
                self.claims.lost(order_id, now)
        elif kind == "catalog":
            self.sync.read_catalog()
        elif kind == "label":
            self.sync.read_labels()
        elif kind == "returns" and self.returns is not None:
            self.returns.read()
        elif kind == "lead":
            self.call(floor.leads, self._leads)
        self.floor_changed.emit()

    def _leads(self, leads: list[str]) -> None:
        self.leads = frozenset(leads)

    def _beat(self) -> None:
        if self.online:
            self.claims.renew()
            self._report()
            self.sync.push()  # refusals and the like, which no shipment pushes

    # ------------------------------------------------------------------ the bench's state

    def report(self, *, packer: str, order_ref: str, waiting: int, failed: int) -> None:
        """How the bench is now; said to the warehouse when it changed."""
        state = floor.BenchState(self.bench, packer, order_ref, waiting, failed, self.app_version)
        if state != self._state:
            self._state = state
            self._report()

    def _report(self) -> None:
        if not self.online:
            return
        state = self._state
        self.call(lambda c: floor.report(c, state), lambda _: None)

    # ------------------------------------------------------------------ what is shared

    def push(self) -> None:
        """Push the facts waiting in the station database (``warehouse_sync.py``)."""
        self.sync.push()

    def share_import(self, source: str) -> None:
        self.sync.share_import(source)

    def label_used(self, number: str, order_id: str) -> tuple[str, str] | None:
        """(order ref, bench) of another order any bench shipped with ``number``."""
        return self.sync.label_used(number, order_id)

    # ------------------------------------------------------------------ closing

    def shutdown(self) -> None:
        """Release this bench's claims (quit lets the order open elsewhere) and close the
        connections, on the worker; the runtime joins it within its deadline."""
        if self._closed:
            return
        self._closed = True
        self._retry.stop()
        self._heartbeat.stop()
        self._drop_listener()
        held, bench, link = list(self.claims.held), self.bench, self._link
        self.claims.held.clear()

        def leave() -> None:
            if self.online:
                try:
                    link.run(lambda c: [claims.release(c, o, bench) for o in held])
                except Exception as exc:  # the lease ends them anyway
                    log.info("claims not released at quit: %s", exc)
            link.close()

        self._runner.submit(leave, lambda _: None, lambda _: None)
