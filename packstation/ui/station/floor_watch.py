"""What the lead's Warehouse view shows, kept live by the warehouse's pokes, not by polling.

A :class:`FloorWatch` reads the floor (benches, today's figures per packer, live claims,
leads) in one call on a worker, in one read-only snapshot, and emits it as a
:class:`FloorView`. It reads again when the warehouse announces a change on its channel
(a bench reported, a fact was pushed, a claim moved, a lead was named): a burst of pokes
costs one read in flight and one more after it, never one read per poke. A slow re-read
(:data:`REFRESH_S`) only keeps "last seen" honest for a bench that went silent, since a
bench that stops says nothing.

It watches through one of two doors:

- a bench's :class:`~packstation.ui.station.warehouse_door.WarehouseDoor` (the Station
  menu): the bench's own warehouse worker and listening connection; the watch adds none;
- a :class:`FloorLink` of its own (``packstation warehouse view URL``, no bench): one
  worker thread with one working connection, and a listening connection whose socket the
  event loop watches (a ``QSocketNotifier``). Out of reach, it says so and tries again
  with backoff; after reconnecting it reads everything again, since pokes sent while it
  was away are lost. :meth:`FloorWatch.shutdown` closes both connections and joins the
  thread.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from packstation.ui.station.tasks import TaskRunner
from packstation.warehouse import claims, floor
from packstation.warehouse.address import WarehouseAddress
from packstation.warehouse.connect import no_password
from packstation.warehouse.errors import WarehouseError, WarehouseOffline
from packstation.warehouse.link import Listener, WorkingLink

if TYPE_CHECKING:
    import psycopg

    from packstation.ui.station.warehouse_door import WarehouseDoor
    from packstation.warehouse.claims import Holder
    from packstation.warehouse.link import Password

log = logging.getLogger("packstation.warehouse")

T = TypeVar("T")

#: Seconds between re-reads when nothing was announced (only "last seen" ages meanwhile).
REFRESH_S = 30
#: Waits between attempts to reach the warehouse again, in seconds (then the last, again).
BACKOFF: tuple[float, ...] = (1, 2, 4, 8, 15, 30)
APPLICATION = "PackStation lead's view"


@dataclass(frozen=True, slots=True)
class FloorView:
    """The floor as one snapshot of the warehouse."""

    benches: tuple[floor.BenchRow, ...]
    packers: tuple[floor.PackerDay, ...]
    claims: tuple[Holder, ...]
    #: The leads the warehouse names (``packstation warehouse lead URL NAME``).
    leads: frozenset[str]
    #: The server's clock when it was read: claim ages are timed by it, never by this PC's.
    server_now: datetime
    #: ``time.monotonic()`` when it was read: a bench's age grows from there until the next.
    read_at: float


def read_floor(conn: psycopg.Connection) -> FloorView:
    """Everything the view shows, in one read-only snapshot (on a worker)."""
    with conn.transaction():
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        row = conn.execute("SELECT now()").fetchone()
        assert row is not None
        return FloorView(
            benches=tuple(floor.benches(conn)),
            packers=tuple(floor.packers_today(conn)),
            claims=tuple(claims.live(conn)),
            leads=frozenset(floor.leads(conn)),
            server_now=row[0],
            read_at=time.monotonic(),
        )


def _ping(conn: psycopg.Connection) -> None:
    conn.execute("SELECT 1")


class FloorLink(QObject):
    """The standalone view's own way in: the door's verbs, without a bench behind them.

    Everything that touches the network runs on its one worker; only the listening
    connection's ``drain`` (reading what already arrived, never waiting) runs on the GUI
    thread. The worker alone opens and closes connections, in the order asked, so a
    listener opened just before a shutdown is closed by it too.
    """

    online_changed = Signal(bool)
    floor_changed = Signal()

    def __init__(
        self,
        address: WarehouseAddress,
        *,
        password: Password = no_password,
        backoff: Sequence[float] = BACKOFF,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.address = address
        self._password = password
        self._backoff = tuple(backoff)
        self._runner = TaskRunner("floor", workers=1, parent=self)
        self._link = WorkingLink(address, APPLICATION, password)
        #: Listening connections the worker opened and has not closed (touched there only).
        self._worker_listeners: list[Listener] = []
        self._listener: Listener | None = None
        self._notifier: QSocketNotifier | None = None
        #: None until the first attempt ended.
        self.online: bool | None = None
        self.problem: WarehouseError | None = None
        self._attempt = 0
        self._closed = False
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self.connect_now)

    def call(
        self,
        fn: Callable[[Any], T],
        done: Callable[[T], None],
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """``fn(connection)`` on the worker; a lost connection takes the link offline."""
        link = self._link

        def lost(exc: BaseException) -> None:
            if isinstance(exc, WarehouseError):
                self._offline(exc)
            if failed is not None:
                failed(exc)

        self._runner.submit(lambda: link.run(fn), done, lost)

    def start(self) -> None:
        self.connect_now()

    def connect_now(self) -> None:
        if not self._closed:
            self._runner.submit(self._open, self._listening, self._offline)

    def _open(self) -> Listener:
        """On the worker: the working connection (its schema checked), then the listener."""
        try:
            self._link.run(_ping)
        except WarehouseOffline:
            self._link.run(_ping)  # the old connection broke while away: a new one
        listener = Listener.open(self.address, APPLICATION, self._password)
        self._worker_listeners.append(listener)
        return listener

    def _close(self, listener: Listener) -> None:
        if listener in self._worker_listeners:
            self._worker_listeners.remove(listener)
            listener.close()

    def _close_all(self) -> None:
        for listener in list(self._worker_listeners):
            self._close(listener)
        self._link.close()

    def _listening(self, listener: Listener) -> None:
        if self._closed:
            return
        self._drop_listener()
        self._listener = listener
        self._notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self._attempt = 0
        self.problem = None
        was, self.online = self.online, True
        if was is not True:
            self.online_changed.emit(True)
        self.floor_changed.emit()  # what was announced while away is lost: read it all

    def _drain(self) -> None:
        listener = self._listener
        if listener is None:
            return
        try:
            pokes = listener.drain()
        except WarehouseError as exc:
            self._offline(exc)
            return
        if pokes:
            self.floor_changed.emit()

    def _drop_listener(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        listener, self._listener = self._listener, None
        if listener is not None:
            self._runner.submit(lambda: self._close(listener), lambda _: None, lambda _: None)

    def _offline(self, exc: BaseException) -> None:
        if self._closed:
            return
        if not isinstance(exc, WarehouseError):
            log.warning("the lead's view cannot reach the warehouse: %r", exc)
            exc = WarehouseError(str(exc))
        self.problem = exc
        self._drop_listener()
        was, self.online = self.online, False
        if was is not False:
            log.info("warehouse out of reach: %s", exc)
            self.online_changed.emit(False)
        if not self._retry.isActive():
            wait = self._backoff[min(self._attempt, len(self._backoff) - 1)]
            self._attempt += 1
            self._retry.start(int(wait * 1000))

    def shutdown(self) -> None:
        """Close both connections on the worker and join it."""
        if self._closed:
            return
        self._closed = True
        self._retry.stop()
        self._drop_listener()
        self._runner.submit(self._close_all, lambda _: None, lambda _: None)
        self._runner.shutdown(wait=True)


class FloorWatch(QObject):
    """``changed(FloorView)`` after every read; ``online_changed(bool)``."""

    changed = Signal(object)
    online_changed = Signal(bool)

    def __init__(
        self,
        source: WarehouseDoor | FloorLink,
        *,
        owns_source: bool,
        read: Callable[[Any], FloorView] = read_floor,
        refresh_s: float = REFRESH_S,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.source = source
        self._owns = owns_source
        self._read = read
        #: The last floor read (None until the first read).
        self.view: FloorView | None = None
        #: How many reads were asked of the worker (a burst of pokes costs two at most).
        self.reads = 0
        self._reading = False
        self._again = False
        self._closed = False
        self._slow = QTimer(self)
        self._slow.setInterval(int(refresh_s * 1000))
        self._slow.timeout.connect(self.poke)
        source.floor_changed.connect(self.poke)
        source.online_changed.connect(self._online_changed)

    @classmethod
    def of_door(cls, door: WarehouseDoor, parent: QObject | None = None) -> FloorWatch:
        """The floor as a bench sees it, through the bench's own door."""
        return cls(door, owns_source=False, parent=parent)

    @classmethod
    def standalone(
        cls,
        url: str,
        *,
        password: Password = no_password,
        backoff: Sequence[float] = BACKOFF,
        parent: QObject | None = None,
    ) -> FloorWatch:
        """The floor from a URL, on connections of its own (raises ``AddressError``)."""
        link = FloorLink(WarehouseAddress.parse(url), password=password, backoff=backoff)
        watch = cls(link, owns_source=True, parent=parent)
        link.setParent(watch)
        return watch

    @property
    def online(self) -> bool | None:
        return self.source.online

    @property
    def address(self) -> WarehouseAddress:
        return self.source.address

    def start(self) -> None:
        """Read now, and whenever the floor changes."""
        self._slow.start()
        if isinstance(self.source, FloorLink):
            self.source.start()  # reads once connected
        elif self.source.online is False:
            self.online_changed.emit(False)
        else:
            self.poke()

    def poke(self) -> None:
        """Something changed: read, unless a read is in flight (then once more after it)."""
        if self._closed or self.source.online is False:
            return
        if self._reading:
            self._again = True
            return
        self._reading = True
        self.reads += 1
        self.source.call(self._read, self._read_done, self._read_failed)

    def _read_done(self, view: FloorView) -> None:
        self._reading = False
        if self._closed:
            return
        self.view = view
        self.changed.emit(view)
        if self._again:
            self._again = False
            self.poke()

    def _read_failed(self, exc: BaseException) -> None:
        self._reading = False
        self._again = False
        if not isinstance(exc, WarehouseError):
            log.warning("the floor could not be read: %r", exc)

    def _online_changed(self, online: bool) -> None:
        if not self._closed:
            self.online_changed.emit(online)

    def release(
        self,
        order_id: str,
        lead: str,
        done: Callable[[Holder | None], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        """A lead frees ``order_id`` from whichever bench holds it (recorded)."""

        def released(holder: Holder | None) -> None:
            done(holder)
            self.poke()  # the channel says so too; this view need not wait for it

        self.source.call(lambda c: claims.release_by_lead(c, order_id, lead), released, failed)

    def shutdown(self) -> None:
        """Stop watching; a watch with its own connections closes them and joins its thread."""
        if self._closed:
            return
        self._closed = True
        self._slow.stop()
        try:
            self.source.floor_changed.disconnect(self.poke)
            self.source.online_changed.disconnect(self._online_changed)
        except RuntimeError:  # the bench's door went first (the bench is closing)
            log.debug("the door was gone before the lead's view", exc_info=True)
        if isinstance(self.source, FloorLink):
            self.source.shutdown()
