"""A bench's connections to the warehouse: one that works, one that listens.

:class:`WorkingLink` runs each call on its one connection, made (and the schema checked)
on first use and made again after it broke: a PostgreSQL restart costs the calls made
while it is down a :class:`WarehouseOffline`, nothing more. Meant for one thread (the
runtime's warehouse worker); it never retries by itself, the caller's backoff does.

:class:`Listener` holds the connection that ``LISTEN``s: its socket is watched by the
window's event loop (a ``QSocketNotifier`` on :meth:`fileno`) and :meth:`drain` reads what
arrived without waiting. A notification is a poke: the reader reads after it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from packstation.warehouse import schema
from packstation.warehouse.connect import connect, no_password, reason
from packstation.warehouse.errors import WarehouseOffline

if TYPE_CHECKING:
    import psycopg

    from packstation.warehouse.address import WarehouseAddress

log = logging.getLogger("packstation.warehouse")

T = TypeVar("T")
Password = Callable[["WarehouseAddress"], "str | None"]


def _broken(exc: BaseException) -> bool:
    import psycopg

    return isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError)


class WorkingLink:
    def __init__(
        self, address: WarehouseAddress, application: str, password: Password = no_password
    ) -> None:
        self.address = address
        self._application = application
        self._password = password
        self._conn: psycopg.Connection | None = None
        #: The warehouse's schema version, once a connection checked it (0 before).
        self.schema_version = 0

    def run(self, fn: Callable[[psycopg.Connection], T]) -> T:
        """``fn`` on the working connection; :class:`WarehouseOffline` when the server
        cannot be reached or the connection broke under it (it is made again next time).
        A schema this bench cannot use raises ``SchemaMissing``/``SchemaTooNew``."""
        conn = self._conn
        if conn is None or conn.closed:
            conn = connect(self.address, self._application, self._password)
            try:
                self.schema_version = schema.check(conn)
            except BaseException:
                conn.close()
                raise
            self._conn = conn
        try:
            return fn(conn)
        except Exception as exc:
            if _broken(exc) or conn.broken:
                self.close()
                raise WarehouseOffline(reason(exc)) from None
            raise

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:  # already broken: nothing to close cleanly
                log.debug("closing a broken warehouse connection", exc_info=True)


class Listener:
    """The listening connection (made on a worker: connecting may wait on the network)."""

    def __init__(self, conn: psycopg.Connection) -> None:
        self._conn = conn

    @classmethod
    def open(
        cls, address: WarehouseAddress, application: str, password: Password = no_password
    ) -> Listener:
        conn = connect(address, application + " (listening)", password)
        try:
            conn.execute(f"LISTEN {schema.CHANNEL}")
        except Exception as exc:
            conn.close()
            raise WarehouseOffline(reason(exc)) from None
        return cls(conn)

    def fileno(self) -> int:
        return self._conn.fileno()

    def drain(self) -> list[dict[str, Any]]:
        """What arrived, without waiting; :class:`WarehouseOffline` if the connection broke
        (notifications sent meanwhile are lost: the reader resyncs after reconnecting)."""
        pokes: list[dict[str, Any]] = []
        try:
            for note in self._conn.notifies(timeout=0):
                try:
                    payload = json.loads(note.payload)
                except ValueError:
                    continue
                if isinstance(payload, dict):
                    pokes.append(payload)
        except Exception as exc:
            if _broken(exc) or self._conn.broken:
                raise WarehouseOffline(reason(exc)) from None
            raise
        if self._conn.closed or self._conn.broken:
            raise WarehouseOffline("the listening connection closed")
        return pokes

    def close(self) -> None:
        try:
            self._conn.close()
        except Exception:
            log.debug("closing a broken listening connection", exc_info=True)
