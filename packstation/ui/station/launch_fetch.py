"""The order of a slip scanned at launch, asked of Redo while the bench is still being built.

Building the bench takes a few hundred milliseconds after the window shows, and Redo
takes its own time to answer. A slip scanned in between used to wait for the first,
then for the second. Here the API client is built on a thread as soon as start-up knows
the settings (the token read ahead, httpx loaded), and the first slip the window holds
goes to Redo as soon as that client is ready. When the bench then loads that order, it
takes this answer, or this error, instead of asking again: one request either way.

Only a slip is fetched ahead: the first code held, when no order was left open on the
bench (asked of the journal on the launch thread, never the window's) and the code is no
command, which is exactly when the bench will load it as an order. The client itself
becomes the bench's client (``Services.make_client``), so there is one connection pool,
not two. Its threads are the runtime's (``Threads``): joined at exit in one place.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING

from packstation.packing.router import OrderReference, route

if TYPE_CHECKING:
    from packstation.redo.client import RedoClient
    from packstation.redo.models import Order
    from packstation.ui.station.threads import Threads

log = logging.getLogger("packstation.launch")


class LaunchFetch:
    """Builds the API client at once; ``offer`` the first held scan, ``take_*`` the results."""

    def __init__(
        self,
        make_client: Callable[[], RedoClient | None],
        threads: Threads,
        order_left_open: Callable[[], bool] = lambda: False,
    ) -> None:
        self._client: Future[RedoClient | None] = Future()
        self._client_taken = False
        #: The slip asked ahead, and its answer until the bench takes it (None then: the
        #: bench's session holds the order from there, this object does not keep it).
        self._order: tuple[str, Future[Order] | None] | None = None
        self._lock = threading.Lock()
        self._threads = threads
        #: Asked on the launch thread before a slip goes out (the journal is read there).
        self.order_left_open = order_left_open
        threads.start("packstation-launch-client", lambda: self._build(make_client))

    def _build(self, make_client: Callable[[], RedoClient | None]) -> None:
        try:
            client = make_client()
            if client is not None:
                client.prepare()  # httpx, the TLS context, the pool: before the slip
        except BaseException as exc:  # handed to whoever takes the client
            self._client.set_exception(exc)
            return
        self._client.set_result(client)

    # ------------------------------------------------------------------ the slip

    def offer(self, code: str) -> None:
        """The first code the window held: fetched now if the bench will load it as a slip."""
        where = route(code, None)
        if not isinstance(where, OrderReference):
            return
        with self._lock:
            if self._order is not None:
                return
            answer: Future[Order] = Future()
            self._order = (where.code, answer)
        self._threads.start("packstation-launch-order", lambda: self._fetch(where.code, answer))

    def _fetch(self, ref: str, answer: Future[Order]) -> None:
        if self._left_open(ref, answer):
            return
        try:
            log.info("slip %s scanned at launch: asking Redo while the bench is built", ref)
            client = self._client.result()
            if client is None:
                raise LookupError("no API client is configured")
            answer.set_result(client.get_order(ref))
        except BaseException as exc:
            answer.set_exception(exc)

    def _left_open(self, ref: str, answer: Future[Order]) -> bool:
        """An order was left open: the bench restores it, and this code is no slip. The
        answer is withdrawn (the bench asks Redo itself if it ever loads ``ref``), unless
        the bench already took it, which then gets its answer as asked."""
        try:
            left_open = self.order_left_open()
        except Exception:  # the bench says what is wrong with the journal; ask as usual
            log.info("could not tell whether an order was left open", exc_info=True)
            return False
        if not left_open:
            return False
        with self._lock:
            if self._order is None or self._order[1] is not answer:
                return False
            self._order = (ref, None)
        answer.cancel()
        return True

    def take_order(self, ref: str, client: RedoClient) -> Future[Order] | None:
        """The answer for ``ref`` if it was asked ahead through ``client``, once; else None
        (a client built after new settings may speak to another store)."""
        with self._lock:
            if self._order is None or self._order[0] != ref or self._order[1] is None:
                return None
            if not self._client.done() or self._client.exception() is not None:
                return None
            if self._client.result() is not client:
                return None
            answer = self._order[1]
            self._order = (ref, None)
            return answer

    # ------------------------------------------------------------------ the client

    def take_client(self) -> Future[RedoClient | None] | None:
        """The client being built at launch, to the first caller only; None after that."""
        with self._lock:
            if self._client_taken:
                return None
            self._client_taken = True
            return self._client

    def close(self) -> None:
        """At exit, after the runtime joined its threads: close a client nobody took."""
        with self._lock:
            orphan = not self._client_taken
            self._client_taken = True
        if orphan and self._client.done() and self._client.exception() is None:
            client = self._client.result()
            if client is not None:
                client.close()
